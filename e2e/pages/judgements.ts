import type { Page } from 'playwright-core';

/** A person's judgements page (…/portfolio/judgements): one row per item judged. */
export class JudgementsPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, personId: string) {
    await this.page.goto(`${baseUrl}/people/${personId}/portfolio/judgements`);
  }

  row(code: string) {
    return this.page.getByTestId(`judgement-${code}`);
  }
}
