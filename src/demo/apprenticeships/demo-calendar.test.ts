import { describe, expect, it } from 'vitest';
import { addMonths } from '../../domain/apprenticeships/calendar.ts';
import { offTheJobRuleFor } from '../../domain/apprenticeships/off-the-job-minimum.ts';
import { offTheJobStatus } from '../../domain/apprenticeships/off-the-job-status.ts';
import { readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { DemoApprenticeKey, DemoEnrolment } from '../apprenticeships-demo.ts';
import { demoDates, FIRST_FIXED_MINIMUM_START, LAST_WEEKLY_RULE_START, mondayOnOrAfter, schoolDayOnOrBefore } from './demo-calendar.ts';
import { planOffTheJob } from './off-the-job-demo.ts';

const rules = await readApprenticeshipRules();
const days = ['2025-01-01', '2026-09-07', '2026-11-22', '2026-12-04', '2027-03-15', '2027-09-15', '2028-06-30'];

const enrolmentOn = (today: string, key: Exclude<DemoApprenticeKey, 'amy'>, hours: number): DemoEnrolment => {
  const dates = demoDates(today)[key];
  return {
    id: key,
    key,
    personId: key,
    schoolId: 'school',
    programme: 'ST1414',
    optionCode: null,
    startDate: dates.start,
    plannedEndDate: dates.plannedEnd,
    contractedHoursPerWeek: hours,
    breaks: [],
  };
};

/** Where the demo log leaves the enrolment against its plan on the day. */
const progressOn = (today: string, e: DemoEnrolment) => {
  let n = 0;
  const entries = planOffTheJob(e, today, () => `entry-${++n}`);
  return offTheJobStatus(rules, {
    startDate: e.startDate,
    plannedEndDate: e.plannedEndDate,
    contractedHoursPerWeek: e.contractedHoursPerWeek,
    priorLearningHours: 0,
    fixedMinimum: null,
    breaks: e.breaks,
    entries: entries.map((x) => ({ id: x.id, date: x.date, minutes: x.minutes, status: x.status, evidenceIds: [] })),
    evidence: [],
    today,
  });
};

describe('the demo apprenticeships’ dates', () => {
  it('finds the Monday on or after a date', () => {
    expect(mondayOnOrAfter('2026-12-04')).toBe('2026-12-07');
    expect(mondayOnOrAfter('2026-12-07')).toBe('2026-12-07');
    expect(mondayOnOrAfter('2025-07-01')).toBe('2025-07-07');
  });

  it('moves a day out of the weekend and the school holidays to the school day before', () => {
    expect(schoolDayOnOrBefore('2026-12-06')).toBe('2026-12-04');
    expect(schoolDayOnOrBefore('2026-08-19')).toBe('2026-07-31');
    expect(schoolDayOnOrBefore('2026-12-24')).toBe('2026-12-18');
    expect(schoolDayOnOrBefore('2026-11-30')).toBe('2026-11-30');
  });

  it.each(days)('on %s, start Fatima and Daniel under the 6-hours-a-week rule and Chloe under the fixed-minimum rule', (today) => {
    const dates = demoDates(today);
    for (const key of ['fatima', 'daniel'] as const) {
      expect(dates[key].start <= LAST_WEEKLY_RULE_START, key).toBe(true);
      expect(offTheJobRuleFor(rules, dates[key].start)?.id, key).toBe('otj-2022-08');
      expect(dates[key].plannedEnd >= addMonths(today, 6), key).toBe(true);
    }
    expect(dates.chloe.start >= FIRST_FIXED_MINIMUM_START).toBe(true);
    expect(offTheJobRuleFor(rules, dates.chloe.start)?.id).toBe('otj-2025-08');
    expect(dates.chloe.start.slice(5)).toBe('09-01');
    expect(dates.amy.returnedOn <= today).toBe(true);
    expect(dates.amy.breakTo < dates.amy.returnedOn).toBe(true);
  });

  it('starts Chloe on 1 September 2025 for a demo created in the 2026 to 2027 school year, as the browser tests expect', () => {
    expect(demoDates('2026-11-30').chloe).toEqual({ start: '2025-09-01', plannedEnd: '2027-08-31' });
    expect(demoDates('2027-10-01').chloe.start).toBe('2026-09-01');
  });

  it.each(days.filter((d) => d >= '2026-01-01'))('on %s, the demo log keeps Fatima on track and Daniel at risk', (today) => {
    const fatima = progressOn(today, enrolmentOn(today, 'fatima', 30));
    expect(fatima.progress?.shortfallHours, fatima.progress?.reason).toBe(0);
    const daniel = progressOn(today, enrolmentOn(today, 'daniel', 32.5));
    expect(daniel.progress?.atRisk, daniel.progress?.reason).toBe(true);
  });
});
