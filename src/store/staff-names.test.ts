import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTwoTrusts } from '../testing/two-trusts.ts';
import { staffNamesOfTrust } from './staff-names.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from './testing.ts';

describe.each(testDatabaseKinds())('staffNamesOfTrust on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
  }, 60_000);
  afterAll(async () => database?.close());

  it("lists every person of the trust as 'Given Family', leavers included, and nobody from another trust", async () => {
    const names = await staffNamesOfTrust(database.kysely, seeded.own.trustId);
    expect(names).toContain('alpha staff');
    expect(names).toContain('alpha linemanager');
    expect(names).toContain('Other Person');
    expect(names).toContain('Left Person');
    expect(names.some((n) => n.startsWith('beta'))).toBe(false);
    const people = await database.kysely.selectFrom('people').select('id').where('trust_id', '=', seeded.own.trustId).execute();
    expect(names).toHaveLength(people.length);
  });

  it('lists nobody for an unknown trust', async () => {
    expect(await staffNamesOfTrust(database.kysely, crypto.randomUUID())).toEqual([]);
  });
});
