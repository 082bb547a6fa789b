import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { developerWording, internalIds, textOffences } from './crawl/page-checks.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The explorer's public pages (no sign-in): the crawl stays on these. */
const publicPath = /^\/(frameworks(\/[^/]+)?|ladder|roles\/[^/]+|qualifications(\/[^/]+)?|partnership-teachers|search|explore)?$/;

const maxPages = 150;

/** Everything a sighted reader can see on the page: the body's rendered text, the diagram's labels and the choices of every select. */
const visibleText = async (page: Page) => {
  // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is what a reader sees (hidden text is not)
  const body = await page.locator('body').innerText();
  const svg = await page.locator('svg text').allInnerTexts();
  const options = await page.locator('select option').allInnerTexts();
  return [body, ...svg, ...options].join('\n');
};

/** Developer wording and internal ids used as labels, one line each (the crawl's own checks). */
const offendingLines = (text: string) => textOffences(text, [...developerWording, ...internalIds]);

describe.skipIf(skipBrowserSuite)('public pages speak to the public', () => {
  const shared = useBrowserServer();

  it('no public page reachable by links from / shows developer wording', async () => {
    const page = await shared.browser.newPage();
    // The crawl starts at the home page, plus what a form (not a link) leads to: search results and an explored career.
    const queue = [
      '/',
      '/search?q=teacher',
      '/explore?run=1&role=TA3&phase=primary&nation=England&target=SPECIALIST_TA_L5&goal=TEACHER_QTS',
    ];
    const seen = new Set(queue);
    const problems: string[] = [];
    let visited = 0;
    while (queue.length > 0 && visited < maxPages) {
      const path = queue.shift() ?? '/';
      visited++;
      const response = await page.goto(shared.server.url + path);
      expect(response?.status(), path).toBe(200);
      // Details elements are opened, so the provenance behind "Where this comes from" is read too.
      await page.evaluate(() => {
        for (const details of document.querySelectorAll('details')) details.open = true;
      });
      for (const problem of offendingLines(await visibleText(page))) problems.push(`${path} — ${problem}`);
      const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      for (const href of hrefs) {
        const url = new URL(href, shared.server.url + path);
        if (url.origin !== shared.server.url || !publicPath.test(url.pathname)) continue;
        const next = url.pathname + url.search;
        if (seen.has(next)) continue;
        seen.add(next);
        queue.push(next);
      }
    }
    await page.close();
    expect(visited).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  }, 300_000);

  it('draws every ladder label inside its box, unshrunk, at 1280 px wide (screenshot saved)', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${shared.server.url}/ladder`);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ladder-1280.png', fullPage: true });
    expect(await page.locator('.app-ladder__svg').isVisible()).toBe(true);
    const clipped = await page.locator('.app-ladder__node').evaluateAll((nodes) =>
      nodes.flatMap((node) => {
        const box = node.querySelector('rect')?.getBoundingClientRect();
        if (!box) return ['(no box)'];
        return [...node.querySelectorAll('text')].flatMap((text) => {
          const r = text.getBoundingClientRect();
          const inside = r.width > 0 && r.left >= box.left && r.right <= box.right && r.top >= box.top && r.bottom <= box.bottom;
          return inside ? [] : [text.textContent ?? ''];
        });
      }),
    );
    expect(clipped).toEqual([]);
    // Read at normal zoom: the diagram is drawn at its own size, not shrunk to fit, so 16 px labels stay 16 px.
    const scale = await page.locator('.app-ladder__svg').evaluate((svg) => {
      const { width } = svg.getBoundingClientRect();
      return width / Number(svg.getAttribute('width'));
    });
    expect(scale).toBeGreaterThanOrEqual(0.99);
    const labels = await page.locator('.app-ladder__node text').allTextContents();
    expect(labels.join(' ')).toContain('Qualified teacher (QTS)');
    expect(labels.join(' ')).toContain('Associate Teacher');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
    await page.close();
  });

  it('lists the ladder instead at 375 px wide, nothing clipped or sideways (screenshot saved)', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 375, height: 800 } });
    await page.goto(`${shared.server.url}/ladder`);
    await mkdir('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/ladder-375.png', fullPage: true });
    expect(await page.locator('.app-ladder__svg').isVisible()).toBe(false);
    expect(await page.getByText('On a small screen the diagram is left out').isVisible()).toBe(true);
    const roles = page.getByTestId('roles-by-level');
    expect(await roles.getByRole('link', { name: 'Qualified teacher (QTS)' }).isVisible()).toBe(true);
    expect(await roles.getByRole('link', { name: 'TA3: Teaching Assistant Level 3' }).isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // No text runs out of its own box (a clipped label is wider inside than out).
    const overflowing = await page
      .locator('main a, main li, main dt, main dd')
      .evaluateAll((elements) => elements.filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent?.trim()));
    expect(overflowing).toEqual([]);
    await page.close();
  });
});
