import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit-actions.ts';
import { AppError } from '../../contracts/errors.ts';
import { afterWrongMfaCode, type MfaThrottleState, mfaWaitSeconds } from '../../domain/accounts/mfa-throttle.ts';
import { describeWait } from '../../domain/accounts/throttle.ts';
import { totpSecretFrom, totpUri, verifyTotp } from '../../domain/accounts/totp.ts';
import { audit } from '../../store/audit.ts';
import { credentials } from '../../store/credentials.ts';
import { mfa } from '../../store/mfa.ts';
import { type SessionRecord, sessions } from '../../store/sessions.ts';
import type { Tables } from '../../store/tables.ts';
import { decryptSecret, encryptSecret, type Keys } from '../secrets.ts';

export type MfaDeps = { db: Kysely<Tables>; keys: Keys; clock: () => Date; requestId?: string | null };

/** How many one-time recovery codes enrolment hands out, and how many wrong codes end a pending session. */
export const recoveryCodeCount = 10;
export const maxWrongCodesPerSession = 5;

const WRONG_CODE = 'The code is not right. Enter the 6-digit code your authenticator app shows now, or a recovery code';

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const newRecoveryCode = () => {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
};
/** Recovery codes carry about 49 random bits each, so a plain SHA-256 of the normalised code is a safe store. */
const hashRecoveryCode = (code: string) =>
  createHash('sha256')
    .update(code.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .digest('base64url');

export type Enrolment = { secret: string; uri: string };

const record = (deps: MfaDeps, db: Kysely<Tables>, session: SessionRecord, action: AuditAction, data: Record<string, unknown>) =>
  audit(db, deps.keys.auditKey).record({
    trustId: session.trustId,
    actor: session.userId,
    action,
    entity: 'account',
    entityId: session.userId,
    data: { sessionId: session.id, ...data },
    requestId: deps.requestId ?? null,
    occurredAt: deps.clock(),
  });

/**
 * Starts (or resumes) enrolment of an authenticator app: a new TOTP seed, kept encrypted and not yet
 * enabled, with the otpauth URI for the QR code. Refused once the account has enrolled.
 */
export const beginMfaEnrolment = async (deps: MfaDeps, session: SessionRecord): Promise<Enrolment> => {
  const store = mfa(deps.db);
  const state = await store.state(session.userId);
  const account = await credentials(deps.db).findById(session.userId);
  if (!state || !account) throw new AppError('not_found', 'This account no longer exists');
  if (state.enabledAt) throw new AppError('conflict', 'An authenticator app is already set up for this account');
  let secret = state.secretEncrypted ? decryptSecret(deps.keys, state.secretEncrypted) : null;
  if (!secret) {
    secret = totpSecretFrom(randomBytes(20));
    await store.setPendingSecret(session.userId, encryptSecret(deps.keys, secret));
  }
  return { secret, uri: totpUri(secret, account.email) };
};

/**
 * Confirms enrolment with a code from the new authenticator: enables it, marks this session
 * verified, and returns the recovery codes — shown once, stored only hashed. Wrong codes count
 * against the same per-account back-off as the sign-in challenge (`mfaThrottleRules`), so
 * enrolment is no way round it.
 */
export const confirmMfaEnrolment = async (deps: MfaDeps, session: SessionRecord, code: string): Promise<{ recoveryCodes: string[] }> => {
  const now = deps.clock();
  const result = await deps.db.transaction().execute(async (trx): Promise<EnrolOutcome> => {
    const store = mfa(trx);
    const state = await store.state(session.userId);
    if (!state?.secretEncrypted || state.enabledAt)
      throw new AppError('conflict', 'There is no authenticator app being set up for this account');
    if (!(await store.sessionOpen(session.id))) throw new AppError('unauthenticated', 'Sign in again');
    const throttle = await store.throttleForUpdate(session.userId);
    const wait = mfaWaitSeconds(throttle, now);
    if (wait > 0) return { ok: false, throttled: { retryAfterSeconds: wait, wrongCode: false } };
    const check = verifyTotp(decryptSecret(deps.keys, state.secretEncrypted), code, now, state.lastStep);
    if (!check.ok) {
      await record(deps, trx, session, 'auth.mfa-wrong-code', { during: 'enrolment', reason: check.reason });
      const retryAfterSeconds = await countWrongCode(deps, trx, session, throttle, now);
      return { ok: false, throttled: retryAfterSeconds === null ? null : { retryAfterSeconds, wrongCode: true } };
    }
    const recoveryCodes = Array.from({ length: recoveryCodeCount }, newRecoveryCode);
    await store.enable(session.userId, now, check.step);
    await store.replaceRecoveryCodes(session.userId, session.trustId, recoveryCodes.map(hashRecoveryCode));
    await store.clearThrottle(session.userId);
    await sessions(trx).markMfaVerified(session.id);
    await record(deps, trx, session, 'auth.mfa-enrolled', {
      before: { mfaEnabled: false },
      after: { mfaEnabled: true },
      recoveryCodes: recoveryCodeCount,
    });
    return { ok: true as const, recoveryCodes };
  });
  if (!result.ok && result.throttled) throw throttled(result.throttled.retryAfterSeconds, result.throttled.wrongCode);
  if (!result.ok) throw new AppError('validation', WRONG_CODE, [{ where: 'code', reason: WRONG_CODE }]);
  return { recoveryCodes: result.recoveryCodes };
};

type EnrolOutcome =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; throttled: { retryAfterSeconds: number; wrongCode: boolean } | null };

/**
 * Counts one wrong code against the account's back-off (inside the transaction that holds its row);
 * when that code reaches the limit the back-off is audited and its wait returned, otherwise null.
 */
const countWrongCode = async (
  deps: MfaDeps,
  trx: Kysely<Tables>,
  session: SessionRecord,
  throttle: MfaThrottleState,
  now: Date,
): Promise<number | null> => {
  const next = afterWrongMfaCode(throttle, now);
  await mfa(trx).saveThrottle(session.userId, next.state);
  if (!next.limitReached) return null;
  const retryAfterSeconds = mfaWaitSeconds(next.state, now);
  await record(deps, trx, session, 'auth.mfa-throttled', {
    batches: next.state.batches,
    blockedUntil: next.state.blockedUntil?.toISOString() ?? null,
    retryAfterSeconds,
  });
  return retryAfterSeconds;
};

export type MfaVerification = { method: 'totp' } | { method: 'recovery-code'; remaining: number };

const throttled = (retryAfterSeconds: number, wrongCode: boolean) => {
  const wait = `Wait ${describeWait(retryAfterSeconds)} and try again`;
  const message = wrongCode
    ? `The code is not right, and there have been too many wrong codes for this account. ${wait}`
    : `There have been too many wrong codes for this account. ${wait}`;
  return new AppError('rate_limited', message, [{ where: 'retryAfterSeconds', reason: String(retryAfterSeconds) }]);
};

type VerifyOutcome =
  | { ok: true; verification: MfaVerification }
  | { ok: false; reason: 'wrong' | 'replayed' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number; wrongCode: boolean };

/**
 * The second step of sign-in: a current TOTP code (a code whose time step was already used is
 * refused as replayed) or an unused recovery code (consumed). Wrong codes are limited per account
 * across sessions (`mfaThrottleRules`): once the limit is reached the account must wait, the wait
 * doubling with each further batch, and no code — not even the right one — is checked until it is
 * over; reaching the limit is audited. A right code starts afresh. After too many wrong codes the
 * pending session is also revoked, so guessing must start again from the throttled password step.
 */
export const verifyMfa = async (deps: MfaDeps, session: SessionRecord, code: string): Promise<MfaVerification> => {
  const now = deps.clock();
  const trimmed = code.trim();
  const result = await deps.db.transaction().execute(async (trx): Promise<VerifyOutcome> => {
    const store = mfa(trx);
    const state = await store.state(session.userId);
    if (!state?.secretEncrypted || !state.enabledAt) throw new AppError('conflict', 'No authenticator app is set up for this account');
    if (!(await store.sessionOpen(session.id))) throw new AppError('unauthenticated', 'Sign in again');
    const throttle = await store.throttleForUpdate(session.userId);
    const wait = mfaWaitSeconds(throttle, now);
    if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait, wrongCode: false };
    let outcome: { ok: true; verification: MfaVerification } | { ok: false; reason: 'wrong' | 'replayed' };
    if (/^\d[\d\s]*$/.test(trimmed)) {
      const check = verifyTotp(decryptSecret(deps.keys, state.secretEncrypted), trimmed, now, state.lastStep);
      outcome = !check.ok
        ? check
        : (await store.advanceStep(session.userId, check.step))
          ? { ok: true, verification: { method: 'totp' } }
          : { ok: false, reason: 'replayed' };
    } else if (await store.consumeRecoveryCode(session.userId, hashRecoveryCode(trimmed), now)) {
      outcome = { ok: true, verification: { method: 'recovery-code', remaining: await store.unusedRecoveryCodes(session.userId) } };
    } else {
      outcome = { ok: false, reason: 'wrong' };
    }
    if (!outcome.ok) {
      await record(deps, trx, session, outcome.reason === 'replayed' ? 'auth.mfa-replayed-code' : 'auth.mfa-wrong-code', {
        during: 'sign-in',
      });
      const retryAfterSeconds = await countWrongCode(deps, trx, session, throttle, now);
      if ((await store.wrongCodesSince(session.userId, session.createdAt)) >= maxWrongCodesPerSession) {
        await sessions(trx).revoke(session.id, 'too many wrong codes', now);
      }
      if (retryAfterSeconds !== null) return { ok: false, reason: 'throttled', retryAfterSeconds, wrongCode: true };
      return outcome;
    }
    await store.clearThrottle(session.userId);
    await sessions(trx).markMfaVerified(session.id);
    if (outcome.verification.method === 'recovery-code') {
      await record(deps, trx, session, 'auth.mfa-recovery-code-used', { remaining: outcome.verification.remaining });
    } else {
      await record(deps, trx, session, 'auth.mfa-verified', { method: 'totp' });
    }
    return outcome;
  });
  if (!result.ok && result.reason === 'throttled') throw throttled(result.retryAfterSeconds, result.wrongCode);
  if (!result.ok) throw new AppError('validation', WRONG_CODE, [{ where: 'code', reason: WRONG_CODE }]);
  return result.verification;
};

/** Whether the session's account has an authenticator app set up (decides challenge or set-up page). */
export const hasMfaEnrolled = async (deps: MfaDeps, session: SessionRecord): Promise<boolean> =>
  (await mfa(deps.db).state(session.userId))?.enabledAt != null;
