import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { skipBrowserSuite } from './support/browser.ts';
import { signIn } from './support/sign-in.ts';
import { useBrowserServer } from './support/use-server.ts';

/**
 * The evidence editor's as-you-type suggestions. The editor page belongs to the evidence area; this test
 * gives a signed-in page the two elements the script looks for, so the script is checked on its own.
 */
describe.skipIf(skipBrowserSuite)('evidence suggestions script in Chromium', () => {
  const shared = useBrowserServer({ demoData: true });

  const editorPage = async (): Promise<Page> => {
    const page = await signIn(shared.browser, shared.server.url, 'amy.clarke@riverside-demo.example');
    await page.goto(`${shared.server.url}/me/next-step`);
    await page.evaluate(() => {
      const form = document.createElement('form');
      form.method = 'post';
      form.innerHTML = `
        <div class="govuk-form-group">
          <label class="govuk-label" for="evidence-body">What happened</label>
          <textarea class="govuk-textarea" id="evidence-body" name="body" rows="5"></textarea>
        </div>
        <div class="govuk-checkboxes" id="picker">
          <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id="pick-hlta-26" name="claims" type="checkbox" value="HLTA.26" checked>
            <label class="govuk-label govuk-checkboxes__label" for="pick-hlta-26">HLTA.26</label>
          </div>
        </div>
        <div id="evidence-suggestions" data-endpoint="/api/evidence/suggestions">
          <div class="govuk-checkboxes">
            <div class="govuk-checkboxes__item">
              <input class="govuk-checkboxes__input" id="suggested" name="claims" type="checkbox" value="ST1414.K5" checked>
              <label class="govuk-label govuk-checkboxes__label" for="suggested">ST1414.K5</label>
            </div>
          </div>
        </div>`;
      document.querySelector('main')?.append(form);
    });
    await page.addScriptTag({ url: '/assets/scripts/evidence-suggestions.mjs', type: 'module' });
    return page;
  };

  it('suggests items as the author types, unticked, with a polite status, and keeps ticked items', async () => {
    const page = await editorPage();
    await page
      .locator('#evidence-body')
      .fill(
        'At lunchtime I used calm-down strategies from the behaviour plan and followed the behaviour policy to promote positive behaviour.',
      );
    const status = page.locator('#evidence-suggestions [role="status"]');
    await expect.poll(async () => status.textContent(), { timeout: 5000 }).toMatch(/^\d+ suggested items?$/);
    expect(await status.getAttribute('aria-live')).toBe('polite');

    const suggested = page.locator('#evidence-suggestions input[type="checkbox"]');
    const values = await suggested.evaluateAll((inputs) =>
      inputs.map((i) => (i instanceof HTMLInputElement ? [i.value, i.name, i.checked] : [])),
    );
    expect(values.length).toBeGreaterThan(0);
    // A suggestion the server rendered and the author ticked stays, ticked.
    expect(values).toContainEqual(['ST1414.K5', 'claims', true]);
    // HLTA.26 is already ticked in the picker: its suggestion mirrors it instead of submitting the code twice.
    expect(values).toContainEqual(['HLTA.26', '', true]);
    const fresh = values.filter(([value, name]) => name === 'claims' && value !== 'ST1414.K5');
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every(([, , checked]) => checked === false)).toBe(true);

    const first = fresh[0]?.[0];
    expect(first).toBeTypeOf('string');
    await page.locator(`#evidence-suggestions input[value="${first}"]`).check();
    await page.locator('#evidence-body').fill('Completely different words about arranging resources for the phonics lessons.');
    await expect.poll(async () => page.locator(`#evidence-suggestions input[value="${first}"]`).isChecked(), { timeout: 5000 }).toBe(true);

    // Unticking the mirrored suggestion unticks the picker's own checkbox.
    await page.locator('#evidence-suggestions input[value="HLTA.26"]').uncheck();
    expect(await page.locator('#pick-hlta-26').isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
