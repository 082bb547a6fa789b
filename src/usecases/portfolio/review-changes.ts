import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { NotificationKind } from '../../contracts/notification-kinds.ts';
import {
  CommentInput,
  ObjectiveInput,
  OutcomeInput,
  type ReviewCycleSummary,
  type ReviewSide,
  type ReviewStage,
  reviewStageLabels,
  SignInput,
} from '../../contracts/portfolio/review.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { audit } from '../../store/audit.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { reviews } from '../../store/reviews.ts';
import type { Tables } from '../../store/tables.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';
import { notify } from './notify.ts';
import { cycleHref, findCycle, isReviewerOf, isStaffOf, loadCycle, loadReviewParty, permissionsOn, refusedOwnReview } from './reviews.ts';

const invalid = (message: string, issues: { path: PropertyKey[]; message: string }[]) =>
  new AppError(
    'validation',
    message,
    issues.map((i) => ({ where: i.path.map(String).join('.') || 'review', reason: i.message })),
  );

const stageConflict = (cycle: ReviewCycleSummary, what: string) =>
  new AppError(
    'conflict',
    cycle.stage === 'signed-off'
      ? 'The review is signed off and can no longer be changed'
      : `You cannot ${what} at this stage of the review`,
    [{ where: 'stage', reason: `the review is at "${reviewStageLabels[cycle.stage]}"` }],
  );

/** The cycle, authorized for the reviewer's side: the person themselves is refused even if they hold an admin role. */
const asReviewer = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, cycleId: string) => {
  const loaded = await loadCycle(deps, actor, personId, cycleId, 'person.conductReview');
  if (!isReviewerOf(actor, loaded.subject)) throw await refusedOwnReview(deps, actor, loaded.subject);
  return { ...loaded, actor };
};

/** The cycle with the actor's side: the member of staff (person.editPortfolio) or their reviewer (person.conductReview). */
const asEitherSide = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string, cycleId: string) => {
  const party = await loadReviewParty(deps, actor, personId);
  return { ...party, cycle: await findCycle(deps, party.subject, cycleId) };
};

/** Locks the cycle's row and reads it again, so the stage checked is the one the change is written against. */
const lockedCycle = async (trx: Kysely<Tables>, subject: ProgressionSubject, cycle: ReviewCycleSummary) => {
  await reviews(trx).lock(subject.trustId, cycle.id);
  return (await reviews(trx).find(subject.trustId, subject.id, cycle.id)) ?? cycle;
};

type Change = {
  /** The audit action, which is also the kind of the notification the other party gets. */
  action: NotificationKind;
  before: unknown;
  after: unknown;
  /** Who is told, and what. */
  tell: { side: ReviewSide; message: string };
};

/** Records one change: the audit event and the other party's notification, in the caller's transaction. */
const recordChange = async (
  deps: PortfolioDeps,
  trx: Kysely<Tables>,
  actor: Actor,
  subject: ProgressionSubject,
  cycle: ReviewCycleSummary,
  change: Change,
) => {
  await audit(trx, deps.auditKey).record({
    trustId: subject.trustId,
    actor: actor.userId,
    action: change.action,
    entity: 'review_cycle',
    entityId: cycle.id,
    data: { personId: subject.id, before: change.before, after: change.after },
    requestId: deps.requestId ?? null,
  });
  await notify(deps, trx, {
    trustId: subject.trustId,
    to: change.tell.side === 'staff' ? { personId: subject.id } : { userId: cycle.reviewerId },
    kind: change.action,
    message: change.tell.message,
    href: cycleHref(subject.id, cycle.id),
  });
};

/** Adds an objective, while objectives are set or revised at mid-year (`review.objectiveAdded`). */
export const addReviewObjective = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  raw: unknown,
): Promise<{ id: string }> => {
  const { subject, cycle, actor: reviewer } = await asReviewer(deps, actor, personId, cycleId);
  const parsed = ObjectiveInput.safeParse(raw);
  if (!parsed.success) throw invalid('The objective is not valid', parsed.error.issues);
  const unknown = parsed.data.itemCodes.filter((code) => !deps.catalogue.item(code));
  if (unknown.length > 0) {
    throw new AppError(
      'validation',
      'The objective is not valid',
      unknown.map((code) => ({ where: 'itemCodes', reason: `${code} is not an item in the framework` })),
    );
  }
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockedCycle(trx, subject, cycle);
    if (current.stage !== 'objectives' && current.stage !== 'mid-year') throw stageConflict(current, 'add objectives');
    await reviews(trx).insertObjective({ id, trustId: subject.trustId, cycleId: cycle.id, ...parsed.data });
    await reviews(trx).update(subject.trustId, cycle.id, {}, deps.clock());
    await recordChange(deps, trx, reviewer, subject, current, {
      action: 'review.objectiveAdded',
      before: null,
      after: { objectiveId: id, ...parsed.data },
      tell: { side: 'staff', message: `A new objective was added to your ${current.academicYear} review: ${parsed.data.title}` },
    });
  });
  return { id };
};

/** A comment from either side at the mid-year or end-of-year review (`review.commented`). */
export const commentOnReview = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  raw: unknown,
): Promise<{ id: string }> => {
  const { subject, cycle, actor: writer, side } = await asEitherSide(deps, actor, personId, cycleId);
  const parsed = CommentInput.safeParse(raw);
  if (!parsed.success) throw invalid('The comment is not valid', parsed.error.issues);
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockedCycle(trx, subject, cycle);
    if (current.stage !== 'mid-year' && current.stage !== 'end-of-year') throw stageConflict(current, 'comment');
    const { objectiveId } = parsed.data;
    if (objectiveId && !(await reviews(trx).objectives(subject.trustId, cycle.id)).some((o) => o.id === objectiveId)) {
      throw new AppError('validation', 'The comment is not valid', [
        { where: 'objectiveId', reason: 'Choose an objective of this review' },
      ]);
    }
    const stage = current.stage;
    await reviews(trx).insertComment({
      id,
      trustId: subject.trustId,
      cycleId: cycle.id,
      stage,
      side,
      objectiveId,
      body: parsed.data.body,
      writtenBy: writer.userId,
      at: deps.clock(),
    });
    await reviews(trx).update(subject.trustId, cycle.id, {}, deps.clock());
    await recordChange(deps, trx, writer, subject, current, {
      action: 'review.commented',
      before: null,
      after: { commentId: id, stage, side, objectiveId, body: parsed.data.body },
      tell:
        side === 'staff'
          ? { side: 'reviewer', message: `${subject.name} commented on their ${current.academicYear} review` }
          : { side: 'staff', message: `Your reviewer commented on your ${current.academicYear} review` },
    });
  });
  return { id };
};

const nextStage: Partial<Record<ReviewStage, ReviewStage>> = { objectives: 'mid-year', 'mid-year': 'end-of-year' };

/** Moves the cycle on: objectives → mid-year (once there is an objective) → end-of-year (`review.stageChanged`). */
export const advanceReview = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
): Promise<ReviewStage> => {
  const { subject, cycle, actor: reviewer } = await asReviewer(deps, actor, personId, cycleId);
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockedCycle(trx, subject, cycle);
    const objectiveCount = (await reviews(trx).objectives(subject.trustId, cycle.id)).length;
    const to = nextStage[current.stage];
    if (!to || !permissionsOn(reviewer, subject, current, objectiveCount).canAdvance) {
      throw current.stage === 'objectives'
        ? new AppError('conflict', 'Add at least one objective before the mid-year review', [{ where: 'objectives', reason: 'none set' }])
        : stageConflict(current, 'move the review on');
    }
    await reviews(trx).update(subject.trustId, cycle.id, { stage: to }, deps.clock());
    await recordChange(deps, trx, reviewer, subject, current, {
      action: 'review.stageChanged',
      before: { stage: current.stage },
      after: { stage: to },
      tell: { side: 'staff', message: `Your ${current.academicYear} review has moved to: ${reviewStageLabels[to]}` },
    });
    return to;
  });
};

/** The reviewer's outcome at the end-of-year review, changeable until someone signs (`review.outcomeRecorded`). */
export const recordReviewOutcome = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  raw: unknown,
): Promise<void> => {
  const { subject, cycle, actor: reviewer } = await asReviewer(deps, actor, personId, cycleId);
  const parsed = OutcomeInput.safeParse(raw);
  if (!parsed.success) throw invalid('The outcome is not valid', parsed.error.issues);
  await deps.db.transaction().execute(async (trx) => {
    const current = await lockedCycle(trx, subject, cycle);
    if (!permissionsOn(reviewer, subject, current, 0).canRecordOutcome) throw stageConflict(current, 'record the outcome');
    await reviews(trx).update(subject.trustId, cycle.id, { outcome: parsed.data.outcome }, deps.clock());
    await recordChange(deps, trx, reviewer, subject, current, {
      action: 'review.outcomeRecorded',
      before: { outcome: current.outcome },
      after: { outcome: parsed.data.outcome },
      tell: { side: 'staff', message: `The outcome of your ${current.academicYear} review is ready for you to read and sign` },
    });
  });
};

/**
 * Signs the end-of-year review for one side, once (`review.signed`); when both have signed the cycle
 * is signed off (`review.stageChanged`) and read-only from then on.
 */
export const signReview = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  raw: unknown,
): Promise<ReviewStage> => {
  const parsed = SignInput.safeParse(raw);
  if (!parsed.success) throw invalid('The signature is not valid', parsed.error.issues);
  const loaded =
    parsed.data.as === 'reviewer' ? await asReviewer(deps, actor, personId, cycleId) : await asEitherSide(deps, actor, personId, cycleId);
  const { subject, cycle, actor: signer } = loaded;
  if (parsed.data.as === 'staff' && !isStaffOf(signer, subject)) {
    throw new AppError('forbidden', 'Only the member of staff can sign for themselves');
  }
  const side = parsed.data.as;
  return deps.db.transaction().execute(async (trx) => {
    const current = await lockedCycle(trx, subject, cycle);
    const alreadySigned = side === 'staff' ? current.staffSignedAt : current.reviewerSignedAt;
    if (current.stage === 'end-of-year' && alreadySigned) {
      throw new AppError('conflict', 'You have already signed this review', [{ where: 'as', reason: `signed by the ${side}` }]);
    }
    if (current.stage === 'end-of-year' && current.outcome === null) {
      throw new AppError('conflict', 'The reviewer records the outcome before the review is signed', [
        { where: 'outcome', reason: 'none yet' },
      ]);
    }
    if (current.stage !== 'end-of-year') throw stageConflict(current, 'sign');
    const at = deps.clock();
    const otherSigned = side === 'staff' ? current.reviewerSignedAt !== null : current.staffSignedAt !== null;
    const stage: ReviewStage = otherSigned ? 'signed-off' : 'end-of-year';
    await reviews(trx).update(
      subject.trustId,
      cycle.id,
      { ...(side === 'staff' ? { staffSignedAt: at } : { reviewerSignedAt: at }), ...(otherSigned ? { stage } : {}) },
      at,
    );
    const other: ReviewSide = side === 'staff' ? 'reviewer' : 'staff';
    await recordChange(deps, trx, signer, subject, current, {
      action: 'review.signed',
      before: { staffSignedAt: current.staffSignedAt, reviewerSignedAt: current.reviewerSignedAt },
      after: { side, signedAt: at },
      tell: {
        side: other,
        message: otherSigned
          ? `The ${current.academicYear} review of ${subject.name} is signed off by both`
          : side === 'staff'
            ? `${subject.name} signed their ${current.academicYear} review: it is ready for your signature`
            : `Your reviewer signed your ${current.academicYear} review: it is ready for your signature`,
      },
    });
    if (otherSigned) {
      await audit(trx, deps.auditKey).record({
        trustId: subject.trustId,
        actor: signer.userId,
        action: 'review.stageChanged',
        entity: 'review_cycle',
        entityId: cycle.id,
        data: { personId: subject.id, before: { stage: 'end-of-year' }, after: { stage: 'signed-off' } },
        requestId: deps.requestId ?? null,
      });
    }
    return stage;
  });
};
