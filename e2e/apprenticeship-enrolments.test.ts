import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/**
 * Apprenticeship enrolments in Chromium: the assessor's caseload across employers (sorted, filtered,
 * exported), an enrolment with its Gateway to Completion checklist and the provider's confirmation,
 * and the employer enrolling a member of staff. Screenshots under test-results/apprenticeships/.
 */
describe.skipIf(skipBrowserSuite)('apprenticeship enrolments in Chromium', () => {
  // A "today" during the demo apprenticeships (the explorer's default is 1 January 2025).
  const shared = useBrowserServer({ demoData: true, clock: () => new Date('2026-12-04T10:00:00Z') });
  let assessor: Page;
  let admin: Page;

  beforeAll(async () => {
    assessor = await signIn(shared.browser, shared.server.url, 'sam.okafor@northfield-demo.example');
    admin = await signIn(shared.browser, shared.server.url, 'olivia.grant@riverside-demo.example');
  });

  it('shows the assessor their caseload across employers, sortable, filterable and exportable', async () => {
    await assessor.goto(`${shared.server.url}/home`);
    await assessor.getByRole('link', { name: 'Caseload' }).first().click();
    await assessor.waitForURL(/\/caseload/);
    const rows = assessor.locator('[data-testid="caseload"] tbody tr');
    // Chloe, Fatima, Daniel (the Associate Teacher) and Amy.
    expect(await rows.count()).toBe(4);
    expect(await assessor.locator('[data-testid="caseload"]').textContent()).toContain('Social and emotional well-being');
    await assessor.screenshot({ path: 'test-results/apprenticeships/caseload.png', fullPage: true });
    expect(await seriousViolations(assessor)).toEqual([]);

    await assessor.locator('th a', { hasText: 'Employer' }).click();
    await assessor.waitForURL(/sort=employer/);
    expect(await assessor.locator('th[aria-sort="ascending"]').textContent()).toContain('Employer');
    await assessor.getByLabel('Status').selectOption('break_in_learning');
    await assessor.getByRole('button', { name: 'Filter' }).click();
    await assessor.waitForURL(/status=/);
    // Amy's break ended about four months before the demo was created: she is on programme again, so nobody is on a break.
    expect(await assessor.locator('[data-testid="empty"]').textContent()).toContain('No apprentice matches');

    const csv = await assessor.request.get(`${shared.server.url}/caseload/export/csv`);
    expect(csv.headers()['content-type']).toContain('text/csv');
    const text = await csv.text();
    expect(text.split('\r\n')[0]).toContain('Gateway to Completion');
    expect(text).toContain('Chloe');
    const xlsx = await assessor.request.get(`${shared.server.url}/caseload/export/xlsx`);
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
  }, 180_000);

  it('shows an enrolment with its Gateway to Completion checklist, and records the provider’s confirmation', async () => {
    await assessor.goto(`${shared.server.url}/caseload?sort=name`);
    await assessor.getByRole('link', { name: /^Chloe/ }).click();
    await assessor.waitForURL(/\/enrolments\/[0-9a-f-]{36}$/);
    expect(await assessor.locator('h1').textContent()).toContain('L5: Specialist teaching assistant: SEND specialist teaching assistant');
    expect(await assessor.locator('[data-testid="gateway-result"]').textContent()).toContain('Not ready');
    const items = assessor.locator('[data-testid="gateway-items"]');
    expect(await items.textContent()).toContain('Next:');
    await assessor.getByRole('button', { name: 'Confirm for the training provider' }).click();
    await assessor.waitForURL(/#gateway$/);
    expect(await assessor.locator('[data-item="gateway-provider-confirmation"]').textContent()).toContain('Met');
    expect(await assessor.locator('[data-testid="status-history"]').textContent()).toContain('1 September 2025');
    await assessor.screenshot({ path: 'test-results/apprenticeships/enrolment.png', fullPage: true });
    expect(await seriousViolations(assessor)).toEqual([]);
    // The employer's confirmation is not the provider's to give.
    expect(await assessor.getByRole('button', { name: 'Confirm for the employer' }).count()).toBe(0);
  }, 180_000);

  it('lets the trust admin see the trust’s apprentices and enrol a member of staff (refusing a missing option first)', async () => {
    await admin.goto(`${shared.server.url}/home`);
    await admin.getByRole('link', { name: 'Apprentices' }).first().click();
    await admin.waitForURL(/\/apprentices/);
    expect(await admin.locator('[data-testid="caseload"] tbody tr').count()).toBe(4);
    await admin.screenshot({ path: 'test-results/apprenticeships/apprentices.png', fullPage: true });
    await admin.getByRole('link', { name: 'Enrol an apprentice' }).click();
    await admin.waitForURL(/\/enrolments\/new$/);
    const people = await admin.locator('#personId').locator('option').allTextContents();
    await admin.locator('#personId').selectOption({ label: people.find((o) => o.startsWith('Ben ')) ?? '' });
    await admin.getByRole('button', { name: 'Enrol' }).click();
    await expect.poll(() => admin.locator('.govuk-error-summary').count()).toBe(1);
    await admin.screenshot({ path: 'test-results/apprenticeships/enrol-errors.png', fullPage: true });
    expect(await seriousViolations(admin)).toEqual([]);
    // The legacy FR04171 Intermediate pathway (its option text names the code and says it is a legacy framework).
    await admin.locator('#programme').selectOption('FR04171.INTERMEDIATE');
    const providers = await admin.locator('#providerId').locator('option').allTextContents();
    await admin.locator('#providerId').selectOption({ label: providers.find((p) => p.includes('Northfield')) ?? '' });
    await admin.locator('#startDate-day').fill('1');
    await admin.locator('#startDate-month').fill('7');
    await admin.locator('#startDate-year').fill('2020');
    await admin.locator('#plannedEndDate-day').fill('30');
    await admin.locator('#plannedEndDate-month').fill('6');
    await admin.locator('#plannedEndDate-year').fill('2021');
    await admin.getByLabel('Contracted hours').fill('25');
    await admin.getByLabel('Age at the start').fill('18');
    await admin.getByRole('button', { name: 'Enrol' }).click();
    await admin.waitForURL(/\/enrolments\/[0-9a-f-]{36}$/);
    expect(await admin.locator('[data-testid="gateway-not-applicable"]').textContent()).toContain(
      'framework pathway has no Gateway to Completion',
    );
    expect(await admin.locator('[data-testid="enrolment-details"]').textContent()).toContain('30 June 2021');
    await admin.screenshot({ path: 'test-results/apprenticeships/enrolled-framework.png', fullPage: true });
  }, 180_000);

  it('has the KSBs recognised as prior learning ticked from a list labelled "CODE — statement", and shows them so', async () => {
    await admin.goto(`${shared.server.url}/enrolments/new`);
    expect(await admin.locator('[data-testid="prior-learning-ksbs-later"]').textContent()).toContain('after enrolling');
    expect(await admin.locator('#priorLearningItems').count()).toBe(0);
    await admin.goto(`${shared.server.url}/apprentices`);
    await admin.locator('[data-testid="caseload"] tbody tr', { hasText: '(ST1414)' }).first().locator('a').first().click();
    await admin.waitForURL(/\/enrolments\/[0-9a-f-]{36}$/);
    await admin.getByRole('link', { name: 'Change the enrolment' }).click();
    await admin.waitForURL(/\/edit$/);
    const ksbs = admin.locator('[data-testid="prior-learning-ksbs"]');
    await ksbs.locator('summary', { hasText: 'Knowledge (' }).click();
    const k1 = ksbs.locator('input[value="ST1414.K1"]');
    expect((await ksbs.locator(`label[for="${await k1.getAttribute('id')}"]`).textContent())?.trim()).toMatch(/^ST1414\.K1 — \S/);
    await k1.check();
    await admin.screenshot({ path: 'test-results/apprenticeships/enrolment-edit-ksbs.png', fullPage: true });
    expect(await seriousViolations(admin)).toEqual([]);
    await admin.getByRole('button', { name: 'Save the enrolment' }).click();
    await admin.waitForURL(/\/enrolments\/[0-9a-f-]{36}$/);
    const shown = await admin.locator('[data-testid="enrolment-details"] [data-testid="prior-learning-ksbs"]').textContent();
    expect(shown).toMatch(/ST1414\.K1 — \S/);
    await admin.screenshot({ path: 'test-results/apprenticeships/enrolment-prior-ksbs.png', fullPage: true });
  }, 180_000);
});
