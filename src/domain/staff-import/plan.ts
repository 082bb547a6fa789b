import { canonicalJson } from '../audit/chain.ts';
import type { StaffRecord } from './validate.ts';

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

const changesBetween = (before: ExistingStaff, after: StaffRecord): FieldChange[] =>
  compared
    .filter((field) => canonicalJson(before[field]) !== canonicalJson(after[field]))
    .map((field) => ({ field, before: before[field], after: after[field] }));

const lower = (text: string | null) => text?.toLowerCase() ?? null;

/**
 * Matches imported records to people on record (by staff code, then by email) and says what applying
 * the file would do. Re-applying the same file yields no creates and no updates.
 */
export const planStaffImport = (
  records: readonly StaffRecord[],
  existing: readonly ExistingStaff[],
  options: { markMissingAsLeft: boolean },
): StaffImportPlan => {
  const byCode = new Map(existing.filter((p) => p.staffCode).map((p) => [lower(p.staffCode), p]));
  const byEmail = new Map(existing.filter((p) => p.workEmail).map((p) => [lower(p.workEmail), p]));
  const matched = new Set<string>();
  const plan: StaffImportPlan = { create: [], update: [], unchanged: [], missing: [], markMissingAsLeft: options.markMissingAsLeft };

  for (const record of records) {
    const person =
      (record.staffCode && byCode.get(lower(record.staffCode))) || (record.workEmail && byEmail.get(lower(record.workEmail))) || undefined;
    if (!person) {
      plan.create.push(record);
      continue;
    }
    matched.add(person.personId);
    const rejoining = person.left && record.leavingDate === null;
    const changes = [...changesBetween(person, record), ...(rejoining ? [{ field: 'left', before: true, after: false }] : [])];
    if (changes.length === 0) plan.unchanged.push({ personId: person.personId, record });
    else plan.update.push({ personId: person.personId, record, changes });
  }
  plan.missing = existing.filter((p) => !p.left && !matched.has(p.personId));
  return plan;
};
