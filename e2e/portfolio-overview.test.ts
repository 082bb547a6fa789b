import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signIn } from './support/sign-in.ts';

/** The portfolio overview, the HLTA preparation page and the team view pass axe and show their content. */
describe.skipIf(skipBrowserSuite)('portfolio overview, HLTA preparation and team view in Chromium', () => {
  let server: RunningServer;
  let url: string;
  let browser: Browser;
  let amy = '';

  beforeAll(async () => {
    server = await startServer({ demoData: true });
    url = server.url;
    const db = server.context.database.kysely;
    amy = (
      await db
        .selectFrom('people')
        .select('id')
        .where('given_name', '=', 'Amy')
        .where('family_name', '=', 'Clarke')
        .executeTakeFirstOrThrow()
    ).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the staff member sees rings, next steps and the HLTA page; the manager sees the team; all pass axe', async () => {
    const staff = await signIn(browser, url, 'amy.clarke@riverside-demo.example');
    staff.setDefaultTimeout(8000);
    for (const path of [`/people/${amy}/portfolio`, `/people/${amy}/portfolio/hlta`]) {
      const response = await staff.goto(`${url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await seriousViolations(staff), path).toEqual([]);
    }
    expect(await staff.getByTestId('hlta-standard').count()).toBe(33);
    await staff.goto(`${url}/people/${amy}/portfolio`);
    await expect(
      staff.getByRole('img', { name: /Professional standards for Higher Level Teaching Assistants: \d+ of 33 met/ }).count(),
    ).resolves.toBe(1);

    const manager = await signIn(browser, url, 'priya.shah@riverside-demo.example');
    const team = await manager.goto(`${url}/team`);
    expect(team?.status()).toBe(200);
    await expect(manager.getByTestId('team').textContent()).resolves.toContain('Amy Clarke');
    // "My team" is linked from the line manager's home (the header keeps to one row).
    await manager.goto(`${url}/home`);
    await expect(manager.getByRole('link', { name: 'My team' }).count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(manager)).toEqual([]);
  }, 90_000);
});
