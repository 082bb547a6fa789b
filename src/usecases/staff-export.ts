import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import Papa from 'papaparse';
import { neutraliseFormula } from '../adapters/spreadsheets/formula-safety.ts';
import type { Actor } from '../domain/policy/actor.ts';
import { staff } from '../store/staff.ts';
import type { Tables } from '../store/tables.ts';
import { authorize } from './authorize.ts';
import { findSchool } from './staff-import/preview.ts';

export type StaffExportFormat = 'csv' | 'xlsx';
export type StaffExport = { fileName: string; contentType: string; bytes: Uint8Array };
export type StaffExportDeps = { db: Kysely<Tables>; auditKey: Uint8Array; requestId?: string | null };

/** The header names the staff import recognises, so an export can be edited and imported again. */
const HEADERS = [
  'Staff Code',
  'Legal Surname',
  'Preferred Forename',
  'Work Email',
  'Role',
  'Job Title',
  'Hours per week',
  'Weeks per year',
  'Start date',
  'Leaving date',
  'Specialisms',
  'Line manager',
];

const contentTypes: Record<StaffExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Every cell through neutraliseFormula: a name or job title such as `=HYPERLINK(…)` must not run when opened. */
const safeRow = (cells: readonly (string | number | null)[]) => cells.map((c) => neutraliseFormula(c));

/**
 * A school's staff (leavers included) as CSV or XLSX, one row per post, in the columns the import reads.
 * Needs person.read across the school (school or trust admins).
 */
export const exportSchoolStaff = async (
  deps: StaffExportDeps,
  actor: Actor,
  input: { schoolId: string; format: StaffExportFormat },
): Promise<StaffExport> => {
  const school = await findSchool(deps.db, input.schoolId);
  await authorize(deps, actor, 'person.read', { type: 'person', trustId: school.trust_id, organisationId: school.id, personId: 'all' });
  const store = staff(deps.db);
  const people = await store.listBySchool(school.trust_id, school.id);
  const keys = new Map((await store.listTrustKeys(school.trust_id)).map((p) => [p.id, p.staffCode ?? p.workEmail]));
  const rows = people.flatMap((p) => {
    const posts =
      p.posts.length > 0
        ? p.posts
        : [{ roleValue: null, gradedRole: p.gradedRole, jobTitle: p.jobTitle, hoursPerWeek: p.hoursPerWeek, weeksPerYear: p.weeksPerYear }];
    return posts.map((post) =>
      safeRow([
        p.staffCode,
        p.familyName,
        p.givenName,
        p.workEmail,
        post.roleValue ?? post.gradedRole,
        post.jobTitle,
        post.hoursPerWeek,
        post.weeksPerYear,
        p.startDate,
        p.leftOn,
        p.specialisms.join(', '),
        p.lineManagerId ? (keys.get(p.lineManagerId) ?? null) : null,
      ]),
    );
  });
  const base = `${
    school.name
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'school'
  }-staff`;
  if (input.format === 'csv') {
    const text = `\uFEFF${Papa.unparse([HEADERS, ...rows], { newline: '\r\n' })}\r\n`;
    return { fileName: `${base}.csv`, contentType: contentTypes.csv, bytes: new TextEncoder().encode(text) };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Staff');
  sheet.addRow(HEADERS);
  for (const row of rows) sheet.addRow(row);
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: `${base}.xlsx`, contentType: contentTypes.xlsx, bytes: new Uint8Array(buffer) };
};
