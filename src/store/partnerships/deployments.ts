import type { Kysely } from 'kysely';
import type { Deployment } from '../../domain/partnerships/records.ts';
import type { PatternSlot, Weekday } from '../../domain/partnerships/work-pattern.ts';
import { isoDateOf, isoDateOrNull } from '../dates.ts';
import type { Tables } from '../tables.ts';

const selectDeployments = (db: Kysely<Tables>) =>
  db
    .selectFrom('deployments as d')
    .innerJoin('people as p', 'p.id', 'd.person_id')
    .select([
      'd.id',
      'd.partnership_id',
      'd.person_id',
      'p.trust_id',
      'p.organisation_id',
      'p.given_name',
      'p.family_name',
      'd.kinds',
      'd.home_partner_id',
      'd.share_unit',
      'd.share_value',
      'd.starts_on',
      'd.ends_on',
      'd.objectives',
    ]);

type Row = Awaited<ReturnType<ReturnType<typeof selectDeployments>['execute']>>[number];

const withDetails = async (db: Kysely<Tables>, rows: readonly Row[]): Promise<Deployment[]> => {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [hosts, slots] = await Promise.all([
    db
      .selectFrom('deployment_hosts as h')
      .innerJoin('partner_organisations as o', 'o.id', 'h.partner_id')
      .select(['h.deployment_id', 'h.partner_id'])
      .where('h.deployment_id', 'in', ids)
      .orderBy('o.name')
      .execute(),
    db
      .selectFrom('work_pattern_slots')
      .selectAll()
      .where('deployment_id', 'in', ids)
      .orderBy('weekday')
      .orderBy('session', 'desc')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    partnershipId: r.partnership_id,
    person: { id: r.person_id, trustId: r.trust_id, organisationId: r.organisation_id, name: `${r.given_name} ${r.family_name}` },
    kinds: r.kinds,
    homePartnerId: r.home_partner_id,
    hostPartnerIds: hosts.filter((h) => h.deployment_id === r.id).map((h) => h.partner_id),
    share: { unit: r.share_unit, value: Number(r.share_value) },
    startsOn: isoDateOf(r.starts_on),
    endsOn: isoDateOrNull(r.ends_on),
    objectives: r.objectives,
    pattern: slots
      .filter((s) => s.deployment_id === r.id)
      .map((s): PatternSlot => ({ weekday: s.weekday as Weekday, session: s.session, partnerId: s.partner_id })),
  }));
};

/** Deployments of partnership teachers, with their hosts and weekly patterns. */
export const deployments = (db: Kysely<Tables>) => ({
  listByPartnership: async (partnershipId: string) =>
    withDetails(
      db,
      await selectDeployments(db)
        .where('d.partnership_id', '=', partnershipId)
        .orderBy('p.family_name')
        .orderBy('p.given_name')
        .orderBy('d.starts_on')
        .execute(),
    ),

  /** Every deployment of a person, in any partnership (for clashes between them). */
  listByPerson: async (personId: string) =>
    withDetails(db, await selectDeployments(db).where('d.person_id', '=', personId).orderBy('d.starts_on').execute()),

  find: async (partnershipId: string, id: string) => {
    const [found] = await withDetails(
      db,
      await selectDeployments(db).where('d.partnership_id', '=', partnershipId).where('d.id', '=', id).execute(),
    );
    return found;
  },

  insert: async (deployment: Omit<Deployment, 'person' | 'pattern'> & { personId: string }) => {
    await db
      .insertInto('deployments')
      .values({
        id: deployment.id,
        partnership_id: deployment.partnershipId,
        person_id: deployment.personId,
        home_partner_id: deployment.homePartnerId,
        kinds: deployment.kinds,
        share_unit: deployment.share.unit,
        share_value: deployment.share.value,
        starts_on: deployment.startsOn,
        ends_on: deployment.endsOn,
        objectives: deployment.objectives,
      })
      .execute();
    if (deployment.hostPartnerIds.length > 0)
      await db
        .insertInto('deployment_hosts')
        .values(deployment.hostPartnerIds.map((partner_id) => ({ deployment_id: deployment.id, partner_id })))
        .execute();
  },

  /** Replaces the weekly pattern (call inside the use-case's transaction). */
  replacePattern: async (deploymentId: string, pattern: readonly PatternSlot[]) => {
    await db.deleteFrom('work_pattern_slots').where('deployment_id', '=', deploymentId).execute();
    if (pattern.length > 0)
      await db
        .insertInto('work_pattern_slots')
        .values(pattern.map((s) => ({ deployment_id: deploymentId, weekday: s.weekday, session: s.session, partner_id: s.partnerId })))
        .execute();
  },
});
