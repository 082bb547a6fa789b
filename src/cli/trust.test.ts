import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { runAuditVerify } from './audit.ts';
import { runTrustCreate } from './trust.ts';

const config = { smtpUrl: undefined, production: false, publicUrl: 'https://pathways.example.org' };

describe.each(testDatabaseKinds())('pathways trust create on %s', (kind) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(() => database.close());

  const run = async (input: Record<string, unknown>, json = false) => {
    let output = '';
    const code = await runTrustCreate(database, testKeys, config, input, { json }, (text) => {
      output += text;
    });
    return { code, output };
  };

  it('creates a trust, prints the invitation link its admin opens next, and leaves its audit chain verifiable', async () => {
    const { code, output } = await run({ name: 'Oakfield Trust', nation: 'England', adminEmail: 'admin@oakfield.example' });
    expect(code).toBe(0);
    const trust = await database.kysely
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Oakfield Trust')
      .executeTakeFirstOrThrow();
    expect(output).toContain(`Created the trust "Oakfield Trust" (England), id ${trust.id}.`);
    expect(output).toContain('Invited admin@oakfield.example as its trust admin. Next: they open this link');
    expect(output).toMatch(/^ {2}https:\/\/pathways\.example\.org\/invitations\/[\w-]{43}$/m);
    let verified = '';
    expect(await runAuditVerify(database, testKeys, { trust: trust.id, format: 'table' }, (text) => (verified += text))).toBe(0);
    expect(verified).toBe(`ok      ${trust.id}: 3 events verified\n`);
  });

  it('prints JSON with --json, says when nobody can sign in yet, and refuses bad input before changing anything', async () => {
    const json = JSON.parse((await run({ name: 'Ashby Trust', nation: 'Scotland' }, true)).output);
    expect(json).toMatchObject({ name: 'Ashby Trust', nation: 'Scotland', admin: null, trustId: expect.any(String) });
    expect((await run({ name: 'Birch Trust', nation: 'England' })).output).toContain('nobody can sign in to it yet');
    await expect(run({ name: '', nation: 'Atlantis' })).rejects.toMatchObject({ code: 'validation' });
    await expect(run({ name: 'ashby trust', nation: 'England' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
