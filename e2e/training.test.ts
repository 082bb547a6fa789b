import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { type DemoRecordIds, demoRecordIds } from './support/demo-records.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The mandatory-training pages pass axe, and a recorded completion shows up in the history. */
describe.skipIf(skipBrowserSuite)('mandatory training pages in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });
  let ids: DemoRecordIds;

  beforeAll(async () => {
    ids = await demoRecordIds(shared.server.context.database.kysely);
  });

  it('a trust admin records training and sees the school view and settings, all passing axe', async () => {
    const page = await signIn(shared.browser, shared.url, 'olivia.grant@riverside-demo.example');
    page.setDefaultTimeout(8000);
    await page.goto(`${shared.url}/people/${ids.person}/portfolio/training`);
    await page.getByRole('combobox', { name: 'Training', exact: true }).selectOption({ label: 'Health and safety' });
    await page.getByLabel('Day').fill('4');
    await page.getByLabel('Month').fill('9');
    await page.getByLabel('Year').fill('2024');
    await page.getByRole('button', { name: 'Record training' }).click();
    await page.waitForLoadState('load');
    await expect(page.getByTestId('history-health-and-safety').textContent()).resolves.toContain('Completed 4 September 2024');
    for (const path of [
      `/people/${ids.person}/portfolio/training`,
      `/organisations/${ids.school}/training?window=90`,
      `/organisations/${ids.trust}/training/settings`,
    ]) {
      const response = await page.goto(`${shared.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await seriousViolations(page), path).toEqual([]);
    }
  }, 90_000);
});
