import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { addActiveDays, type BreakInLearning, breakOn, dayNumber } from './calendar.ts';

/**
 * When the next tripartite progress review is due: at most the interval (data) after the last one,
 * or after the start when there has been none, with breaks in learning pausing the clock.
 */

export type ReviewScheduleInput = {
  startDate: string;
  /** The date of the last review held, if any. */
  lastReviewDate?: string;
  breaks: readonly BreakInLearning[];
  /** Today's date (ISO), passed in: the domain reads no clock. */
  today: string;
};

export type ReviewSchedule = {
  intervalWeeks: number;
  /** The last day the next review is due by; null while a break in learning is going on. */
  dueDate: string | null;
  overdue: boolean;
  /** Calendar days past the due date (0 when not overdue). */
  daysOverdue: number;
  /** Whether today falls in a break in learning. */
  paused: boolean;
  reason: string;
};

/** The next review's due date and whether it is overdue today. */
export const reviewSchedule = (rule: ApprenticeshipRules['progressReviews'], input: ReviewScheduleInput): ReviewSchedule => {
  const from = input.lastReviewDate ?? input.startDate;
  const intervalWeeks = rule.maxIntervalWeeks;
  const dueDate = addActiveDays(from, intervalWeeks * 7, input.breaks);
  const paused = breakOn(input.today, input.breaks) !== undefined;
  const daysOverdue = dueDate === null ? 0 : Math.max(0, dayNumber(input.today) - dayNumber(dueDate));
  const since = input.lastReviewDate ? `the last review on ${from}` : `the start on ${from}`;
  const reason =
    dueDate === null
      ? `paused: a break in learning is going on; the next review falls due ${intervalWeeks} weeks of learning after ${since}`
      : daysOverdue > 0
        ? `overdue by ${daysOverdue} day(s): due by ${dueDate}, at most ${intervalWeeks} weeks of learning after ${since}`
        : `due by ${dueDate}, at most ${intervalWeeks} weeks of learning after ${since}`;
  return { intervalWeeks, dueDate, overdue: daysOverdue > 0, daysOverdue, paused, reason };
};
