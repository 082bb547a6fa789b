import type { Actor } from '../../domain/policy/actor.ts';
import type { TrainingPhase } from '../../framework/schema.ts';
import type { ProgressionDeps } from './deps.ts';
import { routeForPerson } from './person-progression.ts';
import { storedPersonState } from './stored-person.ts';

export type RouteAsked = {
  goal: string;
  option?: string | undefined;
  trainingPhase?: TrainingPhase | undefined;
  /** Hours a week the person can study, asked on the page (the stored record has none). */
  hours?: number | undefined;
};

/**
 * "Plan my route": the person's stored state and what it is based on, and with a goal chosen, each
 * route to it. Without a goal (or with one the form refused) the page shows the picker only.
 */
export const planRoutePage = async (deps: ProgressionDeps, actor: Actor, personId: string, asked: RouteAsked | undefined) => {
  if (!asked) {
    const described = await storedPersonState(deps, actor, personId);
    return { person: described.person, basis: described.basis };
  }
  return routeForPerson(
    deps,
    actor,
    personId,
    asked.goal,
    {
      ...(asked.option ? { option: asked.option } : {}),
      ...(asked.trainingPhase ? { trainingPhase: asked.trainingPhase } : {}),
    },
    asked.hours,
  );
};
