import { describe, expect, it } from 'vitest';
import { ApiDocsPage } from './pages/api-docs.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { useBrowserServer } from './support/use-server.ts';

/** The API documentation renders under the server's Content Security Policy, with nothing blocked. */
describe.skipIf(skipBrowserSuite)('the API docs page in Chromium', () => {
  const shared = useBrowserServer();

  it('draws the operations from the OpenAPI document with no Content Security Policy error in the console', async () => {
    const page = await shared.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const docs = new ApiDocsPage(page);
    const response = await docs.open(shared.server.url);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toBeTruthy();
    await docs.operations().first().waitFor();
    expect(await docs.title()).toContain('Pathways');
    expect(await docs.operations().count()).toBeGreaterThan(10);
    expect(docs.cspErrors).toEqual([]);
    expect(docs.pageErrors).toEqual([]);
    await page.screenshot({ path: 'test-results/api-docs.png' });
    await page.close();
  });
});
