import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoLogins } from '../src/usecases/demo.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';

describe.skipIf(skipBrowserSuite)('sign in and out in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demoData: true });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('signs a demo user in through the page, shows their name, and signs them out', async () => {
    const login = demoLogins().find((l) => l.role === 'staff');
    if (!login) throw new Error('no demo staff login');
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));

    await page.goto(`${server.url}/ladder`);
    await page.getByTestId('sign-in-link').click();
    await page.waitForURL(`${server.url}/sign-in`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Email address').fill(login.email);
    await page.getByLabel('Password').fill('wrong password entirely');
    await page.getByTestId('sign-in-button').click();
    await expect.poll(() => page.locator('.govuk-error-summary').textContent()).toContain('The email address or password is not right');

    await page.getByLabel('Email address').fill(login.email);
    await page.getByLabel('Password').fill(login.password);
    await page.getByTestId('sign-in-button').click();
    await page.waitForURL(`${server.url}/home`);
    expect(await page.getByTestId('signed-in-name').textContent()).toBe(login.name);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/account/password`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.goto(`${server.url}/`);
    const cookie = (await context.cookies()).find((c) => c.name === 'pathways_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByTestId('signed-in-name').count()).toBe(0);
    expect(await page.getByTestId('sign-in-link').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });
});
