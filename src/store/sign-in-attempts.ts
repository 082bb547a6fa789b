import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/** Sign-in attempts, kept so the throttle can count recent failures per account and per client address. */
export const signInAttempts = (db: Kysely<Tables>) => ({
  record: async (attempt: { email: string; clientAddress: string; succeeded: boolean; at: Date }) => {
    await db
      .insertInto('sign_in_attempts')
      .values({
        email: attempt.email.toLowerCase(),
        client_address: attempt.clientAddress,
        succeeded: attempt.succeeded,
        attempted_at: attempt.at,
      })
      .execute();
  },

  /** Failed attempts since `since`, for one email address and for one client address. */
  recentFailures: async (email: string, clientAddress: string, since: Date): Promise<{ account: Date[]; address: Date[] }> => {
    const [account, address] = await Promise.all([
      db
        .selectFrom('sign_in_attempts')
        .select('attempted_at')
        .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
        .where('attempted_at', '>=', since)
        .where('succeeded', '=', false)
        .execute(),
      db
        .selectFrom('sign_in_attempts')
        .select('attempted_at')
        .where('client_address', '=', clientAddress)
        .where('attempted_at', '>=', since)
        .where('succeeded', '=', false)
        .execute(),
    ]);
    return { account: account.map((r) => r.attempted_at), address: address.map((r) => r.attempted_at) };
  },
});
export type SignInAttempts = ReturnType<typeof signInAttempts>;
