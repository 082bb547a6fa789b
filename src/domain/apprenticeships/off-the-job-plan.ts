import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { activeDaysBetween, addActiveDays, addDays, type BreakInLearning, breakOn, dayNumber } from './calendar.ts';

/**
 * The planned off-the-job line of an apprenticeship (the minimum spread evenly over the planned days
 * of learning, standing still during breaks in learning) and the "at risk" check of the actual hours
 * against it, with the margin kept as data.
 */

export type OffTheJobPlan = {
  startDate: string;
  /** The planned last day of the practical period, as planned before any break in learning. */
  plannedEndDate: string;
  /** The off-the-job minimum (offTheJobMinimum) to reach by the end. */
  minimumHours: number;
  breaks: readonly BreakInLearning[];
};

export type PlannedHours = {
  /** Cumulative hours the plan expects by the end of the day, to one decimal. */
  plannedHours: number;
  /** Whether the day falls in a break in learning (the line stands still). */
  paused: boolean;
  /** The end of the practical period moved on by the breaks; null while a break is still going on. */
  replannedEndDate: string | null;
};

const oneDecimal = (n: number) => Math.round(n * 10) / 10;

/** The days of learning the plan has, first and last day included. */
const plannedDays = (plan: OffTheJobPlan) => dayNumber(plan.plannedEndDate) - dayNumber(plan.startDate) + 1;

/** The hours the plan expects by the end of a day. */
export const plannedOffTheJobHours = (plan: OffTheJobPlan, at: string): PlannedHours => {
  const total = plannedDays(plan);
  const done = Math.min(total, activeDaysBetween(plan.startDate, addDays(at, 1), plan.breaks));
  return {
    plannedHours: total > 0 ? oneDecimal((plan.minimumHours * Math.max(0, done)) / total) : plan.minimumHours,
    paused: breakOn(at, plan.breaks) !== undefined,
    replannedEndDate: addActiveDays(plan.startDate, total - 1, plan.breaks),
  };
};

export type OffTheJobProgress = PlannedHours & {
  actualHours: number;
  /** Hours behind the planned line (0 when on or ahead of it). */
  shortfallHours: number;
  atRisk: boolean;
  reason: string;
};

/** The actual hours against the planned line on a day: at risk when behind by more than the margin (data). */
export const offTheJobProgress = (
  margin: ApprenticeshipRules['offTheJobAtRisk'],
  plan: OffTheJobPlan,
  actualHours: number,
  at: string,
): OffTheJobProgress => {
  const planned = plannedOffTheJobHours(plan, at);
  const shortfallHours = oneDecimal(Math.max(0, planned.plannedHours - actualHours));
  const shareLimit = margin.shortfallShare * planned.plannedHours;
  const atRisk = shortfallHours > shareLimit && shortfallHours > margin.minimumShortfallHours;
  const reason =
    shortfallHours === 0
      ? `on track: ${actualHours} hours against ${planned.plannedHours} planned`
      : atRisk
        ? `at risk: ${shortfallHours} hours behind the ${planned.plannedHours} planned, more than ${Math.round(margin.shortfallShare * 100)}% of it and more than ${margin.minimumShortfallHours} hours`
        : `${shortfallHours} hours behind the ${planned.plannedHours} planned, within the margin`;
  return { ...planned, actualHours, shortfallHours, atRisk, reason };
};
