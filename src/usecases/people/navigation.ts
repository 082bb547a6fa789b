import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { employerReachOf } from '../apprenticeships/employer-reach.ts';
import { scopeOf } from './scope.ts';

/** One item of the header's service navigation. */
export type NavigationItem = { href: string; text: string; activeWithin?: string; notWithin?: string };

/**
 * The signed-in areas a user may open, for the header: shown by permission, never as dead ends, and few
 * enough to sit on one row of a laptop screen. Everything else a role may use is linked from its home
 * (`/home`): the team, organisation tasks (the school or trust's own page among them), users and invitations,
 * the outbox, the audit log, partnerships.
 * Notifications and the account sit in the header's account menu.
 */
export const directoryNavigation = (actor: Actor): NavigationItem[] => {
  // The user's own portfolio lives under /people/<their id>/portfolio: that is "My portfolio", not "Staff".
  // The service name ("Pathways") links to the signed-in home, as GOV.UK service navigation does.
  const items: NavigationItem[] = [];
  const ownPortfolio = actor.personId ? `/people/${actor.personId}/portfolio` : undefined;
  if (ownPortfolio) items.push({ href: '/portfolio', text: 'My portfolio', activeWithin: ownPortfolio });
  // An assessor's header has their caseload instead; their evidence queue is linked from their home and the caseload.
  const assessor = actor.assignments.some((a) => a.role === 'assessor');
  if (actor.reportIds.length > 0 || (actor.apprenticeIds.length > 0 && !assessor))
    items.push({ href: '/evidence-queue', text: 'Evidence to review' });
  // A directory of only oneself is no directory: "Staff" is for those who may see other people.
  const people = scopeOf(actor, 'person.read');
  if (people.trustIds.length + people.organisationIds.length > 0 || people.personIds.some((id) => id !== actor.personId))
    items.push({ href: '/people', text: 'Staff', ...(ownPortfolio ? { notWithin: ownPortfolio } : {}) });
  // Workforce insight: the dashboards of a school, a trust or a partnership (src/usecases/insight).
  const insight = actor.assignments.some(
    (a) => can(actor, 'organisation.readInsight', { type: 'organisation', trustId: a.trustId, organisationId: a.organisationId }).allowed,
  );
  if (insight || actor.partnershipIds.length > 0) items.push({ href: '/insight', text: 'Workforce', activeWithin: '/insight' });
  // Partnership teaching: coordinators open their partnerships' deployments, engagements and impact.
  if (actor.partnershipIds.length > 0) items.push({ href: '/partnerships', text: 'Partnerships', activeWithin: '/partnerships' });
  // Apprenticeships: the provider's assessors have a caseload; those whose reading of the employer's
  // enrolments reaches a school or a trust see its apprentices. Where it reaches only the people they
  // line-manage, the link is on their home (with their team), which keeps their header to one row.
  if (assessor) items.push({ href: '/caseload', text: 'Caseload', activeWithin: '/caseload' });
  if (employerReachOf(actor) === 'organisations') items.push({ href: '/apprentices', text: 'Apprentices', activeWithin: '/apprentices' });
  return items;
};
