import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

const shots = 'test-results/partnerships';

/**
 * Partnership teaching in Chromium: a deployed teacher records an engagement at an organisation new to
 * them, and sees their impact and the network change; the coordinator sees it in the partnership's
 * network. Every page passes axe.
 */
describe.skipIf(skipBrowserSuite)('partnership teaching in Chromium', () => {
  // A school day in the autumn term, so the demo's engagements fall in this term and the ones before.
  const shared = useBrowserServer({ demoData: true, clock: () => new Date('2026-12-04T09:00:00Z') });

  it('records an engagement and sees the network graph and the teacher’s impact change', async () => {
    mkdirSync(shots, { recursive: true });
    const coordinator = await signIn(shared.browser, shared.url, 'rachel.adams@riverside-demo.example');
    coordinator.setDefaultTimeout(10_000);
    await coordinator.getByRole('link', { name: 'Partnerships', exact: true }).first().click();
    await coordinator.getByRole('link', { name: 'Riverside Schools Partnership (demo)' }).click();
    await coordinator.waitForLoadState('load');
    expect(await coordinator.getByTestId('network-graph').locator('svg title').first().textContent()).toContain(
      'teacher–organisation network',
    );
    await coordinator.screenshot({ path: `${shots}/partnership.png`, fullPage: true });
    const priyaRow = coordinator.getByTestId('network-table').getByRole('row', { name: /Priya Shah/ });
    const linksBefore = Number(await priyaRow.locator('td').nth(1).textContent());
    expect(await seriousViolations(coordinator)).toEqual([]);

    const teacher = await signIn(shared.browser, shared.url, 'priya.shah@riverside-demo.example');
    teacher.setDefaultTimeout(10_000);
    await teacher.goto(`${shared.url}/me/partnership-work`);
    await teacher.getByTestId('my-deployments').getByRole('link').first().click();
    await teacher.waitForLoadState('load');
    const pupilsBefore = Number(await teacher.getByTestId('impact-pupils').textContent());
    const organisationsBefore = Number(await teacher.getByTestId('impact-organisations').textContent());
    await teacher.screenshot({ path: `${shots}/deployment-before.png`, fullPage: true });
    expect(await seriousViolations(teacher)).toEqual([]);

    await teacher.getByRole('button', { name: 'Record an engagement' }).click();
    await teacher.getByLabel('Day', { exact: true }).fill('2');
    await teacher.getByLabel('Month', { exact: true }).fill('12');
    await teacher.getByLabel('Year', { exact: true }).fill('2026');
    await teacher.getByLabel('Host organisation').selectOption({ label: 'Riverside College' });
    await teacher.getByLabel('The animateur').check();
    await teacher.getByLabel('Activity').selectOption({ label: 'Workshop' });
    await teacher.getByLabel('Duration').fill('1.5');
    await teacher.getByLabel('Pupils', { exact: true }).fill('20');
    await teacher.getByLabel('Teachers', { exact: true }).fill('2');
    await teacher.getByLabel('Outcome notes (optional)').fill('Year 12 students ran a forces workshop for visiting Year 6 pupils.');
    expect(await seriousViolations(teacher)).toEqual([]);
    await teacher.screenshot({ path: `${shots}/engagement-form.png`, fullPage: true });
    await teacher.getByRole('button', { name: 'Record the engagement' }).click();
    await teacher.waitForLoadState('load');

    await expect(teacher.getByText('Engagement recorded').first().isVisible()).resolves.toBe(true);
    expect(Number(await teacher.getByTestId('impact-pupils').textContent())).toBe(pupilsBefore + 20);
    expect(Number(await teacher.getByTestId('impact-organisations').textContent())).toBe(organisationsBefore + 1);
    await expect(teacher.getByTestId('engagements').textContent()).resolves.toContain('2 December 2026');
    await expect(teacher.getByTestId('network-table').textContent()).resolves.toContain('Riverside College');
    await teacher.screenshot({ path: `${shots}/deployment-after.png`, fullPage: true });

    await coordinator.reload();
    const linksAfter = Number(await priyaRow.locator('td').nth(1).textContent());
    expect(linksAfter).toBe(linksBefore + 1);
    await coordinator.screenshot({ path: `${shots}/partnership-after.png`, fullPage: true });
  }, 120_000);
});
