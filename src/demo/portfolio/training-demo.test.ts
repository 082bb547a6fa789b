import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { training } from '../../store/training.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedDemoTraining } from './training-demo.ts';

describe.each(testDatabaseKinds())('the demo training records on %s', (kind) => {
  let database: TestDatabase;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const now = new Date('2026-11-22T12:00:00Z');

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
  });
  afterAll(() => database.close());

  it('spread over expired, expiring within 30/60/90 days, missing and (mostly) valid', async () => {
    const staff = await database.kysely
      .selectFrom('people')
      .select('id')
      .where('trust_id', '=', seeded.own.trustId)
      .orderBy('id')
      .execute();
    await database.kysely.transaction().execute((trx) =>
      seedDemoTraining(trx, {
        trustId: seeded.own.trustId,
        clock: () => now,
        auditKey: testKeys.auditKey,
        people: staff.map((p) => ({ personId: p.id })),
        recordedBy: seeded.own.users.trust_admin.userId,
      }),
    );
    const scope = { trustId: seeded.own.trustId, organisationId: seeded.own.schoolId };
    const store = training(database.kysely);
    const at30 = await store.countsByStatus(scope, '2026-11-22', 30);
    const at90 = await store.countsByStatus(scope, '2026-11-22', 90);
    expect(at30.expired).toBeGreaterThan(0);
    expect(at30.expiring).toBeGreaterThan(0);
    expect(at90.expiring).toBeGreaterThan(at30.expiring);
    expect(at90.valid).toBeGreaterThan(at90.expired + at90.expiring);
  });
});
