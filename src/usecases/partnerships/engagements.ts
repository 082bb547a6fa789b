import { AppError } from '../../contracts/errors.ts';
import { EngagementInput } from '../../contracts/partnerships.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { Deployment, Engagement, Partner, Partnership } from '../../domain/partnerships/records.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { deployments } from '../../store/partnerships/deployments.ts';
import { engagements } from '../../store/partnerships/engagements.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { authorize } from '../authorize.ts';
import { loadPartnership, workResource } from './access.ts';
import { newIdOf, type PartnershipDeps, todayOf } from './deps.ts';

type Problem = { where: string; reason: string };

/**
 * The checks an engagement must pass beyond its shape, the same for the form, the API and each row of
 * an import: a date not in the future, a host among the partnership's organisations, a kind the
 * teacher is deployed as, a listed activity, and reuse only of a digital resource, by other organisations.
 */
export const engagementProblems = (
  deps: PartnershipDeps,
  deployment: Deployment,
  partners: readonly Partner[],
  e: { occurredOn: string; hostPartnerId: string; kind: string; activity: string; reusedBy: readonly string[] },
  where: { date: string; host: string; kind: string; activity: string; reusedBy: string } = {
    date: 'occurredOn',
    host: 'hostPartnerId',
    kind: 'kind',
    activity: 'activity',
    reusedBy: 'reusedBy',
  },
): Problem[] => {
  const problems: Problem[] = [];
  if (e.occurredOn > todayOf(deps))
    problems.push({ where: where.date, reason: 'The date is in the future: record engagements once they have happened' });
  if (e.occurredOn < deployment.startsOn || (deployment.endsOn !== null && e.occurredOn > deployment.endsOn))
    problems.push({
      where: where.date,
      reason: `The date is outside the deployment (${deployment.startsOn} to ${deployment.endsOn ?? 'open-ended'})`,
    });
  if (!partners.some((p) => p.id === e.hostPartnerId))
    problems.push({ where: where.host, reason: 'Choose the host from the partnership’s organisations' });
  if (!deployment.kinds.includes(e.kind))
    problems.push({
      where: where.kind,
      reason: `${deployment.person.name} is not deployed as ${deps.kinds.find((k) => k.code === e.kind)?.title.toLowerCase() ?? e.kind}`,
    });
  const activity = deps.rules.activities.find((a) => a.id === e.activity);
  if (!activity) problems.push({ where: where.activity, reason: 'Choose an activity from the list' });
  if (e.reusedBy.length > 0 && activity && !activity.digital)
    problems.push({ where: where.reusedBy, reason: 'Only a digital resource can be reused by other organisations' });
  for (const id of e.reusedBy)
    if (id === e.hostPartnerId || !partners.some((p) => p.id === id))
      problems.push({ where: where.reusedBy, reason: 'Choose other organisations of the partnership that reused the resource' });
  return problems;
};

/** Loads a deployment and checks the user may act on that teacher's work (not found outside the partnership). */
export const loadDeploymentFor = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
  action: 'engagement.read' | 'engagement.record',
): Promise<{ user: Actor; partnership: Partnership; deployment: Deployment; partners: Partner[] }> => {
  const { user, partnership } = await loadPartnership(deps, actor, partnershipId);
  const deployment = await deployments(deps.db).find(partnership.id, deploymentId);
  if (!deployment) throw new AppError('not_found', 'Not found');
  const partners = await partnerOrganisations(deps.db).list(partnership.id);
  await authorize(
    deps,
    user,
    action,
    workResource(partnership, deployment.person, partners, [deployment.homePartnerId, ...deployment.hostPartnerIds]),
  );
  return { user, partnership, deployment, partners };
};

/** The engagement form's choices for one deployment (engagement.record: the teacher or the coordinator). */
export const engagementFormOptions = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
) => {
  const loaded = await loadDeploymentFor(deps, actor, partnershipId, deploymentId, 'engagement.record');
  return { ...loaded, kinds: deps.kinds.filter((k) => loaded.deployment.kinds.includes(k.code)), activities: deps.rules.activities };
};

export const engagementFromInput = (
  id: string,
  deployment: Deployment,
  v: {
    occurredOn: string;
    hostPartnerId: string;
    kind: string;
    activity: string;
    pupils: number;
    yearGroups: string[];
    pupilPhase: string | null;
    teachers: number;
    traineeTeachers: number;
    governors: number;
    parents: number;
    minutes: number;
    outcomeNotes: string;
    followUps: string;
    reusedBy: string[];
  },
): Engagement => ({
  id,
  partnershipId: deployment.partnershipId,
  deploymentId: deployment.id,
  occurredOn: v.occurredOn,
  hostPartnerId: v.hostPartnerId,
  kind: v.kind,
  activity: v.activity,
  audience: {
    pupils: v.pupils,
    yearGroups: v.yearGroups,
    pupilPhase: v.pupilPhase,
    teachers: v.teachers,
    traineeTeachers: v.traineeTeachers,
    governors: v.governors,
    parents: v.parents,
  },
  minutes: v.minutes,
  outcomeNotes: v.outcomeNotes,
  followUps: v.followUps,
  reusedBy: [...new Set(v.reusedBy)],
});

/** The audit event of one recorded engagement, on the teacher's trust's chain. */
export const engagementEvent = (
  deps: PartnershipDeps,
  user: Actor,
  deployment: Deployment,
  e: Engagement,
  hostName: string,
  source: 'form' | 'import',
) => ({
  trustId: deployment.person.trustId,
  actor: user.userId,
  action: 'engagement.recorded' as const,
  entity: 'person',
  entityId: deployment.person.id,
  data: {
    partnershipId: deployment.partnershipId,
    engagementId: e.id,
    teacher: deployment.person.name,
    host: hostName,
    source,
    before: null,
    after: e,
  },
  requestId: deps.requestId ?? null,
});

/** Records one engagement for a deployment (the teacher themselves, or the coordinator). One transaction, one audit event. */
export const recordEngagement = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
  input: unknown,
) => {
  const { user, deployment, partners } = await loadDeploymentFor(deps, actor, partnershipId, deploymentId, 'engagement.record');
  const parsed = EngagementInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the engagement', detailsFromZod(parsed.error));
  const v = parsed.data;
  const problems = engagementProblems(deps, deployment, partners, v);
  if (problems.length > 0) throw new AppError('validation', 'Check the engagement', problems);
  const engagement = engagementFromInput(newIdOf(deps), deployment, {
    ...v,
    yearGroups: (v.yearGroups ?? '')
      .split(/[;,]/)
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    pupilPhase: v.pupilPhase ?? null,
    minutes: Math.round(v.hours * 60),
  });
  const hostName = partners.find((p) => p.id === engagement.hostPartnerId)?.name ?? '';
  await deps.db.transaction().execute(async (trx) => {
    await engagements(trx).insertMany([engagement], user.userId);
    await audit(trx, deps.auditKey).record(engagementEvent(deps, user, deployment, engagement, hostName, 'form'));
  });
  return { id: engagement.id };
};
