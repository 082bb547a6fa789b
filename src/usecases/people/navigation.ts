import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { emptyScope, scopeOf } from './scope.ts';

/** The signed-in areas a user may open, for the header: shown by permission, never as dead ends. */
export const directoryNavigation = (actor: Actor, unreadNotifications = 0) => {
  // The user's own portfolio lives under /people/<their id>/portfolio: that is "My portfolio", not "Staff".
  const items: { href: string; text: string; activeWithin?: string; notWithin?: string }[] = [];
  const ownPortfolio = actor.personId ? `/people/${actor.personId}/portfolio` : undefined;
  if (ownPortfolio) items.push({ href: '/portfolio', text: 'My portfolio', activeWithin: ownPortfolio });
  if (actor.reportIds.length + actor.apprenticeIds.length > 0) items.push({ href: '/evidence-queue', text: 'Evidence to review' });
  if (actor.reportIds.length > 0) items.push({ href: '/team', text: 'My team' });
  items.push({ href: '/people', text: 'Staff', ...(ownPortfolio ? { notWithin: ownPortfolio } : {}) });
  const home = actor.assignments.find(
    (a) => can(actor, 'organisation.read', { type: 'organisation', trustId: a.trustId, organisationId: a.organisationId }).allowed,
  );
  if (home) items.push({ href: `/organisations/${home.organisationId}`, text: 'Organisation' });
  const accounts = scopeOf(actor, 'account.assignRoles');
  if (!emptyScope(accounts)) items.push({ href: '/users', text: 'Users' });
  if (!emptyScope(scopeOf(actor, 'audit.read'))) items.push({ href: '/audit', text: 'Audit log' });
  if (actor.partnershipIds.length > 0) items.push({ href: '/partnerships', text: 'Partnerships' });
  items.push({ href: '/notifications', text: unreadNotifications > 0 ? `Notifications (${unreadNotifications} unread)` : 'Notifications' });
  return items;
};
