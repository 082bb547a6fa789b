import { describe, expect, it } from 'vitest';
import { skipBrowserSuite } from '../support/browser.ts';
import { type BrowserTestServer, useBrowserServer } from '../support/use-server.ts';
import { type CrawlReport, crawl, type Visitor } from './crawl.ts';

/**
 * One role's crawl as a test file of its own (so the roles run in parallel): a seeded demo server, one
 * browser, and the walk from the role's home. Fails with every problem found, each with its page and
 * the page that linked to it; prints how many pages it saw and how long it took.
 */
export const describeCrawl = (
  title: string,
  visitor: Visitor,
  expected: { atLeast: number; includes: string[] },
  /** More tests of this role's pages, sharing the crawl's server and browser. */
  more?: (shared: BrowserTestServer) => void,
) =>
  describe.skipIf(skipBrowserSuite)(title, () => {
    const shared = useBrowserServer({ demoData: true });

    it('opens every page reachable by links from their home: no 403, 404 or error, no serious axe violation, codes with their wording, names not ids', async () => {
      const started = performance.now();
      const report: CrawlReport = await crawl({ server: shared.server, browser: shared.browser, visitor });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      const parts = Object.entries(report.timings).map(([part, ms]) => `${part} ${(ms / 1000).toFixed(1)} s`);
      console.info(
        `crawl as ${visitor.role}: ${report.pages.length} pages and ${report.files.length} files in ${seconds} s (${parts.join(', ')})`,
      );
      expect(report.problems).toEqual([]);
      expect(report.pages.length).toBeGreaterThanOrEqual(expected.atLeast);
      const routes = new Set(report.pages.map((p) => p.route));
      for (const route of expected.includes) expect(routes, `reaches ${route}`).toContain(route);
    }, 1_800_000);

    more?.(shared);
  });
