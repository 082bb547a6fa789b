import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { runAuditVerify } from './audit.ts';
import { runProviderCreate } from './provider.ts';

const config = { smtpUrl: undefined, production: false, publicUrl: 'https://pathways.example.org' };

describe.each(testDatabaseKinds())('pathways provider create on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const run = async (input: Record<string, unknown>, json = false) => {
    let output = '';
    const code = await runProviderCreate(database, testKeys, config, input, { json }, (text) => {
      output += text;
    });
    return { code, output };
  };

  it('creates a provider, prints the invitation link its assessor opens next, and leaves its audit chain verifiable', async () => {
    const { code, output } = await run({ name: 'Northfield College', ukprn: '10004321', assessorEmail: 'sam@northfield.example' });
    expect(code).toBe(0);
    const provider = await database.kysely
      .selectFrom('organisations')
      .select(['id', 'kind', 'ukprn'])
      .where('name', '=', 'Northfield College')
      .executeTakeFirstOrThrow();
    expect(provider).toMatchObject({ kind: 'provider', ukprn: '10004321' });
    expect(output).toContain(`Created the training provider "Northfield College" (UKPRN 10004321), id ${provider.id}.`);
    expect(output).toContain('Employers can now choose it when they enrol an apprentice.');
    expect(output).toContain('Invited sam@northfield.example as its assessor. Next: they open this link');
    expect(output).toMatch(/^ {2}https:\/\/pathways\.example\.org\/invitations\/[\w-]{43}$/m);
    let verified = '';
    expect(await runAuditVerify(database, testKeys, { trust: provider.id, format: 'table' }, (text) => (verified += text))).toBe(0);
    expect(verified).toBe(`ok      ${provider.id}: 3 events verified\n`);
  });

  it('prints JSON with --json, says when nobody can sign in yet, and refuses bad input before changing anything', async () => {
    const json = JSON.parse((await run({ name: 'Ashby Training' }, true)).output);
    expect(json).toEqual({ providerId: expect.any(String), name: 'Ashby Training', ukprn: null, assessor: null });
    expect((await run({ name: 'Birch Training', ukprn: '10001111' })).output).toContain('nobody can sign in to it yet');
    await expect(run({ name: 'Cedar Training', ukprn: '1000111' })).rejects.toMatchObject({ code: 'validation' });
    await expect(run({ name: 'ashby training' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(run({ name: 'Cedar Training', ukprn: '10001111' })).rejects.toMatchObject({ code: 'conflict' });
    expect((await database.kysely.selectFrom('organisations').select('id').where('name', '=', 'Cedar Training').execute()).length).toBe(0);
  });
});

describe('the provider command', () => {
  it('is registered as `pathways provider create` with its options', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['src/cli/main.ts', 'provider', 'create', '--help']);
    for (const option of ['--name <name>', '--ukprn <ukprn>', '--assessor-email <email>', '--json']) expect(stdout).toContain(option);
  }, 30_000);
});
