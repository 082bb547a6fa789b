import type { Page } from 'playwright-core';

/** The header and the signed-in home (`/home`), as a user sees them. */
export class SignedInHomePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading() {
    return this.page.locator('main h1');
  }

  /** The account menu's name (the menu's summary). */
  accountName() {
    return this.page.getByTestId('signed-in-name');
  }

  async openAccountMenu() {
    await this.page.getByTestId('account-menu').locator('summary').click();
  }

  accountMenuLink(name: string) {
    return this.page.getByTestId('account-menu').getByRole('link', { name });
  }

  /**
   * The header's pieces (service name, each navigation item, the account menu) with their vertical
   * centres and the navigation's height: one row when every centre is the same.
   */
  headerRows() {
    return this.page.evaluate(() => {
      const parts = [
        ...document.querySelectorAll('.govuk-service-navigation__service-name, .govuk-service-navigation__item, .app-account-menu'),
      ].filter((e) => e instanceof HTMLElement && e.offsetParent !== null);
      const centres = parts.map((e) => {
        const box = e.getBoundingClientRect();
        return Math.round(box.top + box.height / 2);
      });
      const header = document.querySelector('.govuk-service-navigation')?.getBoundingClientRect();
      return { count: parts.length, rows: new Set(centres.map((c) => Math.round(c / 8))).size, height: header?.height ?? 0 };
    });
  }
}
