import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The portfolio overview, the HLTA preparation page and the team view pass axe and show their content. */
describe.skipIf(skipBrowserSuite)('portfolio overview, HLTA preparation and team view in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });
  let amy = '';

  beforeAll(async () => {
    const db = shared.server.context.database.kysely;
    amy = (
      await db
        .selectFrom('people')
        .select('id')
        .where('given_name', '=', 'Amy')
        .where('family_name', '=', 'Clarke')
        .executeTakeFirstOrThrow()
    ).id;
  });

  it('the staff member sees rings, next steps and the HLTA page; the manager sees the team; all pass axe', async () => {
    const staff = await signIn(shared.browser, shared.url, 'amy.clarke@riverside-demo.example');
    staff.setDefaultTimeout(8000);
    for (const path of [`/people/${amy}/portfolio`, `/people/${amy}/portfolio/hlta`]) {
      const response = await staff.goto(`${shared.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await seriousViolations(staff), path).toEqual([]);
    }
    expect(await staff.getByTestId('hlta-standard').count()).toBe(33);
    await staff.goto(`${shared.url}/people/${amy}/portfolio`);
    await expect(
      staff.getByRole('img', { name: /Professional standards for Higher Level Teaching Assistants: \d+ of 33 met/ }).count(),
    ).resolves.toBe(1);

    const manager = await signIn(shared.browser, shared.url, 'priya.shah@riverside-demo.example');
    const team = await manager.goto(`${shared.url}/team`);
    expect(team?.status()).toBe(200);
    await expect(manager.getByTestId('team').textContent()).resolves.toContain('Amy Clarke');
    // "My team" is linked from the line manager's home (the header keeps to one row).
    await manager.goto(`${shared.url}/home`);
    await expect(manager.getByRole('link', { name: 'My team' }).count()).resolves.toBeGreaterThan(0);
    expect(await seriousViolations(manager)).toEqual([]);
  }, 90_000);
});
