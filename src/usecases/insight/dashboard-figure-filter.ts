import type { DashboardFilter } from '../../domain/insight/dashboard-filter.ts';
import type { DashboardPerson, ResolvedFilter } from '../../store/insight/dashboard.ts';
import { gatewayReadiness } from './dashboard-gateway.ts';
import { measuredRolesOf, progressionPipeline } from './dashboard-pipeline.ts';
import { type RoleFitOutcome, roleFitFilter, roleFitsOf } from './dashboard-role-fit.ts';
import type { DashboardDeps, ResolvedScope } from './dashboard-scope.ts';

/**
 * The figures the database cannot filter by itself (role fit, the progression pipeline, Gateway to
 * Completion are decided by the domain's interpreters): what the list's query keeps, worked out by
 * the same computation as the figure, and a column saying what was decided about each person.
 */

/** A column of the list behind a figure: its heading and each person's cell. */
export type FigureDetail = { head: string; of: (p: DashboardPerson) => { text: string; href?: string } };

const roleFitText = (fit: RoleFitOutcome | undefined): string => {
  if (!fit) return 'No duty profile';
  if (fit.comparison === 'above')
    return `Above grade: best fit ${fit.bestFit ?? 'a higher role'}, ${fit.dutiesAboveGrade} ${fit.dutiesAboveGrade === 1 ? 'duty' : 'duties'} above grade`;
  if (fit.comparison === 'at') return fit.bestFit ? `At grade: best fit ${fit.bestFit}` : 'At grade';
  return fit.bestFit ? `Below grade: best fit ${fit.bestFit}` : 'Below grade: no profile fits';
};

const intersect = (sets: readonly (readonly string[])[]): string[] => {
  const [first, ...rest] = sets;
  const others = rest.map((s) => new Set(s));
  return (first ?? []).filter((id) => others.every((s) => s.has(id)));
};

/** The list query's extra conditions for a filter, and the columns of what was decided, for the people listed. */
export const resolveFigureFilter = async (
  deps: DashboardDeps,
  scope: ResolvedScope,
  filter: DashboardFilter,
  today: string,
): Promise<{ resolved: ResolvedFilter; details: (people: readonly DashboardPerson[]) => Promise<FigureDetail[]> }> => {
  let resolved: ResolvedFilter = {};
  const personSets: string[][] = [];
  const columns: ((people: readonly DashboardPerson[]) => Promise<FigureDetail>)[] = [];
  if (filter.roleFit) {
    resolved = { ...resolved, ...(await roleFitFilter(deps, scope.scope, today, filter.roleFit)) };
    columns.push(async (people) => {
      const fits = await roleFitsOf(
        deps,
        scope.scope,
        today,
        people.flatMap((p) => (p.dutyProfileKey ? [p.dutyProfileKey] : [])),
      );
      return {
        head: 'Role fit',
        of: (p) => ({
          text: roleFitText(p.dutyProfileKey ? (fits.get(p.dutyProfileKey) ?? undefined) : undefined),
          href: `/people/${p.id}/role-fit`,
        }),
      };
    });
  }
  if (filter.progression) {
    const pipeline = await progressionPipeline(deps, scope, today, 0, { withPeople: true });
    if (filter.progression === 'not-measured') resolved = { ...resolved, rolesNotIn: [...measuredRolesOf(deps.catalogue).keys()] };
    else personSets.push([...pipeline.people].filter(([, c]) => c.band === filter.progression).map(([id]) => id));
    columns.push(async () => ({
      head: 'Next level',
      of: (p) => {
        const c = pipeline.people.get(p.id);
        return {
          text: c ? `${c.target}: ${c.met} of ${c.total} met (${Math.floor((c.met * 100) / c.total)}%)` : 'No next level to measure',
          href: `/people/${p.id}/next-step`,
        };
      },
    }));
  }
  if (filter.gateway) {
    const gateway = await gatewayReadiness(deps, scope.scope, today);
    personSets.push(gateway.readyPersonIds);
    const enrolmentOf = new Map(gateway.readyEnrolments.map((e) => [e.personId, e.enrolmentId]));
    columns.push(async () => ({
      head: 'Gateway to Completion',
      of: (p) => {
        const enrolmentId = enrolmentOf.get(p.id);
        return enrolmentId ? { text: 'Ready', href: `/enrolments/${enrolmentId}` } : { text: 'Not ready' };
      },
    }));
  }
  if (personSets.length > 0) resolved = { ...resolved, personIds: intersect(personSets) };
  return { resolved, details: (people) => Promise.all(columns.map((c) => c(people))) };
};
