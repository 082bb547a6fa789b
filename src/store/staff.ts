import type { Kysely } from 'kysely';
import { isoDateOrNull } from './dates.ts';
import type { OrganisationRow, PersonRow, Tables } from './tables.ts';

/** A person of a school with their posts, as the staff import and export read them. */
export type StaffMemberRow = {
  id: string;
  trustId: string;
  organisationId: string;
  givenName: string;
  familyName: string;
  workEmail: string | null;
  staffCode: string | null;
  gradedRole: string | null;
  jobTitle: string | null;
  lineManagerId: string | null;
  hoursPerWeek: number | null;
  weeksPerYear: number | null;
  startDate: string | null;
  leftOn: string | null;
  specialisms: string[];
  posts: StaffPostValues[];
};

export type StaffPostValues = {
  gradedRole: string | null;
  roleValue: string | null;
  jobTitle: string | null;
  hoursPerWeek: number | null;
  weeksPerYear: number | null;
};

/** The person columns an import writes. */
export type StaffPersonValues = {
  givenName: string;
  familyName: string;
  workEmail: string | null;
  staffCode: string | null;
  gradedRole: string | null;
  jobTitle: string | null;
  hoursPerWeek: number | null;
  weeksPerYear: number | null;
  startDate: string | null;
  leftOn: string | null;
  specialisms: string[];
};

/** Each value an import writes and the column it is stored in: the one mapping, used to read and to write. */
const personColumnOf = {
  givenName: 'given_name',
  familyName: 'family_name',
  workEmail: 'work_email',
  staffCode: 'staff_code',
  gradedRole: 'graded_role',
  jobTitle: 'job_title',
  hoursPerWeek: 'hours_per_week',
  weeksPerYear: 'weeks_per_year',
  startDate: 'start_date',
  leftOn: 'left_on',
  specialisms: 'specialisms',
} as const satisfies Record<keyof StaffPersonValues, keyof PersonRow>;

const personKeys = Object.keys(personColumnOf) as (keyof StaffPersonValues)[];

type PersonColumns = { [K in keyof StaffPersonValues as (typeof personColumnOf)[K]]: StaffPersonValues[K] };

/** The columns of the values given; a value left out (undefined) is not written. */
const changedColumns = (values: Partial<StaffPersonValues>): Partial<PersonColumns> => {
  const columns: Partial<Record<keyof PersonColumns, unknown>> = {};
  for (const key of personKeys) if (values[key] !== undefined) columns[personColumnOf[key]] = values[key];
  return columns as Partial<PersonColumns>;
};

/** Every column of the values (all are present in a whole `StaffPersonValues`). */
const personColumns = (values: StaffPersonValues): PersonColumns => changedColumns(values) as PersonColumns;

/** The values of a stored person, through the same mapping; dates come back as ISO calendar dates. */
const personValuesOf = (row: PersonRow): StaffPersonValues => {
  const values: Partial<Record<keyof StaffPersonValues, unknown>> = {};
  for (const key of personKeys) values[key] = row[personColumnOf[key]];
  return { ...(values as StaffPersonValues), startDate: isoDateOrNull(row.start_date), leftOn: isoDateOrNull(row.left_on) };
};

/** People and their posts, for the staff import (writes) and export (reads). Every query is scoped by trust. */
export const staff = (db: Kysely<Tables>) => ({
  /** A school by its id or its URN. */
  findSchool: async (idOrUrn: string): Promise<OrganisationRow | undefined> => {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrUrn);
    return db
      .selectFrom('organisations')
      .selectAll()
      .where('kind', '=', 'school')
      .where((eb) => (isUuid ? eb.or([eb('id', '=', idOrUrn), eb('urn', '=', idOrUrn)]) : eb('urn', '=', idOrUrn)))
      .executeTakeFirst();
  },

  /** Everyone employed by the school, leavers included, with their posts in order. */
  listBySchool: async (trustId: string, schoolId: string): Promise<StaffMemberRow[]> => {
    const rows = await db
      .selectFrom('people')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('organisation_id', '=', schoolId)
      .orderBy('family_name')
      .orderBy('given_name')
      .orderBy('id')
      .execute();
    const ids = rows.map((r) => r.id);
    const posts =
      ids.length === 0
        ? []
        : await db
            .selectFrom('staff_posts')
            .selectAll()
            .where('trust_id', '=', trustId)
            .where('person_id', 'in', ids)
            .orderBy('person_id')
            .orderBy('position')
            .execute();
    const postsOf = Map.groupBy(posts, (p) => p.person_id);
    return rows.map((r) => ({
      id: r.id,
      trustId: r.trust_id,
      organisationId: r.organisation_id,
      lineManagerId: r.line_manager_id,
      ...personValuesOf(r),
      posts: (postsOf.get(r.id) ?? []).map((p) => ({
        gradedRole: p.graded_role,
        roleValue: p.role_value,
        jobTitle: p.job_title,
        hoursPerWeek: p.hours_per_week,
        weeksPerYear: p.weeks_per_year,
      })),
    }));
  },

  /** Staff codes and emails of everyone in the trust, to resolve line managers named in a file. */
  listTrustKeys: (trustId: string) =>
    db
      .selectFrom('people')
      .select(['id', 'organisation_id as organisationId', 'staff_code as staffCode', 'work_email as workEmail'])
      .where('trust_id', '=', trustId)
      .execute(),

  insertPerson: async (person: { id: string; trustId: string; organisationId: string; now: Date } & StaffPersonValues): Promise<void> => {
    await db
      .insertInto('people')
      .values({
        id: person.id,
        trust_id: person.trustId,
        organisation_id: person.organisationId,
        line_manager_id: null,
        created_at: person.now,
        updated_at: person.now,
        ...personColumns(person),
      })
      .execute();
  },

  /** Writes the given person columns only; any left out keep their value. */
  updatePerson: async (trustId: string, personId: string, values: Partial<StaffPersonValues>, now: Date): Promise<void> => {
    await db
      .updateTable('people')
      .set({ ...changedColumns(values), updated_at: now })
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .execute();
  },

  setLineManager: async (trustId: string, personId: string, managerId: string | null): Promise<void> => {
    await db.updateTable('people').set({ line_manager_id: managerId }).where('trust_id', '=', trustId).where('id', '=', personId).execute();
  },

  markLeft: async (trustId: string, personId: string, leftOn: string, now: Date): Promise<void> => {
    await db
      .updateTable('people')
      .set({ left_on: leftOn, updated_at: now })
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .execute();
  },

  /** Replaces a person's posts with the given ones, in order. */
  replacePosts: async (trustId: string, personId: string, posts: readonly StaffPostValues[], newId: () => string): Promise<void> => {
    await db.deleteFrom('staff_posts').where('trust_id', '=', trustId).where('person_id', '=', personId).execute();
    if (posts.length === 0) return;
    await db
      .insertInto('staff_posts')
      .values(
        posts.map((p, position) => ({
          id: newId(),
          trust_id: trustId,
          person_id: personId,
          graded_role: p.gradedRole,
          role_value: p.roleValue,
          job_title: p.jobTitle,
          hours_per_week: p.hoursPerWeek,
          weeks_per_year: p.weeksPerYear,
          position,
        })),
      )
      .execute();
  },
});
export type Staff = ReturnType<typeof staff>;
