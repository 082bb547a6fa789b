import { describe, expect, it } from 'vitest';
import { afterWrongMfaCode, type MfaThrottleState, mfaThrottleRules, mfaWaitSeconds, noMfaFailures } from './mfa-throttle.ts';

const start = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(start.getTime() + minutes * 60_000);
const wrongCodes = (state: MfaThrottleState, count: number, when: Date) => {
  let current = state;
  let reached = 0;
  for (let i = 0; i < count; i++) {
    const next = afterWrongMfaCode(current, when);
    current = next.state;
    if (next.limitReached) reached++;
  }
  return { state: current, reached };
};

describe('second-factor back-off', () => {
  it('lets four wrong codes pass, then makes the account wait after the fifth', () => {
    const four = wrongCodes(noMfaFailures, 4, start);
    expect(four.reached).toBe(0);
    expect(mfaWaitSeconds(four.state, start)).toBe(0);
    const five = wrongCodes(four.state, 1, start);
    expect(five.reached).toBe(1);
    expect(mfaWaitSeconds(five.state, start)).toBe(mfaThrottleRules.firstWaitMinutes * 60);
  });

  it('doubles the wait with every further batch', () => {
    let state = noMfaFailures;
    const waits: number[] = [];
    let now = start;
    for (let batch = 0; batch < 4; batch++) {
      state = wrongCodes(state, mfaThrottleRules.perBatch, now).state;
      waits.push(mfaWaitSeconds(state, now) / 60);
      now = state.blockedUntil ?? now;
    }
    expect(waits).toEqual([5, 10, 20, 40]);
  });

  it('forgets wrong codes outside the window, and earlier batches after a quiet day', () => {
    const old = wrongCodes(noMfaFailures, 4, start).state;
    expect(afterWrongMfaCode(old, at(mfaThrottleRules.windowMinutes + 1)).limitReached).toBe(false);
    const once = wrongCodes(noMfaFailures, mfaThrottleRules.perBatch, start).state;
    const later = wrongCodes(once, mfaThrottleRules.perBatch, at(25 * 60)).state;
    expect(mfaWaitSeconds(later, at(25 * 60))).toBe(mfaThrottleRules.firstWaitMinutes * 60);
  });
});
