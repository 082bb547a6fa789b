import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { OrganisationRow, PersonRow, Tables } from './tables.ts';

/** Ids a query is limited to (any of them matches); an empty scope matches nothing. */
export type DirectoryScope = { trustIds: readonly string[]; organisationIds: readonly string[]; personIds: readonly string[] };
/** Accounts are scoped like people, plus individual accounts (a user's own). */
export type AccountScope = DirectoryScope & { userIds: readonly string[] };

export type PeopleSort = 'name' | 'school' | 'role' | 'start';
export type PeopleFilters = {
  q?: string;
  organisationId?: string;
  gradedRole?: string;
  specialism?: string;
  includeLeavers: boolean;
  sort: PeopleSort;
  offset: number;
  limit: number;
};

export type PersonListRow = Pick<
  PersonRow,
  | 'id'
  | 'trust_id'
  | 'organisation_id'
  | 'given_name'
  | 'family_name'
  | 'work_email'
  | 'staff_code'
  | 'graded_role'
  | 'job_title'
  | 'left_on'
  | 'specialisms'
> & { organisation_name: string };

export type PersonDetailRow = PersonRow & { organisation_name: string; line_manager_name: string | null };

export type AccountListRow = {
  id: string;
  trust_id: string;
  email: string;
  disabled_at: Date | null;
  person_id: string | null;
  person_name: string | null;
  organisation_id: string;
  organisation_name: string;
};

export type RoleAssignmentRow = {
  id: string;
  trust_id: string;
  user_id: string;
  role: Tables['role_assignments']['role'];
  organisation_id: string;
  organisation_name: string;
  headteacher: boolean;
};

type PeopleEb = ExpressionBuilder<Tables & { p: Tables['people'] }, 'p'>;

const peopleInScope = (eb: PeopleEb, scope: DirectoryScope): Expression<SqlBool> => {
  const parts: Expression<SqlBool>[] = [];
  if (scope.trustIds.length) parts.push(eb('p.trust_id', 'in', [...scope.trustIds]));
  if (scope.organisationIds.length) parts.push(eb('p.organisation_id', 'in', [...scope.organisationIds]));
  if (scope.personIds.length) parts.push(eb('p.id', 'in', [...scope.personIds]));
  return parts.length ? eb.or(parts) : sql<SqlBool>`false`;
};

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The staff directory and the organisation tree: read queries scoped in SQL, and the few writes on them. */
export const directory = (db: Kysely<Tables>) => ({
  findOrganisation: (id: string): Promise<OrganisationRow | undefined> =>
    db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst(),

  listSchools: (trustId: string): Promise<OrganisationRow[]> =>
    db.selectFrom('organisations').selectAll().where('trust_id', '=', trustId).where('kind', '=', 'school').orderBy('name').execute(),

  /** Schools in a scope's trusts and organisations (the directory's school filter). */
  listSchoolsInScope: (scope: DirectoryScope) =>
    scope.trustIds.length + scope.organisationIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('organisations')
          .select(['id', 'name'])
          .where('kind', '=', 'school')
          .where((eb) =>
            eb.or([
              ...(scope.trustIds.length ? [eb('trust_id', 'in', [...scope.trustIds])] : []),
              ...(scope.organisationIds.length ? [eb('id', 'in', [...scope.organisationIds])] : []),
            ]),
          )
          .orderBy('name')
          .execute(),

  /** Current (not left) staff employed by an organisation. */
  staffCount: async (organisationId: string): Promise<number> => {
    const row = await db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('organisation_id', '=', organisationId)
      .where('left_on', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  updateOrganisation: async (id: string, fields: { name: string; phase: string | null; nation: string | null; urn: string | null }) => {
    await db.updateTable('organisations').set(fields).where('id', '=', id).execute();
  },

  /** One page of people in scope matching the filters, and how many match in all. */
  searchPeople: async (scope: DirectoryScope, filters: PeopleFilters): Promise<{ rows: PersonListRow[]; total: number }> => {
    let query = db
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .where((eb) => peopleInScope(eb, scope));
    if (!filters.includeLeavers) query = query.where('p.left_on', 'is', null);
    if (filters.organisationId) query = query.where('p.organisation_id', '=', filters.organisationId);
    if (filters.gradedRole) query = query.where('p.graded_role', '=', filters.gradedRole);
    if (filters.specialism) query = query.where(sql<SqlBool>`${filters.specialism} = ANY(p.specialisms)`);
    if (filters.q) {
      const pattern = likePattern(filters.q);
      query = query.where((eb) =>
        eb.or([
          eb(sql<string>`p.given_name || ' ' || p.family_name`, 'ilike', pattern),
          eb(sql<string>`p.family_name || ', ' || p.given_name`, 'ilike', pattern),
          eb('p.work_email', 'ilike', pattern),
          eb('p.staff_code', 'ilike', pattern),
        ]),
      );
    }
    const count = await query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    let page = query.select([
      'p.id',
      'p.trust_id',
      'p.organisation_id',
      'p.given_name',
      'p.family_name',
      'p.work_email',
      'p.staff_code',
      'p.graded_role',
      'p.job_title',
      'p.left_on',
      'p.specialisms',
      'o.name as organisation_name',
    ]);
    if (filters.sort === 'school') page = page.orderBy('o.name');
    if (filters.sort === 'role') page = page.orderBy(sql`p.graded_role NULLS LAST`);
    if (filters.sort === 'start') page = page.orderBy(sql`p.start_date DESC NULLS LAST`);
    const rows = await page
      .orderBy('p.family_name')
      .orderBy('p.given_name')
      .orderBy('p.id')
      .offset(filters.offset)
      .limit(filters.limit)
      .execute();
    return { rows, total: Number(count.count) };
  },

  findPerson: (id: string): Promise<PersonDetailRow | undefined> =>
    db
      .selectFrom('people as p')
      .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
      .leftJoin('people as m', 'm.id', 'p.line_manager_id')
      .selectAll('p')
      .select(['o.name as organisation_name', sql<string | null>`m.given_name || ' ' || m.family_name`.as('line_manager_name')])
      .where('p.id', '=', id)
      .executeTakeFirst(),

  postsOf: (personId: string) =>
    db
      .selectFrom('staff_posts')
      .select(['id', 'graded_role', 'role_value', 'job_title', 'hours_per_week', 'weeks_per_year'])
      .where('person_id', '=', personId)
      .orderBy('position')
      .execute(),

  reportsOf: (personId: string) =>
    db
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name', 'graded_role', 'job_title', 'left_on'])
      .where('line_manager_id', '=', personId)
      .orderBy('family_name')
      .orderBy('given_name')
      .execute(),

  /** One page of user accounts in scope (an account belongs to its person's organisation, else its trust). */
  listAccounts: async (
    scope: AccountScope,
    page: { offset: number; limit: number },
  ): Promise<{ rows: AccountListRow[]; total: number }> => {
    const query = db
      .selectFrom('user_accounts as a')
      .leftJoin('people as p', 'p.id', 'a.person_id')
      .innerJoin('organisations as o', (join) => join.on(sql`o.id`, '=', sql`coalesce(p.organisation_id, a.trust_id)`))
      .where((eb) => {
        const parts: Expression<SqlBool>[] = [];
        if (scope.trustIds.length) parts.push(eb('a.trust_id', 'in', [...scope.trustIds]));
        if (scope.organisationIds.length) parts.push(eb('o.id', 'in', [...scope.organisationIds]));
        if (scope.personIds.length) parts.push(eb('a.person_id', 'in', [...scope.personIds]));
        if (scope.userIds.length) parts.push(eb('a.id', 'in', [...scope.userIds]));
        return parts.length ? eb.or(parts) : sql<SqlBool>`false`;
      });
    const count = await query.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow();
    const rows = await query
      .select([
        'a.id',
        'a.trust_id',
        'a.email',
        'a.disabled_at',
        'a.person_id',
        sql<string | null>`p.given_name || ' ' || p.family_name`.as('person_name'),
        'o.id as organisation_id',
        'o.name as organisation_name',
      ])
      .orderBy('a.email')
      .offset(page.offset)
      .limit(page.limit)
      .execute();
    return { rows, total: Number(count.count) };
  },

  findAccount: (userId: string) =>
    db
      .selectFrom('user_accounts as a')
      .leftJoin('people as p', 'p.id', 'a.person_id')
      .select([
        'a.id',
        'a.trust_id',
        'a.email',
        'a.disabled_at',
        'a.person_id',
        sql<string>`coalesce(p.organisation_id, a.trust_id)`.as('organisation_id'),
      ])
      .where('a.id', '=', userId)
      .executeTakeFirst(),

  rolesOf: (userIds: readonly string[]): Promise<RoleAssignmentRow[]> =>
    userIds.length === 0
      ? Promise.resolve([])
      : db
          .selectFrom('role_assignments as r')
          .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
          .select(['r.id', 'r.trust_id', 'r.user_id', 'r.role', 'r.organisation_id', 'o.name as organisation_name', 'r.headteacher'])
          .where('r.user_id', 'in', [...userIds])
          .orderBy('r.role')
          .orderBy('o.name')
          .execute(),

  findRoleAssignment: (id: string) => db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst(),

  headteacherOf: (organisationId: string) =>
    db
      .selectFrom('role_assignments')
      .select(['id', 'user_id'])
      .where('organisation_id', '=', organisationId)
      .where('headteacher', '=', true)
      .executeTakeFirst(),

  removeRoleAssignment: async (id: string) => {
    await db.deleteFrom('role_assignments').where('id', '=', id).execute();
  },

  setAccountDisabled: async (userId: string, disabledAt: Date | null) => {
    await db.updateTable('user_accounts').set({ disabled_at: disabledAt }).where('id', '=', userId).execute();
  },
});
export type Directory = ReturnType<typeof directory>;
