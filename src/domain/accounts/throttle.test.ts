import { describe, expect, it } from 'vitest';
import { signInThrottle, throttleRules } from './throttle.ts';

const now = new Date('2026-11-22T10:00:00Z');
const minutesAgo = (...minutes: number[]) => minutes.map((m) => new Date(now.getTime() - m * 60_000));

describe('signInThrottle', () => {
  it('allows attempts under the limit', () => {
    expect(signInThrottle(minutesAgo(1, 2, 3, 4), [], now)).toEqual({ allowed: true });
  });

  it('blocks an account after five recent failures until the oldest leaves the window', () => {
    expect(signInThrottle(minutesAgo(1, 2, 3, 4, 10), [], now)).toEqual({ allowed: false, scope: 'account', retryAfterSeconds: 5 * 60 });
  });

  it('forgets failures older than the window', () => {
    expect(signInThrottle(minutesAgo(1, 2, 3, 4, throttleRules.windowMinutes + 1), [], now)).toEqual({ allowed: true });
  });

  it('blocks an address that fails across many accounts', () => {
    const many = minutesAgo(...Array.from({ length: 20 }, (_, i) => i * 0.5));
    expect(signInThrottle([], many, now)).toMatchObject({ allowed: false, scope: 'address' });
  });
});
