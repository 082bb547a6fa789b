import type { Page } from 'playwright-core';

/** The header every page shares: the sign-in link for the public, the account's name and sign-out when signed in. */
export class SiteHeader {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  signInLink() {
    return this.page.getByTestId('sign-in-link');
  }

  signedInName() {
    return this.page.getByTestId('signed-in-name');
  }

  signOutButton() {
    return this.page.getByRole('button', { name: 'Sign out' });
  }

  /**
   * The header's pieces (service name, each navigation item, the account menu) with their vertical
   * centres and the navigation's height: one row when every centre is the same.
   */
  rows() {
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
