import type { ColumnType, Kysely, Selectable } from 'kysely';
import type { DutyFrequency } from '../contracts/duty-profile.ts';
import type { Tables } from './tables.ts';

/** One saved duty profile (each save is a new row: the history is kept). */
export type DutyProfilesTable = {
  id: string;
  trust_id: string;
  person_id: string;
  current_role: string;
  answers: ColumnType<Record<string, DutyFrequency>, string, string>;
  status: 'self-assessed' | 'confirmed';
  recorded_by: string;
  confirmed_by: string | null;
  recorded_at: ColumnType<Date, Date | string, Date | string>;
  confirmed_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
};
type DutyProfileRow = Selectable<DutyProfilesTable>;

/** A stored duty profile as a value. */
export type StoredDutyProfile = {
  id: string;
  trustId: string;
  personId: string;
  currentRole: string;
  duties: Record<string, DutyFrequency>;
  status: 'self-assessed' | 'confirmed';
  recordedBy: string;
  confirmedBy: string | null;
  recordedAt: Date;
  confirmedAt: Date | null;
};

const toValue = (row: DutyProfileRow): StoredDutyProfile => ({
  id: row.id,
  trustId: row.trust_id,
  personId: row.person_id,
  currentRole: row.current_role,
  duties: row.answers,
  status: row.status,
  recordedBy: row.recorded_by,
  confirmedBy: row.confirmed_by,
  recordedAt: new Date(row.recorded_at),
  confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : null,
});

/** Duty profiles per person, newest first. Every query is scoped by trust. */
export const dutyProfiles = (kysely: Kysely<Tables>) => {
  const db = kysely.withTables<{ duty_profiles: DutyProfilesTable }>();
  return {
    insert: async (p: Omit<StoredDutyProfile, 'confirmedBy' | 'confirmedAt' | 'status'>): Promise<void> => {
      await db
        .insertInto('duty_profiles')
        .values({
          id: p.id,
          trust_id: p.trustId,
          person_id: p.personId,
          current_role: p.currentRole,
          answers: JSON.stringify(p.duties),
          status: 'self-assessed',
          recorded_by: p.recordedBy,
          confirmed_by: null,
          recorded_at: p.recordedAt,
          confirmed_at: null,
        })
        .execute();
    },

    find: async (trustId: string, id: string): Promise<StoredDutyProfile | undefined> => {
      const row = await db.selectFrom('duty_profiles').selectAll().where('trust_id', '=', trustId).where('id', '=', id).executeTakeFirst();
      return row ? toValue(row) : undefined;
    },

    confirm: async (trustId: string, id: string, by: string, at: Date): Promise<void> => {
      await db
        .updateTable('duty_profiles')
        .set({ status: 'confirmed', confirmed_by: by, confirmed_at: at })
        .where('trust_id', '=', trustId)
        .where('id', '=', id)
        .execute();
    },

    /** The person's duty profiles, newest first. */
    history: async (trustId: string, personId: string): Promise<StoredDutyProfile[]> => {
      const rows = await db
        .selectFrom('duty_profiles')
        .selectAll()
        .where('trust_id', '=', trustId)
        .where('person_id', '=', personId)
        .orderBy('recorded_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      return rows.map(toValue);
    },
  };
};
export type DutyProfiles = ReturnType<typeof dutyProfiles>;

/** A person with what progression needs from their employer: the school's phase and nation (and the trust's nation). */
export type ProgressionSubject = {
  id: string;
  trustId: string;
  organisationId: string;
  name: string;
  gradedRole: string | null;
  specialisms: string[];
  lineManagerId: string | null;
  phase: string | null;
  nation: string | null;
};

/** Reads one person by id, whatever their trust: the caller authorizes against the trust it returns. */
export const progressionSubjects = (db: Kysely<Tables>) => ({
  find: async (personId: string): Promise<ProgressionSubject | undefined> => {
    const row = await db
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .leftJoin('organisations as t', 't.id', 'o.parent_id')
      .select([
        'p.id',
        'p.trust_id',
        'p.organisation_id',
        'p.given_name',
        'p.family_name',
        'p.graded_role',
        'p.specialisms',
        'p.line_manager_id',
        'o.phase',
        'o.nation',
        't.nation as parent_nation',
      ])
      .where('p.id', '=', personId)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      id: row.id,
      trustId: row.trust_id,
      organisationId: row.organisation_id,
      name: `${row.given_name} ${row.family_name}`,
      gradedRole: row.graded_role,
      specialisms: row.specialisms,
      lineManagerId: row.line_manager_id,
      phase: row.phase,
      nation: row.nation ?? row.parent_nation,
    };
  },
});
