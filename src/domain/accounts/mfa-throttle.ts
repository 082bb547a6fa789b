/**
 * Second-factor codes are limited per account, across sessions: a new password sign-in does not
 * bring a fresh allowance. After a batch of wrong codes within a window the account must wait, and
 * the wait doubles with every further batch; a right code (once the wait is over) starts afresh.
 */
export const mfaThrottleRules = {
  perBatch: 5,
  windowMinutes: 15,
  firstWaitMinutes: 5,
  maxWaitMinutes: 24 * 60,
  /** A day without a wrong code forgets earlier batches. */
  forgetAfterHours: 24,
} as const;

export type MfaThrottleState = {
  failures: number;
  batches: number;
  windowStartedAt: Date | null;
  lastFailureAt: Date | null;
  blockedUntil: Date | null;
};

export const noMfaFailures: MfaThrottleState = { failures: 0, batches: 0, windowStartedAt: null, lastFailureAt: null, blockedUntil: null };

/** Seconds the account must still wait before any code (even the right one) is checked; 0 when it need not. */
export const mfaWaitSeconds = (state: MfaThrottleState, now: Date): number =>
  state.blockedUntil && state.blockedUntil > now ? Math.ceil((state.blockedUntil.getTime() - now.getTime()) / 1000) : 0;

/** The state after one more wrong code, and whether that code reached the limit (so a back-off starts). */
export const afterWrongMfaCode = (state: MfaThrottleState, now: Date): { state: MfaThrottleState; limitReached: boolean } => {
  const r = mfaThrottleRules;
  const forgotten = state.lastFailureAt !== null && now.getTime() - state.lastFailureAt.getTime() > r.forgetAfterHours * 3_600_000;
  const batches = forgotten ? 0 : state.batches;
  const windowOpen = state.windowStartedAt !== null && now.getTime() - state.windowStartedAt.getTime() < r.windowMinutes * 60_000;
  const failures = (windowOpen ? state.failures : 0) + 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  if (failures < r.perBatch) {
    return { state: { failures, batches, windowStartedAt, lastFailureAt: now, blockedUntil: state.blockedUntil }, limitReached: false };
  }
  const waitMinutes = Math.min(r.maxWaitMinutes, r.firstWaitMinutes * 2 ** Math.min(batches, 30));
  return {
    state: {
      failures: 0,
      batches: batches + 1,
      windowStartedAt: null,
      lastFailureAt: now,
      blockedUntil: new Date(now.getTime() + waitMinutes * 60_000),
    },
    limitReached: true,
  };
};
