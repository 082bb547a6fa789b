import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { type AuthFixture, openAuthFixture } from '../../testing/auth.ts';
import { SIGN_IN_FAILED } from '../../usecases/auth/sign-in.ts';
import { SESSION_COOKIE } from '../auth/session-plugin.ts';
import { buildServer } from '../server.ts';

const cookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === SESSION_COOKIE);

describe.each(testDatabaseKinds())('session API on %s', (kind) => {
  let fixture: AuthFixture | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await fixture?.database.close();
    app = undefined;
    fixture = undefined;
  });

  const setUp = async (options: { production?: boolean } = {}) => {
    fixture = await openAuthFixture(kind);
    const f = fixture;
    if (options.production) f.context.config = { ...f.context.config, production: true };
    const server = await buildServer(f.context, { logLevel: 'silent' });
    app = server;
    const signIn = (email: string, password = DEMO_PASSWORD) =>
      server.inject({ method: 'POST', url: '/api/session', payload: { email, password } });
    const signedInToken = async (email: string) => {
      const response = await signIn(email);
      expect(response.statusCode).toBe(200);
      const token = cookieOf(response)?.value;
      if (!token) throw new Error('no session cookie');
      return token;
    };
    const whoAmI = async (token: string) => (await server.inject({ url: '/api/session', cookies: { [SESSION_COOKIE]: token } })).json();
    return { f, server, signIn, signedInToken, whoAmI };
  };

  it('signs in with an HttpOnly, SameSite=Lax cookie (not Secure over plain HTTP in development) and says who is signed in', async () => {
    const { f, signIn, whoAmI } = await setUp();
    const staff = f.login('staff');
    const response = await signIn(staff.email);
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(response.json()).toMatchObject({
      signedIn: true,
      secondFactor: 'none',
      user: { email: staff.email, name: staff.name, roles: ['staff'] },
    });
    const cookie = cookieOf(response);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(await whoAmI(cookie?.value ?? '')).toMatchObject({ signedIn: true, user: { name: staff.name } });
  });

  it('sets a Secure cookie in production', async () => {
    const { f, signIn } = await setUp({ production: true });
    expect(cookieOf(await signIn(f.login('staff').email))).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
  });

  it('answers a wrong password and an unknown email with the same status and message', async () => {
    const { f, signIn } = await setUp();
    const wrong = await signIn(f.login('staff').email, 'not the password at all');
    const unknown = await signIn('nobody@riverside-demo.example');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ error: { code: 'unauthenticated', message: SIGN_IN_FAILED } });
    expect(cookieOf(wrong)).toBeUndefined();
  });

  it('stops a disabled account’s open session at once', async () => {
    const { f, signedInToken, whoAmI } = await setUp();
    const staff = f.login('staff');
    const token = await signedInToken(staff.email);
    expect(await whoAmI(token)).toMatchObject({ signedIn: true });
    await f.database.kysely.updateTable('user_accounts').set({ disabled_at: f.clock.now() }).where('email', '=', staff.email).execute();
    expect(await whoAmI(token)).toMatchObject({ signedIn: false, user: null });
  });

  it('ends sessions after the idle timeout and the absolute lifetime', async () => {
    const { f, signedInToken, whoAmI } = await setUp();
    const idle = await signedInToken(f.login('staff').email);
    f.clock.advance(31 * 60_000);
    expect(await whoAmI(idle)).toMatchObject({ signedIn: false });
    const busy = await signedInToken(f.login('staff').email);
    for (let hour = 0; hour < 12 * 3; hour++) {
      f.clock.advance(20 * 60_000);
      const state = await whoAmI(busy);
      expect(state.signedIn).toBe(hour < 12 * 3 - 1);
    }
  });

  it('signs out: DELETE revokes the session, so the old cookie no longer works', async () => {
    const { f, server, signedInToken, whoAmI } = await setUp();
    const token = await signedInToken(f.login('staff').email);
    const out = await server.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
      headers: { 'sec-fetch-site': 'same-origin' },
    });
    expect(out.statusCode).toBe(204);
    expect(await whoAmI(token)).toMatchObject({ signedIn: false });
  });

  it('refuses a cross-site request carrying the cookie, and accepts a same-origin one', async () => {
    const { f, server, signedInToken, whoAmI } = await setUp();
    const token = await signedInToken(f.login('staff').email);
    const forged = await server.inject({
      method: 'DELETE',
      url: '/api/session',
      cookies: { [SESSION_COOKIE]: token },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(forged.statusCode).toBe(403);
    expect(await whoAmI(token)).toMatchObject({ signedIn: true });
    const forgedForm = await server.inject({
      method: 'POST',
      url: '/sign-out',
      cookies: { [SESSION_COOKIE]: token },
      headers: { 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(forgedForm.statusCode).toBe(403);
    expect(await whoAmI(token)).toMatchObject({ signedIn: true });
    const real = await server.inject({
      method: 'POST',
      url: '/sign-out',
      cookies: { [SESSION_COOKIE]: token },
      headers: { 'sec-fetch-site': 'same-origin', 'content-type': 'application/x-www-form-urlencoded' },
      payload: '',
    });
    expect(real.statusCode).toBe(303);
    expect(await whoAmI(token)).toMatchObject({ signedIn: false });
  });

  it('sends no-store to signed-in users (API and pages) and leaves public framework responses cacheable', async () => {
    const { f, server, signedInToken } = await setUp();
    const token = await signedInToken(f.login('staff').email);
    const anonymousApi = await server.inject({ url: '/api/frameworks' });
    expect(anonymousApi.statusCode).toBe(200);
    expect(anonymousApi.headers['cache-control'] ?? '').not.toContain('no-store');
    for (const url of ['/api/frameworks', '/api/session', '/', '/ladder', '/account/password']) {
      const response = await server.inject({ url, cookies: { [SESSION_COOKIE]: token } });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    expect((await server.inject({ url: '/api/session' })).headers['cache-control']).toBe('no-store');
  });

  it('treats a session waiting for its second factor as not signed in', async () => {
    const { f, signedInToken, whoAmI, server } = await setUp();
    const token = await signedInToken(f.login('school_admin').email);
    expect(await whoAmI(token)).toEqual({ signedIn: false, secondFactor: 'challenge', user: null });
    const page = await server.inject({ url: '/account/password', cookies: { [SESSION_COOKIE]: token } });
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/sign-in/mfa?next=%2Faccount%2Fpassword');
  });

  it('answers a throttled sign-in with 429, Retry-After and when to try again, while the owner elsewhere signs in', async () => {
    const { f, server } = await setUp();
    const staff = f.login('staff');
    const from = (address: string, password: string) =>
      server.inject({ method: 'POST', url: '/api/session', payload: { email: staff.email, password }, remoteAddress: address });
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await from('198.51.100.66', `guess number ${i}`)).statusCode);
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(15).fill(429)]);
    const throttled = await from('198.51.100.66', DEMO_PASSWORD);
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('60');
    expect(throttled.json()).toMatchObject({
      error: { code: 'rate_limited', message: expect.stringMatching(/Wait 1 minute and try again/) },
    });
    expect(cookieOf(throttled)).toBeUndefined();
    const owner = await from('203.0.113.7', DEMO_PASSWORD);
    expect(owner.statusCode).toBe(200);
    expect(cookieOf(owner)).toBeDefined();
  });

  it('refuses a cross-site sign-in without a cookie (login CSRF), and keeps API clients that send no browser headers working', async () => {
    const { f, server } = await setUp();
    const payload = { email: f.login('staff').email, password: DEMO_PASSWORD };
    const forged = await server.inject({ method: 'POST', url: '/api/session', payload, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(forged.statusCode).toBe(403);
    expect(cookieOf(forged)).toBeUndefined();
    const foreignOrigin = await server.inject({
      method: 'POST',
      url: '/api/session',
      payload,
      headers: { origin: 'https://evil.example' },
    });
    expect(foreignOrigin.statusCode).toBe(403);
    const client = await server.inject({ method: 'POST', url: '/api/session', payload });
    expect(client.statusCode).toBe(200);
    expect(cookieOf(client)).toBeDefined();
  });
});
