import { z } from 'zod';
import { AppError } from '../../contracts/errors.ts';
import type { PersonState } from '../../contracts/person-state.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { Enrolment, EnrolmentStatus } from '../../domain/apprenticeships/enrolment.ts';
import { breaksOf, statusNames } from '../../domain/apprenticeships/enrolment-status.ts';
import {
  enrolmentOffTheJobMinimum,
  type GatewayPlan,
  gatewayDuration,
  gatewayPersonState,
  gatewayPlanFor,
  offTheJobMinimumMet,
} from '../../domain/apprenticeships/gateway-plan.ts';
import { gatewayStandings } from '../../domain/apprenticeships/gateway-standing.ts';
import { ksbScopes, metInScope } from '../../domain/apprenticeships/ksb-scope.ts';
import { offTheJobProgress } from '../../domain/apprenticeships/off-the-job-plan.ts';
import { type Programme, programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { readGatewayRules } from '../../framework/gateway-rules.ts';
import { caseloadFacts } from '../../store/apprenticeships/caseload.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { approvedOffTheJobHoursOf } from '../../store/apprenticeships/off-the-job.ts';
import { emptyScope, scopeOf } from '../people/scope.ts';
import { caseloadPersonStates } from './caseload-person.ts';
import { type ApprenticeshipDeps, todayOf } from './deps.ts';
import { hasEmployerReach } from './employer-reach.ts';
import { shippedFundingRules } from './gateway.ts';
import { nextReviewsOf } from './reviews.ts';

/**
 * Lists of apprentices with where each stands: KSB coverage, off-the-job hours against the plan, the
 * next progress review and Gateway to Completion. The assessor's caseload is every enrolment with
 * their providers, across employers and trusts; the employer's view is the enrolments at the schools
 * the user administers (the whole trust for a trust admin) or of the people they line-manage. The
 * list is scoped by the same grants `can()` reads; everything else is computed in a few batch queries.
 */

export const caseloadSorts = ['name', 'employer', 'programme', 'status', 'coverage', 'offTheJob', 'nextReview', 'gateway'] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];

/** A filter left at "any" posts an empty value: it means no filter. */
const blankless = (value: unknown) =>
  value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '')) : value;

export const CaseloadQuery = z.preprocess(
  blankless,
  z.strictObject({
    sort: z.enum(caseloadSorts, { error: 'Choose a column to sort by' }).default('name'),
    order: z.enum(['asc', 'desc'], { error: 'Choose ascending or descending' }).default('asc'),
    q: z.string().trim().max(100, 'Search for 100 characters or fewer').optional(),
    status: z.enum(['on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed']).optional(),
    gateway: z.enum(['ready', 'not_ready', 'not_applicable']).optional(),
    offTheJob: z.enum(['at_risk', 'behind', 'on_track', 'unknown']).optional(),
    reviewOverdue: z.enum(['yes', 'no']).optional(),
    employer: z.uuid({ error: 'Choose an employer from the list' }).optional(),
    page: z.coerce.number({ error: 'Choose a page number' }).int('Choose a whole page number').min(1, 'Choose page 1 or later').default(1),
  }),
);
export type CaseloadQuery = z.input<typeof CaseloadQuery>;

export type OffTheJobState = 'at_risk' | 'behind' | 'on_track' | 'unknown';
export type GatewayState = 'ready' | 'not_ready' | 'not_applicable';

export type CaseloadRow = {
  enrolmentId: string;
  personId: string;
  personName: string;
  employerId: string;
  employerName: string;
  providerName: string;
  programme: { id: string; title: string };
  option: { code: string; title: string } | null;
  status: EnrolmentStatus;
  statusName: string;
  startDate: string;
  plannedEndDate: string;
  /**
   * The KSBs in scope judged met, those recognised as prior learning (not judged met), and the share
   * of the two together; null where the programme has no KSBs in the catalogue.
   */
  coverage: { met: number; recognised: number; total: number; percent: number } | null;
  offTheJob: { state: OffTheJobState; approvedHours: number; plannedHours: number | null; minimumHours: number | null; text: string };
  nextReview: { dueDate: string | null; overdue: boolean; daysOverdue: number };
  gateway: { state: GatewayState; unmet: number };
};

/** Rows rendered per page: the page stays quick at thousands of apprentices; the export has every matching row. */
export const CASELOAD_PAGE_SIZE = 50;

export type Caseload = {
  /** The page of matching rows shown. */
  rows: CaseloadRow[];
  /** Every row matching the filters, in the order asked for (what the CSV and XLSX export hold). */
  matching: CaseloadRow[];
  /** The page shown (the last page where the one asked for is past it) and how many there are. */
  page: number;
  pages: number;
  total: number;
  employers: { id: string; name: string }[];
  query: z.infer<typeof CaseloadQuery>;
  today: string;
  /** What the user may do from the list: enrol an apprentice (the employer's admins). */
  can: { enrol: boolean };
};

const offTheJobStateWords: Record<OffTheJobState, string> = {
  at_risk: 'At risk',
  behind: 'Behind plan',
  on_track: 'On track',
  unknown: 'No minimum known',
};
export const offTheJobStateNames = offTheJobStateWords;
export const gatewayStateNames: Record<GatewayState, string> = { ready: 'Ready', not_ready: 'Not ready', not_applicable: 'Not applicable' };

const optionOf = (programme: Programme | undefined, code: string | null) =>
  code === null ? null : { code, title: programme?.options.find((o) => o.id === code)?.title ?? code };

/** A memo of a pure function by a string key: many enrolments share start dates, hours, minimums and breaks. */
const memo = <T>() => {
  const values = new Map<string, T>();
  return (key: string, compute: () => T): T => {
    let value = values.get(key);
    if (value === undefined) {
      value = compute();
      values.set(key, value);
    }
    return value;
  };
};
const memoKey = (...parts: readonly unknown[]) => JSON.stringify(parts);

/**
 * Builds the rows of a scoped list of enrolments: the same figures as the enrolment page's (its
 * gateway readiness, KSB coverage and off-the-job minimum) from batch queries, with each pure
 * calculation done once per distinct input (caseload-equivalence.test.ts holds the two together).
 */
export const rowsOf = async (deps: ApprenticeshipDeps, list: readonly Enrolment[]): Promise<CaseloadRow[]> => {
  if (list.length === 0) return [];
  const ids = list.map((e) => e.id);
  const store = enrolments(deps.db);
  const [histories, hours, facts, gatewayRules, rules] = await Promise.all([
    store.histories(ids),
    approvedOffTheJobHoursOf(deps.db, ids),
    caseloadFacts(
      deps.db,
      list.map((e) => e.personId),
    ),
    readGatewayRules(),
    shippedFundingRules(),
  ]);
  const today = todayOf(deps);
  const breaks = new Map(list.map((e) => [e.id, breaksOf(histories.get(e.id) ?? [])]));
  const reviews = await nextReviewsOf(
    deps,
    list.map((e) => ({ enrolment: e, breaks: breaks.get(e.id) ?? [] })),
  );
  const personStateOf = caseloadPersonStates(deps.catalogue);
  const states = new Map<string, PersonState>();
  const scopeOf = ksbScopes(deps.catalogue);
  const standingOf = gatewayStandings(deps.catalogue);
  const programmes = memo<Programme | null>();
  const plans = memo<GatewayPlan>();
  const minimums = memo<ReturnType<typeof enrolmentOffTheJobMinimum>>();
  const progresses = memo<ReturnType<typeof offTheJobProgress> | null>();
  const durations = memo<ReturnType<typeof gatewayDuration>>();
  return list.map((e): CaseloadRow => {
    const programme = programmes(e.programme, () => programmeById(deps.catalogue, e.programme) ?? null) ?? undefined;
    const enrolmentBreaks = breaks.get(e.id) ?? [];
    const breaksKey = enrolmentBreaks.length === 0 ? '' : JSON.stringify(enrolmentBreaks);
    const approved = hours.get(e.id) ?? 0;
    const person = facts.get(e.personId);
    let state = states.get(e.personId);
    if (!state && person) {
      state = personStateOf(person.subject, person.facts);
      states.set(e.personId, state);
    }
    const judgements = state?.judgements ?? {};
    const scope = programme ? scopeOf(programme.frameworkId, e.optionCode) : null;
    const coverage = scope ? metInScope(scope, judgements, e.priorLearningItems) : null;
    const minimum = minimums(
      memoKey(e.programme, e.startDate, e.plannedEndDate, e.contractedHoursPerWeek, e.priorLearningHours, e.fixedMinimum),
      () => enrolmentOffTheJobMinimum(rules, programme, e),
    );
    const progress = minimum.ok
      ? progresses(memoKey(e.startDate, e.plannedEndDate, minimum.minimumHours, breaksKey, approved), () =>
          offTheJobProgress(
            rules.offTheJobAtRisk,
            { startDate: e.startDate, plannedEndDate: e.plannedEndDate, minimumHours: minimum.minimumHours, breaks: enrolmentBreaks },
            approved,
            today,
          ),
        )
      : null;
    const otjState: OffTheJobState =
      progress === null ? 'unknown' : progress.atRisk ? 'at_risk' : progress.shortfallHours > 0 ? 'behind' : 'on_track';
    // Gateway to Completion as the enrolment page works it out (gatewayReadiness), from the same parts.
    const plan = programme ? plans(e.programme, () => gatewayPlanFor(deps.catalogue, gatewayRules, programme, today)) : null;
    let gateway: CaseloadRow['gateway'] = { state: 'not_applicable', unmet: 0 };
    if (plan?.applies && state) {
      const onProgramme = { startDate: e.startDate, contractedHoursPerWeek: e.contractedHoursPerWeek, breaks: enrolmentBreaks, today };
      const duration = durations(memoKey(e.startDate, e.contractedHoursPerWeek, breaksKey), () => gatewayDuration(rules, onProgramme));
      const standing = standingOf(
        plan,
        gatewayPersonState(
          state,
          {
            optionCode: e.optionCode,
            startDate: e.startDate,
            ageAtStart: e.ageAtStart,
            employerConfirmed: e.employerConfirmation !== null,
            providerConfirmed: e.providerConfirmation !== null,
          },
          { duration: duration.met, offTheJob: offTheJobMinimumMet(minimum, approved) },
        ),
        e,
      );
      gateway = { state: standing.ready ? 'ready' : 'not_ready', unmet: standing.unmet };
    }
    const review = reviews.get(e.id);
    return {
      enrolmentId: e.id,
      personId: e.personId,
      personName: e.personName,
      employerId: e.employerId,
      employerName: e.employerName,
      providerName: e.providerName,
      programme: { id: e.programme, title: programme?.title ?? e.programme },
      option: optionOf(programme, e.optionCode),
      status: e.status,
      statusName: statusNames[e.status],
      startDate: e.startDate,
      plannedEndDate: e.plannedEndDate,
      coverage:
        coverage && coverage.total > 0
          ? {
              met: coverage.met,
              recognised: coverage.recognised,
              total: coverage.total,
              percent: Math.round(((coverage.met + coverage.recognised) / coverage.total) * 100),
            }
          : null,
      offTheJob: {
        state: otjState,
        approvedHours: approved,
        plannedHours: progress?.plannedHours ?? null,
        minimumHours: minimum.ok ? minimum.minimumHours : null,
        text: minimum.ok ? (progress?.reason ?? '') : minimum.message,
      },
      nextReview: { dueDate: review?.dueDate ?? null, overdue: review?.overdue ?? false, daysOverdue: review?.daysOverdue ?? 0 },
      gateway,
    };
  });
};

const otjRank: Record<OffTheJobState, number> = { at_risk: 0, behind: 1, on_track: 2, unknown: 3 };
const gatewayRank: Record<GatewayState, number> = { ready: 0, not_ready: 1, not_applicable: 2 };

const keyOf = (sort: CaseloadSort, r: CaseloadRow): string | number => {
  switch (sort) {
    case 'name':
      return r.personName.toLowerCase();
    case 'employer':
      return r.employerName.toLowerCase();
    case 'programme':
      return r.programme.title.toLowerCase();
    case 'status':
      return r.statusName;
    case 'coverage':
      return r.coverage?.percent ?? -1;
    case 'offTheJob':
      return otjRank[r.offTheJob.state];
    case 'nextReview':
      return r.nextReview.dueDate ?? '9999-12-31';
    case 'gateway':
      return gatewayRank[r.gateway.state];
  }
};

/** Filters and sorts rows as the query asks (ties by name, so the order is stable). */
export const arrange = (rows: readonly CaseloadRow[], query: z.infer<typeof CaseloadQuery>): CaseloadRow[] => {
  const q = query.q?.toLowerCase();
  const kept = rows.filter(
    (r) =>
      (!q ||
        r.personName.toLowerCase().includes(q) ||
        r.programme.title.toLowerCase().includes(q) ||
        r.programme.id.toLowerCase().includes(q)) &&
      (!query.status || r.status === query.status) &&
      (!query.gateway || r.gateway.state === query.gateway) &&
      (!query.offTheJob || r.offTheJob.state === query.offTheJob) &&
      (!query.reviewOverdue || r.nextReview.overdue === (query.reviewOverdue === 'yes')) &&
      (!query.employer || r.employerId === query.employer),
  );
  const sign = query.order === 'desc' ? -1 : 1;
  return kept.sort((a, b) => {
    const ka = keyOf(query.sort, a);
    const kb = keyOf(query.sort, b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return c !== 0 ? sign * c : a.personName.localeCompare(b.personName) || a.enrolmentId.localeCompare(b.enrolmentId);
  });
};

const parseQuery = (query: unknown) => {
  const parsed = CaseloadQuery.safeParse(query ?? {});
  if (!parsed.success) throw new AppError('validation', 'Check the filters', detailsFromZod(parsed.error));
  return parsed.data;
};

const employersOf = (rows: readonly CaseloadRow[]) =>
  [...new Map(rows.map((r) => [r.employerId, { id: r.employerId, name: r.employerName }])).values()].sort((a, b) =>
    a.name.localeCompare(b.name),
  );

/** The caseload as shown: the matching rows in order and the page of them asked for. */
const caseloadOf = (
  rows: readonly CaseloadRow[],
  query: z.infer<typeof CaseloadQuery>,
  today: string,
  can: Caseload['can'] = { enrol: false },
): Caseload => {
  const matching = arrange(rows, query);
  const pages = Math.max(1, Math.ceil(matching.length / CASELOAD_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const shown = matching.slice((page - 1) * CASELOAD_PAGE_SIZE, page * CASELOAD_PAGE_SIZE);
  return { rows: shown, matching, page, pages, total: rows.length, employers: employersOf(rows), query: { ...query, page }, today, can };
};

const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

/** The assessor's caseload: every enrolment with the providers where the user is an assessor, across employers. */
export const assessorCaseload = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, query: unknown): Promise<Caseload> => {
  const user = userOf(actor);
  const parsed = parseQuery(query);
  const providerIds = [...new Set(user.assignments.filter((a) => a.role === 'assessor').map((a) => a.organisationId))];
  if (providerIds.length === 0) throw new AppError('forbidden', 'Only a training provider’s assessors have a caseload');
  const listed = await enrolments(deps.db).listForProviders(providerIds);
  const rows = await rowsOf(deps, listed);
  return caseloadOf(rows, parsed, todayOf(deps));
};

/**
 * The employer's view of their apprentices: a trust admin sees every enrolment in the trust, a school
 * admin those at their schools, a line manager those of the people they manage (the same reach as enrolment.read).
 */
export const employerApprentices = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, query: unknown): Promise<Caseload> => {
  const user = userOf(actor);
  const parsed = parseQuery(query);
  const store = enrolments(deps.db);
  const byId = new Map<string, Enrolment>();
  for (const a of user.assignments) {
    const found =
      a.role === 'trust_admin'
        ? await store.listForEmployer(a.trustId, 'all')
        : a.role === 'school_admin'
          ? await store.listForEmployer(a.trustId, [a.organisationId])
          : [];
    for (const e of found) byId.set(e.id, e);
  }
  if (user.assignments.some((a) => a.role === 'line_manager')) for (const e of await store.listForPeople(user.reportIds)) byId.set(e.id, e);
  if (!hasEmployerReach(user)) throw new AppError('forbidden', 'Only the employer’s admins and line managers see the school’s apprentices');
  const rows = await rowsOf(deps, [...byId.values()]);
  return caseloadOf(rows, parsed, todayOf(deps), { enrol: !emptyScope(scopeOf(user, 'enrolment.create')) });
};

/** The enrolments of the signed-in apprentice. */
export const myEnrolments = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous): Promise<Enrolment[]> => {
  const user = userOf(actor);
  if (!user.personId) return [];
  return enrolments(deps.db).listForPeople([user.personId]);
};
