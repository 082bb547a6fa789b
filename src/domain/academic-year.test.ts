import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { academicYearBounds, academicYearOf, minutesByAcademicYear, nextAcademicYear } from './academic-year.ts';

const isoOf = (d: Date) => d.toISOString().slice(0, 10);
const calendarDates = fc
  .date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map(isoOf);

describe('academicYearOf', () => {
  it('puts 31 August in the year that ends and 1 September in the one that starts', () => {
    expect(academicYearOf('2027-08-31')).toBe('2026/27');
    expect(academicYearOf('2027-09-01')).toBe('2027/28');
    expect(academicYearOf('2026-09-01')).toBe('2026/27');
    expect(academicYearOf('2026-08-31')).toBe('2025/26');
  });

  it('names the turn of the century with two digits', () => {
    expect(academicYearOf('2099-12-01')).toBe('2099/00');
  });

  it('reads a Date by its calendar day, not the local time zone', () => {
    expect(academicYearOf(new Date('2026-09-01T00:00:00Z'))).toBe('2026/27');
    expect(academicYearOf(new Date('2026-08-31T23:59:59Z'))).toBe('2025/26');
  });

  it('counts 29 February in the year it falls in', () => {
    expect(academicYearOf('2028-02-29')).toBe('2027/28');
  });

  it('refuses text that is not a date', () => {
    expect(() => academicYearOf('yesterday')).toThrow(RangeError);
  });
});

describe('academicYearBounds', () => {
  it('runs from 1 September to 31 August', () => {
    expect(academicYearBounds('2026/27')).toEqual({ start: '2026-09-01', end: '2027-08-31' });
    expect(nextAcademicYear('2026/27')).toBe('2027/28');
  });

  it('refuses a name whose years do not follow on', () => {
    expect(() => academicYearBounds('2026/28')).toThrow(RangeError);
  });

  it('contains every date of the year it names, and exactly one year contains each date', () => {
    fc.assert(
      fc.property(calendarDates, (date) => {
        const year = academicYearOf(date);
        const { start, end } = academicYearBounds(year);
        expect(start <= date && date <= end).toBe(true);
        const before = academicYearBounds(academicYearOf(`${Number(start.slice(0, 4)) - 1}-10-01`));
        const after = academicYearBounds(nextAcademicYear(year));
        expect(date < before.start || date > before.end).toBe(true);
        expect(date < after.start || date > after.end).toBe(true);
      }),
    );
  });

  it('spans 366 days when the year holds 29 February and 365 otherwise', () => {
    const days = (year: string) => {
      const { start, end } = academicYearBounds(year);
      return (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;
    };
    expect(days('2027/28')).toBe(366);
    expect(days('2026/27')).toBe(365);
  });
});

describe('minutesByAcademicYear', () => {
  it('totals per year, newest first', () => {
    expect(
      minutesByAcademicYear([
        { occurredOn: '2025-10-01', minutes: 60 },
        { occurredOn: '2026-09-01', minutes: 90 },
        { occurredOn: '2026-08-31', minutes: 30 },
      ]),
    ).toEqual([
      { year: '2026/27', minutes: 90 },
      { year: '2025/26', minutes: 90 },
    ]);
  });

  it('keeps every minute: the totals add up to the sum of the activities', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ occurredOn: calendarDates, minutes: fc.integer({ min: 0, max: 10_000 }) })), (activities) => {
        const totals = minutesByAcademicYear(activities);
        expect(totals.reduce((sum, t) => sum + t.minutes, 0)).toBe(activities.reduce((sum, a) => sum + a.minutes, 0));
        expect(new Set(totals.map((t) => t.year)).size).toBe(totals.length);
        expect([...totals].sort((a, b) => b.year.localeCompare(a.year))).toEqual(totals);
      }),
    );
  });
});
