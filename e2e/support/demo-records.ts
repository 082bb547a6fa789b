import type { Kysely } from 'kysely';
import type { Tables } from '../../src/store/tables.ts';

/** Ids in the demo data that browser tests visit: the trust, its first school by name, and a TA3 in it. */
export type DemoRecordIds = { trust: string; school: string; person: string };

export const demoRecordIds = async (db: Kysely<Tables>): Promise<DemoRecordIds> => ({
  trust: (await db.selectFrom('organisations').select('id').where('kind', '=', 'trust').executeTakeFirstOrThrow()).id,
  school: (await db.selectFrom('organisations').select('id').where('kind', '=', 'school').orderBy('name').executeTakeFirstOrThrow()).id,
  person: (await db.selectFrom('people').select('id').where('graded_role', '=', 'TA3').executeTakeFirstOrThrow()).id,
});
