import type { Deployment, Engagement, Partner, Partnership } from '../../domain/partnerships/records.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { deployments as deploymentStore } from '../../store/partnerships/deployments.ts';
import { engagements as engagementStore } from '../../store/partnerships/engagements.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { authorizeAnyWork, workResource } from './access.ts';
import type { PartnershipDeps } from './deps.ts';

export type VisibleWork = {
  partners: Partner[];
  /** Every deployment (names and hosts are needed to describe the visible engagements). */
  allDeployments: Deployment[];
  deployments: Deployment[];
  engagements: Engagement[];
};

/**
 * The partnership's work the user may see: the coordinator all of it; a school admin the deployments
 * and engagements delivered from or hosted at their school; a teacher their own. Refuses (not found
 * for someone with no link to the partnership) when they may see none of it.
 */
export const loadVisibleWork = async (deps: PartnershipDeps, user: Actor, partnership: Partnership): Promise<VisibleWork> => {
  const [partners, allDeployments, allEngagements] = await Promise.all([
    partnerOrganisations(deps.db).list(partnership.id),
    deploymentStore(deps.db).listByPartnership(partnership.id),
    engagementStore(deps.db).listByPartnership(partnership.id),
  ]);
  const byId = new Map(allDeployments.map((d) => [d.id, d]));
  const deploymentResource = (d: Deployment) => workResource(partnership, d.person, partners, [d.homePartnerId, ...d.hostPartnerIds]);
  await authorizeAnyWork(deps, user, partnership, allDeployments.map(deploymentResource));
  const engagements = allEngagements.filter((e) => {
    const d = byId.get(e.deploymentId);
    return d !== undefined && can(user, 'engagement.read', workResource(partnership, d.person, partners, [e.hostPartnerId])).allowed;
  });
  const seen = new Set(engagements.map((e) => e.deploymentId));
  const deployments = allDeployments.filter((d) => seen.has(d.id) || can(user, 'engagement.read', deploymentResource(d)).allowed);
  return { partners, allDeployments, deployments, engagements };
};
