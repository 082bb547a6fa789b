import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { submitDemoSignIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/**
 * The headteacher opens the workforce dashboard from the header, reads a chart with its table and
 * summary, and follows a bar of the chart to the list of the people it counts.
 */
describe.skipIf(skipBrowserSuite)('the workforce dashboard in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  it('a headteacher opens Workforce, drills from a chart bar into the people it counts', async () => {
    mkdirSync('test-results/insight', { recursive: true });
    const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${shared.url}/sign-in`);
    await submitDemoSignIn(page, 'sarah.bennett@riverside-demo.example');
    await page.waitForURL(`${shared.url}/home`);
    await page.getByRole('link', { name: 'Workforce', exact: true }).first().click();
    await page.waitForURL(`${shared.url}/insight`);
    expect(await page.locator('main h1').textContent()).toBe('Riverside Primary School');
    const roles = page.getByTestId('section-roles');
    expect(await roles.getByTestId('summary-roles').textContent()).toMatch(/^\d+ staff \(/);
    expect(await roles.locator('svg').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/insight/dashboard-headteacher.png', fullPage: true });

    // The chart's bar for TA3 is a link to the staff at TA3, and the list's total is the bar's number.
    // Vega draws each bar inside an SVG link (xlink:href).
    const bar = roles.locator('svg a[*|href*="role=TA3"]').first();
    const href = await bar.getAttribute('xlink:href');
    const shown = await roles.locator('table tr', { hasText: 'TA3' }).locator('td a').first().textContent();
    await bar.click();
    await page.waitForURL((url) => url.pathname === '/insight/people' && url.search.includes('role=TA3'));
    expect(href).toContain('/insight/people?role=TA3');
    expect(await page.getByTestId('people-heading').textContent()).toContain('TA3');
    expect(await page.getByTestId('people-total').textContent()).toMatch(new RegExp(`^${shown} (person|people)`));
    const rows = page.getByTestId('people-list').locator('tbody tr');
    expect(await rows.count()).toBe(Number(shown));
    for (const school of await rows.locator('td:nth-child(2)').allTextContents()) expect(school).toBe('Riverside Primary School');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/insight/people-ta3.png', fullPage: true });
    await context.close();
  }, 120_000);
});
