import type { Kysely } from 'kysely';
import { signInThrottle, type ThrottleDecision, throttleRules } from '../../domain/accounts/throttle.ts';
import { audit } from '../../store/audit.ts';
import { type FailureWindows, signInAttempts } from '../../store/sign-in-attempts.ts';
import type { Tables } from '../../store/tables.ts';

export type ThrottleDeps = { db: Kysely<Tables>; auditKey: Uint8Array; requestId?: string | null };

/** How an attempt signs in: a password for an email, or single sign-on (counted per client address). */
export type AttemptMethod = 'password' | 'single-sign-on';

export type Attempt = {
  method: AttemptMethod;
  /** The email tried (password sign-in); single sign-on has none before the provider answers. */
  email?: string;
  clientAddress: string;
  trustId: string | null;
  userId: string | null;
};

export type Admission = { admitted: true; attemptId: number } | { admitted: false; retryAfterSeconds: number };

/**
 * What the attempts are counted under: the email for a password, and for single sign-on the address
 * itself, so failed sign-ons back off per address (and count towards the address's brake on password
 * sign-in too) but a stranger can never slow a whole trust's sign-on down.
 */
const attemptKey = (attempt: Attempt) => (attempt.method === 'password' ? (attempt.email ?? '') : `sso:${attempt.clientAddress}`);

const windowsAt = (now: Date): FailureWindows => ({
  lookbackSince: new Date(now.getTime() - throttleRules.lookbackHours * 3_600_000),
  addressSince: new Date(now.getTime() - throttleRules.addressWindowMinutes * 60_000),
});

/** Whether an attempt would be throttled now, without counting it (single sign-on's first step). */
export const throttleNow = async (db: Kysely<Tables>, attempt: Attempt, now: Date): Promise<ThrottleDecision> =>
  signInThrottle(await signInAttempts(db).recentFailures(attemptKey(attempt), attempt.clientAddress, windowsAt(now)), now);

/**
 * Counts recent failures and, unless the attempt is throttled (audited), records it (as failed until
 * `markSucceeded`) in one short transaction serialised per key, so concurrent guesses count in turn.
 * The same transaction forgets attempts older than the throttle ever looks back, so the table holds
 * about a day of attempts however long the instance runs.
 */
export const admitAttempt = async (deps: ThrottleDeps, attempt: Attempt, now: Date): Promise<Admission> =>
  deps.db.transaction().execute(async (trx) => {
    const attempts = signInAttempts(trx);
    const key = attemptKey(attempt);
    await attempts.serialiseFor(key);
    const windows = windowsAt(now);
    const throttle = signInThrottle(await attempts.recentFailures(key, attempt.clientAddress, windows), now);
    if (!throttle.allowed) {
      await audit(trx, deps.auditKey).record({
        trustId: attempt.trustId,
        entity: attempt.method === 'password' ? 'account' : 'sign_on',
        entityId: attempt.userId ?? attempt.trustId ?? 'unknown',
        requestId: deps.requestId ?? null,
        occurredAt: now,
        actor: 'anonymous',
        action: 'auth.throttled',
        data: {
          ...(attempt.method === 'password' ? { email: attempt.email } : { method: attempt.method }),
          clientAddress: attempt.clientAddress,
          scope: throttle.scope,
          retryAfterSeconds: throttle.retryAfterSeconds,
        },
      });
      return { admitted: false, retryAfterSeconds: throttle.retryAfterSeconds };
    }
    const attemptId = await attempts.record({ email: key, clientAddress: attempt.clientAddress, succeeded: false, at: now });
    await attempts.forgetBefore(windows.lookbackSince);
    return { admitted: true, attemptId };
  });

/** Marks an admitted attempt as a success (inside the transaction that signs in). */
export const attemptSucceeded = (db: Kysely<Tables>, attemptId: number) => signInAttempts(db).markSucceeded(attemptId);
