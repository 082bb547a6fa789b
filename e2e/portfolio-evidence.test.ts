import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { signIn } from './support/sign-in.ts';

/**
 * The evidence journey in a browser: a teaching assistant writes evidence claiming HLTA.26, submits it
 * after the anonymity check, and their line manager accepts it from "Evidence to review"; the
 * judgement then shows as met. The editor works with JavaScript off, and the pages pass axe.
 */
describe.skipIf(skipBrowserSuite)('the evidence journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let amyId = '';

  beforeAll(async () => {
    server = await startServer({ demoData: true });
    const db = server.context.database.kysely;
    amyId = (
      await db.selectFrom('people').select('id').where('work_email', '=', 'amy.clarke@riverside-demo.example').executeTakeFirstOrThrow()
    ).id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('staff writes and submits evidence (without JavaScript), the manager accepts it, the judgement is met', async () => {
    const amy = await signIn(browser, server.url, 'amy.clarke@riverside-demo.example', { javaScriptEnabled: false });
    await amy.goto(`${server.url}/people/${amyId}/portfolio/evidence`);
    await amy.getByTestId('add-evidence').click();
    await amy.waitForLoadState('load');
    // axe runs in the page, so it checks a second, JavaScript-enabled session of the same user.
    const amyChecked = await signIn(browser, server.url, 'amy.clarke@riverside-demo.example');
    await amyChecked.goto(`${server.url}/people/${amyId}/portfolio/evidence/new?filter=behaviour`);
    expect(await seriousViolations(amyChecked), 'editor').toEqual([]);

    // Without JavaScript the filter is a button of the evidence form itself, so the draft goes with it.
    await amy.getByLabel('Filter the items you can claim').fill('positive behaviour');
    await amy.getByRole('button', { name: 'Filter items' }).click();
    await amy.waitForLoadState('load');
    expect(await amy.locator('input[name="claims"][value="HLTA.26"]').first().isVisible()).toBe(true);

    await amy.getByLabel('Reflective account').check();
    await amy.getByLabel('Title', { exact: true }).fill('Settling a Year 4 group after lunch');
    await amy.getByLabel('Day').fill('12');
    await amy.getByLabel('Month').fill('10');
    await amy.getByLabel('Year').fill('2024');
    await amy
      .locator('#evidence-body')
      .fill('I used a calm countdown and specific praise to promote positive behaviour. Jamie Fox settled first.');
    await amy.locator('input[name="claims"][value="HLTA.26"]').first().check();
    await amy.getByTestId('save-evidence').click();
    await amy.waitForLoadState('load');
    expect(await amy.locator('.govuk-error-summary').count(), (await amy.locator('.govuk-error-summary').allTextContents()).join(' ')).toBe(
      0,
    );
    expect(amy.url()).toMatch(/\/portfolio\/evidence\/[0-9a-f-]{36}$/);

    await amy.getByTestId('save-and-submit').click();
    await amy.waitForLoadState('load');
    expect(await amy.locator('[data-testid="pupil-check"] mark').allTextContents()).toContain('Jamie Fox');
    await amyChecked.goto(amy.url());
    expect(await seriousViolations(amyChecked), 'submit check').toEqual([]);
    await amy.getByLabel('I have checked that pupils cannot be identified').check();
    await amy.getByTestId('submit-evidence').click();
    await amy.waitForLoadState('load');
    await amy.getByRole('button', { name: 'Sign out' }).click();

    const priya = await signIn(browser, server.url, 'priya.shah@riverside-demo.example');
    await priya.getByRole('link', { name: 'Evidence to review' }).first().click();
    await priya.waitForLoadState('load');
    await priya.getByRole('link', { name: 'Settling a Year 4 group after lunch' }).click();
    await priya.waitForLoadState('load');
    expect(await seriousViolations(priya), 'decision').toEqual([]);
    await priya.getByLabel('Accept').first().check();
    await priya.getByTestId('save-decisions').click();
    await priya.waitForLoadState('load');

    await priya.goto(`${server.url}/people/${amyId}/portfolio/judgements`);
    const row = priya.getByTestId('judgement-HLTA.26');
    expect(await row.textContent()).toContain('Met');
    expect(await row.textContent()).toContain('Settling a Year 4 group after lunch');
    expect(await seriousViolations(priya), 'judgements').toEqual([]);
  }, 180_000);
});
