import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { contextFor } from '../gap.ts';
import { evaluate } from '../requirements/index.ts';
import type { Route } from '../route.ts';
import { applyGrants } from '../route-steps.ts';
import { rulesOf } from '../targets.ts';

/**
 * Test helpers that re-check a planned route from its steps' grants, independently of the
 * planner, in step order: a target's entry and hold rules must be met by the steps before it;
 * its gateway and award rules may also count what the target itself gives.
 */

const isTarget = (kind: string) => kind !== 'achievement';

/** Whether every required rule of the target at `index` is met, skipping one step's grants. */
const targetMet = (state: PersonState, route: Route, index: number, catalogue: Catalogue, skip?: string, option?: string): boolean => {
  const step = route.steps[index];
  if (!step) return true;
  const before = route.steps
    .slice(0, index)
    .filter((s) => s.status === 'todo' && s.id !== skip)
    .reduce((acc, s) => applyGrants(acc, s.grants), state);
  const during = applyGrants(before, step.grants);
  return rulesOf(step.id, catalogue).every((rule) => {
    if ((rule.requirement.strength ?? 'required') === 'indicative') return true;
    const at = rule.stage === 'award' || rule.stage === 'gateway' ? during : before;
    return evaluate(rule.requirement, at, catalogue, contextFor(at, option ? { option } : {})).status === 'met';
  });
};

const targetIndexes = (route: Route) => route.steps.flatMap((s, i) => (s.status === 'todo' && isTarget(s.kind) ? [i] : []));

/** Every target on the route has its required rules met by the steps before it. */
export const routeIsValid = (state: PersonState, route: Route, catalogue: Catalogue, option?: string): boolean =>
  targetIndexes(route).every((i) => targetMet(state, route, i, catalogue, undefined, option));

/** The to-do steps that are neither on the progression path nor required by a rule of a later target on the route. */
export const unneededSteps = (state: PersonState, route: Route, catalogue: Catalogue, option?: string): string[] =>
  route.steps
    .flatMap((s, index) => (s.status === 'todo' && !route.path.includes(s.id) ? [{ s, index }] : []))
    .filter(({ s, index }) => targetIndexes(route).every((i) => i <= index || targetMet(state, route, i, catalogue, s.id, option)))
    .map(({ s }) => s.id);
