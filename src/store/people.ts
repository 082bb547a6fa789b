import type { Kysely } from 'kysely';
import type { NewPerson, PersonRow, Tables } from './tables.ts';

export const people = (db: Kysely<Tables>) => ({
  /** The people (not leavers) employed at these organisations, by family then given name. */
  currentAt: (organisationIds: readonly string[]) =>
    db
      .selectFrom('people')
      .select(['id', 'given_name', 'family_name', 'organisation_id', 'trust_id'])
      .where('organisation_id', 'in', [...organisationIds])
      .where('left_on', 'is', null)
      .orderBy('family_name')
      .orderBy('given_name')
      .execute(),

  /** The trust a person belongs to. */
  trustIdOf: async (personId: string): Promise<string> =>
    (await db.selectFrom('people').select('trust_id').where('id', '=', personId).executeTakeFirstOrThrow()).trust_id,

  insert: async (person: NewPerson): Promise<void> => {
    await db.insertInto('people').values(person).execute();
  },

  /** Whether the person is on this trust's staff records (another trust's person is not). */
  existsInTrust: async (trustId: string, personId: string): Promise<boolean> =>
    (await db.selectFrom('people').select('id').where('id', '=', personId).where('trust_id', '=', trustId).executeTakeFirst()) !==
    undefined,

  listByTrust: (trustId: string): Promise<PersonRow[]> =>
    db.selectFrom('people').selectAll().where('trust_id', '=', trustId).orderBy('family_name').orderBy('given_name').execute(),
});
export type People = ReturnType<typeof people>;
