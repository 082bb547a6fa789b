import type { Actor, Anonymous } from '../../../domain/policy/actor.ts';
import type { PortfolioDeps } from '../deps.ts';
import { addReviewObjective, advanceReview, commentOnReview, recordReviewOutcome, signReview } from '../review-changes.ts';
import { loadReviewParty, type ReviewCycleDetail, reviewCycle, reviewCycles, startReview } from '../reviews.ts';
import { type FormOutcome, savedOrPage } from './outcome.ts';

/** The reviews list page. */
export const reviewsPage = (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string) => reviewCycles(deps, actor, personId);

/** Starts a review cycle, or the reviews page to show the refusal on. */
export const startReviewOnPage = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<FormOutcome<{ id: string }, Awaited<ReturnType<typeof reviewCycles>>>> =>
  savedOrPage(
    () => startReview(deps, actor, personId, {}),
    () => reviewCycles(deps, actor, personId),
  );

/**
 * One cycle's page. `asParty`: the page re-shown after a refused action, for the member of staff and
 * their reviewer only, so anyone else learns nothing about the cycle from a post.
 */
export const reviewCyclePage = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  options: { asParty?: boolean } = {},
): Promise<ReviewCycleDetail> => {
  if (options.asParty) await loadReviewParty(deps, actor, personId);
  return reviewCycle(deps, actor, personId, cycleId);
};

/** One party's action on a cycle, as its form posts it. */
export type ReviewCommand =
  | { action: 'objective'; input: { title: unknown; description: unknown; itemCodes: string[] } }
  | { action: 'comment'; input: { body: unknown; objectiveId: unknown } }
  | { action: 'advance' }
  | { action: 'outcome'; input: { outcome: unknown } }
  | { action: 'sign'; input: { as: unknown } };

/** Applies one party's action on the cycle, or the cycle's page to show the refusal on. */
export const actOnReview = (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  cycleId: string,
  command: ReviewCommand,
): Promise<FormOutcome<unknown, ReviewCycleDetail>> =>
  savedOrPage(
    async () => {
      // Only the two parties may act; a refused actor learns nothing about the cycle.
      await loadReviewParty(deps, actor, personId);
      switch (command.action) {
        case 'objective':
          return addReviewObjective(deps, actor, personId, cycleId, command.input);
        case 'comment':
          return commentOnReview(deps, actor, personId, cycleId, command.input);
        case 'advance':
          return advanceReview(deps, actor, personId, cycleId);
        case 'outcome':
          return recordReviewOutcome(deps, actor, personId, cycleId, command.input);
        case 'sign':
          return signReview(deps, actor, personId, cycleId, command.input);
      }
    },
    () => reviewCycle(deps, actor, personId, cycleId),
  );
