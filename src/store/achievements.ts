import type { Kysely } from 'kysely';
import { AchievementDetails } from '../contracts/portfolio/achievement.ts';
import type { Tables } from './tables.ts';

/** A stored achievement: what it is (`details`, as validated by contracts/portfolio) and who recorded it when. */
export type StoredAchievement = {
  id: string;
  trustId: string;
  personId: string;
  details: AchievementDetails;
  recordedBy: string;
  recordedAt: Date;
};

const dateOf = (details: AchievementDetails): string | null =>
  details.kind === 'status' ? details.awardedOn : (details.achievedOn ?? null);

/** Achievements, kept when removed (removal stamps the row), and the person's portfolio flags. */
export const achievements = (db: Kysely<Tables>) => ({
  insert: async (a: StoredAchievement): Promise<void> => {
    await db
      .insertInto('achievements')
      .values({
        id: a.id,
        trust_id: a.trustId,
        person_id: a.personId,
        kind: a.details.kind,
        details: JSON.stringify(a.details),
        achieved_on: dateOf(a.details),
        status_kind: a.details.kind === 'status' ? (a.details.statusKind ?? 'school-recognition') : null,
        recorded_by: a.recordedBy,
        recorded_at: a.recordedAt,
      })
      .execute();
  },

  /** A person's current achievements, most recent first. */
  listFor: async (trustId: string, personId: string): Promise<StoredAchievement[]> => {
    const rows = await db
      .selectFrom('achievements')
      .select(['id', 'trust_id', 'person_id', 'details', 'recorded_by', 'recorded_at'])
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('removed_at', 'is', null)
      .orderBy('achieved_on', (o) => o.desc().nullsLast())
      .orderBy('recorded_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      trustId: r.trust_id,
      personId: r.person_id,
      details: AchievementDetails.parse(r.details),
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at,
    }));
  },

  /** Marks an achievement removed; false when there is no current one with that id for the person. */
  remove: async (trustId: string, personId: string, id: string, removedBy: string, at: Date): Promise<boolean> => {
    const result = await db
      .updateTable('achievements')
      .set({ removed_at: at, removed_by: removedBy })
      .where('trust_id', '=', trustId)
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .where('removed_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  flags: async (trustId: string, personId: string): Promise<{ ehcpOrStatement: boolean; bsl: boolean }> => {
    const row = await db
      .selectFrom('people')
      .select(['ehcp_or_statement', 'bsl_qualification'])
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    return { ehcpOrStatement: row.ehcp_or_statement, bsl: row.bsl_qualification };
  },

  setFlags: async (trustId: string, personId: string, flags: { ehcpOrStatement: boolean; bsl: boolean }, at: Date): Promise<void> => {
    await db
      .updateTable('people')
      .set({ ehcp_or_statement: flags.ehcpOrStatement, bsl_qualification: flags.bsl, updated_at: at })
      .where('trust_id', '=', trustId)
      .where('id', '=', personId)
      .execute();
  },
});
