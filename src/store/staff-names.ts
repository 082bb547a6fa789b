import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/** "Given Family" of every person in the trust, leavers included (their names still appear in older evidence). */
export const staffNamesOfTrust = async (db: Kysely<Tables>, trustId: string): Promise<string[]> => {
  const rows = await db
    .selectFrom('people')
    .select(['given_name', 'family_name'])
    .where('trust_id', '=', trustId)
    .orderBy('family_name')
    .orderBy('given_name')
    .execute();
  return rows.map((r) => `${r.given_name} ${r.family_name}`.trim());
};
