import { AppError } from '../../contracts/errors.ts';
import { CpdInput } from '../../contracts/portfolio/cpd.ts';
import { activityForNeed, type PlannedActivity, type TrainingTarget } from '../../domain/insight/training-needs.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { audit } from '../../store/audit.ts';
import { cpdActivities } from '../../store/cpd.ts';
import { trainingNeedsStore } from '../../store/insight/training-needs.ts';
import { authorize, unknownPerson } from '../authorize.ts';
import { membersLacking, resolveScope, type TrainingNeedsDeps, type TrainingNeedsQuery } from './training-needs.ts';

/** Which cohort: a need of an analysis, at one school or (`cluster`) across the scope's schools. */
export type CohortQuery = TrainingNeedsQuery & { need: string; school: string };

export type CohortToPlan = {
  need: { key: string; label: string };
  activity: PlannedActivity;
  school: { id: string; name: string } | null;
  members: { id: string; name: string; school: string; alreadyPlanned: boolean }[];
  can: { plan: boolean };
};

const uuid = /^[0-9a-f-]{36}$/i;

/** A cohort before it is planned (the confirm page): its members, the activity they get, and who has it already. */
export const cohortToPlan = async (deps: TrainingNeedsDeps, actor: Actor | Anonymous, query: CohortQuery): Promise<CohortToPlan> => {
  const scope = await resolveScope(deps, actor, query);
  const target = query.target ?? 'next';
  const store = trainingNeedsStore(deps.db);
  const schools = await store.schools(scope.people.trustId, scope.people.organisationIds);
  const school = query.school === 'cluster' ? null : schools.find((s) => s.id === query.school);
  if (school === undefined)
    throw new AppError('not_found', 'That school is not in the analysis', [{ where: 'school', reason: `unknown school ${query.school}` }]);
  const people = school ? { ...scope.people, organisationIds: [school.id] } : scope.people;
  const { need, provision, members } = await membersLacking(deps, people, target, query.need);
  const activity = activityForNeed(need, provision);
  const planned = new Set(
    await store.alreadyPlanned(
      scope.people.trustId,
      members.map((m) => m.id),
      activity.suggestedBy,
    ),
  );
  const names = new Map(schools.map((s) => [s.id, s.name]));
  return {
    need: { key: need.key, label: need.label },
    activity,
    school: school ? { id: school.id, name: school.name } : null,
    members: members.map((m) => ({ id: m.id, name: m.name, school: names.get(m.organisationId) ?? '', alreadyPlanned: planned.has(m.id) })),
    can: {
      plan:
        members.length > 0 &&
        members.every(
          (m) =>
            can(actor, 'organisation.planTraining', { type: 'organisation', trustId: m.trustId, organisationId: m.organisationId }).allowed,
        ),
    },
  };
};

export type PlannedCohort = { activity: PlannedActivity; planned: string[]; alreadyPlanned: string[] };

/**
 * Adds a need's activity to the plan of each person given, as a planned CPD activity (`cpd.added`
 * for each), in one transaction. Only people the actor may plan training for (organisation.planTraining
 * on their school), and only people who lack the need: one that does not answers a validation error and
 * nothing is written. Idempotent: someone who has the activity in their plan already is left as they are.
 */
export const planCohort = async (
  deps: TrainingNeedsDeps,
  actor: Actor | Anonymous,
  input: { target: TrainingTarget; need: string; personIds: readonly string[] },
): Promise<PlannedCohort> => {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  // Someone who may plan training nowhere is refused before any id is looked at.
  const plansSomewhere = actor.assignments.some(
    (a) => can(actor, 'organisation.planTraining', { type: 'organisation', trustId: a.trustId, organisationId: a.organisationId }).allowed,
  );
  if (!plansSomewhere) throw new AppError('forbidden', 'You do not have permission to do that');
  const ids = [...new Set(input.personIds)];
  if (ids.length === 0) throw new AppError('validation', 'Choose the people to plan for', [{ where: 'personIds', reason: 'no people' }]);
  const bad = ids.find((id) => !uuid.test(id));
  if (bad) throw unknownPerson(bad);
  const store = trainingNeedsStore(deps.db);
  const people = await store.people(ids);
  const missing = ids.find((id) => !people.some((p) => p.id === id));
  if (missing) throw unknownPerson(missing);
  // Every member is checked before anything is written: one out of scope refuses the whole cohort.
  for (const p of people)
    await authorize(deps, actor, 'organisation.planTraining', {
      type: 'organisation',
      trustId: p.trustId,
      organisationId: p.organisationId,
    });
  const trustId = people[0]?.trustId ?? '';
  if (people.some((p) => p.trustId !== trustId))
    throw new AppError('validation', 'A cohort is of one trust’s people', [
      { where: 'personIds', reason: 'people of more than one trust' },
    ]);
  const today = schoolDateOf(deps.clock());
  const { need, provision, members } = await membersLacking(deps, { trustId, today, personIds: ids }, input.target, input.need);
  const lacking = new Set(members.map((m) => m.id));
  const notLacking = people.filter((p) => !lacking.has(p.id));
  if (notLacking.length > 0)
    throw new AppError(
      'validation',
      `Not everyone chosen lacks ${need.label}`,
      notLacking.map((p) => ({ where: 'personIds', reason: `${p.name} already meets it, is not in post, or is not measured against it` })),
    );
  const activity = activityForNeed(need, provision);
  const input2 = CpdInput.parse({
    title: activity.title,
    kind: activity.kind,
    status: 'planned',
    minutes: 0,
    itemCodes: activity.itemCodes,
    reflection: activity.reflection,
  });
  const at = deps.clock();
  return deps.db.transaction().execute(async (trx) => {
    const already = new Set(await trainingNeedsStore(trx).alreadyPlanned(trustId, ids, activity.suggestedBy));
    const planned: string[] = [];
    for (const person of people) {
      if (already.has(person.id)) continue;
      const id = (deps.newId ?? (() => crypto.randomUUID()))();
      await cpdActivities(trx).insert({
        id,
        trustId,
        personId: person.id,
        input: input2,
        suggestedBy: activity.suggestedBy,
        createdBy: actor.userId,
        at,
      });
      await audit(trx, deps.auditKey).record({
        trustId,
        actor: actor.userId,
        action: 'cpd.added',
        entity: 'cpd_activity',
        entityId: id,
        data: { personId: person.id, suggestedBy: activity.suggestedBy, cohortOf: need.label, before: null, after: input2 },
        requestId: deps.requestId ?? null,
      });
      planned.push(person.id);
    }
    return { activity, planned, alreadyPlanned: [...already] };
  });
};

/** Plans the cohort the confirm page showed, worked out again from the analysis (so it is who lacks the need now). */
export const planCohortOf = async (deps: TrainingNeedsDeps, actor: Actor | Anonymous, query: CohortQuery): Promise<PlannedCohort> => {
  const cohort = await cohortToPlan(deps, actor, query);
  if (cohort.members.length === 0)
    throw new AppError('conflict', 'Nobody in this cohort lacks the need any more', [{ where: 'need', reason: 'no members' }]);
  return planCohort(deps, actor, { target: query.target ?? 'next', need: query.need, personIds: cohort.members.map((m) => m.id) });
};
