import type { FastifyInstance } from 'fastify';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../src/http/server.ts';
import type { Database } from '../src/store/database.ts';
import { openTestDatabase } from '../src/store/testing.ts';
import { buildTestContext } from '../src/testing/context.ts';
import { seedProgressionPeople } from '../src/testing/progression-people.ts';
import type { AppContext } from '../src/usecases/context.ts';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';

const watchErrors = (page: Page) => {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  return problems;
};

describe.skipIf(skipBrowserSuite)('progression pages in Chromium', () => {
  let database: Database;
  let context: AppContext;
  let app: FastifyInstance;
  let url: string;
  let browser: Browser;
  let amySession: string;

  beforeAll(async () => {
    const now = new Date();
    database = await openTestDatabase('pglite');
    context = await buildTestContext(database, { clock: () => new Date() });
    app = await buildServer(context, { logLevel: 'silent' });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const seed = await seedProgressionPeople(database.kysely, now);
    amySession = await seed.sessionFor(seed.ids.amyUser, seed.ids.trustA);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
  });

  const signedIn = async (): Promise<BrowserContext> => {
    const ctx = await browser.newContext();
    await ctx.addCookies([{ name: 'pathways_session', value: amySession, url }]);
    return ctx;
  };

  const fillExplore = async (page: Page) => {
    await page.getByLabel('Current role').selectOption('TA2');
    await page.getByLabel('School phase').selectOption('primary');
    await page.getByLabel('Nation', { exact: true }).selectOption('England');
    await page.getByLabel('English: highest qualification and grade').selectOption('gcse-9-1|4');
    await page.getByLabel('Maths: highest qualification and grade').selectOption('gcse-9-1|3');
    await page.getByLabel(/HLTA standards have been judged met/).fill('5');
    await page.getByLabel('Time you can give to study').fill('4');
    await page.getByLabel('What do I still need for').selectOption('TA3');
    await page.getByLabel('How do I get to').selectOption('HLTA_STATUS');
    await page.getByRole('button', { name: 'Show my gap and routes' }).click();
    await page.waitForLoadState('load');
  };

  for (const javaScriptEnabled of [true, false]) {
    it(`explore: fills the form without an account and sees the gap and routes (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const ctx = await browser.newContext({ javaScriptEnabled });
      const page = await ctx.newPage();
      page.setDefaultTimeout(10_000);
      const problems = watchErrors(page);
      await page.goto(`${url}/`);
      await page.getByRole('link', { name: 'Explore a career' }).click();
      await expect.poll(() => page.url()).toBe(`${url}/explore`);
      // axe runs inside the page, so it is checked on the JavaScript-on pass only.
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      await fillExplore(page);
      await expect.poll(() => page.getByRole('heading', { name: 'Your results' }).count()).toBe(1);
      expect(await page.getByTestId('gap').count()).toBe(1);
      expect(await page.getByTestId('gap').textContent()).toContain('What you still need for');
      expect(await page.getByTestId('route').count()).toBeGreaterThan(0);
      expect(await page.getByTestId('step-by-step').first().locator('li').count()).toBeGreaterThan(0);
      // What was entered is kept in the form.
      expect(await page.getByLabel('Current role').inputValue()).toBe('TA2');
      if (javaScriptEnabled) expect(await seriousViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await ctx.close();
    });
  }

  it('explore: a wrong answer shows the error summary, and its link moves focus to the field', async () => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${url}/explore`);
    await page.getByLabel('Current role').selectOption('TA2');
    await page.getByLabel(/HLTA standards have been judged met/).fill('99');
    await page.getByRole('button', { name: 'Show my gap and routes' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('.govuk-error-summary').count()).toBe(1);
    await page.locator('.govuk-error-summary a[href="#hltaMet"]').click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('hltaMet');
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('plan my route: picks a goal with the keyboard and sees each route step by step', async () => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    const problems = watchErrors(page);
    await page.goto(`${url}/me/route`);
    expect(await page.getByRole('heading', { name: 'Plan my route' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Where do you want to get to?').selectOption('HLTA_STATUS');
    await page.getByRole('button', { name: 'Show routes' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/goal=HLTA_STATUS/);
    const steps = page.getByTestId('step-by-step').first().locator('li');
    expect(await steps.count()).toBeGreaterThan(0);
    expect(await steps.first().textContent()).toMatch(/Step 1/);
    expect(await page.getByTestId('routes').textContent()).toMatch(/How long:/);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await ctx.close();
  });

  it('my next step: the checklist for the next level passes axe', async () => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    await page.goto(`${url}/me/next-step`);
    expect(await page.getByRole('heading', { name: 'My next step' }).count()).toBe(1);
    expect(await page.getByTestId('gap').count()).toBeGreaterThan(0);
    expect(await seriousViolations(page)).toEqual([]);
    await ctx.close();
  });

  it('role fit: answers the questionnaire and sees the report', async () => {
    const ctx = await signedIn();
    const page = await ctx.newPage();
    const problems = watchErrors(page);
    await page.goto(`${url}/me/role-fit`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByLabel('Graded role').selectOption('TA2');
    const catalogue = context.catalogue.current();
    // A lead-in ("at least one of the following") is answered through its alternatives: the first one here.
    const ta4 = catalogue.children('TA4').flatMap((item) => {
      if (item.kind === 'duty') return [item];
      const first = catalogue.children(item.code)[0];
      return item.kind === 'group' && first ? [first] : [];
    });
    for (const duty of ta4) {
      const group = page.getByRole('group', { name: new RegExp(`^${duty.code.replace('.', '\\.')}\\b`) });
      // Duties already asked under an earlier profile are not repeated; answer those where they are.
      if ((await group.count()) === 0) continue;
      await group.getByLabel('Regularly').check();
    }
    const shared = context.catalogue
      .current()
      .children('TA2')
      .filter((i) => i.kind === 'duty');
    for (const duty of shared) {
      const group = page.getByRole('group', { name: new RegExp(`^${duty.code.replace('.', '\\.')}\\b`) });
      if ((await group.count()) === 1) await group.getByLabel('Never').check();
    }
    await page.getByRole('button', { name: 'Save and see the report' }).click();
    await page.waitForURL(/\/me\/role-fit/);
    const report = page.getByTestId('role-fit-report');
    expect(await report.count()).toBe(1);
    expect(await page.getByTestId('grade-comparison').textContent()).toBe('Working above grade');
    expect(await page.getByTestId('best-fit').textContent()).toMatch(/^TA4/);
    expect(await report.textContent()).toMatch(/2\/3/);
    expect(await page.locator('body').textContent()).toMatch(/not a pay decision/);
    expect(await seriousViolations(page)).toEqual([]);
    // Printable: the print stylesheet hides the questionnaire and keeps the report.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByTestId('duty-questionnaire').isVisible()).toBe(false);
    expect(await report.isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await ctx.close();
  });
});
