import { describe, expect, it } from 'vitest';
import { dateFieldsOf, isoOfParts, missingPartsOf } from './date-input.ts';

describe('GOV.UK date inputs', () => {
  it('joins the parts with leading zeros', () => {
    expect(isoOfParts({ day: '3', month: '7', year: '2026' })).toBe('2026-07-03');
  });

  it('reads three empty parts as no date, and a part with letters as no real date', () => {
    expect(isoOfParts({ day: '', month: '', year: '' })).toBeUndefined();
    expect(isoOfParts({ day: '1st', month: '7', year: '2026' })).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('names the missing parts', () => {
    expect(missingPartsOf({ day: '', month: '7', year: '' }, 'The start date')).toBe('The start date must include a day and a year');
    expect(missingPartsOf({ day: '', month: '', year: '' }, 'The start date')).toBeUndefined();
  });

  it('fills a date input again from a stored date', () => {
    expect(dateFieldsOf('completedOn', '2026-03-09')).toEqual({
      'completedOn-day': '9',
      'completedOn-month': '3',
      'completedOn-year': '2026',
    });
    expect(dateFieldsOf('completedOn', null)).toEqual({ 'completedOn-day': '', 'completedOn-month': '', 'completedOn-year': '' });
  });
});
