import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type SessionRecord = {
  id: string;
  trustId: string;
  userId: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  mfaVerified: boolean;
  revokedAt: Date | null;
  accountDisabledAt: Date | null;
};

/** Sessions, found by the hash of their token (the token itself is never stored). */
export const sessions = (db: Kysely<Tables>) => ({
  insert: async (session: {
    id: string;
    trustId: string;
    userId: string;
    tokenHash: string;
    expiresAt: Date;
    mfaVerified: boolean;
    clientAddress: string | null;
    userAgent: string | null;
    now: Date;
  }) => {
    await db
      .insertInto('sessions')
      .values({
        id: session.id,
        trust_id: session.trustId,
        user_id: session.userId,
        token_hash: session.tokenHash,
        created_at: session.now,
        last_seen_at: session.now,
        expires_at: session.expiresAt,
        mfa_verified: session.mfaVerified,
        client_address: session.clientAddress,
        user_agent: session.userAgent,
      })
      .execute();
  },

  findByTokenHash: async (tokenHash: string): Promise<SessionRecord | undefined> => {
    const row = await db
      .selectFrom('sessions')
      .innerJoin('user_accounts', 'user_accounts.id', 'sessions.user_id')
      .select([
        'sessions.id',
        'sessions.trust_id',
        'sessions.user_id',
        'sessions.created_at',
        'sessions.last_seen_at',
        'sessions.expires_at',
        'sessions.mfa_verified',
        'sessions.revoked_at',
        'user_accounts.disabled_at',
      ])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    return (
      row && {
        id: row.id,
        trustId: row.trust_id,
        userId: row.user_id,
        createdAt: row.created_at,
        lastSeenAt: row.last_seen_at,
        expiresAt: row.expires_at,
        mfaVerified: row.mfa_verified,
        revokedAt: row.revoked_at,
        accountDisabledAt: row.disabled_at,
      }
    );
  },

  touch: async (id: string, now: Date) => {
    await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
  },

  markMfaVerified: async (id: string) => {
    await db.updateTable('sessions').set({ mfa_verified: true }).where('id', '=', id).execute();
  },

  revoke: async (id: string, reason: string, now: Date) => {
    await db
      .updateTable('sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
  },

  /** Ends every open session of a user (password change, account disabled), optionally keeping one. */
  revokeAllForUser: async (userId: string, reason: string, now: Date, except?: string) => {
    let query = db
      .updateTable('sessions')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null);
    if (except) query = query.where('id', '!=', except);
    await query.execute();
  },
});
export type Sessions = ReturnType<typeof sessions>;
