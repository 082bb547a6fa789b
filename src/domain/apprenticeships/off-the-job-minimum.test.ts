import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApprenticeshipRules, readApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import { type OffTheJobMinimumInput, offTheJobMinimum, offTheJobRuleFor } from './off-the-job-minimum.ts';

/** The off-the-job minimum on the shipped rules file: every rule version, both boundaries of each. */

let rules: ApprenticeshipRules;
beforeAll(async () => {
  rules = await readApprenticeshipRules();
});

const minimum = (input: Partial<OffTheJobMinimumInput> & Pick<OffTheJobMinimumInput, 'startDate'>) =>
  offTheJobMinimum(rules, { contractedHoursPerWeek: 37, plannedMonths: 12, ...input });

const hoursOf = (input: Parameters<typeof minimum>[0]): number => {
  const result = minimum(input);
  if (!result.ok) throw new Error(`expected a minimum, got ${result.code}: ${result.message}`);
  return result.minimumHours;
};

describe('the rule version is chosen by the start date, both ends inclusive', () => {
  it.each([
    ['2022-07-31', undefined],
    ['2022-08-01', 'otj-2022-08'],
    ['2025-07-31', 'otj-2022-08'],
    ['2025-08-01', 'otj-2025-08'],
    ['2031-01-15', 'otj-2025-08'],
  ])('a start on %s → %s', (startDate, id) => {
    expect(offTheJobRuleFor(rules, startDate)?.id).toBe(id);
  });

  it('31 July 2025 gets 6 hours a week, 1 August 2025 the fixed minimum of the standard', () => {
    expect(minimum({ startDate: '2025-07-31', fixedMinimumHours: 400 })).toMatchObject({
      ok: true,
      rule: 'otj-2022-08',
      minimumHours: 278,
    });
    expect(minimum({ startDate: '2025-08-01', fixedMinimumHours: 400 })).toMatchObject({
      ok: true,
      rule: 'otj-2025-08',
      minimumHours: 400,
    });
  });

  it('a start on 31 July 2022 is refused plainly (the 20% rule is not held); 1 August 2022 gets the 6-hour rule', () => {
    const before = minimum({ startDate: '2022-07-31' });
    expect(before).toMatchObject({ ok: false, code: 'no_rule_held' });
    expect(before.ok ? '' : before.message).toMatch(/No off-the-job rule is held for a start on 31 July 2022: .*20%/);
    expect(minimum({ startDate: '2022-08-01' })).toMatchObject({ ok: true, rule: 'otj-2022-08', minimumHours: 278 });
  });
});

describe('otj-2022-08: 6 hours a week over the planned duration less statutory leave', () => {
  it('full-time (30 hours or more): 12 months is 46.4 weeks × 6 = 278 hours, the same at 30 and at 40 hours', () => {
    expect(hoursOf({ startDate: '2023-09-01', contractedHoursPerWeek: 30 })).toBe(278);
    expect(hoursOf({ startDate: '2023-09-01', contractedHoursPerWeek: 40 })).toBe(278);
    // ST1414's typical 24 months: 92.8 weeks × 6 = 556.8, rounded to the nearest hour.
    expect(hoursOf({ startDate: '2023-09-01', plannedMonths: 24 })).toBe(557);
  });

  it('says why, step by step', () => {
    const result = minimum({ startDate: '2023-09-01', contractedHoursPerWeek: 20, plannedMonths: 18 });
    expect(result.ok && result.reasons).toEqual([
      'otj-2022-08 applies to starts from 1 August 2022 to 31 July 2025, and this one started on 1 September 2023: 6 hours a week (pro rata below 30 contracted hours) over the planned duration less statutory leave',
      'below 30 contracted hours the minimum duration of 12 months is extended pro rata: 12 × 30 ÷ 20 = 18 months',
      '20 contracted hours a week is below 30, pro rata: 20 ÷ 30 × 6 = 4 hours a week',
      '18 planned months less statutory leave of 5.6 weeks a year: 18 ÷ 12 × (52 − 5.6) = 69.6 weeks',
      '4 hours × 69.6 weeks = 278.4 hours',
      'rounded (nearest) to 278 hours',
      'minimum: 278 hours of off-the-job training',
    ]);
  });

  it('part-time: pro rata below 30 hours (contracted ÷ 30 × 6), over the extended duration', () => {
    // 15 hours: 3 hours a week; the minimum duration doubles to 24 months: 92.8 weeks × 3 = 278.4.
    expect(hoursOf({ startDate: '2024-01-08', contractedHoursPerWeek: 15, plannedMonths: 24 })).toBe(278);
    // 25 hours over 24 months: 5 × 92.8 = 464.
    expect(hoursOf({ startDate: '2024-01-08', contractedHoursPerWeek: 25, plannedMonths: 24 })).toBe(464);
  });

  it('refuses a plan shorter than the minimum duration, extended pro rata for part-time hours', () => {
    expect(minimum({ startDate: '2024-01-08', plannedMonths: 11 })).toMatchObject({ ok: false, code: 'duration_below_minimum' });
    const partTime = minimum({ startDate: '2024-01-08', contractedHoursPerWeek: 20, plannedMonths: 12 });
    expect(partTime).toMatchObject({ ok: false, code: 'duration_below_minimum', rule: 'otj-2022-08' });
    expect(partTime.ok ? '' : partTime.message).toBe(
      'The planned duration of 12 months is below the minimum of 18 months under otj-2022-08.',
    );
  });

  it('prior learning shortens the planned duration rather than the hours: the hours are not taken off, and the reasons say so', () => {
    const result = minimum({ startDate: '2023-09-01', plannedMonths: 18, priorLearningHours: 100 });
    expect(result).toMatchObject({ ok: true, minimumHours: 418 });
    expect(result.ok && result.reasons.join('\n')).toMatch(/prior learning shortens the planned duration rather than the hours/);
    // The reduced duration is what lowers the minimum: 18 months less prior learning planned as 15.
    expect(hoursOf({ startDate: '2023-09-01', plannedMonths: 15 })).toBe(348);
  });
});

describe('otj-2025-08: the standard’s fixed minimum, a 187-hour floor and an 8-month minimum duration', () => {
  const start = '2025-09-01';

  it('full-time and part-time get the same fixed minimum', () => {
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, contractedHoursPerWeek: 37 })).toBe(400);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, contractedHoursPerWeek: 16, plannedMonths: 24 })).toBe(400);
  });

  it("says it is unknown, rather than inventing a figure, when the standard's fixed minimum is not held", () => {
    const result = minimum({ startDate: start });
    expect(result).toMatchObject({
      ok: false,
      code: 'fixed_minimum_unknown',
      rule: 'otj-2025-08',
      message: "unknown: enter the standard's fixed minimum from the funding rules",
    });
  });

  it('recognised prior learning comes off the hours', () => {
    const result = minimum({ startDate: start, fixedMinimumHours: 400, priorLearningHours: 120, fixedMinimumSource: 'the funding rules' });
    expect(result).toMatchObject({ ok: true, minimumHours: 280 });
    expect(result.ok && result.reasons).toContain(
      "the standard's fixed minimum is 400 hours (the funding rules), whatever the contracted hours",
    );
    expect(result.ok && result.reasons).toContain('less 120 hours of recognised prior learning: 280 hours');
  });

  it('never goes below the 187-hour floor, however much prior learning', () => {
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, priorLearningHours: 300 })).toBe(187);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, priorLearningHours: 5000 })).toBe(187);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 150 })).toBe(187);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, priorLearningHours: 213 })).toBe(187);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, priorLearningHours: 212 })).toBe(188);
  });

  it('refuses a planned duration under 8 months and accepts exactly 8, whatever the contracted hours', () => {
    expect(minimum({ startDate: start, fixedMinimumHours: 400, plannedMonths: 7.9 })).toMatchObject({
      ok: false,
      code: 'duration_below_minimum',
      message: 'The planned duration of 7.9 months is below the minimum of 8 months under otj-2025-08.',
    });
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, plannedMonths: 8 })).toBe(400);
    expect(hoursOf({ startDate: start, fixedMinimumHours: 400, plannedMonths: 8, contractedHoursPerWeek: 16 })).toBe(400);
  });
});

describe('properties', () => {
  const hoursPair = fc.tuple(fc.double({ min: 6, max: 60, noNaN: true }), fc.double({ min: 6, max: 60, noNaN: true }));
  const months = fc.integer({ min: 60, max: 72 });
  const startDate = fc.constantFrom('2022-08-01', '2023-09-01', '2025-07-31', '2025-08-01', '2026-01-05');

  it('pro rata is monotone in contracted hours and never exceeds the full-time figure', () => {
    fc.assert(
      fc.property(hoursPair, months, startDate, ([a, b], plannedMonths, start) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const at = (contractedHoursPerWeek: number) =>
          hoursOf({ startDate: start, contractedHoursPerWeek, plannedMonths, fixedMinimumHours: 500 });
        expect(at(low)).toBeLessThanOrEqual(at(high));
        expect(at(high)).toBeLessThanOrEqual(at(30));
      }),
    );
  });

  it('more prior learning never raises the minimum, and it never goes below the floor', () => {
    const prior = fc.tuple(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }));
    fc.assert(
      fc.property(prior, fc.integer({ min: 1, max: 2000 }), startDate, ([a, b], fixedMinimumHours, start) => {
        const [less, more] = a <= b ? [a, b] : [b, a];
        const at = (priorLearningHours: number) => hoursOf({ startDate: start, plannedMonths: 24, fixedMinimumHours, priorLearningHours });
        expect(at(more)).toBeLessThanOrEqual(at(less));
        const floor = offTheJobRuleFor(rules, start)?.parameters.floorHours;
        if (floor !== undefined) expect(at(more)).toBeGreaterThanOrEqual(floor);
      }),
    );
  });
});
