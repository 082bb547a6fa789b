import { z } from 'zod';
import { EnteredDate } from '../dates.ts';

/** Mandatory-training inputs, shared by the web forms and the API. */

const isoDate = z.string({ error: 'Enter a date' }).trim().pipe(EnteredDate);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Use ${max} characters or fewer`)
    .optional()
    .transform((s) => (s ? s : null));

/** A completion: which kind, when, who provided it; the expiry is computed from the kind unless given. */
export const TrainingRecordInput = z.strictObject({
  kindId: z.uuid({ error: 'Choose the training' }),
  completedOn: isoDate,
  expiresOn: z
    .union([isoDate, z.literal('').transform(() => undefined)])
    .optional()
    .nullable(),
  provider: optionalText(200),
});
export type TrainingRecordInput = z.infer<typeof TrainingRecordInput>;

/** Months as typed in a form ('' = never expires) or sent as JSON (null = never expires). */
const validityMonths = z.union([
  z.literal('').transform(() => null),
  z.null(),
  z.coerce
    .number({ error: 'Enter a whole number of months' })
    .int('Enter a whole number of months')
    .min(1, 'Enter at least 1 month')
    .max(240, 'Enter 240 months or fewer'),
]);

export const TrainingAppliesTo = z.enum(['everyone', 'as-needed'], { error: 'Say who needs this training' });

/** A change to one of the trust's kinds. */
export const TrainingKindChange = z.strictObject({
  validityMonths,
  appliesTo: TrainingAppliesTo.optional(),
  title: z.string().trim().min(1, 'Enter a title').max(200, 'Use 200 characters or fewer').optional(),
});
export type TrainingKindChange = z.infer<typeof TrainingKindChange>;

/** A trust's own kind, next to the defaults. */
export const NewTrainingKind = z.strictObject({
  title: z.string({ error: 'Enter a title' }).trim().min(1, 'Enter a title').max(200, 'Use 200 characters or fewer'),
  validityMonths,
  appliesTo: TrainingAppliesTo.default('everyone'),
});
export type NewTrainingKind = z.infer<typeof NewTrainingKind>;

/** The school view's filter: warning window and, optionally, one kind. */
export const TrainingViewQuery = z.object({
  window: z
    .enum(['30', '60', '90'])
    .default('30')
    .transform((w) => Number(w)),
  kind: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type TrainingViewQuery = z.infer<typeof TrainingViewQuery>;
