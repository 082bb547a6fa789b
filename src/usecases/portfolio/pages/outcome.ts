import { type AppError, isAppError } from '../../../contracts/errors.ts';

/**
 * What a form post's use-case answers: the change was made (with its result), or the use-case refused
 * the input or the record's state refused the change, and here is the page to show it on. A route
 * calls one such use-case per post and never composes a save with a page load itself.
 */
export type FormOutcome<Result, Page> = { saved: true; result: Result } | { saved: false; refusal: AppError; page: Page };

/** A refusal the person can put right on the form (bad input, or a change the record's state refuses). */
export const isRefusalShownOnForm = (error: unknown): error is AppError =>
  isAppError(error) && (error.code === 'validation' || error.code === 'conflict');

/**
 * Runs `save`; when it refuses in a way the person can put right, loads the page to show the refusal
 * on instead. The save's own transaction has rolled back by then, so the page shows the record as it
 * is. Anything else (not found, forbidden, a fault) propagates to the error page.
 */
export const savedOrPage = async <Result, Page>(
  save: () => Promise<Result>,
  page: () => Promise<Page>,
): Promise<FormOutcome<Result, Page>> => {
  try {
    return { saved: true, result: await save() };
  } catch (error) {
    if (!isRefusalShownOnForm(error)) throw error;
    return { saved: false, refusal: error, page: await page() };
  }
};
