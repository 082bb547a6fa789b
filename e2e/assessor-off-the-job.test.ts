import type { Kysely } from 'kysely';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ksbCoverage } from '../src/domain/apprenticeships/ksb-coverage.ts';
import type { Catalogue } from '../src/framework/catalogue.ts';
import type { Tables } from '../src/store/tables.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/**
 * An assessor approves off-the-job hours and the apprentice's Gateway to Completion turns ready, in
 * Chromium on the demo data. Chloe Davies (ST1414, SEND option, started 1 September 2025, with a demo
 * login) has her KSBs judged met, the employer's and the provider's confirmations, and 182 approved
 * off-the-job hours of a 187-hour fixed minimum in place of the demo's log: she logs the last 5 hours,
 * the assessor approves them, and the chart, the table and the gateway show it. Screenshots under
 * test-results/off-the-job/.
 */

const TODAY = new Date('2026-11-30T10:00:00Z');
/** Chloe's demo login. */
const CHLOE_EMAIL = 'chloe.davies@riverside-demo.example';

/** Puts Chloe's enrolment where a real one would be five hours before its gateway, straight in the database. */
const arrangeChloe = async (db: Kysely<Tables>, catalogue: Catalogue) => {
  const enrolment = await db
    .selectFrom('enrolments as e')
    .innerJoin('people as p', 'p.id', 'e.person_id')
    .select(['e.id', 'e.trust_id', 'e.person_id', 'e.provider_id', 'p.organisation_id'])
    .where('p.given_name', '=', 'Chloe')
    .executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom('user_accounts')
    .select('id')
    .where('email', '=', 'olivia.grant@riverside-demo.example')
    .executeTakeFirstOrThrow();
  const assessor = await db
    .selectFrom('user_accounts')
    .select('id')
    .where('email', '=', 'sam.okafor@northfield-demo.example')
    .executeTakeFirstOrThrow();
  const chloe = await db.selectFrom('user_accounts').select('id').where('email', '=', CHLOE_EMAIL).executeTakeFirstOrThrow();
  // The demo's own log of Chloe's training (approved, waiting and returned entries) gives way to the one arranged here.
  await db.deleteFrom('off_the_job_entries').where('enrolment_id', '=', enrolment.id).execute();
  await db
    .updateTable('enrolments')
    .set({
      fixed_minimum_hours: 187,
      fixed_minimum_source: 'entered for the browser test',
      employer_confirmed_by: admin.id,
      employer_confirmed_at: TODAY,
      provider_confirmed_by: assessor.id,
      provider_confirmed_at: TODAY,
    })
    .where('id', '=', enrolment.id)
    .execute();
  const coverage = ksbCoverage(catalogue, { framework: 'st1414', option: 'SEND', evidence: {} });
  if (!coverage.ok) throw new Error(coverage.message);
  await db
    .insertInto('judgements')
    .values(
      coverage.items.map((item) => ({
        id: crypto.randomUUID(),
        trust_id: enrolment.trust_id,
        person_id: enrolment.person_id,
        item_code: item.code,
        value: 'met' as const,
        source: 'observation' as const,
        evidence_id: null,
        note: 'Observed in practice',
        judged_by: assessor.id,
        judged_at: new Date('2026-10-01T10:00:00Z'),
      })),
    )
    .execute();
  // 26 weekly sessions of 7 hours from the start, each approved by the assessor: 182 hours.
  await db
    .insertInto('off_the_job_entries')
    .values(
      Array.from({ length: 26 }, (_, week) => {
        const at = new Date(Date.UTC(2025, 8, 8 + week * 14, 12));
        return {
          id: crypto.randomUUID(),
          trust_id: enrolment.trust_id,
          enrolment_id: enrolment.id,
          occurred_on: at.toISOString().slice(0, 10),
          minutes: 7 * 60,
          activity: 'teaching-of-theory',
          description: 'Provider training day',
          ksb_codes: [],
          status: 'approved' as const,
          feedback: null,
          decided_by: assessor.id,
          decided_at: at,
          created_by: chloe.id,
          created_at: at,
          updated_at: at,
        };
      }),
    )
    .execute();
  return { enrolmentId: enrolment.id };
};

describe.skipIf(skipBrowserSuite)('an assessor approving off-the-job hours in Chromium', () => {
  const shared = useBrowserServer({ demoData: true, clock: () => TODAY });
  let enrolmentId = '';
  let chloe: Page;
  let assessor: Page;

  beforeAll(async () => {
    const arranged = await arrangeChloe(shared.server.context.database.kysely, shared.server.context.catalogue.current());
    enrolmentId = arranged.enrolmentId;
    chloe = await signIn(shared.browser, shared.url, CHLOE_EMAIL);
    assessor = await signIn(shared.browser, shared.url, 'sam.okafor@northfield-demo.example');
  }, 120_000);

  it('the apprentice logs her last hours; the gateway is not ready until the provider approves them', async () => {
    await chloe.goto(`${shared.url}/enrolments/${enrolmentId}/off-the-job`);
    expect(await chloe.locator('h1').textContent()).toContain('Off-the-job training');
    expect(await chloe.locator('[data-testid="otj-summary"]').textContent()).toContain('182 of 187 hours approved');
    await chloe.getByRole('group', { name: 'Date of the training' }).getByLabel('Day').fill('27');
    await chloe.getByRole('group', { name: 'Date of the training' }).getByLabel('Month').fill('11');
    await chloe.getByRole('group', { name: 'Date of the training' }).getByLabel('Year').fill('2026');
    await chloe.getByLabel('Hours', { exact: true }).fill('5');
    await chloe.getByLabel('Shadowing').check();
    await chloe.getByLabel('What you did and learnt').fill('Shadowed the SENCo through an annual review of an EHC plan.');
    await chloe.getByText('Knowledge, skills and behaviours covered (optional)').click();
    const k31 = chloe.locator('input[name="ksbCodes"][value="ST1414.K31"]');
    expect(await chloe.locator(`label[for="${await k31.getAttribute('id')}"]`).textContent()).toMatch(/ST1414\.K31 — \S/);
    await k31.check();
    await chloe.getByRole('button', { name: 'Log the training' }).click();
    await chloe.waitForURL(/\/off-the-job$/);
    expect(await chloe.locator('[data-testid="flash"]').textContent()).toContain('It counts once the training provider approves it');
    expect(await chloe.locator('[data-testid="otj-entry"]').first().textContent()).toContain('Waiting for approval');
    await chloe.screenshot({ path: 'test-results/off-the-job/apprentice-logged.png', fullPage: true });
    expect(await seriousViolations(chloe)).toEqual([]);

    await assessor.goto(`${shared.url}/enrolments/${enrolmentId}`);
    expect(await assessor.locator('[data-testid="gateway-result"]').textContent()).toContain('Not ready');
  }, 120_000);

  it('the assessor approves them, the chart and its table show them, and the gateway turns ready', async () => {
    await assessor.goto(`${shared.url}/enrolments/${enrolmentId}/off-the-job`);
    const decision = assessor.locator('[data-testid="otj-decision"]');
    expect(await decision.count()).toBe(1);
    await decision.getByLabel('Approve', { exact: true }).check();
    await decision.getByRole('button', { name: 'Save decision' }).click();
    await assessor.waitForURL(/\/off-the-job$/);
    expect(await assessor.locator('[data-testid="flash"]').textContent()).toContain('Hours approved');
    expect(await assessor.locator('[data-testid="otj-summary"]').textContent()).toContain('187 of 187 hours approved');
    expect(await assessor.locator('[data-testid="otj-chart"] svg[role="img"]').count()).toBe(1);
    expect(await assessor.locator('[data-testid="otj-reasons"]').textContent()).toContain('otj-2025-08');
    await assessor.getByText('The chart as a table').click();
    expect(await assessor.locator('[data-testid="otj-table"] tbody').textContent()).toContain('30 November 2026');
    await assessor.screenshot({ path: 'test-results/off-the-job/assessor-approved.png', fullPage: true });
    expect(await seriousViolations(assessor)).toEqual([]);

    await assessor.getByRole('link', { name: 'Enrolment', exact: true }).click();
    await assessor.waitForURL(new RegExp(`/enrolments/${enrolmentId}$`));
    expect(await assessor.locator('[data-testid="gateway-result"]').textContent()).toContain('Ready');
    await assessor.screenshot({ path: 'test-results/off-the-job/gateway-ready.png', fullPage: true });
  }, 120_000);

  it('shows the reviews and the KSB coverage heat map of the same apprenticeship', async () => {
    await assessor.goto(`${shared.url}/enrolments/${enrolmentId}/coverage`);
    expect(await assessor.locator('[data-testid="coverage-summary"]').textContent()).toContain('70 of 70');
    await assessor.screenshot({ path: 'test-results/off-the-job/coverage.png', fullPage: true });
    expect(await seriousViolations(assessor)).toEqual([]);
    await assessor.goto(`${shared.url}/enrolments/${enrolmentId}/reviews`);
    await assessor.getByRole('group', { name: 'Date of the review' }).getByLabel('Day').fill('30');
    await assessor.getByRole('group', { name: 'Date of the review' }).getByLabel('Month').fill('11');
    await assessor.getByRole('group', { name: 'Date of the review' }).getByLabel('Year').fill('2026');
    await assessor.getByRole('button', { name: 'Plan the review' }).click();
    await assessor.waitForURL(/\/reviews$/);
    expect(await assessor.locator('[data-testid="review-agenda"]').first().textContent()).toContain('187 of 187 hours approved');
    await assessor.screenshot({ path: 'test-results/off-the-job/reviews.png', fullPage: true });
    expect(await seriousViolations(assessor)).toEqual([]);
  }, 120_000);
});
