import { beforeAll, describe, expect, it } from 'vitest';
import { EvidenceEditorPage } from './pages/evidence-editor.ts';
import { JudgementsPage } from './pages/judgements.ts';
import { SiteHeader } from './pages/site-header.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/**
 * The evidence journey in a browser: a teaching assistant writes evidence claiming HLTA.26, submits it
 * after the anonymity check, and their line manager accepts it from "Evidence to review"; the
 * judgement then shows as met. The editor works with JavaScript off, and the pages pass axe.
 */
describe.skipIf(skipBrowserSuite)('the evidence journey in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });
  let amyId = '';

  beforeAll(async () => {
    const db = shared.server.context.database.kysely;
    amyId = (
      await db.selectFrom('people').select('id').where('work_email', '=', 'amy.clarke@riverside-demo.example').executeTakeFirstOrThrow()
    ).id;
  });

  it('staff writes and submits evidence (without JavaScript), the manager accepts it, the judgement is met', async () => {
    const amy = await signIn(shared.browser, shared.server.url, 'amy.clarke@riverside-demo.example', { javaScriptEnabled: false });
    await amy.goto(`${shared.server.url}/people/${amyId}/portfolio/evidence`);
    await amy.getByTestId('add-evidence').click();
    await amy.waitForLoadState('load');
    // axe runs in the page, so it checks a second, JavaScript-enabled session of the same user.
    const amyChecked = await signIn(shared.browser, shared.server.url, 'amy.clarke@riverside-demo.example');
    await amyChecked.goto(`${shared.server.url}/people/${amyId}/portfolio/evidence/new?filter=behaviour`);
    expect(await seriousViolations(amyChecked), 'editor').toEqual([]);

    // Without JavaScript the filter is a button of the evidence form itself, so the draft goes with it.
    const editor = new EvidenceEditorPage(amy);
    await editor.filterBy('positive behaviour', false);
    expect(await editor.claim('HLTA.26').isVisible()).toBe(true);

    await editor.kind('Reflective account').check();
    await editor.title().fill('Settling a Year 4 group after lunch');
    await editor.fillDate('12', '10', '2024');
    await editor.body().fill('I used a calm countdown and specific praise to promote positive behaviour. Jamie Fox settled first.');
    await editor.claim('HLTA.26').check();
    await editor.saveButton().click();
    await amy.waitForLoadState('load');
    expect(await editor.errorSummary().count(), (await editor.errorSummary().allTextContents()).join(' ')).toBe(0);
    expect(amy.url()).toMatch(/\/portfolio\/evidence\/[0-9a-f-]{36}$/);

    await amy.getByTestId('save-and-submit').click();
    await amy.waitForLoadState('load');
    expect(await amy.locator('[data-testid="pupil-check"] mark').allTextContents()).toContain('Jamie Fox');
    await amyChecked.goto(amy.url());
    expect(await seriousViolations(amyChecked), 'submit check').toEqual([]);
    await amy.getByLabel('I have checked that pupils cannot be identified').check();
    await amy.getByTestId('submit-evidence').click();
    await amy.waitForLoadState('load');
    await new SiteHeader(amy).signOutButton().click();

    const priya = await signIn(shared.browser, shared.server.url, 'priya.shah@riverside-demo.example');
    await priya.getByRole('link', { name: 'Evidence to review' }).first().click();
    await priya.waitForLoadState('load');
    await priya.getByRole('link', { name: 'Settling a Year 4 group after lunch' }).click();
    await priya.waitForLoadState('load');
    expect(await seriousViolations(priya), 'decision').toEqual([]);
    await priya.getByLabel('Accept').first().check();
    await priya.getByTestId('save-decisions').click();
    await priya.waitForLoadState('load');

    const judgements = new JudgementsPage(priya);
    await judgements.open(shared.server.url, amyId);
    const row = judgements.row('HLTA.26');
    expect(await row.textContent()).toContain('Met');
    expect(await row.textContent()).toContain('Settling a Year 4 group after lunch');
    expect(await seriousViolations(priya), 'judgements').toEqual([]);
  }, 180_000);
});
