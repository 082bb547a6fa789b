import type { Page } from 'playwright-core';

/** The evidence editor (…/portfolio/evidence/new and …/evidence/:id/edit): the draft's fields and the item picker inside the same form. */
export class EvidenceEditorPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  kind(name: string) {
    return this.page.getByLabel(name);
  }

  title() {
    return this.page.getByLabel('Title', { exact: true });
  }

  body() {
    return this.page.locator('#evidence-body');
  }

  /** The date it happened, as GOV.UK's three boxes. */
  async fillDate(day: string, month: string, year: string) {
    await this.page.getByLabel('Day').fill(day);
    await this.page.getByLabel('Month').fill(month);
    await this.page.getByLabel('Year').fill(year);
  }

  filter() {
    return this.page.getByLabel('Filter the items you can claim');
  }

  filterButton() {
    return this.page.getByTestId('filter-items');
  }

  /** An item's tick box in the picker, by its code. */
  item(code: string) {
    return this.page.locator(`[data-item-picker] input[name="claims"][value="${code}"]`);
  }

  /** The first tick box claiming an item anywhere in the form (the picker, or a suggestion). */
  claim(code: string) {
    return this.page.locator(`input[name="claims"][value="${code}"]`).first();
  }

  /** Filters the picker: a form post without JavaScript (the draft goes with it), in the page with it. */
  async filterBy(words: string, javaScript: boolean) {
    await this.filter().fill(words);
    if (javaScript) {
      await this.filterButton().click();
    } else {
      await Promise.all([this.page.waitForNavigation(), this.filterButton().click()]);
    }
  }

  saveButton() {
    return this.page.getByTestId('save-evidence');
  }

  errorSummary() {
    return this.page.locator('.govuk-error-summary');
  }
}
