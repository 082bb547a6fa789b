import type { Kysely } from 'kysely';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { readPartnershipTeachingRules } from '../../framework/partnership-teaching-rules.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import type { Tables } from '../../store/tables.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust } from '../../testing/two-trusts.ts';
import { kindsOf, type PartnershipDeps } from './deps.ts';

let kinds: Promise<PartnershipDeps['kinds']> | undefined;

/** Use-case deps over a test database, with the real kinds and rules and a fixed clock. */
export const partnershipTestDeps = async (db: Kysely<Tables>, today = '2026-12-04'): Promise<PartnershipDeps> => {
  kinds ??= readFrameworkFiles().then((files) => kindsOf(buildCatalogue(files)));
  return {
    db,
    auditKey: testKeys.auditKey,
    clock: () => new Date(`${today}T12:00:00Z`),
    kinds: await kinds,
    rules: await readPartnershipTeachingRules(),
  };
};

/**
 * A seeded trust's partnership with an external partner (an independent prep school) added by its
 * coordinator, and the trust's staff member deployed from their school to it as an animateur and a
 * digitiser, half a day a week.
 */
export const seedPartnershipWork = async (deps: PartnershipDeps, trust: SeededTrust, label = 'Ash') => {
  const coordinator = await loadActor(deps.db, trust.users.partnership_coordinator.userId);
  const { addPartner } = await import('./partners.ts');
  const { createDeployment } = await import('./deployments.ts');
  const external = await addPartner(deps, coordinator, trust.partnershipId, {
    source: 'external',
    name: `${label} Prep`,
    phase: 'primary',
    sector: 'independent',
    postcodeArea: 'm',
  });
  const partners = await partnerOrganisations(deps.db).list(trust.partnershipId);
  const home = partners.find((p) => p.organisationId === trust.schoolId);
  if (!home) throw new Error('the fixture school is not a partner');
  const deployment = await createDeployment(deps, coordinator, trust.partnershipId, {
    personId: trust.reportId,
    kinds: ['PT.animateur', 'PT.digitiser'],
    homePartnerId: home.id,
    hostPartnerIds: [external.id],
    shareUnit: 'fte',
    shareValue: '0.1',
    startsOn: '2026-09-01',
    objectives: 'Science workshops for Year 5 and 6',
  });
  return { coordinator, homeId: home.id, externalId: external.id, deploymentId: deployment.id };
};
