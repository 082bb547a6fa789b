import { type ColumnType, type Kysely, sql } from 'kysely';
import type { OffTheJobEntryStatus, OffTheJobEvidenceTime } from '../../domain/apprenticeships/off-the-job-log.ts';
import { isoDateOf } from '../dates.ts';
import type { DateColumn, Tables, Timestamp } from '../tables.ts';

/** The off-the-job log (migration 20261204_0110_off_the_job_and_reviews.sql). */
export type OffTheJobEntriesTable = {
  id: string;
  trust_id: string;
  enrolment_id: string;
  occurred_on: DateColumn;
  minutes: number;
  activity: string;
  description: string;
  ksb_codes: ColumnType<string[], string[] | undefined, string[]>;
  status: OffTheJobEntryStatus;
  feedback: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type OffTheJobEntryEvidenceTable = { entry_id: string; evidence_id: string; trust_id: string };

/** One log entry as stored, with the evidence it links and who decided it. */
export type StoredOffTheJobEntry = {
  id: string;
  enrolmentId: string;
  date: string;
  minutes: number;
  activity: string;
  description: string;
  ksbCodes: string[];
  evidenceIds: string[];
  status: OffTheJobEntryStatus;
  feedback: string | null;
  decidedBy: { userId: string; name: string | null } | null;
  decidedAt: Date | null;
  createdBy: string;
  createdByName: string | null;
  createdAt: Date;
};

export type EntryFields = {
  date: string;
  minutes: number;
  activity: string;
  description: string;
  ksbCodes: string[];
  evidenceIds: string[];
};

/** Evidence of a person as the log's picker shows it. */
export type EvidenceChoice = { id: string; title: string; occurredOn: string; offTheJobMinutes: number | null };

const nameOf = (given: string | null, family: string | null, email: string | null): string | null =>
  given !== null && family !== null ? `${given} ${family}`.trim() : email;

/** Off-the-job entries and the evidence time they draw on; every query names the trust. */
export const offTheJobLog = (db: Kysely<Tables>) => {
  const linksOf = async (trustId: string, entryIds: readonly string[]) => {
    const links = new Map<string, string[]>();
    if (entryIds.length === 0) return links;
    const rows = await db
      .selectFrom('off_the_job_entry_evidence')
      .select(['entry_id', 'evidence_id'])
      .where('trust_id', '=', trustId)
      .where('entry_id', 'in', entryIds)
      .orderBy('evidence_id')
      .execute();
    for (const r of rows) links.set(r.entry_id, [...(links.get(r.entry_id) ?? []), r.evidence_id]);
    return links;
  };

  const select = () =>
    db
      .selectFrom('off_the_job_entries as o')
      .leftJoin('user_accounts as du', 'du.id', 'o.decided_by')
      .leftJoin('people as dp', 'dp.id', 'du.person_id')
      .leftJoin('user_accounts as cu', 'cu.id', 'o.created_by')
      .leftJoin('people as cp', 'cp.id', 'cu.person_id')
      .selectAll('o')
      .select(['du.email as d_email', 'dp.given_name as d_given', 'dp.family_name as d_family'])
      .select(['cu.email as c_email', 'cp.given_name as c_given', 'cp.family_name as c_family']);
  type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
  const toEntry = (r: Row, evidenceIds: string[]): StoredOffTheJobEntry => ({
    id: r.id,
    enrolmentId: r.enrolment_id,
    date: isoDateOf(r.occurred_on),
    minutes: r.minutes,
    activity: r.activity,
    description: r.description,
    ksbCodes: r.ksb_codes,
    evidenceIds,
    status: r.status,
    feedback: r.feedback,
    decidedBy: r.decided_by ? { userId: r.decided_by, name: nameOf(r.d_given, r.d_family, r.d_email) } : null,
    decidedAt: r.decided_at,
    createdBy: r.created_by,
    createdByName: nameOf(r.c_given, r.c_family, r.c_email),
    createdAt: r.created_at,
  });

  const setLinks = async (trustId: string, entryId: string, evidenceIds: readonly string[]) => {
    await db.deleteFrom('off_the_job_entry_evidence').where('trust_id', '=', trustId).where('entry_id', '=', entryId).execute();
    if (evidenceIds.length > 0)
      await db
        .insertInto('off_the_job_entry_evidence')
        .values(evidenceIds.map((evidence_id) => ({ entry_id: entryId, evidence_id, trust_id: trustId })))
        .execute();
  };

  return {
    /** The enrolment's entries, oldest first. */
    list: async (trustId: string, enrolmentId: string): Promise<StoredOffTheJobEntry[]> => {
      const rows = await select()
        .where('o.trust_id', '=', trustId)
        .where('o.enrolment_id', '=', enrolmentId)
        .orderBy('o.occurred_on')
        .orderBy('o.created_at')
        .orderBy('o.id')
        .execute();
      const links = await linksOf(
        trustId,
        rows.map((r) => r.id),
      );
      return rows.map((r) => toEntry(r, links.get(r.id) ?? []));
    },

    /** One entry of the enrolment, locked for a change when asked (inside the caller's transaction). */
    find: async (
      trustId: string,
      enrolmentId: string,
      id: string,
      options: { lock?: boolean } = {},
    ): Promise<StoredOffTheJobEntry | undefined> => {
      if (options.lock)
        await db.selectFrom('off_the_job_entries').select('id').where('trust_id', '=', trustId).where('id', '=', id).forUpdate().execute();
      const row = await select()
        .where('o.trust_id', '=', trustId)
        .where('o.enrolment_id', '=', enrolmentId)
        .where('o.id', '=', id)
        .executeTakeFirst();
      if (!row) return undefined;
      return toEntry(row, (await linksOf(trustId, [id])).get(id) ?? []);
    },

    insert: async (r: { id: string; trustId: string; enrolmentId: string; createdBy: string; at: Date } & EntryFields) => {
      await db
        .insertInto('off_the_job_entries')
        .values({
          id: r.id,
          trust_id: r.trustId,
          enrolment_id: r.enrolmentId,
          occurred_on: r.date,
          minutes: r.minutes,
          activity: r.activity,
          description: r.description,
          ksb_codes: r.ksbCodes,
          status: 'submitted',
          created_by: r.createdBy,
          created_at: r.at,
          updated_at: r.at,
        })
        .execute();
      await setLinks(r.trustId, r.id, r.evidenceIds);
    },

    /** Changes an entry's fields; it goes (back) to the provider, its last decision cleared. */
    update: async (trustId: string, id: string, fields: EntryFields, at: Date) => {
      await db
        .updateTable('off_the_job_entries')
        .set({
          occurred_on: fields.date,
          minutes: fields.minutes,
          activity: fields.activity,
          description: fields.description,
          ksb_codes: fields.ksbCodes,
          status: 'submitted',
          decided_by: null,
          decided_at: null,
          updated_at: at,
        })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
      await setLinks(trustId, id, fields.evidenceIds);
    },

    decide: async (trustId: string, id: string, d: { status: 'approved' | 'returned'; feedback: string | null; by: string; at: Date }) => {
      await db
        .updateTable('off_the_job_entries')
        .set({ status: d.status, feedback: d.feedback, decided_by: d.by, decided_at: d.at, updated_at: d.at })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    /** The person's evidence (not removed) for the picker, newest first. */
    evidenceChoices: async (trustId: string, personId: string): Promise<EvidenceChoice[]> =>
      (
        await db
          .selectFrom('evidence_items')
          .select(['id', 'title', 'occurred_on', 'off_the_job_minutes'])
          .where('trust_id', '=', trustId)
          .where('person_id', '=', personId)
          .where('removed_at', 'is', null)
          .orderBy('occurred_on', 'desc')
          .orderBy('id')
          .execute()
      ).map((r) => ({ id: r.id, title: r.title, occurredOn: isoDateOf(r.occurred_on), offTheJobMinutes: r.off_the_job_minutes })),

    /** The person's evidence marked as off-the-job from a date on, and whether the provider has accepted it. */
    evidenceTime: async (trustId: string, personId: string, from: string): Promise<OffTheJobEvidenceTime[]> =>
      (
        await db
          .selectFrom('evidence_items as e')
          .select(['e.id', 'e.title', 'e.occurred_on', 'e.off_the_job_minutes'])
          .select(
            sql<boolean>`exists (select 1 from evidence_claims c where c.evidence_id = e.id and c.status = 'accepted')`.as('accepted'),
          )
          .where('e.trust_id', '=', trustId)
          .where('e.person_id', '=', personId)
          .where('e.removed_at', 'is', null)
          .where('e.off_the_job_minutes', 'is not', null)
          .where('e.occurred_on', '>=', sql<Date>`${from}::date`)
          .orderBy('e.occurred_on')
          .orderBy('e.id')
          .execute()
      ).map((r) => ({
        evidenceId: r.id,
        title: r.title,
        occurredOn: isoDateOf(r.occurred_on),
        minutes: r.off_the_job_minutes ?? 0,
        accepted: Boolean(r.accepted),
      })),

    /** Marks (minutes) or unmarks (null) a piece of evidence as off-the-job training. */
    setEvidenceMinutes: async (trustId: string, evidenceId: string, minutes: number | null) => {
      await db
        .updateTable('evidence_items')
        .set({ off_the_job_minutes: minutes })
        .where('trust_id', '=', trustId)
        .where('id', '=', evidenceId)
        .execute();
    },
  };
};

/**
 * The approved off-the-job hours of enrolments, each minute counted once (the rule of
 * domain/apprenticeships/off-the-job-log.ts `countOffTheJobTime`, in SQL for many enrolments at
 * once): approved entries, plus the apprentice's accepted off-the-job evidence from the start date
 * that no approved entry of the enrolment links. Keyed by enrolment id; enrolments with none give 0.
 */
export const approvedOffTheJobHoursOf = async (db: Kysely<Tables>, enrolmentIds: readonly string[]): Promise<Map<string, number>> => {
  const out = new Map<string, number>(enrolmentIds.map((id) => [id, 0]));
  if (enrolmentIds.length === 0) return out;
  const ids = sql.join(enrolmentIds.map((id) => sql`${id}::uuid`));
  const { rows } = await sql<{ enrolment_id: string; minutes: string | number | null }>`
    select e.id as enrolment_id,
      coalesce((select sum(o.minutes) from off_the_job_entries o
        where o.enrolment_id = e.id and o.trust_id = e.trust_id and o.status = 'approved'), 0)
      + coalesce((select sum(ev.off_the_job_minutes) from evidence_items ev
        where ev.trust_id = e.trust_id and ev.person_id = e.person_id and ev.removed_at is null
          and ev.off_the_job_minutes is not null and ev.occurred_on >= e.start_date
          and exists (select 1 from evidence_claims c where c.evidence_id = ev.id and c.status = 'accepted')
          and not exists (select 1 from off_the_job_entry_evidence l join off_the_job_entries o on o.id = l.entry_id
            where l.evidence_id = ev.id and o.enrolment_id = e.id and o.status = 'approved')), 0) as minutes
    from enrolments e where e.id in (${ids})`.execute(db);
  for (const r of rows) out.set(r.enrolment_id, Math.round((Number(r.minutes ?? 0) / 60) * 100) / 100);
  return out;
};

/** The approved off-the-job hours of one enrolment (0 for none, or an unknown id): what the Gateway to Completion checks. */
export const approvedOffTheJobHours = async (db: Kysely<Tables>, enrolmentId: string): Promise<number> =>
  (await approvedOffTheJobHoursOf(db, [enrolmentId])).get(enrolmentId) ?? 0;
