import { describe, expect, it } from 'vitest';
import { AuditLogPage } from './pages/audit-log.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The audit log reads as a history and fits the page: no horizontal page scroll at 1280 px or 375 px. */
describe.skipIf(skipBrowserSuite)('the audit log in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  it.each([
    ['trust admin', 'olivia.grant@riverside-demo.example'],
    ['school admin', 'hannah.lee@riverside-demo.example'],
  ])(
    'shows a %s a history in words that fits the page, passing axe',
    async (who, email) => {
      const page = await signIn(shared.browser, shared.url, email);
      page.setDefaultTimeout(8000);
      const log = new AuditLogPage(page);
      for (const width of [1280, 375]) {
        await page.setViewportSize({ width, height: 900 });
        const response = await log.open(shared.url);
        expect(response?.status()).toBe(200);
        await log.openChanges();
        expect(await log.sidewaysScroll(), `${who} at ${width} px`).toBeLessThanOrEqual(0);
        const text = (await log.mainText()) ?? '';
        expect(text).not.toMatch(uuid);
        expect(text).not.toMatch(/[{}]/);
        await page.screenshot({ path: `test-results/audit-log-${who.replace(' ', '-')}-${width}.png`, fullPage: false });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
      await log.open(shared.url);
      expect(await seriousViolations(page)).toEqual([]);
      await page.close();
    },
    120_000,
  );

  it('filters a trust admin’s history by action, chosen by name', async () => {
    const page = await signIn(shared.browser, shared.url, 'olivia.grant@riverside-demo.example');
    page.setDefaultTimeout(8000);
    const log = new AuditLogPage(page);
    await log.open(shared.url);
    await log.filterByAction('Evidence decided');
    // Only decisions are listed, the demo's among them: Priya Shah deciding Amy Clarke's evidence.
    const entries = await log.entries().allTextContents();
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) expect(entry).toMatch(/evidence ‘/);
    expect(entries).toContainEqual(expect.stringMatching(/Priya Shah[\s\S]+Amy Clarke’s evidence ‘/));
    await page.close();
  });
});
