import type { Page } from 'playwright-core';

/** The staff directory (/people): the filters and the table of people. */
export class StaffDirectoryPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string) {
    return this.page.goto(`${baseUrl}/people`);
  }

  table() {
    return this.page.getByTestId('people-table');
  }

  /** The box the table scrolls in, when it is wider than the screen. */
  tableBox() {
    return this.page.locator('.app-table-scroll').filter({ has: this.table() });
  }

  /** How far the whole page, and the table's own box, scroll sideways (0 when they fit). */
  sidewaysScroll() {
    return this.page.evaluate(() => {
      const box = document.querySelector('.app-table-scroll');
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        box: box ? box.scrollWidth - box.clientWidth : 0,
      };
    });
  }
}
