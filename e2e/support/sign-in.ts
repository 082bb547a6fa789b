import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/usecases/demo.ts';

/** Fills the sign-in form already on the page with a demo user's email and the demo password, and submits it. */
export const submitDemoSignIn = async (page: Page, email: string): Promise<void> => {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.locator('main').getByRole('button', { name: 'Sign in', exact: true }).click();
};

export type SignInOptions = {
  /** False to browse as a user without JavaScript; axe cannot run in such a page. */
  javaScriptEnabled?: boolean;
};

/**
 * Signs a demo user in through the sign-in page, in a fresh browser context so each user keeps their own
 * session cookie, and returns the page once the sign-in has loaded.
 */
export const signIn = async (browser: Browser, baseUrl: string, email: string, options: SignInOptions = {}): Promise<Page> => {
  const page = await (await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true })).newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await submitDemoSignIn(page, email);
  await page.waitForLoadState('load');
  return page;
};
