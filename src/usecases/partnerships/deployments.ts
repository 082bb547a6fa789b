import { AppError } from '../../contracts/errors.ts';
import { DeploymentInput, WorkPatternInput } from '../../contracts/partnerships.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import { deploymentProblems } from '../../domain/partnerships/deployment.ts';
import type { Deployment } from '../../domain/partnerships/records.ts';
import { clashesOf, type OtherCommitment, type PatternSlot, type Weekday, weekdayNames } from '../../domain/partnerships/work-pattern.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import { deployments } from '../../store/partnerships/deployments.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { partnerships } from '../../store/partnerships.ts';
import { people as peopleStore } from '../../store/people.ts';
import { authorizePartnership } from './access.ts';
import { newIdOf, type PartnershipDeps } from './deps.ts';

/**
 * The teachers a partnership can deploy: people (not leavers) employed at its platform organisations.
 * An external organisation has no accounts, so its teachers are not on the platform.
 */
const deployablePeople = async (deps: PartnershipDeps, partnershipId: string) => {
  const partners = await partnerOrganisations(deps.db).list(partnershipId);
  const schoolIds = partners.flatMap((p) => (p.organisationId ? [p.organisationId] : []));
  if (schoolIds.length === 0) return { partners, people: [] };
  const people = await peopleStore(deps.db).currentAt(schoolIds);
  return {
    partners,
    people: people.map((p) => ({
      id: p.id,
      name: `${p.given_name} ${p.family_name}`,
      homePartnerId: partners.find((o) => o.organisationId === p.organisation_id)?.id ?? null,
    })),
  };
};

/** The deployment form's choices (partnership.manage): the kinds, the partnership's organisations and deployable teachers. */
export const deploymentFormOptions = async (deps: PartnershipDeps, actor: Actor | Anonymous, partnershipId: string) => {
  const { partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  const { partners, people } = await deployablePeople(deps, partnership.id);
  return { partnership, partners, people, kinds: deps.kinds };
};

/** Deploys a teacher (partnership.manage): checked against the kinds and the partnership's organisations; one audit event. */
export const createDeployment = async (deps: PartnershipDeps, actor: Actor | Anonymous, partnershipId: string, input: unknown) => {
  const { user, partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  const parsed = DeploymentInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the deployment', detailsFromZod(parsed.error));
  const value = parsed.data;
  const { partners, people } = await deployablePeople(deps, partnership.id);
  const person = people.find((p) => p.id === value.personId);
  const plan = {
    kinds: value.kinds,
    homePartnerId: value.homePartnerId,
    hostPartnerIds: [...new Set(value.hostPartnerIds)],
    share: { unit: value.shareUnit, value: value.shareValue },
    startsOn: value.startsOn,
    endsOn: value.endsOn ?? null,
  };
  const problems = [
    ...(person ? [] : [{ field: 'personId', reason: 'Choose a teacher employed at one of the partnership’s organisations' }]),
    ...deploymentProblems(plan, { kinds: deps.kinds, partnerIds: new Set(partners.map((p) => p.id)), rules: deps.rules.workPattern }),
  ];
  if (problems.length > 0 || !person)
    throw new AppError(
      'validation',
      'Check the deployment',
      problems.map((p) => ({ where: p.field, reason: p.reason })),
    );
  const teacherTrustId = await peopleStore(deps.db).trustIdOf(person.id);
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    await deployments(trx).insert({ id, partnershipId: partnership.id, personId: person.id, ...plan, objectives: value.objectives });
    await audit(trx, deps.auditKey).record({
      trustId: teacherTrustId,
      actor: user.userId,
      action: 'deployment.created',
      entity: 'person',
      entityId: person.id,
      data: { partnershipId: partnership.id, deploymentId: id, before: null, after: { teacher: person.name, ...plan } },
      requestId: deps.requestId ?? null,
    });
  });
  return { id };
};

const halfDayWords = (weekday: Weekday, session: string) => `${weekdayNames[weekday]} ${session}`;

/** A clash in words, naming the half-day and the organisations. */
export const clashText = (clash: ReturnType<typeof clashesOf>[number], nameOf: (id: string) => string): string => {
  const when = halfDayWords(clash.weekday, clash.session);
  switch (clash.kind) {
    case 'two-sites':
      return `${when}: ${clash.partnerIds.map(nameOf).join(' and ')} are both planned; a teacher can be at one site a half-day`;
    case 'home-commitment':
      return `${when}: ${nameOf(clash.partnerId)} falls on a home commitment`;
    case 'other-deployment':
      return `${when}: ${nameOf(clash.partnerId)} clashes with the teacher’s deployment in ${clash.label}`;
  }
};

/** The half-days the teacher's other current deployments take (in any partnership). */
export const otherCommitmentsOf = async (deps: PartnershipDeps, deployment: Deployment): Promise<OtherCommitment[]> => {
  const others = (await deployments(deps.db).listByPerson(deployment.person.id)).filter(
    (d) =>
      d.id !== deployment.id &&
      (d.endsOn === null || d.endsOn >= deployment.startsOn) &&
      (deployment.endsOn === null || d.startsOn <= deployment.endsOn),
  );
  if (others.length === 0) return [];
  const names = await partnerships(deps.db).namesByIds(others.map((d) => d.partnershipId));
  return others.flatMap((d) =>
    d.pattern
      .filter((s) => s.partnerId !== d.homePartnerId)
      .map((s) => ({ ...s, label: names.get(d.partnershipId) ?? 'another partnership' })),
  );
};

/**
 * Replaces a deployment's weekly pattern (partnership.manage). Refused, with every clash named and
 * nothing changed, when two sites share a half-day, a host half-day falls on a home commitment or on
 * a half-day another of the teacher's deployments takes. One transaction, one audit event.
 */
export const saveWorkPattern = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  partnershipId: string,
  deploymentId: string,
  input: unknown,
) => {
  const { user, partnership } = await authorizePartnership(deps, actor, partnershipId, 'partnership.manage');
  const deployment = await deployments(deps.db).find(partnership.id, deploymentId);
  if (!deployment) throw new AppError('not_found', 'Not found');
  const parsed = WorkPatternInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the work pattern', detailsFromZod(parsed.error));
  const allowed = new Set([deployment.homePartnerId, ...deployment.hostPartnerIds]);
  const partners = await partnerOrganisations(deps.db).list(partnership.id);
  const nameOf = (id: string) => partners.find((p) => p.id === id)?.name ?? 'an organisation';
  const pattern: PatternSlot[] = parsed.data.slots.map((s) => ({
    weekday: s.weekday as Weekday,
    session: s.session,
    partnerId: s.partnerId,
  }));
  const strangers = pattern.filter((s) => !allowed.has(s.partnerId));
  if (strangers.length > 0)
    throw new AppError(
      'validation',
      'Check the work pattern',
      strangers.map((s) => ({
        where: `${s.weekday}-${s.session}`,
        reason: `${halfDayWords(s.weekday, s.session)}: choose the home employer or a host of this deployment`,
      })),
    );
  const clashes = clashesOf(pattern, deployment.homePartnerId, await otherCommitmentsOf(deps, deployment));
  if (clashes.length > 0)
    throw new AppError(
      'validation',
      'The work pattern has clashes',
      clashes.map((c) => ({ where: `${c.weekday}-${c.session}`, reason: clashText(c, nameOf) })),
    );
  await deps.db.transaction().execute(async (trx) => {
    await deployments(trx).replacePattern(deployment.id, pattern);
    await audit(trx, deps.auditKey).record({
      trustId: deployment.person.trustId,
      actor: user.userId,
      action: 'deployment.workPatternSaved',
      entity: 'person',
      entityId: deployment.person.id,
      data: {
        partnershipId: partnership.id,
        deploymentId: deployment.id,
        teacher: deployment.person.name,
        before: deployment.pattern,
        after: pattern,
      },
      requestId: deps.requestId ?? null,
    });
  });
};
