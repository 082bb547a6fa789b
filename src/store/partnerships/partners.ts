import type { Kysely } from 'kysely';
import type { Partner, Partnership } from '../../domain/partnerships/records.ts';
import type { Tables } from '../tables.ts';

/** Partnerships as partnership teaching reads them, and their partner organisations. */
export const partnerOrganisations = (db: Kysely<Tables>) => ({
  /** The partnership with the trusts it touches, or undefined. */
  findPartnership: async (id: string): Promise<Partnership | undefined> => {
    const row = await db.selectFrom('partnerships').select(['id', 'name']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const [members, teachers] = await Promise.all([
      db
        .selectFrom('partnership_members as m')
        .innerJoin('organisations as o', 'o.id', 'm.organisation_id')
        .select('o.trust_id')
        .where('m.partnership_id', '=', id)
        .execute(),
      db
        .selectFrom('deployments as d')
        .innerJoin('people as p', 'p.id', 'd.person_id')
        .select('p.trust_id')
        .where('d.partnership_id', '=', id)
        .execute(),
    ]);
    return { ...row, memberTrustIds: [...new Set([...members, ...teachers].map((m) => m.trust_id))].sort() };
  },

  /** The partnership's organisations, by name. */
  list: async (partnershipId: string): Promise<Partner[]> => {
    const rows = await db
      .selectFrom('partner_organisations as p')
      .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
      .select(['p.id', 'p.partnership_id', 'p.organisation_id', 'o.trust_id', 'p.name', 'p.phase', 'p.sector', 'p.postcode_area'])
      .where('p.partnership_id', '=', partnershipId)
      .orderBy('p.name')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      partnershipId: r.partnership_id,
      organisationId: r.organisation_id,
      trustId: r.trust_id,
      name: r.name,
      phase: r.phase,
      sector: r.sector,
      postcodeArea: r.postcode_area,
    }));
  },

  /** Whether a partner of this name (any case) is already recorded. */
  nameTaken: async (partnershipId: string, name: string): Promise<boolean> =>
    (await db
      .selectFrom('partner_organisations')
      .select('id')
      .where('partnership_id', '=', partnershipId)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
      .executeTakeFirst()) !== undefined,

  insert: async (partner: Omit<Partner, 'trustId'>) => {
    await db
      .insertInto('partner_organisations')
      .values({
        id: partner.id,
        partnership_id: partner.partnershipId,
        organisation_id: partner.organisationId,
        name: partner.name,
        phase: partner.phase,
        sector: partner.sector,
        postcode_area: partner.postcodeArea,
      })
      .execute();
    if (partner.organisationId)
      await db
        .insertInto('partnership_members')
        .values({ partnership_id: partner.partnershipId, organisation_id: partner.organisationId })
        .onConflict((oc) => oc.doNothing())
        .execute();
  },

  /** Platform schools that could join: the schools of the partnership's member trusts not yet partners. */
  candidateSchools: async (partnershipId: string, trustIds: readonly string[]) => {
    if (trustIds.length === 0) return [];
    return db
      .selectFrom('organisations as o')
      .select(['o.id', 'o.name', 'o.phase', 'o.trust_id'])
      .where('o.kind', '=', 'school')
      .where('o.trust_id', 'in', [...trustIds])
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('partner_organisations as p')
              .select('p.id')
              .whereRef('p.organisation_id', '=', 'o.id')
              .where('p.partnership_id', '=', partnershipId),
          ),
        ),
      )
      .orderBy('o.name')
      .execute();
  },
});
