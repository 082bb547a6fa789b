import { z } from 'zod';

/**
 * The one contract for a calendar date that someone enters (API bodies and web forms alike): an ISO
 * `YYYY-MM-DD` date that exists, no earlier than 1 January 1900 and no later than the end of the
 * year `DATE_YEARS_AHEAD` years after today. Nothing in a support-staff career is older, and a
 * later date is a typing slip (2206 for 2026). Whether a date may be in the future at all (a done
 * activity, a completion) is the use-case's rule, checked against its clock.
 */

/** The earliest date accepted. */
export const EARLIEST_DATE = '1900-01-01';
/** How many years ahead a date may be: enough for the longest training validity (240 months). */
export const DATE_YEARS_AHEAD = 20;

export const dateMessages = {
  real: 'Enter a real date',
  tooEarly: 'Enter a date after 1 January 1900',
  tooLate: `Enter a date no more than ${DATE_YEARS_AHEAD} years from now`,
} as const;

/** The latest date accepted when today is `today` (an ISO date). Pure. */
export const latestDateFor = (today: string): string => `${String(Number(today.slice(0, 4)) + DATE_YEARS_AHEAD).padStart(4, '0')}-12-31`;

/** Whether `value` is an ISO date that exists (2026-02-29 does not). */
export const isRealIsoDate = (value: string): boolean => z.iso.date().safeParse(value).success;

/** Why `value` is not an acceptable entered date when today is `today`, or null when it is. Pure. */
export const dateProblemOf = (value: string, today: string): string | null => {
  if (!isRealIsoDate(value)) return dateMessages.real;
  if (value < EARLIEST_DATE) return dateMessages.tooEarly;
  if (value > latestDateFor(today)) return dateMessages.tooLate;
  return null;
};

// The upper bound moves with the calendar, so it is read when a request is parsed (at the edge),
// from the machine's clock in UTC; a day either way at midnight does not matter twenty years out.
const todayWhenParsed = (): string => new Date().toISOString().slice(0, 10);

/** An entered calendar date (see above); `real` overrides the message for a malformed or unreal date. */
export const enteredDate = (real: string = dateMessages.real) =>
  z.iso
    .date({ error: real })
    .refine((d) => d >= EARLIEST_DATE, { message: dateMessages.tooEarly, abort: true })
    .refine((d) => d <= latestDateFor(todayWhenParsed()), dateMessages.tooLate);

/** An entered calendar date with the usual messages. */
export const EnteredDate = enteredDate();

/** A date as stored and read back: any well-formed `YYYY-MM-DD`, since rows older than this contract may hold year 0001. */
export const StoredDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'an ISO date (YYYY-MM-DD)');
