import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Debian's Chromium; never a downloaded browser. */
export const chromiumPath = '/usr/bin/chromium';

/** CI sets PATHWAYS_REQUIRE_BROWSER=1: a missing Chromium then fails the run instead of skipping it. */
export const browserRequired = process.env.PATHWAYS_REQUIRE_BROWSER === '1';

export const browserAvailable = existsSync(chromiumPath);

/** True when the browser suite should be skipped (no Chromium here, and CI did not ask for it). */
export const skipBrowserSuite = !browserAvailable && !browserRequired;

export const launchBrowser = async (): Promise<Browser> => {
  if (!browserAvailable) {
    throw new Error(`Chromium is not installed at ${chromiumPath} (PATHWAYS_REQUIRE_BROWSER=1): install the Debian "chromium" package`);
  }
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};
