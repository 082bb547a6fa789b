import { z } from 'zod';
import { CommentStage, ReviewSide, ReviewStage } from '../portfolio/review.ts';

/** Request and response contracts of the performance reviews API. */

export const PersonParams = z.object({ id: z.uuid() });
/** `cycleId` is checked after authorization, so a refused caller never learns whether it exists. */
export const CycleParams = z.object({ id: z.uuid(), cycleId: z.string().max(100) });

export const StartBody = z.strictObject({ academicYear: z.string().max(10).optional() });
export const ObjectiveBody = z.strictObject({
  title: z.string().max(1000),
  description: z.string().max(10_000).optional(),
  itemCodes: z.array(z.string().max(100)).max(100).optional(),
});
export const CommentBody = z.strictObject({ body: z.string().max(10_000), objectiveId: z.uuid().nullable().optional() });
export const OutcomeBody = z.strictObject({ outcome: z.string().max(10_000) });
export const SignBody = z.strictObject({ as: ReviewSide });

const CycleSummaryJson = z.object({
  id: z.uuid(),
  academicYear: z.string(),
  stage: ReviewStage,
  reviewer: z.object({ userId: z.uuid(), name: z.string() }),
  outcome: z.string().nullable(),
  staffSignedAt: z.string().nullable(),
  reviewerSignedAt: z.string().nullable(),
});

const DutyJson = z.object({ code: z.string(), text: z.string() });

export const CyclesJson = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  currentAcademicYear: z.string(),
  canStart: z.boolean(),
  cycles: z.array(CycleSummaryJson),
  /** Duties a signed-off review is evidence for. */
  reviewDuties: z.array(DutyJson),
});

export const CycleJson = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  cycle: CycleSummaryJson,
  objectives: z.array(z.object({ id: z.uuid(), title: z.string(), description: z.string(), itemCodes: z.array(z.string()) })),
  comments: z.array(
    z.object({
      id: z.uuid(),
      stage: CommentStage,
      side: ReviewSide,
      objectiveId: z.uuid().nullable(),
      body: z.string(),
      writtenBy: z.object({ userId: z.uuid(), name: z.string() }),
      writtenAt: z.string(),
    }),
  ),
  you: z.object({
    side: ReviewSide.nullable(),
    canAddObjective: z.boolean(),
    canAdvance: z.boolean(),
    canComment: z.boolean(),
    canRecordOutcome: z.boolean(),
    canSign: z.boolean(),
  }),
  reviewDuties: z.array(DutyJson),
});

export const CreatedJson = z.object({ id: z.uuid() });
export const StageJson = z.object({ stage: ReviewStage });
