import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { unlabelledItemCodes } from '../src/http/web/unlabelled-codes.ts';
import { EvidenceEditorPage } from './pages/evidence-editor.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

const STAFF = 'amy.clarke@riverside-demo.example';
const MANAGER = 'priya.shah@riverside-demo.example';

/**
 * Issue 9 in a browser. A member of staff types a title and text, filters the standards by "behaviour", ticks one,
 * filters again, ticks another and saves: nothing typed is lost, with JavaScript and without. And no signed-in page
 * of the demo staff member or manager shows an item code without its wording.
 */
describe.skipIf(skipBrowserSuite)('the evidence draft survives browsing the standards, and items read in words, in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });
  let amyId = '';

  beforeAll(async () => {
    amyId = (
      await shared.server.context.database.kysely
        .selectFrom('people')
        .select('id')
        .where('work_email', '=', STAFF)
        .executeTakeFirstOrThrow()
    ).id;
  });

  for (const javaScript of [true, false]) {
    it(`keeps the title, text, date and both ticked items through two filters and the save (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const page = await signIn(shared.browser, shared.server.url, STAFF, { javaScriptEnabled: javaScript });
      await page.goto(`${shared.server.url}/people/${amyId}/portfolio/evidence/new`);
      const editor = new EvidenceEditorPage(page);
      const title = `Calm starts after lunch (${javaScript ? 'with' : 'without'} JavaScript)`;
      const text = 'I planned a calm start with the class teacher and used specific praise to settle the group.';
      await editor.title().fill(title);
      await page.getByLabel('Day').fill('12');
      await page.getByLabel('Month').fill('10');
      await page.getByLabel('Year').fill('2024');
      await editor.body().fill(text);
      const editorUrl = page.url();

      await editor.filterBy('behaviour', javaScript);
      await expect.poll(() => editor.item('HLTA.26').isVisible()).toBe(true);
      expect(await editor.item('HLTA.17').isVisible()).toBe(false);
      await editor.item('HLTA.26').check();
      await editor.filterBy('planning', javaScript);
      await expect.poll(() => editor.item('HLTA.17').isVisible()).toBe(true);
      await editor.item('HLTA.17').check();

      if (javaScript) expect(page.url()).toBe(editorUrl);
      expect(await editor.title().inputValue()).toBe(title);
      expect(await editor.body().inputValue()).toBe(text);
      expect(await page.getByLabel('Day').inputValue()).toBe('12');
      // The item ticked before the second filter is still shown and ticked.
      expect(await editor.item('HLTA.26').isVisible()).toBe(true);
      expect(await editor.item('HLTA.26').isChecked()).toBe(true);
      if (javaScript) {
        expect(await seriousViolations(page), 'editor').toEqual([]);
        // The as-you-type suggestions read in words too.
        await expect.poll(() => page.locator('#evidence-suggestions input').count(), { timeout: 5000 }).toBeGreaterThan(0);
      }
      expect(unlabelledItemCodes((await page.locator('main').textContent()) ?? '')).toEqual([]);
      await page.screenshot({ path: `test-results/i6/evidence-picker-js-${javaScript ? 'on' : 'off'}.png`, fullPage: true });

      await Promise.all([page.waitForNavigation(), editor.saveButton().click()]);
      expect(page.url(), (await page.locator('.govuk-error-summary').allInnerTexts()).join(' ')).toMatch(
        /\/portfolio\/evidence\/[0-9a-f-]{36}$/,
      );
      const saved = new EvidenceEditorPage(page);
      expect(await saved.title().inputValue()).toBe(title);
      expect(await saved.body().inputValue()).toBe(text);
      expect(await saved.item('HLTA.26').isChecked()).toBe(true);
      expect(await saved.item('HLTA.17').isChecked()).toBe(true);
      await page.context().close();
    }, 60_000);
  }

  /** Follows the signed-in pages' own links (not the public explorer, sign-out or downloads), breadth first. */
  const crawl = async (page: Page, limit: number) => {
    const seen = new Set<string>();
    // Amy's portfolio first (her own, and her line manager's report's), then everything else linked.
    const queue = [`/people/${amyId}/portfolio`, '/'];
    const problems: string[] = [];
    const publicOrSkipped =
      /^\/(frameworks|roles|qualifications|search|explore|ladder|api|assets|sign-in|sign-out|partnership|about|accessibility|privacy|cookies)(\/|$|\?)|\.(pdf|json|zip|csv|xlsx)$|\/download|\/files\//;
    while (queue.length > 0 && seen.size < limit) {
      const path = queue.shift() ?? '/';
      if (seen.has(path)) continue;
      seen.add(path);
      // A link that starts a download (a CSV, a ZIP) is not a page.
      const response = await page.goto(`${shared.server.url}${path}`).catch(() => null);
      if (response?.status() !== 200 || !String(response.headers()['content-type']).startsWith('text/html')) continue;
      const text = await page.locator('main').textContent();
      for (const code of unlabelledItemCodes(text ?? '')) problems.push(`${path}: ${code}`);
      // The pages with an item picker pass axe too.
      if (/\/(judgements|cpd\/new|reviews\/[0-9a-f-]{36})$/.test(path))
        for (const v of await seriousViolations(page)) problems.push(`${path}: axe ${JSON.stringify(v)}`);
      const links = await page.locator('main a[href], header a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      for (const href of links) {
        if (!href.startsWith('/') || href.startsWith('//')) continue;
        const clean = href.split('#')[0] ?? '';
        if (clean && !publicOrSkipped.test(clean) && !seen.has(clean)) queue.push(clean);
      }
    }
    return { problems, visited: [...seen] };
  };

  for (const [who, email] of [
    ['staff', STAFF],
    ['line manager', MANAGER],
  ] as const) {
    it(`shows no item code without its wording on the ${who}'s signed-in pages`, async () => {
      const page = await signIn(shared.browser, shared.server.url, email);
      const { problems, visited } = await crawl(page, 60);
      for (const page of ['/portfolio/evidence', '/portfolio/judgements', '/portfolio/cpd', '/portfolio/reviews'])
        expect(
          visited.some((path) => path.endsWith(page)),
          page,
        ).toBe(true);
      // Where the codes are, once per page, so a failure is short enough to read.
      const pages = [...new Set(problems.map((p) => p.split(': ')[0]))].map((path) => problems.find((p) => p.startsWith(`${path}: `)));
      expect(pages, problems.join('\n')).toEqual([]);
      await page.context().close();
    }, 180_000);
  }
});
