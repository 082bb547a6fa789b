import type { Page, Response } from 'playwright-core';

/** The API documentation (/api/docs, Swagger UI), with what the browser said while drawing it. */
export class ApiDocsPage {
  readonly page: Page;
  /** Console messages about the Content Security Policy (a blocked script, style, image or connection). */
  readonly cspErrors: string[] = [];
  /** Uncaught script errors. */
  readonly pageErrors: string[] = [];

  constructor(page: Page) {
    this.page = page;
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) this.cspErrors.push(message.text());
    });
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  async open(baseUrl: string): Promise<Response | null> {
    const response = await this.page.goto(`${baseUrl}/api/docs`);
    await this.page.waitForLoadState('networkidle');
    return response;
  }

  title() {
    return this.page.locator('.swagger-ui .info .title').textContent();
  }

  /** Each documented operation (method and path). */
  operations() {
    return this.page.locator('.swagger-ui .opblock');
  }
}
