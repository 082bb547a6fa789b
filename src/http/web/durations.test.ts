import { describe, expect, it } from 'vitest';
import { durationText } from './durations.ts';

describe('durationText', () => {
  it('says CPD time in hours and minutes, as people say it', () => {
    expect(durationText(138)).toBe('2 hours 18 minutes');
    expect(durationText(60)).toBe('1 hour');
    expect(durationText(61)).toBe('1 hour 1 minute');
    expect(durationText(45)).toBe('45 minutes');
    expect(durationText(0)).toBe('0 hours');
  });
});
