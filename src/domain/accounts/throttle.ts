/**
 * Password sign-in throttling, after the NCSC's advice to throttle rather than lock accounts out:
 * guesses are slowed per account and client address together, so a stranger guessing from one
 * address cannot keep the owner out from another; a much higher ceiling per account across all
 * addresses slows (never locks) a guesser that spreads over many addresses.
 */
export const throttleRules = {
  /** Failures counted: since the pair's last success, within this many hours. */
  lookbackHours: 24,
  /** Failures one address may make on one account before each further attempt must wait… */
  perPair: 5,
  /** …this long after the last failure, doubling with every further failure, up to the cap. */
  pairFirstDelaySeconds: 60,
  pairMaxDelaySeconds: 60 * 60,
  /** Failures on one account from every address in the lookback before it slows down for everyone. */
  perAccount: 100,
  accountFirstDelaySeconds: 1,
  accountMaxDelaySeconds: 5 * 60,
  /** Failures one address may make across all accounts in a sliding window (a brake on password spraying). */
  perAddress: 20,
  addressWindowMinutes: 15,
} as const;

export type ThrottleScope = 'pair' | 'account' | 'address';

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number; scope: ThrottleScope };

/** Recent failed sign-ins that bear on an attempt (any order). */
export type RecentFailures = {
  /** This account from this address, since that pair's last success (within the lookback). */
  pair: readonly Date[];
  /** This account from any address, within the lookback. */
  account: readonly Date[];
  /** This address on any account, within the address window. */
  address: readonly Date[];
};

const latest = (dates: readonly Date[]) => Math.max(...dates.map((d) => d.getTime()));

/** After `limit` failures, each further attempt waits `first · 2^(failures − limit)` seconds (capped) from the last failure. */
const backOff = (
  failures: readonly Date[],
  limit: number,
  firstSeconds: number,
  maxSeconds: number,
  now: Date,
  scope: ThrottleScope,
): ThrottleDecision => {
  if (failures.length < limit) return { allowed: true };
  const delaySeconds = Math.min(maxSeconds, firstSeconds * 2 ** Math.min(failures.length - limit, 30));
  const waitMs = latest(failures) + delaySeconds * 1000 - now.getTime();
  return waitMs > 0 ? { allowed: false, scope, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
};

/** At most `limit` failures in any sliding window: wait until the oldest one counted leaves it. */
const slidingWindow = (failures: readonly Date[], limit: number, windowMinutes: number, now: Date): ThrottleDecision => {
  const windowMs = windowMinutes * 60_000;
  const recent = failures
    .map((f) => f.getTime())
    .filter((t) => now.getTime() - t < windowMs)
    .sort((a, b) => a - b);
  if (recent.length < limit) return { allowed: true };
  const oldestCounted = recent[recent.length - limit] ?? now.getTime();
  return { allowed: false, scope: 'address', retryAfterSeconds: Math.ceil((oldestCounted + windowMs - now.getTime()) / 1000) };
};

/**
 * Whether another password attempt may be tried now, and if not, which limit applies and how long to
 * wait (the longest of the limits that apply). Unknown emails are throttled exactly like real ones,
 * so the answer says nothing about who has an account.
 */
export const signInThrottle = (failures: RecentFailures, now: Date): ThrottleDecision => {
  const r = throttleRules;
  const decisions = [
    backOff(failures.pair, r.perPair, r.pairFirstDelaySeconds, r.pairMaxDelaySeconds, now, 'pair'),
    backOff(failures.account, r.perAccount, r.accountFirstDelaySeconds, r.accountMaxDelaySeconds, now, 'account'),
    slidingWindow(failures.address, r.perAddress, r.addressWindowMinutes, now),
  ];
  let longest: ThrottleDecision = { allowed: true };
  for (const decision of decisions)
    if (!decision.allowed && (longest.allowed || decision.retryAfterSeconds > longest.retryAfterSeconds)) longest = decision;
  return longest;
};

/** "3 minutes", "40 seconds": a wait in words, rounded up. */
export const describeWait = (seconds: number): string => {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `${whole} second${whole === 1 ? '' : 's'}`;
  const minutes = Math.ceil(whole / 60);
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.ceil(minutes / 60);
  return `${hours} hours`;
};
