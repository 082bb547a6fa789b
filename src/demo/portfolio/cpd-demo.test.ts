import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpdActivities } from '../../store/cpd.ts';
import type { Database } from '../../store/database.ts';
import { reviews } from '../../store/reviews.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedDemoCpd } from './cpd-demo.ts';

describe.each(testDatabaseKinds())('demo CPD and review on %s', (kind) => {
  let database: Database;
  let own: SeededTrust;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own } = await seedTwoTrusts(database.kysely));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('seeds activities over two academic years and a review at mid-year', async () => {
    const { reviewId } = await database.kysely.transaction().execute((trx) =>
      seedDemoCpd(trx, {
        trustId: own.trustId,
        clock: () => new Date('2026-09-03T10:00:00Z'),
        auditKey: testKeys.auditKey,
        people: { staff: { personId: own.reportId, userId: own.users.staff.userId }, manager: { userId: own.users.line_manager.userId } },
      }),
    );
    const log = await cpdActivities(database.kysely).list(own.trustId, own.reportId);
    const years = new Set(log.filter((a) => a.status === 'done').map((a) => (a.occurredOn ?? '') >= '2026-09-01'));
    expect(years).toEqual(new Set([true, false]));
    expect(log.every((a) => (a.occurredOn ?? '') <= '2026-09-03')).toBe(true);
    expect(log.filter((a) => a.status === 'planned')).toHaveLength(1);
    const cycle = await reviews(database.kysely).find(own.trustId, own.reportId, reviewId);
    expect(cycle).toMatchObject({ academicYear: '2026/27', stage: 'mid-year', reviewerId: own.users.line_manager.userId });
    expect(await reviews(database.kysely).comments(own.trustId, reviewId)).toHaveLength(2);
  });
});
