import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The achievements page and its add form, without JavaScript help, and their accessibility. */
describe.skipIf(skipBrowserSuite)('achievements in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });
  let page: Page;

  beforeAll(async () => {
    page = await signIn(shared.browser, shared.server.url, 'amy.clarke@riverside-demo.example');
  });

  it('adds a maths grade through the form, shows it, and passes axe on the page, the form and its errors', async () => {
    const response = await page.request.get(`${shared.server.url}/portfolio`, { maxRedirects: 0 });
    const portfolio = String(response.headers().location);
    await page.goto(`${shared.server.url}${portfolio}/achievements`);
    expect(await page.locator('h1').textContent()).toContain('Achievements');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Add a grade' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Maths').check();
    await page.getByLabel('Qualification and grade').selectOption('gcse-9-1::4');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.waitForURL(/\/achievements$/);
    expect(await page.locator('[data-testid="achievement-list"]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Maths: GCSE (9 to 1 grading, England) 4')]),
    );
  });
});
