import { type Kysely, type RawBuilder, sql } from 'kysely';
import { AchievementDetails } from '../../contracts/portfolio/achievement.ts';
import type { Tables } from '../tables.ts';

/**
 * The training-needs analysis's SQL: everything counted set-wise in the database (headcounts, met
 * judgements by school, role and item; people grouped by identical facts), so the analysis never
 * loads the workforce person by person.
 */

/** Whose needs are counted: people of one trust still in post on `today`, optionally limited to some schools or some people. */
export type PeopleScope = { trustId: string; today: string; organisationIds?: readonly string[]; personIds?: readonly string[] };

export type ScopeSchool = { id: string; name: string; phase: string | null; nation: string | null };
export type Headcount = { organisationId: string; gradedRole: string | null; people: number };
export type MetCount = { organisationId: string; gradedRole: string; itemCode: string; met: number };
export type FactProfile = {
  organisationId: string;
  gradedRole: string;
  flags: { ehcpOrStatement: boolean; bsl: boolean };
  specialisms: string[];
  confirmedSpecialisms: string[];
  achievements: AchievementDetails[];
  people: number;
  /** Set when asked for: the people who share the profile. */
  personIds?: string[];
  /** Set when asked for (`itemsMetOf`): how many of their role's items each of them has met (their latest judgement). */
  itemsMet?: number;
};
export type ScopePerson = { id: string; name: string; trustId: string; organisationId: string; gradedRole: string | null };

const inScope = (s: PeopleScope): RawBuilder<unknown> =>
  sql`p.trust_id = ${s.trustId}::uuid AND (p.left_on IS NULL OR p.left_on > ${s.today}::date)${
    s.organisationIds ? sql` AND p.organisation_id = ANY(${[...s.organisationIds]}::uuid[])` : sql``
  }${s.personIds ? sql` AND p.id = ANY(${[...s.personIds]}::uuid[])` : sql``}`;

/** The SQL aggregate at the heart of the analysis: current `met` judgements counted by school, graded role and item. */
export const metCountsQuery = (s: PeopleScope, roles: readonly string[], itemCodes: readonly string[]) =>
  sql<{ organisation_id: string; graded_role: string; item_code: string; met: number }>`
    WITH scoped AS (
      SELECT p.id, p.organisation_id, p.graded_role FROM people p
      WHERE ${inScope(s)} AND p.graded_role = ANY(${[...roles]}::text[])
    ),
    latest AS (
      SELECT DISTINCT ON (j.person_id, j.item_code) j.person_id, j.item_code, j.value
      FROM judgements j JOIN scoped s ON s.id = j.person_id
      WHERE j.trust_id = ${s.trustId}::uuid AND j.item_code = ANY(${[...itemCodes]}::text[])
      ORDER BY j.person_id, j.item_code, j.judged_at DESC, j.id DESC
    )
    SELECT s.organisation_id::text AS organisation_id, s.graded_role, l.item_code, count(*)::int AS met
    FROM latest l JOIN scoped s ON s.id = l.person_id
    WHERE l.value = 'met'
    GROUP BY 1, 2, 3`;

export const trainingNeedsStore = (db: Kysely<Tables>) => ({
  /** The trust's schools (all, or those named), with phase and nation (a school without one takes its trust's). */
  schools: async (trustId: string, organisationIds?: readonly string[]): Promise<ScopeSchool[]> => {
    const { rows } = await sql<{ id: string; name: string; phase: string | null; nation: string | null }>`
      SELECT o.id::text AS id, o.name, o.phase, COALESCE(o.nation, t.nation) AS nation
      FROM organisations o LEFT JOIN organisations t ON t.id = o.parent_id
      WHERE o.trust_id = ${trustId}::uuid AND o.kind = 'school'
      ${organisationIds ? sql`AND o.id = ANY(${[...organisationIds]}::uuid[])` : sql``}
      ORDER BY o.name, o.id`.execute(db);
    return rows;
  },

  /** How many people in scope hold each graded role at each school. */
  headcounts: async (s: PeopleScope): Promise<Headcount[]> => {
    const { rows } = await sql<{ organisation_id: string; graded_role: string | null; people: number }>`
      SELECT p.organisation_id::text AS organisation_id, p.graded_role, count(*)::int AS people
      FROM people p WHERE ${inScope(s)} GROUP BY 1, 2`.execute(db);
    return rows.map((r) => ({ organisationId: r.organisation_id, gradedRole: r.graded_role, people: r.people }));
  },

  /** Current `met` judgements by school, graded role and item, for the items and roles asked about. */
  metCounts: async (s: PeopleScope, roles: readonly string[], itemCodes: readonly string[]): Promise<MetCount[]> => {
    if (roles.length === 0 || itemCodes.length === 0) return [];
    const { rows } = await metCountsQuery(s, roles, itemCodes).execute(db);
    return rows.map((r) => ({ organisationId: r.organisation_id, gradedRole: r.graded_role, itemCode: r.item_code, met: r.met }));
  },

  /**
   * People in scope with the given graded roles, grouped by identical facts (school, role, flags,
   * specialisms, achievements), so the interpreter evaluates each distinct profile once. With
   * `itemsMetOf` (graded role → item codes), also by how many of those items each person has met,
   * counted set-wise as metCounts counts them (the progression pipeline's per-person share).
   */
  factProfiles: async (
    s: PeopleScope,
    roles: readonly string[],
    options: { withPeople?: boolean; itemsMetOf?: ReadonlyMap<string, readonly string[]> } = {},
  ): Promise<FactProfile[]> => {
    if (roles.length === 0) return [];
    // Roles that ask for the same items share one condition (TA3, TA4 and ASNA2 all ask for HLTA.1–33).
    // Each step is materialised: counted once, then joined to the profiles (never re-run per person).
    const sets = new Map<string, { roles: string[]; codes: readonly string[] }>();
    for (const [role, codes] of options.itemsMetOf ?? []) {
      if (codes.length === 0) continue;
      const key = [...codes].sort().join('\n');
      sets.set(key, { roles: [...(sets.get(key)?.roles ?? []), role], codes });
    }
    const allCodes = [...new Set([...sets.values()].flatMap((x) => x.codes))];
    const met =
      sets.size > 0
        ? sql`WITH scoped AS MATERIALIZED (
        SELECT p.id, p.graded_role FROM people p
        WHERE ${inScope(s)} AND p.graded_role = ANY(${[...sets.values()].flatMap((x) => x.roles)}::text[])
      ),
      latest AS (
        SELECT DISTINCT ON (j.person_id, j.item_code) j.person_id, j.item_code, j.value
        FROM judgements j JOIN scoped s ON s.id = j.person_id
        WHERE j.trust_id = ${s.trustId}::uuid AND j.item_code = ANY(${allCodes}::text[])
        ORDER BY j.person_id, j.item_code, j.judged_at DESC, j.id DESC
      ),
      met AS MATERIALIZED (
        SELECT l.person_id, count(*)::int AS met FROM latest l JOIN scoped s ON s.id = l.person_id
        WHERE l.value = 'met' AND (${sql.join(
          [...sets.values()].map((x) => sql`(s.graded_role = ANY(${x.roles}::text[]) AND l.item_code = ANY(${[...x.codes]}::text[]))`),
          sql` OR `,
        )})
        GROUP BY l.person_id
      )`
        : null;
    const { rows } = await sql<{
      organisation_id: string;
      graded_role: string;
      ehcp_or_statement: boolean;
      bsl_qualification: boolean;
      specialisms: string[];
      confirmed: string[];
      achievements: unknown[];
      people: number;
      person_ids: string[] | null;
      items_met: number;
    }>`
      ${met ?? sql``}
      SELECT p.organisation_id::text AS organisation_id, p.graded_role, p.ehcp_or_statement, p.bsl_qualification,
        p.specialisms, COALESCE(r.letters, '{}') AS confirmed, COALESCE(a.details, '[]'::jsonb) AS achievements,
        count(*)::int AS people,
        ${options.withPeople ? sql`array_agg(p.id::text ORDER BY p.family_name, p.given_name, p.id)` : sql`NULL::text[]`} AS person_ids,
        ${met ? sql`COALESCE(m.met, 0)` : sql`0`} AS items_met
      FROM people p${met ? sql` LEFT JOIN met m ON m.person_id = p.id` : sql``}
      LEFT JOIN LATERAL (
        SELECT array_agg(DISTINCT x.letter ORDER BY x.letter) AS letters FROM specialism_records x
        WHERE x.trust_id = p.trust_id AND x.person_id = p.id AND x.status = 'confirmed'
      ) r ON true
      LEFT JOIN LATERAL (
        SELECT jsonb_agg(x.details ORDER BY x.details::text) AS details FROM achievements x
        WHERE x.trust_id = p.trust_id AND x.person_id = p.id AND x.removed_at IS NULL
      ) a ON true
      WHERE ${inScope(s)} AND p.graded_role = ANY(${[...roles]}::text[])
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 10`.execute(db);
    return rows.map((r) => ({
      organisationId: r.organisation_id,
      gradedRole: r.graded_role,
      flags: { ehcpOrStatement: r.ehcp_or_statement, bsl: r.bsl_qualification },
      specialisms: r.specialisms,
      confirmedSpecialisms: r.confirmed,
      achievements: r.achievements.map((d) => AchievementDetails.parse(d)),
      people: r.people,
      ...(r.person_ids ? { personIds: r.person_ids } : {}),
      ...(met ? { itemsMet: r.items_met } : {}),
    }));
  },

  /** People in scope with one of the roles whose current judgement of the item is not `met`, by name. */
  lackingItem: async (s: PeopleScope, roles: readonly string[], itemCode: string): Promise<ScopePerson[]> => {
    if (roles.length === 0) return [];
    const { rows } = await sql<{ id: string; name: string; trust_id: string; organisation_id: string; graded_role: string | null }>`
      SELECT p.id::text AS id, p.given_name || ' ' || p.family_name AS name, p.trust_id::text AS trust_id,
        p.organisation_id::text AS organisation_id, p.graded_role
      FROM people p
      WHERE ${inScope(s)} AND p.graded_role = ANY(${[...roles]}::text[])
        AND NOT EXISTS (
          SELECT 1 FROM (
            SELECT j.value FROM judgements j
            WHERE j.trust_id = p.trust_id AND j.person_id = p.id AND j.item_code = ${itemCode}
            ORDER BY j.judged_at DESC, j.id DESC LIMIT 1
          ) l WHERE l.value = 'met'
        )
      ORDER BY p.family_name, p.given_name, p.id`.execute(db);
    return rows.map(personOf);
  },

  /** People by id, whatever their trust (the caller authorizes each against the trust returned). */
  people: async (ids: readonly string[]): Promise<ScopePerson[]> => {
    if (ids.length === 0) return [];
    const { rows } = await sql<{ id: string; name: string; trust_id: string; organisation_id: string; graded_role: string | null }>`
      SELECT p.id::text AS id, p.given_name || ' ' || p.family_name AS name, p.trust_id::text AS trust_id,
        p.organisation_id::text AS organisation_id, p.graded_role
      FROM people p WHERE p.id = ANY(${[...ids]}::uuid[])
      ORDER BY p.family_name, p.given_name, p.id`.execute(db);
    return rows.map(personOf);
  },

  /** The schools of a partnership, with their trusts. */
  partnershipSchools: async (partnershipId: string): Promise<{ name: string; schools: { id: string; trustId: string }[] } | undefined> => {
    const found = await db.selectFrom('partnerships').select(['id', 'name']).where('id', '=', partnershipId).executeTakeFirst();
    if (!found) return undefined;
    const { rows } = await sql<{ id: string; trust_id: string }>`
      SELECT o.id::text AS id, o.trust_id::text AS trust_id FROM partnership_members m
      JOIN organisations o ON o.id = m.organisation_id
      WHERE m.partnership_id = ${partnershipId}::uuid AND o.kind = 'school' ORDER BY o.name, o.id`.execute(db);
    return { name: found.name, schools: rows.map((r) => ({ id: r.id, trustId: r.trust_id })) };
  },

  /** The partnerships any of the given schools belong to. */
  partnershipsOf: async (organisationIds: readonly string[]): Promise<{ id: string; name: string }[]> => {
    if (organisationIds.length === 0) return [];
    const { rows } = await sql<{ id: string; name: string }>`
      SELECT DISTINCT p.id::text AS id, p.name FROM partnerships p JOIN partnership_members m ON m.partnership_id = p.id
      WHERE m.organisation_id = ANY(${[...organisationIds]}::uuid[]) ORDER BY p.name, 1`.execute(db);
    return rows;
  },

  /** The people among those given who already have the need's activity in their plan (a live activity it suggested). */
  alreadyPlanned: async (trustId: string, personIds: readonly string[], suggestedBy: string): Promise<string[]> => {
    if (personIds.length === 0) return [];
    const rows = await db
      .selectFrom('cpd_activities')
      .select('person_id')
      .where('trust_id', '=', trustId)
      .where('person_id', 'in', [...personIds])
      .where('suggested_by', '=', suggestedBy)
      .where('removed_at', 'is', null)
      .execute();
    return rows.map((r) => r.person_id);
  },
});

const personOf = (r: { id: string; name: string; trust_id: string; organisation_id: string; graded_role: string | null }): ScopePerson => ({
  id: r.id,
  name: r.name,
  trustId: r.trust_id,
  organisationId: r.organisation_id,
  gradedRole: r.graded_role,
});
