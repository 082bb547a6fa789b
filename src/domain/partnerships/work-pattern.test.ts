import { describe, expect, it } from 'vitest';
import type { WorkPatternRules } from '../../framework/partnership-teaching-rules.ts';
import { clashesOf, type PatternSlot, plannedAgainstShare } from './work-pattern.ts';

const rules: WorkPatternRules = {
  hoursPerHalfDay: 3.25,
  fullTimeHoursPerWeek: 32.5,
  toleranceHours: 0.5,
  provenance: { origin: 'pathways', reason: 'fixed figures for the test' },
};
const HOME = 'home';

describe('work pattern clashes', () => {
  it('finds none in a pattern of home and host half-days on different half-days', () => {
    const pattern: PatternSlot[] = [
      { weekday: 1, session: 'morning', partnerId: HOME },
      { weekday: 1, session: 'afternoon', partnerId: 'host-a' },
      { weekday: 2, session: 'morning', partnerId: 'host-b' },
    ];
    expect(clashesOf(pattern, HOME)).toEqual([]);
  });

  it('finds two host sites on one half-day', () => {
    const pattern: PatternSlot[] = [
      { weekday: 3, session: 'afternoon', partnerId: 'host-a' },
      { weekday: 3, session: 'afternoon', partnerId: 'host-b' },
    ];
    expect(clashesOf(pattern, HOME)).toEqual([{ kind: 'two-sites', weekday: 3, session: 'afternoon', partnerIds: ['host-a', 'host-b'] }]);
  });

  it('finds a host half-day that falls on a home commitment', () => {
    const pattern: PatternSlot[] = [
      { weekday: 2, session: 'morning', partnerId: HOME },
      { weekday: 2, session: 'morning', partnerId: 'host-a' },
    ];
    expect(clashesOf(pattern, HOME)).toEqual([{ kind: 'home-commitment', weekday: 2, session: 'morning', partnerId: 'host-a' }]);
  });

  it('finds a host half-day another of the teacher’s deployments already takes', () => {
    const pattern: PatternSlot[] = [{ weekday: 5, session: 'morning', partnerId: 'host-a' }];
    const others = [{ weekday: 5 as const, session: 'morning' as const, partnerId: 'elsewhere', label: 'North Partnership' }];
    expect(clashesOf(pattern, HOME, others)).toEqual([
      { kind: 'other-deployment', weekday: 5, session: 'morning', partnerId: 'host-a', label: 'North Partnership' },
    ]);
  });
});

describe('planned hours against the share of time', () => {
  const hostDays = (n: number): PatternSlot[] =>
    Array.from({ length: n }, (_, i) => ({ weekday: ((i % 5) + 1) as 1, session: i < 5 ? 'morning' : 'afternoon', partnerId: 'host-a' }));

  it('counts host half-days at 3.25 hours and leaves home commitments out', () => {
    const pattern = [...hostDays(4), { weekday: 5 as const, session: 'afternoon' as const, partnerId: HOME }];
    expect(plannedAgainstShare(pattern, HOME, { unit: 'fte', value: 0.4 }, rules)).toEqual({
      plannedHours: 13,
      shareHours: 13,
      difference: 0,
      verdict: 'matches',
    });
  });

  it('says when the pattern plans fewer or more hours than the share', () => {
    expect(plannedAgainstShare(hostDays(2), HOME, { unit: 'hours_per_week', value: 10 }, rules)).toMatchObject({
      plannedHours: 6.5,
      difference: -3.5,
      verdict: 'under',
    });
    expect(plannedAgainstShare(hostDays(6), HOME, { unit: 'fte', value: 0.2 }, rules)).toMatchObject({
      plannedHours: 19.5,
      shareHours: 6.5,
      verdict: 'over',
    });
  });
});
