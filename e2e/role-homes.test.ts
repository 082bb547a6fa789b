import { describe, expect, it } from 'vitest';
import { demoLogins } from '../src/demo/demo.ts';
import { SignedInHomePage } from './pages/signed-in-home.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { submitDemoSignIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/** Each demo role lands on its own home after signing in; the header keeps to one row on a laptop. */
describe.skipIf(skipBrowserSuite)('role homes and the header in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  it.each(demoLogins().map((l) => [l.role, l] as const))(
    'a %s signs in, lands on their home, and the header is one row at 1280 px',
    async (role, login) => {
      const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(`${shared.server.url}/sign-in`);
      await submitDemoSignIn(page, login.email);
      await page.waitForURL(`${shared.server.url}/home`);
      const home = new SignedInHomePage(page);
      expect(await home.heading().textContent()).toBe('Home');
      expect(await home.accountName().textContent()).toBe(login.name);

      const header = await home.headerRows();
      expect(header.count, role).toBeGreaterThanOrEqual(3);
      expect(header.rows, `${role}: header pieces sit on ${header.rows} rows`).toBe(1);
      // One row of 19px links with the service navigation's padding is about 60px; two rows would be over 100.
      expect(header.height, role).toBeLessThan(80);
      expect(await seriousViolations(page), role).toEqual([]);
      await page.screenshot({ path: `test-results/role-homes/home-${role}.png`, fullPage: true });

      await home.openAccountMenu();
      await page.screenshot({ path: `test-results/role-homes/account-menu-${role}.png` });
      await home.accountMenuLink('My account').click();
      await page.waitForURL(`${shared.server.url}/account`);
      expect(await page.locator('main h1').textContent()).toBe('My account');
      await context.close();
    },
    60_000,
  );

  it('keeps the public header to one row at 1280 px, and shows the collapsed menu at 375 px', async () => {
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${shared.server.url}/`);
    expect((await new SignedInHomePage(page).headerRows()).rows).toBe(1);
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${shared.server.url}/sign-in`);
    await submitDemoSignIn(page, 'priya.shah@riverside-demo.example');
    await page.waitForURL(`${shared.server.url}/home`);
    expect(await page.getByRole('button', { name: 'Menu' }).isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/role-homes/home-line_manager-375px.png', fullPage: true });
    await context.close();
  });
});
