import { beforeAll, describe, expect, it } from 'vitest';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { type OffTheJobPlan, offTheJobProgress, plannedOffTheJobHours } from './off-the-job-plan.ts';

let rules: ApprenticeshipRules;
beforeAll(async () => {
  rules = await readApprenticeshipRules();
});

// 365 planned days and 365 hours: one hour a day makes the line easy to read.
const plan = (breaks: OffTheJobPlan['breaks'] = []): OffTheJobPlan => ({
  startDate: '2025-09-01',
  plannedEndDate: '2026-08-31',
  minimumHours: 365,
  breaks,
});

describe('the planned off-the-job line', () => {
  it('spreads the minimum evenly over the planned days, from nothing before the start to all of it at the end', () => {
    expect(plannedOffTheJobHours(plan(), '2025-08-31').plannedHours).toBe(0);
    expect(plannedOffTheJobHours(plan(), '2025-09-01').plannedHours).toBe(1);
    expect(plannedOffTheJobHours(plan(), '2025-09-30').plannedHours).toBe(30);
    expect(plannedOffTheJobHours(plan(), '2026-08-31')).toEqual({ plannedHours: 365, paused: false, replannedEndDate: '2026-08-31' });
    expect(plannedOffTheJobHours(plan(), '2027-01-01').plannedHours).toBe(365);
  });

  it('stands still during a break in learning and moves the end on by the break', () => {
    const october = plan([{ from: '2025-10-01', to: '2025-10-31' }]);
    expect(plannedOffTheJobHours(october, '2025-10-15')).toMatchObject({ plannedHours: 30, paused: true });
    expect(plannedOffTheJobHours(october, '2025-10-31').plannedHours).toBe(30);
    expect(plannedOffTheJobHours(october, '2025-11-01')).toMatchObject({ plannedHours: 31, paused: false });
    expect(plannedOffTheJobHours(october, '2026-08-31').plannedHours).toBe(365 - 31);
    expect(plannedOffTheJobHours(october, '2026-10-01')).toEqual({ plannedHours: 365, paused: false, replannedEndDate: '2026-10-01' });
  });

  it('has no end date while a break is still going on, and the line stays where it stopped', () => {
    const ongoing = plan([{ from: '2026-01-01' }]);
    expect(plannedOffTheJobHours(ongoing, '2026-03-01')).toEqual({ plannedHours: 122, paused: true, replannedEndDate: null });
  });
});

describe('off-the-job progress against the plan', () => {
  it('is on track when the actual hours are on or ahead of the line', () => {
    expect(offTheJobProgress(rules.offTheJobAtRisk, plan(), 40, '2025-09-30')).toMatchObject({
      plannedHours: 30,
      shortfallHours: 0,
      atRisk: false,
      reason: 'on track: 40 hours against 30 planned',
    });
  });

  it('is behind but not at risk within the margin kept as data (a tenth of the planned hours and 6 hours)', () => {
    // 5 hours behind 30: more than a tenth but not more than 6 hours.
    expect(offTheJobProgress(rules.offTheJobAtRisk, plan(), 25, '2025-09-30')).toMatchObject({ shortfallHours: 5, atRisk: false });
    // 19 hours behind 200: more than 6 hours but not more than a tenth.
    expect(offTheJobProgress(rules.offTheJobAtRisk, plan(), 181, '2026-03-19')).toMatchObject({ plannedHours: 200, atRisk: false });
  });

  it('is at risk when behind by more than the margin', () => {
    const result = offTheJobProgress(rules.offTheJobAtRisk, plan(), 170, '2026-03-19');
    expect(result).toMatchObject({ plannedHours: 200, shortfallHours: 30, atRisk: true });
    expect(result.reason).toBe('at risk: 30 hours behind the 200 planned, more than 10% of it and more than 6 hours');
  });

  it('takes the margin from the data, not the code', () => {
    const strict = { ...rules.offTheJobAtRisk, shortfallShare: 0, minimumShortfallHours: 0 };
    expect(offTheJobProgress(strict, plan(), 29, '2025-09-30').atRisk).toBe(true);
  });

  it('does not fall behind during a break in learning', () => {
    const december = plan([{ from: '2025-12-01', to: '2026-02-28' }]);
    // 91 hours planned by the end of November; logged 91: still on track at the end of the break.
    expect(offTheJobProgress(rules.offTheJobAtRisk, december, 91, '2026-02-28')).toMatchObject({ plannedHours: 91, atRisk: false });
    expect(offTheJobProgress(rules.offTheJobAtRisk, plan(), 91, '2026-02-28')).toMatchObject({ plannedHours: 181, atRisk: true });
  });
});
