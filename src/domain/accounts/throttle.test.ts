import { describe, expect, it } from 'vitest';
import { describeWait, type RecentFailures, signInThrottle, throttleRules } from './throttle.ts';

const now = new Date('2026-11-22T10:00:00Z');
const secondsAgo = (...seconds: number[]) => seconds.map((s) => new Date(now.getTime() - s * 1000));
const none: RecentFailures = { pair: [], account: [], address: [] };
const times = (count: number, secondsBefore = 0) => secondsAgo(...Array.from({ length: count }, () => secondsBefore));

describe('signInThrottle', () => {
  it('allows attempts under every limit', () => {
    expect(signInThrottle({ pair: times(4), account: times(4), address: times(4) }, now)).toEqual({ allowed: true });
  });

  it('makes an account and address pair wait after five failures, doubling with each further failure up to an hour', () => {
    expect(signInThrottle({ ...none, pair: times(5), account: times(5) }, now)).toEqual({
      allowed: false,
      scope: 'pair',
      retryAfterSeconds: throttleRules.pairFirstDelaySeconds,
    });
    expect(signInThrottle({ ...none, pair: times(7, 30) }, now)).toEqual({ allowed: false, scope: 'pair', retryAfterSeconds: 4 * 60 - 30 });
    expect(signInThrottle({ ...none, pair: times(30) }, now)).toMatchObject({ retryAfterSeconds: throttleRules.pairMaxDelaySeconds });
    // Once the wait is over the pair may try again.
    expect(signInThrottle({ ...none, pair: times(5, throttleRules.pairFirstDelaySeconds) }, now)).toEqual({ allowed: true });
  });

  it('never hard-locks the account: past the per-account ceiling it only slows, by at most five minutes', () => {
    const many = times(throttleRules.perAccount + 50, 1);
    const slowed = signInThrottle({ ...none, account: many }, now);
    expect(slowed).toMatchObject({ allowed: false, scope: 'account' });
    expect(slowed.allowed === false && slowed.retryAfterSeconds).toBeLessThanOrEqual(throttleRules.accountMaxDelaySeconds);
    expect(signInThrottle({ ...none, account: times(throttleRules.perAccount + 50, throttleRules.accountMaxDelaySeconds) }, now)).toEqual({
      allowed: true,
    });
  });

  it('blocks an address that fails across many accounts until the oldest failure leaves the window', () => {
    const many = secondsAgo(...Array.from({ length: 20 }, (_, i) => i * 30));
    expect(signInThrottle({ ...none, address: many }, now)).toMatchObject({ allowed: false, scope: 'address' });
    const old = secondsAgo(...Array.from({ length: 20 }, () => throttleRules.addressWindowMinutes * 60 + 1));
    expect(signInThrottle({ ...none, address: old }, now)).toEqual({ allowed: true });
  });

  it('says the wait in words', () => {
    expect(describeWait(1)).toBe('1 second');
    expect(describeWait(42)).toBe('42 seconds');
    expect(describeWait(61)).toBe('2 minutes');
    expect(describeWait(60)).toBe('1 minute');
    expect(describeWait(3 * 3600)).toBe('3 hours');
  });
});
