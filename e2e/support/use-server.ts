import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.ts';
import { type RunningServer, type ServerOptions, startServer } from './server.ts';

/** The server and browser a browser test file shares between its tests. */
export type BrowserTestServer = { server: RunningServer; browser: Browser; url: string };

/**
 * One server (a fresh embedded database, demo data if asked) and one Chromium per describe block,
 * shared by its tests and closed after them: call it at the top of the block and read its fields
 * inside the tests (they exist once the block's beforeAll has run).
 */
export const useBrowserServer = (options: ServerOptions = {}): BrowserTestServer => {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(options);
    browser = await launchBrowser();
    // Seeding the demo and starting Chromium take long on a busy machine.
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const ready = () => {
    if (!server || !browser) throw new Error('useBrowserServer: read the server inside a test, after its beforeAll has run');
    return { server, browser };
  };
  return {
    get server() {
      return ready().server;
    },
    get browser() {
      return ready().browser;
    },
    get url() {
      return ready().server.url;
    },
  };
};
