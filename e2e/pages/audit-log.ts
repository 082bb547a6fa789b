import type { Page, Response } from 'playwright-core';

/** The audit log (/audit): the filters by name, and the history entries. */
export class AuditLogPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  open(baseUrl: string): Promise<Response | null> {
    return this.page.goto(`${baseUrl}/audit`);
  }

  /** Chooses what happened, by its name, and applies the filters. */
  async filterByAction(name: string) {
    await this.page.getByLabel('What happened').selectOption({ label: name });
    await this.page.getByRole('button', { name: 'Apply filters' }).click();
    await this.page.waitForLoadState('load');
  }

  entries() {
    return this.page.locator('[data-testid="audit-entry"]');
  }

  /** Opens every "What changed" so the before/after tables are read too. */
  async openChanges() {
    await this.page.evaluate(() => {
      for (const details of document.querySelectorAll('main details')) details.setAttribute('open', '');
    });
  }

  /** How far the page scrolls sideways at the current width (0 when it fits). */
  sidewaysScroll() {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }

  mainText() {
    return this.page.locator('main').textContent();
  }
}
