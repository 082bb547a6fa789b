import type { Page } from 'playwright-core';

/** The GOV.UK success banner a page shows once after a save (the web kit's flash). */
export class SuccessBanner {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  banner() {
    return this.page.getByTestId('flash');
  }

  async text(): Promise<string> {
    return ((await this.banner().locator('.govuk-notification-banner__heading').textContent()) ?? '').trim();
  }
}
