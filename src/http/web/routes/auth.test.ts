import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/demo.ts';
import { totpCodeAt } from '../../../domain/accounts/totp.ts';
import { testDatabaseKinds } from '../../../store/testing.ts';
import { type AuthFixture, openAuthFixture } from '../../../testing/auth.ts';
import { SIGN_IN_FAILED } from '../../../usecases/auth/sign-in.ts';
import { SESSION_COOKIE } from '../../auth/session-plugin.ts';
import { buildServer } from '../../server.ts';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const cookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;

describe.each(testDatabaseKinds())('sign-in pages on %s', (kind) => {
  let fixture: AuthFixture | undefined;
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    await fixture?.database.close();
    app = undefined;
    fixture = undefined;
  });

  const setUp = async () => {
    fixture = await openAuthFixture(kind);
    const f = fixture;
    const server = await buildServer(f.context, { logLevel: 'silent' });
    app = server;
    const post = (url: string, fields: Record<string, string>, token?: string) =>
      server.inject({
        method: 'POST',
        url,
        headers: formHeaders,
        payload: form(fields),
        cookies: token ? { [SESSION_COOKIE]: token } : {},
      });
    const get = (url: string, token?: string) => server.inject({ url, cookies: token ? { [SESSION_COOKIE]: token } : {} });
    /** A cookieless form post with the provenance headers a browser would send. */
    const postFrom = (url: string, fields: Record<string, string>, headers: Record<string, string>) =>
      server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        payload: form(fields),
      });
    return { f, post, get, postFrom };
  };

  it('signs in through the form, goes to a same-site next page only, and shows the name with a sign-out button', async () => {
    const { f, post, get } = await setUp();
    const staff = f.login('staff');
    expect((await get('/')).body).toContain('href="/sign-in"');
    const signedIn = await post('/sign-in?next=%2Fladder', { email: staff.email, password: DEMO_PASSWORD });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/ladder');
    const token = cookieOf(signedIn);
    const home = await get('/', token);
    expect(home.body).toContain(staff.name);
    expect(home.body).toContain('action="/sign-out"');
    for (const evil of ['//evil.example/', 'https://evil.example/', '/\\evil.example']) {
      const response = await post(`/sign-in?next=${encodeURIComponent(evil)}`, { email: staff.email, password: DEMO_PASSWORD });
      // An unsafe next address is ignored: sign-in lands on the signed-in home.
      expect(response.headers.location, evil).toBe('/home');
    }
  });

  it('re-renders the form with the one generic message on failure', async () => {
    const { f, post } = await setUp();
    const wrong = await post('/sign-in', { email: f.login('staff').email, password: 'nope nope nope' });
    const unknown = await post('/sign-in', { email: 'nobody@riverside-demo.example', password: 'nope nope nope' });
    for (const response of [wrong, unknown]) {
      expect(response.statusCode).toBe(401);
      expect(response.body).toContain(SIGN_IN_FAILED);
      expect(response.body).toContain('govuk-error-summary');
      expect(cookieOf(response)).toBeUndefined();
    }
  });

  it('tells a throttled browser when to try again, with 429, and sets no session', async () => {
    const { f, post } = await setUp();
    const staff = f.login('staff');
    for (let i = 0; i < 5; i++) expect((await post('/sign-in', { email: staff.email, password: `guess ${i} wrong` })).statusCode).toBe(401);
    const throttled = await post('/sign-in', { email: staff.email, password: DEMO_PASSWORD });
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('60');
    expect(throttled.body).toContain('govuk-error-summary');
    expect(throttled.body).toContain('Too many failed attempts to sign in. Wait 1 minute and try again');
    expect(cookieOf(throttled)).toBeUndefined();
  });

  it('sends a page to sign in and back when nobody is signed in', async () => {
    const { get } = await setUp();
    const response = await get('/account/password');
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Faccount%2Fpassword');
  });

  it('walks an admin through setting up MFA (QR code, code, recovery codes), then challenges the next sign-in', async () => {
    const { f, post, get } = await setUp();
    const admin = f.login('school_admin');
    const first = await post('/sign-in?next=%2Fladder', { email: admin.email, password: DEMO_PASSWORD });
    expect(first.headers.location).toBe('/sign-in/mfa/set-up?next=%2Fladder');
    const token = cookieOf(first);
    // Not signed in until the second factor is done.
    expect((await get('/', token)).body).not.toContain(admin.name);
    const setUpPage = await get('/sign-in/mfa/set-up?next=%2Fladder', token);
    expect(setUpPage.statusCode).toBe(200);
    expect(setUpPage.body).toContain('src="data:image/png;base64,');
    const secret = /data-testid="mfa-secret">([A-Z2-7 ]+)</.exec(setUpPage.body)?.[1]?.replace(/ /g, '') ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect((await post('/sign-in/mfa/set-up?next=%2Fladder', { code: '000000' }, token)).statusCode).toBe(400);
    const confirmed = await post('/sign-in/mfa/set-up?next=%2Fladder', { code: totpCodeAt(secret, f.clock.now()) }, token);
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.body.match(/<li>[a-z2-9]{5}-[a-z2-9]{5}<\/li>/g)).toHaveLength(10);
    expect((await get('/', token)).body).toContain(admin.name);

    f.clock.advance(30_000);
    const second = await post('/sign-in', { email: admin.email, password: DEMO_PASSWORD });
    // The second factor comes first, then the signed-in home.
    expect(second.headers.location).toBe('/sign-in/mfa?next=%2Fhome');
    const pending = cookieOf(second);
    expect((await get('/sign-in/mfa', pending)).statusCode).toBe(200);
    const wrong = await post('/sign-in/mfa', { code: '123456' }, pending);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('govuk-error-summary');
    const right = await post('/sign-in/mfa?next=%2Fhome', { code: totpCodeAt(secret, f.clock.now()) }, pending);
    expect(right.statusCode).toBe(303);
    expect(right.headers.location).toBe('/home');
    expect((await get('/', pending)).body).toContain(admin.name);
  });

  it('changes the password on /account/password and signs out the other sessions', async () => {
    const { f, post, get } = await setUp();
    const staff = f.login('staff');
    const here = cookieOf(await post('/sign-in', { email: staff.email, password: DEMO_PASSWORD }));
    const elsewhere = cookieOf(await post('/sign-in', { email: staff.email, password: DEMO_PASSWORD }));
    const mismatch = await post('/account/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a', confirmPassword: 'b' }, here);
    expect(mismatch.statusCode).toBe(400);
    const newPassword = 'orbit lantern cobble meadow';
    const changed = await post('/account/password', { currentPassword: DEMO_PASSWORD, newPassword, confirmPassword: newPassword }, here);
    expect(changed.statusCode).toBe(303);
    expect((await get('/', here)).body).toContain(staff.name);
    expect((await get('/', elsewhere)).body).not.toContain(staff.name);
  });

  it('refuses a cross-site sign-in with the right password (login CSRF) and sets no session; same-origin works', async () => {
    const { f, postFrom } = await setUp();
    const staff = f.login('staff');
    const credentials = { email: staff.email, password: DEMO_PASSWORD };
    const forgeries: Record<string, string>[] = [
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
      { origin: 'https://evil.example' },
      { origin: 'null' },
    ];
    for (const headers of forgeries) {
      const forged = await postFrom('/sign-in', credentials, headers);
      expect(forged.statusCode, JSON.stringify(headers)).toBe(403);
      expect(cookieOf(forged), JSON.stringify(headers)).toBeUndefined();
      expect(forged.headers['set-cookie'] ?? '', JSON.stringify(headers)).not.toContain(SESSION_COOKIE);
    }
    const sessions = await f.database.kysely.selectFrom('sessions').select('id').execute();
    expect(sessions).toEqual([]);
    const genuine: Record<string, string>[] = [
      { 'sec-fetch-site': 'same-origin' },
      { origin: 'http://pathways.test:8080', host: 'pathways.test:8080' },
    ];
    for (const headers of genuine) {
      const real = await postFrom('/sign-in', credentials, headers);
      expect(real.statusCode, JSON.stringify(headers)).toBe(303);
      expect(cookieOf(real), JSON.stringify(headers)).toBeDefined();
    }
  });

  it('refuses the other pre-session forms when posted from another site: password reset and invitation acceptance', async () => {
    const { f, postFrom } = await setUp();
    const token = 'a'.repeat(43);
    for (const [url, fields] of [
      ['/password-reset', { email: f.login('staff').email }],
      [`/password-reset/${token}`, { password: 'x', confirm: 'x' }],
      [`/invitations/${token}`, { password: 'x', confirm: 'x' }],
    ] as const) {
      expect((await postFrom(url, fields, { 'sec-fetch-site': 'cross-site' })).statusCode, url).toBe(403);
    }
    expect((await postFrom('/password-reset', { email: f.login('staff').email }, { 'sec-fetch-site': 'same-origin' })).statusCode).toBe(
      200,
    );
  });
});
