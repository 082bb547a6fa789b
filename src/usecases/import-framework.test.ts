import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../contracts/errors.ts';
import { exportCase } from '../framework/case/export.ts';
import { externalPresent, readCaseFile } from '../framework/case/testing.ts';
import type { Database } from '../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { createCatalogueSource } from './catalogue-source.ts';
import type { CatalogueSource } from './context.ts';
import { importCasePackage, importIfateStandard } from './import-framework.ts';

const fixture = (name: string) => readFile(new URL(`../framework/fixtures/${name}`, import.meta.url), 'utf8');

describe.each(testDatabaseKinds())('importIfateStandard on %s', (kind) => {
  let database: Database;
  let catalogue: CatalogueSource;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    catalogue = await createCatalogueSource({ database });
  });
  afterAll(async () => {
    await database?.close();
  });

  const rows = () =>
    database.kysely
      .selectFrom('imported_frameworks')
      .select(['id', 'reference', 'version', 'lars_code', 'document'])
      .orderBy('id')
      .execute();
  const audits = () =>
    database.kysely
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'actor'])
      .where('action', '=', 'framework.imported')
      .execute();
  const importFile = async (name: string) =>
    importIfateStandard({ database, catalogue, auditKey: testKeys.auditKey }, { text: await fixture(name), fileName: name, actor: 'test' });

  it.each(['malformed/bad-json.txt', 'malformed/missing-skills.json', 'malformed/unknown-guid.json', 'malformed/duplicate-id.json'])(
    'imports nothing from %s',
    async (name) => {
      await expect(importFile(name)).rejects.toMatchObject({ code: 'import_invalid' });
      expect(await rows()).toEqual([]);
      expect(await audits()).toEqual([]);
    },
  );

  it('imports a standard, records an audit event and refreshes the catalogue', async () => {
    const result = await importFile('st0454-v1.1.json');
    expect(result).toMatchObject({ status: 'imported', framework: { id: 'st0454-v1.1' }, linked: [] });
    expect(await rows()).toMatchObject([{ id: 'st0454-v1.1', reference: 'ST0454', version: '1.1', lars_code: '297' }]);
    expect(await audits()).toEqual([{ action: 'framework.imported', entity_id: 'st0454-v1.1', actor: 'test' }]);
    expect(catalogue.current().item('ST0454.K1')?.kind).toBe('knowledge');
    expect(catalogue.searchIndex().search('phonics', { framework: 'st0454-v1.1' }).length).toBeGreaterThan(0);
  });

  it('does not duplicate the same version imported twice', async () => {
    const again = await importFile('st0454-v1.1.json');
    expect(again.status).toBe('already-imported');
    expect(again.message).toMatch(/already imported/);
    expect(await rows()).toHaveLength(1);
    expect(await audits()).toHaveLength(1);
  });

  it('refuses a different file claiming an imported version', async () => {
    const changed = (await fixture('st0454-v1.1.json')).replace('Teaching assistant"', 'Teaching assistant (changed)"');
    const error = await importIfateStandard(
      { database, catalogue, auditKey: testKeys.auditKey },
      { text: changed, fileName: 'changed.json', actor: 'test' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'conflict' });
    expect(await rows()).toHaveLength(1);
  });

  it('sets a new version beside the old one, linked by replacedBy, in one go', async () => {
    const result = await importFile('st0454-v1.2.json');
    expect(result).toMatchObject({ status: 'imported', framework: { id: 'st0454-v1.2' }, linked: ['st0454-v1.1'] });
    const stored = await rows();
    expect(stored.map((r) => r.id)).toEqual(['st0454-v1.1', 'st0454-v1.2']);
    expect(stored[0]?.document).toMatchObject({ replacedBy: { framework: 'st0454-v1.2' }, status: 'superseded' });
    const current = catalogue.current();
    expect(current.frameworkOf('ST0454.K7')?.id).toBe('st0454-v1.2');
    expect(current.framework('st0454-v1.1')?.replacedBy?.framework).toBe('st0454-v1.2');

    // A fresh catalogue source (a restarted server) reads both versions back in the right order.
    const reread = await createCatalogueSource({ database });
    expect(reread.current().item('ST0454.K13')).toBeDefined();
  });
});

describe.each(testDatabaseKinds())('importCasePackage on %s', (kind) => {
  let database: Database;
  let catalogue: CatalogueSource;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    catalogue = await createCatalogueSource({ database });
  });
  afterAll(async () => {
    await database?.close();
  });

  const act = 'opensalt-tests-Ordering-ACT-Holistic-Math.cfpackage.json';
  const actId = 'case-a33fc64e-5c40-11e7-82c4-3d54268aa9ee';
  const rows = () => database.kysely.selectFrom('imported_frameworks').select(['id', 'reference', 'version']).orderBy('id').execute();
  const audits = () =>
    database.kysely.selectFrom('audit_events').select(['entity_id']).where('action', '=', 'framework.imported').execute();
  const importText = (text: string, fileName: string) =>
    importCasePackage({ database, catalogue, auditKey: testKeys.auditKey }, { text, fileName, actor: 'test' });

  it('imports nothing from a malformed package, and says where and why', async () => {
    const broken = JSON.stringify({ CFDocument: { identifier: 'not-a-uuid', uri: 'u', creator: 'c', title: 't' } });
    const error = await importText(broken, 'broken.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'import_invalid', message: expect.stringMatching(/^broken\.json: .*Nothing was imported/) });
    expect((error as AppError).details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ where: '$.CFDocument.identifier' }),
        expect.objectContaining({ where: '$.CFDocument.lastChangeDateTime' }),
      ]),
    );
    expect(await rows()).toEqual([]);
    expect(await audits()).toEqual([]);
  });

  it.skipIf(!externalPresent)('imports a real OpenSALT package as a framework every page can use, once', async () => {
    const result = await importText(readCaseFile(act), act);
    expect(result).toMatchObject({ status: 'imported', framework: { id: actId, title: 'ACT Holistic Framework, Math' } });
    expect(await rows()).toEqual([{ id: actId, reference: 'a33fc64e-5c40-11e7-82c4-3d54268aa9ee', version: '2017-10-18T15:02:46+00:00' }]);
    expect(await audits()).toEqual([{ entity_id: actId }]);
    const current = catalogue.current();
    expect(current.items({ framework: actId })).toHaveLength(28);
    expect(current.item('CASE-a33fc64e.H.A.MATH.GM')?.title).toBe('Geometry and Measurement');
    expect(current.children('CASE-a33fc64e.H.A.MATH.GM').length).toBeGreaterThan(0);
    expect(catalogue.searchIndex().search('geometry', { framework: actId }).length).toBeGreaterThan(0);
    expect(exportCase(current, actId).CFDocument.identifier).toBe('a33fc64e-5c40-11e7-82c4-3d54268aa9ee');

    const again = await importText(readCaseFile(act), act);
    expect(again.status).toBe('already-imported');
    expect(await rows()).toHaveLength(1);
    expect(await audits()).toHaveLength(1);

    // A restarted server reads it back.
    expect((await createCatalogueSource({ database })).current().framework(actId)?.items).toHaveLength(28);
  });

  it.skipIf(!externalPresent)('refuses a different package claiming the same CASE document and version, and writes nothing', async () => {
    // OpenSALT's SmartLevel and UTF-8 test packages share the document identifier and date but differ.
    expect((await importText(readCaseFile('opensalt-tests-SmartLevelFramework.cfpackage.json'), 'smart.json')).status).toBe('imported');
    const error = await importText(readCaseFile('opensalt-tests-Utf8TestFramework.cfpackage.json'), 'utf8.json').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', message: expect.stringMatching(/Nothing was imported/) });
    expect((await rows()).map((r) => r.id)).toEqual([actId, 'case-d0000000-0000-0000-0000-000000000000']);
    expect(catalogue.current().framework('case-d0000000-0000-0000-0000-000000000000')?.title).toBe('SmartLevel Test');
  });
});
