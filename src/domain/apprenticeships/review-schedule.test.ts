import { beforeAll, describe, expect, it } from 'vitest';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { reviewSchedule } from './review-schedule.ts';

let rules: ApprenticeshipRules;
beforeAll(async () => {
  rules = await readApprenticeshipRules();
});

const start = '2025-09-01';

describe('progress review schedule', () => {
  it('keeps the interval as data: at most 12 weeks apart', () => {
    expect(rules.progressReviews.maxIntervalWeeks).toBe(12);
  });

  it('the first review is due 12 weeks after the start; on the due date it is not yet overdue, the day after it is', () => {
    expect(reviewSchedule(rules.progressReviews, { startDate: start, breaks: [], today: '2025-11-24' })).toMatchObject({
      dueDate: '2025-11-24',
      overdue: false,
      daysOverdue: 0,
    });
    const late = reviewSchedule(rules.progressReviews, { startDate: start, breaks: [], today: '2025-11-25' });
    expect(late).toMatchObject({ dueDate: '2025-11-24', overdue: true, daysOverdue: 1 });
    expect(late.reason).toBe('overdue by 1 day(s): due by 2025-11-24, at most 12 weeks of learning after the start on 2025-09-01');
  });

  it('counts from the last review held', () => {
    const result = reviewSchedule(rules.progressReviews, {
      startDate: start,
      lastReviewDate: '2026-01-10',
      breaks: [],
      today: '2026-02-01',
    });
    expect(result).toMatchObject({ dueDate: '2026-04-04', overdue: false });
  });

  it('pauses during a break in learning: the due date moves on by the break', () => {
    const breaks = [{ from: '2025-10-01', to: '2025-10-14' }];
    expect(reviewSchedule(rules.progressReviews, { startDate: start, breaks, today: '2025-12-01' })).toMatchObject({
      dueDate: '2025-12-08',
      overdue: false,
    });
  });

  it('a due date falling in a break moves to the first day back', () => {
    const breaks = [{ from: '2025-11-24', to: '2025-11-30' }];
    expect(reviewSchedule(rules.progressReviews, { startDate: start, breaks, today: '2025-11-28' })).toMatchObject({
      dueDate: '2025-12-01',
      overdue: false,
      paused: true,
    });
  });

  it('is never overdue while a break is going on, and has no due date until it ends', () => {
    const result = reviewSchedule(rules.progressReviews, { startDate: start, breaks: [{ from: '2025-11-01' }], today: '2026-06-01' });
    expect(result).toMatchObject({ dueDate: null, overdue: false, paused: true });
  });

  it('stays overdue when a break starts after the review was already missed', () => {
    const result = reviewSchedule(rules.progressReviews, { startDate: start, breaks: [{ from: '2025-12-10' }], today: '2025-12-20' });
    expect(result).toMatchObject({ dueDate: '2025-11-24', overdue: true, daysOverdue: 26, paused: true });
  });

  it('follows a different interval when the data says so', () => {
    const eightWeeks = { ...rules.progressReviews, maxIntervalWeeks: 8 };
    expect(reviewSchedule(eightWeeks, { startDate: start, breaks: [], today: start }).dueDate).toBe('2025-10-27');
  });
});
