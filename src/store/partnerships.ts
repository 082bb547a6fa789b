import type { Kysely } from 'kysely';
import type { Tables } from './tables.ts';

/** Partnerships: named groups of organisations that may cross trusts. */
export const partnerships = (db: Kysely<Tables>) => ({
  /** The partnerships with these ids, each with its member organisations. */
  listByIds: async (ids: readonly string[]) => {
    if (ids.length === 0) return [];
    const [rows, members] = await Promise.all([
      db
        .selectFrom('partnerships')
        .select(['id', 'name'])
        .where('id', 'in', [...ids])
        .orderBy('name')
        .execute(),
      db
        .selectFrom('partnership_members as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select(['m.partnership_id', 'o.id', 'o.name', 'o.kind'])
        .where('m.partnership_id', 'in', [...ids])
        .orderBy('o.name')
        .execute(),
    ]);
    return rows.map((p) => ({ ...p, members: members.filter((m) => m.partnership_id === p.id) }));
  },

  /** The names of the partnerships with these ids, by id. */
  namesByIds: async (ids: readonly string[]): Promise<Map<string, string>> => {
    if (ids.length === 0) return new Map();
    const rows = await db
      .selectFrom('partnerships')
      .select(['id', 'name'])
      .where('id', 'in', [...ids])
      .execute();
    return new Map(rows.map((p) => [p.id, p.name]));
  },
});
