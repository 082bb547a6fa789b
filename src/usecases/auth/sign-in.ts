import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import { type MfaStep, mfaStepAfterPassword } from '../../domain/accounts/mfa-roles.ts';
import { describeWait } from '../../domain/accounts/throttle.ts';
import { audit } from '../../store/audit.ts';
import { credentials } from '../../store/credentials.ts';
import { sessions } from '../../store/sessions.ts';
import type { Tables } from '../../store/tables.ts';
import { verifyPassword } from './passwords.ts';
import { endSession, hashToken, startSession } from './sessions.ts';
import { admitAttempt, attemptSucceeded } from './sign-in-throttle.ts';

/** The one message for every failed sign-in: wrong password, unknown email, disabled account. */
export const SIGN_IN_FAILED = 'The email address or password is not right';

/** What a throttled attempt is told: when to try again (the same for unknown emails, so it reveals no account). */
export const signInThrottledMessage = (retryAfterSeconds: number) =>
  `Too many failed attempts to sign in. Wait ${describeWait(retryAfterSeconds)} and try again`;

export type SignInDeps = { db: Kysely<Tables>; auditKey: Uint8Array; clock: () => Date; demo: boolean; requestId?: string | null };

export type SignInInput = {
  email: string;
  password: string;
  clientAddress: string;
  userAgent: string | null;
  /** The token of the session the browser already had, if any: it is revoked, never reused. */
  previousToken?: string | undefined;
};

export type SignedIn = { token: string; sessionId: string; userId: string; mfa: MfaStep };

type Outcome = { ok: true; signedIn: SignedIn } | { ok: false };

/** The details of a throttled attempt: how long to wait, for the Retry-After header and the message. */
export const RETRY_AFTER_DETAIL = 'retryAfterSeconds';

/**
 * Email and password sign-in, throttled by account and client address together (with a higher,
 * slowing ceiling per account and a brake per address; see `throttleRules`), so a stranger guessing
 * cannot keep the owner out from elsewhere. A throttled attempt is refused with `rate_limited` and the
 * wait; otherwise the password is always verified (against a decoy when the email is unknown) so
 * timing says nothing, and every failure gives the same message. Success starts a new session (the
 * previous one is revoked); when a second factor is still to come the session is not yet MFA-verified
 * and counts for nothing but the MFA pages.
 */
export const signIn = async (deps: SignInDeps, input: SignInInput): Promise<SignedIn> => {
  const { db, clock } = deps;
  const email = input.email.trim().toLowerCase();
  const now = clock();
  const account = await credentials(db).findByEmail(email);
  const admitted = await admitAttempt(
    deps,
    { method: 'password', email, clientAddress: input.clientAddress, trustId: account?.trustId ?? null, userId: account?.userId ?? null },
    now,
  );
  if (!admitted.admitted) {
    const message = signInThrottledMessage(admitted.retryAfterSeconds);
    throw new AppError('rate_limited', message, [{ where: RETRY_AFTER_DETAIL, reason: String(admitted.retryAfterSeconds) }]);
  }
  // Verified even when the email is unknown, so that does not show in the response time.
  const passwordOk = await verifyPassword(account?.passwordHash, input.password);

  const outcome = await db.transaction().execute(async (trx): Promise<Outcome> => {
    const events = audit(trx, deps.auditKey);
    const base = {
      trustId: account?.trustId ?? null,
      entity: 'account',
      entityId: account?.userId ?? 'unknown',
      requestId: deps.requestId ?? null,
      occurredAt: now,
    };
    const reason = !account ? 'unknown-email' : !passwordOk ? 'wrong-password' : account.disabledAt ? 'disabled' : null;
    if (!account || reason) {
      await events.record({
        ...base,
        actor: 'anonymous',
        action: 'auth.sign-in-failed',
        data: { email, clientAddress: input.clientAddress, reason },
      });
      return { ok: false };
    }
    await attemptSucceeded(trx, admitted.attemptId);
    if (input.previousToken) await endSession(trx, input.previousToken, now);
    const mfa = mfaStepAfterPassword({ roles: account.roles, demoExempt: deps.demo && account.isDemo, enrolled: account.mfaEnabled });
    const session = await startSession(
      trx,
      {
        userId: account.userId,
        trustId: account.trustId,
        mfaVerified: mfa === 'none',
        clientAddress: input.clientAddress,
        userAgent: input.userAgent,
      },
      now,
    );
    await events.record({
      ...base,
      actor: account.userId,
      action: 'auth.signed-in',
      data: {
        method: 'password',
        clientAddress: input.clientAddress,
        sessionId: session.sessionId,
        secondFactor: mfa === 'none' ? 'not-needed' : mfa,
      },
    });
    return { ok: true, signedIn: { ...session, userId: account.userId, mfa } };
  });
  if (!outcome.ok) throw new AppError('unauthenticated', SIGN_IN_FAILED);
  return outcome.signedIn;
};

/** Sign-out: the session behind the token is revoked (and the event audited). */
export const signOut = async (deps: SignInDeps, token: string): Promise<void> => {
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const session = await sessions(trx).findByTokenHash(hashToken(token));
    if (!session || session.revokedAt) return;
    await sessions(trx).revoke(session.id, 'signed out', now);
    await audit(trx, deps.auditKey).record({
      trustId: session.trustId,
      actor: session.userId,
      action: 'auth.signed-out',
      entity: 'account',
      entityId: session.userId,
      data: { sessionId: session.id },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
  });
};

export type SignedInUser = { userId: string; email: string; name: string; roles: string[] };

/** Who a signed-in actor is, for the page header and GET /api/session (their own account only). */
export const describeSignedInUser = async (db: Kysely<Tables>, userId: string): Promise<SignedInUser | undefined> => {
  const account = await credentials(db).findById(userId);
  if (!account) return undefined;
  const name = [account.givenName, account.familyName].filter(Boolean).join(' ') || account.email;
  return { userId: account.userId, email: account.email, name, roles: [...new Set(account.roles)].sort() };
};
