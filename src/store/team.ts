import { type Kysely, sql } from 'kysely';
import type { JudgementValue } from '../contracts/person-state.ts';
import { isoDateOrNull } from './dates.ts';
import type { ReviewStage } from './portfolio-tables.ts';
import type { Tables } from './tables.ts';

/** The portfolio figures of one person, as the overview and the team view show them. */
export type PortfolioCounts = {
  personId: string;
  evidenceDrafts: number;
  evidenceAwaitingDecision: number;
  /** Evidence items with at least one claim returned for more work. */
  evidenceReturned: number;
  /** Current judgement of each item (latest row per item). */
  judgements: Map<string, JudgementValue>;
  cpdMinutesInYear: number;
  /** The latest record of each training kind the person has, with its expiry (ISO date or null). */
  training: { kindTitle: string; expiresOn: string | null }[];
  reviewStage: ReviewStage | null;
};

/** One person a manager line-manages. */
export type Report = { id: string; organisationId: string; name: string; jobTitle: string | null };

/** The people who report to a manager (current staff only), by name. */
export const reportsOf = async (db: Kysely<Tables>, trustId: string, managerPersonId: string): Promise<Report[]> => {
  const rows = await db
    .selectFrom('people')
    .select(['id', 'organisation_id', 'given_name', 'family_name', 'job_title'])
    .where('trust_id', '=', trustId)
    .where('line_manager_id', '=', managerPersonId)
    .where('left_on', 'is', null)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    name: `${r.given_name} ${r.family_name}`,
    jobTitle: r.job_title,
  }));
};

/**
 * The portfolio figures of several people of one trust at once: evidence by state, current
 * judgements, CPD minutes done within the academic year [yearStart, yearEnd], latest training per
 * kind and the stage of the review cycle of that academic year.
 */
export const portfolioCounts = async (
  db: Kysely<Tables>,
  trustId: string,
  personIds: readonly string[],
  year: { name: string; start: string; end: string },
): Promise<Map<string, PortfolioCounts>> => {
  const counts = new Map<string, PortfolioCounts>();
  if (personIds.length === 0) return counts;
  const ids = [...personIds];
  for (const personId of ids)
    counts.set(personId, {
      personId,
      evidenceDrafts: 0,
      evidenceAwaitingDecision: 0,
      evidenceReturned: 0,
      judgements: new Map(),
      cpdMinutesInYear: 0,
      training: [],
      reviewStage: null,
    });
  const [evidence, returned, current, cpd, training, cycles] = await Promise.all([
    db
      .selectFrom('evidence_items')
      .select(['person_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .where('trust_id', '=', trustId)
      .where('person_id', 'in', ids)
      .where('removed_at', 'is', null)
      .groupBy(['person_id', 'status'])
      .execute(),
    db
      .selectFrom('evidence_items as e')
      .select(['e.person_id', (eb) => eb.fn.count<string>('e.id').distinct().as('n')])
      .where('e.trust_id', '=', trustId)
      .where('e.person_id', 'in', ids)
      .where('e.removed_at', 'is', null)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('evidence_claims as c')
            .select('c.id')
            .whereRef('c.evidence_id', '=', 'e.id')
            .where('c.trust_id', '=', trustId)
            .where('c.status', '=', 'returned'),
        ),
      )
      .groupBy('e.person_id')
      .execute(),
    db
      .selectFrom('judgements')
      .select(['person_id', 'item_code', 'value'])
      .distinctOn(['person_id', 'item_code'])
      .where('trust_id', '=', trustId)
      .where('person_id', 'in', ids)
      .orderBy('person_id')
      .orderBy('item_code')
      .orderBy('judged_at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('cpd_activities')
      .select(['person_id', (eb) => eb.fn.sum<string>('minutes').as('minutes')])
      .where('trust_id', '=', trustId)
      .where('person_id', 'in', ids)
      .where('removed_at', 'is', null)
      .where('status', '=', 'done')
      .where('occurred_on', '>=', sql<Date>`${year.start}::date`)
      .where('occurred_on', '<=', sql<Date>`${year.end}::date`)
      .groupBy('person_id')
      .execute(),
    db
      .selectFrom('training_records as r')
      .innerJoin('training_kinds as k', 'k.id', 'r.kind_id')
      .select(['r.person_id', 'r.kind_id', 'k.title', 'r.expires_on'])
      .distinctOn(['r.person_id', 'r.kind_id'])
      .where('r.trust_id', '=', trustId)
      .where('k.trust_id', '=', trustId)
      .where('r.person_id', 'in', ids)
      .where('r.removed_at', 'is', null)
      .where('k.retired_at', 'is', null)
      .orderBy('r.person_id')
      .orderBy('r.kind_id')
      .orderBy('r.completed_on', 'desc')
      .execute(),
    db
      .selectFrom('review_cycles')
      .select(['person_id', 'stage'])
      .where('trust_id', '=', trustId)
      .where('person_id', 'in', ids)
      .where('academic_year', '=', year.name)
      .execute(),
  ]);
  const of = (personId: string) => counts.get(personId);
  for (const r of evidence) {
    const c = of(r.person_id);
    if (!c) continue;
    if (r.status === 'draft') c.evidenceDrafts = Number(r.n);
    if (r.status === 'submitted') c.evidenceAwaitingDecision = Number(r.n);
  }
  for (const r of returned) {
    const c = of(r.person_id);
    if (c) c.evidenceReturned = Number(r.n);
  }
  for (const r of current) of(r.person_id)?.judgements.set(r.item_code, r.value);
  for (const r of cpd) {
    const c = of(r.person_id);
    if (c) c.cpdMinutesInYear = Number(r.minutes ?? 0);
  }
  for (const r of training) of(r.person_id)?.training.push({ kindTitle: r.title, expiresOn: isoDateOrNull(r.expires_on) });
  for (const r of cycles) {
    const c = of(r.person_id);
    if (c) c.reviewStage = r.stage;
  }
  return counts;
};
