import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { DEMO_PASSWORD } from '../../demo/demo.ts';
import { mfaThrottleRules } from '../../domain/accounts/mfa-throttle.ts';
import { totpCodeAt } from '../../domain/accounts/totp.ts';
import { sessions } from '../../store/sessions.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { type AuthFixture, openAuthFixture } from '../../testing/auth.ts';
import { beginMfaEnrolment, confirmMfaEnrolment, maxWrongCodesPerSession, recoveryCodeCount, verifyMfa } from './mfa.ts';
import { hashToken, resolveSession } from './sessions.ts';
import { signIn } from './sign-in.ts';

describe.each(testDatabaseKinds())('multi-factor authentication on %s', (kind) => {
  let fixture: AuthFixture | undefined;
  afterEach(async () => {
    await fixture?.database.close();
    fixture = undefined;
  });

  const setUp = async () => {
    fixture = await openAuthFixture(kind);
    const f = fixture;
    const db = f.database.kysely;
    const mfaDeps = { db, keys: f.context.keys, clock: f.clock.now };
    const admin = f.login('school_admin');
    /** Signs the admin in with their password; returns the (pending) session record and token. */
    const passwordStep = async () => {
      const signedIn = await signIn(
        { db, auditKey: f.context.keys.auditKey, clock: f.clock.now, demo: false },
        { email: admin.email, password: DEMO_PASSWORD, clientAddress: '203.0.113.9', userAgent: null },
      );
      const session = await sessions(db).findByTokenHash(hashToken(signedIn.token));
      if (!session) throw new Error('no session');
      return { signedIn, session };
    };
    const enrol = async () => {
      const { session } = await passwordStep();
      const { secret } = await beginMfaEnrolment(mfaDeps, session);
      const { recoveryCodes } = await confirmMfaEnrolment(mfaDeps, session, totpCodeAt(secret, f.clock.now()));
      return { secret, recoveryCodes };
    };
    const live = async (token: string) => (await resolveSession(db, token, f.clock.now()))?.session.mfaVerified === true;
    const events = async () =>
      (await db.selectFrom('audit_events').select('action').where('action', 'like', 'auth.mfa%').orderBy('id').execute()).map(
        (e) => e.action,
      );
    return { f, db, mfaDeps, passwordStep, enrol, live, events };
  };

  it('enrols with a QR seed and a confirming code, stores the seed encrypted and the recovery codes hashed', async () => {
    const { f, db, mfaDeps, passwordStep, live, events } = await setUp();
    const { signedIn, session } = await passwordStep();
    expect(signedIn.mfa).toBe('enrol');
    expect(await live(signedIn.token)).toBe(false);
    const enrolment = await beginMfaEnrolment(mfaDeps, session);
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/Pathways:.*secret=/);
    // Reloading the page shows the same seed until it is confirmed.
    expect((await beginMfaEnrolment(mfaDeps, session)).secret).toBe(enrolment.secret);
    await expect(confirmMfaEnrolment(mfaDeps, session, '000000')).rejects.toMatchObject({ code: 'validation' });
    const { recoveryCodes } = await confirmMfaEnrolment(mfaDeps, session, totpCodeAt(enrolment.secret, f.clock.now()));
    expect(recoveryCodes).toHaveLength(recoveryCodeCount);
    expect(new Set(recoveryCodes).size).toBe(recoveryCodeCount);
    expect(await live(signedIn.token)).toBe(true);

    const account = await db
      .selectFrom('user_accounts')
      .selectAll()
      .where('email', '=', f.login('school_admin').email)
      .executeTakeFirstOrThrow();
    expect(account.mfa_enabled_at).not.toBeNull();
    expect(account.mfa_secret_encrypted).not.toContain(enrolment.secret);
    const stored = await db.selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', account.id).execute();
    expect(stored).toHaveLength(recoveryCodeCount);
    expect(stored.map((s) => s.code_hash)).not.toContain(recoveryCodes[0]);
    await expect(beginMfaEnrolment(mfaDeps, session)).rejects.toMatchObject({ code: 'conflict' });
    expect(await events()).toEqual(['auth.mfa-wrong-code', 'auth.mfa-enrolled']);
  });

  it('challenges an enrolled account: the right code signs in, a wrong one does not, a used one is refused as replayed', async () => {
    const { f, mfaDeps, passwordStep, enrol, live, events } = await setUp();
    const { secret } = await enrol();
    // Same 30-second step as the enrolment code: that code was used, so it is a replay.
    const first = await passwordStep();
    expect(first.signedIn.mfa).toBe('challenge');
    await expect(verifyMfa(mfaDeps, first.session, totpCodeAt(secret, f.clock.now()))).rejects.toMatchObject({ code: 'validation' });
    await expect(verifyMfa(mfaDeps, first.session, '123456')).rejects.toMatchObject({ code: 'validation' });
    expect(await live(first.signedIn.token)).toBe(false);

    f.clock.advance(30_000);
    const code = totpCodeAt(secret, f.clock.now());
    await expect(verifyMfa(mfaDeps, first.session, code)).resolves.toEqual({ method: 'totp' });
    expect(await live(first.signedIn.token)).toBe(true);

    const second = await passwordStep();
    await expect(verifyMfa(mfaDeps, second.session, code)).rejects.toMatchObject({ code: 'validation' });
    expect(await live(second.signedIn.token)).toBe(false);
    expect(await events()).toEqual([
      'auth.mfa-enrolled',
      'auth.mfa-replayed-code',
      'auth.mfa-wrong-code',
      'auth.mfa-verified',
      'auth.mfa-replayed-code',
    ]);
  });

  it('accepts each recovery code once', async () => {
    const { mfaDeps, passwordStep, enrol, live, events } = await setUp();
    const { recoveryCodes } = await enrol();
    const code = recoveryCodes[3] ?? '';
    const first = await passwordStep();
    await expect(verifyMfa(mfaDeps, first.session, ` ${code.toUpperCase()} `)).resolves.toEqual({
      method: 'recovery-code',
      remaining: recoveryCodeCount - 1,
    });
    expect(await live(first.signedIn.token)).toBe(true);
    const second = await passwordStep();
    await expect(verifyMfa(mfaDeps, second.session, code)).rejects.toMatchObject({ code: 'validation' });
    expect(await live(second.signedIn.token)).toBe(false);
    expect(await events()).toEqual(['auth.mfa-enrolled', 'auth.mfa-recovery-code-used', 'auth.mfa-wrong-code']);
  });

  it('revokes a pending session after too many wrong codes', async () => {
    const { f, mfaDeps, passwordStep, enrol } = await setUp();
    const { secret } = await enrol();
    f.clock.advance(60_000);
    const pending = await passwordStep();
    for (let i = 0; i < maxWrongCodesPerSession; i++) {
      // The last wrong code also reaches the account's limit, which says when to try again.
      const expected = i < maxWrongCodesPerSession - 1 ? 'validation' : 'rate_limited';
      await expect(verifyMfa(mfaDeps, pending.session, 'wrong-code')).rejects.toMatchObject({ code: expected });
    }
    expect(await resolveSession(f.database.kysely, pending.signedIn.token, f.clock.now())).toBeUndefined();
    await expect(verifyMfa(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()))).rejects.toMatchObject({ code: 'unauthenticated' });
    // The right code cannot bring a revoked session back.
    expect(await resolveSession(f.database.kysely, pending.signedIn.token, f.clock.now())).toBeUndefined();
  });

  /** A six-digit code that is not valid now, nor in the steps either side. */
  const wrongCodeFor = (secret: string, now: Date, seed: number) => {
    const valid = new Set([-30_000, 0, 30_000].map((offset) => totpCodeAt(secret, new Date(now.getTime() + offset))));
    for (let n = seed; ; n++) {
      const guess = String((n * 7919) % 1_000_000).padStart(6, '0');
      if (!valid.has(guess)) return guess;
    }
  };

  it('limits wrong codes per account across sessions: after 60 guesses over 12 sign-ins the right code waits out the back-off', async () => {
    const { f, db, mfaDeps, passwordStep, enrol, live } = await setUp();
    const { secret } = await enrol();
    f.clock.advance(60_000);
    const answers: string[] = [];
    let pending = await passwordStep();
    for (let signIns = 0; signIns < 12; signIns++) {
      pending = await passwordStep();
      for (let i = 0; i < 5; i++) {
        const error = await verifyMfa(mfaDeps, pending.session, wrongCodeFor(secret, f.clock.now(), signIns * 5 + i)).catch(
          (e: unknown) => e,
        );
        answers.push(error instanceof AppError ? error.code : 'accepted');
      }
    }
    expect(answers).toEqual([...Array(mfaThrottleRules.perBatch - 1).fill('validation'), ...Array(60 - 4).fill('rate_limited')]);
    const right = await verifyMfa(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now())).catch((e: unknown) => e);
    expect(right).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/Wait 5 minutes and try again/) });
    expect(await live(pending.signedIn.token)).toBe(false);
    const throttledEvents = await db.selectFrom('audit_events').select('data').where('action', '=', 'auth.mfa-throttled').execute();
    expect(throttledEvents).toHaveLength(1);
    expect(throttledEvents[0]?.data).toMatchObject({ batches: 1, retryAfterSeconds: mfaThrottleRules.firstWaitMinutes * 60 });

    f.clock.advance(mfaThrottleRules.firstWaitMinutes * 60_000);
    await expect(verifyMfa(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()))).resolves.toEqual({ method: 'totp' });
    expect(await live(pending.signedIn.token)).toBe(true);
  });

  it('doubles the wait with a further batch of wrong codes, and a right code starts afresh', async () => {
    const { f, mfaDeps, passwordStep, enrol } = await setUp();
    const { secret } = await enrol();
    const batch = async (seed: number) => {
      const pending = await passwordStep();
      for (let i = 0; i < mfaThrottleRules.perBatch; i++)
        await verifyMfa(mfaDeps, pending.session, wrongCodeFor(secret, f.clock.now(), seed + i)).catch(() => undefined);
    };
    f.clock.advance(60_000);
    await batch(0);
    f.clock.advance(mfaThrottleRules.firstWaitMinutes * 60_000);
    await batch(10);
    const pending = await passwordStep();
    f.clock.advance(mfaThrottleRules.firstWaitMinutes * 60_000);
    await expect(verifyMfa(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()))).rejects.toMatchObject({
      code: 'rate_limited',
      details: [{ where: 'retryAfterSeconds', reason: String(mfaThrottleRules.firstWaitMinutes * 60) }],
    });
    f.clock.advance(mfaThrottleRules.firstWaitMinutes * 60_000);
    await expect(verifyMfa(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()))).resolves.toEqual({ method: 'totp' });
    // After a right code the account has its whole allowance again.
    f.clock.advance(60_000);
    const next = await passwordStep();
    for (let i = 0; i < mfaThrottleRules.perBatch - 1; i++)
      await expect(verifyMfa(mfaDeps, next.session, wrongCodeFor(secret, f.clock.now(), 50 + i))).rejects.toMatchObject({
        code: 'validation',
      });
  });

  it('limits wrong enrolment codes per account across sessions, audited, so setting up is no way round the back-off', async () => {
    const { f, db, mfaDeps, passwordStep, live } = await setUp();
    const { secret } = await beginMfaEnrolment(mfaDeps, (await passwordStep()).session);
    const answers: string[] = [];
    for (let signIns = 0; signIns < 3; signIns++) {
      const pending = await passwordStep();
      for (let i = 0; i < mfaThrottleRules.perBatch; i++) {
        const code = wrongCodeFor(secret, f.clock.now(), signIns * 5 + i);
        const error = await confirmMfaEnrolment(mfaDeps, pending.session, code).catch((e: unknown) => e);
        answers.push(error instanceof AppError ? error.code : 'accepted');
      }
    }
    expect(answers).toEqual([...Array(mfaThrottleRules.perBatch - 1).fill('validation'), ...Array(11).fill('rate_limited')]);
    const pending = await passwordStep();
    await expect(confirmMfaEnrolment(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()))).rejects.toMatchObject({
      code: 'rate_limited',
      message: expect.stringMatching(/Wait 5 minutes and try again/),
    });
    expect(await live(pending.signedIn.token)).toBe(false);
    const throttledEvents = await db.selectFrom('audit_events').select('data').where('action', '=', 'auth.mfa-throttled').execute();
    expect(throttledEvents).toHaveLength(1);
    expect(throttledEvents[0]?.data).toMatchObject({ batches: 1, retryAfterSeconds: mfaThrottleRules.firstWaitMinutes * 60 });

    f.clock.advance(mfaThrottleRules.firstWaitMinutes * 60_000);
    const { recoveryCodes } = await confirmMfaEnrolment(mfaDeps, pending.session, totpCodeAt(secret, f.clock.now()));
    expect(recoveryCodes).toHaveLength(recoveryCodeCount);
    expect(await live(pending.signedIn.token)).toBe(true);
    // Enrolling starts afresh: the challenge has its whole allowance.
    expect(await db.selectFrom('mfa_throttles').selectAll().execute()).toEqual([]);
  });
});
