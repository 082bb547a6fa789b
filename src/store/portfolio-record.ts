import type { Kysely } from 'kysely';
import type { PortfolioRecord } from '../contracts/portfolio/record.ts';
import { isoDateOf, isoDateOrNull } from './dates.ts';
import type { Tables } from './tables.ts';

const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One stored judgement with the title of the evidence behind it (oldest first across items). */
export type RecordJudgementRow = PortfolioRecord['judgements'][number]['current'] & { itemCode: string };

/** Everything stored about one person's portfolio, as values; the use-case adds titles from the catalogue and totals. */
export type StoredPortfolio = Omit<PortfolioRecord, 'schemaVersion' | 'exportedAt' | 'judgements' | 'cpd'> & {
  judgements: RecordJudgementRow[];
  cpd: PortfolioRecord['cpd']['activities'];
};

/** Reads one person's whole portfolio (every table of the staff portfolio) within their trust. */
export const portfolioRecord = async (db: Kysely<Tables>, trustId: string, personId: string): Promise<StoredPortfolio | undefined> => {
  const person = await db
    .selectFrom('people as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select([
      'p.id',
      'p.given_name',
      'p.family_name',
      'p.work_email',
      'p.job_title',
      'p.graded_role',
      'p.start_date',
      'p.ehcp_or_statement',
      'p.bsl_qualification',
      'o.id as school_id',
      'o.name as school_name',
    ])
    .where('p.trust_id', '=', trustId)
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) return undefined;

  const [achievementRows, judgementRows, evidenceRows, claimRows, attachmentRows, cpdRows, cycleRows, trainingRows, fileRows] =
    await Promise.all([
      db
        .selectFrom('achievements')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .orderBy('recorded_at')
        .execute(),
      db
        .selectFrom('judgements as j')
        .leftJoin('evidence_items as e', 'e.id', 'j.evidence_id')
        .select([
          'j.item_code',
          'j.value',
          'j.source',
          'j.evidence_id',
          'e.title as evidence_title',
          'j.note',
          'j.judged_by',
          'j.judged_at',
        ])
        .where('j.trust_id', '=', trustId)
        .where('j.person_id', '=', personId)
        .orderBy('j.item_code')
        .orderBy('j.judged_at', 'desc')
        .orderBy('j.id', 'desc')
        .execute(),
      db
        .selectFrom('evidence_items')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .where('removed_at', 'is', null)
        .orderBy('occurred_on')
        .orderBy('created_at')
        .execute(),
      db
        .selectFrom('evidence_claims as c')
        .innerJoin('evidence_items as e', 'e.id', 'c.evidence_id')
        .select(['c.evidence_id', 'c.item_code', 'c.status', 'c.feedback', 'c.decided_at'])
        .where('c.trust_id', '=', trustId)
        .where('e.trust_id', '=', trustId)
        .where('e.person_id', '=', personId)
        .orderBy('c.item_code')
        .execute(),
      db
        .selectFrom('attachments')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .where('removed_at', 'is', null)
        .orderBy('uploaded_at')
        .execute(),
      db
        .selectFrom('cpd_activities')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .where('removed_at', 'is', null)
        .orderBy('occurred_on', 'desc')
        .execute(),
      db
        .selectFrom('review_cycles')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .orderBy('academic_year', 'desc')
        .execute(),
      db
        .selectFrom('training_records as r')
        .innerJoin('training_kinds as k', 'k.id', 'r.kind_id')
        .select(['r.id', 'k.code', 'k.title', 'r.completed_on', 'r.expires_on', 'r.provider'])
        .where('r.trust_id', '=', trustId)
        .where('k.trust_id', '=', trustId)
        .where('r.person_id', '=', personId)
        .where('r.removed_at', 'is', null)
        .orderBy('k.position')
        .orderBy('r.completed_on', 'desc')
        .execute(),
      db
        .selectFrom('hlta_file_entries')
        .select(['standard_code', 'evidence_id'])
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .orderBy('standard_code')
        .orderBy('position')
        .execute(),
    ]);

  const cycleIds = cycleRows.map((c) => c.id);
  const [objectiveRows, commentRows] =
    cycleIds.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .selectFrom('review_objectives')
            .selectAll()
            .where('trust_id', '=', trustId)
            .where('cycle_id', 'in', cycleIds)
            .where('removed_at', 'is', null)
            .orderBy('position')
            .execute(),
          db
            .selectFrom('review_comments')
            .selectAll()
            .where('trust_id', '=', trustId)
            .where('cycle_id', 'in', cycleIds)
            .orderBy('written_at')
            .execute(),
        ]);

  const fileEntries = new Map<string, string[]>();
  for (const f of fileRows) fileEntries.set(f.standard_code, [...(fileEntries.get(f.standard_code) ?? []), f.evidence_id]);

  return {
    person: {
      id: person.id,
      givenName: person.given_name,
      familyName: person.family_name,
      workEmail: person.work_email,
      jobTitle: person.job_title,
      gradedRole: person.graded_role,
      school: { id: person.school_id, name: person.school_name },
      startDate: isoDateOrNull(person.start_date),
      ehcpOrStatement: person.ehcp_or_statement,
      bslQualification: person.bsl_qualification,
    },
    achievements: achievementRows.map((a) => ({
      id: a.id,
      kind: a.kind,
      details: isRecord(a.details) ? a.details : {},
      achievedOn: isoDateOrNull(a.achieved_on),
      recordedAt: a.recorded_at.toISOString(),
      removedAt: isoOrNull(a.removed_at),
    })),
    judgements: judgementRows.map((j) => ({
      itemCode: j.item_code,
      value: j.value,
      source: j.source,
      evidenceId: j.evidence_id,
      evidenceTitle: j.evidence_title,
      note: j.note,
      judgedBy: j.judged_by,
      judgedAt: j.judged_at.toISOString(),
    })),
    evidence: evidenceRows.map((e) => ({
      id: e.id,
      kind: e.kind,
      title: e.title,
      occurredOn: isoDateOf(e.occurred_on),
      body: e.body,
      status: e.status,
      createdAt: e.created_at.toISOString(),
      submittedAt: isoOrNull(e.submitted_at),
      decidedAt: isoOrNull(e.decided_at),
      claims: claimRows
        .filter((c) => c.evidence_id === e.id)
        .map((c) => ({ itemCode: c.item_code, status: c.status, feedback: c.feedback, decidedAt: isoOrNull(c.decided_at) })),
      attachments: attachmentRows
        .filter((a) => a.owner_kind === 'evidence' && a.owner_id === e.id)
        .map((a) => ({
          id: a.id,
          fileName: a.file_name,
          mediaType: a.media_type,
          sizeBytes: Number(a.size_bytes),
          sha256: a.sha256,
          uploadedAt: a.uploaded_at.toISOString(),
        })),
    })),
    cpd: cpdRows.map((c) => ({
      id: c.id,
      status: c.status,
      title: c.title,
      provider: c.provider,
      kind: c.kind,
      occurredOn: isoDateOrNull(c.occurred_on),
      minutes: c.minutes,
      itemCodes: c.item_codes,
      reflection: c.reflection,
    })),
    reviews: cycleRows.map((c) => ({
      id: c.id,
      academicYear: c.academic_year,
      stage: c.stage,
      outcome: c.outcome,
      staffSignedAt: isoOrNull(c.staff_signed_at),
      reviewerSignedAt: isoOrNull(c.reviewer_signed_at),
      objectives: objectiveRows
        .filter((o) => o.cycle_id === c.id)
        .map((o) => ({ id: o.id, title: o.title, description: o.description, itemCodes: o.item_codes })),
      comments: commentRows
        .filter((m) => m.cycle_id === c.id)
        .map((m) => ({ stage: m.stage, side: m.side, objectiveId: m.objective_id, body: m.body, writtenAt: m.written_at.toISOString() })),
    })),
    training: trainingRows.map((t) => ({
      id: t.id,
      kindCode: t.code,
      kindTitle: t.title,
      completedOn: isoDateOf(t.completed_on),
      expiresOn: isoDateOrNull(t.expires_on),
      provider: t.provider,
    })),
    hltaEvidenceFile: [...fileEntries].map(([standardCode, evidenceIds]) => ({ standardCode, evidenceIds })),
  };
};
