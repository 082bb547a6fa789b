import type { Page } from 'playwright-core';
import { SiteHeader } from './site-header.ts';

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

  /** The header's rows (see SiteHeader.rows): one row when every piece sits on the same line. */
  headerRows() {
    return new SiteHeader(this.page).rows();
  }
}
