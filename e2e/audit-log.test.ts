import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signIn } from './support/sign-in.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The audit log reads as a history and fits the page: no horizontal page scroll at 1280 px or 375 px. */
describe.skipIf(skipBrowserSuite)('the audit log in Chromium', () => {
  let server: RunningServer;
  let url: string;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({ demoData: true });
    url = server.url;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['trust admin', 'olivia.grant@riverside-demo.example'],
    ['school admin', 'hannah.lee@riverside-demo.example'],
  ])(
    'shows a %s a history in words that fits the page, passing axe',
    async (who, email) => {
      const page = await signIn(browser, url, email);
      page.setDefaultTimeout(8000);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        const response = await page.goto(`${url}/audit`);
        expect(response?.status()).toBe(200);
        await page.evaluate(() => {
          for (const details of document.querySelectorAll('main details')) details.setAttribute('open', '');
        });
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(widths.scroll, `${who} at ${width} px`).toBeLessThanOrEqual(widths.client);
        const text = (await page.locator('main').textContent()) ?? '';
        expect(text).not.toMatch(uuid);
        expect(text).not.toMatch(/[{}]/);
        await page.screenshot({ path: `test-results/audit-log-${who.replace(' ', '-')}-${width}.png`, fullPage: false });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${url}/audit`);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('filters a trust admin’s history by action, chosen by name', async () => {
    const page = await signIn(browser, url, 'olivia.grant@riverside-demo.example');
    page.setDefaultTimeout(8000);
    await page.goto(`${url}/audit`);
    await page.getByLabel('What happened').selectOption({ label: 'Evidence decided' });
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForLoadState('load');
    await expect(page.locator('[data-testid="audit-entry"]').first().textContent()).resolves.toMatch(
      /Priya Shah[\s\S]+Amy Clarke’s evidence ‘/,
    );
    await page.close();
  });
});
