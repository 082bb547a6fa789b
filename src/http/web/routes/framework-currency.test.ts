import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { buildServer } from '../../server.ts';

/**
 * Issue 10's currency facts are shown on the framework page, not kept in the data alone: an HR
 * adviser reading the NJC profiles must see that the SSSNB may replace them (and when that was
 * checked); an apprentice reading ST1414 must see that v1.0 is approved, not "in development".
 */
describe.each(testDatabaseKinds())('framework currency on the framework page on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database, { clock: () => new Date('2026-12-04T12:00:00Z') }), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A summary-list row's text as the reader sees it, found by its key. */
  const row = (body: string, key: string) =>
    body
      .split('<div class="govuk-summary-list__row')
      .slice(1)
      .map((r) =>
        r
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ')
          .replace(/&#39;/g, "'")
          .replace(/^[^ ]* /, '')
          .trim(),
      )
      .find((text) => text.startsWith(key));

  it('says the NJC profiles may be replaced by the School Support Staff Negotiating Body, with the date checked', async () => {
    const response = await app.inject({ method: 'GET', url: '/frameworks/njc-role-profiles' });
    expect(response.statusCode).toBe(200);
    const replaced = row(response.body, 'May be replaced by');
    expect(replaced).toContain('School Support Staff Negotiating Body');
    expect(replaced).toContain('the NJC profiles continue to apply for 2026-27');
    expect(replaced).toContain('(Checked 3 December 2026.)');
  });

  it('says ST1414 v1.0 is approved for delivery with delivery started, with the date checked', async () => {
    const response = await app.inject({ method: 'GET', url: '/frameworks/st1414' });
    expect(response.statusCode).toBe(200);
    expect(row(response.body, 'Approval')).toContain('Version 1.0 approved for delivery; delivery has started (checked 3 December 2026)');
    expect(response.body).not.toContain('in development</dd>');
    expect(row(response.body, 'May be replaced by')).toBeUndefined();
  });
});
