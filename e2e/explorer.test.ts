import { mkdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { useBrowserServer } from './support/use-server.ts';

const explorerPages = [
  '/',
  '/frameworks',
  '/frameworks/njc-role-profiles',
  '/frameworks/st1414?option=SEND',
  '/frameworks/hlta-standards',
  '/ladder',
  '/roles/TA3',
  '/roles/TA5',
  '/roles/ASNA2',
  '/roles/SPECIALIST_TA_L5',
  '/roles/ASSOCIATE_TEACHER_L5',
  '/qualifications',
  '/qualifications/QCF.L3-CERT-STL',
  '/partnership-teachers',
  '/search?q=behaviour',
  '/no-such-page',
];

describe.skipIf(skipBrowserSuite)('framework explorer in Chromium', () => {
  const shared = useBrowserServer();

  it.each(explorerPages)('%s loads without script errors and passes axe', async (path) => {
    const context = await shared.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('404')) problems.push(message.text());
    });
    const response = await page.goto(shared.server.url + path);
    expect(response?.status()).toBe(path === '/no-such-page' ? 404 : 200);
    expect(await page.locator('body.govuk-frontend-supported').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with JavaScript switched off: ladder → role → search, and the ST1414 option filter', async () => {
    const context = await shared.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(5_000);
    await page.goto(`${shared.server.url}/ladder`);
    await page.getByTestId('roles-by-level').getByRole('link', { name: 'TA3: Teaching Assistant Level 3' }).click();
    await expect.poll(() => page.url()).toBe(`${shared.server.url}/roles/TA3`);
    expect(await page.locator('h1').textContent()).toContain('Teaching Assistant Level 3');
    await page.getByRole('link', { name: 'Search', exact: true }).first().click();
    await page.getByLabel('Search roles, duties, standards and qualifications').fill('behaviour');
    await page.getByRole('button', { name: 'Search' }).click();
    expect(page.url()).toContain('/search?q=behaviour');
    expect(await page.getByTestId('search-results').locator('li').count()).toBeGreaterThan(0);

    await page.goto(`${shared.server.url}/frameworks/st1414`);
    await page.getByRole('radio', { name: /(SEW)/ }).check();
    await page.getByRole('button', { name: 'Show statements' }).click();
    expect(page.url()).toContain('option=SEW');
    expect(await page.locator('[id="item-ST1414.K36"]').count()).toBe(1);
    expect(await page.locator('[id="item-ST1414.K31"]').count()).toBe(0);
    await context.close();
  });

  it('every example the home page suggests searching for finds something', async () => {
    const page = await shared.browser.newPage();
    await page.goto(`${shared.server.url}/`);
    const hint = (await page.locator('#search-q-hint').textContent()) ?? '';
    const examples = [...hint.matchAll(/‘([^’]+)’/g)].map((match) => match[1] ?? '');
    expect(examples.length).toBeGreaterThanOrEqual(3);
    for (const example of examples) {
      await page.goto(`${shared.server.url}/search?q=${encodeURIComponent(example)}`);
      expect(await page.getByTestId('search-results').locator('li').count(), example).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('can be used by keyboard: Tab reaches the search box and Enter submits', async () => {
    const page = await shared.browser.newPage();
    await page.goto(`${shared.server.url}/`);
    let focused = '';
    for (let presses = 0; presses < 30 && focused !== 'search-q'; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('search-q');
    await page.keyboard.type('HLTA.17');
    await Promise.all([page.waitForURL(/\/search\?q=HLTA\.17/), page.keyboard.press('Enter')]);
    expect(await page.getByRole('link', { name: /^HLTA\.17/ }).count()).toBeGreaterThan(0);
    await page.close();
  });

  it('saves a screenshot of the ladder', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${shared.server.url}/ladder`);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ladder.png', fullPage: true });
    await page.goto(`${shared.server.url}/roles/TA3`);
    await page.screenshot({ path: 'test-results/role-TA3.png', fullPage: true });
    await page.close();
  });
});
