import { type RawBuilder, sql } from 'kysely';

/**
 * The staff a workforce dashboard counts, as SQL fragments shared by its figures and the
 * progression figures (dashboard-progress.ts): who is in scope on a day, and each one's latest
 * duty profile with the key role fit is worked out by.
 */

/** Whose staff: a trust (every organisation in it), some organisations (a school; a partnership's members). */
export type DashboardScope = { trustId: string | null; organisationIds: readonly string[] | null };

export const scopeWhere = (scope: DashboardScope) => sql`
  ${scope.trustId ? sql`AND p.trust_id = ${scope.trustId}` : sql``}
  ${scope.organisationIds ? (scope.organisationIds.length === 0 ? sql`AND false` : sql`AND p.organisation_id IN (${sql.join(scope.organisationIds)})`) : sql``}`;

/** The staff in scope on `today` (in post: not yet left), with their school and what the dashboard reads from the record. */
export const staffSql = (scope: DashboardScope, today: string) => sql`
    SELECT p.id, p.trust_id, p.given_name, p.family_name, p.organisation_id, o.name AS organisation_name, o.phase,
      p.graded_role, p.job_title, p.hours_per_week
    FROM people p JOIN organisations o ON o.id = p.organisation_id
    WHERE (p.left_on IS NULL OR p.left_on > ${today}::date) ${scopeWhere(scope)}`;

/**
 * The role a duty profile is evaluated against: the person's graded role today (the grade they are
 * paid at), or the role the profile itself names when no graded role is recorded.
 */
export const evaluatedRoleSql = (gradedRole: RawBuilder<unknown>, profileRole: RawBuilder<unknown>) =>
  sql`COALESCE(${gradedRole}, ${profileRole})`;

/**
 * A distinct duty profile's key: the role it is evaluated against and its answers (jsonb's text is
 * canonical, so equal answers give equal keys). Role fit is worked out once per key.
 */
export const dutyProfileKeySql = (role: RawBuilder<unknown>, answers: RawBuilder<unknown>) => sql`md5(${role} || '|' || ${answers}::text)`;

/** Each staff member's latest duty profile (as the role-fit page reads it: newest recorded first), with its key. */
export const latestDutyProfilesSql = sql`
    SELECT DISTINCT ON (d.person_id) d.person_id, s.graded_role,
      ${evaluatedRoleSql(sql`s.graded_role`, sql`d."current_role"`)} AS evaluated_role, d.answers,
      ${dutyProfileKeySql(evaluatedRoleSql(sql`s.graded_role`, sql`d."current_role"`), sql`d.answers`)} AS profile_key
    FROM duty_profiles d JOIN staff s ON s.id = d.person_id AND d.trust_id = s.trust_id
    ORDER BY d.person_id, d.recorded_at DESC, d.id DESC`;
