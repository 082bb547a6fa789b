import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { seedProgressionPeople } from '../../testing/progression-people.ts';
import type { AppContext } from '../../usecases/context.ts';
import { buildServer } from '../server.ts';
import { publicEngineRateLimit } from './progression.ts';

const now = new Date('2026-11-22T12:00:00Z');
const ta2 = {
  role: 'TA2',
  phase: 'primary',
  nation: 'England',
  achievements: [
    { subject: 'english', scheme: 'gcse', grade: '4' },
    { subject: 'maths', scheme: 'gcse', grade: '3' },
  ],
};

describe.each(testDatabaseKinds())('progression API on %s', (kind) => {
  let database: Database;
  let context: AppContext;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedProgressionPeople>>;
  let cookies: { priya: string; amy: string; sam: string; bea: string };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database, { clock: () => now });
    app = await buildServer(context, { logLevel: 'silent' });
    seed = await seedProgressionPeople(database.kysely, now);
    const { ids } = seed;
    cookies = {
      priya: await seed.sessionFor(ids.priyaUser, ids.trustA),
      amy: await seed.sessionFor(ids.amyUser, ids.trustA),
      sam: await seed.sessionFor(ids.samUser, ids.trustA),
      bea: await seed.sessionFor(ids.beaUser, ids.trustB),
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const post = async (url: string, payload: unknown, address = '10.0.0.1') => {
    const response = await app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: address });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };
  const get = async (url: string, as?: keyof typeof cookies) => {
    const response = await app.inject({ method: 'GET', url, ...(as ? { cookies: { pathways_session: cookies[as] } } : {}) });
    return { status: response.statusCode, body: response.json() };
  };

  it('POST /api/gap runs without an account and returns the tree, counts and coverage', async () => {
    const { status, body } = await post('/api/gap', { state: ta2, target: 'TA3' }, '10.0.1.1');
    expect(status).toBe(200);
    expect(body.target).toMatchObject({ id: 'TA3', kind: 'role' });
    expect(body.rules.length).toBeGreaterThan(0);
    expect(body.rules[0].node).toHaveProperty('status');
    expect(body.counts.met + body.counts.partial + body.counts.missing).toBeGreaterThan(0);
  });

  it('POST /api/gap names the JSON path and reason of every invalid value', async () => {
    const { status, body } = await post(
      '/api/gap',
      { state: { ...ta2, role: 'TA9', achievements: [{ subject: 'maths', scheme: 'gcse-9-1', grade: 'Z' }] }, target: 'TA3' },
      '10.0.1.2',
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('validation');
    expect(body.error.details).toEqual(
      expect.arrayContaining([
        { where: '$.state.role', reason: 'unknown role TA9' },
        expect.objectContaining({ where: '$.state.achievements[0].grade' }),
      ]),
    );
    const shape = await post('/api/gap', { state: { ...ta2, phase: 'college' }, target: 'TA3' }, '10.0.1.2');
    expect(shape.status).toBe(400);
    expect(shape.body.error.details[0].where).toBe('$.state.phase');
    const target = await post('/api/gap', { state: ta2, target: 'NOPE' }, '10.0.1.2');
    expect(target.status).toBe(400);
    expect(target.body.error.details).toEqual([{ where: '$.target', reason: 'unknown id NOPE' }]);
  });

  it('POST /api/route returns routes with done/todo steps and total months', async () => {
    const { status, body } = await post('/api/route', { state: ta2, goal: 'HLTA_STATUS' }, '10.0.2.1');
    expect(status).toBe(200);
    expect(body.goal.id).toBe('HLTA_STATUS');
    expect(body.routes.length).toBeGreaterThan(0);
    for (const r of body.routes) {
      expect(typeof r.totalMonths).toBe('number');
      for (const s of r.steps) expect(['done', 'todo']).toContain(s.status);
    }
  });

  it('POST /api/role-fit reports the best fit and the threshold from the framework data', async () => {
    const ta4 = context.catalogue
      .current()
      .children('TA4')
      .filter((i) => i.kind === 'duty');
    const duties = Object.fromEntries(ta4.map((d) => [d.code, 'regularly']));
    const { status, body } = await post('/api/role-fit', { dutyProfile: { currentRole: 'TA2', duties } }, '10.0.3.1');
    expect(status).toBe(200);
    expect(body.bestFit.role).toBe('TA4');
    expect(body.gradeComparison).toBe('above');
    expect(body.threshold).toEqual({ numerator: 2, denominator: 3, share: 0.6667 });
    const bad = await post(
      '/api/role-fit',
      { dutyProfile: { currentRole: 'TA2', duties: { 'TA4.D1': 'always', 'NOPE.1': 'never' } } },
      '10.0.3.1',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { where: string }) => d.where)).toEqual(['$.dutyProfile.duties.TA4.D1']);
  });

  it('rate limits the open endpoints per client address', async () => {
    const body = { dutyProfile: { currentRole: 'TA2', duties: {} } };
    for (let i = 0; i < publicEngineRateLimit.max; i++) expect((await post('/api/role-fit', body, '10.9.9.9')).status).toBe(200);
    const limited = await post('/api/role-fit', body, '10.9.9.9');
    expect(limited.status).toBe(429);
    expect((await post('/api/role-fit', body, '10.9.9.8')).status).toBe(200);
    // The limit is scoped to the engine: other API routes are not counted or limited.
    const other = await app.inject({ method: 'GET', url: '/api/frameworks', remoteAddress: '10.9.9.9' });
    expect(other.statusCode).toBe(200);
  });

  it('GET /api/people/:id/gap builds the state from the stored person and says what it is based on', async () => {
    const { status, body } = await get(`/api/people/${seed.ids.amy}/gap?target=TA3`, 'amy');
    expect(status).toBe(200);
    expect(body.person.name).toBe('Amy Tester');
    expect(body.gap.target.id).toBe('TA3');
    expect(body.basis.join(' ')).toMatch(/graded role TA2, primary phase and England/);
    expect(body.basis.join(' ')).toMatch(/0 achievements and 0 judgements from the portfolio/);
  });

  it('lets the line manager read a report, refuses a colleague and another trust, and asks anonymous callers to sign in', async () => {
    expect((await get(`/api/people/${seed.ids.amy}/route?goal=HLTA_STATUS`, 'priya')).status).toBe(200);
    expect((await get(`/api/people/${seed.ids.amy}/gap?target=TA3`, 'sam')).status).toBe(403);
    // Another trust's ids are answered as unknown, so they cannot be confirmed.
    expect((await get(`/api/people/${seed.ids.amy}/gap?target=TA3`, 'bea')).status).toBe(404);
    expect((await get(`/api/people/${seed.ids.bea}/route?goal=TA5`, 'priya')).status).toBe(404);
    expect((await get(`/api/people/${seed.ids.bea}/role-fit`, 'priya')).status).toBe(404);
    expect((await get(`/api/people/${seed.ids.amy}/gap?target=TA3`)).status).toBe(401);
    expect((await get(`/api/people/${crypto.randomUUID()}/gap?target=TA3`, 'priya')).status).toBe(404);
    const refused = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_id'])
      .where('action', '=', 'access.refused')
      .where('entity_id', '=', seed.ids.bea)
      .execute();
    expect(refused.length).toBeGreaterThan(0);
  });

  it('stores duty profiles with history: self-assessed by the person, confirmed by the line manager, role fit from the latest', async () => {
    const save = (as: keyof typeof cookies, duties: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/people/${seed.ids.amy}/duty-profiles`,
        cookies: { pathways_session: cookies[as] },
        headers: { 'x-pathways-request': '1' },
        payload: { dutyProfile: { currentRole: 'TA2', duties } },
      });
    expect((await get(`/api/people/${seed.ids.amy}/role-fit`, 'amy')).body).toMatchObject({ profile: null, fit: null });
    const first = await save('amy', { 'TA2.D1': 'regularly' });
    expect(first.statusCode).toBe(201);
    expect(first.json().status).toBe('self-assessed');
    expect((await save('sam', { 'TA2.D1': 'never' })).statusCode).toBe(403);
    expect((await save('bea', { 'TA2.D1': 'never' })).statusCode).toBe(404);
    const invalid = await save('amy', { 'TA2.D1': 'sometimes' });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().error.details[0].where).toBe('$.duties.TA2.D1');
    const confirmUrl = `/api/people/${seed.ids.amy}/duty-profiles/${first.json().id}/confirm`;
    const byHerself = await app.inject({
      method: 'POST',
      url: confirmUrl,
      cookies: { pathways_session: cookies.amy },
      headers: { 'x-pathways-request': '1' },
    });
    expect(byHerself.statusCode).toBe(403);
    const confirmed = await app.inject({
      method: 'POST',
      url: confirmUrl,
      cookies: { pathways_session: cookies.priya },
      headers: { 'x-pathways-request': '1' },
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedBy: seed.ids.priyaUser });
    const again = await app.inject({
      method: 'POST',
      url: confirmUrl,
      cookies: { pathways_session: cookies.priya },
      headers: { 'x-pathways-request': '1' },
    });
    expect(again.statusCode).toBe(409);
    const fit = await get(`/api/people/${seed.ids.amy}/role-fit`, 'priya');
    expect(fit.status).toBe(200);
    expect(fit.body.profile.status).toBe('confirmed');
    expect(fit.body.fit.currentRole).toBe('TA2');
    const history = await get(`/api/people/${seed.ids.amy}/duty-profiles`, 'amy');
    expect(history.body.dutyProfiles).toHaveLength(1);
  });

  it('publishes the progression endpoints in the OpenAPI document', async () => {
    const { body } = await get('/api/openapi.json');
    for (const path of [
      '/api/gap',
      '/api/route',
      '/api/role-fit',
      '/api/people/{id}/gap',
      '/api/people/{id}/route',
      '/api/people/{id}/role-fit',
    ])
      expect(Object.keys(body.paths)).toContain(path);
  });
});
