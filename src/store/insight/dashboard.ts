import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DashboardFilter } from '../../domain/insight/dashboard-filter.ts';
import { liveEnrolmentStatuses } from '../../domain/insight/dashboard-filter.ts';
import { type DashboardReference, FULL_TIME_HOURS_PER_WEEK } from '../../domain/insight/dashboard-reference.ts';
import { expiryWindows, statusWithoutRecord } from '../../domain/training/expiry.ts';
import type { Tables } from '../tables.ts';
import { trainingStatusSql } from '../training-status-sql.ts';
import { type DashboardScope, latestDutyProfilesSql, staffSql } from './dashboard-staff.ts';

/**
 * The workforce dashboard's figures, all counted in SQL over one set of per-person facts computed
 * set-wise (grouped joins, never a query per person), so a trust of 12,000 staff never comes into
 * Node. The same facts, filtered, give the list of people behind each figure.
 */

export type { DashboardScope } from './dashboard-staff.ts';

/** Fragments one after another (nothing for none). */
const spaced = (parts: readonly RawBuilder<unknown>[]) => (parts.length === 0 ? sql`` : sql.join(parts, sql` `));

/** A reference list as an inline table `alias(columns)`; an empty list still has its columns' types. */
const valuesOf = <T>(rows: readonly T[], alias: string, row: (r: T) => RawBuilder<unknown>, empty: RawBuilder<unknown>) =>
  rows.length === 0
    ? sql`(SELECT ${empty} WHERE false) AS ${sql.raw(alias)}`
    : sql`(VALUES ${sql.join(rows.map(row))}) AS ${sql.raw(alias)}`;

/**
 * One row per current member of staff in scope with everything the dashboard counts: school and
 * phase, graded role and FTE, HLTA status, highest qualification level, Level 2 English and maths,
 * the latest enrolment's status, evidence waiting for review and the oldest wait, mandatory
 * training (classified by the domain's rule through training-status-sql.ts), and the key of the
 * latest duty profile (its role fit is worked out once per key, in the use-case).
 */
const factsSql = (scope: DashboardScope, reference: DashboardReference, today: string) => {
  const trust = scope.trustId ? sql`AND trust_id = ${scope.trustId}` : sql``;
  const qualificationLevels = valuesOf(
    reference.qualificationLevels,
    'q(id, level)',
    (q) => sql`(${q.id}::text, ${sql.lit(q.level)})`,
    sql`''::text, 0`,
  );
  const level2 = valuesOf(
    reference.level2Grades,
    'g(scheme, grade)',
    (g) => sql`(${g.scheme}::text, ${g.grade}::text)`,
    sql`''::text, ''::text`,
  );
  const hlta = reference.hltaStatusIds.length > 0 ? sql`a.details->>'status' IN (${sql.join(reference.hltaStatusIds)})` : sql`false`;
  const window = expiryWindows[expiryWindows.length - 1] ?? 90;
  // A required kind with no completion has no row to classify: its status comes from the domain's
  // statusWithoutRecord, counted per person as the trust's kinds of that reach less those recorded.
  const unrecorded = Object.entries(statusWithoutRecord).map(([appliesTo, status], index) => ({
    appliesTo,
    status,
    index,
    missing: sql`(COALESCE(kt.${sql.ref(`kinds_${index}`)}, 0) - COALESCE(rp.${sql.ref(`recorded_${index}`)}, 0))`,
  }));
  return sql`
  WITH staff AS (${staffSql(scope, today)}),
  held AS (
    SELECT a.person_id,
      bool_or(a.kind = 'status' AND ${hlta}) AS hlta,
      max(CASE WHEN a.kind = 'degree' THEN (a.details->>'level')::int
               WHEN a.kind = 'qualification' THEN COALESCE(q.level, CASE WHEN a.details->>'level' ~ '^[0-9]+$' THEN (a.details->>'level')::int WHEN a.details ? 'level' THEN 0 END)
          END) AS highest_level,
      bool_or(a.kind = 'subject' AND a.details->>'subject' = 'english' AND g.grade IS NOT NULL) AS english,
      bool_or(a.kind = 'subject' AND a.details->>'subject' = 'maths' AND g.grade IS NOT NULL) AS maths
    FROM achievements a
    JOIN staff s ON s.id = a.person_id
    LEFT JOIN ${qualificationLevels} ON a.kind = 'qualification' AND q.id = a.details->>'qualificationId'
    LEFT JOIN ${level2} ON a.kind = 'subject' AND g.scheme = a.details->>'scheme' AND g.grade = a.details->>'grade'
    WHERE a.removed_at IS NULL
    GROUP BY a.person_id
  ),
  enrolment AS (
    SELECT DISTINCT ON (e.person_id) e.person_id, e.status
    FROM enrolments e JOIN staff s ON s.id = e.person_id
    ORDER BY e.person_id, e.start_date DESC, e.created_at DESC
  ),
  waiting AS (
    SELECT ev.person_id, count(*)::int AS items, min(ev.submitted_at) AS oldest
    FROM evidence_items ev JOIN staff s ON s.id = ev.person_id
    WHERE ev.status = 'submitted' AND ev.removed_at IS NULL ${scope.trustId ? sql`AND ev.trust_id = ${scope.trustId}` : sql``}
    GROUP BY ev.person_id
  ),
  latest AS (
    SELECT DISTINCT ON (tr.person_id, tr.kind_id) tr.id, tr.person_id, tr.kind_id, tr.expires_on
    FROM training_records tr WHERE tr.removed_at IS NULL ${trust}
    ORDER BY tr.person_id, tr.kind_id, tr.completed_on DESC, tr.recorded_at DESC
  ),
  -- Classified by kind first, then matched to the staff in scope: joining staff to every kind first
  -- (the planner's choice when left to itself) builds and sorts a row per person and kind.
  classified AS MATERIALIZED (
    SELECT r.person_id, k.trust_id, ${trainingStatusSql(today, window)} AS status, (r.expires_on - ${today}::date) AS days_left, k.applies_to
    FROM latest r
    JOIN training_kinds k ON k.id = r.kind_id AND k.retired_at IS NULL
  ),
  recorded AS (
    SELECT c.* FROM classified c JOIN staff s ON s.id = c.person_id AND s.trust_id = c.trust_id
  ),
  recorded_by_person AS (
    SELECT person_id,
      count(*) FILTER (WHERE status <> 'not-required')::int AS required,
      count(*) FILTER (WHERE status IN ('valid', 'expiring'))::int AS in_date,
      bool_or(status IN ('missing', 'expired')) AS out_of_date,
      min(days_left) FILTER (WHERE status = 'expiring') AS nearest_expiry,
      ${sql.join(
        unrecorded.map((u) => sql`count(*) FILTER (WHERE applies_to = ${sql.lit(u.appliesTo)})::int AS ${sql.ref(`recorded_${u.index}`)}`),
      )}
    FROM recorded GROUP BY person_id
  ),
  kinds_by_trust AS (
    SELECT trust_id,
      ${sql.join(unrecorded.map((u) => sql`count(*) FILTER (WHERE applies_to = ${sql.lit(u.appliesTo)})::int AS ${sql.ref(`kinds_${u.index}`)}`))}
    FROM training_kinds WHERE retired_at IS NULL ${trust} GROUP BY trust_id
  ),
  training AS (
    SELECT s.id AS person_id,
      COALESCE(rp.required, 0) ${spaced(unrecorded.filter((u) => u.status !== 'not-required').map((u) => sql`+ ${u.missing}`))} AS required,
      COALESCE(rp.in_date, 0) AS in_date,
      COALESCE(rp.out_of_date, false) ${spaced(unrecorded.filter((u) => u.status === 'missing').map((u) => sql`OR ${u.missing} > 0`))} AS out_of_date,
      rp.nearest_expiry
    FROM staff s
    LEFT JOIN recorded_by_person rp ON rp.person_id = s.id
    LEFT JOIN kinds_by_trust kt ON kt.trust_id = s.trust_id
  ),
  duty AS (${latestDutyProfilesSql})
  SELECT s.*, COALESCE(h.hlta, false) AS hlta, h.highest_level, COALESCE(h.english AND h.maths, false) AS english_maths,
    en.status AS enrolment_status, COALESCE(w.items, 0) AS waiting_items, w.oldest AS waiting_since,
    COALESCE(t.required, 0) AS training_required, COALESCE(t.in_date, 0) AS training_in_date,
    COALESCE(t.out_of_date, false) AS training_out_of_date, t.nearest_expiry, d.profile_key
  FROM staff s
  LEFT JOIN held h ON h.person_id = s.id
  LEFT JOIN enrolment en ON en.person_id = s.id
  LEFT JOIN waiting w ON w.person_id = s.id
  LEFT JOIN training t ON t.person_id = s.id
  LEFT JOIN duty d ON d.person_id = s.id`;
};

const fteSql = sql`round(sum(hours_per_week)::numeric / ${sql.lit(FULL_TIME_HOURS_PER_WEEK)}, 1)::float8`;

/**
 * What the use-case worked out for a filter the database cannot (role fit, the pipeline and
 * Gateway to Completion are decided by the domain's interpreters): duty-profile keys, graded roles
 * and people to keep or leave out.
 */
export type ResolvedFilter = {
  profileKeys?: { in: readonly string[] } | { notIn: readonly string[] };
  /** Staff whose graded role is none of these (or who have none). */
  rolesNotIn?: readonly string[];
  personIds?: readonly string[];
};

/** The facts' condition for a dashboard filter (every figure's people). */
const filterWhere = (filter: DashboardFilter, now: Date, resolved: ResolvedFilter = {}) => {
  const waited = sql`extract(epoch FROM (${now}::timestamptz - waiting_since)) / 86400`;
  const where: RawBuilder<unknown>[] = [];
  if (filter.school) where.push(sql`organisation_id = ${filter.school}`);
  if (filter.phase) where.push(sql`phase = ${filter.phase}`);
  if (filter.role) where.push(filter.role === 'none' ? sql`graded_role IS NULL` : sql`graded_role = ${filter.role}`);
  if (filter.hlta) where.push(filter.hlta === 'yes' ? sql`hlta` : sql`NOT hlta`);
  if (filter.qualification !== undefined)
    where.push(filter.qualification === 'none' ? sql`highest_level IS NULL` : sql`highest_level = ${filter.qualification}`);
  if (filter.englishMaths) where.push(filter.englishMaths === 'yes' ? sql`english_maths` : sql`NOT english_maths`);
  if (filter.apprenticeship)
    where.push(
      filter.apprenticeship === 'live'
        ? sql`enrolment_status IN (${sql.join([...liveEnrolmentStatuses])})`
        : sql`enrolment_status = ${filter.apprenticeship}`,
    );
  if (filter.evidence) where.push(sql`waiting_items > 0`);
  if (filter.evidence === 'under-7-days') where.push(sql`${waited} < 7`);
  if (filter.evidence === '7-to-27-days') where.push(sql`${waited} >= 7 AND ${waited} < 28`);
  if (filter.evidence === '28-days-or-more') where.push(sql`${waited} >= 28`);
  if (filter.training === 'out-of-date') where.push(sql`training_out_of_date`);
  if (filter.training === 'in-date') where.push(sql`NOT training_out_of_date AND training_required > 0`);
  const within = filter.training?.startsWith('expiring-') ? Number(filter.training.slice('expiring-'.length)) : null;
  if (within !== null) where.push(sql`nearest_expiry <= ${sql.lit(within)}`);
  const keys = resolved.profileKeys;
  if (keys && 'in' in keys) where.push(sql`profile_key = ANY(${[...keys.in]}::text[])`);
  if (keys && 'notIn' in keys) where.push(sql`(profile_key IS NULL OR NOT (profile_key = ANY(${[...keys.notIn]}::text[])))`);
  if (resolved.rolesNotIn) where.push(sql`(graded_role IS NULL OR NOT (graded_role = ANY(${[...resolved.rolesNotIn]}::text[])))`);
  if (resolved.personIds) where.push(sql`id = ANY(${[...resolved.personIds]}::uuid[])`);
  return where.length === 0 ? sql`true` : sql.join(where, sql` AND `);
};

export type CountRow = { key: string | null; headcount: number; fte: number | null };
export type SchoolRow = { id: string; name: string; phase: string | null; headcount: number; fte: number | null };
export type PhaseRoleRow = { phase: string | null; role: string | null; headcount: number };
export type LevelRow = { level: number | null; headcount: number };
export type StatusRow = { status: string; headcount: number };

/** Every figure of the dashboard for a scope, from one query (the facts are computed once). */
export type DashboardFigures = {
  headcount: number;
  fte: number | null;
  /** Staff whose hours a week are not recorded (left out of FTE). */
  withoutHours: number;
  byRole: CountRow[];
  bySchool: SchoolRow[];
  byPhase: CountRow[];
  byPhaseAndRole: PhaseRoleRow[];
  hlta: number;
  byQualification: LevelRow[];
  englishMaths: number;
  apprenticeships: StatusRow[];
  evidence: { items: number; people: number; oldestDays: number | null; under7: number; from7to27: number; over27: number };
  training: {
    required: number;
    inDate: number;
    peopleOutOfDate: number;
    peopleInDate: number;
    expiring30: number;
    expiring60: number;
    expiring90: number;
  };
};

/**
 * Runs the aggregate with settings of its own for this transaction: no JIT (PostgreSQL's cost
 * estimates for the grouped joins are far too high, so it would spend seconds compiling a query that
 * runs in milliseconds) and room to sort a trust's training cells in memory.
 */
const withAggregateSettings = async <T>(db: Kysely<Tables>, run: (trx: Kysely<Tables>) => Promise<T>): Promise<T> => {
  const apply = async (trx: Kysely<Tables>) => {
    await sql`SELECT set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`.execute(trx);
    return run(trx);
  };
  return db.isTransaction ? apply(db) : db.transaction().execute(apply);
};

export const dashboardStore = (db: Kysely<Tables>) => ({
  figures: (scope: DashboardScope, reference: DashboardReference, today: string, now: Date): Promise<DashboardFigures> =>
    withAggregateSettings(db, async (trx) => {
      const waitedDays = sql`extract(epoch FROM (${now}::timestamptz - waiting_since)) / 86400`;
      const { rows } = await sql<{ figures: DashboardFigures }>`
      WITH facts AS MATERIALIZED (${factsSql(scope, reference, today)})
      SELECT json_build_object(
        'headcount', (SELECT count(*)::int FROM facts),
        'fte', (SELECT ${fteSql} FROM facts),
        'withoutHours', (SELECT count(*)::int FROM facts WHERE hours_per_week IS NULL),
        'byRole', (SELECT COALESCE(json_agg(x ORDER BY x.key), '[]') FROM
          (SELECT graded_role AS key, count(*)::int AS headcount, ${fteSql} AS fte FROM facts GROUP BY graded_role) x),
        'bySchool', (SELECT COALESCE(json_agg(x ORDER BY lower(x.name), x.id), '[]') FROM
          (SELECT organisation_id AS id, organisation_name AS name, phase, count(*)::int AS headcount, ${fteSql} AS fte
           FROM facts GROUP BY organisation_id, organisation_name, phase) x),
        'byPhase', (SELECT COALESCE(json_agg(x ORDER BY x.key), '[]') FROM
          (SELECT phase AS key, count(*)::int AS headcount, ${fteSql} AS fte FROM facts GROUP BY phase) x),
        'byPhaseAndRole', (SELECT COALESCE(json_agg(x ORDER BY x.phase, x.role), '[]') FROM
          (SELECT phase, graded_role AS role, count(*)::int AS headcount FROM facts GROUP BY phase, graded_role) x),
        'hlta', (SELECT count(*)::int FROM facts WHERE hlta),
        'byQualification', (SELECT COALESCE(json_agg(x ORDER BY x.level), '[]') FROM
          (SELECT highest_level AS level, count(*)::int AS headcount FROM facts GROUP BY highest_level) x),
        'englishMaths', (SELECT count(*)::int FROM facts WHERE english_maths),
        'apprenticeships', (SELECT COALESCE(json_agg(x ORDER BY x.status), '[]') FROM
          (SELECT enrolment_status AS status, count(*)::int AS headcount FROM facts WHERE enrolment_status IS NOT NULL GROUP BY enrolment_status) x),
        'evidence', (SELECT json_build_object(
            'items', COALESCE(sum(waiting_items), 0)::int,
            'people', count(*) FILTER (WHERE waiting_items > 0)::int,
            'oldestDays', floor(max(${waitedDays}))::int,
            'under7', count(*) FILTER (WHERE waiting_items > 0 AND ${waitedDays} < 7)::int,
            'from7to27', count(*) FILTER (WHERE waiting_items > 0 AND ${waitedDays} >= 7 AND ${waitedDays} < 28)::int,
            'over27', count(*) FILTER (WHERE waiting_items > 0 AND ${waitedDays} >= 28)::int) FROM facts),
        'training', (SELECT json_build_object(
            'required', COALESCE(sum(training_required), 0)::int,
            'inDate', COALESCE(sum(training_in_date), 0)::int,
            'peopleOutOfDate', count(*) FILTER (WHERE training_out_of_date)::int,
            'peopleInDate', count(*) FILTER (WHERE NOT training_out_of_date AND training_required > 0)::int,
            'expiring30', count(*) FILTER (WHERE nearest_expiry <= 30)::int,
            'expiring60', count(*) FILTER (WHERE nearest_expiry <= 60)::int,
            'expiring90', count(*) FILTER (WHERE nearest_expiry <= 90)::int) FROM facts)
      ) AS figures`.execute(trx);
      const figures = rows[0]?.figures;
      if (!figures) throw new Error('the dashboard query returned no row');
      return figures;
    }),

  /** A page of the people behind a figure, by family name, with the total. */
  people: async (
    scope: DashboardScope,
    reference: DashboardReference,
    today: string,
    now: Date,
    filter: DashboardFilter,
    page: { limit: number; offset: number },
    resolved: ResolvedFilter = {},
  ): Promise<{ total: number; people: DashboardPerson[] }> =>
    withAggregateSettings(db, async (trx) => {
      const { rows } = await sql<PersonRow>`
      WITH facts AS MATERIALIZED (${factsSql(scope, reference, today)}),
      chosen AS (SELECT * FROM facts WHERE ${filterWhere(filter, now, resolved)})
      SELECT c.*, (SELECT count(*)::int FROM chosen) AS total FROM chosen c
      ORDER BY lower(c.family_name), lower(c.given_name), c.id
      LIMIT ${page.limit} OFFSET ${page.offset}`.execute(trx);
      const total =
        rows[0]?.total ??
        (page.offset > 0
          ? ((
              await sql<{ total: number }>`WITH facts AS MATERIALIZED (${factsSql(scope, reference, today)})
              SELECT count(*)::int AS total FROM facts WHERE ${filterWhere(filter, now, resolved)}`.execute(trx)
            ).rows[0]?.total ?? 0)
          : 0);
      return { total, people: rows.map(toPerson) };
    }),
});

type PersonRow = {
  id: string;
  given_name: string;
  family_name: string;
  organisation_id: string;
  organisation_name: string;
  phase: string | null;
  graded_role: string | null;
  job_title: string | null;
  hours_per_week: number | null;
  hlta: boolean;
  highest_level: number | null;
  english_maths: boolean;
  enrolment_status: string | null;
  waiting_items: number;
  waiting_since: Date | null;
  training_required: number;
  training_in_date: number;
  training_out_of_date: boolean;
  nearest_expiry: number | null;
  profile_key: string | null;
  total: number;
};

/** One person behind a figure: the facts the figures count. */
export type DashboardPerson = {
  id: string;
  givenName: string;
  familyName: string;
  organisationId: string;
  organisationName: string;
  phase: string | null;
  gradedRole: string | null;
  jobTitle: string | null;
  hoursPerWeek: number | null;
  hlta: boolean;
  highestLevel: number | null;
  englishMaths: boolean;
  enrolmentStatus: string | null;
  evidenceWaiting: number;
  waitingSince: Date | null;
  trainingRequired: number;
  trainingInDate: number;
  trainingOutOfDate: boolean;
  nearestExpiryDays: number | null;
  /** The key of the latest duty profile (its role fit is worked out per key), or null for none. */
  dutyProfileKey: string | null;
};

const toPerson = (r: PersonRow): DashboardPerson => ({
  id: r.id,
  givenName: r.given_name,
  familyName: r.family_name,
  organisationId: r.organisation_id,
  organisationName: r.organisation_name,
  phase: r.phase,
  gradedRole: r.graded_role,
  jobTitle: r.job_title,
  hoursPerWeek: r.hours_per_week === null ? null : Number(r.hours_per_week),
  hlta: r.hlta,
  highestLevel: r.highest_level,
  englishMaths: r.english_maths,
  enrolmentStatus: r.enrolment_status,
  evidenceWaiting: r.waiting_items,
  waitingSince: r.waiting_since,
  trainingRequired: r.training_required,
  trainingInDate: r.training_in_date,
  trainingOutOfDate: r.training_out_of_date,
  nearestExpiryDays: r.nearest_expiry,
  dutyProfileKey: r.profile_key,
});
