import type { CpdActivity } from '../../../contracts/portfolio/cpd.ts';
import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import { loadSubject } from '../../progression/stored-person.ts';
import { addCpdActivity, type CpdLog, cpdActivity, cpdLog, updateCpdActivity } from '../cpd.ts';
import type { PortfolioDeps } from '../deps.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';
import { isSelf } from './self.ts';

/** The CPD log page, with whether it is the actor's own. */
export const cpdLogPage = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<CpdLog & { self: boolean }> => {
  const log = await cpdLog(deps, actor, personId);
  return { ...log, self: isSelf(actor, log.person.id) };
};

/**
 * The CPD form's page: whose log it is and, when changing one, the activity (those who may edit the
 * portfolio). `markingDone`: the form opens with Done chosen, as "Mark as done" asks, which only a
 * planned activity can be.
 */
export type CpdFormPage = { person: { id: string; name: string }; activity: CpdActivity | null; markingDone: boolean };

export const cpdFormPage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string | null = null,
  options: { markDone?: boolean } = {},
): Promise<CpdFormPage> => {
  const subject = await loadSubject(deps, actor, personId, 'person.editPortfolio');
  const activity = activityId ? await cpdActivity(deps, actor, subject.id, activityId) : null;
  return {
    person: { id: subject.id, name: subject.name },
    activity,
    markingDone: options.markDone === true && activity?.status === 'planned',
  };
};

/** Adds an activity (no `activityId`) or changes one, or the form's page to show the refusal on. */
export const saveCpdActivityOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  activityId: string | null,
  input: unknown,
): Promise<FormOutcome<unknown, CpdFormPage>> =>
  savedOrPage<unknown, CpdFormPage>(
    () => (activityId ? updateCpdActivity(deps, actor, personId, activityId, input) : addCpdActivity(deps, actor, personId, input)),
    () => cpdFormPage(deps, actor, personId),
  );
