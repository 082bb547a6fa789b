import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AchievementInput } from '../../contracts/portfolio/achievement.ts';
import { checkAchievement } from '../../domain/achievement-check.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { achievements } from '../../store/achievements.ts';
import type { Database } from '../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { seedDemoAchievements } from './achievements-demo.ts';

describe.each(testDatabaseKinds())('demo achievements on %s', (kind) => {
  let database: Database;
  let own: SeededTrust;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own } = await seedTwoTrusts(database.kysely));
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores valid achievements that the catalogue knows, for each person', async () => {
    const catalogue = buildCatalogue(await readFrameworkFiles());
    const people = [own.reportId, own.otherPersonId].map((personId) => ({ personId }));
    const created = await database.kysely.transaction().execute((trx) =>
      seedDemoAchievements(trx, {
        trustId: own.trustId,
        clock: () => new Date('2026-11-22T10:00:00Z'),
        auditKey: testKeys.auditKey,
        people,
        recordedBy: own.users.school_admin.userId,
      }),
    );
    for (const { personId } of people) {
      const stored = await achievements(database.kysely).listFor(own.trustId, personId);
      expect(stored.length).toBe(created.get(personId)?.length);
      for (const a of stored) expect(checkAchievement(AchievementInput.parse(a.details), catalogue)).toEqual([]);
    }
  });
});
