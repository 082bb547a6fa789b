import { describe, expect, it } from 'vitest';
import { DATE_YEARS_AHEAD, dateMessages, dateProblemOf, EnteredDate, latestDateFor, StoredDate } from './dates.ts';

describe('the entered-date contract', () => {
  it.each([
    ['2026-03-27', null],
    ['1900-01-01', null],
    ['1899-12-31', dateMessages.tooEarly],
    ['0001-01-01', dateMessages.tooEarly],
    ['0999-06-01', dateMessages.tooEarly],
    ['2046-12-31', null],
    ['2047-01-01', dateMessages.tooLate],
    ['2026-02-29', dateMessages.real],
    ['27/03/2026', dateMessages.real],
  ])('%s when today is 2026-11-20: %s', (value, problem) => {
    expect(dateProblemOf(value, '2026-11-20')).toBe(problem);
  });

  it('allows the configured years ahead, to the end of that year', () => {
    expect(latestDateFor('2026-11-20')).toBe(`${2026 + DATE_YEARS_AHEAD}-12-31`);
  });

  it('refuses early dates with the one message, and reads back any well-formed stored date', () => {
    expect(EnteredDate.safeParse('0001-01-01').error?.issues.map((i) => i.message)).toEqual([dateMessages.tooEarly]);
    expect(EnteredDate.safeParse('2026-11-20').success).toBe(true);
    expect(StoredDate.safeParse('0001-01-01').success).toBe(true);
  });
});
