import { type Kysely, sql } from 'kysely';
import type { TrainingStatusName } from '../domain/training/expiry.ts';
import type { Tables } from './tables.ts';
import { trainingStatusSql } from './training-status-sql.ts';

/** A trust's training kind as stored. */
export type TrainingKind = {
  id: string;
  trustId: string;
  code: string;
  title: string;
  validityMonths: number | null;
  appliesTo: 'everyone' | 'as-needed';
  position: number;
  retiredAt: Date | null;
};

/** One recorded completion. Dates are ISO calendar dates. */
export type TrainingRecord = {
  id: string;
  trustId: string;
  personId: string;
  kindId: string;
  completedOn: string;
  expiresOn: string | null;
  provider: string | null;
  recordedBy: string;
  recordedAt: Date;
};

/** Standing of one person for one kind: the domain's status names (domain/training/expiry.ts). */
export type TrainingCellStatus = TrainingStatusName;

export type TrainingCell = {
  personId: string;
  givenName: string;
  familyName: string;
  organisationId: string;
  kindId: string;
  status: TrainingCellStatus;
  completedOn: string | null;
  expiresOn: string | null;
};

/** Which people a school view covers: a school, or every school of the trust. */
export type TrainingScope = { trustId: string; organisationId: string | null };

type KindRow = {
  id: string;
  trust_id: string;
  code: string;
  title: string;
  validity_months: number | null;
  applies_to: 'everyone' | 'as-needed';
  position: number;
  retired_at: Date | null;
};
const toKind = (r: KindRow): TrainingKind => ({
  id: r.id,
  trustId: r.trust_id,
  code: r.code,
  title: r.title,
  validityMonths: r.validity_months,
  appliesTo: r.applies_to,
  position: r.position,
  retiredAt: r.retired_at,
});

const recordColumns = sql`id, trust_id, person_id, kind_id, completed_on::text AS completed_on, expires_on::text AS expires_on, provider, recorded_by, recorded_at`;
type RecordRow = {
  id: string;
  trust_id: string;
  person_id: string;
  kind_id: string;
  completed_on: string;
  expires_on: string | null;
  provider: string | null;
  recorded_by: string;
  recorded_at: Date;
};
const toRecord = (r: RecordRow): TrainingRecord => ({
  id: r.id,
  trustId: r.trust_id,
  personId: r.person_id,
  kindId: r.kind_id,
  completedOn: r.completed_on,
  expiresOn: r.expires_on,
  provider: r.provider,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

/**
 * The latest completion per person and kind, each classified on `today` with a warning window in
 * days (by the domain's rule, generated as SQL in training-status-sql.ts), for the current staff (no leaving date on or before today) in scope and the active kinds.
 */
const cellsQuery = (scope: TrainingScope, today: string, windowDays: number) => sql<{
  person_id: string;
  given_name: string;
  family_name: string;
  organisation_id: string;
  kind_id: string;
  status: TrainingCellStatus;
  completed_on: string | null;
  expires_on: string | null;
}>`
  SELECT p.id AS person_id, p.given_name, p.family_name, p.organisation_id, k.id AS kind_id,
    ${trainingStatusSql(today, windowDays)} AS status,
    r.completed_on::text AS completed_on, r.expires_on::text AS expires_on
  FROM people p
  CROSS JOIN training_kinds k
  LEFT JOIN (
    SELECT DISTINCT ON (person_id, kind_id) id, person_id, kind_id, completed_on, expires_on
    FROM training_records
    WHERE trust_id = ${scope.trustId} AND removed_at IS NULL
    ORDER BY person_id, kind_id, completed_on DESC, recorded_at DESC
  ) r ON r.person_id = p.id AND r.kind_id = k.id
  WHERE p.trust_id = ${scope.trustId} AND k.trust_id = ${scope.trustId} AND k.retired_at IS NULL
    AND (p.left_on IS NULL OR p.left_on > ${today}::date)
    ${scope.organisationId ? sql`AND p.organisation_id = ${scope.organisationId}` : sql``}`;

const toCell = (r: Awaited<ReturnType<ReturnType<typeof cellsQuery>['execute']>>['rows'][number]): TrainingCell => ({
  personId: r.person_id,
  givenName: r.given_name,
  familyName: r.family_name,
  organisationId: r.organisation_id,
  kindId: r.kind_id,
  status: r.status,
  completedOn: r.completed_on,
  expiresOn: r.expires_on,
});

/** Training kinds and records: rows in and out, and the school view's classification in SQL. */
export const training = (db: Kysely<Tables>) => ({
  kinds: async (trustId: string): Promise<TrainingKind[]> =>
    (await db.selectFrom('training_kinds').selectAll().where('trust_id', '=', trustId).orderBy('position').orderBy('title').execute()).map(
      toKind,
    ),

  findKind: async (trustId: string, id: string): Promise<TrainingKind | undefined> => {
    const row = await db.selectFrom('training_kinds').selectAll().where('trust_id', '=', trustId).where('id', '=', id).executeTakeFirst();
    return row && toKind(row);
  },

  /** Inserts kinds whose code the trust does not have yet; returns the codes inserted. */
  insertKindsIfAbsent: async (kinds: Omit<TrainingKind, 'retiredAt'>[]): Promise<string[]> => {
    if (kinds.length === 0) return [];
    const rows = await db
      .insertInto('training_kinds')
      .values(
        kinds.map((k) => ({
          id: k.id,
          trust_id: k.trustId,
          code: k.code,
          title: k.title,
          validity_months: k.validityMonths,
          applies_to: k.appliesTo,
          position: k.position,
        })),
      )
      .onConflict((oc) => oc.columns(['trust_id', 'code']).doNothing())
      .returning('code')
      .execute();
    return rows.map((r) => r.code);
  },

  updateKind: async (
    trustId: string,
    id: string,
    change: { title?: string; validityMonths?: number | null; appliesTo?: 'everyone' | 'as-needed'; retiredAt?: Date | null },
  ): Promise<void> => {
    await db
      .updateTable('training_kinds')
      .set({
        ...(change.title !== undefined ? { title: change.title } : {}),
        ...(change.validityMonths !== undefined ? { validity_months: change.validityMonths } : {}),
        ...(change.appliesTo !== undefined ? { applies_to: change.appliesTo } : {}),
        ...(change.retiredAt !== undefined ? { retired_at: change.retiredAt } : {}),
      })
      .where('trust_id', '=', trustId)
      .where('id', '=', id)
      .execute();
  },

  insertRecord: async (r: Omit<TrainingRecord, 'recordedAt'> & { recordedAt: Date }): Promise<void> => {
    await db
      .insertInto('training_records')
      .values({
        id: r.id,
        trust_id: r.trustId,
        person_id: r.personId,
        kind_id: r.kindId,
        completed_on: r.completedOn,
        expires_on: r.expiresOn,
        provider: r.provider,
        recorded_by: r.recordedBy,
        recorded_at: r.recordedAt,
      })
      .execute();
  },

  findRecord: async (trustId: string, personId: string, id: string): Promise<TrainingRecord | undefined> => {
    const { rows } = await sql<RecordRow>`SELECT ${recordColumns} FROM training_records
      WHERE trust_id = ${trustId} AND person_id = ${personId} AND id = ${id} AND removed_at IS NULL`.execute(db);
    return rows[0] && toRecord(rows[0]);
  },

  removeRecord: async (trustId: string, id: string, now: Date): Promise<void> => {
    await db.updateTable('training_records').set({ removed_at: now }).where('trust_id', '=', trustId).where('id', '=', id).execute();
  },

  /** A person's completions, newest first. */
  recordsOf: async (trustId: string, personId: string): Promise<TrainingRecord[]> => {
    const { rows } = await sql<RecordRow>`SELECT ${recordColumns} FROM training_records
      WHERE trust_id = ${trustId} AND person_id = ${personId} AND removed_at IS NULL
      ORDER BY completed_on DESC, recorded_at DESC`.execute(db);
    return rows.map(toRecord);
  },

  /** How many person × kind cells are in each status. */
  countsByStatus: async (scope: TrainingScope, today: string, windowDays: number): Promise<Record<TrainingCellStatus, number>> => {
    const { rows } = await sql<{ status: TrainingCellStatus; n: string }>`
      SELECT status, count(*)::text AS n FROM (${cellsQuery(scope, today, windowDays)}) c GROUP BY status`.execute(db);
    const counts: Record<TrainingCellStatus, number> = { missing: 0, expired: 0, expiring: 0, valid: 0, 'not-required': 0 };
    for (const r of rows) counts[r.status] = Number(r.n);
    return counts;
  },

  /**
   * The cells in the given statuses (optionally of one kind), ordered by person, for at most `limit`
   * people; plus every other cell of those people, so a people × kinds table can be drawn.
   */
  peopleWith: async (
    scope: TrainingScope,
    today: string,
    windowDays: number,
    filter: { statuses: TrainingCellStatus[]; kindId?: string | null; limit: number },
  ): Promise<TrainingCell[]> => {
    const { rows } = await sql<Parameters<typeof toCell>[0]>`
      WITH cells AS (${cellsQuery(scope, today, windowDays)}),
      chosen AS (
        SELECT DISTINCT person_id, family_name, given_name FROM cells
        WHERE status IN (${sql.join(filter.statuses)}) ${filter.kindId ? sql`AND kind_id = ${filter.kindId}` : sql``}
        ORDER BY family_name, given_name, person_id LIMIT ${filter.limit}
      )
      SELECT cells.* FROM cells JOIN chosen ON chosen.person_id = cells.person_id
      ORDER BY cells.family_name, cells.given_name, cells.person_id`.execute(db);
    return rows.map(toCell);
  },

  /** Every trust's id (the weekly digest runs over all of them, one trust at a time). */
  trustIds: async (): Promise<string[]> =>
    (
      await db
        .selectFrom('organisations')
        .select('trust_id')
        .where('kind', '=', 'trust')
        .whereRef('id', '=', 'trust_id')
        .orderBy('trust_id')
        .execute()
    ).map((r) => r.trust_id),

  schoolsOf: async (trustId: string): Promise<{ schoolId: string; name: string }[]> =>
    (
      await db
        .selectFrom('organisations')
        .select(['id', 'name'])
        .where('trust_id', '=', trustId)
        .where('kind', '=', 'school')
        .orderBy('name')
        .execute()
    ).map((r) => ({ schoolId: r.id, name: r.name })),

  /** Enabled accounts with the school admin role at a school. */
  schoolAdmins: async (trustId: string, schoolId: string): Promise<{ userId: string; email: string }[]> =>
    (
      await db
        .selectFrom('role_assignments as ra')
        .innerJoin('user_accounts as u', 'u.id', 'ra.user_id')
        .select(['u.id', 'u.email'])
        .distinct()
        .where('ra.trust_id', '=', trustId)
        .where('u.trust_id', '=', trustId)
        .where('ra.role', '=', 'school_admin')
        .where('ra.organisation_id', '=', schoolId)
        .where('u.disabled_at', 'is', null)
        .orderBy('u.email')
        .execute()
    ).map((r) => ({ userId: r.id, email: r.email })),
});
export type TrainingStore = ReturnType<typeof training>;
