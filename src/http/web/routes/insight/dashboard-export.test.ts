import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { type DashboardFixture, fixtureNow, seedDashboardFixture } from '../../../../usecases/insight/dashboard-fixture.ts';
import { buildServer } from '../../../server.ts';
import { sessionCookie } from '../../../testing.ts';

/**
 * The dashboard's own tables as files (/insight/export.csv and .xlsx) through the server: linked
 * from the dashboard, sent as downloads in the caller's scope, and refused outside it.
 */
describe.each(testDatabaseKinds())('the workforce dashboard exports on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let trusts: { own: SeededTrust; other: SeededTrust };
  let fixture: DashboardFixture;
  const cookies = { trustAdmin: '', schoolAdmin: '', staff: '', coordinator: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    trusts = await seedTwoTrusts(database.kysely);
    fixture = await seedDashboardFixture(database.kysely, trusts.own);
    app = await buildServer(await buildTestContext(database, { clock: () => fixtureNow }), { logLevel: 'silent' });
    const { users, trustId } = trusts.own;
    cookies.trustAdmin = await sessionCookie(database.kysely, users.trust_admin.userId, trustId, fixtureNow);
    cookies.schoolAdmin = await sessionCookie(database.kysely, users.school_admin.userId, trustId, fixtureNow);
    cookies.staff = await sessionCookie(database.kysely, users.staff.userId, trustId, fixtureNow);
    cookies.coordinator = await sessionCookie(database.kysely, users.partnership_coordinator.userId, trustId, fixtureNow);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie?: string) => app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('links the exports from the dashboard, in its scope', async () => {
    const page = await get(`/insight?school=${fixture.beechId}`, cookies.trustAdmin);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`href="/insight/export.csv?school=${fixture.beechId}"`);
    expect(page.body).toContain(`href="/insight/export.xlsx?school=${fixture.beechId}"`);
    expect(page.body).toContain('Role fit: duties above grade');
    expect(page.body).toContain('Progression pipeline: how close to the next level');
  });

  it('sends the CSV as a UTF-8 download with every section under its heading', async () => {
    const response = await get('/insight/export.csv', cookies.trustAdmin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-workforce-dashboard-2026-12-04\.csv"$/);
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Workforce: /);
    for (const title of [
      'Staff by graded role',
      'Staff by school',
      'Role fit: duties above grade',
      'Progression pipeline: how close to the next level',
      'Apprenticeships by status',
      'Mandatory training',
    ])
      expect(lines, title).toContain(title);
    expect(lines).toContain('How much is met,Staff,TA2 to TA3,TA3 to TA4,TA4 to TA5');
    expect(lines).toContain('Every requirement met,1,0,0,1');
    expect(lines).toContain('On programme and ready for Gateway to Completion,1');
    expect(lines).toContain('Beech Academy,Secondary,2,1.5');
  });

  it('sends the XLSX with the same tables, counts as numbers', async () => {
    const response = await get('/insight/export.xlsx', cookies.trustAdmin);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="[a-z0-9-]+-workforce-dashboard-2026-12-04\.xlsx"$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Dashboard');
    const rows = (sheet?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
    expect(rows.find((r) => r[0] === 'All staff')).toEqual(['All staff', 1, 1, 1, 6]);
    // A section's title is a heading row, in bold.
    const headings: string[] = [];
    sheet?.eachRow((row) => {
      if (row.font?.bold && row.cellCount === 1) headings.push(String(row.getCell(1).value));
    });
    expect(headings).toEqual(expect.arrayContaining(['At a glance', 'Role fit: duties above grade', 'Apprenticeships by status']));
  });

  it('keeps a school admin to their school, a coordinator to the partnership, and refuses staff and strangers', async () => {
    const school = await get('/insight/export.csv', cookies.schoolAdmin);
    expect(school.statusCode).toBe(200);
    expect(school.body).toContain('Workforce: alpha School');
    expect(school.body).not.toContain('Beech');
    expect((await get(`/insight/export.csv?school=${fixture.beechId}`, cookies.schoolAdmin)).statusCode).toBe(403);
    const partnership = await get('/insight/export.csv', cookies.coordinator);
    expect(partnership.statusCode).toBe(200);
    expect(partnership.body).toContain('Workforce: alpha Partnership');
    expect((await get('/insight/export.xlsx', cookies.staff)).statusCode).toBe(403);
    const anonymous = await get('/insight/export.csv');
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent('/insight/export.csv')}`);
    expect((await get(`/insight/export.csv?school=${trusts.other.schoolId}`, cookies.trustAdmin)).statusCode).toBe(404);
  });

  it('lists the people behind a role-fit figure with what the interpreter decided, and refuses a figure it does not know', async () => {
    const list = await get('/insight/people?roleFit=above', cookies.trustAdmin);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Staff whose duty profile shows duties above their grade');
    expect(list.body).toContain(`href="/people/${fixture.annId}/role-fit">Above grade: best fit TA4, `);
    expect((await get('/insight/people?roleFit=sideways', cookies.trustAdmin)).statusCode).toBe(400);
    expect((await get('/insight/people?progression=ready', cookies.trustAdmin)).body).toContain('TA5: 34 of 34 met (100%)');
  });
});
