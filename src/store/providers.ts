import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/**
 * Training providers: organisations of kind `provider`, each its own tenant (its trust id is its own
 * id), found by name (compared without case) or by UK Provider Reference Number.
 */
export const providers = (db: Kysely<Tables>) => ({
  findNamed: async (name: string): Promise<{ id: string } | undefined> =>
    db
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'provider')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst(),

  findByUkprn: async (ukprn: string): Promise<{ id: string; name: string } | undefined> =>
    db.selectFrom('organisations').select(['id', 'name']).where('ukprn', '=', ukprn).executeTakeFirst(),

  /** A provider with its UKPRN, for whoever shows it. */
  find: async (id: string): Promise<{ id: string; name: string; ukprn: string | null } | undefined> =>
    db.selectFrom('organisations').select(['id', 'name', 'ukprn']).where('id', '=', id).where('kind', '=', 'provider').executeTakeFirst(),
});
