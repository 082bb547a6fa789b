import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../store/audit.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { buildTestContext, testKeys } from '../testing/context.ts';
import { seedProgressionPeople } from '../testing/progression-people.ts';
import { verifyAuditChains } from '../usecases/audit-log/audit-log.ts';
import { buildServer } from './server.ts';
import { sessionCookie } from './testing.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe.each(testDatabaseKinds())('refusals from a page that runs two use-cases at once, on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedProgressionPeople>>;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database, { clock: () => now }), { logLevel: 'silent' });
    seed = await seedProgressionPeople(database.kysely, now);
    cookie = await sessionCookie(database.kysely, seed.ids.beaUser, seed.ids.trustB, now);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('GET /people/{id}/role-fit as another trust’s user is refused and leaves every audit chain verifiable', async () => {
    const get = () => app.inject({ method: 'GET', url: `/people/${seed.ids.amy}/role-fit`, headers: { cookie } });
    // Refused as unknown: another trust's ids are answered as if they did not exist.
    expect((await get()).statusCode).toBe(404);
    const more = await Promise.all(Array.from({ length: 10 }, get));
    expect(more.map((r) => r.statusCode)).toEqual(Array(10).fill(404));
    const verify = () => verifyAuditChains({ db: database.kysely, auditKey: testKeys.auditKey });
    // The page answers at the first refusal; the other use-case's refusal may still be being appended.
    expect((await verify()).every((r) => r.verdict.ok)).toBe(true);
    const log = audit(database.kysely, testKeys.auditKey);
    for (let wait = 0; wait < 50 && (await log.headOf(seed.ids.trustA))?.eventCount !== 22; wait++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const reports = await verify();
    // Both use-cases of each of the 11 requests refused, and each refusal is on trust A's chain.
    expect(reports.find((r) => r.chain === seed.ids.trustA)?.verdict).toEqual({ ok: true, checked: 22 });
    expect(reports.every((r) => r.verdict.ok)).toBe(true);
  });
});
