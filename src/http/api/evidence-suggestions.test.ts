import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUGGESTION_LIMIT, SUGGESTION_TEXT_MAX } from '../../contracts/portfolio/suggestions.ts';
import type { Database } from '../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { buildServer } from '../server.ts';
import { sessionCookie } from '../testing.ts';

const now = new Date('2026-11-22T12:00:00Z');
const behaviour =
  'At lunchtime I used calm-down strategies from the behaviour plan and followed the school behaviour policy to promote positive behaviour.';

describe.each(testDatabaseKinds())('evidence suggestions API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const context = await buildTestContext(database, { clock: () => now });
    app = await buildServer(context, { logLevel: 'silent' });
    const { own } = await seedTwoTrusts(database.kysely);
    cookie = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, now);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = async (payload: object, withCookie = true) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/evidence/suggestions',
      headers: { 'x-pathways-request': '1', ...(withCookie ? { cookie } : {}) },
      payload,
    });
    return { status: response.statusCode, body: response.json() };
  };

  it('suggests items for a signed-in author, most relevant first', async () => {
    const { status, body } = await post({ text: behaviour });
    expect(status).toBe(200);
    expect(body.suggestions.length).toBeGreaterThan(0);
    expect(body.suggestions.length).toBeLessThanOrEqual(SUGGESTION_LIMIT);
    expect(body.suggestions.slice(0, 3).map((s: { code: string }) => s.code)).toContain('HLTA.26');
    expect(body.suggestions[0]).toEqual({
      code: expect.any(String),
      framework: expect.any(String),
      frameworkTitle: expect.any(String),
      text: expect.any(String),
      score: expect.any(Number),
    });
  });

  it('keeps to the asked frameworks and suggests nothing for a short text', async () => {
    const only = await post({ text: behaviour, frameworks: ['st1414'] });
    expect(only.body.suggestions.every((s: { framework: string }) => s.framework === 'st1414')).toBe(true);
    expect((await post({ text: 'behaviour' })).body).toEqual({ suggestions: [] });
  });

  it('is described in the OpenAPI document', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const operation = response.json().paths['/api/evidence/suggestions']?.post;
    expect(operation?.requestBody).toBeDefined();
    expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '401']));
  });

  it('refuses anonymous callers with 401', async () => {
    const { status, body } = await post({ text: behaviour }, false);
    expect(status).toBe(401);
    expect(body.error.code).toBe('unauthenticated');
    expect((await post({}, false)).status).toBe(401);
  });

  it('refuses a missing or over-long text with 400', async () => {
    expect((await post({})).status).toBe(400);
    expect((await post({ text: 'a '.repeat(SUGGESTION_TEXT_MAX) })).status).toBe(400);
    expect((await post({ text: behaviour, frameworks: 'st1414' })).status).toBe(400);
  });
});
