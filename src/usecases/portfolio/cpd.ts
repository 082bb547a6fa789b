import type { Kysely } from 'kysely';
import { AppError, type ErrorDetail } from '../../contracts/errors.ts';
import { type CpdActivity, CpdInput } from '../../contracts/portfolio/cpd.ts';
import { minutesByAcademicYear } from '../../domain/academic-year.ts';
import { type CpdSuggestion, cpdSuggestionByRef, cpdSuggestionsFor, titleOfSuggestion } from '../../domain/cpd-suggestions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { audit } from '../../store/audit.ts';
import { cpdActivities } from '../../store/cpd.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import type { Tables } from '../../store/tables.ts';
import { loadSubject, portfolioFacts, stateOfSubject } from '../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';

/** A person's CPD log as their page and the API show it. */
export type CpdLog = {
  person: { id: string; name: string; gradedRole: string | null };
  /** Done activities, newest first. */
  done: CpdActivity[];
  planned: CpdActivity[];
  /** Minutes of done activities per academic year, newest first. */
  totals: { year: string; minutes: number }[];
  suggestions: (CpdSuggestion & { plannedActivityId: string | null })[];
  canEdit: boolean;
};

const resourceOf = (subject: ProgressionSubject) =>
  ({ type: 'person', trustId: subject.trustId, organisationId: subject.organisationId, personId: subject.id }) as const;

const todayOf = (deps: PortfolioDeps) => schoolDateOf(deps.clock());

/** Validates an activity: its shape, that its items exist, and that a done activity is not in the future. */
const validInput = (deps: PortfolioDeps, raw: unknown): CpdInput => {
  const parsed = CpdInput.safeParse(raw);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ where: i.path.map(String).join('.') || 'activity', reason: i.message }));
    throw new AppError('validation', 'The activity is not valid', details);
  }
  const details: ErrorDetail[] = parsed.data.itemCodes
    .filter((code) => !deps.catalogue.item(code))
    .map((code) => ({ where: 'itemCodes', reason: `${code} is not an item in the framework` }));
  if (parsed.data.status === 'done' && parsed.data.occurredOn && parsed.data.occurredOn > todayOf(deps)) {
    details.push({ where: 'occurredOn', reason: 'The date of a done activity must be today or in the past' });
  }
  if (details.length > 0) throw new AppError('validation', 'The activity is not valid', details);
  return parsed.data;
};

const notFound = (activityId: string) =>
  new AppError('not_found', 'No CPD activity has that id', [{ where: 'activityId', reason: `unknown activity ${activityId}` }]);

const editable = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, activityId: string) => {
  const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
  const before = /^[0-9a-f-]{36}$/i.test(activityId)
    ? await cpdActivities(deps.db).find(subject.trustId, subject.id, activityId)
    : undefined;
  if (!before) throw notFound(activityId);
  return { subject, before };
};

const userOf = (actor: Actor | Anonymous) => (actor.kind === 'user' ? actor.userId : 'anonymous');

/** Stores a new activity with its `cpd.added` event, in the caller's transaction; the event names the suggestion it came from, if any. */
const insertActivity = async (
  trx: Kysely<Tables>,
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  subject: ProgressionSubject,
  activity: { id: string; input: CpdInput; suggestedBy: string | null },
) => {
  const { id, input, suggestedBy } = activity;
  await cpdActivities(trx).insert({
    id,
    trustId: subject.trustId,
    personId: subject.id,
    input,
    suggestedBy,
    createdBy: userOf(actor),
    at: deps.clock(),
  });
  await audit(trx, deps.auditKey).record({
    trustId: subject.trustId,
    actor: userOf(actor),
    action: 'cpd.added',
    entity: 'cpd_activity',
    entityId: id,
    data: { personId: subject.id, ...(suggestedBy === null ? {} : { suggestedBy }), before: null, after: input },
    requestId: deps.requestId ?? null,
  });
};

/**
 * The CPD log of a person the actor may read the portfolio of: activities, yearly totals and the
 * framework's suggestions, leaving out those the portfolio shows they already hold or exceed.
 */
export const cpdLog = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<CpdLog> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const { state } = stateOfSubject(subject, deps.catalogue, await portfolioFacts(deps.db, subject));
  const activities = await cpdActivities(deps.db).list(subject.trustId, subject.id);
  const done = activities.filter((a) => a.status === 'done');
  const plannedBySuggestion = new Map(activities.filter((a) => a.suggestedBy).map((a) => [a.suggestedBy, a.id]));
  return {
    person: { id: subject.id, name: subject.name, gradedRole: subject.gradedRole },
    done,
    planned: activities.filter((a) => a.status === 'planned'),
    totals: minutesByAcademicYear(done.flatMap((a) => (a.occurredOn ? [{ occurredOn: a.occurredOn, minutes: a.minutes }] : []))),
    suggestions: cpdSuggestionsFor(deps.catalogue, subject.gradedRole, state).map((s) => ({
      ...s,
      plannedActivityId: plannedBySuggestion.get(s.ref) ?? null,
    })),
    canEdit: can(actor, 'person.editPortfolio', resourceOf(subject)).allowed,
  };
};

/** One activity of a person's log (for the edit form). */
export const cpdActivity = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string,
): Promise<CpdActivity> => (await editable(deps, actor, personId, activityId)).before;

/** Adds an activity to the person's own log (`cpd.added`). */
export const addCpdActivity = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  raw: unknown,
): Promise<{ id: string }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
  const input = validInput(deps, raw);
  const id = newIdOf(deps);
  await deps.db.transaction().execute((trx) => insertActivity(trx, deps, actor, subject, { id, input, suggestedBy: null }));
  return { id };
};

/**
 * Adds one of the framework's suggestions to the person's plan as a planned activity. Idempotent: a
 * suggestion already in the plan (and not removed) is not added twice; its activity is returned.
 */
export const planCpdSuggestion = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  ref: string,
): Promise<{ id: string; created: boolean }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
  const suggestion = cpdSuggestionByRef(deps.catalogue, ref);
  if (!suggestion)
    throw new AppError('not_found', 'The framework has no such CPD suggestion', [{ where: 'ref', reason: `unknown suggestion ${ref}` }]);
  return deps.db.transaction().execute(async (trx) => {
    const existing = await cpdActivities(trx).findBySuggestion(subject.trustId, subject.id, ref);
    if (existing) return { id: existing.id, created: false };
    const input = validInput(deps, {
      title: titleOfSuggestion(suggestion.text),
      kind: 'course',
      status: 'planned',
      minutes: 0,
      reflection: suggestion.text.length > 200 ? suggestion.text : '',
    });
    const id = newIdOf(deps);
    await insertActivity(trx, deps, actor, subject, { id, input, suggestedBy: ref });
    return { id, created: true };
  });
};

const storedInput = (a: CpdActivity): CpdInput => ({
  title: a.title,
  provider: a.provider,
  kind: a.kind,
  status: a.status,
  occurredOn: a.occurredOn,
  minutes: a.minutes,
  itemCodes: a.itemCodes,
  reflection: a.reflection,
});

const saveChange = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  subject: ProgressionSubject,
  before: CpdActivity,
  input: CpdInput,
) => {
  await deps.db.transaction().execute(async (trx) => {
    await cpdActivities(trx).update(subject.trustId, before.id, input, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: userOf(actor),
      action: 'cpd.updated',
      entity: 'cpd_activity',
      entityId: before.id,
      data: { personId: subject.id, before: storedInput(before), after: input },
      requestId: deps.requestId ?? null,
    });
  });
};

/** Replaces an activity's details (`cpd.updated`). */
export const updateCpdActivity = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string,
  raw: unknown,
): Promise<void> => {
  const { subject, before } = await editable(deps, actor, personId, activityId);
  await saveChange(deps, actor, subject, before, validInput(deps, raw));
};

/** Marks a planned activity done on a date, with the time it took (`cpd.updated`). */
export const markCpdDone = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string,
  done: { occurredOn: string | null; minutes: number },
): Promise<void> => {
  const { subject, before } = await editable(deps, actor, personId, activityId);
  if (before.status === 'done')
    throw new AppError('conflict', 'The activity is already done', [{ where: 'status', reason: 'already done' }]);
  const input = validInput(deps, { ...storedInput(before), status: 'done', occurredOn: done.occurredOn, minutes: done.minutes });
  await saveChange(deps, actor, subject, before, input);
};

/** Removes an activity from the log (`cpd.removed`); the row stays for the audit trail. */
export const removeCpdActivity = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string,
): Promise<void> => {
  const { subject, before } = await editable(deps, actor, personId, activityId);
  await deps.db.transaction().execute(async (trx) => {
    await cpdActivities(trx).remove(subject.trustId, before.id, deps.clock());
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: userOf(actor),
      action: 'cpd.removed',
      entity: 'cpd_activity',
      entityId: before.id,
      data: { personId: subject.id, before: storedInput(before), after: null },
      requestId: deps.requestId ?? null,
    });
  });
};
