/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) for apprenticeship plans: days counted as whole
 * calendar days (UTC, so no time zone moves a date), breaks in learning as inclusive date ranges that
 * pause the clock. Pure: "today" is always passed in.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A break in learning: from its first day to its last (inclusive); no `to` while it is still going on. */
export type BreakInLearning = { from: string; to?: string };

/** The day number of an ISO date (days since 1970-01-01). */
export const dayNumber = (date: string): number => {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`Not an ISO date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
};

/** The ISO date of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number): string => dateOfDay(dayNumber(date) + days);

/** The date whole months later, kept within the month (31 January + 1 month = 28 or 29 February). */
export const addMonths = (date: string, months: number): string => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
};

/** Breaks as day ranges, in order; an ongoing break runs to `today` (the last day known). */
const breakDays = (breaks: readonly BreakInLearning[], today?: string): { from: number; to: number; ongoing: boolean }[] =>
  breaks
    .map((b) => {
      const to = b.to ?? today;
      return { from: dayNumber(b.from), to: to === undefined ? Number.POSITIVE_INFINITY : dayNumber(to), ongoing: b.to === undefined };
    })
    .filter((b) => b.to >= b.from)
    .sort((a, b) => a.from - b.from);

/**
 * Days of learning from `from` (counted) up to `to` (not counted), leaving out days in a break.
 * An ongoing break is taken to last from its start onwards.
 */
export const activeDaysBetween = (from: string, to: string, breaks: readonly BreakInLearning[]): number => {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (end <= start) return 0;
  let paused = 0;
  let cursor = start;
  for (const b of breakDays(breaks)) {
    const lo = Math.max(b.from, cursor);
    const hi = Math.min(b.to + 1, end);
    if (hi > lo) {
      paused += hi - lo;
      cursor = hi;
    }
  }
  return end - start - paused;
};

/**
 * The date reached after `days` days of learning from `from`, skipping breaks (a date that would fall
 * in a break moves to the first day back); null when an ongoing break is in the way (the date is
 * unknown until it ends).
 */
export const addActiveDays = (from: string, days: number, breaks: readonly BreakInLearning[]): string | null => {
  let cursor = dayNumber(from);
  let remaining = days;
  for (const b of breakDays(breaks)) {
    if (b.to < cursor) continue;
    if (b.from > cursor) {
      const gap = b.from - cursor;
      if (remaining < gap) return dateOfDay(cursor + remaining);
      remaining -= gap;
    }
    if (b.ongoing) return null;
    cursor = Math.max(cursor, b.to + 1);
  }
  return dateOfDay(cursor + remaining);
};

/** The break in learning a date falls in, if any. */
export const breakOn = (date: string, breaks: readonly BreakInLearning[]): BreakInLearning | undefined => {
  const day = dayNumber(date);
  return breaks.find((b) => dayNumber(b.from) <= day && (b.to === undefined || day <= dayNumber(b.to)));
};
