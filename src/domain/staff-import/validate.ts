import type { ColumnMapping, StaffField } from './fields.ts';
import { staffFieldNames, staffFields } from './fields.ts';

/** One post a person holds: a graded role (or none) and a job title, with its contract. */
export type StaffPost = {
  roleValue: string | null;
  gradedRole: string | null;
  jobTitle: string | null;
  hoursPerWeek: number | null;
  weeksPerYear: number | null;
};

/** A staff member as read from an import file (one or more rows). */
export type StaffRecord = {
  rows: number[];
  givenName: string;
  familyName: string;
  workEmail: string | null;
  staffCode: string | null;
  startDate: string | null;
  leavingDate: string | null;
  specialisms: string[];
  lineManager: string | null;
  posts: StaffPost[];
};

/** A problem with one cell: file row number (1 = header), the column's header, and why. */
export type RowError = { row: number; column: string; reason: string };

export type StaffImportRules = {
  /** The school's own role words mapped to a framework role id, or null for "no graded role". */
  roleValues: ReadonlyMap<string, string | null>;
  isGradedRole: (id: string) => boolean;
  specialisms: ReadonlySet<string>;
};

export type ValidatedStaff = { records: StaffRecord[]; errors: RowError[]; unmappedRoleValues: string[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Accepts ISO dates and the UK day-first forms MIS exports use (22/11/2026, 22-11-2026). */
export const parseDate = (text: string): string | null => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return null;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  const valid = date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
  return valid ? date.toISOString().slice(0, 10) : null;
};

/** A number from 0 to `max`; null for an empty cell (Number('') would be 0) or anything else. */
const parseNumber = (text: string, max: number): number | null => {
  if (text.trim() === '') return null;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 && value <= max ? value : null;
};

/** The role value as the school wrote it, normalised for matching ("TA  Level 3" = "ta level 3"). */
export const normaliseRoleValue = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

type RowContext = {
  row: number;
  cells: readonly string[];
  mapping: ColumnMapping;
  columnName: (field: StaffField) => string;
  rules: StaffImportRules;
};

type ReadRow = { record: StaffRecord; identity: string; errors: RowError[]; unmappedRoleValue: string | null };

/** Reads one row into a record with a single post, collecting every problem in it. */
const readRow = ({ row, cells, mapping, columnName, rules }: RowContext): ReadRow => {
  const errors: RowError[] = [];
  const cell = (field: StaffField) => (mapping[field] === null ? '' : (cells[mapping[field] ?? -1] ?? '').trim());
  const fail = (field: StaffField, reason: string) => {
    errors.push({ row, column: columnName(field), reason });
  };

  for (const field of staffFieldNames) if (staffFields[field].required && cell(field) === '') fail(field, 'is required but empty');
  const email = cell('workEmail');
  if (email && !EMAIL.test(email)) fail('workEmail', `"${email}" is not an email address`);
  for (const field of ['startDate', 'leavingDate'] as const) {
    const text = cell(field);
    if (text && !parseDate(text)) fail(field, `"${text}" is not a date (use DD/MM/YYYY or YYYY-MM-DD)`);
  }
  const hours = cell('hoursPerWeek');
  if (hours && parseNumber(hours, 168) === null) fail('hoursPerWeek', `"${hours}" is not a number of hours between 0 and 168`);
  const weeks = cell('weeksPerYear');
  if (weeks && parseNumber(weeks, 52.143) === null) fail('weeksPerYear', `"${weeks}" is not a number of weeks between 0 and 52.14`);
  const specialisms = cell('specialisms')
    .split(/[,;|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of specialisms)
    if (!rules.specialisms.has(s)) fail('specialisms', `"${s}" is not a known specialism (${[...rules.specialisms].join(', ')})`);

  const roleValue = cell('role');
  const gradedRole = roleValue ? gradedRoleOf(roleValue, rules) : null;
  if (gradedRole === undefined) fail('role', `"${roleValue}" is not mapped to a framework role (map it, or choose "no graded role")`);

  const staffCode = cell('staffCode');
  return {
    identity: staffCode ? `code:${staffCode.toLowerCase()}` : email ? `email:${email.toLowerCase()}` : `row:${row}`,
    errors,
    unmappedRoleValue: gradedRole === undefined ? roleValue : null,
    record: {
      rows: [row],
      givenName: cell('givenName'),
      familyName: cell('familyName'),
      workEmail: email || null,
      staffCode: staffCode || null,
      startDate: parseDate(cell('startDate')),
      leavingDate: parseDate(cell('leavingDate')),
      specialisms,
      lineManager: cell('lineManager') || null,
      posts: [
        {
          roleValue: roleValue || null,
          gradedRole: gradedRole ?? null,
          jobTitle: cell('jobTitle') || null,
          hoursPerWeek: parseNumber(hours, 168),
          weeksPerYear: parseNumber(weeks, 52.143),
        },
      ],
    },
  };
};

/** The framework role a school's role word means: its remembered mapping, or the role id itself; undefined when unknown. */
const gradedRoleOf = (roleValue: string, rules: StaffImportRules): string | null | undefined => {
  const mapped = rules.roleValues.get(normaliseRoleValue(roleValue));
  if (mapped !== undefined) return mapped;
  const asId = roleValue.trim().toUpperCase();
  return rules.isGradedRole(asId) ? asId : undefined;
};

/** Adds a row's post to the person already read with the same identity, or says why it cannot. */
const mergePost = (existing: StaffRecord, next: StaffRecord, identityColumn: string): RowError | null => {
  const row = next.rows[0] ?? 0;
  const post = next.posts[0];
  if (!post) return null;
  if (existing.givenName !== next.givenName || existing.familyName !== next.familyName) {
    return {
      row,
      column: identityColumn,
      reason: `is also used on row ${existing.rows[0]} for ${existing.givenName} ${existing.familyName}`,
    };
  }
  if (existing.posts.some((p) => p.roleValue === post.roleValue && p.jobTitle === post.jobTitle)) {
    return { row, column: identityColumn, reason: `duplicates row ${existing.rows[0]} (same person and post)` };
  }
  existing.rows.push(row);
  existing.posts.push(post);
  return null;
};

const duplicateEmails = (records: readonly StaffRecord[], column: string): RowError[] => {
  const firstRow = new Map<string, number>();
  return records.flatMap((record): RowError[] => {
    const key = record.workEmail?.toLowerCase();
    const row = record.rows[0] ?? 0;
    if (!key) return [];
    const seen = firstRow.get(key);
    if (seen === undefined) {
      firstRow.set(key, row);
      return [];
    }
    return [{ row, column, reason: `"${record.workEmail}" is also used on row ${seen}` }];
  });
};

/**
 * Validates every row before anything is written: each problem is reported with its row, column and reason.
 * Rows that share a staff code (or, without one, an email) are one person holding several posts.
 */
export const validateStaffRows = (
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  rules: StaffImportRules,
): ValidatedStaff => {
  const [headers = [], ...body] = rows;
  const columnName = (field: StaffField) => headers[mapping[field] ?? -1] ?? staffFields[field].label;
  const unmappedFields = staffFieldNames.filter((field) => staffFields[field].required && mapping[field] === null);
  if (unmappedFields.length > 0) {
    const errors = unmappedFields.map((field) => ({
      row: 1,
      column: staffFields[field].label,
      reason: 'no column is mapped to this required field',
    }));
    return { records: [], errors, unmappedRoleValues: [] };
  }

  const errors: RowError[] = [];
  const unmapped = new Set<string>();
  const records = new Map<string, StaffRecord>();
  for (const [index, cells] of body.entries()) {
    if (cells.every((c) => c.trim() === '')) continue;
    const read = readRow({ row: index + 2, cells, mapping, columnName, rules });
    errors.push(...read.errors);
    if (read.unmappedRoleValue) unmapped.add(read.unmappedRoleValue);
    if (read.errors.length > 0) continue;
    const existing = records.get(read.identity);
    if (!existing) records.set(read.identity, read.record);
    else {
      const clash = mergePost(existing, read.record, columnName(read.record.staffCode ? 'staffCode' : 'workEmail'));
      if (clash) errors.push(clash);
    }
  }
  const list = [...records.values()];
  errors.push(...duplicateEmails(list, columnName('workEmail')));
  return { records: errors.length > 0 ? [] : list, errors: errors.sort((a, b) => a.row - b.row), unmappedRoleValues: [...unmapped] };
};
