import type { Kysely } from 'kysely';
import type { NewOrganisation, OrganisationRow, Tables } from './tables.ts';

export const organisations = (db: Kysely<Tables>) => ({
  /** Whether any organisation exists at all (an empty database gets demo data). */
  any: async (): Promise<boolean> => (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined,

  insert: async (organisation: NewOrganisation): Promise<void> => {
    await db.insertInto('organisations').values(organisation).execute();
  },

  listByTrust: (trustId: string): Promise<OrganisationRow[]> =>
    db.selectFrom('organisations').selectAll().where('trust_id', '=', trustId).orderBy('kind', 'desc').orderBy('name').execute(),
});
export type Organisations = ReturnType<typeof organisations>;
