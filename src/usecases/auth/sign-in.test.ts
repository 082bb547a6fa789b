import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import { DEMO_PASSWORD } from '../../demo/demo.ts';
import { throttleRules } from '../../domain/accounts/throttle.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { type AuthFixture, openAuthFixture } from '../../testing/auth.ts';
import { resolveSession } from './sessions.ts';
import { SIGN_IN_FAILED, type SignInInput, signIn, signInThrottledMessage, signOut } from './sign-in.ts';

describe.each(testDatabaseKinds())('signIn on %s', (kind) => {
  let fixture: AuthFixture | undefined;
  afterEach(async () => {
    await fixture?.database.close();
    fixture = undefined;
  });

  const setUp = async (options: { demo?: boolean } = {}) => {
    fixture = await openAuthFixture(kind, options);
    const f = fixture;
    const deps = { db: f.database.kysely, auditKey: f.context.keys.auditKey, clock: f.clock.now, demo: f.context.demo };
    const attempt = (input: Partial<SignInInput> & { email: string }) =>
      signIn(deps, { password: DEMO_PASSWORD, clientAddress: '203.0.113.7', userAgent: 'test', ...input });
    const failure = (input: Partial<SignInInput> & { email: string }) =>
      attempt(input).then(
        () => {
          throw new Error('signed in but should not have');
        },
        (error: unknown) => error,
      );
    const events = (action: string) => f.database.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).execute();
    return { f, deps, attempt, failure, events };
  };

  it('signs in with the right password, starts a live session and audits it without the password', async () => {
    const { f, attempt, events } = await setUp();
    const staff = f.login('staff');
    const signedIn = await attempt({ email: staff.email.toUpperCase() });
    expect(signedIn.mfa).toBe('none');
    const resolved = await resolveSession(f.database.kysely, signedIn.token, f.clock.now());
    expect(resolved?.actor.userId).toBe(await f.userIdOf(staff.email));
    expect(resolved?.session.mfaVerified).toBe(true);
    const audited = await events('auth.signed-in');
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited)).not.toContain(DEMO_PASSWORD);
  });

  it('gives one message for a wrong password, an unknown email and a disabled account, and audits each', async () => {
    const { f, failure, events } = await setUp();
    const staff = f.login('staff');
    const wrong = await failure({ email: staff.email, password: 'not-the-password' });
    const unknown = await failure({ email: 'nobody@riverside-demo.example' });
    await f.database.kysely
      .updateTable('user_accounts')
      .set({ disabled_at: f.clock.now() })
      .where('email', '=', f.login('line_manager').email)
      .execute();
    const disabled = await failure({ email: f.login('line_manager').email });
    for (const error of [wrong, unknown, disabled]) {
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: 'unauthenticated', message: SIGN_IN_FAILED });
    }
    const failed = await events('auth.sign-in-failed');
    expect(failed.map((e) => (e.data as { reason: string }).reason).sort()).toEqual(['disabled', 'unknown-email', 'wrong-password']);
    expect(JSON.stringify(failed)).not.toContain('not-the-password');
  });

  it("does not let a stranger's wrong passwords from one address lock the owner out from another; the stranger is throttled", async () => {
    const { f, attempt, failure, events } = await setUp();
    const staff = f.login('staff');
    const stranger = '198.51.100.66';
    const answers: unknown[] = [];
    for (let i = 0; i < 20; i++) answers.push(await failure({ email: staff.email, password: `guess ${i}`, clientAddress: stranger }));
    const codes = answers.map((a) => (a instanceof AppError ? a.code : 'not an AppError'));
    expect(codes.slice(0, throttleRules.perPair)).toEqual(Array(throttleRules.perPair).fill('unauthenticated'));
    expect(codes.slice(throttleRules.perPair)).toEqual(Array(20 - throttleRules.perPair).fill('rate_limited'));
    expect(answers[19]).toMatchObject({ message: signInThrottledMessage(throttleRules.pairFirstDelaySeconds) });
    expect((answers[19] as AppError).message).toMatch(/Wait 1 minute and try again/);
    // Even the right password from the stranger's address waits; only real guesses were checked and counted.
    expect(await failure({ email: staff.email, clientAddress: stranger })).toMatchObject({ code: 'rate_limited' });
    expect(await events('auth.sign-in-failed')).toHaveLength(throttleRules.perPair);
    expect((await events('auth.throttled')).length).toBe(20 - throttleRules.perPair + 1);
    // The owner, from their own address, signs in at once.
    await expect(attempt({ email: staff.email, clientAddress: '203.0.113.7' })).resolves.toMatchObject({ mfa: 'none' });
    // The stranger's wait doubles with each further wrong guess once the last one has passed.
    f.clock.advance(throttleRules.pairFirstDelaySeconds * 1000);
    expect(await failure({ email: staff.email, password: 'guess 21', clientAddress: stranger })).toMatchObject({ code: 'unauthenticated' });
    expect(await failure({ email: staff.email, password: 'guess 22', clientAddress: stranger })).toMatchObject({
      code: 'rate_limited',
      message: signInThrottledMessage(2 * throttleRules.pairFirstDelaySeconds),
    });
  });

  it('throttles unknown emails exactly like real ones, so the answer reveals no account', async () => {
    const { f, failure } = await setUp();
    const codesFor = async (email: string) => {
      const codes: string[] = [];
      for (let i = 0; i < throttleRules.perPair + 1; i++) {
        const error = await failure({ email, password: `guess ${i}`, clientAddress: '198.51.100.9' });
        codes.push(error instanceof AppError ? `${error.code}: ${error.message}` : 'none');
      }
      return codes;
    };
    expect(await codesFor('nobody@riverside-demo.example')).toEqual(await codesFor(f.login('staff').email));
  });

  it('slows, never locks, an account guessed from many addresses; the right password works once the short wait is over', async () => {
    const { f, attempt, failure } = await setUp();
    const staff = f.login('staff');
    for (let i = 0; i < throttleRules.perAccount; i++)
      await failure({ email: staff.email, password: `wrong ${i}`, clientAddress: `10.0.${Math.floor(i / 4)}.${i % 4}` });
    const slowed = await failure({ email: staff.email, clientAddress: '203.0.113.7' });
    expect(slowed).toMatchObject({ code: 'rate_limited' });
    expect((slowed as AppError).details).toEqual([{ where: 'retryAfterSeconds', reason: String(throttleRules.accountFirstDelaySeconds) }]);
    f.clock.advance(throttleRules.accountFirstDelaySeconds * 1000);
    await expect(attempt({ email: staff.email, clientAddress: '203.0.113.7' })).resolves.toMatchObject({ mfa: 'none' });
  });

  it('throttles a client address after 20 failures across accounts', async () => {
    const { f, attempt, failure } = await setUp();
    for (let i = 0; i < throttleRules.perAddress; i++)
      await failure({ email: `guess${i}@riverside-demo.example`, clientAddress: '192.0.2.1' });
    expect(await failure({ email: f.login('staff').email, clientAddress: '192.0.2.1' })).toMatchObject({ code: 'rate_limited' });
    await expect(attempt({ email: f.login('staff').email, clientAddress: '192.0.2.2' })).resolves.toMatchObject({ mfa: 'none' });
  });

  it('counts concurrent guesses in turn, so a burst cannot slip past the limit', async () => {
    const { f, failure, events } = await setUp();
    const staff = f.login('staff');
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => failure({ email: staff.email, password: `burst ${i}`, clientAddress: '198.51.100.77' })),
    );
    expect(burst.filter((e) => e instanceof AppError && e.code === 'unauthenticated')).toHaveLength(throttleRules.perPair);
    expect(await events('auth.sign-in-failed')).toHaveLength(throttleRules.perPair);
  });

  it('forgets attempts older than the throttle looks back in the transaction that records one, keeping the recent ones', async () => {
    const { f, failure } = await setUp();
    const db = f.database.kysely;
    const hoursAgo = (h: number) => new Date(f.clock.now().getTime() - h * 3_600_000);
    const old = Array.from({ length: 700 }, (_, i) => ({
      email: `guess${i}@riverside-demo.example`,
      client_address: '198.51.100.4',
      succeeded: false,
      attempted_at: hoursAgo(throttleRules.lookbackHours + 1),
    }));
    await db.insertInto('sign_in_attempts').values(old).execute();
    await db
      .insertInto('sign_in_attempts')
      .values({ email: 'recent@riverside-demo.example', client_address: '198.51.100.4', succeeded: false, attempted_at: hoursAgo(1) })
      .execute();
    const remaining = async () =>
      (await db.selectFrom('sign_in_attempts').select(['email', 'attempted_at']).execute()).filter(
        (r) => r.attempted_at < hoursAgo(throttleRules.lookbackHours),
      ).length;
    await failure({ email: f.login('staff').email, password: 'not-the-password' });
    // A bounded batch per attempt, so one sign-in never pays for a backlog.
    expect(await remaining()).toBe(200);
    await failure({ email: f.login('staff').email, password: 'not-the-password' });
    expect(await remaining()).toBe(0);
    const kept = await db.selectFrom('sign_in_attempts').select('email').orderBy('id').execute();
    expect(kept.map((r) => r.email)).toEqual(['recent@riverside-demo.example', f.login('staff').email, f.login('staff').email]);
  });

  it('rotates the session: a new token every time, and the previous session is revoked', async () => {
    const { f, attempt } = await setUp();
    const staff = f.login('staff');
    const first = await attempt({ email: staff.email });
    const second = await attempt({ email: staff.email, previousToken: first.token });
    expect(second.token).not.toBe(first.token);
    expect(await resolveSession(f.database.kysely, first.token, f.clock.now())).toBeUndefined();
    expect(await resolveSession(f.database.kysely, second.token, f.clock.now())).toBeDefined();
  });

  it('signs out: the session is revoked and audited', async () => {
    const { f, deps, attempt, events } = await setUp();
    const signedIn = await attempt({ email: f.login('staff').email });
    await signOut(deps, signedIn.token);
    expect(await resolveSession(f.database.kysely, signedIn.token, f.clock.now())).toBeUndefined();
    expect(await events('auth.signed-out')).toHaveLength(1);
  });

  it('asks admins for a second factor (session not verified yet), but not demo accounts in demo mode', async () => {
    const { f, attempt } = await setUp();
    for (const role of ['trust_admin', 'school_admin'] as const) {
      const signedIn = await attempt({ email: f.login(role).email });
      expect(signedIn.mfa).toBe('enrol');
      expect((await resolveSession(f.database.kysely, signedIn.token, f.clock.now()))?.session.mfaVerified).toBe(false);
    }
    await f.database.close();
    const demo = await setUp({ demo: true });
    await expect(demo.attempt({ email: demo.f.login('trust_admin').email })).resolves.toMatchObject({ mfa: 'none' });
  });
});

describe.each(testDatabaseKinds())('session lifetime on %s', (kind) => {
  it('ends a session after 30 idle minutes, and after 12 hours however active', async () => {
    const f = await openAuthFixture(kind);
    try {
      const deps = { db: f.database.kysely, auditKey: f.context.keys.auditKey, clock: f.clock.now, demo: false };
      const input = { email: f.login('staff').email, password: DEMO_PASSWORD, clientAddress: '203.0.113.7', userAgent: null };
      const idle = await signIn(deps, input);
      f.clock.advance(29 * 60_000);
      expect(await resolveSession(f.database.kysely, idle.token, f.clock.now())).toBeDefined();
      f.clock.advance(29 * 60_000);
      expect(await resolveSession(f.database.kysely, idle.token, f.clock.now())).toBeDefined();
      f.clock.advance(31 * 60_000);
      expect(await resolveSession(f.database.kysely, idle.token, f.clock.now())).toBeUndefined();

      const busy = await signIn(deps, input);
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        f.clock.advance(20 * 60_000);
        expect(await resolveSession(f.database.kysely, busy.token, f.clock.now())).toBeDefined();
      }
      f.clock.advance(20 * 60_000);
      expect(await resolveSession(f.database.kysely, busy.token, f.clock.now())).toBeUndefined();
    } finally {
      await f.database.close();
    }
  });
});
