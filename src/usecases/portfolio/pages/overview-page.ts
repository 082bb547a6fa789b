import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { enrolmentLinksOf } from '../../apprenticeships/enrolment-links.ts';
import type { PortfolioDeps } from '../deps.ts';
import { portfolioOverview } from '../overview.ts';
import { isSelf } from './self.ts';

/**
 * The portfolio overview (progress by standard set, next steps, counts), with whether it is the actor's
 * own, and links to the person's apprenticeship enrolments the actor may open (none when there are none).
 */
export const overviewPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string) => {
  const overview = await portfolioOverview(deps, actor, personId);
  const apprenticeships = actor.kind === 'user' ? await enrolmentLinksOf(deps, actor, overview.person.id) : [];
  return { ...overview, self: isSelf(actor, overview.person.id), apprenticeships };
};
