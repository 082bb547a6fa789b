import type { PersonState } from '../../contracts/person-state.ts';
import { gap } from '../../domain/gap.ts';
import { route } from '../../domain/route.ts';
import type { Catalogue } from '../../framework/catalogue.ts';

/**
 * "Explore a career", for anyone without an account: the gap from a described state to a target,
 * and the routes to a goal. Nothing is stored and nobody is identified, so no permission applies.
 */
export const exploreCareer = (deps: { catalogue: Catalogue }, state: PersonState, ask: { target: string; goal: string }) => ({
  gap: gap(state, ask.target, deps.catalogue),
  plan: route(state, ask.goal, deps.catalogue),
});
