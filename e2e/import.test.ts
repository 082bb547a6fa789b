import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe.ts';
import { launchBrowser, skipBrowserSuite } from './support/browser.ts';
import { type RunningServer, startServer } from './support/server.ts';
import { submitDemoSignIn } from './support/sign-in.ts';

const CSV = [
  'Staff Code;Legal Surname;Preferred Forename;Work Email;Role;Job Title',
  'R200;Ó Súilleabháin;Siân;sian.os@riverside.example;LSA;Learning support assistant',
  'R201;Bellamy;Zoë;zoe.bellamy@riverside.example;Teacher;Maths teacher',
].join('\r\n');

describe.skipIf(skipBrowserSuite)('staff import journey in Chromium', () => {
  let server: RunningServer;
  let url: string;
  let browser: Browser;
  let dataDir: string;
  let schoolId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pathways-e2e-import-'));
    server = await startServer({ demoData: true, dataDir });
    url = server.url;
    const school = await server.context.database.kysely
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', 'Riverside Academy')
      .executeTakeFirstOrThrow();
    schoolId = school.id;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('signs in as the demo school admin, imports a CSV through the wizard and sees the staff', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/schools/${schoolId}/import`);
    // Not signed in: the sign-in page, which comes back to the wizard.
    await submitDemoSignIn(page, 'hannah.lee@riverside-demo.example');
    await expect.poll(() => page.getByRole('heading', { name: 'Import staff from your MIS' }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('Staff file').setInputFiles({ name: 'staff.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${CSV}`) });
    await page.getByRole('button', { name: 'Upload and continue' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Match the columns in your file' }).count()).toBe(1);
    expect(await page.getByLabel('Family name').inputValue()).toBe('1');
    expect(await page.getByLabel('Given name').inputValue()).toBe('2');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Match your roles to the framework' }).count()).toBe(1);
    await page.getByLabel('LSA').selectOption('TA2');
    await page.getByLabel('Teacher').selectOption({ label: 'No graded role' });
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Continue' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Check what will change' }).count()).toBe(1);
    expect(await page.getByTestId('import-counts').textContent()).toMatch(/New staff\s+2/);
    expect(await page.getByLabel('Mark these people as left').isChecked()).toBe(false);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Import staff' }).click();

    await expect.poll(() => page.getByRole('heading', { name: 'Staff imported' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('import-result').textContent()).toMatch(/Created\s+2/);
    expect(await seriousViolations(page)).toEqual([]);

    // The staff directory lists the people just imported.
    await page.getByRole('link', { name: 'Go to the staff directory' }).click();
    await page.waitForLoadState('load');
    expect(await page.locator('main').textContent()).toContain('Siân');
  });
});
