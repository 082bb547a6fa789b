import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { SiteHeader } from '../pages/site-header.ts';
import { seriousViolations } from '../support/axe.ts';
import type { RunningServer } from '../support/server.ts';
import { submitDemoSignIn } from '../support/sign-in.ts';
import { developerWording, internalIds, itemCodesWithoutWording, type TextCheck, textOffences } from './page-checks.ts';
import { routePatternOf } from './route-pattern.ts';

/** Who walks the site: a demo account (signed in through the sign-in page) or the public (no account). */
export type Visitor = { role: string; email?: string };

export type CrawlOptions = {
  server: RunningServer;
  browser: Browser;
  visitor: Visitor;
  /** Where the walk starts; the role's home by default (`/home` signed in, `/` for the public). */
  start?: string[];
  /** How many pages of one route (such as /frameworks/:id/items/:code) are visited: a few show its shape. */
  perRoute?: number;
  /**
   * Routes whose pages are the same for everyone but the header (the public explorer): a signed-in crawl
   * opens one page of each, without axe, as the public crawl checks them in full.
   */
  sharedRoutes?: RegExp;
  maxPages?: number;
};

export type VisitedPage = { path: string; route: string; status: number; from: string; screenshot?: string };

/** Where a crawl's time went, in milliseconds, so a slow crawl says which check to make cheaper. */
export type CrawlTimings = { open: number; axe: number; screenshot: number; text: number };

export type CrawlReport = { pages: VisitedPage[]; files: VisitedPage[]; problems: string[]; timings: CrawlTimings };

/**
 * Paths a crawl never follows: signing out ends the walk, and the sign-on callback is a protocol
 * endpoint for the identity provider, not a page (it answers an error to a bare visit by design).
 */
const neverFollow = [/^\/sign-out$/, /^\/sign-in\/sso\/callback$/];

/** The public explorer's routes (and the API's documentation), the same pages for every visitor but the header. */
export const publicExplorerRoutes =
  /^\/($|frameworks|hlta-standards|ladder|roles\/|qualifications|partnership-teachers|search|explore|api\/)/;

/**
 * Pages not drawn by our layout: the API's documentation is Swagger UI's own page (its markup and its
 * accessibility are upstream's), so it has no skip link of ours and axe is not run on it; its status,
 * links and text are still checked.
 */
const outsideLayout = /^\/api\//;

/**
 * Whether this crawl is the first in the test run to reach the route, so the one that runs axe on it.
 * Crawls of several roles run in parallel worker processes of one vitest run (their parent process):
 * a marker folder per route, made atomically, claims it.
 */
const axeClaims = join(tmpdir(), `pathways-crawl-axe-${process.ppid}`);
const firstToCheck = (route: string): boolean => {
  mkdirSync(axeClaims, { recursive: true });
  try {
    mkdirSync(join(axeClaims, createHash('sha256').update(route).digest('hex').slice(0, 32)));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
};

const viewport = { width: 1280, height: 800 };
/** As the users are: in the UK, on a laptop. */
const contextOptions = { viewport, locale: 'en-GB', timezoneId: 'Europe/London' };

/**
 * Walks every page reachable by links from the visitor's home, as they would: GET only, same origin,
 * each path once and at most `perRoute` paths per route. Each page must answer without 403, 404 or a
 * server error, start its tab order with the skip link, and show no item code without its wording, no
 * internal id as a label and no developer wording; each route's first page must pass axe (no serious or
 * critical violation; once per test run, see `firstToCheck`). Saves a screenshot of each route's first
 * page under test-results/crawl/<role>/ and returns what it found.
 */
export const crawl = async (options: CrawlOptions): Promise<CrawlReport> => {
  const { server, browser, visitor, perRoute = 2, maxPages = 300 } = options;
  const shared = visitor.email ? (options.sharedRoutes ?? publicExplorerRoutes) : undefined;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // Generous: on a busy machine a long page's screenshot can take many seconds.
  page.setDefaultTimeout(30_000);
  if (visitor.email) await signInAs(page, server.url, visitor.email);
  const folder = `test-results/crawl/${visitor.role}`;
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  await writeFile(`${folder}/problems.txt`, '');

  const checks: TextCheck[] = [itemCodesWithoutWording(server.context.catalogue.current()), ...internalIds, ...developerWording];
  const report: CrawlReport = { pages: [], files: [], problems: [], timings: { open: 0, axe: 0, screenshot: 0, text: 0 } };
  const timed = async <T>(part: keyof CrawlTimings, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    try {
      return await work();
    } finally {
      report.timings[part] += performance.now() - started;
    }
  };
  const queue: { path: string; from: string }[] = (options.start ?? [visitor.email ? '/home' : '/']).map((path) => ({
    path,
    from: '(start)',
  }));
  const seen = new Set(queue.map((q) => new URL(q.path, server.url).pathname));
  const perRouteCount = new Map<string, number>();

  while (queue.length > 0 && report.pages.length < maxPages) {
    const next = queue.shift();
    if (!next) break;
    const { path, from } = next;
    const route = routePatternOf(server.app, new URL(path, server.url).pathname);
    const count = perRouteCount.get(route) ?? 0;
    const isShared = shared?.test(route) ?? false;
    if (count >= (isShared ? 1 : perRoute)) continue;
    perRouteCount.set(route, count + 1);

    const problem = (what: string) => {
      const line = `${path} (linked from ${from}): ${what}`;
      report.problems.push(line);
      // Written as found, so a crawl cut short still says what it saw.
      appendFileSync(`${folder}/problems.txt`, `${line}\n`);
    };
    const visited = await timed('open', () => visit(page, context, server.url + path));
    const entry: VisitedPage = { path, route, status: visited.status, from };
    if (visited.status === 403 || visited.status === 404 || visited.status >= 500) problem(`answers ${visited.status}`);
    if (visitor.email && new URL(page.url()).pathname === '/sign-in' && path !== '/sign-in') problem('sends a signed-in user to sign in');
    if (!visited.html) {
      report.files.push(entry);
      continue;
    }
    report.pages.push(entry);
    if (visited.status >= 400) continue;

    // axe looks at a route's first page, once in a test run: its other pages, and the same page as another
    // role sees it, are the same template with other records and other links.
    if (count === 0 && !isShared && !outsideLayout.test(route) && firstToCheck(route))
      for (const violation of await timed('axe', () => seriousViolations(page))) problem(`axe: ${violation}`);
    if (!outsideLayout.test(route)) {
      await page.keyboard.press('Tab');
      const first = await page.evaluate(() => document.activeElement?.textContent?.trim());
      if (first !== 'Skip to main content') problem(`the first Tab goes to "${first}", not the skip link`);
    }
    // One screenshot per route shows its template, for a person to look over.
    if (count === 0) {
      entry.screenshot = `${folder}/${String(report.pages.length).padStart(3, '0')}-${slugOf(path)}.png`;
      await timed('screenshot', () => page.screenshot({ path: entry.screenshot ?? '', fullPage: true }));
    }
    const header = await new SiteHeader(page).rows();
    if (header.rows > 1) problem(`the header wraps to ${header.rows} rows at ${viewport.width} px wide`);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (sideways > 0)
      problem(
        `the whole page scrolls sideways by ${sideways} px at ${viewport.width} px wide (a wide table belongs in its own scrolling box)`,
      );
    if (visitor.email) {
      const home = await page
        .locator('.govuk-breadcrumbs__link')
        .first()
        .getAttribute('href', { timeout: 100 })
        .catch(() => null);
      if (home !== null && home !== '/home') problem(`the breadcrumbs start at ${home}, not the user's home (/home)`);
    }
    for (const offence of textOffences(await timed('text', () => visibleText(page)), checks)) problem(offence);

    for (const href of await sameOriginLinks(page, server.url)) {
      const pathname = new URL(href, server.url).pathname;
      if (seen.has(pathname) || neverFollow.some((p) => p.test(pathname))) continue;
      seen.add(pathname);
      queue.push({ path: href, from: path });
    }
  }
  await context.close();
  return report;
};

const signInAs = async (page: Page, baseUrl: string, email: string) => {
  await page.goto(`${baseUrl}/sign-in`);
  await submitDemoSignIn(page, email);
  await page.waitForURL(`${baseUrl}/home`);
};

/**
 * Opens a path as a browser would. A file (a download, a CSV, a PDF) is fetched with the page's cookies
 * instead, so its status is still checked.
 */
const visit = async (page: Page, context: BrowserContext, url: string): Promise<{ status: number; html: boolean }> => {
  try {
    const response = await page.goto(url);
    const type = response?.headers()['content-type'] ?? '';
    return { status: response?.status() ?? 0, html: type.startsWith('text/html') };
  } catch (error) {
    if (!String(error).includes('Download is starting')) throw error;
    const response = await context.request.get(url);
    return { status: response.status(), html: false };
  }
};

/** Everything a sighted reader can see once each details element is opened: the text, diagram labels and every select's choices. */
const visibleText = async (page: Page) => {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  // The rendered text is what a reader sees (hidden text is not), so innerText, not textContent.
  const body = (await page.locator('body').allInnerTexts()).join('\n');
  const svg = await page.locator('svg text').allInnerTexts();
  const options = await page.locator('select option').allInnerTexts();
  return [body, ...svg, ...options].join('\n');
};

/** The page's links to its own site, as paths with their queries (no fragments), in document order. */
const sameOriginLinks = async (page: Page, origin: string): Promise<string[]> => {
  // Links in the diagrams are SVG anchors, whose href is not a string: read the attribute, resolve it here.
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  const base = page.url();
  return hrefs.flatMap((href) => {
    const url = URL.parse(href, base);
    return url && url.origin === origin ? [url.pathname + url.search] : [];
  });
};

const slugOf = (path: string) =>
  (path === '/' ? 'home' : path.replace(/^\//, ''))
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 90);
