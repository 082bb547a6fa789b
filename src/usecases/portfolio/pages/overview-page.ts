import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { PortfolioDeps } from '../deps.ts';
import { portfolioOverview } from '../overview.ts';
import { isSelf } from './self.ts';

/** The portfolio overview (progress by standard set, next steps, counts), with whether it is the actor's own. */
export const overviewPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string) => {
  const overview = await portfolioOverview(deps, actor, personId);
  return { ...overview, self: isSelf(actor, overview.person.id) };
};
