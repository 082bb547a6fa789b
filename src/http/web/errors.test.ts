import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../demo/demo.ts';
import { totpCodeAt } from '../../domain/accounts/totp.ts';
import { testDatabaseKinds } from '../../store/testing.ts';
import { openAuthFixture } from '../../testing/auth.ts';
import { SESSION_COOKIE } from '../auth/session-plugin.ts';
import { buildServer } from '../server.ts';

const formHeaders = { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' };
const cookieOf = (response: LightMyRequestResponse) => response.cookies.find((c) => c.name === SESSION_COOKIE)?.value;

describe.each(testDatabaseKinds())('error pages on %s', (kind) => {
  it('answers the MFA set-up page of an account that already has an app with a 409 page saying so, not a 500', async () => {
    const f = await openAuthFixture(kind);
    const app = await buildServer(f.context, { logLevel: 'silent' });
    try {
      const post = (url: string, payload: string, token?: string) =>
        app.inject({ method: 'POST', url, headers: formHeaders, payload, cookies: token ? { [SESSION_COOKIE]: token } : {} });
      const get = (url: string, token?: string) => app.inject({ url, cookies: token ? { [SESSION_COOKIE]: token } : {} });
      const admin = f.login('school_admin');
      const signIn = () => post('/sign-in', new URLSearchParams({ email: admin.email, password: DEMO_PASSWORD }).toString());

      const first = cookieOf(await signIn());
      const setUpPage = await get('/sign-in/mfa/set-up', first);
      const secret = /data-testid="mfa-secret">([A-Z2-7 ]+)</.exec(setUpPage.body)?.[1]?.replace(/ /g, '') ?? '';
      expect((await post('/sign-in/mfa/set-up', `code=${totpCodeAt(secret, f.clock.now())}`, first)).statusCode).toBe(200);

      f.clock.advance(30_000);
      const pending = cookieOf(await signIn());
      const shown = await get('/sign-in/mfa/set-up', pending);
      const posted = await post('/sign-in/mfa/set-up', 'code=123456', pending);
      for (const [response, message] of [
        [shown, 'An authenticator app is already set up for this account'],
        [posted, 'There is no authenticator app being set up for this account'],
      ] as const) {
        expect(response.statusCode).toBe(409);
        expect(response.headers['content-type']).toContain('text/html');
        expect(response.body).toContain(message);
      }
    } finally {
      await app.close();
      await f.database.close();
    }
  });
});
