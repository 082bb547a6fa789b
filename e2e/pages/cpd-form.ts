import type { Page } from 'playwright-core';

/** The CPD activity form (…/portfolio/cpd/new and …/cpd/:activityId). */
export class CpdFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  async open(baseUrl: string, personId: string) {
    await this.page.goto(`${baseUrl}/people/${personId}/portfolio/cpd/new`);
  }

  title() {
    return this.page.getByLabel('Title');
  }

  /** Fills what a done activity needs, apart from the title. */
  async fillDoneActivity(activity: { kind: string; day: string; month: string; year: string; hours: string; minutes: string }) {
    await this.page.getByLabel(activity.kind, { exact: true }).check();
    await this.page.getByLabel('Day').fill(activity.day);
    await this.page.getByLabel('Month').fill(activity.month);
    await this.page.getByLabel('Year').fill(activity.year);
    await this.page.getByLabel('Hours').fill(activity.hours);
    await this.page.getByLabel('Minutes').fill(activity.minutes);
  }
}
