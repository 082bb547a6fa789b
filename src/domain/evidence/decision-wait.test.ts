import { describe, expect, it } from 'vitest';
import { isDecisionOverdue, reviewsAnyone } from './decision-wait.ts';

describe('isDecisionOverdue', () => {
  it.each([
    [0, false],
    [13, false],
    [14, true],
    [40, true],
  ])('evidence waiting %i days is overdue: %s', (days, overdue) => {
    expect(isDecisionOverdue(days)).toBe(overdue);
  });
});

describe('reviewsAnyone', () => {
  it('is true for a line manager or an assessor, false for someone with neither', () => {
    expect(reviewsAnyone({ reportIds: ['p1'], apprenticeIds: [] })).toBe(true);
    expect(reviewsAnyone({ reportIds: [], apprenticeIds: ['a1'] })).toBe(true);
    expect(reviewsAnyone({ reportIds: [], apprenticeIds: [] })).toBe(false);
  });
});
