import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actors } from '../store/actors.ts';
import { audit } from '../store/audit.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { testKeys } from '../testing/context.ts';
import { seedTwoTrusts } from '../testing/two-trusts.ts';
import { createSchool } from '../usecases/organisations/organisations.ts';
import { BROKEN_CHAIN_EXIT, runAuditVerify } from './audit.ts';

describe.each(testDatabaseKinds())('pathways audit verify on %s', (kind) => {
  let database: TestDatabase;
  let trustId: string;
  let otherTrustId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const seeded = await seedTwoTrusts(database.kysely);
    trustId = seeded.own.trustId;
    otherTrustId = seeded.other.trustId;
    const admin = await actors(database.kysely).load(seeded.own.users.trust_admin.userId);
    if (!admin) throw new Error('no admin');
    const deps = { db: database.kysely, auditKey: testKeys.auditKey, clock: () => new Date() };
    for (const name of ['North School', 'South School', 'East School'])
      await createSchool(deps, admin, trustId, { name, phase: 'primary', nation: 'England' });
  });
  afterAll(() => database.close());

  const run = async (options: { trust?: string; format: 'table' | 'json' }) => {
    let output = '';
    const code = await runAuditVerify(database, testKeys, options, (text) => {
      output += text;
    });
    return { code, output };
  };

  it('exits 0 when every chain verifies, and 1 naming the first altered event when one does not', async () => {
    // The trust's creation and its three schools.
    expect(await run({ trust: trustId, format: 'table' })).toEqual({ code: 0, output: `ok      ${trustId}: 4 events verified\n` });
    expect((await run({ format: 'table' })).output).toBe(
      `${[trustId, otherTrustId]
        .sort()
        .map((chain) => `ok      ${chain}: ${chain === trustId ? 4 : 1} events verified\n`)
        .join('')}`,
    );
    const second = await database.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('chain', '=', trustId)
      .orderBy('id')
      .offset(1)
      .limit(1)
      .executeTakeFirstOrThrow();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    await sql`UPDATE audit_events SET actor = 'someone-else' WHERE id = ${second.id}`.execute(database.kysely);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    const broken = await run({ trust: trustId, format: 'table' });
    expect(broken.code).toBe(BROKEN_CHAIN_EXIT);
    expect(broken.output).toBe(`BROKEN  ${trustId}: event ${second.id}: its fields were changed (1 events before it verified)\n`);
    const json = JSON.parse((await run({ format: 'json' })).output);
    expect(json.chains.find((c: { chain: string }) => c.chain === trustId).verdict).toMatchObject({
      ok: false,
      brokenAt: String(second.id),
    });
  });

  it('reports events deleted from the end of a chain, naming the event the head records', async () => {
    const trust = crypto.randomUUID();
    const log = audit(database.kysely, testKeys.auditKey);
    await log.record(
      ...[1, 2, 3].map((n) => ({ trustId: trust, actor: 'cli', action: 'access.refused' as const, entity: 'test', entityId: String(n) })),
    );
    const [first, , third] = await database.kysely
      .selectFrom('audit_events')
      .select('id')
      .where('chain', '=', trust)
      .orderBy('id')
      .execute();
    await sql`ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    await sql`DELETE FROM audit_events WHERE chain = ${trust} AND id > ${first?.id}`.execute(database.kysely);
    await sql`ALTER TABLE audit_events ENABLE TRIGGER audit_events_append_only`.execute(database.kysely);
    const broken = await run({ trust, format: 'table' });
    expect(broken).toEqual({
      code: BROKEN_CHAIN_EXIT,
      output: `BROKEN  ${trust}: 2 events missing after event ${first?.id} (the head records event ${third?.id}) (1 events verified)\n`,
    });
  });
});
