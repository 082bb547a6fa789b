/**
 * UK school years (1 September – 31 August), named like `2026/27`. Dates are calendar dates: a
 * `YYYY-MM-DD` string is read as written, and a `Date` by its UTC calendar day, so no time zone
 * can move a date into the neighbouring year.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const YEAR_NAME = /^(\d{4})\/(\d{2})$/;

const calendarDateOf = (date: Date | string): { year: number; month: number } => {
  if (typeof date === 'string') {
    const match = ISO_DATE.exec(date);
    if (!match) throw new RangeError(`Not an ISO date: ${date}`);
    return { year: Number(match[1]), month: Number(match[2]) };
  }
  if (Number.isNaN(date.getTime())) throw new RangeError('Not a valid date');
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1 };
};

const nameOf = (startYear: number): string => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

/** The academic year a calendar date falls in: 1 September 2026 – 31 August 2027 is `2026/27`. */
export const academicYearOf = (date: Date | string): string => {
  const { year, month } = calendarDateOf(date);
  return nameOf(month >= 9 ? year : year - 1);
};

/** The first and last calendar dates (ISO) of an academic year named like `2026/27`. */
export const academicYearBounds = (year: string): { start: string; end: string } => {
  const match = YEAR_NAME.exec(year);
  const startYear = Number(match?.[1]);
  if (!match || nameOf(startYear) !== year) throw new RangeError(`Not an academic year: ${year}`);
  return { start: `${startYear}-09-01`, end: `${startYear + 1}-08-31` };
};

/** The academic year after the given one (`2026/27` → `2027/28`). */
export const nextAcademicYear = (year: string): string => {
  const { start } = academicYearBounds(year);
  return nameOf(Number(start.slice(0, 4)) + 1);
};

/** Total minutes per academic year, newest year first; years with no activity are left out. */
export const minutesByAcademicYear = (
  activities: readonly { occurredOn: string; minutes: number }[],
): { year: string; minutes: number }[] => {
  const totals = new Map<string, number>();
  for (const activity of activities) {
    const year = academicYearOf(activity.occurredOn);
    totals.set(year, (totals.get(year) ?? 0) + activity.minutes);
  }
  return [...totals].map(([year, minutes]) => ({ year, minutes })).sort((a, b) => (a.year < b.year ? 1 : a.year > b.year ? -1 : 0));
};
