import { describe, expect, it } from 'vitest';
import { govukDate, govukDateShort, govukDateTime, govukDateTimeShort, govukTime } from './dates.ts';

describe('GOV.UK dates in UK local time', () => {
  it('writes a winter (GMT) instant as the day and time in London', () => {
    const at = new Date('2026-12-03T14:05:00Z');
    expect(govukDate(at)).toBe('3 December 2026');
    expect(govukDateShort(at)).toBe('3 Dec 2026');
    expect(govukTime(at)).toBe('2:05pm');
    expect(govukDateTime(at)).toBe('3 December 2026 at 2:05pm');
    expect(govukDateTimeShort(at)).toBe('3 Dec 2026, 2:05pm');
  });

  it('writes a summer (BST) instant an hour ahead of UTC', () => {
    expect(govukDateTime(new Date('2026-07-14T08:30:00Z'))).toBe('14 July 2026 at 9:30am');
    expect(govukDateTime('2026-07-14T08:30:00.000Z')).toBe('14 July 2026 at 9:30am');
  });

  it('puts an instant just after midnight in London on the London day, and says midnight and midday', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(govukDateTime(new Date('2026-06-30T23:30:00Z'))).toBe('1 July 2026 at 12:30am');
    expect(govukDateTime(new Date('2026-06-30T23:00:00Z'))).toBe('1 July 2026 at midnight');
    expect(govukDateTime(new Date('2026-12-31T00:00:00Z'))).toBe('31 December 2026 at midnight');
    expect(govukTime(new Date('2026-12-31T12:00:00Z'))).toBe('midday');
    expect(govukTime(new Date('2026-12-31T12:01:00Z'))).toBe('12:01pm');
  });

  it('shows a calendar date as that day, whatever the time zone', () => {
    expect(govukDate('2026-07-01')).toBe('1 July 2026');
    expect(govukDateShort('2026-03-27')).toBe('27 Mar 2026');
    expect(govukDateTime('2026-07-01')).toBe('1 July 2026');
    expect(govukTime('2026-07-01')).toBe('');
  });

  it('tolerates odd stored years and unreadable values without throwing', () => {
    expect(govukDate('0001-01-01')).toBe('1 January 1');
    expect(govukDateShort('0001-01-01')).toBe('1 Jan 1');
    expect(() => govukDateTime(new Date('0001-01-01T00:00:00Z'))).not.toThrow();
    expect(govukDate(new Date('0001-01-01T12:00:00Z'))).toBe('1 January 1');
    expect(govukDate('2026-02-30')).toBe('2026-02-30');
    expect(govukDate('not a date')).toBe('not a date');
    expect(govukDate(new Date(Number.NaN))).toBe('');
    expect(govukDate(null)).toBe('');
    expect(govukDate(undefined)).toBe('');
    expect(govukDateTime('')).toBe('');
  });
});
