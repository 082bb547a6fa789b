import type { FastifyInstance } from 'fastify';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortfolioRecord } from '../../../../contracts/portfolio/record.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { insertEvidence, TINY_PNG } from '../../../../testing/portfolio.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';

describe.each(testDatabaseKinds())('portfolio overview, HLTA preparation, exports and team pages on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let other: SeededTrust;
  let staff: string;
  let manager: string;
  let evidenceId: string;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own, other } = await seedTwoTrusts(database.kysely));
    const context = await buildTestContext(database, { clock: () => new Date('2026-11-22T10:00:00Z') });
    app = await buildServer(context, { logLevel: 'silent' });
    staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId);
    manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId);
    evidenceId = await insertEvidence(database.kysely, context.files, {
      trustId: own.trustId,
      personId: own.reportId,
      userId: own.users.staff.userId,
      title: 'Leading a phonics group',
      claims: [{ code: 'HLTA.7' }],
      attachments: [{ fileName: 'photo.png', mediaType: 'image/png', bytes: TINY_PNG }],
    });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('shows the overview with a ring per standard set, its numbers as text, and the export links', async () => {
    const response = await get(`/people/${own.reportId}/portfolio`, staff);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-testid="progress-rings"');
    expect(response.body).toMatch(/<title id="ring-hlta-title">[^<]*0 of 33 met/);
    expect(response.body).toContain(`/people/${own.reportId}/portfolio/export.pdf`);
    expect(response.body).toContain('aria-current="page"');
  });

  it('marks "My portfolio" in the header on the person’s own portfolio, and "Staff" when a manager looks at it', async () => {
    const activeLink = (html: string) => /govuk-service-navigation__item--active[^>]*>\s*<a[^>]*href="([^"]+)"/.exec(html)?.[1];
    expect(activeLink((await get(`/people/${own.reportId}/portfolio/evidence`, staff)).body)).toBe('/portfolio');
    expect(activeLink((await get(`/people/${own.reportId}/portfolio/evidence`, manager)).body)).toBe('/people');
  });

  it('downloads the JSON export as an attachment that validates, and the PDF', async () => {
    const json = await get(`/people/${own.reportId}/portfolio/export.json`, manager);
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toBe('attachment; filename="portfolio.json"');
    expect(PortfolioRecord.safeParse(JSON.parse(json.body)).success).toBe(true);
    const pdf = await get(`/people/${own.reportId}/portfolio/export.pdf`, staff);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('lets the person choose documents on the HLTA page and download the ZIP', async () => {
    const page = await get(`/people/${own.reportId}/portfolio/hlta`, staff);
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/data-testid="hlta-standard"/g)).toHaveLength(33);
    expect(page.body).toContain('Leading a phonics group');
    const saved = await postForm(app, `/people/${own.reportId}/portfolio/hlta`, `standardCode=HLTA.7&evidenceIds=${evidenceId}`, staff);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/people/${own.reportId}/portfolio/hlta#standard-7`);
    const bad = await postForm(app, `/people/${own.reportId}/portfolio/hlta`, `standardCode=HLTA.8&evidenceIds=${evidenceId}`, staff);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    const byManager = await postForm(app, `/people/${own.reportId}/portfolio/hlta`, 'standardCode=HLTA.7', manager);
    expect(byManager.statusCode).toBe(403);
    const zip = await get(`/people/${own.reportId}/portfolio/hlta/evidence-file.zip`, manager);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-disposition']).toBe('attachment; filename="hlta-evidence-file.zip"');
    expect(Object.keys(unzipSync(new Uint8Array(zip.rawPayload))).sort()).toEqual(['evidence.pdf', 'index.pdf']);
  });

  it('serves the API: overview numbers, HLTA preparation, the record and its public schema', async () => {
    const overview = await get(`/api/people/${own.reportId}/portfolio`, staff);
    expect(overview.statusCode).toBe(200);
    expect(overview.json().sets[0]).toMatchObject({ key: 'hlta', total: 33 });
    const hlta = await get(`/api/people/${own.reportId}/hlta-preparation`, manager);
    expect(hlta.json().standards[6]).toMatchObject({
      code: 'HLTA.7',
      status: 'ok',
      documents: [{ label: '7.1', title: 'Leading a phonics group' }],
    });
    const record = await get(`/api/people/${own.reportId}/portfolio/export`, staff);
    expect(PortfolioRecord.safeParse(record.json()).success).toBe(true);
    const schema = await get('/api/schemas/portfolio-record.json');
    expect(schema.statusCode).toBe(200);
    expect(schema.json().$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const refused = await get(
      `/api/people/${own.reportId}/portfolio/export`,
      await sessionCookie(database.kysely, other.users.trust_admin.userId, other.trustId),
    );
    expect(refused.statusCode).toBe(404);
  });

  it('shows the line manager their team, with "My team" on their home', async () => {
    const team = await get('/team', manager);
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain(`/people/${own.reportId}/portfolio`);
    expect((await get('/home', manager)).body).toContain('href="/team"');
    expect((await get('/home', staff)).body).not.toContain('href="/team"');
    const none = await get('/team', staff);
    expect(none.body).toContain('Nobody reports to you');
  });
});
