import { z } from 'zod';
import { enteredDate } from '../dates.ts';

/** Enrolments' inputs, shared by the API, the pages, the CLI and the OpenAPI document. */

export const ENROLMENT_SOURCE_MAX = 500;
export const ENROLMENT_REASON_MAX = 1000;
export const ENROLMENT_GRADE_MAX = 40;

export const EnrolmentStatusInput = z.enum(['on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed'], {
  error: 'Choose the new status',
});

const hours = (what: string, max: number) =>
  z
    .number({ error: `Enter ${what} as a number, like 32.5` })
    .min(0, `Enter ${what}, 0 or more`)
    .max(max, `Enter ${what} of ${max} or fewer`);

/** What the employer (or provider) writes on an enrolment; the programme and option are checked against the catalogue by the use-case. */
const EnrolmentFieldsShape = {
  providerId: z.uuid({ error: 'Choose the training provider' }),
  programme: z.string({ error: 'Choose the programme' }).trim().min(1, 'Choose the programme').max(100),
  optionCode: z
    .string()
    .trim()
    .max(100)
    .nullish()
    .transform((v) => (v ? v : null)),
  startDate: enteredDate('Enter the start date as a real date'),
  /** Left out: the start date plus the standard's typical duration (required where the data gives none). */
  plannedEndDate: enteredDate('Enter the planned end date as a real date').nullish(),
  contractedHoursPerWeek: hours('the contracted hours a week', 60).refine((h) => h > 0, 'Enter the contracted hours a week, more than 0'),
  ageAtStart: z
    .number({ error: 'Enter the age at the start as a whole number' })
    .int('Enter the age at the start as a whole number')
    .min(15, 'An apprentice is 15 or over at the start')
    .max(100, 'Enter an age of 100 or under'),
  priorLearningHours: hours('the hours of recognised prior learning', 2000).default(0),
  priorLearningItems: z
    .array(z.string().trim().min(1).max(100))
    .max(200)
    .refine((c) => new Set(c).size === c.length, 'Name each KSB once')
    .default([]),
  /** The standard's fixed off-the-job minimum where the catalogue lacks it: with its source, or not at all. */
  fixedMinimumHours: z
    .number({ error: 'Enter the fixed minimum as a number of hours' })
    .int('Enter whole hours')
    .positive()
    .max(5000)
    .nullish(),
  fixedMinimumSource: z
    .string()
    .trim()
    .max(ENROLMENT_SOURCE_MAX, `The source must be ${ENROLMENT_SOURCE_MAX} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null)),
};

const sourcedMinimum = <T extends { fixedMinimumHours?: number | null; fixedMinimumSource: string | null }>(v: T) =>
  (v.fixedMinimumHours ?? null) === null || v.fixedMinimumSource !== null;

export const EnrolmentFieldsInput = z.strictObject(EnrolmentFieldsShape).refine(sourcedMinimum, {
  path: ['fixedMinimumSource'],
  message: 'Say where the fixed minimum comes from (the funding rules page, say)',
});
export type EnrolmentFieldsInput = z.infer<typeof EnrolmentFieldsInput>;

export const EnrolInput = z
  .strictObject({ personId: z.uuid({ error: 'Choose the apprentice' }), ...EnrolmentFieldsShape })
  .refine(sourcedMinimum, {
    path: ['fixedMinimumSource'],
    message: 'Say where the fixed minimum comes from (the funding rules page, say)',
  });
export type EnrolInput = z.infer<typeof EnrolInput>;

export const StatusChangeInput = z.strictObject({
  status: EnrolmentStatusInput,
  effectiveFrom: enteredDate('Enter the date of the change as a real date'),
  effectiveTo: enteredDate('Enter the last day of the break as a real date').nullish(),
  grade: z
    .string()
    .trim()
    .max(ENROLMENT_GRADE_MAX, `The grade must be ${ENROLMENT_GRADE_MAX} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null)),
  reason: z
    .string()
    .trim()
    .max(ENROLMENT_REASON_MAX, `The reason must be ${ENROLMENT_REASON_MAX} characters or fewer`)
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type StatusChangeInput = z.infer<typeof StatusChangeInput>;

export const GatewayConfirmationInput = z.strictObject({
  party: z.enum(['employer', 'provider'], { error: 'Choose whose confirmation this is' }),
  confirmed: z.boolean().default(true),
});
export type GatewayConfirmationInput = z.infer<typeof GatewayConfirmationInput>;
