import { z } from 'zod';
import { EnteredDate, enteredDate } from '../dates.ts';

/** The off-the-job log's inputs, shared by the API, the pages and the OpenAPI document. Time in hours, to the quarter hour. */

export const OTJ_DESCRIPTION_MAX = 2000;
export const OTJ_FEEDBACK_MAX = 2000;
export const OTJ_KSBS_MAX = 40;
export const OTJ_EVIDENCE_MAX = 10;
/** One day's training at most. */
export const OTJ_HOURS_MAX = 24;

/** Hours as a number of quarter hours above nought: 1.25, 7.5. */
export const OffTheJobHours = z
  .number({ error: 'Enter the hours as a number, like 1.5' })
  .positive('Enter the hours, more than 0')
  .max(OTJ_HOURS_MAX, `Enter ${OTJ_HOURS_MAX} hours or fewer: log each day’s training as its own entry`)
  .refine((h) => Number.isInteger(h * 4), 'Enter the hours to the nearest quarter hour, like 1.25 or 1.5');

const Id = z.uuid({ error: 'Choose from the list' });

export const OffTheJobEntryInput = z.strictObject({
  date: enteredDate('Enter the date of the training as a real date'),
  hours: OffTheJobHours,
  /** One of the activity kinds kept as data (src/framework/rules/off-the-job-activities.yaml); checked by the use-case. */
  activity: z.string({ error: 'Choose the kind of training' }).trim().min(1, 'Choose the kind of training').max(100),
  description: z
    .string({ error: 'Describe what you did and learnt' })
    .trim()
    .min(1, 'Describe what you did and learnt')
    .max(OTJ_DESCRIPTION_MAX, `The description must be ${OTJ_DESCRIPTION_MAX} characters or fewer`),
  /** KSBs of the enrolment's scope, by their catalogue codes; checked by the use-case. */
  ksbCodes: z
    .array(z.string().trim().min(1).max(100))
    .max(OTJ_KSBS_MAX, `Choose ${OTJ_KSBS_MAX} KSBs or fewer`)
    .refine((c) => new Set(c).size === c.length, 'Choose each KSB once')
    .default([]),
  /** The apprentice's own evidence items; checked by the use-case. */
  evidenceIds: z
    .array(Id)
    .max(OTJ_EVIDENCE_MAX, `Link ${OTJ_EVIDENCE_MAX} pieces of evidence or fewer`)
    .refine((c) => new Set(c).size === c.length, 'Link each piece of evidence once')
    .default([]),
});
export type OffTheJobEntryInput = z.infer<typeof OffTheJobEntryInput>;

export const OffTheJobDecisionInput = z
  .strictObject({
    decision: z.enum(['approve', 'return'], { error: 'Choose whether to approve the hours or return the entry' }),
    feedback: z
      .string()
      .trim()
      .max(OTJ_FEEDBACK_MAX, `Feedback must be ${OTJ_FEEDBACK_MAX} characters or fewer`)
      .optional()
      .transform((v) => (v ? v : undefined)),
  })
  .superRefine((d, ctx) => {
    if (d.decision === 'return' && !d.feedback)
      ctx.addIssue({ code: 'custom', path: ['feedback'], message: 'Say why the entry is returned, so the apprentice can put it right' });
  });
export type OffTheJobDecisionInput = z.infer<typeof OffTheJobDecisionInput>;

/** Time spent on a piece of evidence as off-the-job training; null takes the mark off. */
export const EvidenceTimeInput = z.strictObject({ evidenceId: Id, hours: OffTheJobHours.nullable() });
export type EvidenceTimeInput = z.infer<typeof EvidenceTimeInput>;

/** The apprenticeship's off-the-job status as the API answers it. */
export const OffTheJobSummary = z.object({
  enrolmentId: z.uuid(),
  rule: z.string().nullable(),
  minimumHours: z.number().nullable(),
  reasons: z.array(z.string()),
  approvedHours: z.number(),
  awaitingHours: z.number(),
  plannedHoursToday: z.number().nullable(),
  atRisk: z.boolean(),
  status: z.string(),
  practicalPeriodEnd: EnteredDate.nullable(),
  otjActHours: z.number().int(),
});
export type OffTheJobSummary = z.infer<typeof OffTheJobSummary>;
