import type { Kysely } from 'kysely';
import type { MfaThrottleState } from '../domain/accounts/mfa-throttle.ts';
import type { Tables } from './tables.ts';

export type MfaState = { secretEncrypted: string | null; enabledAt: Date | null; lastStep: number | null };

/** The TOTP seed (encrypted), the last accepted time step, and the hashed one-time recovery codes. */
export const mfa = (db: Kysely<Tables>) => ({
  state: async (userId: string): Promise<MfaState | undefined> => {
    const row = await db
      .selectFrom('user_accounts')
      .select(['mfa_secret_encrypted', 'mfa_enabled_at', 'mfa_last_step'])
      .where('id', '=', userId)
      .executeTakeFirst();
    return row && { secretEncrypted: row.mfa_secret_encrypted, enabledAt: row.mfa_enabled_at, lastStep: row.mfa_last_step };
  },

  /** Keeps a seed that is being enrolled (not enabled until a code from it is confirmed). */
  setPendingSecret: async (userId: string, secretEncrypted: string) => {
    await db
      .updateTable('user_accounts')
      .set({ mfa_secret_encrypted: secretEncrypted })
      .where('id', '=', userId)
      .where('mfa_enabled_at', 'is', null)
      .execute();
  },

  enable: async (userId: string, at: Date, step: number) => {
    await db.updateTable('user_accounts').set({ mfa_enabled_at: at, mfa_last_step: step }).where('id', '=', userId).execute();
  },

  /**
   * Records `step` as the last accepted one only if it is later than the stored one: false means
   * another request used this (or a later) code first, i.e. a replay.
   */
  advanceStep: async (userId: string, step: number): Promise<boolean> => {
    const result = await db
      .updateTable('user_accounts')
      .set({ mfa_last_step: step })
      .where('id', '=', userId)
      .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', step)]))
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  replaceRecoveryCodes: async (userId: string, trustId: string, codeHashes: readonly string[]) => {
    await db.deleteFrom('mfa_recovery_codes').where('user_id', '=', userId).execute();
    if (codeHashes.length === 0) return;
    await db
      .insertInto('mfa_recovery_codes')
      .values(
        codeHashes.map((codeHash) => ({ id: crypto.randomUUID(), trust_id: trustId, user_id: userId, code_hash: codeHash, used_at: null })),
      )
      .execute();
  },

  /** Marks an unused recovery code used; false when there is no such unused code. */
  consumeRecoveryCode: async (userId: string, codeHash: string, at: Date): Promise<boolean> => {
    const result = await db
      .updateTable('mfa_recovery_codes')
      .set({ used_at: at })
      .where('user_id', '=', userId)
      .where('code_hash', '=', codeHash)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  },

  unusedRecoveryCodes: async (userId: string): Promise<number> => {
    const row = await db
      .selectFrom('mfa_recovery_codes')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('user_id', '=', userId)
      .where('used_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },

  /** Whether a session has not been revoked (the MFA step re-checks inside its transaction). */
  sessionOpen: async (sessionId: string): Promise<boolean> =>
    (await db.selectFrom('sessions').select('id').where('id', '=', sessionId).where('revoked_at', 'is', null).executeTakeFirst()) !==
    undefined,

  /**
   * The account's wrong-code back-off, locked for the rest of the transaction so concurrent codes are
   * counted one after another (a row is created for an account that has none).
   */
  throttleForUpdate: async (userId: string): Promise<MfaThrottleState> => {
    await db
      .insertInto('mfa_throttles')
      .values({ user_id: userId })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
    const row = await db.selectFrom('mfa_throttles').selectAll().where('user_id', '=', userId).forUpdate().executeTakeFirstOrThrow();
    return {
      failures: row.failures,
      batches: row.batches,
      windowStartedAt: row.window_started_at,
      lastFailureAt: row.last_failure_at,
      blockedUntil: row.blocked_until,
    };
  },

  saveThrottle: async (userId: string, state: MfaThrottleState) => {
    await db
      .updateTable('mfa_throttles')
      .set({
        failures: state.failures,
        batches: state.batches,
        window_started_at: state.windowStartedAt,
        last_failure_at: state.lastFailureAt,
        blocked_until: state.blockedUntil,
      })
      .where('user_id', '=', userId)
      .execute();
  },

  /** A right code starts afresh. */
  clearThrottle: async (userId: string) => {
    await db.deleteFrom('mfa_throttles').where('user_id', '=', userId).execute();
  },

  /** Wrong second-factor codes for a user since a moment (the session's start), counted from the audit log. */
  wrongCodesSince: async (userId: string, since: Date): Promise<number> => {
    const row = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('entity', '=', 'account')
      .where('entity_id', '=', userId)
      .where('action', 'in', ['auth.mfa-wrong-code', 'auth.mfa-replayed-code'])
      .where('occurred_at', '>=', since)
      .executeTakeFirstOrThrow();
    return Number(row.count);
  },
});
