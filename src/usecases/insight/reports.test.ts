import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { type DashboardFixture, fixtureNow, seedDashboardFixture } from './dashboard-fixture.ts';
import type { DashboardDeps } from './dashboard-scope.ts';
import { workforceReportPdf } from './reports.ts';

const catalogue = buildCatalogue(await readFrameworkFiles());

/** How many times the PDF's drawing operators fill with the charts' bar colour (#1d70b8): one per bar drawn. */
const barFills = (pdf: Uint8Array): number => {
  const bytes = Buffer.from(pdf);
  let count = 0;
  for (let at = bytes.indexOf('stream'); at !== -1; at = bytes.indexOf('stream', at + 6)) {
    const start = at + (bytes[at + 6] === 0x0d ? 8 : 7);
    const end = bytes.indexOf('endstream', start);
    if (end === -1 || bytes.subarray(at - 3, at).toString('latin1') === 'end') continue;
    try {
      const text = inflateSync(bytes.subarray(start, end)).toString('latin1');
      count += text.match(/0\.11372549\d* 0\.43921568\d* 0\.72156862\d* (rg|scn)/g)?.length ?? 0;
    } catch {
      // Not a compressed content stream (a font, an image).
    }
  }
  return count;
};

/** The PDF's pages as PNG files by pdftoppm (poppler-utils; .ci/run installs it), returned as their bytes. */
const pagesAsPng = (pdf: Uint8Array): Buffer[] => {
  const dir = mkdtempSync(join(tmpdir(), 'pathways-report-'));
  try {
    writeFileSync(join(dir, 'report.pdf'), pdf);
    execFileSync('pdftoppm', ['-png', '-r', '50', join(dir, 'report.pdf'), join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

describe.each(testDatabaseKinds())('the workforce reports on %s', (kind) => {
  let database: TestDatabase;
  let trusts: { own: SeededTrust; other: SeededTrust };
  let fixture: DashboardFixture;
  let deps: DashboardDeps;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    trusts = await seedTwoTrusts(database.kysely);
    fixture = await seedDashboardFixture(database.kysely, trusts.own);
    deps = { db: database.kysely, auditKey: testKeys.auditKey, clock: () => fixtureNow, catalogue };
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it("renders the governors' report with the school's name, the date and the charts, counts only, and its pages turn into PNG", async () => {
    const admin = await loadActor(database.kysely, trusts.own.users.trust_admin.userId);
    const report = await workforceReportPdf(deps, admin, { school: fixture.beechId });
    expect(report.fileName).toBe('beech-academy-workforce-2026-12-04.pdf');
    expect(report.title).toBe("Beech Academy: governors' workforce report");
    const text = Buffer.from(report.bytes).toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    const pdftotext = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(report.bytes) }).toString();
    expect(pdftotext).toContain('Beech Academy');
    expect(pdftotext).toContain("Governors' workforce report");
    expect(pdftotext).toContain('4 December 2026');
    expect(pdftotext).toContain('Counts only: no one is named in this report.');
    expect(pdftotext).toContain('Staff by graded role');
    expect(pdftotext).not.toContain('Ash');
    expect(pdftotext).not.toContain('Birch');
    // Each chart is drawn from its SVG as vector bars: the school's seven charts have 2 + 2 + 3 + 2 + 1 + 3 + 5 bars
    // (roles TA2 and TA3; HLTA yes/no; qualifications none, Level 6; English and maths yes/no; one enrolment status;
    // three evidence ages; five training bands), each filled in the charts' blue.
    expect(barFills(report.bytes)).toBeGreaterThanOrEqual(17);
    const pages = pagesAsPng(report.bytes);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const png of pages) expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('names staff only when asked, and only those of the scope', async () => {
    const schoolAdmin = await loadActor(database.kysely, trusts.own.users.school_admin.userId);
    const named = await workforceReportPdf(deps, schoolAdmin, { includeNames: true });
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(named.bytes) }).toString();
    expect(text).toContain('Appendix: staff counted');
    expect(text).toContain('Person, Other');
    expect(text).not.toContain('Ash, Ann');
    expect(text).toContain('This report names staff in its appendix');
  });

  it('gives a trust admin the trust HR report, and refuses a partnership and another trust', async () => {
    const admin = await loadActor(database.kysely, trusts.own.users.trust_admin.userId);
    const report = await workforceReportPdf(deps, admin, {});
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: Buffer.from(report.bytes) }).toString();
    expect(text).toContain('Trust HR workforce report');
    expect(text).toContain('Staff by school');
    expect(text).toContain('Beech Academy');
    const coordinator = await loadActor(database.kysely, trusts.own.users.partnership_coordinator.userId);
    await expect(workforceReportPdf(deps, coordinator, {})).rejects.toMatchObject({ code: 'forbidden' });
    const otherAdmin = await loadActor(database.kysely, trusts.other.users.trust_admin.userId);
    await expect(workforceReportPdf(deps, otherAdmin, { school: fixture.beechId })).rejects.toMatchObject({ code: 'not_found' });
  });
});
