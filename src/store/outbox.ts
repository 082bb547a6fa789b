import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type OutboxMessage = {
  id: string;
  trustId: string | null;
  recipient: string;
  subject: string;
  bodyText: string;
  createdAt: Date;
  sentAt: Date | null;
  lastError: string | null;
};

type Row = {
  id: string;
  trust_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  created_at: Date;
  sent_at: Date | null;
  last_error: string | null;
};

const toMessage = (row: Row): OutboxMessage => ({
  id: row.id,
  trustId: row.trust_id,
  recipient: row.recipient,
  subject: row.subject,
  bodyText: row.body_text,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  lastError: row.last_error,
});

const columns = [
  'outbox_messages.id',
  'outbox_messages.trust_id',
  'outbox_messages.recipient',
  'outbox_messages.subject',
  'outbox_messages.body_text',
  'outbox_messages.created_at',
  'outbox_messages.sent_at',
  'outbox_messages.last_error',
] as const;

/** Outgoing mail: every message is kept here; SMTP delivery (when configured) marks it sent. */
export const outbox = (db: Kysely<Tables>) => ({
  insert: async (message: { id: string; trustId: string | null; recipient: string; subject: string; bodyText: string; now: Date }) => {
    await db
      .insertInto('outbox_messages')
      .values({
        id: message.id,
        trust_id: message.trustId,
        recipient: message.recipient,
        subject: message.subject,
        body_text: message.bodyText,
        created_at: message.now,
      })
      .execute();
  },

  find: async (id: string): Promise<OutboxMessage | undefined> => {
    const row = await db.selectFrom('outbox_messages').select(columns).where('id', '=', id).executeTakeFirst();
    return row && toMessage(row);
  },

  markSent: async (id: string, now: Date) => {
    await db.updateTable('outbox_messages').set({ sent_at: now, last_error: null }).where('id', '=', id).execute();
  },

  markFailed: async (id: string, error: string) => {
    await db.updateTable('outbox_messages').set({ last_error: error }).where('id', '=', id).execute();
  },

  /** A trust's messages, newest first. */
  listForTrust: async (trustId: string, limit = 200): Promise<OutboxMessage[]> =>
    (
      await db
        .selectFrom('outbox_messages')
        .select(columns)
        .where('trust_id', '=', trustId)
        .orderBy('created_at', 'desc')
        .limit(limit)
        .execute()
    ).map(toMessage),

  /**
   * A trust's messages to accounts whose every role is held at one of `organisationIds` (a school
   * admin's schools): never mail to someone with wider access, such as a trust admin's reset link.
   */
  listForOrganisations: async (trustId: string, organisationIds: readonly string[], limit = 200): Promise<OutboxMessage[]> => {
    if (organisationIds.length === 0) return [];
    const rows = await db
      .selectFrom('outbox_messages')
      .innerJoin('user_accounts', (join) =>
        join
          .onRef('user_accounts.email', '=', 'outbox_messages.recipient')
          .onRef('user_accounts.trust_id', '=', 'outbox_messages.trust_id'),
      )
      .select(columns)
      .where('outbox_messages.trust_id', '=', trustId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('role_assignments')
            .select('role_assignments.id')
            .whereRef('role_assignments.user_id', '=', 'user_accounts.id')
            .where('role_assignments.organisation_id', 'in', organisationIds),
        ),
      )
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('role_assignments')
              .select('role_assignments.id')
              .whereRef('role_assignments.user_id', '=', 'user_accounts.id')
              .where('role_assignments.organisation_id', 'not in', organisationIds),
          ),
        ),
      )
      .orderBy('outbox_messages.created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toMessage);
  },
});
export type Outbox = ReturnType<typeof outbox>;
