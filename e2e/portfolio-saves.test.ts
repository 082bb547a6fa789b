import { describe, expect, it } from 'vitest';
import { CpdFormPage } from './pages/cpd-form.ts';
import { SuccessBanner } from './pages/success-banner.ts';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

const STAFF = 'amy.clarke@riverside-demo.example';
const TRUST_ADMIN = 'olivia.grant@riverside-demo.example';

/**
 * Saving in the portfolio, as its users meet it: Enter in the CPD title records the activity (not "Filter
 * items"), the save is confirmed by a banner, CPD time reads in hours and minutes, and the training
 * settings cite their sources by name.
 */
describe.skipIf(skipBrowserSuite)('portfolio saves in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  for (const javaScript of [true, false]) {
    it(`records a CPD activity when Enter is pressed in its title (JavaScript ${javaScript ? 'on' : 'off'})`, async () => {
      const amy = await signIn(shared.browser, shared.server.url, STAFF, { javaScriptEnabled: javaScript });
      const response = await amy.request.get(`${shared.server.url}/portfolio`, { maxRedirects: 0 });
      const portfolio = String(response.headers().location);
      const personId = portfolio.split('/')[2] ?? '';
      const form = new CpdFormPage(amy);
      await form.open(shared.server.url, personId);
      // The test server's clock stands at 1 January 2025.
      await form.fillDoneActivity({ kind: 'Course', day: '3', month: '10', year: '2024', hours: '1', minutes: '20' });
      const title = `Phonics refresher (${javaScript ? 'with' : 'without'} JavaScript)`;
      await form.title().fill(title);
      await form.title().press('Enter');
      await amy.waitForURL(/\/cpd(#log)?$/);
      const banner = new SuccessBanner(amy);
      expect(await banner.text()).toBe('Activity recorded in the CPD log');
      expect(await amy.locator('main').textContent()).toContain(title);
      if (javaScript) expect(await seriousViolations(amy)).toEqual([]);
      await amy.screenshot({ path: `test-results/portfolio/cpd-saved-js-${javaScript ? 'on' : 'off'}.png`, fullPage: true });

      await amy.goto(`${shared.server.url}${portfolio}`);
      const time = (await amy.getByTestId('cpd-time').textContent()) ?? '';
      expect(time).toMatch(/^\d+ hours?( \d+ minutes?)?$|^\d+ minutes?$/);
      if (!javaScript) await amy.screenshot({ path: 'test-results/portfolio/overview.png', fullPage: true });
    }, 120_000);
  }

  it('cites the health-needs training source by name, with the statutory guidance linked, on the trust’s settings', async () => {
    const olivia = await signIn(shared.browser, shared.server.url, TRUST_ADMIN);
    const trust = await shared.server.context.database.kysely
      .selectFrom('organisations')
      .select('id')
      .where('kind', '=', 'trust')
      .executeTakeFirstOrThrow();
    await olivia.goto(`${shared.server.url}/organisations/${trust.id}/training/settings`);
    const main = (await olivia.locator('main').textContent()) ?? '';
    expect(main).not.toMatch(/\bSeed\b|003_/);
    expect(main).toContain('UNISON and National Education Trust career framework guidance, Appendix 3');
    const guidance = olivia.getByRole('link', { name: 'Supporting pupils at school with medical conditions (statutory guidance)' }).first();
    expect(await guidance.getAttribute('href')).toMatch(/^https:\/\/www\.gov\.uk\//);
    expect(await seriousViolations(olivia)).toEqual([]);
    await olivia.screenshot({ path: 'test-results/portfolio/training-settings.png', fullPage: true });
  }, 120_000);
});
