import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { externalPresent, readCaseFile } from '../../framework/case/testing.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import type { AppContext } from '../../usecases/context.ts';
import { buildServer } from '../server.ts';
import { sessionCookie } from '../testing.ts';
import { operatorRefusalRateLimit } from './operator-import.ts';

const TOKEN = 'operator-token-for-tests-0123456789abcdef';
const ROUTE = '/api/operator/frameworks/import';
const fixture = (name: string) => readFile(new URL(`../../framework/fixtures/${name}`, import.meta.url), 'utf8');

/** Each test calls from its own address, so the throttle on refusals of one test never reaches another. */
let addressCount = 0;
const freshAddress = () => `10.77.0.${++addressCount}`;

type Call = { format?: string; body?: string; token?: string | null; headers?: Record<string, string>; from?: string };

describe.each(testDatabaseKinds())('the operator framework import API on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let app: FastifyInstance;
  let trusts: { own: SeededTrust; other: SeededTrust };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    trusts = await seedTwoTrusts(database.kysely);
    const base = await buildTestContext(database);
    context = { ...base, config: { ...base.config, operatorToken: TOKEN } };
    app = await buildServer(context, { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  /** A call as curl makes it: the bearer token and a JSON body, no cookie, no Origin, no anti-forgery header. */
  const call = async (server: FastifyInstance, { format = 'case', body = '{}', token = TOKEN, headers = {}, from }: Call) => {
    const response = await server.inject({
      method: 'POST',
      url: `${ROUTE}?format=${format}`,
      remoteAddress: from ?? freshAddress(),
      headers: { 'content-type': 'application/json', ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
      payload: body,
    });
    return { status: response.statusCode, body: response.json(), headers: response.headers };
  };
  const importAs = (options: Call) => call(app, options);

  const stored = async () =>
    (await database.kysely.selectFrom('imported_frameworks').select('id').orderBy('id').execute()).map((r) => r.id);
  const events = (action: 'framework.imported' | 'access.refused') =>
    database.kysely
      .selectFrom('audit_events')
      .select(['actor', 'entity_id', 'data', 'trust_id'])
      .where('action', '=', action)
      .orderBy('id')
      .execute();

  it.skipIf(!externalPresent)(
    'imports a real OpenSALT package with the operator token (201), audited as operator:api, and the framework API serves it at once',
    async () => {
      const name = 'opensalt-tests-SmartLevelFramework.cfpackage.json';
      const pkg = JSON.parse(readCaseFile(name));
      const { status, body } = await importAs({ body: readCaseFile(name) });
      expect(status, JSON.stringify(body)).toBe(201);
      expect(body).toMatchObject({
        status: 'imported',
        framework: { id: 'case-d0000000-0000-0000-0000-000000000000', title: 'SmartLevel Test', version: expect.any(String) },
        linked: [],
        message: expect.stringMatching(/^Imported CASE document/),
      });
      const shown = await app.inject({ method: 'GET', url: `/api/frameworks/${body.framework.id}` });
      expect(shown.statusCode).toBe(200);
      expect(shown.json().summary).toMatchObject({ id: body.framework.id, origin: 'import', title: 'SmartLevel Test' });
      expect(shown.json().framework.items).toHaveLength(pkg.CFItems.length);
      const imported = await events('framework.imported');
      expect(imported).toEqual([expect.objectContaining({ actor: 'operator:api', entity_id: body.framework.id, trust_id: null })]);
      expect(imported[0]?.data).toMatchObject({ format: 'case', fileName: 'the request body' });
    },
  );

  it.skipIf(!externalPresent)('answers 200 "already imported" for the same package again, and changes nothing', async () => {
    const before = { stored: await stored(), audited: (await events('framework.imported')).length };
    const { status, body } = await importAs({ body: readCaseFile('opensalt-tests-SmartLevelFramework.cfpackage.json') });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      status: 'already-imported',
      framework: { id: 'case-d0000000-0000-0000-0000-000000000000' },
      message: expect.stringMatching(/already imported/),
    });
    expect({ stored: await stored(), audited: (await events('framework.imported')).length }).toEqual(before);
  });

  it('refuses a broken package with 400, naming what is wrong, and imports nothing', async () => {
    const before = { stored: await stored(), audited: (await events('framework.imported')).length };
    const noDocument = await importAs({ body: '{"CFItems": []}' });
    expect(noDocument.status).toBe(400);
    expect(noDocument.body.error).toMatchObject({ code: 'import_invalid', message: expect.stringMatching(/is not a CASE package/) });
    expect(noDocument.body.error.message).toMatch(/Nothing was imported/);
    expect(noDocument.body.error.details).toContainEqual(expect.objectContaining({ where: '$.CFDocument' }));

    const badJson = await importAs({ body: '{"CFDocument": {,}}' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.message).toMatch(/not valid JSON/);

    const standard = await importAs({ format: 'skills-england', body: await fixture('malformed/missing-skills.json') });
    expect(standard.status).toBe(400);
    expect(standard.body.error.code).toBe('import_invalid');
    expect(standard.body.error.details.length).toBeGreaterThan(0);

    expect({ stored: await stored(), audited: (await events('framework.imported')).length }).toEqual(before);
  });

  it.skipIf(!externalPresent)('refuses a real package broken in one place, naming the JSON path', async () => {
    const pkg = JSON.parse(readCaseFile('opensalt-tests-Ordering-ACT-Holistic-Math.cfpackage.json'));
    delete pkg.CFItems[1].fullStatement;
    const before = await stored();
    const { status, body } = await importAs({ body: JSON.stringify(pkg) });
    expect(status).toBe(400);
    expect(body.error.details).toContainEqual(expect.objectContaining({ where: '$.CFItems[1].fullStatement' }));
    expect(await stored()).toEqual(before);
  });

  it('imports a Skills England standard through the route (201, then 200), served by the framework API', async () => {
    const text = await fixture('st0454-v1.1.json');
    const first = await importAs({ format: 'skills-england', body: text });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ status: 'imported', framework: { id: 'st0454-v1.1', version: '1.1' } });
    const shown = await app.inject({ method: 'GET', url: '/api/frameworks/st0454-v1.1' });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().summary).toMatchObject({ id: 'st0454-v1.1', origin: 'import' });
    const again = await importAs({ format: 'skills-england', body: text });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('already-imported');
    expect((await events('framework.imported')).filter((e) => e.entity_id === 'st0454-v1.1')).toHaveLength(1);
  });

  it("refuses no token, a wrong token and a trust admin's session cookie with 401, audited without the token", async () => {
    const before = await stored();
    const refusedBefore = (await events('access.refused')).length;
    const admin = trusts.own.users.trust_admin;
    const cookie = await sessionCookie(database.kysely, admin.userId, trusts.own.trustId);
    const body = await fixture('st0454-v1.2.json');
    const answers = [
      await importAs({ format: 'skills-england', body, token: null }),
      await importAs({ format: 'skills-england', body, token: `${TOKEN}x` }),
      await importAs({ format: 'skills-england', body, token: 'short' }),
      await importAs({ format: 'skills-england', body, headers: { authorization: `Basic ${btoa(`operator:${TOKEN}`)}` }, token: null }),
      // A signed-in trust admin, with the anti-forgery header a page script sends: still no operator.
      await importAs({ format: 'skills-england', body, token: null, headers: { cookie, 'x-pathways-request': '1' } }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatchObject({ code: 'unauthenticated', message: expect.stringMatching(/operator token/) });
      expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    }
    expect(await stored()).toEqual(before);
    const refused = (await events('access.refused')).slice(refusedBefore);
    expect(refused.map((e) => [e.actor, (e.data as { reason: string }).reason])).toEqual([
      ['anonymous', 'no operator token was sent'],
      ['anonymous', 'the operator token sent is wrong'],
      ['anonymous', 'the operator token sent is wrong'],
      ['anonymous', 'no operator token was sent'],
      [admin.userId, 'no operator token was sent (a signed-in session is not operator authority)'],
    ]);
    for (const event of refused) {
      expect(event).toMatchObject({ entity_id: 'catalogue', trust_id: null, data: { attempted: 'framework.import' } });
      expect(JSON.stringify(event)).not.toContain(TOKEN);
    }
  });

  it('checks the token before the query or the body: an unauthenticated caller learns nothing from a 400', async () => {
    const unauthenticated = await importAs({ format: 'nonsense', body: 'not json', token: null });
    expect(unauthenticated.status).toBe(401);
    const authenticated = await importAs({ format: 'nonsense', body: '{}' });
    expect(authenticated.status).toBe(400);
    expect(authenticated.body.error.details.map((d: { where: string }) => d.where).join(' ')).toContain('format');
  });

  it('takes only a JSON body, up to the framework import limit', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded']) {
      const other = await importAs({ body: '{"CFItems": []}', headers: { 'content-type': type } });
      expect(other.status, type).toBe(415);
    }
    const charset = await importAs({ body: '{"CFItems": []}', headers: { 'content-type': 'application/json; charset=utf-8' } });
    expect(charset.body.error.message).toMatch(/is not a CASE package/);
    // Larger than Fastify's default 1 MiB, within the import limit: read, then judged by the importer.
    const big = await importAs({ body: `"${'x'.repeat(2 * 1024 * 1024)}"` });
    expect(big.status).toBe(400);
    expect(big.body.error.message).toMatch(/is not a CASE package/);
    const large = await importAs({ body: `"${'x'.repeat(10 * 1024 * 1024)}"` });
    expect(large.status).toBe(413);
  });

  it('throttles refusals per client address, and does not count accepted imports', async () => {
    const from = freshAddress();
    const body = '{"CFItems": []}';
    for (let i = 0; i < operatorRefusalRateLimit.max; i++) expect((await importAs({ body, token: 'wrong', from })).status).toBe(401);
    const refusedBefore = (await events('access.refused')).length;
    const throttled = await importAs({ body, token: 'wrong', from });
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Once throttled, even the right token waits (else the throttle would tell a right guess from a wrong one)…
    expect((await importAs({ body, from })).status).toBe(429);
    // …and throttled requests are not audited one by one.
    expect(await events('access.refused')).toHaveLength(refusedBefore);
    // Another address is not held up, and an operator's accepted requests never use up the allowance.
    const operator = freshAddress();
    for (let i = 0; i <= operatorRefusalRateLimit.max; i++) expect((await importAs({ body, from: operator })).status).toBe(400);
  });

  it('is documented in the OpenAPI document with its bearer token and answers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    const operation = response.json().paths[ROUTE]?.post;
    expect(operation).toMatchObject({ tags: ['operator'], summary: expect.stringMatching(/operators only/) });
    expect(operation.description).toMatch(/Authorization: Bearer <PATHWAYS_OPERATOR_TOKEN>/);
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'format', in: 'query', required: true }));
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '201', '400', '401', '409', '429']));
  });

  describe('without an operator token configured', () => {
    let unconfigured: FastifyInstance;
    beforeAll(async () => {
      unconfigured = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
    });
    afterAll(async () => {
      await unconfigured?.close();
    });

    it('refuses every request as it refuses a wrong token (401), so the route is unusable, and audits why', async () => {
      const before = await stored();
      for (const token of [TOKEN, null]) {
        const { status, body } = await call(unconfigured, { format: 'skills-england', body: await fixture('st0454-v1.2.json'), token });
        expect(status).toBe(401);
        expect(body.error.code).toBe('unauthenticated');
      }
      expect(await stored()).toEqual(before);
      const refused = await events('access.refused');
      expect(refused.at(-1)?.data).toMatchObject({ reason: expect.stringMatching(/PATHWAYS_OPERATOR_TOKEN is not set/) });
    });
  });

  it('will not build a production server whose operator token is shorter than 32 characters', async () => {
    const base = await buildTestContext(database);
    const production = { ...base.config, production: true, publicUrl: 'https://pathways.example', operatorToken: 'too-short' };
    const error = await buildServer({ ...base, config: production }, { logLevel: 'silent' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'config_invalid', message: expect.stringMatching(/operator token shorter than 32/) });
    expect((error as AppError).describe()).not.toContain('too-short');
  });
});
