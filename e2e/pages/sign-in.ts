import type { Page } from 'playwright-core';

/** The sign-in page (/sign-in): email, password, the button and what it says when they are wrong. */
export class SignInPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}/sign-in`);
  }

  email() {
    return this.page.getByLabel('Email address');
  }

  password() {
    return this.page.getByLabel('Password');
  }

  /** The form's own button (the header has none of that name, but say so plainly). */
  submitButton() {
    return this.page.locator('main').getByRole('button', { name: 'Sign in', exact: true });
  }

  async signIn(email: string, password: string) {
    await this.email().fill(email);
    await this.password().fill(password);
    await this.submitButton().click();
  }

  errorSummary() {
    return this.page.locator('.govuk-error-summary');
  }
}
