import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../store/database.ts';
import { evidence } from '../../store/evidence.ts';
import { judgements } from '../../store/judgements.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedDemoEvidence } from './evidence-demo.ts';

describe.each(testDatabaseKinds())('demo evidence on %s', (kind) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('leaves one piece decided (with a judgement) and one waiting for the line manager', async () => {
    const { own } = await seedTwoTrusts(database.kysely);
    const people = { staff: own.users.staff, lineManager: own.users.line_manager };
    await database.kysely
      .transaction()
      .execute((trx) =>
        seedDemoEvidence(trx, { trustId: own.trustId, clock: () => new Date('2026-11-22T09:00:00Z'), auditKey: testKeys.auditKey, people }),
      );
    const list = await evidence(database.kysely).listByPerson(own.trustId, own.reportId);
    expect(list.map((e) => [e.status, e.counts])).toEqual(
      expect.arrayContaining([
        ['decided', { claimed: 0, accepted: 1, returned: 1 }],
        ['submitted', { claimed: 1, accepted: 0, returned: 0 }],
      ]),
    );
    expect((await evidence(database.kysely).queue(own.trustId, [own.reportId])).map((e) => e.title)).toEqual([
      'Phonics catch-up resources for a small group',
    ]);
    expect((await judgements(database.kysely).current(own.trustId, own.reportId)).map((j) => j.itemCode)).toEqual(['HLTA.26']);
  });
});
