/** Failed sign-ins allowed per window, per account and per client address. */
export const throttleRules = {
  windowMinutes: 15,
  perAccount: 5,
  perAddress: 20,
} as const;

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: 'account' | 'address' };

const decide = (failures: readonly Date[], limit: number, now: Date, scope: 'account' | 'address'): ThrottleDecision => {
  const windowMs = throttleRules.windowMinutes * 60_000;
  const recent = failures.filter((f) => now.getTime() - f.getTime() < windowMs).sort((a, b) => a.getTime() - b.getTime());
  if (recent.length < limit) return { allowed: true };
  const oldestCounted = recent[recent.length - limit] ?? now;
  return { allowed: false, scope, retryAfterSeconds: Math.ceil((oldestCounted.getTime() + windowMs - now.getTime()) / 1000) };
};

/**
 * Whether another sign-in attempt may be tried, given recent failures for the account and for the
 * client address. The caller shows the same generic message either way, so an attacker learns nothing.
 */
export const signInThrottle = (accountFailures: readonly Date[], addressFailures: readonly Date[], now: Date): ThrottleDecision => {
  const account = decide(accountFailures, throttleRules.perAccount, now, 'account');
  return account.allowed ? decide(addressFailures, throttleRules.perAddress, now, 'address') : account;
};
