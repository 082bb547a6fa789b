import { type Kysely, sql } from 'kysely';
import type { Tables } from './tables.ts';

/** The windows the throttle looks back over (see `throttleRules` in the domain). */
export type FailureWindows = { lookbackSince: Date; addressSince: Date };

/**
 * Sign-in attempts, kept so the throttle (shared by every server process through the database) can
 * count recent failures per account and address pair, per account and per client address.
 */
export const signInAttempts = (db: Kysely<Tables>) => ({
  /**
   * Waits (inside the caller's transaction) until no other attempt on this email is between counting
   * and recording, so concurrent guesses cannot all slip under the limit.
   */
  serialiseFor: async (email: string) => {
    await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`sign-in:${email.toLowerCase()}`}, 0))`.execute(db);
  },

  /** Records an attempt, as failed until `markSucceeded` says otherwise; returns its id. */
  record: async (attempt: { email: string; clientAddress: string; succeeded: boolean; at: Date }): Promise<number> => {
    const row = await db
      .insertInto('sign_in_attempts')
      .values({
        email: attempt.email.toLowerCase(),
        client_address: attempt.clientAddress,
        succeeded: attempt.succeeded,
        attempted_at: attempt.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  },

  /**
   * Deletes attempts older than `before` (the throttle never looks further back), a bounded batch at a
   * time; rows another transaction holds are skipped, so concurrent sign-ins never wait on each other here.
   */
  forgetBefore: async (before: Date, batch = 500): Promise<number> => {
    const result = await sql<{ id: number }>`DELETE FROM sign_in_attempts WHERE id IN (
      SELECT id FROM sign_in_attempts WHERE attempted_at < ${before} ORDER BY attempted_at LIMIT ${batch} FOR UPDATE SKIP LOCKED)`.execute(
      db,
    );
    return Number(result.numAffectedRows ?? 0);
  },

  markSucceeded: async (id: number) => {
    await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', id).execute();
  },

  /**
   * Failed attempts: for this email from this address since that pair's last success, for this email
   * from anywhere (both within the lookback), and from this address on any email in the address window.
   */
  recentFailures: async (
    email: string,
    clientAddress: string,
    windows: FailureWindows,
  ): Promise<{ pair: Date[]; account: Date[]; address: Date[] }> => {
    const lower = email.toLowerCase();
    const [account, address, lastPairSuccess] = await Promise.all([
      db
        .selectFrom('sign_in_attempts')
        .select('attempted_at')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', lower))
        .where('attempted_at', '>=', windows.lookbackSince)
        .where('succeeded', '=', false)
        .execute(),
      db
        .selectFrom('sign_in_attempts')
        .select('attempted_at')
        .where('client_address', '=', clientAddress)
        .where('attempted_at', '>=', windows.addressSince)
        .where('succeeded', '=', false)
        .execute(),
      db
        .selectFrom('sign_in_attempts')
        .select((eb) => eb.fn.max('id').as('id'))
        .where((eb) => eb(eb.fn('lower', ['email']), '=', lower))
        .where('client_address', '=', clientAddress)
        .where('attempted_at', '>=', windows.lookbackSince)
        .where('succeeded', '=', true)
        .executeTakeFirst(),
    ]);
    const pairRows = await db
      .selectFrom('sign_in_attempts')
      .select('attempted_at')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', lower))
      .where('client_address', '=', clientAddress)
      .where('attempted_at', '>=', windows.lookbackSince)
      .where('succeeded', '=', false)
      .$if(lastPairSuccess?.id != null, (q) => q.where('id', '>', Number(lastPairSuccess?.id)))
      .execute();
    return {
      pair: pairRows.map((r) => r.attempted_at),
      account: account.map((r) => r.attempted_at),
      address: address.map((r) => r.attempted_at),
    };
  },
});
export type SignInAttempts = ReturnType<typeof signInAttempts>;
