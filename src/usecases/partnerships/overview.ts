import { AppError } from '../../contracts/errors.ts';
import { ImpactPeriod } from '../../contracts/partnerships.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { kindName } from '../../domain/partnerships/kinds.ts';
import { sectorNames } from '../../domain/partnerships/sectors.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { loadPartnership, partnershipResource } from './access.ts';
import type { PartnershipDeps } from './deps.ts';
import { factsOf } from './facts.ts';
import { impactView } from './impact-view.ts';
import { loadVisibleWork } from './visible-work.ts';

export const parsePeriod = (input: unknown) => {
  const parsed = ImpactPeriod.safeParse(input ?? {});
  if (!parsed.success) throw new AppError('validation', 'Check the period', detailsFromZod(parsed.error));
  if (parsed.data.from && parsed.data.to && parsed.data.from > parsed.data.to)
    throw new AppError('validation', 'Check the period', [{ where: 'to', reason: 'The end of the period must be on or after its start' }]);
  return parsed.data;
};

/**
 * A partnership's page: its organisations, the deployments and engagements the user may see, and
 * their impact for a period (reach, breadth, depth, the network and the change term on term), with
 * what the user may do there.
 */
export const showPartnership = async (deps: PartnershipDeps, actor: Actor | Anonymous, partnershipId: string, periodInput: unknown) => {
  const { user, partnership } = await loadPartnership(deps, actor, partnershipId);
  const work = await loadVisibleWork(deps, user, partnership);
  const period = parsePeriod(periodInput);
  const nameOf = new Map(work.partners.map((p) => [p.id, p.name]));
  const deploymentById = new Map(work.allDeployments.map((d) => [d.id, d]));
  const impact = await impactView(deps, factsOf(work.engagements, work.allDeployments, work.partners), period, partnership.name);
  const manage = can(user, 'partnership.manage', partnershipResource(partnership)).allowed;
  return {
    partnership,
    partners: work.partners.map((p) => ({ ...p, sectorName: sectorNames[p.sector], external: p.organisationId === null })),
    deployments: work.deployments.map((d) => ({
      id: d.id,
      teacher: d.person.name,
      kinds: d.kinds.map((k) => kindName(deps.kinds, k)),
      home: nameOf.get(d.homePartnerId) ?? '',
      hosts: d.hostPartnerIds.map((h) => nameOf.get(h) ?? ''),
      share: d.share,
      startsOn: d.startsOn,
      endsOn: d.endsOn,
      own: user.personId === d.person.id,
    })),
    engagements: work.engagements.map((e) => ({
      id: e.id,
      occurredOn: e.occurredOn,
      teacher: deploymentById.get(e.deploymentId)?.person.name ?? '',
      deploymentId: e.deploymentId,
      host: nameOf.get(e.hostPartnerId) ?? '',
      kind: kindName(deps.kinds, e.kind),
      activity: deps.rules.activities.find((a) => a.id === e.activity)?.title ?? e.activity,
      pupils: e.audience.pupils,
      teachers: e.audience.teachers + e.audience.traineeTeachers,
      minutes: e.minutes,
      reusedBy: e.reusedBy.map((r) => nameOf.get(r) ?? ''),
    })),
    impact,
    kindName: (code: string) => kindName(deps.kinds, code),
    can: { manage, export: manage || work.engagements.length > 0 },
  };
};
