import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor, RoleName } from '../domain/policy/actor.ts';
import { organisations } from '../store/organisations.ts';
import { staff } from '../store/staff.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../store/testing.ts';
import { staffImportFixture } from '../testing/staff-import.ts';
import { exportSchoolStaff } from './staff-export.ts';

describe.each(testDatabaseKinds())('staff export on %s', (kind) => {
  let database: TestDatabase;
  let ids: { trust: string; school: string; other: string };
  const deps = () => ({ db: database.kysely, auditKey: new Uint8Array(32).fill(3) });
  const actor = (role: RoleName, organisationId: string): Actor => ({
    kind: 'user',
    userId: `u-${role}`,
    personId: null,
    assignments: [{ role, trustId: ids.trust, organisationId }],
    reportIds: [],
    apprenticeIds: [],
    partnershipIds: [],
  });

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    ids = await staffImportFixture(organisations(database.kysely));
    const values = {
      trustId: ids.trust,
      organisationId: ids.school,
      now: new Date(),
      workEmail: null,
      gradedRole: 'TA2',
      hoursPerWeek: null,
      weeksPerYear: null,
      startDate: '2020-09-01',
      leftOn: null,
      specialisms: ['a'],
    };
    const store = staff(database.kysely);
    await store.insertPerson({
      ...values,
      id: crypto.randomUUID(),
      givenName: '=HYPERLINK("http://evil.example","x")',
      familyName: '+Smith',
      staffCode: '@S1',
      jobTitle: '-1+1',
    });
    await store.insertPerson({
      ...values,
      id: crypto.randomUUID(),
      givenName: 'Zoë',
      familyName: 'Ó Súilleabháin',
      staffCode: 'S2',
      jobTitle: 'TA',
    });
  });
  afterEach(async () => {
    await database.close();
  });

  it('neutralises formula injection in every text cell of the CSV', async () => {
    const file = await exportSchoolStaff(deps(), actor('school_admin', ids.school), { schoolId: ids.school, format: 'csv' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.startsWith('\uFEFFStaff Code,Legal Surname,Preferred Forename')).toBe(true);
    expect(text).toContain(`'@S1,'+Smith,"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(text).toContain("'-1+1");
    expect(text).toContain('S2,Ó Súilleabháin,Zoë');
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
  });

  it('neutralises formula injection in the XLSX and writes no formulas', async () => {
    const file = await exportSchoolStaff(deps(), actor('trust_admin', ids.trust), { schoolId: ids.school, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: unknown[] = [];
    sheet?.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.value);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
      });
    });
    expect(cells).toContain(`'=HYPERLINK("http://evil.example","x")`);
    expect(cells).toContain("'+Smith");
  });

  it("refuses another school's admin and staff", async () => {
    await expect(
      exportSchoolStaff(deps(), actor('school_admin', ids.other), { schoolId: ids.school, format: 'csv' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    await expect(exportSchoolStaff(deps(), actor('staff', ids.school), { schoolId: ids.school, format: 'csv' })).rejects.toMatchObject({
      code: 'forbidden',
    });
  });
});
