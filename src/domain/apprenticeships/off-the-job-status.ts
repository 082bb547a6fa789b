import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { addDays, addMonths, type BreakInLearning, dayNumber } from './calendar.ts';
import {
  countOffTheJobTime,
  hoursOf,
  type OffTheJobCount,
  type OffTheJobEntryFacts,
  type OffTheJobEvidenceTime,
} from './off-the-job-log.ts';
import { type OffTheJobMinimum, type OffTheJobRefusal, offTheJobMinimum } from './off-the-job-minimum.ts';
import { type OffTheJobPlan, type OffTheJobProgress, offTheJobProgress, plannedOffTheJobHours } from './off-the-job-plan.ts';
import { offTheJobSeries, type SeriesPoint } from './off-the-job-series.ts';

/**
 * Where an enrolment's off-the-job training stands: the rule version that applies and why, the
 * minimum, the planned line (paused by breaks in learning), the hours counted once, the "at risk"
 * flag, and the total at the end of the practical period (the ILR's OTJActHours). Pure.
 */

/**
 * The planned duration in months from the start to the last planned day: whole months, then the
 * rest as a share of the next month (1 September 2025 to 31 August 2026 is 12 months).
 */
export const plannedMonthsBetween = (startDate: string, lastDay: string): number => {
  const end = addDays(lastDay, 1);
  // Start one calendar month short of the end's month (a date before the end), not at 0: the count
  // is the same, without stepping month by month through a long programme (caseloads call this per row).
  const monthsApart =
    (Number(end.slice(0, 4)) - Number(startDate.slice(0, 4))) * 12 + Number(end.slice(5, 7)) - Number(startDate.slice(5, 7));
  let months = Math.max(0, monthsApart - 1);
  while (addMonths(startDate, months + 1) <= end) months++;
  const from = addMonths(startDate, months);
  const next = addMonths(startDate, months + 1);
  const rest = (dayNumber(end) - dayNumber(from)) / (dayNumber(next) - dayNumber(from));
  return Math.round((months + rest) * 100) / 100;
};

export type OffTheJobStatusInput = {
  startDate: string;
  plannedEndDate: string;
  contractedHoursPerWeek: number;
  priorLearningHours: number;
  /** The standard's fixed minimum: the enrolment's entered figure, else the catalogue's. */
  fixedMinimum: { hours: number; source: string } | null;
  breaks: readonly BreakInLearning[];
  entries: readonly OffTheJobEntryFacts[];
  evidence: readonly OffTheJobEvidenceTime[];
  today: string;
};

export type OffTheJobStatus = {
  minimum: OffTheJobMinimum | OffTheJobRefusal;
  count: OffTheJobCount;
  approvedHours: number;
  /** Against the planned line today; null when no minimum can be worked out. */
  progress: OffTheJobProgress | null;
  series: SeriesPoint[] | null;
  /** The last day of the practical period, moved on by breaks; null while a break is going on. */
  practicalPeriodEnd: string | null;
  /** Whether the practical period is over (today is after its last day). */
  ended: boolean;
  /** The hours counted up to the end of the practical period, in whole hours (ILR OTJActHours). */
  hoursAtEnd: number;
};

export const offTheJobStatus = (rules: ApprenticeshipRules, input: OffTheJobStatusInput): OffTheJobStatus => {
  const minimum = offTheJobMinimum(rules, {
    startDate: input.startDate,
    contractedHoursPerWeek: input.contractedHoursPerWeek,
    plannedMonths: plannedMonthsBetween(input.startDate, input.plannedEndDate),
    priorLearningHours: input.priorLearningHours,
    ...(input.fixedMinimum ? { fixedMinimumHours: input.fixedMinimum.hours, fixedMinimumSource: input.fixedMinimum.source } : {}),
  });
  const count = countOffTheJobTime(input.entries, input.evidence);
  const approvedHours = hoursOf(count.totalMinutes);
  const shape: OffTheJobPlan = {
    startDate: input.startDate,
    plannedEndDate: input.plannedEndDate,
    minimumHours: minimum.ok ? minimum.minimumHours : 0,
    breaks: input.breaks,
  };
  const practicalPeriodEnd = plannedOffTheJobHours(shape, input.plannedEndDate).replannedEndDate;
  const ended = practicalPeriodEnd !== null && input.today > practicalPeriodEnd;
  const upToEnd = practicalPeriodEnd === null ? count.counted : count.counted.filter((c) => c.date <= practicalPeriodEnd);
  return {
    minimum,
    count,
    approvedHours,
    progress: minimum.ok ? offTheJobProgress(rules.offTheJobAtRisk, shape, approvedHours, input.today) : null,
    series: minimum.ok ? offTheJobSeries(shape, count.counted, input.today) : null,
    practicalPeriodEnd,
    ended,
    hoursAtEnd: Math.round(upToEnd.reduce((sum, c) => sum + c.minutes, 0) / 60),
  };
};
