import type { PersonState } from '../contracts/person-state.ts';
import { evaluate } from './requirements/index.ts';
import type { PlanEnv } from './route-planning.ts';
import { applyGrants, type RouteStep } from './route-steps.ts';
import { rulesOf } from './targets.ts';

/**
 * Whether a sequence of steps is a valid route, in order: each target's entry and hold rules are
 * met by the steps before it, its gateway and award rules also by what the target itself gives.
 */
export const stepsAreValid = (steps: readonly RouteStep[], state: PersonState, env: PlanEnv): boolean => {
  let current = state;
  for (const step of steps) {
    if (step.status !== 'todo') continue;
    if (step.kind !== 'achievement') {
      const during = applyGrants(current, step.grants);
      for (const rule of rulesOf(step.id, env.catalogue)) {
        if ((rule.requirement.strength ?? 'required') === 'indicative') continue;
        const at = rule.stage === 'award' || rule.stage === 'gateway' ? during : current;
        if (evaluate(rule.requirement, at, env.catalogue, env.context).status !== 'met') return false;
      }
    }
    current = applyGrants(current, step.grants);
  }
  return true;
};

/**
 * Drops, last first, every to-do step off the progression path that the route stays valid
 * without (a Level 3 course planned for an entry rule that a later Foundation Degree also meets).
 */
export const pruneSteps = (steps: readonly RouteStep[], path: readonly string[], state: PersonState, env: PlanEnv): RouteStep[] => {
  let kept = [...steps];
  for (const step of [...steps].reverse()) {
    if (step.status !== 'todo' || path.includes(step.id)) continue;
    const without = kept.filter((s) => s !== step);
    if (stepsAreValid(without, state, env)) kept = without;
  }
  return kept;
};
