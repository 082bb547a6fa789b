import { addDays, addMonths, dayNumber } from '../../domain/apprenticeships/calendar.ts';

/**
 * The demo apprenticeships' dates, chosen from "today" (the demo's clock) so that the demo stays
 * lived-in whenever it is created, within what the funding rules fix by date: the off-the-job
 * minimum of a start from 1 August 2025 needs each standard's fixed figure, which the data does not
 * hold, so the two apprentices whose progress against the plan the demo shows started before then
 * (the 6-hours-a-week rule), and one apprentice (Chloe) started after it and shows the honest
 * "minimum unknown" state. Pure.
 */

/** The last start date of the 6-hours-a-week rule (otj-2022-08 in the funding rules file). */
export const LAST_WEEKLY_RULE_START = '2025-07-31';
/** The first start date of the fixed-minimum rule (otj-2025-08). */
export const FIRST_FIXED_MINIMUM_START = '2025-08-01';

/** The earlier of two ISO dates. */
export const earlier = (a: string, b: string): string => (a < b ? a : b);
/** The later of two ISO dates. */
export const later = (a: string, b: string): string => (a > b ? a : b);

/** The first Monday on or after a date. */
export const mondayOnOrAfter = (date: string): string => {
  // 1970-01-01 (day 0) was a Thursday: Monday is (day + 3) % 7 === 0.
  const weekday = (dayNumber(date) + 3) % 7;
  return addDays(date, (7 - weekday) % 7);
};

/** The day before the same date that many months on (how a typical duration sets the planned end). */
const monthsOn = (start: string, months: number) => addDays(addMonths(start, months), -1);

export type DemoPeriod = { start: string; plannedEnd: string };
export type DemoDates = {
  /** ST1414 SEND from 1 September 2025 or a later September: the fixed minimum is not held. */
  chloe: DemoPeriod;
  /** ST1414 social and emotional well-being, on the weekly rule. */
  fatima: DemoPeriod;
  /** The Associate Teacher apprenticeship, on the weekly rule. */
  daniel: DemoPeriod;
  /** FR04171 from July 2020, back from a long break in learning (maternity leave) about four months ago. */
  amy: DemoPeriod & { breakFrom: string; breakTo: string; returnedOn: string };
};

/**
 * The demo's enrolment dates for a day. The weekly-rule starts are about 17 and 18 months back but
 * never after 31 July 2025; their planned ends are the typical 24 months on, or at least six months
 * after today so the practical period has not run out. Chloe starts on the 1 September 12 to 24
 * months back, never before 1 September 2025.
 */
export const demoDates = (today: string): DemoDates => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const september = `${month >= 9 ? year - 1 : year - 2}-09-01`;
  const chloeStart = later('2025-09-01', september);
  const weekly = (monthsBack: number, cap: string): DemoPeriod => {
    const start = earlier(cap, mondayOnOrAfter(addMonths(today, -monthsBack)));
    return { start, plannedEnd: later(monthsOn(start, 24), addMonths(today, 6)) };
  };
  const returnedOn = mondayOnOrAfter(addDays(today, -120));
  return {
    chloe: { start: chloeStart, plannedEnd: monthsOn(chloeStart, 24) },
    fatima: weekly(17, '2025-07-07'),
    daniel: weekly(18, '2025-06-02'),
    amy: { start: '2020-07-06', plannedEnd: '2022-01-31', breakFrom: '2021-03-01', breakTo: addDays(returnedOn, -1), returnedOn },
  };
};

/** Whether a date falls in a school holiday the demo keeps free of training: August, Christmas and the first half of April. */
export const inSchoolHoliday = (date: string): boolean => {
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return month === 8 || (month === 12 && day >= 20) || (month === 1 && day <= 3) || (month === 4 && day <= 14);
};

/** The school day (a weekday outside the school holidays) on or before a date. */
export const schoolDayOnOrBefore = (date: string): string => {
  let day = date;
  while (inSchoolHoliday(day) || (dayNumber(day) + 3) % 7 >= 5) day = addDays(day, -1);
  return day;
};

/** Every `stepDays`-th day from `first` up to `last` (both included), outside the school holidays. */
export const termDays = (first: string, last: string, stepDays: number): string[] => {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, stepDays)) if (!inSchoolHoliday(d)) days.push(d);
  return days;
};
