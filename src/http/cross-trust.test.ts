import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { buildTestContext } from '../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../testing/two-trusts.ts';
import { buildServer } from './server.ts';
import { apiRequest, sessionCookie } from './testing.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

/** What a client can compare: the status and the body, with the per-response CSP nonce and the id asked for blanked. */
const seen = (response: LightMyRequestResponse, id: string) => ({
  status: response.statusCode,
  body: response.body.replaceAll(id, '<id>').replace(/nonce="[^"]*"/g, 'nonce=""'),
});

describe.each(testDatabaseKinds())('ids of another trust on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let other: SeededTrust;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own, other } = await seedTwoTrusts(database.kysely));
    const context = await buildTestContext(database, { clock: () => NOW });
    app = await buildServer(context, { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const paths = [
    '/api/people/:id',
    '/api/people/:id/cpd',
    '/api/people/:id/gap?target=TA4',
    '/api/people/:id/portfolio/export',
    '/people/:id',
    '/people/:id/portfolio',
    '/people/:id/portfolio/cpd',
    '/people/:id/portfolio/export.json',
  ];

  it('answers a person of another trust exactly as an id that does not exist, and still audits the attempt', async () => {
    for (const role of ['trust_admin', 'line_manager', 'staff'] as const) {
      const cookie = await sessionCookie(database.kysely, own.users[role].userId, own.trustId, NOW);
      const unknown = crypto.randomUUID();
      for (const path of paths) {
        const theirs = await apiRequest(app, 'GET', path.replace(':id', other.reportId), cookie);
        const nobody = await apiRequest(app, 'GET', path.replace(':id', unknown), cookie);
        expect({ role, path, ...seen(theirs, other.reportId) }).toEqual({ role, path, ...seen(nobody, unknown) });
        expect({ role, path, status: theirs.statusCode }).toEqual({ role, path, status: 404 });
      }
    }
    const refusals = await database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'entity_id'])
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', other.reportId)
      .execute();
    expect(refusals.map((r) => r.actor)).toContain(own.users.trust_admin.userId);
  });

  it('keeps 403 for someone of the same trust who lacks the right', async () => {
    const cookie = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, NOW);
    const colleague = await apiRequest(app, 'GET', `/api/people/${own.otherPersonId}/cpd`, cookie);
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().error.code).toBe('forbidden');
  });
});
