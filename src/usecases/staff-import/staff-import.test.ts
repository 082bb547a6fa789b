import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../contracts/errors.ts';
import type { Actor, RoleName } from '../../domain/policy/actor.ts';
import { organisations } from '../../store/organisations.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { staffImportFixture, staffImportTestCatalogue } from '../../testing/staff-import.ts';
import { applyStaffImport } from './apply.ts';
import { previewStaffImport, type StaffImportDeps, type StaffImportInput } from './preview.ts';

const goodCsv = new Uint8Array(readFileSync(new URL('./fixtures/good.csv', import.meta.url)));
const csv = (lines: string[]) => new TextEncoder().encode(`${lines.join('\n')}\n`);
const HEADER = 'Staff Code,Legal Surname,Preferred Forename,Work Email,Role,Start date';
const NON_GRADED = { Teacher: null, 'Midday supervisor': null };

describe.each(testDatabaseKinds())('staff import on %s', (kind) => {
  let database: TestDatabase;
  let deps: StaffImportDeps;
  let ids: { trust: string; school: string; other: string };
  const actor = (role: RoleName, organisationId: string): Actor => ({
    kind: 'user',
    userId: `user-${role}-${organisationId.slice(0, 4)}`,
    personId: null,
    assignments: [{ role, trustId: ids.trust, organisationId }],
    reportIds: [],
    apprenticeIds: [],
    partnershipIds: [],
  });
  const admin = () => actor('school_admin', ids.school);
  const input = (bytes: Uint8Array, extra: Partial<StaffImportInput> = {}): StaffImportInput => ({
    schoolId: ids.school,
    fileName: 'staff.csv',
    bytes,
    roleValues: NON_GRADED,
    markMissingAsLeft: false,
    ...extra,
  });
  const peopleCount = async () =>
    (
      await database.kysely
        .selectFrom('people')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  const person = (code: string) =>
    database.kysely.selectFrom('people').selectAll().where('staff_code', '=', code).executeTakeFirstOrThrow();
  const expectImportInvalid = async (promise: Promise<unknown>, reason: RegExp) => {
    const error = (await promise.then(
      () => null,
      (e: unknown) => e,
    )) as AppError | null;
    expect(error?.code).toBe('import_invalid');
    expect(JSON.stringify(error?.details)).toMatch(reason);
  };

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    ids = await staffImportFixture(organisations(database.kysely));
    deps = {
      db: database.kysely,
      auditKey: new Uint8Array(32).fill(7),
      catalogue: await staffImportTestCatalogue(),
      importMaxBytes: 10 * 1024 * 1024,
      clock: () => new Date('2026-11-22T10:00:00Z'),
    };
  });
  afterEach(async () => {
    await database.close();
  });

  it('previews a CSV with a BOM, semicolons and diacritics without writing anything', async () => {
    const preview = await previewStaffImport(deps, admin(), input(goodCsv));
    expect(preview.errors).toEqual([]);
    expect(preview.summary).toMatchObject({ create: 3, update: 0, unchanged: 0 });
    expect(preview.summary.creates).toEqual(['Siân Jones', 'Zoë Bell', 'Pádraig Ó Súilleabháin']);
    expect(preview.mapping).toMatchObject({ familyName: 1, givenName: 2, workEmail: 3, staffCode: 0, role: 4 });
    expect(await peopleCount()).toBe(0);
  });

  it('applies the file: people, posts, graded roles, line managers, one audit event each', async () => {
    const result = await applyStaffImport(deps, admin(), input(goodCsv));
    expect(result).toEqual({ created: 3, updated: 0, unchanged: 0, left: 0 });
    const sian = await person('T001');
    const zoe = await person('T002');
    const padraig = await person('T003');
    expect([sian.given_name, zoe.given_name, padraig.family_name]).toEqual(['Siân', 'Zoë', 'Ó Súilleabháin']);
    expect(sian.graded_role).toBeNull();
    expect(zoe.graded_role).toBe('TA3');
    expect(zoe.specialisms).toEqual(['a', 'SEND']);
    expect(zoe.line_manager_id).toBe(sian.id);
    expect(padraig.line_manager_id).toBe(sian.id);
    expect(padraig.graded_role).toBe('TA2');
    const posts = await database.kysely
      .selectFrom('staff_posts')
      .selectAll()
      .where('person_id', '=', padraig.id)
      .orderBy('position')
      .execute();
    expect(posts.map((p) => [p.role_value, p.graded_role, p.hours_per_week])).toEqual([
      ['TA2', 'TA2', 20],
      ['Midday supervisor', null, 5],
    ]);
    const events = await database.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'person.created').execute();
    expect(events).toHaveLength(3);
  });

  it('changes nothing when the same file is applied again', async () => {
    await applyStaffImport(deps, admin(), input(goodCsv));
    const again = await applyStaffImport(deps, admin(), input(goodCsv));
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3, left: 0 });
    const updates = await database.kysely.selectFrom('audit_events').select('id').where('action', '=', 'person.updated').execute();
    expect(updates).toHaveLength(0);
  });

  it('updates matched people from an updated file and reports the changes', async () => {
    await applyStaffImport(deps, admin(), input(goodCsv));
    const updated = new TextDecoder()
      .decode(goodCsv)
      .replace('T002;Bell;Zoë;zoe.bell@school.example;TA3', 'T002;Bell-Hart;Zoë;zoe.bell@school.example;TA4');
    const preview = await previewStaffImport(deps, admin(), input(new TextEncoder().encode(updated)));
    expect(preview.summary.update).toBe(1);
    expect(preview.summary.updates[0]?.changes.map((c) => c.field)).toEqual(['familyName', 'posts']);
    const result = await applyStaffImport(deps, admin(), input(new TextEncoder().encode(updated)));
    expect(result).toEqual({ created: 0, updated: 1, unchanged: 2, left: 0 });
    const zoe = await person('T002');
    expect([zoe.family_name, zoe.graded_role]).toEqual(['Bell-Hart', 'TA4']);
    const event = await database.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'person.updated')
      .executeTakeFirstOrThrow();
    expect(event.data).toMatchObject({ before: { familyName: 'Bell' }, after: { familyName: 'Bell-Hart' } });
  });

  it('imports an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Staff');
    sheet.addRow(['Legal Surname', 'Preferred Forename', 'Work Email', 'Staff Code', 'Role', 'Start date']);
    sheet.addRow(['Ó Súilleabháin', 'Siân', 'sian@school.example', 'X1', 'TA3', new Date(Date.UTC(2020, 8, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const result = await applyStaffImport(deps, admin(), input(bytes, { fileName: 'staff.xlsx' }));
    expect(result.created).toBe(1);
    const sian = await person('X1');
    expect([sian.family_name, sian.graded_role, sian.start_date?.getFullYear()]).toEqual(['Ó Súilleabháin', 'TA3', 2020]);
  });

  describe('a column the file does not have changes nothing', () => {
    const FULL = 'Staff Code,Legal Surname,Preferred Forename,Work Email,Role,Job Title,Line manager';
    const first = csv([
      FULL,
      'M1,Boss,Bea,bea@school.example,Teacher,Head of year,',
      'A1,Clarke,Amy,amy@school.example,TA2,Teaching assistant,M1',
    ]);
    const post = (personId: string) =>
      database.kysely
        .selectFrom('staff_posts')
        .select(['role_value', 'job_title'])
        .where('person_id', '=', personId)
        .orderBy('position')
        .execute();

    it('leaves the line manager and job title as they were, and previews only the real change', async () => {
      await applyStaffImport(deps, admin(), input(first));
      const bea = await person('M1');
      // No Job Title and no Line manager column: a new surname is the only change.
      const partial = csv([
        HEADER.replace(',Start date', ''),
        'M1,Boss,Bea,bea@school.example,Teacher',
        'A1,Clarke-Hart,Amy,amy@school.example,TA2',
      ]);
      const preview = await previewStaffImport(deps, admin(), input(partial));
      expect(preview.summary.updates).toEqual([
        {
          personId: (await person('A1')).id,
          name: 'Amy Clarke-Hart',
          changes: [{ field: 'familyName', before: 'Clarke', after: 'Clarke-Hart' }],
        },
      ]);
      expect(await applyStaffImport(deps, admin(), input(partial))).toEqual({ created: 0, updated: 1, unchanged: 1, left: 0 });
      const amy = await person('A1');
      expect([amy.family_name, amy.line_manager_id, amy.job_title, amy.graded_role]).toEqual([
        'Clarke-Hart',
        bea.id,
        'Teaching assistant',
        'TA2',
      ]);
      expect(await post(amy.id)).toEqual([{ role_value: 'TA2', job_title: 'Teaching assistant' }]);
      const event = await database.kysely
        .selectFrom('audit_events')
        .select('data')
        .where('action', '=', 'person.updated')
        .executeTakeFirstOrThrow();
      expect(event.data).toMatchObject({ before: { familyName: 'Clarke' }, after: { familyName: 'Clarke-Hart' } });
      expect(Object.keys((event.data as { after: object }).after)).toEqual(['familyName']);
    });

    it('keeps the job title of someone recorded without posts when only the role column is there', async () => {
      await applyStaffImport(deps, admin(), input(first));
      const amy = await person('A1');
      await database.kysely.deleteFrom('staff_posts').where('person_id', '=', amy.id).execute();
      const roleOnly = csv(['Staff Code,Legal Surname,Preferred Forename,Role', 'M1,Boss,Bea,Teacher', 'A1,Clarke,Amy,TA3']);
      const preview = await previewStaffImport(deps, admin(), input(roleOnly));
      expect(preview.summary.updates[0]?.changes).toEqual([
        {
          field: 'posts',
          before: [{ roleValue: 'TA2', gradedRole: 'TA2', jobTitle: 'Teaching assistant', hoursPerWeek: null, weeksPerYear: null }],
          after: [{ roleValue: 'TA3', gradedRole: 'TA3', jobTitle: 'Teaching assistant', hoursPerWeek: null, weeksPerYear: null }],
        },
      ]);
      await applyStaffImport(deps, admin(), input(roleOnly));
      const after = await person('A1');
      expect([after.graded_role, after.job_title, after.work_email]).toEqual(['TA3', 'Teaching assistant', 'amy@school.example']);
    });

    it('clears a field from a present, empty cell, and the preview says so', async () => {
      await applyStaffImport(deps, admin(), input(first));
      const blanks = csv([FULL, 'M1,Boss,Bea,bea@school.example,Teacher,Head of year,', 'A1,Clarke,Amy,amy@school.example,TA2,,']);
      const preview = await previewStaffImport(deps, admin(), input(blanks));
      expect(preview.summary.updates[0]?.changes).toEqual([
        { field: 'lineManager', before: 'M1', after: null },
        {
          field: 'posts',
          before: [{ roleValue: 'TA2', gradedRole: 'TA2', jobTitle: 'Teaching assistant', hoursPerWeek: null, weeksPerYear: null }],
          after: [{ roleValue: 'TA2', gradedRole: 'TA2', jobTitle: null, hoursPerWeek: null, weeksPerYear: null }],
        },
      ]);
      await applyStaffImport(deps, admin(), input(blanks));
      const amy = await person('A1');
      expect([amy.line_manager_id, amy.job_title]).toEqual([null, null]);
    });
  });

  const badFiles: [string, Uint8Array, RegExp][] = [
    ['a missing required field', csv([HEADER, 'A1,,Amy,amy@school.example,TA2,']), /"row":2.*Legal Surname.*required/],
    ['an invalid email', csv([HEADER, 'A1,Clarke,Amy,amy-at-school,TA2,']), /Work Email.*not an email/],
    ['an unknown role', csv([HEADER, 'A1,Clarke,Amy,amy@school.example,Wizard,']), /Role.*Wizard.*is not mapped/],
    [
      'a duplicate within the file',
      csv([HEADER, 'A1,Clarke,Amy,amy@school.example,TA2,', 'A1,Okafor,Ben,ben@school.example,TA1,']),
      /"row":3.*also used on row 2/,
    ],
    ['an unparseable date', csv([HEADER, 'A1,Clarke,Amy,amy@school.example,TA2,31/02/2020']), /Start date.*not a date/],
    ['a wrong encoding', new Uint8Array([...new TextEncoder().encode(`${HEADER}\nA1,Jones,Si`), 0xe2, 0x6e, 0x0a]), /wrong encoding/],
    ['an unknown line manager', csv([`${HEADER},Line manager`, 'A1,Clarke,Amy,amy@school.example,TA2,,NOBODY']), /NOBODY/],
  ];
  it.each(badFiles)('reports %s by row, column and reason, and writes nothing', async (_name, bytes, reason) => {
    await expectImportInvalid(
      previewStaffImport(deps, admin(), input(bytes)).then((p) => {
        if (p.errors.length > 0) throw Object.assign(new Error('errors'), { code: 'import_invalid', details: p.errors });
      }),
      reason,
    );
    await expectImportInvalid(applyStaffImport(deps, admin(), input(bytes)), /./);
    expect(await peopleCount()).toBe(0);
  });

  it('refuses a file over the size limit with a clear message', async () => {
    const error = await applyStaffImport({ ...deps, importMaxBytes: 100 }, admin(), input(goodCsv)).catch((e: AppError) => e);
    expect(error).toMatchObject({ code: 'import_invalid', message: 'staff.csv is too large to import' });
    expect(JSON.stringify(error)).toMatch(/largest file accepted/);
    expect(await peopleCount()).toBe(0);
  });

  it('remembers the role-value mapping per school and uses it next time', async () => {
    const first = csv([HEADER, 'A1,Clarke,Amy,amy@school.example,LSA,']);
    const preview = await previewStaffImport(deps, admin(), input(first, { roleValues: {} }));
    expect(preview.unmappedRoleValues).toEqual(['LSA']);
    await applyStaffImport(deps, admin(), input(first, { roleValues: { LSA: 'TA2' } }));
    const second = csv([HEADER, 'A1,Clarke,Amy,amy@school.example,LSA,', 'A2,Okafor,Ben,ben@school.example,lsa,']);
    const next = await previewStaffImport(deps, admin(), input(second, { roleValues: {} }));
    expect(next.errors).toEqual([]);
    expect(next.roleValues).toEqual([{ value: 'LSA', gradedRole: 'TA2', remembered: true }]);
    await applyStaffImport(deps, admin(), input(second, { roleValues: {} }));
    expect((await person('A2')).graded_role).toBe('TA2');
    // Another school of the trust does not inherit the mapping.
    const elsewhere = await previewStaffImport(
      deps,
      actor('school_admin', ids.other),
      input(first, { schoolId: ids.other, roleValues: {} }),
    );
    expect(elsewhere.unmappedRoleValues).toEqual(['LSA']);
  });

  it('marks nobody as left unless asked, and never deletes a leaver', async () => {
    await applyStaffImport(deps, admin(), input(goodCsv));
    const partial = new TextDecoder().decode(goodCsv).split('\r\n').slice(0, 2).join('\r\n');
    const bytes = new TextEncoder().encode(partial);
    const preview = await previewStaffImport(deps, admin(), input(bytes));
    expect(preview.summary.missing.map((m) => m.name).sort()).toEqual(['Pádraig Ó Súilleabháin', 'Zoë Bell']);
    expect(await applyStaffImport(deps, admin(), input(bytes))).toMatchObject({ left: 0, unchanged: 1 });
    expect((await person('T002')).left_on).toBeNull();
    expect(await applyStaffImport(deps, admin(), input(bytes, { markMissingAsLeft: true }))).toMatchObject({ left: 2 });
    const zoe = await person('T002');
    expect(zoe.left_on?.getDate()).toBe(22);
    expect(await peopleCount()).toBe(3);
    const left = await database.kysely.selectFrom('audit_events').select('data').where('action', '=', 'person.markedLeft').execute();
    expect(left).toHaveLength(2);
    // Leavers are no longer "missing" next time.
    expect((await previewStaffImport(deps, admin(), input(bytes))).summary.missing).toEqual([]);
  });

  it("refuses another school's admin and staff, and audits the refusal", async () => {
    for (const who of [actor('school_admin', ids.other), actor('staff', ids.school), actor('line_manager', ids.school)]) {
      const error = await previewStaffImport(deps, who, input(goodCsv)).catch((e: AppError) => e);
      expect(error).toMatchObject({ code: 'forbidden' });
      await expect(applyStaffImport(deps, who, input(goodCsv))).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await peopleCount()).toBe(0);
    const refusals = await database.kysely.selectFrom('audit_events').select('id').where('action', '=', 'access.refused').execute();
    expect(refusals).toHaveLength(6);
    const trustAdmin = actor('trust_admin', ids.trust);
    expect((await applyStaffImport(deps, trustAdmin, input(goodCsv))).created).toBe(3);
  });
});
