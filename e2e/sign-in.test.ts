import { describe, expect, it } from 'vitest';
import { demoLogins } from '../src/demo/demo.ts';
import { SignInPage } from './pages/sign-in.ts';
import { SiteHeader } from './pages/site-header.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { useBrowserServer } from './support/use-server.ts';

describe.skipIf(skipBrowserSuite)('sign in and out in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  it('signs a demo user in through the page, shows their name, and signs them out', async () => {
    const login = demoLogins().find((l) => l.role === 'staff');
    if (!login) throw new Error('no demo staff login');
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    const header = new SiteHeader(page);
    const signInPage = new SignInPage(page);
    await page.goto(`${shared.server.url}/ladder`);
    await header.signInLink().click();
    await page.waitForURL(`${shared.server.url}/sign-in`);
    expect(await seriousViolations(page)).toEqual([]);
    await signInPage.signIn(login.email, 'wrong password entirely');
    await expect.poll(() => signInPage.errorSummary().textContent()).toContain('The email address or password is not right');

    await signInPage.signIn(login.email, login.password);
    await page.waitForURL(`${shared.server.url}/home`);
    expect(await header.signedInName().textContent()).toBe(login.name);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${shared.server.url}/account/password`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${shared.server.url}/`);
    const cookie = (await context.cookies()).find((c) => c.name === 'pathways_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await header.signOutButton().click();
    await page.waitForURL(`${shared.server.url}/`);
    expect(await header.signedInName().count()).toBe(0);
    expect(await header.signInLink().count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
