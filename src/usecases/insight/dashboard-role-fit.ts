import { DutyFrequency } from '../../contracts/duty-profile.ts';
import type { RoleFitFigure } from '../../domain/insight/dashboard-filter.ts';
import { roleFit } from '../../domain/role-fit.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { DashboardScope, ResolvedFilter } from '../../store/insight/dashboard.ts';
import { type DistinctDutyProfile, dashboardProgressStore } from '../../store/insight/dashboard-progress.ts';
import type { DashboardDeps } from './dashboard-scope.ts';

/**
 * Role fit on the workforce dashboard: each member of staff's latest duty profile against their
 * graded role, decided by the one role-fit interpreter (src/domain/role-fit.ts) once per distinct
 * profile. The database groups the profiles by key; the answers of a key are read only when it has
 * not been evaluated yet, and the outcome is remembered per catalogue (a pure function of the two).
 */

/** How a distinct profile compares with the role it is evaluated against; null when that role is outside the framework. */
export type RoleFitOutcome = { comparison: 'above' | 'at' | 'below'; bestFit: string | null; dutiesAboveGrade: number } | null;

const CACHE_LIMIT = 50_000;
const outcomes = new WeakMap<Catalogue, Map<string, RoleFitOutcome>>();
const outcomesOf = (catalogue: Catalogue) => {
  const known = outcomes.get(catalogue) ?? new Map<string, RoleFitOutcome>();
  outcomes.set(catalogue, known);
  return known;
};

/** The interpreter on one distinct profile, with the answers the role-fit page counts (duties of the framework only). */
const outcomeOf = (profile: DistinctDutyProfile, catalogue: Catalogue): RoleFitOutcome => {
  if (!catalogue.role(profile.evaluatedRole)) return null;
  const duties = Object.fromEntries(
    Object.entries(profile.answers).flatMap(([code, answer]) => {
      const frequency = DutyFrequency.safeParse(answer);
      return catalogue.item(code)?.kind === 'duty' && frequency.success ? [[code, frequency.data]] : [];
    }),
  );
  const fit = roleFit({ currentRole: profile.evaluatedRole, duties }, catalogue);
  return { comparison: fit.gradeComparison, bestFit: fit.bestFit?.role ?? null, dutiesAboveGrade: fit.dutiesAboveGrade.length };
};

/** The role fit of each key asked for, evaluating only the keys not yet known. */
export const roleFitsOf = async (
  deps: Pick<DashboardDeps, 'db' | 'catalogue'>,
  scope: DashboardScope,
  today: string,
  keys: readonly string[],
): Promise<Map<string, RoleFitOutcome>> => {
  const known = outcomesOf(deps.catalogue);
  const result = new Map<string, RoleFitOutcome>();
  const missing: string[] = [];
  for (const key of new Set(keys)) {
    const outcome = known.get(key);
    if (outcome === undefined) missing.push(key);
    else result.set(key, outcome);
  }
  for (const profile of await dashboardProgressStore(deps.db).dutyProfileAnswers(scope, today, missing)) {
    const outcome = outcomeOf(profile, deps.catalogue);
    result.set(profile.key, outcome);
    if (known.size >= CACHE_LIMIT) known.delete(known.keys().next().value ?? '');
    known.set(profile.key, outcome);
  }
  return result;
};

type Counts = { above: number; at: number; below: number };
const noCounts = (): Counts => ({ above: 0, at: 0, below: 0 });

/** The role-fit figures of a scope: staff above, at and below their grade, overall and by graded role. */
export type RoleFitFigures = Counts & {
  /** Staff whose latest profile could be evaluated. */
  evaluated: number;
  /** Staff whose latest profile names a role outside the framework (counted with those without a profile). */
  notEvaluated: number;
  byGradedRole: ({ role: string | null } & Counts)[];
  /** For those above grade: their graded role and the higher role their duties best fit, commonest first. */
  aboveGradeMoves: { gradedRole: string | null; bestFit: string; headcount: number }[];
};

/** Counts the staff of a scope by the role fit of their latest duty profile (one evaluation per distinct profile). */
export const roleFitFigures = async (
  deps: Pick<DashboardDeps, 'db' | 'catalogue'>,
  scope: DashboardScope,
  today: string,
): Promise<RoleFitFigures> => {
  const groups = await dashboardProgressStore(deps.db).dutyProfileGroups(scope, today);
  const fits = await roleFitsOf(
    deps,
    scope,
    today,
    groups.map((g) => g.key),
  );
  const total = noCounts();
  const byRole = new Map<string | null, Counts>();
  const moves = new Map<string, { gradedRole: string | null; bestFit: string; headcount: number }>();
  let notEvaluated = 0;
  for (const g of groups) {
    const fit = fits.get(g.key) ?? null;
    if (!fit) {
      notEvaluated += g.headcount;
      continue;
    }
    total[fit.comparison] += g.headcount;
    const role = byRole.get(g.gradedRole) ?? noCounts();
    role[fit.comparison] += g.headcount;
    byRole.set(g.gradedRole, role);
    if (fit.comparison === 'above' && fit.bestFit) {
      const key = `${g.gradedRole}|${fit.bestFit}`;
      const move = moves.get(key) ?? { gradedRole: g.gradedRole, bestFit: fit.bestFit, headcount: 0 };
      move.headcount += g.headcount;
      moves.set(key, move);
    }
  }
  return {
    ...total,
    evaluated: total.above + total.at + total.below,
    notEvaluated,
    byGradedRole: [...byRole].map(([role, counts]) => ({ role, ...counts })),
    aboveGradeMoves: [...moves.values()].sort(
      (a, b) => b.headcount - a.headcount || (a.gradedRole ?? '').localeCompare(b.gradedRole ?? '') || a.bestFit.localeCompare(b.bestFit),
    ),
  };
};

/** The duty-profile keys behind a role-fit figure, for the list of its people. */
export const roleFitFilter = async (
  deps: Pick<DashboardDeps, 'db' | 'catalogue'>,
  scope: DashboardScope,
  today: string,
  figure: RoleFitFigure,
): Promise<ResolvedFilter> => {
  const groups = await dashboardProgressStore(deps.db).dutyProfileGroups(scope, today);
  const fits = await roleFitsOf(
    deps,
    scope,
    today,
    groups.map((g) => g.key),
  );
  const keys = (keep: (fit: RoleFitOutcome) => boolean) => [...fits].filter(([, fit]) => keep(fit)).map(([key]) => key);
  return figure === 'none'
    ? { profileKeys: { notIn: keys((fit) => fit !== null) } }
    : { profileKeys: { in: keys((fit) => fit?.comparison === figure) } };
};
