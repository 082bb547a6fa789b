import { describe, expect, it } from 'vitest';
import { activeDaysBetween, addActiveDays, addMonths } from './calendar.ts';

describe('apprenticeship calendar', () => {
  it('adds whole months within the month (a planned end date from a typical duration)', () => {
    expect(addMonths('2025-09-01', 24)).toBe('2027-09-01');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('counts days of learning, leaving out breaks even when they overlap', () => {
    const breaks = [
      { from: '2025-09-10', to: '2025-09-19' },
      { from: '2025-09-15', to: '2025-09-24' },
    ];
    expect(activeDaysBetween('2025-09-01', '2025-10-01', [])).toBe(30);
    expect(activeDaysBetween('2025-09-01', '2025-10-01', breaks)).toBe(30 - 15);
    expect(addActiveDays('2025-09-01', 15, breaks)).toBe('2025-10-01');
  });

  it('starts counting after a break the start date falls in', () => {
    expect(addActiveDays('2025-09-05', 1, [{ from: '2025-09-01', to: '2025-09-10' }])).toBe('2025-09-12');
  });
});
