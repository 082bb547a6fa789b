import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import { contextFor } from '../../domain/gap.ts';
import { type CohortProposal, type CohortSizes, proposeCohorts } from '../../domain/insight/cohorts.ts';
import {
  activityForNeed,
  type Need,
  type NeedCount,
  needsOfTarget,
  type PlannedActivity,
  type Provision,
  provisionFor,
  rankNeeds,
  type TrainingTarget,
  targetOfRole,
} from '../../domain/insight/training-needs.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { evaluate } from '../../domain/requirements/index.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { findTarget, rulesOf } from '../../domain/targets.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { readTrainingNeedsRules } from '../../framework/training-needs-rules.ts';
import { directory } from '../../store/directory.ts';
import { type FactProfile, type PeopleScope, type ScopePerson, trainingNeedsStore } from '../../store/insight/training-needs.ts';
import type { Tables } from '../../store/tables.ts';
import { authorize, unknownPerson } from '../authorize.ts';
import type { AppContext } from '../context.ts';
import { stateOfSubject } from '../progression/stored-person.ts';

/** What the training-needs use-cases need. */
export type TrainingNeedsDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  clock: () => Date;
  catalogue: Catalogue;
  requestId?: string | null;
  newId?: () => string;
};

/** The training-needs deps of one request (or of a CLI command, with no request id). */
export const trainingNeedsDeps = (context: AppContext, requestId: string | null = null): TrainingNeedsDeps => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  clock: context.clock,
  catalogue: context.catalogue.current(),
  requestId,
});

/** What to analyse: a scope (a trust, a school or a partnership by id, or hand-picked people), a target and the cluster size. */
export type TrainingNeedsQuery = { scope?: string; people?: readonly string[]; target?: TrainingTarget; minCluster?: number };

export type ResolvedScope = {
  kind: 'trust' | 'school' | 'partnership' | 'people';
  id: string | null;
  name: string;
  people: PeopleScope;
};

/** One need as the page, the API, the CLI and the exports show it. */
export type AnalysedNeed = {
  key: string;
  kind: Need['kind'];
  code: string | null;
  label: string;
  lacking: number;
  bySchool: { organisationId: string; name: string; lacking: number }[];
  provision: Provision;
  cohorts: CohortProposal & { canPlanCluster: boolean };
  /** Per school cohort: whether the actor may plan it (planTraining on that school). */
  plannable: Record<string, boolean>;
  activity: PlannedActivity;
};

export type TrainingNeedsAnalysis = {
  scope: { kind: ResolvedScope['kind']; id: string | null; name: string };
  target: { id: TrainingTarget; title: string };
  sizes: CohortSizes;
  /** People measured (in post, with a graded role that has a target), and those left out. */
  measured: number;
  leftOut: number;
  schools: { id: string; name: string }[];
  needs: AnalysedNeed[];
};

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const noScope = () =>
  new AppError('not_found', 'There is no such organisation or partnership', [{ where: 'scope', reason: 'unknown scope' }]);

const canOn = (
  actor: Actor | Anonymous,
  action: 'organisation.readInsight' | 'organisation.planTraining',
  trustId: string,
  organisationId: string,
) => can(actor, action, { type: 'organisation', trustId, organisationId }).allowed;

/** The scope the actor asked for, authorized with `organisation.readInsight` (another trust's ids answer not found). */
export const resolveScope = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  query: TrainingNeedsQuery,
): Promise<ResolvedScope> => {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  const today = schoolDateOf(deps.clock());
  const store = trainingNeedsStore(deps.db);
  if (query.people && query.people.length > 0) {
    const bad = query.people.find((id) => !uuid.test(id));
    if (bad) throw unknownPerson(bad);
    const found = await store.people(query.people);
    const missing = query.people.find((id) => !found.some((p) => p.id === id));
    if (missing) throw unknownPerson(missing);
    for (const p of found)
      await authorize(deps, actor, 'organisation.readInsight', {
        type: 'organisation',
        trustId: p.trustId,
        organisationId: p.organisationId,
      });
    const trustIds = [...new Set(found.map((p) => p.trustId))];
    if (trustIds.length > 1)
      throw new AppError('validation', 'A group is of one trust’s people', [{ where: 'people', reason: 'people of more than one trust' }]);
    return {
      kind: 'people',
      id: null,
      name: `${found.length} chosen ${found.length === 1 ? 'person' : 'people'}`,
      people: { trustId: trustIds[0] ?? '', today, personIds: found.map((p) => p.id) },
    };
  }
  const scopeId = query.scope ?? defaultScopeOf(actor);
  if (!scopeId || !uuid.test(scopeId)) throw scopeId ? noScope() : new AppError('forbidden', 'You do not have permission to do that');
  const organisation = await directory(deps.db).findOrganisation(scopeId);
  if (organisation) {
    await authorize(deps, actor, 'organisation.readInsight', {
      type: 'organisation',
      trustId: organisation.trust_id,
      organisationId: organisation.id,
    });
    return {
      kind: organisation.kind === 'trust' ? 'trust' : 'school',
      id: organisation.id,
      name: organisation.name,
      people:
        organisation.kind === 'trust'
          ? { trustId: organisation.trust_id, today }
          : { trustId: organisation.trust_id, today, organisationIds: [organisation.id] },
    };
  }
  const partnership = await store.partnershipSchools(scopeId);
  if (!partnership) throw noScope();
  // A partnership reaches across trusts: its analysis covers the member schools the actor may read, of one trust.
  const readable = partnership.schools.filter((s) => canOn(actor, 'organisation.readInsight', s.trustId, s.id));
  const trustId = readable[0]?.trustId;
  if (!trustId) {
    const first = partnership.schools.find((s) => actor.assignments.some((a) => a.trustId === s.trustId));
    if (!first) throw noScope();
    throw new AppError('forbidden', 'You do not have permission to do that');
  }
  return {
    kind: 'partnership',
    id: scopeId,
    name: partnership.name,
    people: { trustId, today, organisationIds: readable.filter((s) => s.trustId === trustId).map((s) => s.id) },
  };
};

/** Where an analysis opens without a scope: the trust of a trust admin, the school of a school admin. */
const defaultScopeOf = (actor: Actor): string | undefined =>
  actor.assignments.find((a) => canOn(actor, 'organisation.readInsight', a.trustId, a.organisationId))?.organisationId;

/** The scope's counting, shared by the analysis and the members of a cohort. */
export type Counting = {
  schools: Map<string, { name: string; phase: string | null; nation: string | null }>;
  /** Graded role → the target its holders are measured against. */
  targetOfRole: Map<string, string>;
  needsOf: Map<string, Need[]>;
  measured: number;
  leftOut: number;
};

const countingFor = async (
  deps: TrainingNeedsDeps,
  scope: PeopleScope,
  target: TrainingTarget,
): Promise<Counting & { headcounts: Awaited<ReturnType<ReturnType<typeof trainingNeedsStore>['headcounts']>> }> => {
  const store = trainingNeedsStore(deps.db);
  const [schools, headcounts] = await Promise.all([store.schools(scope.trustId, scope.organisationIds), store.headcounts(scope)]);
  const targets = new Map<string, string>();
  const needsOf = new Map<string, Need[]>();
  let measured = 0;
  let leftOut = 0;
  for (const h of headcounts) {
    const t = h.gradedRole ? targetOfRole(h.gradedRole, target, deps.catalogue) : undefined;
    if (!h.gradedRole || !t || rulesOf(t, deps.catalogue).length === 0) {
      leftOut += h.people;
      continue;
    }
    measured += h.people;
    targets.set(h.gradedRole, t);
    if (!needsOf.has(t)) needsOf.set(t, needsOfTarget(t, deps.catalogue));
  }
  return {
    schools: new Map(schools.map((s) => [s.id, { name: s.name, phase: s.phase, nation: s.nation }])),
    targetOfRole: targets,
    needsOf,
    measured,
    leftOut,
    headcounts,
  };
};

/** The person state a fact profile stands for (no judgements: items are counted in SQL). */
const stateOfProfile = (profile: FactProfile, counting: Pick<Counting, 'schools'>, catalogue: Catalogue) => {
  const school = counting.schools.get(profile.organisationId);
  return stateOfSubject(
    {
      id: 'profile',
      trustId: '',
      organisationId: profile.organisationId,
      name: '',
      gradedRole: profile.gradedRole,
      specialisms: profile.specialisms,
      lineManagerId: null,
      phase: school?.phase ?? null,
      nation: school?.nation ?? null,
    },
    catalogue,
    {
      achievements: profile.achievements,
      flags: profile.flags,
      judgements: [],
      specialisms: { confirmed: profile.confirmedSpecialisms, awaiting: [] },
    },
  ).state;
};

const requirementNeedsOf = (needs: readonly Need[]) => needs.filter((n) => n.kind === 'requirement');

/** Whether a profile lacks a requirement need: the interpreter, once per distinct profile and need. */
export const lacksRequirement = (need: Need, profile: FactProfile, counting: Pick<Counting, 'schools'>, catalogue: Catalogue) => {
  if (need.kind !== 'requirement') return false;
  const state = stateOfProfile(profile, counting, catalogue);
  return evaluate(need.requirement, state, catalogue, contextFor(state)).status !== 'met';
};

const targetTitle = (target: TrainingTarget, catalogue: Catalogue) =>
  target === 'next' ? 'Each person’s next level' : findTarget(target, catalogue).title;

const checkTarget = (target: TrainingTarget, catalogue: Catalogue) => {
  if (target === 'next') return;
  try {
    findTarget(target, catalogue);
  } catch {
    throw new AppError('validation', `No role, status or qualification has the id ${target}`, [
      { where: 'target', reason: `unknown id ${target}` },
    ]);
  }
};

/** The cohort sizes: the caller's cluster minimum, else the rules file's. */
const sizesOf = async (minCluster: number | undefined): Promise<CohortSizes> => {
  const rules = await readTrainingNeedsRules();
  if (minCluster !== undefined && (!Number.isInteger(minCluster) || minCluster < 2 || minCluster > 100_000))
    throw new AppError('validation', 'The cluster size is not valid', [
      { where: 'minCluster', reason: 'a whole number of people, 2 or more' },
    ]);
  return { cohortMinimum: rules.cohortMinimum, clusterMinimum: minCluster ?? rules.clusterMinimum };
};

/** The analysis of a resolved scope (already authorized): counted set-wise, ranked, with provision and cohorts. */
export const analyseScope = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  scope: ResolvedScope,
  query: TrainingNeedsQuery,
): Promise<TrainingNeedsAnalysis> => {
  const target = query.target ?? 'next';
  checkTarget(target, deps.catalogue);
  const sizes = await sizesOf(query.minCluster);
  const counting = await countingFor(deps, scope.people, target);
  const store = trainingNeedsStore(deps.db);
  const allNeeds = new Map<string, Need>();
  const rolesOfNeed = new Map<string, Set<string>>();
  // Roles in order, so a need two targets share is listed where the lower role meets it first.
  for (const [role, t] of [...counting.targetOfRole].sort(([a], [b]) => a.localeCompare(b)))
    for (const need of counting.needsOf.get(t) ?? []) {
      allNeeds.set(need.key, need);
      rolesOfNeed.set(need.key, (rolesOfNeed.get(need.key) ?? new Set()).add(role));
    }
  const itemCodes = [...allNeeds.values()].flatMap((n) => (n.kind === 'item' ? [n.code] : []));
  const itemRoles = [...counting.targetOfRole]
    .filter(([, t]) => (counting.needsOf.get(t) ?? []).some((n) => n.kind === 'item'))
    .map(([r]) => r);
  const requirementRoles = [...counting.targetOfRole]
    .filter(([, t]) => requirementNeedsOf(counting.needsOf.get(t) ?? []).length > 0)
    .map(([r]) => r);
  const [met, profiles] = await Promise.all([
    store.metCounts(scope.people, itemRoles, itemCodes),
    store.factProfiles(scope.people, requirementRoles),
  ]);
  const metOf = new Map(met.map((m) => [`${m.organisationId}|${m.gradedRole}|${m.itemCode}`, m.met]));
  const counts: NeedCount[] = [];
  for (const h of counting.headcounts) {
    const t = h.gradedRole ? counting.targetOfRole.get(h.gradedRole) : undefined;
    if (!t || !h.gradedRole) continue;
    for (const need of counting.needsOf.get(t) ?? [])
      if (need.kind === 'item')
        counts.push({
          needKey: need.key,
          organisationId: h.organisationId,
          lacking: h.people - (metOf.get(`${h.organisationId}|${h.gradedRole}|${need.code}`) ?? 0),
        });
  }
  for (const profile of profiles) {
    const t = counting.targetOfRole.get(profile.gradedRole);
    for (const need of requirementNeedsOf(t ? (counting.needsOf.get(t) ?? []) : []))
      if (lacksRequirement(need, profile, counting, deps.catalogue))
        counts.push({ needKey: need.key, organisationId: profile.organisationId, lacking: profile.people });
  }
  const names = new Map([...counting.schools].map(([id, s]) => [id, s.name]));
  const ranked = rankNeeds([...allNeeds.values()], counts, names);
  const trustId = scope.people.trustId;
  const plannable = (organisationId: string) => canOn(actor, 'organisation.planTraining', trustId, organisationId);
  return {
    scope: { kind: scope.kind, id: scope.id, name: scope.name },
    target: { id: target, title: targetTitle(target, deps.catalogue) },
    sizes,
    measured: counting.measured,
    leftOut: counting.leftOut,
    schools: [...counting.schools].map(([id, s]) => ({ id, name: s.name })),
    needs: ranked.map((r) => {
      const provision = provisionFor(r.need, deps.catalogue, [...(rolesOfNeed.get(r.need.key) ?? [])].sort());
      const cohorts = proposeCohorts(r.bySchool, sizes);
      return {
        key: r.need.key,
        kind: r.need.kind,
        code: r.need.kind === 'item' ? r.need.code : null,
        label: r.need.label,
        lacking: r.lacking,
        bySchool: r.bySchool,
        provision,
        cohorts: { ...cohorts, canPlanCluster: cohorts.cluster !== null && r.bySchool.every((s) => plannable(s.organisationId)) },
        plannable: Object.fromEntries(r.bySchool.map((s) => [s.organisationId, plannable(s.organisationId)])),
        activity: activityForNeed(r.need, provision),
      };
    }),
  };
};

/** The training-needs analysis of a scope for a target (`organisation.readInsight` on the scope). */
export const trainingNeeds = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  query: TrainingNeedsQuery,
): Promise<TrainingNeedsAnalysis> => analyseScope(deps, actor, await resolveScope(deps, actor, query), query);

/** The people of a scope who lack one need (optionally at one school), by name: a cohort's members. */
export const membersLacking = async (
  deps: TrainingNeedsDeps,
  scope: PeopleScope,
  target: TrainingTarget,
  needKey: string,
): Promise<{ need: Need; provision: Provision; members: ScopePerson[] }> => {
  checkTarget(target, deps.catalogue);
  const counting = await countingFor(deps, scope, target);
  const roles = [...counting.targetOfRole]
    .filter(([, t]) => (counting.needsOf.get(t) ?? []).some((n) => n.key === needKey))
    .map(([r]) => r);
  const need = [...counting.needsOf.values()].flat().find((n) => n.key === needKey);
  if (!need)
    throw new AppError('not_found', 'Nobody in this scope is measured against that need', [
      { where: 'need', reason: `unknown need ${needKey}` },
    ]);
  const provision = provisionFor(need, deps.catalogue, roles.sort());
  const store = trainingNeedsStore(deps.db);
  if (need.kind === 'item') return { need, provision, members: await store.lackingItem(scope, roles, need.code) };
  const profiles = await store.factProfiles(scope, roles, { withPeople: true });
  const ids = profiles.filter((p) => lacksRequirement(need, p, counting, deps.catalogue)).flatMap((p) => p.personIds ?? []);
  return { need, provision, members: await store.people(ids) };
};
