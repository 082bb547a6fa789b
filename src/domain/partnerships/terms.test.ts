import { describe, expect, it } from 'vitest';
import type { SchoolTerm } from '../../framework/partnership-teaching-rules.ts';
import { termOf, termsBetween } from './terms.ts';

const terms: SchoolTerm[] = [
  { id: 'autumn', title: 'Autumn term', fromMonth: 9, toMonth: 12 },
  { id: 'spring', title: 'Spring term', fromMonth: 1, toMonth: 3 },
  { id: 'summer', title: 'Summer term', fromMonth: 4, toMonth: 8 },
];

describe('school terms', () => {
  it('names the term a date falls in, with its first and last days', () => {
    expect(termOf(terms, '2026-12-03')).toEqual({ id: '2026-autumn', title: 'Autumn term 2026', start: '2026-09-01', end: '2026-12-31' });
    expect(termOf(terms, '2027-02-28').end).toBe('2027-03-31');
  });

  it('lists the terms of a period in order across a year end', () => {
    expect(termsBetween(terms, '2026-10-01', '2027-04-02').map((t) => t.id)).toEqual(['2026-autumn', '2027-spring', '2027-summer']);
  });
});
