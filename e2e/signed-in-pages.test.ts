import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type DemoRecordIds, demoRecordIds } from './support/demo-records.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signIn } from './support/sign-in.ts';

/** Every page a signed-in admin or member of staff uses passes axe and keeps the skip link first in the tab order. */
describe.skipIf(skipBrowserSuite)('signed-in pages in Chromium', () => {
  let server: RunningServer;
  let url: string;
  let browser: Browser;
  let ids: DemoRecordIds & { user: string };

  const check = async (page: Page, path: string) => {
    const response = await page.goto(`${url}${path}`);
    expect(response?.status(), path).toBe(200);
    expect(await seriousViolations(page), path).toEqual([]);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim()), path).toBe('Skip to main content');
  };

  beforeAll(async () => {
    server = await startServer({ demoData: true });
    url = server.url;
    const db = server.context.database.kysely;
    ids = {
      ...(await demoRecordIds(db)),
      user: (
        await db.selectFrom('user_accounts').select('id').where('email', '=', 'amy.clarke@riverside-demo.example').executeTakeFirstOrThrow()
      ).id,
    };
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a trust admin’s pages: directory, person, organisations, users, invitations, audit, outbox, sign-on, import', async () => {
    const page = await signIn(browser, url, 'olivia.grant@riverside-demo.example');
    for (const path of [
      '/people',
      `/people/${ids.person}`,
      `/organisations/${ids.trust}`,
      `/organisations/${ids.school}`,
      `/organisations/${ids.trust}/schools/new`,
      '/users',
      `/users/${ids.user}`,
      '/users/invite',
      '/audit',
      '/admin/outbox',
      `/organisations/${ids.trust}/sign-on`,
      `/schools/${ids.school}/import`,
      '/account/password',
    ]) {
      await check(page, path);
    }
  });

  it('a member of staff’s pages: their record, next step, route and role fit', async () => {
    const page = await signIn(browser, url, 'amy.clarke@riverside-demo.example');
    const self = await server.context.database.kysely
      .selectFrom('user_accounts')
      .select('person_id')
      .where('email', '=', 'amy.clarke@riverside-demo.example')
      .executeTakeFirstOrThrow();
    for (const path of [`/people/${self.person_id}`, '/me/next-step', '/me/route', '/me/role-fit']) await check(page, path);
  });
});
