import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

export type PasswordResetRecord = { id: string; trustId: string; userId: string; expiresAt: Date; usedAt: Date | null };

/** Password-reset tokens, found by the hash of the token (the token itself is only ever in the email). */
export const passwordResets = (db: Kysely<Tables>) => ({
  insert: async (reset: { id: string; trustId: string; userId: string; tokenHash: string; expiresAt: Date; now: Date }) => {
    await db
      .insertInto('password_resets')
      .values({
        id: reset.id,
        trust_id: reset.trustId,
        user_id: reset.userId,
        token_hash: reset.tokenHash,
        created_at: reset.now,
        expires_at: reset.expiresAt,
      })
      .execute();
  },

  /** The reset behind a token hash, locked for the rest of the transaction so it is used once only. */
  findByTokenHashForUpdate: async (tokenHash: string): Promise<PasswordResetRecord | undefined> => {
    const row = await db
      .selectFrom('password_resets')
      .select(['id', 'trust_id', 'user_id', 'expires_at', 'used_at'])
      .where('token_hash', '=', tokenHash)
      .forUpdate()
      .executeTakeFirst();
    return row && { id: row.id, trustId: row.trust_id, userId: row.user_id, expiresAt: row.expires_at, usedAt: row.used_at };
  },

  /** How many resets were asked for this account since `since` (throttling). */
  countSince: async (userId: string, since: Date): Promise<number> => {
    const row = await db
      .selectFrom('password_resets')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  markUsed: async (id: string, now: Date) => {
    await db.updateTable('password_resets').set({ used_at: now }).where('id', '=', id).execute();
  },

  /** Any other outstanding reset of the account stops working once the password has changed. */
  expireOthers: async (userId: string, now: Date) => {
    await db.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', userId).where('used_at', 'is', null).execute();
  },
});
