/** Test fixtures for sign-in: a fresh database holding the demo trust (cheap password hashes) and a clock tests can move. */

import { type DemoLogin, demoLogins, ensureDemoData } from '../demo/demo.ts';
import type { AccountRole } from '../store/tables.ts';
import { openTestDatabase, type TestDatabase } from '../store/testing.ts';
import { cheapPasswordCost } from '../usecases/auth/passwords.ts';
import type { AppContext } from '../usecases/context.ts';
import { buildTestContext } from './context.ts';

export type MovableClock = { now: () => Date; advance: (ms: number) => void; set: (at: Date) => void };

export const movableClock = (start = new Date('2026-11-23T09:00:00Z')): MovableClock => {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
    set: (at) => {
      current = at;
    },
  };
};

export type AuthFixture = {
  database: TestDatabase;
  context: AppContext;
  clock: MovableClock;
  login: (role: AccountRole) => DemoLogin;
  userIdOf: (email: string) => Promise<string>;
};

/**
 * The demo trust's four accounts (trust_admin, school_admin, line_manager, staff). With `demo: false`
 * they are ordinary accounts (no MFA exemption), which is what most sign-in tests want.
 */
export const openAuthFixture = async (kind: 'pglite' | 'postgres', options: { demo?: boolean } = {}): Promise<AuthFixture> => {
  const database = await openTestDatabase(kind);
  const clock = movableClock();
  const context = await buildTestContext(database, { demo: options.demo ?? false, clock: clock.now });
  await ensureDemoData({ db: database.kysely, clock: clock.now, auditKey: context.keys.auditKey, passwordCost: cheapPasswordCost });
  const logins = demoLogins();
  return {
    database,
    context,
    clock,
    login: (role) => {
      const found = logins.find((l) => l.role === role);
      if (!found) throw new Error(`no demo login with role ${role}`);
      return found;
    },
    userIdOf: async (email) =>
      (await database.kysely.selectFrom('user_accounts').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id,
  };
};
