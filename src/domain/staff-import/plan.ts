import { canonicalJson } from '../audit/chain.ts';
import { type ColumnMapping, type StaffField, staffFieldNames } from './fields.ts';
import type { StaffPost, StaffRecord } from './validate.ts';

/** A staff member already on record, in the same shape as an imported one. */
export type ExistingStaff = Omit<StaffRecord, 'rows'> & { personId: string; left: boolean };

export type FieldChange = { field: string; before: unknown; after: unknown };

export type StaffImportPlan = {
  create: StaffRecord[];
  update: { personId: string; record: StaffRecord; changes: FieldChange[] }[];
  unchanged: { personId: string; record: StaffRecord }[];
  /** People on record but absent from the file: shown in the preview, marked left only when asked. */
  missing: ExistingStaff[];
  markMissingAsLeft: boolean;
};

const compared = [
  'givenName',
  'familyName',
  'workEmail',
  'staffCode',
  'startDate',
  'leavingDate',
  'specialisms',
  'lineManager',
  'posts',
] as const;

/** The fields of a post and the column each comes from. */
const POST_COLUMNS = ['role', 'jobTitle', 'hoursPerWeek', 'weeksPerYear'] as const satisfies readonly StaffField[];

/** The fields the file has a column for: only these can change anyone. */
export const columnsOf = (mapping: ColumnMapping): ReadonlySet<StaffField> =>
  new Set(staffFieldNames.filter((field) => mapping[field] !== null));

/**
 * The record as applying it would leave the person: a field whose column the file does not have keeps
 * its value on record (only a present, empty cell clears one). Post fields are kept post by post.
 */
const withAbsentColumnsKept = (record: StaffRecord, person: ExistingStaff, columns: ReadonlySet<StaffField>): StaffRecord => {
  type Field = Exclude<keyof StaffRecord, 'rows' | 'posts'>;
  const [fromFile, onRecord]: [Pick<StaffRecord, Field>, Pick<StaffRecord, Field>] = [record, person];
  const kept = <F extends Field>(field: F): Pick<StaffRecord, Field>[F] => (columns.has(field) ? fromFile[field] : onRecord[field]);
  const posts = POST_COLUMNS.some((c) => columns.has(c))
    ? record.posts.map((post, index): StaffPost => {
        const before = person.posts[index];
        return {
          roleValue: columns.has('role') ? post.roleValue : (before?.roleValue ?? null),
          gradedRole: columns.has('role') ? post.gradedRole : (before?.gradedRole ?? null),
          jobTitle: columns.has('jobTitle') ? post.jobTitle : (before?.jobTitle ?? null),
          hoursPerWeek: columns.has('hoursPerWeek') ? post.hoursPerWeek : (before?.hoursPerWeek ?? null),
          weeksPerYear: columns.has('weeksPerYear') ? post.weeksPerYear : (before?.weeksPerYear ?? null),
        };
      })
    : person.posts;
  return {
    rows: record.rows,
    givenName: kept('givenName'),
    familyName: kept('familyName'),
    workEmail: kept('workEmail'),
    staffCode: kept('staffCode'),
    startDate: kept('startDate'),
    leavingDate: kept('leavingDate'),
    specialisms: kept('specialisms'),
    lineManager: kept('lineManager'),
    posts,
  };
};

const changesBetween = (before: ExistingStaff, after: StaffRecord): FieldChange[] =>
  compared
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));

const lower = (text: string | null) => text?.toLowerCase() ?? null;

/**
 * Matches imported records to people on record (by staff code, then by email) and says what applying
 * the file would do: every field that changes, before and after, and nothing else. A column the file
 * does not have (`columns`) changes no one; a present, empty cell clears. Re-applying the same file
 * yields no creates and no updates.
 */
export const planStaffImport = (
  records: readonly StaffRecord[],
  existing: readonly ExistingStaff[],
  options: { markMissingAsLeft: boolean; columns: ReadonlySet<StaffField> },
): StaffImportPlan => {
  const byCode = new Map(existing.filter((p) => p.staffCode).map((p) => [lower(p.staffCode), p]));
  const byEmail = new Map(existing.filter((p) => p.workEmail).map((p) => [lower(p.workEmail), p]));
  const matched = new Set<string>();
  const plan: StaffImportPlan = { create: [], update: [], unchanged: [], missing: [], markMissingAsLeft: options.markMissingAsLeft };

  for (const imported of records) {
    const person =
      (imported.staffCode && byCode.get(lower(imported.staffCode))) ||
      (imported.workEmail && byEmail.get(lower(imported.workEmail))) ||
      undefined;
    if (!person) {
      plan.create.push(imported);
      continue;
    }
    matched.add(person.personId);
    const record = withAbsentColumnsKept(imported, person, options.columns);
    const rejoining = person.left && record.leavingDate === null;
    const changes = [...changesBetween(person, record), ...(rejoining ? [{ field: 'left', before: true, after: false }] : [])];
    if (changes.length === 0) plan.unchanged.push({ personId: person.personId, record });
    else plan.update.push({ personId: person.personId, record, changes });
  }
  plan.missing = existing.filter((p) => !p.left && !matched.has(p.personId));
  return plan;
};
