import { beforeAll, describe, expect, it } from 'vitest';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { type OffTheJobStatusInput, offTheJobStatus, plannedMonthsBetween } from './off-the-job-status.ts';

let rules: ApprenticeshipRules;
beforeAll(async () => {
  rules = await readApprenticeshipRules();
});

const input = (over: Partial<OffTheJobStatusInput> = {}): OffTheJobStatusInput => ({
  startDate: '2024-09-01',
  plannedEndDate: '2025-08-31',
  contractedHoursPerWeek: 30,
  priorLearningHours: 0,
  fixedMinimum: null,
  breaks: [],
  entries: [],
  evidence: [],
  today: '2025-03-01',
  ...over,
});

describe('planned months', () => {
  it('counts whole months to the last planned day', () => {
    expect(plannedMonthsBetween('2025-09-01', '2026-08-31')).toBe(12);
    expect(plannedMonthsBetween('2025-09-01', '2027-08-31')).toBe(24);
    expect(plannedMonthsBetween('2025-09-01', '2026-04-30')).toBe(8);
    expect(plannedMonthsBetween('2025-09-01', '2025-09-15')).toBe(0.5);
  });
});

describe('an enrolment’s off-the-job status', () => {
  it('names the rule chosen by the start date and plans the minimum (278 hours for 12 months full time before August 2025)', () => {
    const status = offTheJobStatus(rules, input());
    expect(status.minimum).toMatchObject({ ok: true, rule: 'otj-2022-08', minimumHours: 278 });
    expect(status.progress?.atRisk).toBe(true);
    expect(status.series?.at(-1)).toMatchObject({ date: '2025-08-31', plannedHours: 278 });
  });

  it('uses the standard’s fixed minimum from August 2025, and refuses plainly when it is unknown', () => {
    const later = { startDate: '2025-09-01', plannedEndDate: '2027-08-31', today: '2025-10-01' };
    expect(offTheJobStatus(rules, input({ ...later, fixedMinimum: { hours: 400, source: 'funding rules' } })).minimum).toMatchObject({
      rule: 'otj-2025-08',
      minimumHours: 400,
    });
    const unknown = offTheJobStatus(rules, input(later));
    expect(unknown.minimum).toMatchObject({ ok: false, code: 'fixed_minimum_unknown' });
    expect(unknown.progress).toBeNull();
  });

  it('is on track with approved hours on the line, and a break in learning pauses the plan so nobody falls behind during it', () => {
    const entries = [{ id: 'a', date: '2024-10-01', minutes: 60 * 45, status: 'approved' as const, evidenceIds: [] }];
    const onTrack = offTheJobStatus(rules, input({ entries, today: '2024-11-01' }));
    expect(onTrack.approvedHours).toBe(45);
    expect(onTrack.progress).toMatchObject({ atRisk: false });
    const during = offTheJobStatus(rules, input({ entries, today: '2025-01-31', breaks: [{ from: '2024-11-02', to: '2025-01-31' }] }));
    expect(during.progress).toMatchObject({ atRisk: false, paused: true });
    expect(during.practicalPeriodEnd).toBe('2025-11-30');
    expect(offTheJobStatus(rules, input({ entries, today: '2025-01-31' })).progress?.atRisk).toBe(true);
  });

  it('reports the hours counted up to the end of the practical period, in whole hours (OTJActHours)', () => {
    const entries = [
      { id: 'a', date: '2025-08-31', minutes: 280 * 60 + 20, status: 'approved' as const, evidenceIds: [] },
      { id: 'b', date: '2025-09-02', minutes: 600, status: 'approved' as const, evidenceIds: [] },
    ];
    const status = offTheJobStatus(rules, input({ entries, today: '2025-09-10' }));
    expect(status).toMatchObject({ ended: true, practicalPeriodEnd: '2025-08-31', hoursAtEnd: 280, approvedHours: 290.33 });
  });
});
