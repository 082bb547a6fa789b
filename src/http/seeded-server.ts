import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { RoleName } from '../domain/policy/actor.ts';
import type { DatabaseKind } from '../store/database.ts';
import { openTestDatabase, type TestDatabase } from '../store/testing.ts';
import { buildTestContext } from '../testing/context.ts';
import { fixtureRoles, type SeededTrust, seedTwoTrusts } from '../testing/two-trusts.ts';
import type { AppContext } from '../usecases/context.ts';
import { buildServer } from './server.ts';
import { sessionCookie } from './testing.ts';

/** A whole server on a fresh test database with two seeded trusts, and a signed-in session per role of each. */
export type SeededServer = {
  app: FastifyInstance;
  database: TestDatabase;
  context: AppContext;
  own: SeededTrust;
  other: SeededTrust;
  /** The Cookie header of each role's account in the own trust (second factor done). */
  cookies: Record<RoleName, string>;
  /** The same for the other trust, for the "another trust's ids answer 404" checks. */
  otherCookies: Record<RoleName, string>;
};

export type SeededServerOptions = { now?: Date; demo?: boolean };

const cookiesOf = async (database: TestDatabase, trust: SeededTrust, now: Date) =>
  Object.fromEntries(
    await Promise.all(
      fixtureRoles.map(async (role) => [role, await sessionCookie(database.kysely, trust.users[role].userId, trust.trustId, now)] as const),
    ),
  ) as Record<RoleName, string>;

/**
 * One seeded server per describe block, shared by its tests: call it at the top of the block, read its
 * fields inside the tests (they are there once the block's beforeAll has run). Closes it afterwards.
 */
export const useSeededServer = (kind: DatabaseKind, options: SeededServerOptions = {}): SeededServer => {
  const now = options.now ?? new Date('2026-11-20T10:00:00Z');
  let running: SeededServer | undefined;
  beforeAll(async () => {
    const database = await openTestDatabase(kind);
    const { own, other } = await seedTwoTrusts(database.kysely);
    const context = await buildTestContext(database, { clock: () => now, ...(options.demo === undefined ? {} : { demo: options.demo }) });
    const app = await buildServer(context, { logLevel: 'silent' });
    running = {
      app,
      database,
      context,
      own,
      other,
      cookies: await cookiesOf(database, own, now),
      otherCookies: await cookiesOf(database, other, now),
    };
  }, 60_000);
  afterAll(async () => {
    await running?.app.close();
    await running?.database.close();
  });
  const field = <K extends keyof SeededServer>(key: K): SeededServer[K] => {
    if (!running) throw new Error('useSeededServer: read the server inside a test, after its beforeAll has run');
    return running[key];
  };
  return {
    get app() {
      return field('app');
    },
    get database() {
      return field('database');
    },
    get context() {
      return field('context');
    },
    get own() {
      return field('own');
    },
    get other() {
      return field('other');
    },
    get cookies() {
      return field('cookies');
    },
    get otherCookies() {
      return field('otherCookies');
    },
  };
};
