import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import { openTestDatabase } from '../src/store/testing.ts';
import { buildTestContext } from '../src/testing/context.ts';
import { seedTrust } from '../src/testing/mail.ts';
import type { AppContext } from '../src/usecases/context.ts';
import { encryptSecret } from '../src/usecases/secrets.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { startTestOidcProvider, type TestProvider } from './support/oidc-provider.ts';

describe.skipIf(skipBrowserSuite)('single sign-on in Chromium against a real OpenID provider', () => {
  let context: AppContext;
  let app: Awaited<ReturnType<typeof buildServer>>;
  let url: string;
  let provider: TestProvider;
  let browser: Browser;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;

  beforeAll(async () => {
    context = await buildTestContext(await openTestDatabase('pglite'));
    app = await buildServer(context, { logLevel: 'silent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Redirects back from the provider are built from the public address, as in a running instance.
    context.config = { ...context.config, publicUrl: url };
    provider = await startTestOidcProvider({ redirectUri: `${url}/sign-in/sso/callback` });
    const db = context.database.kysely;
    seeded = await seedTrust(db, null);
    await db
      .insertInto('oidc_configs')
      .values({
        trust_id: seeded.trustId,
        issuer: provider.issuer,
        client_id: provider.clientId,
        client_secret_encrypted: encryptSecret(context.keys, provider.clientSecret),
        allowed_email_domains: ['oak.example'],
        own_tenants: [],
        enabled: true,
      })
      .execute();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await provider?.close();
    await app?.close();
    await context?.database.close();
  });

  const newPage = async (): Promise<{ browserContext: BrowserContext; page: Page }> => {
    const browserContext = await browser.newContext();
    // The provider's development pages import a web font; keep the test off the internet.
    await browserContext.route(/fonts\.googleapis\.com|fonts\.gstatic\.com/, (route) => route.abort());
    return { browserContext, page: await browserContext.newPage() };
  };

  /** Pathways' SSO form, then the provider's own login page; returns on the page the provider sends back to. */
  const signInAtProvider = async (page: Page, email: string, login: string) => {
    await page.goto(`${url}/sign-in`);
    await page.getByRole('button', { name: 'Sign in with your school account' }).click();
    await page.getByLabel('Work email address').fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: "Continue to your school's sign-in page" }).click();
    await page.waitForURL((u) => u.href.startsWith(provider.issuer));
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.getByRole('button', { name: 'Sign-in' }).click();
  };

  const auditActions = async () =>
    (await context.database.kysely.selectFrom('audit_events').select(['action', 'data']).orderBy('id').execute()).map((e) => ({
      action: e.action,
      reason: (e.data as { reason?: string } | null)?.reason,
    }));

  it('signs an invited user in: provider login page, back to Pathways with a session, identity linked', async () => {
    const { browserContext, page } = await newPage();
    await signInAtProvider(page, 'alex@oak.example', 'alex@oak.example');
    await page.waitForURL(`${url}/home`);
    const cookies = await browserContext.cookies(url);
    expect(cookies.map((c) => c.name)).toContain('pathways_session');
    const identity = await context.database.kysely.selectFrom('oidc_identities').selectAll().executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ identity: `${provider.issuer}#alex@oak.example`, user_id: seeded.staffA });
    const session = await context.database.kysely
      .selectFrom('sessions')
      .selectAll()
      .where('user_id', '=', seeded.staffA)
      .executeTakeFirstOrThrow();
    expect(session.revoked_at).toBeNull();
    expect((await auditActions()).map((a) => a.action)).toEqual(expect.arrayContaining(['sign_on.identity_linked', 'sign_in.sso']));
    await browserContext.close();
  });

  it('refuses an email from a domain the trust does not allow', async () => {
    const { browserContext, page } = await newPage();
    await signInAtProvider(page, 'bea@oak.example', 'bea@elsewhere.example');
    await page.waitForURL((u) => u.pathname === '/sign-in/sso/callback');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe("Your email's domain is not one your trust allows");
    expect((await browserContext.cookies(url)).map((c) => c.name)).not.toContain('pathways_session');
    expect(await auditActions()).toContainEqual({ action: 'sign_in.sso_refused', reason: 'wrong-domain' });
    await browserContext.close();
  });

  it('refuses a tampered state parameter', async () => {
    const { browserContext, page } = await newPage();
    // Let the provider answer, but change the state in its redirect back to Pathways. Playwright does not
    // route redirected requests, so the login form's redirects are followed here (sharing the browser's cookies).
    await browserContext.route(
      (u) => u.href.startsWith(`${provider.issuer}/interaction/`),
      async (route) => {
        if (route.request().method() !== 'POST') return route.continue();
        let response = await route.fetch({ maxRedirects: 0 });
        let location = response.headers().location;
        for (let hop = 0; location && !location.startsWith(url) && hop < 5; hop++) {
          response = await browserContext.request.get(new URL(location, provider.issuer).href, { maxRedirects: 0 });
          location = response.headers().location;
        }
        if (!location?.startsWith(`${url}/sign-in/sso/callback`)) return route.fulfill({ response });
        const callback = new URL(location);
        callback.searchParams.set('state', `${callback.searchParams.get('state') ?? ''}tampered`);
        return route.fulfill({ status: 303, headers: { location: callback.href } });
      },
    );
    await signInAtProvider(page, 'bea@oak.example', 'bea@oak.example');
    await page.waitForURL((u) => u.pathname === '/sign-in/sso/callback');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('This sign-in could not be checked');
    expect((await browserContext.cookies(url)).map((c) => c.name)).not.toContain('pathways_session');
    expect(
      await context.database.kysely.selectFrom('oidc_identities').select('user_id').where('user_id', '=', seeded.staffB).execute(),
    ).toEqual([]);
    expect(await auditActions()).toContainEqual({ action: 'sign_in.sso_refused', reason: 'state' });
    await browserContext.close();
  });

  it('refuses an email the provider says is not verified', async () => {
    const { browserContext, page } = await newPage();
    await signInAtProvider(page, 'bea@oak.example', 'unverified:bea@oak.example');
    await page.waitForURL((u) => u.pathname === '/sign-in/sso/callback');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(
      'Your identity provider did not confirm your email address',
    );
    expect((await browserContext.cookies(url)).map((c) => c.name)).not.toContain('pathways_session');
    expect(await auditActions()).toContainEqual({ action: 'sign_in.sso_refused', reason: 'unverified-email' });
    await browserContext.close();
  });
});
