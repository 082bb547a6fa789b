import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The CPD log and performance review pages, without JavaScript help, and their accessibility. */
describe.skipIf(skipBrowserSuite)('CPD log and reviews in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  beforeAll(async () => {}, 60_000);

  it('logs an activity in hours and minutes, plans a suggestion, and opens a review as the line manager', async () => {
    const amy = await signIn(shared.browser, shared.server.url, 'amy.clarke@riverside-demo.example');
    const response = await amy.request.get(`${shared.server.url}/portfolio`, { maxRedirects: 0 });
    const portfolio = String(response.headers().location);
    await amy.goto(`${shared.server.url}${portfolio}/cpd`);
    expect(await amy.locator('h1').textContent()).toContain('CPD log');
    expect(await seriousViolations(amy)).toEqual([]);

    await amy.getByRole('button', { name: 'Add an activity' }).click();
    expect(await seriousViolations(amy)).toEqual([]);
    await amy.getByRole('button', { name: 'Save activity' }).click();
    await expect.poll(() => amy.locator('.govuk-error-summary').count()).toBe(1);
    expect(await seriousViolations(amy)).toEqual([]);

    await amy.getByLabel('Title').fill('Makaton level 1');
    await amy.getByLabel('Course').check();
    await amy.getByLabel('Day').fill('2');
    await amy.getByLabel('Month').fill('10');
    // The test server's clock stands at 1 January 2025.
    await amy.getByLabel('Year').fill('2024');
    await amy.getByLabel('Hours').fill('2');
    await amy.getByLabel('Minutes').fill('30');
    await amy.getByRole('button', { name: 'Save activity' }).click();
    await amy.waitForURL(/\/cpd(#log)?$/);
    expect(await amy.locator('main').textContent()).toContain('Makaton level 1');
    // The demo log already holds 2 hours 15 minutes for Amy in 2024/25; the new 2 hours 30 minutes adds to it.
    expect(await amy.locator('[data-testid="cpd-total"]').allTextContents()).toContain('4 hours 45 minutes');

    await amy
      .getByRole('button', { name: /^Add to my plan/ })
      .first()
      .click();
    await amy.waitForURL(/\/cpd(#planned)?$/);
    expect(await amy.locator('main').textContent()).toContain('In the plan');

    const priya = await signIn(shared.browser, shared.server.url, 'priya.shah@riverside-demo.example');
    await priya.goto(`${shared.server.url}${portfolio}/reviews`);
    expect(await seriousViolations(priya)).toEqual([]);
    const start = priya.getByRole('button', { name: /^Start the .* review$/ });
    if ((await start.count()) > 0) await start.click();
    else await priya.locator('main table a').first().click();
    await priya.waitForURL(/\/reviews\/[0-9a-f-]{36}$/);
    expect(await seriousViolations(priya)).toEqual([]);
  }, 120_000);
});
