import { addMonths } from './calendar.ts';
import type { CountedTime } from './off-the-job-log.ts';
import { type OffTheJobPlan, plannedOffTheJobHours } from './off-the-job-plan.ts';

/**
 * The planned line and the actual (counted) hours over time, sampled once a month from the start to
 * the end of the practical period (moved on by breaks in learning), for the chart and the table
 * beside it. Actual hours are given up to today only.
 */

export type SeriesPoint = { date: string; plannedHours: number; actualHours: number | null; paused: boolean };

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export const offTheJobSeries = (plan: OffTheJobPlan, counted: readonly CountedTime[], today: string): SeriesPoint[] => {
  const end =
    plannedOffTheJobHours(plan, plan.plannedEndDate).replannedEndDate ?? (today > plan.plannedEndDate ? today : plan.plannedEndDate);
  const dates: string[] = [];
  for (let i = 0; ; i++) {
    const date = addMonths(plan.startDate, i);
    if (date > end) break;
    dates.push(date);
  }
  if (!dates.includes(end)) dates.push(end);
  if (today > plan.startDate && today < end && !dates.includes(today)) dates.push(today);
  dates.sort();
  const actualBy = (date: string) => oneDecimal(counted.filter((c) => c.date <= date).reduce((sum, c) => sum + c.minutes, 0) / 60);
  return dates.map((date) => {
    const planned = plannedOffTheJobHours(plan, date);
    return { date, plannedHours: planned.plannedHours, actualHours: date <= today ? actualBy(date) : null, paused: planned.paused };
  });
};
