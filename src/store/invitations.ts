import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type InvitationRecord = { id: string; trustId: string; userId: string; email: string; expiresAt: Date; acceptedAt: Date | null };

/** Invitations to set a password, found by the hash of their token. */
export const invitations = (db: Kysely<Tables>) => ({
  insert: async (invitation: {
    id: string;
    trustId: string;
    userId: string;
    tokenHash: string;
    invitedBy: string | null;
    expiresAt: Date;
    now: Date;
  }) => {
    await db
      .insertInto('invitations')
      .values({
        id: invitation.id,
        trust_id: invitation.trustId,
        user_id: invitation.userId,
        token_hash: invitation.tokenHash,
        invited_by: invitation.invitedBy,
        created_at: invitation.now,
        expires_at: invitation.expiresAt,
      })
      .execute();
  },

  /** The invitation behind a token hash with its account's email, locked for the rest of the transaction. */
  findByTokenHash: async (tokenHash: string, lock = false): Promise<InvitationRecord | undefined> => {
    let query = db
      .selectFrom('invitations')
      .innerJoin('user_accounts', 'user_accounts.id', 'invitations.user_id')
      .select([
        'invitations.id',
        'invitations.trust_id',
        'invitations.user_id',
        'user_accounts.email',
        'invitations.expires_at',
        'invitations.accepted_at',
      ])
      .where('invitations.token_hash', '=', tokenHash);
    if (lock) query = query.forUpdate();
    const row = await query.executeTakeFirst();
    return (
      row && {
        id: row.id,
        trustId: row.trust_id,
        userId: row.user_id,
        email: row.email,
        expiresAt: row.expires_at,
        acceptedAt: row.accepted_at,
      }
    );
  },

  markAccepted: async (id: string, now: Date) => {
    await db.updateTable('invitations').set({ accepted_at: now }).where('id', '=', id).execute();
  },

  /** Marks every open invitation of an account accepted (first single sign-on, or a password set). */
  acceptAllForUser: async (userId: string, now: Date) => {
    await db.updateTable('invitations').set({ accepted_at: now }).where('user_id', '=', userId).where('accepted_at', 'is', null).execute();
  },
});
