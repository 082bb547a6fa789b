import { AppError } from '../../contracts/errors.ts';
import {
  type ReviewComment,
  type ReviewCycleSummary,
  type ReviewObjective,
  type ReviewSide,
  StartReviewInput,
} from '../../contracts/portfolio/review.ts';
import { academicYearBounds, academicYearOf } from '../../domain/academic-year.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { objectiveSuggestionsFor, performanceReviewDuties } from '../../domain/review-duties.ts';
import type { CompetencyItem } from '../../framework/schema.ts';
import { audit } from '../../store/audit.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { reviews } from '../../store/reviews.ts';
import { loadSubject } from '../progression/stored-person.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { notify } from './notify.ts';

/** What the actor may do on a cycle: each party sees only their own actions. */
export type ReviewPermissions = {
  side: ReviewSide | null;
  canAddObjective: boolean;
  canAdvance: boolean;
  canComment: boolean;
  canRecordOutcome: boolean;
  canSign: boolean;
};

export type ReviewCycleDetail = {
  person: { id: string; name: string };
  cycle: ReviewCycleSummary;
  objectives: ReviewObjective[];
  comments: ReviewComment[];
  you: ReviewPermissions;
  /** For the reviewer: items an objective may be linked to, grouped by role. */
  objectiveSuggestions: ReturnType<typeof objectiveSuggestionsFor>;
  /** Duties that a signed-off review is evidence for. */
  reviewDuties: CompetencyItem[];
};

const resourceOf = (subject: ProgressionSubject) =>
  ({ type: 'person', trustId: subject.trustId, organisationId: subject.organisationId, personId: subject.id }) as const;

/** Whether the actor reviews this person: allowed to conduct their review, and not the person themselves. */
export const isReviewerOf = (actor: Actor | Anonymous, subject: ProgressionSubject): actor is Actor =>
  actor.kind === 'user' && actor.personId !== subject.id && can(actor, 'person.conductReview', resourceOf(subject)).allowed;

/** Whether the actor is the reviewed member of staff. */
export const isStaffOf = (actor: Actor | Anonymous, subject: ProgressionSubject): actor is Actor =>
  actor.kind === 'user' && actor.personId === subject.id && can(actor, 'person.editPortfolio', resourceOf(subject)).allowed;

/** What the actor may do on the cycle at its stage. */
export const permissionsOn = (
  actor: Actor | Anonymous,
  subject: ProgressionSubject,
  cycle: ReviewCycleSummary,
  objectiveCount: number,
): ReviewPermissions => {
  const side: ReviewSide | null = isReviewerOf(actor, subject) ? 'reviewer' : isStaffOf(actor, subject) ? 'staff' : null;
  const reviewer = side === 'reviewer';
  const unsigned = cycle.staffSignedAt === null && cycle.reviewerSignedAt === null;
  const signedBySide = side === 'staff' ? cycle.staffSignedAt !== null : cycle.reviewerSignedAt !== null;
  return {
    side,
    canAddObjective: reviewer && (cycle.stage === 'objectives' || cycle.stage === 'mid-year'),
    canAdvance: reviewer && ((cycle.stage === 'objectives' && objectiveCount > 0) || cycle.stage === 'mid-year'),
    canComment: side !== null && (cycle.stage === 'mid-year' || cycle.stage === 'end-of-year'),
    canRecordOutcome: reviewer && cycle.stage === 'end-of-year' && unsigned,
    canSign: side !== null && cycle.stage === 'end-of-year' && cycle.outcome !== null && !signedBySide,
  };
};

/** A person's review cycles (person.readPortfolio), and whether the actor may start this year's. */
export const reviewCycles = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string) => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const cycles = await reviews(deps.db).list(subject.trustId, subject.id);
  const currentYear = academicYearOf(deps.clock());
  return {
    person: { id: subject.id, name: subject.name },
    cycles,
    currentYear,
    canStart: isReviewerOf(actor, subject) && !cycles.some((c) => c.academicYear === currentYear),
    reviewDuties: performanceReviewDuties(deps.catalogue),
  };
};

/** Starts the person's cycle for an academic year (the current one by default); the actor becomes the reviewer (`review.started`). */
export const startReview = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  raw: unknown,
): Promise<{ id: string }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.conductReview');
  if (!isReviewerOf(actor, subject)) throw await refusedOwnReview(deps, actor, subject);
  const parsed = StartReviewInput.safeParse(raw ?? {});
  const academicYear = parsed.success ? (parsed.data.academicYear ?? academicYearOf(deps.clock())) : '';
  if (!parsed.success || !isAcademicYear(academicYear)) {
    throw new AppError('validation', 'The review cannot be started', [
      { where: 'academicYear', reason: 'Enter an academic year such as 2026/27' },
    ]);
  }
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const created = await reviews(trx).insert({
      id,
      trustId: subject.trustId,
      personId: subject.id,
      academicYear,
      reviewerId: actor.userId,
      at: deps.clock(),
    });
    if (!created) {
      throw new AppError('conflict', `${subject.name} already has a review for ${academicYear}`, [
        { where: 'academicYear', reason: `a review for ${academicYear} exists` },
      ]);
    }
    await audit(trx, deps.auditKey).record({
      trustId: subject.trustId,
      actor: actor.userId,
      action: 'review.started',
      entity: 'review_cycle',
      entityId: id,
      data: { personId: subject.id, before: null, after: { academicYear, stage: 'objectives', reviewerId: actor.userId } },
      requestId: deps.requestId ?? null,
    });
    await notify(deps, trx, {
      trustId: subject.trustId,
      to: { personId: subject.id },
      kind: 'review.started',
      message: `Your performance review for ${academicYear} has started`,
      href: cycleHref(subject.id, id),
    });
  });
  return { id };
};

const isAcademicYear = (year: string) => {
  try {
    academicYearBounds(year);
    return true;
  } catch {
    return false;
  }
};

/** Where a cycle is shown in the app. */
export const cycleHref = (personId: string, cycleId: string) => `/people/${personId}/portfolio/reviews/${cycleId}`;

/** The refusal of a reviewer's action to the reviewed person themselves, audited like every refusal. */
export const refusedOwnReview = async (deps: PortfolioDeps, actor: Actor | Anonymous, subject: ProgressionSubject): Promise<AppError> => {
  await audit(deps.db, deps.auditKey).record({
    trustId: subject.trustId,
    actor: actor.kind === 'user' ? actor.userId : 'anonymous',
    action: 'access.refused',
    entity: 'person',
    entityId: subject.id,
    data: { attempted: 'person.conductReview', reason: 'a person cannot review themselves' },
    requestId: deps.requestId ?? null,
  });
  return new AppError('forbidden', 'You cannot act as the reviewer in your own review');
};

/** A person's cycle; call it only once the actor is authorized on the person, so a refusal never reveals whether it exists. */
export const findCycle = async (deps: PortfolioDeps, subject: ProgressionSubject, cycleId: string): Promise<ReviewCycleSummary> => {
  const cycle = /^[0-9a-f-]{36}$/i.test(cycleId) ? await reviews(deps.db).find(subject.trustId, subject.id, cycleId) : undefined;
  if (!cycle) throw new AppError('not_found', 'No review has that id', [{ where: 'cycleId', reason: `unknown review ${cycleId}` }]);
  return cycle;
};

/** Loads a cycle after authorizing `action` on its person. */
export const loadCycle = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  action: 'person.readPortfolio' | 'person.conductReview',
) => {
  const subject = await loadSubject(deps, actor, personId, action);
  return { subject, cycle: await findCycle(deps, subject, cycleId) };
};

/**
 * Authorizes the actor as one of the two parties of the person's reviews: the member of staff
 * (person.editPortfolio on themselves) or a reviewer (person.conductReview). Anyone else is refused
 * through the policy, which audits it.
 */
export const loadReviewParty = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<{ subject: ProgressionSubject; actor: Actor; side: ReviewSide }> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  if (isReviewerOf(actor, subject)) return { subject, actor, side: 'reviewer' };
  if (isStaffOf(actor, subject)) return { subject, actor, side: 'staff' };
  await loadSubject(deps, actor, personId, 'person.conductReview');
  throw await refusedOwnReview(deps, actor, subject);
};

/** One cycle with its objectives, comments and what the actor may do on it. */
export const reviewCycle = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
): Promise<ReviewCycleDetail> => {
  const { subject, cycle } = await loadCycle(deps, actor, personId, cycleId, 'person.readPortfolio');
  const store = reviews(deps.db);
  const objectives = await store.objectives(subject.trustId, cycle.id);
  const you = permissionsOn(actor, subject, cycle, objectives.length);
  return {
    person: { id: subject.id, name: subject.name },
    cycle,
    objectives,
    comments: await store.comments(subject.trustId, cycle.id),
    you,
    objectiveSuggestions: you.canAddObjective ? objectiveSuggestionsFor(deps.catalogue, subject.gradedRole) : [],
    reviewDuties: performanceReviewDuties(deps.catalogue),
  };
};
