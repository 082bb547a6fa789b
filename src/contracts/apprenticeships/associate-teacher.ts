import { z } from 'zod';

/** The Associate Teacher programme's inputs (a Foundation Degree module, a supervision link, the school setting), shared by the pages and the API. */

export const MODULE_CODE_MAX = 30;
export const MODULE_TITLE_MAX = 200;

const wholeNumber = (name: string) =>
  z.coerce
    .number({ error: `Enter the ${name} as a whole number` })
    .refine((n) => Number.isInteger(n), `Enter the ${name} as a whole number`);

/**
 * A Foundation Degree module as the training provider enters it. The mark is a whole-number
 * percentage, empty while the module is in progress (the rules file's levels and credits are
 * checked by the domain, which knows them).
 */
export const ModuleFieldsInput = z.strictObject({
  code: z
    .string({ error: 'Enter the module code' })
    .trim()
    .min(1, 'Enter the module code')
    .max(MODULE_CODE_MAX, `The module code must be ${MODULE_CODE_MAX} characters or fewer`),
  title: z
    .string({ error: 'Enter the module title' })
    .trim()
    .min(1, 'Enter the module title')
    .max(MODULE_TITLE_MAX, `The module title must be ${MODULE_TITLE_MAX} characters or fewer`),
  level: wholeNumber('level'),
  credits: wholeNumber('credits'),
  result: z.enum(['in_progress', 'passed', 'failed'], { error: 'Choose the module’s result' }),
  mark: z.preprocess(
    (v) => (v === '' || v === undefined || v === null ? null : typeof v === 'string' ? Number(v.trim()) : v),
    z
      .number({ error: 'Enter the mark as a whole number' })
      .int('Enter the mark as a whole number')
      .min(0, 'The mark is 0 or more')
      .max(100, 'The mark is 100 or less')
      .nullable(),
  ),
});
export type ModuleFieldsInput = z.infer<typeof ModuleFieldsInput>;

export const SupervisionLinkInput = z.strictObject({ superviseeId: z.uuid({ error: 'Choose the colleague to supervise' }) });

export const SupervisionSettingInput = z.strictObject({
  supervisorsDecide: z.enum(['yes', 'no'], { error: 'Choose whether supervisors may decide evidence' }).transform((v) => v === 'yes'),
});
