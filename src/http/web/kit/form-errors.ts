/** One problem with a form: the field it belongs to, the element the error summary links to, and the message. */
export type FieldError = { field: string; href: string; text: string };

/**
 * What a page with a form shows after a refused post, spread into the view's data: `errorList` for
 * `govukErrorSummary` (in the form's order, each linking to its field) and `fieldErrors` for each
 * component's `errorMessage` (the first message of each field).
 */
export type FormErrors = { errorList: FieldError[]; fieldErrors: Record<string, string> };

export const noErrors = (): FormErrors => ({ errorList: [], fieldErrors: {} });

/** How a form's fields are found on the page: element ids other than the field name, and which fields are date inputs. */
export type FieldIds = { ids?: Readonly<Record<string, string>>; dates?: ReadonlySet<string> };

/** The element the summary links to: the field's own id, or the day part of a date input. */
export const hrefOf = (field: string, ids: FieldIds = {}): string =>
  `#${ids.ids?.[field] ?? (ids.dates?.has(field) ? `${field}-day` : field)}`;

/** Errors as a page shows them, one summary line and one message per field (the first given for it). */
export const formErrorsOf = (problems: readonly { field: string; text: string }[], ids: FieldIds = {}): FormErrors => {
  const errorList: FieldError[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const { field, text } of problems) {
    if (field in fieldErrors) continue;
    fieldErrors[field] = text;
    errorList.push({ field, href: hrefOf(field, ids), text });
  }
  return { errorList, fieldErrors };
};

export const hasErrors = (errors: FormErrors): boolean => errors.errorList.length > 0;
