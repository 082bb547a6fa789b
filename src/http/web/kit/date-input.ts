import { z } from 'zod';
import { enteredDate } from '../../../contracts/dates.ts';

/**
 * GOV.UK date inputs post a date as three fields, `<name>-day`, `<name>-month` and `<name>-year`. A
 * form schema marks such a field with `dateInput()`; the form toolkit joins the parts into one ISO
 * `YYYY-MM-DD` value before the schema reads it, so the date rules stay those of src/contracts/dates.ts.
 */

type DateInputMeta = { name: string };

/** The schemas made by `dateInput()`, and how their error messages name the date. */
const dateInputs = z.registry<DateInputMeta>();

/**
 * A GOV.UK date input field. `name` names the date in the "must include a month" message
 * ("The date of the activity"); the schema defaults to an entered date with the usual messages.
 */
export const dateInput = <S extends z.ZodType>(schema?: S, meta: Partial<DateInputMeta> = {}): S => {
  const field = (schema ?? enteredDate()) as S;
  dateInputs.add(field, { name: meta.name ?? 'The date' });
  return field;
};

/** The date-input meta of a field schema, looking through `.optional()`, `.default()` and `.nullable()`. */
export const dateInputOf = (schema: z.ZodType): DateInputMeta | undefined => {
  let current: unknown = schema;
  for (let depth = 0; depth < 5 && current; depth++) {
    const meta = dateInputs.get(current as z.ZodType);
    if (meta) return meta;
    current = (current as { _zod?: { def?: { innerType?: unknown } } })._zod?.def?.innerType;
  }
  return undefined;
};

export type DateParts = { day: string; month: string; year: string };

const part = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** The three posted parts of the date input `name`. */
export const datePartsOf = (body: Record<string, unknown>, name: string): DateParts => ({
  day: part(body[`${name}-day`]),
  month: part(body[`${name}-month`]),
  year: part(body[`${name}-year`]),
});

/**
 * The parts as the schema reads them: nothing when all are empty (so `.optional()` works), an ISO date
 * when all are numbers (the schema then says whether it is real: 31 February is not), and otherwise
 * text that no date schema accepts. A part left out is reported by `missingPartsOf`.
 */
export const isoOfParts = ({ day, month, year }: DateParts): string | undefined => {
  if (!day && !month && !year) return undefined;
  if (![day, month, year].every((p) => /^\d{1,4}$/.test(p))) return `${year}-${month}-${day}`;
  return `${year.padStart(4, '0')}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
};

/** "The date must include a month" (GOV.UK wording) when some parts are given and others are not. */
export const missingPartsOf = (parts: DateParts, name: string): string | undefined => {
  const missing = (['day', 'month', 'year'] as const).filter((p) => !parts[p]);
  if (missing.length === 0 || missing.length === 3) return undefined;
  return `${name} must include a ${missing.join(' and a ')}`;
};

/** The posted fields that redisplay a stored ISO date in a date input (`{ 'x-day': '3', … }`). */
export const dateFieldsOf = (name: string, iso: string | null | undefined): Record<string, string> => {
  const [year = '', month = '', day = ''] = (iso ?? '').split('-');
  const trim = (p: string) => (p ? String(Number(p)) : '');
  return { [`${name}-day`]: trim(day), [`${name}-month`]: trim(month), [`${name}-year`]: year };
};
