import type { Kysely } from 'kysely';
import type { RoleName } from '../domain/policy/actor.ts';
import type { Tables } from './tables.ts';

/** What signing in and changing a password need to know about an account. */
export type Credentials = {
  userId: string;
  trustId: string;
  email: string;
  passwordHash: string | null;
  isDemo: boolean;
  disabledAt: Date | null;
  mfaEnabled: boolean;
  roles: RoleName[];
  givenName: string | null;
  familyName: string | null;
};

/** Account credentials: read for sign-in, password written on change. */
export const credentials = (db: Kysely<Tables>) => {
  const load = async (where: { email: string } | { userId: string }): Promise<Credentials | undefined> => {
    let query = db
      .selectFrom('user_accounts')
      .leftJoin('people', 'people.id', 'user_accounts.person_id')
      .select([
        'user_accounts.id',
        'user_accounts.trust_id',
        'user_accounts.email',
        'user_accounts.password_hash',
        'user_accounts.is_demo',
        'user_accounts.disabled_at',
        'user_accounts.mfa_enabled_at',
        'people.given_name',
        'people.family_name',
      ]);
    query =
      'email' in where
        ? query.where('user_accounts.email', '=', where.email.toLowerCase())
        : query.where('user_accounts.id', '=', where.userId);
    const row = await query.executeTakeFirst();
    if (!row) return undefined;
    const roles = await db.selectFrom('role_assignments').select('role').where('user_id', '=', row.id).execute();
    return {
      userId: row.id,
      trustId: row.trust_id,
      email: row.email,
      passwordHash: row.password_hash,
      isDemo: row.is_demo,
      disabledAt: row.disabled_at,
      mfaEnabled: row.mfa_enabled_at !== null,
      roles: roles.map((r) => r.role),
      givenName: row.given_name,
      familyName: row.family_name,
    };
  };
  return {
    findByEmail: (email: string) => load({ email }),
    findById: (userId: string) => load({ userId }),

    /** When the account's password was last set (null if never), for the audit event's "before". */
    passwordChangedAt: async (userId: string): Promise<Date | null> => {
      const row = await db.selectFrom('user_accounts').select('password_changed_at').where('id', '=', userId).executeTakeFirstOrThrow();
      return row.password_changed_at;
    },

    setPasswordHash: async (userId: string, passwordHash: string, at: Date) => {
      await db
        .updateTable('user_accounts')
        .set({ password_hash: passwordHash, password_changed_at: at })
        .where('id', '=', userId)
        .execute();
    },
  };
};
