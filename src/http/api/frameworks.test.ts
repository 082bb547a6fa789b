import { readFile } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CFPackage } from '../../framework/case/case-schema.ts';
import { lastChangeOf } from '../../framework/case/export.ts';
import { externalPresent, readCaseFile } from '../../framework/case/testing.ts';
import type { Database } from '../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { buildTestContext, testKeys } from '../../testing/context.ts';
import type { AppContext } from '../../usecases/context.ts';
import { importCasePackage, importIfateStandard } from '../../usecases/import-framework.ts';
import { buildServer } from '../server.ts';

describe.each(testDatabaseKinds())('framework API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let context: AppContext;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database, { clock: () => new Date('2026-11-22T12:00:00Z') });
    app = await buildServer(context, { logLevel: 'silent' });
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() };
  };

  it('lists every framework without logging in', async () => {
    const { status, body } = await get('/api/frameworks');
    expect(status).toBe(200);
    const ids = body.frameworks.map((f: { id: string }) => f.id);
    expect(ids).toEqual(expect.arrayContaining(['njc-role-profiles', 'hlta-standards', 'st1414']));
  });

  it('shows one framework, and answers 404 with a clear message for an unknown one', async () => {
    const found = await get('/api/frameworks/hlta-standards');
    expect(found.status).toBe(200);
    expect(found.body.framework.items.filter((i: { kind: string }) => i.kind === 'standard')).toHaveLength(33);
    const missing = await get('/api/frameworks/no-such-framework');
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({
      code: 'not_found',
      message: expect.stringMatching(/no framework with id "no-such-framework"/),
    });
  });

  it('exports a framework as a schema-valid CASE package', async () => {
    const { status, body } = await get('/api/frameworks/st1414/case');
    expect(status).toBe(200);
    const pkg = CFPackage.parse(body);
    expect(pkg.CFItems?.find((i) => i.humanCodingScheme === 'ST1414.K31')?.CFItemType).toBe('Knowledge');
    // Dated by the framework, not by the server's clock; CASE 1.1 unless the 1.0 form is asked for.
    const st1414 = context.catalogue.current().framework('st1414');
    if (!st1414) throw new Error('st1414 is built in');
    expect(pkg.CFDocument).toMatchObject({ caseVersion: '1.1', lastChangeDateTime: lastChangeOf(st1414) });
    expect(pkg.CFDocument.lastChangeDateTime).not.toBe('2026-11-22T12:00:00.000Z');
    const v10 = await get('/api/frameworks/st1414/case?caseVersion=1.0');
    expect(v10.status).toBe(200);
    expect(v10.body.CFDocument).not.toHaveProperty('caseVersion');
    expect((await get('/api/frameworks/st1414/case?caseVersion=2.0')).status).toBe(400);
    expect((await get('/api/frameworks/nope/case')).status).toBe(404);
  });

  it.skipIf(!externalPresent)(
    'exports a framework imported from CASE with its own identifiers (not UUID v4: 00000000-…-000000000001)',
    async () => {
      const name = 'opensalt-tests-Utf8TestFramework.cfpackage.json';
      await importCasePackage(
        { database, catalogue: context.catalogue, auditKey: testKeys.auditKey },
        { text: readCaseFile(name), fileName: name, actor: 'test' },
      );
      const { status, body } = await get('/api/frameworks/case-d0000000-0000-0000-0000-000000000000/case');
      expect(status).toBe(200);
      expect(body.CFDocument).toMatchObject({ identifier: 'd0000000-0000-0000-0000-000000000000', title: 'UTF8 \u{1d451} Test' });
      expect(body.CFItems.map((i: { identifier: string }) => i.identifier)).toEqual(['00000000-0000-0000-0000-000000000001']);
    },
  );

  it('shows a role with its duties, requirements, qualifications and where it leads', async () => {
    const { status, body } = await get('/api/roles/TA3');
    expect(status).toBe(200);
    expect(body.role.id).toBe('TA3');
    const codes = body.duties.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['TA3.D1', 'TA3.D7a', 'TA3.D7b']));
    // The lead-in "…at least one of the following:" is not a duty (issue 10): it is listed apart.
    expect(codes).not.toContain('TA3.D7');
    expect(body.leadIns.map((d: { code: string }) => d.code)).toEqual(['TA3.D7']);
    expect(body.precedes.map((p: { to: string }) => p.to)).toContain('TA4');
    expect((await get('/api/roles/NOBODY')).status).toBe(404);

    const specialist = await get('/api/roles/SPECIALIST_TA_L5');
    expect(specialist.body.duties).toHaveLength(20);
    expect(specialist.body.role.options.map((o: { id: string }) => o.id)).toEqual(['SEND', 'SEW', 'SCP']);
  });

  it('filters, searches and pages items', async () => {
    const page = await get('/api/items?framework=hlta-standards&kind=standard&limit=10&offset=30');
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ total: 33, limit: 10, offset: 30 });
    expect(page.body.items.map((i: { code: string }) => i.code)).toEqual(['HLTA.31', 'HLTA.32', 'HLTA.33']);

    const search = await get('/api/items?q=safeguarding&limit=5');
    expect(search.status).toBe(200);
    expect(search.body.total).toBeGreaterThan(0);
    expect(search.body.items.length).toBeLessThanOrEqual(5);
    for (const item of search.body.items) expect(`${item.text} ${item.title ?? ''}`).toMatch(/safeguard/i);

    expect((await get('/api/items?limit=0')).status).toBe(400);
    expect((await get('/api/items?kind=nonsense')).status).toBe(400);
    expect((await get('/api/items?framework=nope')).status).toBe(404);
  });

  it('shows a qualification', async () => {
    const { status, body } = await get('/api/qualifications/ST1414');
    expect(status).toBe(200);
    expect(body.qualification).toMatchObject({ id: 'ST1414', level: 5, durationMonths: { value: 24 } });
    expect(body.requirements.map((r: { stage: string }) => r.stage)).toContain('gateway');
    expect((await get('/api/qualifications/NOPE')).status).toBe(404);
  });

  it('serves an imported standard everywhere ST1414 is served, without code changes', async () => {
    const text = await readFile(new URL('../../framework/fixtures/st0454-v1.1.json', import.meta.url), 'utf8');
    await importIfateStandard(
      { database, catalogue: context.catalogue, auditKey: testKeys.auditKey },
      { text, fileName: 'st0454-v1.1.json', actor: 'test' },
    );
    const list = await get('/api/frameworks');
    expect(list.body.frameworks).toContainEqual(expect.objectContaining({ id: 'st0454-v1.1', origin: 'import' }));
    const role = await get('/api/roles/TEACHING_ASSISTANT_L3');
    expect(role.status).toBe(200);
    expect(role.body.duties).toHaveLength(10);
    expect(role.body.relevantQualifications[0].requirements[0].requirement.set.framework).toBe('st0454-v1.1');
    const items = await get('/api/items?framework=st0454-v1.1&kind=knowledge&limit=500');
    expect(items.body.total).toBe(12);
    expect(CFPackage.safeParse((await get('/api/frameworks/st0454-v1.1/case')).body).success).toBe(true);
  });

  it('documents these routes in the OpenAPI document', async () => {
    const { status, body } = await get('/api/openapi.json');
    expect(status).toBe(200);
    for (const path of [
      '/api/frameworks',
      '/api/frameworks/{id}',
      '/api/frameworks/{id}/case',
      '/api/roles/{id}',
      '/api/items',
      '/api/qualifications/{id}',
    ]) {
      expect(body.paths[path]?.get, path).toMatchObject({ tags: ['frameworks'], summary: expect.any(String) });
    }
  });
});
