import { describe, expect, it } from 'vitest';
import { schoolDateOf } from './school-date.ts';

describe('schoolDateOf', () => {
  it('gives the UK calendar date: after midnight in British Summer Time it is already the next day', () => {
    expect(schoolDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(schoolDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
