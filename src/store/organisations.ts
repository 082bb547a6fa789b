import type { Kysely } from 'kysely';
import type { NewOrganisation, OrganisationRow, OrganisationsTable, Tables } from './tables.ts';

/** An organisation as the rules about it need it: which trust it belongs to, what kind it is, its name. */
export type OrganisationSummary = { id: string; trustId: string; kind: OrganisationsTable['kind']; name: string };

const summaryColumns = ['id', 'trust_id', 'kind', 'name'] as const;
const summaryOf = (row: { id: string; trust_id: string; kind: OrganisationsTable['kind']; name: string }): OrganisationSummary => ({
  id: row.id,
  trustId: row.trust_id,
  kind: row.kind,
  name: row.name,
});

export const organisations = (db: Kysely<Tables>) => ({
  /** Whether any organisation exists at all (an empty database gets demo data). */
  any: async (): Promise<boolean> => (await db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()) !== undefined,

  insert: async (organisation: NewOrganisation): Promise<void> => {
    await db.insertInto('organisations').values(organisation).execute();
  },

  find: async (id: string): Promise<OrganisationSummary | undefined> => {
    const row = await db.selectFrom('organisations').select(summaryColumns).where('id', '=', id).executeTakeFirst();
    return row && summaryOf(row);
  },

  /** Those of the ids that exist (in no particular order). */
  findMany: async (ids: readonly string[]): Promise<OrganisationSummary[]> =>
    ids.length === 0 ? [] : (await db.selectFrom('organisations').select(summaryColumns).where('id', 'in', ids).execute()).map(summaryOf),

  /** The organisations of these trusts: each trust first, then its schools by name. */
  listOfTrusts: async (trustIds: readonly string[]): Promise<OrganisationSummary[]> =>
    trustIds.length === 0
      ? []
      : (
          await db
            .selectFrom('organisations')
            .select(summaryColumns)
            .where('trust_id', 'in', trustIds)
            .orderBy('kind', 'desc')
            .orderBy('name')
            .execute()
        ).map(summaryOf),

  /** The trust of this name, compared without case (trust names are unique that way). */
  findTrustNamed: async (name: string): Promise<{ id: string } | undefined> =>
    db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'trust')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst(),

  listByTrust: (trustId: string): Promise<OrganisationRow[]> =>
    db.selectFrom('organisations').selectAll().where('trust_id', '=', trustId).orderBy('kind', 'desc').orderBy('name').execute(),
});
export type Organisations = ReturnType<typeof organisations>;
