import { z } from 'zod';
import { enteredDate } from '../dates.ts';

/** Progress reviews' inputs, shared by the API, the pages and the OpenAPI document. */

export const REVIEW_COMMENT_MAX = 5000;
export const REVIEW_ACTION_MAX = 500;

export const ReviewPartyInput = z.enum(['apprentice', 'employer', 'provider'], { error: 'Choose who this is for' });

export const PlanReviewInput = z.strictObject({ heldOn: enteredDate('Enter the date of the review as a real date') });

export const ReviewCommentInput = z.strictObject({
  party: ReviewPartyInput,
  body: z
    .string({ error: 'Enter a comment' })
    .trim()
    .min(1, 'Enter a comment')
    .max(REVIEW_COMMENT_MAX, `The comment must be ${REVIEW_COMMENT_MAX} characters or fewer`),
});

export const ReviewActionInput = z.strictObject({
  description: z
    .string({ error: 'Describe the action' })
    .trim()
    .min(1, 'Describe the action')
    .max(REVIEW_ACTION_MAX, `The action must be ${REVIEW_ACTION_MAX} characters or fewer`),
  owner: z.enum(['apprentice', 'employer', 'provider'], { error: 'Choose who owns the action' }),
  dueOn: enteredDate('Enter the date the action is due as a real date'),
});

export const ReviewSignInput = z.strictObject({ party: ReviewPartyInput });
