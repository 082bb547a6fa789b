import { expect, it } from 'vitest';
import { StaffDirectoryPage } from '../pages/staff-directory.ts';
import { signIn } from '../support/sign-in.ts';
import { describeCrawl } from './crawl-suite.ts';

describeCrawl(
  'every page a trust admin (Olivia Grant, trust HR lead) reaches by links',
  { role: 'trust_admin', email: 'olivia.grant@riverside-demo.example' },
  {
    atLeast: 30,
    includes: [
      '/home',
      '/people',
      '/people/:id',
      '/organisations/:id',
      '/organisations/:id/schools/new',
      '/organisations/:id/sign-on',
      '/schools/:id/import',
      '/users',
      '/users/:id',
      '/users/invite',
      '/audit',
      '/admin/outbox',
      '/account/password',
    ],
  },
  (shared) => {
    it('on a phone, the staff table scrolls sideways in its own box and the page does not', async () => {
      const page = await signIn(shared.browser, shared.url, 'olivia.grant@riverside-demo.example');
      await page.setViewportSize({ width: 375, height: 800 });
      const directory = new StaffDirectoryPage(page);
      await directory.open(shared.url);
      expect(await directory.tableBox().count()).toBe(1);
      const scroll = await directory.sidewaysScroll();
      expect(scroll.page).toBe(0);
      expect(scroll.box).toBeGreaterThan(0);
      await page.screenshot({ path: 'test-results/crawl/trust_admin-people-375.png', fullPage: true });
      await page.context().close();
    }, 120_000);
  },
);
