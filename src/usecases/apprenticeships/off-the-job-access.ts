import { AppError } from '../../contracts/errors.ts';
import type { BreakInLearning } from '../../domain/apprenticeships/calendar.ts';
import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { enrolmentResource } from '../../domain/apprenticeships/enrolment-parties.ts';
import { breaksOf } from '../../domain/apprenticeships/enrolment-status.ts';
import { type Programme, programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { enrolments } from '../../store/apprenticeships/enrolments.ts';
import { authorize } from '../authorize.ts';
import { type ApprenticeshipDeps, todayOf } from './deps.ts';

export { type ApprenticeshipDeps, newIdOf, todayOf } from './deps.ts';

/**
 * Loading an enrolment for its off-the-job, progress review and KSB coverage pages: the one
 * permission check (the grant on the apprentice, and for provider actions the enrolment's own
 * provider), the status history's breaks in learning, the programme and today's date.
 */

export type LoadedEnrolment = {
  enrolment: Enrolment;
  programme: Programme | undefined;
  breaks: BreakInLearning[];
  today: string;
};

let rules: Promise<ApprenticeshipRules> | undefined;
/** The apprenticeship rules shipped with Pathways, read once. */
export const apprenticeshipRules = (): Promise<ApprenticeshipRules> => {
  rules ??= readApprenticeshipRules();
  return rules;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const unknownEnrolment = () => new AppError('not_found', 'No enrolment has that id');

/** The signed-in user, or `unauthenticated`. */
export const userOf = (actor: Actor | Anonymous): Actor => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};

/**
 * The enrolment, if the actor may take the action on it. Someone with no link to it (another
 * provider's assessor, another trust) is answered `not_found`, exactly as for an id that does not exist.
 */
export const loadEnrolment = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  action: Action,
): Promise<LoadedEnrolment> => {
  if (actor.kind !== 'user') throw new AppError('unauthenticated', 'Sign in to continue');
  if (!UUID.test(enrolmentId)) throw unknownEnrolment();
  const enrolment = await enrolments(deps.db).get(enrolmentId);
  if (!enrolment) throw unknownEnrolment();
  await authorize(deps, actor, action, enrolmentResource(enrolment));
  const history = await enrolments(deps.db).history(enrolment.trustId, enrolment.id);
  return { enrolment, programme: programmeById(deps.catalogue, enrolment.programme), breaks: breaksOf(history), today: todayOf(deps) };
};

/** The standard's fixed off-the-job minimum: the figure entered on the enrolment, else the catalogue's. */
export const fixedMinimumOf = (loaded: Pick<LoadedEnrolment, 'enrolment' | 'programme'>): { hours: number; source: string } | null =>
  loaded.enrolment.fixedMinimum ??
  (loaded.programme?.offTheJobMinimumHours
    ? { hours: loaded.programme.offTheJobMinimumHours.value, source: loaded.programme.offTheJobMinimumHours.source }
    : null);
