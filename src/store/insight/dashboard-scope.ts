import type { Kysely } from 'kysely';
import type { Tables } from '../tables.ts';

/** The organisations a dashboard can be scoped to: a trust's schools, a partnership's members. */
export const dashboardScopes = (db: Kysely<Tables>) => ({
  /** A trust's schools, by name, for the trust admin's school picker. */
  schoolsOf: async (trustId: string): Promise<{ id: string; name: string; phase: string | null }[]> =>
    db
      .selectFrom('organisations')
      .select(['id', 'name', 'phase'])
      .where('trust_id', '=', trustId)
      .where('kind', '=', 'school')
      .orderBy((eb) => eb.fn('lower', ['name']))
      .orderBy('id')
      .execute(),

  partnershipName: async (partnershipId: string): Promise<string | undefined> =>
    (await db.selectFrom('partnerships').select('name').where('id', '=', partnershipId).executeTakeFirst())?.name,

  /**
   * A partnership's member organisations, with every organisation of a member trust (a trust that
   * joins a partnership joins with its schools), by name.
   */
  partnershipOrganisations: async (partnershipId: string): Promise<{ id: string; name: string; trustId: string }[]> =>
    (
      await db
        .selectFrom('organisations as o')
        .select(['o.id', 'o.name', 'o.trust_id'])
        .where((eb) =>
          eb.or([
            eb('o.id', 'in', eb.selectFrom('partnership_members').select('organisation_id').where('partnership_id', '=', partnershipId)),
            eb(
              'o.trust_id',
              'in',
              eb
                .selectFrom('partnership_members as pm')
                .innerJoin('organisations as m', 'm.id', 'pm.organisation_id')
                .select('m.trust_id')
                .where('pm.partnership_id', '=', partnershipId)
                .where('m.kind', '=', 'trust'),
            ),
          ]),
        )
        .where('o.kind', '!=', 'provider')
        .orderBy((eb) => eb.fn('lower', ['o.name']))
        .orderBy('o.id')
        .execute()
    ).map((r) => ({ id: r.id, name: r.name, trustId: r.trust_id })),
});
