import { type AppError, isAppError } from '../../../contracts/errors.ts';
import { type FieldIds, type FormErrors, formErrorsOf } from './form-errors.ts';

/** How a use-case's `details.where` names a form field. */
export type WhereOptions = FieldIds & {
  /** The field that carries a refusal whose `where` names no field of the form (or that has no details). */
  fallback: string;
  /** The form's field names; a `where` outside them goes to `fallback`. All names are accepted when absent. */
  fields?: readonly string[];
  /** A `where` the default reading does not understand (`$.duties.TA1.2` → `duty-TA1-2`). */
  fieldOf?: (where: string) => string | undefined;
  /** Show the refusal's message beside the field rather than each detail's reason (for use-cases whose reasons are terse notes). */
  withMessage?: boolean;
};

/** `$.email`, `email`, `claims[0]`, `occurredOn.day` → `email`, `claims`, `occurredOn`. */
export const fieldOfWhere = (where: string): string => where.replace(/^\$\.?/, '').split(/[.[]/)[0] ?? '';

/**
 * A use-case's refusal (AppError) as field errors: each detail beside the field its `where` names,
 * with its reason; a refusal without details shows its message on the fallback field.
 */
export const fieldErrorsOfAppError = (error: AppError, options: WhereOptions): FormErrors => {
  const known = (field: string | undefined) =>
    field !== undefined && field !== '' && (!options.fields || options.fields.includes(field)) ? field : options.fallback;
  const problems =
    error.details.length > 0
      ? error.details.map((d) => ({
          field: known(options.fieldOf?.(d.where) ?? fieldOfWhere(d.where)),
          text: options.withMessage ? error.message : d.reason,
        }))
      : [{ field: options.fallback, text: error.message }];
  return formErrorsOf(problems, options);
};

/** A refusal shown on the form rather than as an error page: invalid input, or a change the record's state refuses. */
export const isFormRefusal = (error: unknown): error is AppError =>
  isAppError(error) && (error.code === 'validation' || error.code === 'conflict');
