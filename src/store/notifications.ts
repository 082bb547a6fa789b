import type { Kysely } from 'kysely';
import type { NotificationKind } from '../contracts/notification-kinds.ts';
import type { Tables } from './tables.ts';

export type Notification = {
  id: string;
  trustId: string;
  userId: string;
  /** As stored: rows written by older versions may hold kinds no longer written. */
  kind: string;
  message: string;
  href: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export type NewNotification = Omit<Notification, 'readAt' | 'kind'> & { kind: NotificationKind };

/** In-app notifications of one user; every query names the trust. */
export const notifications = (db: Kysely<Tables>) => ({
  insert: async (n: NewNotification): Promise<void> => {
    await db
      .insertInto('notifications')
      .values({
        id: n.id,
        trust_id: n.trustId,
        user_id: n.userId,
        kind: n.kind,
        message: n.message,
        href: n.href,
        created_at: n.createdAt,
        read_at: null,
      })
      .execute();
  },

  /** The newest notifications of a user, unread first within the limit. */
  listForUser: async (trustId: string, userId: string, limit = 50): Promise<Notification[]> => {
    const rows = await db
      .selectFrom('notifications')
      .selectAll()
      .where('trust_id', '=', trustId)
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      trustId: r.trust_id,
      userId: r.user_id,
      kind: r.kind,
      message: r.message,
      href: r.href,
      createdAt: r.created_at,
      readAt: r.read_at,
    }));
  },

  countUnread: async (trustId: string, userId: string): Promise<number> => {
    const row = await db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('trust_id', '=', trustId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  markAllRead: async (trustId: string, userId: string, at: Date): Promise<void> => {
    await db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('trust_id', '=', trustId)
      .where('user_id', '=', userId)
      .where('read_at', 'is', null)
      .execute();
  },

  /** One enabled account of the trust, with the address mail goes to; none when disabled or another trust's. */
  enabledAccount: async (trustId: string, userId: string): Promise<{ id: string; email: string } | undefined> =>
    db
      .selectFrom('user_accounts')
      .select(['id', 'email'])
      .where('trust_id', '=', trustId)
      .where('id', '=', userId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst(),

  /** The enabled accounts of a person (usually one), with the address mail goes to. */
  accountsOfPerson: (trustId: string, personId: string): Promise<{ id: string; email: string }[]> =>
    db
      .selectFrom('user_accounts')
      .select(['id', 'email'])
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('disabled_at', 'is', null)
      .execute(),
});
