import { type Kysely, sql } from 'kysely';
import type { Tables } from '../tables.ts';
import { type DashboardScope, latestDutyProfilesSql, staffSql } from './dashboard-staff.ts';

/**
 * The SQL behind the dashboard's role-fit and Gateway to Completion figures. The database groups
 * and picks; the domain's interpreters decide (role fit once per distinct duty profile, gateway
 * readiness through the caseload's batch computation), so no person is loaded one by one.
 */

/** Staff in scope who share one duty profile: its key, the role it is evaluated against, their graded role. */
export type DutyProfileGroup = { key: string; evaluatedRole: string; gradedRole: string | null; headcount: number };

/** One distinct duty profile's answers, for the role-fit interpreter. */
export type DistinctDutyProfile = { key: string; evaluatedRole: string; answers: Record<string, string> };

export const dashboardProgressStore = (db: Kysely<Tables>) => ({
  /** The latest duty profiles of the staff in scope, grouped by key and graded role, with how many share each. */
  dutyProfileGroups: async (scope: DashboardScope, today: string): Promise<DutyProfileGroup[]> => {
    const { rows } = await sql<{ key: string; evaluated_role: string; graded_role: string | null; headcount: number }>`
      WITH staff AS (${staffSql(scope, today)}), duty AS (${latestDutyProfilesSql})
      SELECT profile_key AS key, evaluated_role, graded_role, count(*)::int AS headcount
      FROM duty GROUP BY profile_key, evaluated_role, graded_role
      ORDER BY profile_key, graded_role`.execute(db);
    return rows.map((r) => ({ key: r.key, evaluatedRole: r.evaluated_role, gradedRole: r.graded_role, headcount: r.headcount }));
  },

  /** The answers of the distinct duty profiles asked for (by key), among the latest ones of the staff in scope. */
  dutyProfileAnswers: async (scope: DashboardScope, today: string, keys: readonly string[]): Promise<DistinctDutyProfile[]> => {
    if (keys.length === 0) return [];
    const { rows } = await sql<{ key: string; evaluated_role: string; answers: Record<string, string> }>`
      WITH staff AS (${staffSql(scope, today)}), duty AS (${latestDutyProfilesSql})
      SELECT DISTINCT ON (profile_key) profile_key AS key, evaluated_role, answers
      FROM duty WHERE profile_key = ANY(${[...keys]}::text[])
      ORDER BY profile_key`.execute(db);
    return rows.map((r) => ({ key: r.key, evaluatedRole: r.evaluated_role, answers: r.answers }));
  },

  /**
   * The latest enrolment of each member of staff in scope (as the dashboard's apprenticeship figure
   * counts it) when its status is one of those given.
   */
  latestEnrolments: async (
    scope: DashboardScope,
    today: string,
    statuses: readonly string[],
  ): Promise<{ personId: string; enrolmentId: string }[]> => {
    if (statuses.length === 0) return [];
    const { rows } = await sql<{ person_id: string; enrolment_id: string }>`
      WITH staff AS (${staffSql(scope, today)}),
      latest AS (
        SELECT DISTINCT ON (e.person_id) e.person_id, e.id, e.status
        FROM enrolments e JOIN staff s ON s.id = e.person_id
        ORDER BY e.person_id, e.start_date DESC, e.created_at DESC
      )
      SELECT person_id::text AS person_id, id::text AS enrolment_id FROM latest
      WHERE status = ANY(${[...statuses]}::text[]) ORDER BY person_id`.execute(db);
    return rows.map((r) => ({ personId: r.person_id, enrolmentId: r.enrolment_id }));
  },
});
