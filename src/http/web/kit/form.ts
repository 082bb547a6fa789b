import { z } from 'zod';
import type { AppError } from '../../../contracts/errors.ts';
import { fieldErrorsOfAppError, isFormRefusal, type WhereOptions } from './app-error-fields.ts';
import { dateInputOf, datePartsOf, isoOfParts, missingPartsOf } from './date-input.ts';
import { type FieldIds, type FormErrors, formErrorsOf } from './form-errors.ts';

/** The fields of a posted form by name (a urlencoded field is a string, a repeated one an array); anything else reads as none. */
export type Posted = Record<string, unknown>;

export const postedOf = (body: unknown): Posted => {
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  return parsed.success ? parsed.data : {};
};

/** A posted field as text: '' when absent or not a single string (to fill a field in again). */
export const postedText = (posted: Posted, name: string): string => {
  const value = posted[name];
  return typeof value === 'string' ? value : '';
};

/**
 * The result of reading a form: the schema's values, or the errors to show with what was posted
 * (`posted`, to fill the fields in again so nothing typed is lost).
 */
export type FormResult<T> = { ok: true; values: T; posted: Posted } | { ok: false; errors: FormErrors; posted: Posted };

type ObjectSchema = z.ZodObject<z.ZodRawShape>;

export type FormOptions = {
  /** Element ids that differ from the field name (`{ body: 'evidence-body' }`). */
  ids?: Record<string, string>;
  /** The field a use-case refusal without a field of this form is shown beside (default: the form's first field). */
  fallback?: string;
};

/** A form: its zod schema (messages in plain English, written in the schema) and how its fields are found on the page. */
export type Form<S extends ObjectSchema> = {
  schema: S;
  /** Reads a posted body: GOV.UK date inputs joined, then the schema. */
  parse(body: unknown): FormResult<z.output<S>>;
  /** A use-case's refusal as this form's field errors (`details.where` → field). */
  errorsOf(error: AppError, options?: Pick<WhereOptions, 'fieldOf' | 'withMessage'>): FormErrors;
  /** Whether an error is one this form shows (validation or conflict) rather than an error page. */
  refuses(error: unknown): error is AppError;
};

/** Defines a form from an object schema. Date inputs are the fields made with `dateInput()`. */
export const defineForm = <S extends ObjectSchema>(schema: S, options: FormOptions = {}): Form<S> => {
  const names = Object.keys(schema.shape);
  const dateNames = new Map(
    names.flatMap((name) => {
      const meta = dateInputOf(schema.shape[name] as z.ZodType);
      return meta ? [[name, meta.name] as const] : [];
    }),
  );
  const ids: FieldIds = { ids: options.ids ?? {}, dates: new Set(dateNames.keys()) };
  const fallback = options.fallback ?? names[0] ?? 'form';

  const parse = (body: unknown): FormResult<z.output<S>> => {
    const posted = postedOf(body);
    const input: Posted = { ...posted };
    const partial: { field: string; text: string }[] = [];
    for (const [name, label] of dateNames) {
      const parts = datePartsOf(posted, name);
      const missing = missingPartsOf(parts, label);
      if (missing) partial.push({ field: name, text: missing });
      input[name] = isoOfParts(parts);
    }
    const parsed = schema.safeParse(input);
    if (parsed.success && partial.length === 0) return { ok: true, values: parsed.data, posted };
    const issues = parsed.success ? [] : parsed.error.issues;
    // In the order of the form's fields, so the summary reads top to bottom as the page does.
    const problems = [...partial, ...issues.map((i) => ({ field: String(i.path[0] ?? fallback), text: i.message }))].sort(
      (a, b) => orderOf(names, a.field) - orderOf(names, b.field),
    );
    return { ok: false, errors: formErrorsOf(problems, ids), posted };
  };

  return {
    schema,
    parse,
    errorsOf: (error, more = {}) => fieldErrorsOfAppError(error, { ...ids, fallback, fields: names, ...more }),
    refuses: isFormRefusal,
  };
};

const orderOf = (names: readonly string[], field: string) => {
  const index = names.indexOf(field);
  return index === -1 ? names.length : index;
};

/** One-off reading of a body with a schema (see `defineForm` for a form used by several handlers). */
export const parseForm = <S extends ObjectSchema>(schema: S, body: unknown, options: FormOptions = {}): FormResult<z.output<S>> =>
  defineForm(schema, options).parse(body);

/**
 * The post of a form page in one step: read the body; if it reads, `save` (the page's one command);
 * a refusal the form shows (validation, conflict) or a body that does not read goes to `again` with its
 * errors (what was typed is in `posted`), anything else to the error pages; then `done` (a redirect).
 */
export const submitForm = async <S extends ObjectSchema, T>(
  form: Form<S>,
  body: unknown,
  steps: {
    save: (values: z.output<S>) => Promise<T>;
    again: (errors: FormErrors, posted: Posted) => unknown;
    done: (saved: T) => unknown;
    errorOptions?: Pick<WhereOptions, 'fieldOf' | 'withMessage'>;
  },
): Promise<unknown> => {
  const read = form.parse(body);
  if (!read.ok) return steps.again(read.errors, read.posted);
  let saved: T;
  try {
    saved = await steps.save(read.values);
  } catch (error) {
    if (form.refuses(error)) return steps.again(form.errorsOf(error, steps.errorOptions), read.posted);
    throw error;
  }
  return steps.done(saved);
};
