import { PlanReviewInput, ReviewActionInput, ReviewCommentInput, ReviewSignInput } from '../../contracts/apprenticeships/reviews.ts';
import { AppError } from '../../contracts/errors.ts';
import { detailsFromZod } from '../../contracts/zod-issues.ts';
import type { BreakInLearning } from '../../domain/apprenticeships/calendar.ts';
import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { mayOnEnrolment, partiesOf } from '../../domain/apprenticeships/enrolment-parties.ts';
import { ksbCoverage } from '../../domain/apprenticeships/ksb-coverage.ts';
import { offTheJobStatus } from '../../domain/apprenticeships/off-the-job-status.ts';
import {
  changeProblem,
  isReviewLocked,
  nextReviewDue,
  partyNames,
  type ReviewParty,
  type ReviewSignatures,
  reviewAgenda,
  signProblem,
} from '../../domain/apprenticeships/progress-review.ts';
import type { ReviewSchedule } from '../../domain/apprenticeships/review-schedule.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { ksbEvidenceOf } from '../../store/apprenticeships/coverage.ts';
import { offTheJobLog } from '../../store/apprenticeships/off-the-job.ts';
import { progressReviews, type StoredReview } from '../../store/apprenticeships/reviews.ts';
import { audit } from '../../store/audit.ts';
import {
  type ApprenticeshipDeps,
  apprenticeshipRules,
  fixedMinimumOf,
  type LoadedEnrolment,
  loadEnrolment,
  newIdOf,
  todayOf,
  userOf,
} from './off-the-job-access.ts';

/**
 * Tripartite progress reviews: the provider plans one (its agenda generated from the KSB coverage,
 * the off-the-job status and the actions still open), each party comments and signs as themselves,
 * actions are agreed with owners and dates, and the third signature locks the review. The next
 * review falls due at most the interval (data) after the last one held.
 */

export const reviewsHref = (enrolmentId: string) => `/enrolments/${enrolmentId}/reviews`;

export type ReviewView = StoredReview & {
  locked: boolean;
  /** The parties the user may sign as on this review now. */
  canSignAs: ReviewParty[];
  canChange: boolean;
};

export type ReviewsPage = {
  enrolment: Enrolment;
  programmeTitle: string;
  schedule: ReviewSchedule & { lastHeldOn: string | null };
  reviews: ReviewView[];
  parties: ReviewParty[];
  partyNames: typeof partyNames;
  can: { plan: boolean; comment: boolean };
};

const scheduleOf = async (
  loaded: Pick<LoadedEnrolment, 'enrolment' | 'breaks' | 'today'>,
  reviews: readonly { heldOn: string; signatures: ReviewSignatures }[],
) =>
  nextReviewDue((await apprenticeshipRules()).progressReviews, {
    startDate: loaded.enrolment.startDate,
    reviews,
    breaks: loaded.breaks,
    today: loaded.today,
  });

/** The reviews page of an enrolment (enrolment.read). */
export const readReviews = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, enrolmentId: string): Promise<ReviewsPage> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.read');
  const { enrolment } = loaded;
  const reviews = await progressReviews(deps.db).list(enrolment.trustId, enrolment.id);
  const parties = partiesOf(actor, enrolment);
  return {
    enrolment,
    programmeTitle: loaded.programme?.title ?? enrolment.programme,
    schedule: await scheduleOf(loaded, reviews),
    reviews: reviews.map((r) => ({
      ...r,
      locked: isReviewLocked(r.signatures),
      canSignAs: parties.filter((p) => signProblem(r.signatures, p, parties) === null),
      canChange: parties.length > 0 && changeProblem(r.signatures) === null,
    })),
    parties,
    partyNames,
    can: { plan: mayOnEnrolment(actor, 'enrolment.reviewAsProvider', enrolment), comment: parties.length > 0 },
  };
};

/** The agenda of a new review, from what the portfolio and the log hold today. */
const agendaOf = async (deps: ApprenticeshipDeps, loaded: LoadedEnrolment, previous: readonly StoredReview[]) => {
  const { enrolment } = loaded;
  const log = offTheJobLog(deps.db);
  const [entries, evidenceTime, evidence] = await Promise.all([
    log.list(enrolment.trustId, enrolment.id),
    log.evidenceTime(enrolment.trustId, enrolment.personId, enrolment.startDate),
    ksbEvidenceOf(deps.db, [enrolment]),
  ]);
  const otj = offTheJobStatus(await apprenticeshipRules(), {
    startDate: enrolment.startDate,
    plannedEndDate: enrolment.plannedEndDate,
    contractedHoursPerWeek: enrolment.contractedHoursPerWeek,
    priorLearningHours: enrolment.priorLearningHours,
    fixedMinimum: fixedMinimumOf(loaded),
    breaks: loaded.breaks,
    entries,
    evidence: evidenceTime,
    today: loaded.today,
  });
  const coverage = loaded.programme
    ? ksbCoverage(deps.catalogue, {
        framework: loaded.programme.frameworkId,
        ...(enrolment.optionCode ? { option: enrolment.optionCode } : {}),
        evidence: evidence.get(enrolment.personId) ?? {},
      })
    : null;
  const last = previous.find((r) => isReviewLocked(r.signatures)) ?? previous[0];
  return reviewAgenda({
    offTheJob:
      otj.minimum.ok && otj.progress
        ? {
            atRisk: otj.progress.atRisk,
            actualHours: otj.approvedHours,
            minimumHours: otj.minimum.minimumHours,
            reason: otj.progress.reason,
          }
        : { unknown: otj.minimum.ok ? 'no plan yet' : otj.minimum.message },
    coverage:
      coverage?.ok && coverage.items.length > 0
        ? { items: coverage.items }
        : { unknown: 'this programme has no knowledge, skills and behaviours listed' },
    openActions: last ? last.actions.filter((a) => a.dueOn >= loaded.today) : [],
  });
};

/** The provider plans a review on a date; its agenda is generated now and kept with it. Returns its id. */
export const planReview = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  input: unknown,
): Promise<string> => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.reviewAsProvider');
  const user = userOf(actor);
  const parsed = PlanReviewInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the review date', detailsFromZod(parsed.error));
  const { enrolment } = loaded;
  if (parsed.data.heldOn < enrolment.startDate)
    throw new AppError('validation', 'Check the review date', [
      { where: '$.heldOn', reason: 'The review must be on or after the apprenticeship’s start date' },
    ]);
  const id = newIdOf(deps);
  await deps.db.transaction().execute(async (trx) => {
    const previous = await progressReviews(trx).list(enrolment.trustId, enrolment.id);
    const agenda = await agendaOf({ ...deps, db: trx }, loaded, previous);
    await progressReviews(trx).insert({
      id,
      trustId: enrolment.trustId,
      enrolmentId: enrolment.id,
      heldOn: parsed.data.heldOn,
      agenda,
      createdBy: user.userId,
      at: deps.clock(),
    });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'progressReview.planned',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, reviewId: id, before: null, after: { heldOn: parsed.data.heldOn, agenda } },
      requestId: deps.requestId ?? null,
    });
  });
  return id;
};

/** Loads a review of the enrolment for a change, locked in the caller's transaction. */
const changing = async (trx: ApprenticeshipDeps['db'], enrolment: Enrolment, reviewId: string) => {
  const review = await progressReviews(trx).find(enrolment.trustId, enrolment.id, reviewId, { lock: true });
  if (!review) throw new AppError('not_found', 'No progress review has that id');
  return review;
};

/** The enrolment, for someone who is one of its three parties (anyone else who may read it is refused). */
const asSomeParty = async (deps: ApprenticeshipDeps, actor: Actor | Anonymous, enrolmentId: string) => {
  const loaded = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.read');
  if (partiesOf(actor, loaded.enrolment).length === 0)
    throw new AppError('forbidden', 'Only the apprentice, the employer and the training provider take part in progress reviews');
  return loaded;
};

/** A party comments on a review that is not locked. */
export const commentOnReview = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  reviewId: string,
  input: unknown,
): Promise<void> => {
  const { enrolment } = await asSomeParty(deps, actor, enrolmentId);
  const parsed = ReviewCommentInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the comment', detailsFromZod(parsed.error));
  if (!partiesOf(actor, enrolment).includes(parsed.data.party))
    throw new AppError('forbidden', `You cannot act as the ${partyNames[parsed.data.party].toLowerCase()} on this review`);
  const user = userOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const review = await changing(trx, enrolment, reviewId);
    const problem = changeProblem(review.signatures);
    if (problem) throw new AppError('conflict', problem);
    const id = newIdOf(deps);
    await progressReviews(trx).addComment({
      id,
      trustId: enrolment.trustId,
      reviewId,
      party: parsed.data.party,
      body: parsed.data.body,
      authorId: user.userId,
      at: deps.clock(),
    });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'progressReview.commented',
      entity: 'person',
      entityId: enrolment.personId,
      data: {
        enrolmentId: enrolment.id,
        reviewId,
        commentId: id,
        party: parsed.data.party,
        before: null,
        after: { body: parsed.data.body },
      },
      requestId: deps.requestId ?? null,
    });
  });
};

/** A party adds an agreed action (with its owner and due date) to a review that is not locked. */
export const agreeReviewAction = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  reviewId: string,
  input: unknown,
): Promise<void> => {
  const loaded = await asSomeParty(deps, actor, enrolmentId);
  const { enrolment } = loaded;
  const parsed = ReviewActionInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the action', detailsFromZod(parsed.error));
  if (parsed.data.dueOn < loaded.today)
    throw new AppError('validation', 'Check the action', [
      { where: '$.dueOn', reason: 'The date the action is due must be today or in the future' },
    ]);
  const user = userOf(actor);
  await deps.db.transaction().execute(async (trx) => {
    const review = await changing(trx, enrolment, reviewId);
    const problem = changeProblem(review.signatures);
    if (problem) throw new AppError('conflict', problem);
    const id = newIdOf(deps);
    await progressReviews(trx).addAction({
      id,
      trustId: enrolment.trustId,
      reviewId,
      ...parsed.data,
      createdBy: user.userId,
      at: deps.clock(),
    });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'progressReview.actionAgreed',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, reviewId, actionId: id, before: null, after: parsed.data },
      requestId: deps.requestId ?? null,
    });
  });
};

/** A party signs a review as themselves; the third signature locks it. Returns whether it is now locked. */
export const signReview = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  reviewId: string,
  input: unknown,
): Promise<boolean> => {
  const { enrolment } = await asSomeParty(deps, actor, enrolmentId);
  const parsed = ReviewSignInput.safeParse(input);
  if (!parsed.success) throw new AppError('validation', 'Check the signature', detailsFromZod(parsed.error));
  const parties = partiesOf(actor, enrolment);
  if (!parties.includes(parsed.data.party))
    throw new AppError('forbidden', `You cannot sign as the ${partyNames[parsed.data.party].toLowerCase()} on this review`);
  const user = userOf(actor);
  return deps.db.transaction().execute(async (trx) => {
    const review = await changing(trx, enrolment, reviewId);
    const problem = signProblem(review.signatures, parsed.data.party, parties);
    if (problem) throw new AppError('conflict', problem);
    await progressReviews(trx).sign(enrolment.trustId, reviewId, parsed.data.party, user.userId, deps.clock());
    const locked = isReviewLocked({ ...review.signatures, [parsed.data.party]: true });
    await audit(trx, deps.auditKey).record({
      trustId: enrolment.trustId,
      actor: user.userId,
      action: 'progressReview.signed',
      entity: 'person',
      entityId: enrolment.personId,
      data: { enrolmentId: enrolment.id, reviewId, party: parsed.data.party, before: null, after: { party: parsed.data.party, locked } },
      requestId: deps.requestId ?? null,
    });
    return locked;
  });
};

/**
 * Next review due / overdue per enrolment, for the caseload and dashboards: from the reviews held
 * (signed by all three) and each enrolment's breaks in learning. The caller has scoped the list.
 */
export const nextReviewsOf = async (
  deps: Pick<ApprenticeshipDeps, 'db' | 'clock'>,
  list: readonly { enrolment: Enrolment; breaks: BreakInLearning[] }[],
): Promise<Map<string, ReviewSchedule & { lastHeldOn: string | null }>> => {
  const signatures = await progressReviews(deps.db).signaturesOf(list.map((l) => l.enrolment.id));
  const today = todayOf(deps);
  const out = new Map<string, ReviewSchedule & { lastHeldOn: string | null }>();
  for (const { enrolment, breaks } of list)
    out.set(
      enrolment.id,
      await scheduleOf(
        { enrolment, breaks, today },
        signatures.filter((s) => s.enrolmentId === enrolment.id),
      ),
    );
  return out;
};
