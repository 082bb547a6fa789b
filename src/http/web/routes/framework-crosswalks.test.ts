import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { buildServer } from '../../server.ts';

describe.each(testDatabaseKinds())('crosswalks in the explorer on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database, { clock: () => new Date('2026-11-22T12:00:00Z') }), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("marks Pathways' own crosswalks as suggestions in the framework's connections", async () => {
    const response = await app.inject({ method: 'GET', url: '/frameworks/progression' });
    expect(response.statusCode).toBe(200);
    const row = response.body.split('<tr class="govuk-table__row">').find((r) => r.includes('>HLTA.26') && r.includes('>NOS.19'));
    expect(row).toContain('Pathways suggestion');
    const precedes = response.body.split('<tr class="govuk-table__row">').find((r) => r.includes('leads to'));
    expect(precedes).not.toContain('Pathways suggestion');
  });
});
