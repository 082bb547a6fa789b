import { z } from 'zod';

export const reviewStages = ['objectives', 'mid-year', 'end-of-year', 'signed-off'] as const;
export const ReviewStage = z.enum(reviewStages);
export type ReviewStage = z.infer<typeof ReviewStage>;

/** Human labels of the stages of a review cycle. */
export const reviewStageLabels: Record<ReviewStage, string> = {
  objectives: 'Setting objectives',
  'mid-year': 'Mid-year review',
  'end-of-year': 'End-of-year review',
  'signed-off': 'Signed off',
};

/** The stages at which both sides comment. */
export const CommentStage = z.enum(['mid-year', 'end-of-year']);
export type CommentStage = z.infer<typeof CommentStage>;

/** Which side of a review someone speaks for: the member of staff, or their reviewer. */
export const ReviewSide = z.enum(['staff', 'reviewer'], { error: 'Choose whether you sign as the member of staff or the reviewer' });
export type ReviewSide = z.infer<typeof ReviewSide>;

export const REVIEW_TITLE_MAX = 200;
export const REVIEW_TEXT_MAX = 5000;

const AcademicYearName = z.string().regex(/^\d{4}\/\d{2}$/, 'Enter an academic year such as 2026/27');

/** Starting a cycle: for the current academic year unless another is named. */
export const StartReviewInput = z.strictObject({ academicYear: AcademicYearName.optional() });
export type StartReviewInput = z.infer<typeof StartReviewInput>;

/** An objective; its item codes are checked against the catalogue by the use-case. */
export const ObjectiveInput = z.strictObject({
  title: z.string().trim().min(1, 'Enter the objective').max(REVIEW_TITLE_MAX, `Objective must be ${REVIEW_TITLE_MAX} characters or fewer`),
  description: z.string().trim().max(REVIEW_TEXT_MAX, `Description must be ${REVIEW_TEXT_MAX} characters or fewer`).default(''),
  itemCodes: z
    .array(z.string().trim().min(1).max(100))
    .max(20, 'Link 20 items or fewer')
    .refine((codes) => new Set(codes).size === codes.length, 'Link each item once')
    .default([]),
});
export type ObjectiveInput = z.output<typeof ObjectiveInput>;

/** A comment at the current stage, about the whole review or one objective. */
export const CommentInput = z.strictObject({
  body: z.string().trim().min(1, 'Enter your comment').max(REVIEW_TEXT_MAX, `Comment must be ${REVIEW_TEXT_MAX} characters or fewer`),
  objectiveId: z
    .string()
    .nullish()
    .transform((v) => (v ? v : null))
    .pipe(z.uuid({ error: 'Choose an objective of this review' }).nullable()),
});
export type CommentInput = z.output<typeof CommentInput>;

export const OutcomeInput = z.strictObject({
  outcome: z.string().trim().min(1, 'Enter the outcome').max(REVIEW_TEXT_MAX, `Outcome must be ${REVIEW_TEXT_MAX} characters or fewer`),
});
export type OutcomeInput = z.output<typeof OutcomeInput>;

export const SignInput = z.strictObject({ as: ReviewSide });
export type SignInput = z.output<typeof SignInput>;

export type ReviewCycleSummary = {
  id: string;
  personId: string;
  academicYear: string;
  stage: ReviewStage;
  reviewerId: string;
  reviewerName: string;
  outcome: string | null;
  staffSignedAt: Date | null;
  reviewerSignedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ReviewObjective = { id: string; title: string; description: string; itemCodes: string[]; position: number };

export type ReviewComment = {
  id: string;
  stage: CommentStage;
  side: ReviewSide;
  objectiveId: string | null;
  body: string;
  writtenBy: string;
  writerName: string;
  writtenAt: Date;
};
