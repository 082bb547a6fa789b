import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/demo.ts';
import { SignInPage } from '../pages/sign-in.ts';

/** Fills the sign-in form already on the page with a demo user's email and the demo password, and submits it. */
export const submitDemoSignIn = async (page: Page, email: string): Promise<void> => {
  await new SignInPage(page).signIn(email, DEMO_PASSWORD);
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
  await new SignInPage(page).open(baseUrl);
  await submitDemoSignIn(page, email);
  await page.waitForLoadState('load');
  return page;
};
