import type { Kysely } from 'kysely';
import type { Actor } from '../../domain/policy/actor.ts';
import type { Tables } from '../../store/tables.ts';
import { describeSignedInUser } from '../auth/sign-in.ts';
import { directoryNavigation, type NavigationItem } from '../people/navigation.ts';
import { unreadCount } from '../portfolio/evidence/my-notifications.ts';

/** What the layout's header shows a signed-in user: their name, the areas they may open, their unread notifications. */
export type SignedInHeader = {
  signedInUser?: { name: string };
  directoryNav: NavigationItem[];
  unreadNotifications: number;
};

/**
 * The header of every signed-in page, in one call. `withUnread` is false for requests that show no
 * header (form posts), so they skip the unread-count query.
 */
export const signedInHeader = async (deps: { db: Kysely<Tables> }, actor: Actor, withUnread: boolean): Promise<SignedInHeader> => {
  const [user, unread] = await Promise.all([
    describeSignedInUser(deps.db, actor.userId),
    withUnread ? unreadCount(deps, actor) : Promise.resolve(0),
  ]);
  return {
    ...(user ? { signedInUser: { name: user.name } } : {}),
    directoryNav: directoryNavigation(actor),
    unreadNotifications: unread,
  };
};
