import type { Actor } from '../../../domain/policy/actor.ts';
import { audit } from '../../../store/audit.ts';
import { type Notification, notifications } from '../../../store/notifications.ts';
import type { PortfolioDeps } from '../deps.ts';

const homeTrust = (actor: Actor): string | undefined => actor.assignments[0]?.trustId;

/** The signed-in user's own notifications (nobody reads another user's). */
export const myNotifications = async (deps: Pick<PortfolioDeps, 'db'>, actor: Actor): Promise<Notification[]> => {
  const trustId = homeTrust(actor);
  return trustId ? notifications(deps.db).listForUser(trustId, actor.userId) : [];
};

/** How many of the user's notifications are unread, for the header. */
export const unreadCount = async (deps: Pick<PortfolioDeps, 'db'>, actor: Actor): Promise<number> => {
  const trustId = homeTrust(actor);
  return trustId ? notifications(deps.db).countUnread(trustId, actor.userId) : 0;
};

/** Marks all the user's notifications read. */
export const markAllRead = async (deps: PortfolioDeps, actor: Actor): Promise<void> => {
  const trustId = homeTrust(actor);
  if (!trustId) return;
  await deps.db.transaction().execute(async (trx) => {
    await notifications(trx).markAllRead(trustId, actor.userId, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId,
      actor: actor.userId,
      action: 'notifications.read',
      entity: 'account',
      entityId: actor.userId,
      data: { before: null, after: { readAt: deps.clock().toISOString() } },
      requestId: deps.requestId ?? null,
    });
  });
};
