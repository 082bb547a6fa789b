import { kindName } from '../../domain/partnerships/kinds.ts';
import { clashesOf, plannedAgainstShare, sessions, weekdayNames, weekGrid } from '../../domain/partnerships/work-pattern.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { engagements as engagementStore } from '../../store/partnerships/engagements.ts';
import { partnershipResource, workResource } from './access.ts';
import { clashText, otherCommitmentsOf } from './deployments.ts';
import type { PartnershipDeps } from './deps.ts';
import { loadDeploymentFor } from './engagements.ts';
import { factsOf } from './facts.ts';
import { impactView } from './impact-view.ts';
import { parsePeriod } from './overview.ts';

/**
 * A deployment's page: who, as which kinds, where; the week grid with its clashes and planned hours
 * against the share of time; the engagements the user may see; and the teacher's impact for a period.
 */
export const showDeployment = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
  periodInput: unknown,
) => {
  const { user, partnership, deployment, partners } = await loadDeploymentFor(deps, actor, partnershipId, deploymentId, 'engagement.read');
  const period = parsePeriod(periodInput);
  const nameOf = (id: string) => partners.find((p) => p.id === id)?.name ?? 'an organisation';
  const visible = (await engagementStore(deps.db).listByPartnership(partnership.id)).filter(
    (e) =>
      e.deploymentId === deployment.id &&
      can(user, 'engagement.read', workResource(partnership, deployment.person, partners, [e.hostPartnerId])).allowed,
  );
  const clashes = clashesOf(deployment.pattern, deployment.homePartnerId, await otherCommitmentsOf(deps, deployment));
  const sites = [deployment.homePartnerId, ...deployment.hostPartnerIds];
  const manage = can(user, 'partnership.manage', partnershipResource(partnership)).allowed;
  return {
    partnership,
    deployment: {
      ...deployment,
      kindNames: deployment.kinds.map((k) => kindName(deps.kinds, k)),
      home: nameOf(deployment.homePartnerId),
      hosts: deployment.hostPartnerIds.map(nameOf),
    },
    sites: sites.map((id) => ({ id, name: nameOf(id), home: id === deployment.homePartnerId })),
    grid: weekGrid(deployment.pattern).map((day) => ({
      day: weekdayNames[day.weekday],
      weekday: day.weekday,
      ...Object.fromEntries(
        sessions.map((s) => [s, day[s].map((id) => ({ id, name: nameOf(id), home: id === deployment.homePartnerId }))]),
      ),
    })),
    clashes: clashes.map((c) => clashText(c, nameOf)),
    hours: plannedAgainstShare(deployment.pattern, deployment.homePartnerId, deployment.share, deps.rules.workPattern),
    engagements: visible.map((e) => ({
      id: e.id,
      occurredOn: e.occurredOn,
      host: nameOf(e.hostPartnerId),
      kind: kindName(deps.kinds, e.kind),
      activity: deps.rules.activities.find((a) => a.id === e.activity)?.title ?? e.activity,
      pupils: e.audience.pupils,
      teachers: e.audience.teachers + e.audience.traineeTeachers,
      minutes: e.minutes,
      outcomeNotes: e.outcomeNotes,
      followUps: e.followUps,
      reusedBy: e.reusedBy.map(nameOf),
    })),
    impact: await impactView(deps, factsOf(visible, [deployment], partners), period, deployment.person.name),
    can: {
      managePattern: manage,
      record: can(user, 'engagement.record', workResource(partnership, deployment.person, partners, sites)).allowed,
    },
  };
};
