import type { Kysely } from 'kysely';
import { readSpreadsheet } from '../../adapters/spreadsheets/read-spreadsheet.ts';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { type ColumnMapping, guessColumnMapping, staffFields } from '../../domain/staff-import/fields.ts';
import { columnsOf, type ExistingStaff, type FieldChange, planStaffImport, type StaffImportPlan } from '../../domain/staff-import/plan.ts';
import { normaliseRoleValue, type RowError, type StaffRecord, validateStaffRows } from '../../domain/staff-import/validate.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { roleValueMappings } from '../../store/role-value-mappings.ts';
import { type StaffMemberRow, staff } from '../../store/staff.ts';
import type { OrganisationRow, Tables } from '../../store/tables.ts';
import { authorize } from '../authorize.ts';
import type { AppContext } from '../context.ts';

/** The NJC specialisms (a–d) and the ST1414 options a person may be recorded with. */
export const knownSpecialisms: ReadonlySet<string> = new Set(['a', 'b', 'c', 'd', 'SEND', 'SEW', 'SCP']);

/** What the staff import needs from the application. */
export type StaffImportDeps = {
  db: Kysely<Tables>;
  auditKey: Uint8Array;
  catalogue: Catalogue;
  importMaxBytes: number;
  clock: () => Date;
  requestId?: string | null;
  newId?: () => string;
};

export const staffImportDeps = (context: AppContext, requestId: string | null = null): StaffImportDeps => ({
  db: context.database.kysely,
  auditKey: context.keys.auditKey,
  catalogue: context.catalogue.current(),
  importMaxBytes: context.config.importMaxBytes,
  clock: context.clock,
  requestId,
});

export type StaffImportInput = {
  /** The school's id (or URN). */
  schoolId: string;
  fileName: string;
  bytes: Uint8Array;
  /** Column of each field; guessed from the header row when absent. */
  mapping?: ColumnMapping | undefined;
  /** The school's role words mapped to a framework role id, or null for "no graded role"; merged over the remembered ones. */
  roleValues?: Readonly<Record<string, string | null>> | undefined;
  markMissingAsLeft: boolean;
};

/** One distinct role word of the file and what it currently maps to (undefined: not mapped yet). */
export type RoleValueChoice = { value: string; gradedRole: string | null | undefined; remembered: boolean };

export type StaffImportPreview = {
  school: { id: string; trustId: string; name: string };
  headers: string[];
  mapping: ColumnMapping;
  roleValues: RoleValueChoice[];
  /** The role mappings the import would use (normalised role word → role id or null), to remember on apply. */
  usedRoleValues: Map<string, string | null>;
  errors: RowError[];
  unmappedRoleValues: string[];
  plan: StaffImportPlan;
  summary: {
    create: number;
    update: number;
    unchanged: number;
    creates: string[];
    updates: { personId: string; name: string; changes: FieldChange[] }[];
    missing: { personId: string; name: string }[];
  };
  /** The trust's people by lower-cased staff code and email, to resolve line managers on apply. */
  trustPeople: { id: string; staffCode: string | null; workEmail: string | null }[];
};

const nameOf = (p: { givenName: string; familyName: string }) => `${p.givenName} ${p.familyName}`;
const lower = (text: string | null | undefined) => text?.trim().toLowerCase() ?? '';

/** Finds the school by id or URN, refusing anything that is not a school. */
export const findSchool = async (db: Kysely<Tables>, idOrUrn: string): Promise<OrganisationRow> => {
  const school = await staff(db).findSchool(idOrUrn);
  if (!school) throw new AppError('not_found', `No school with id or URN "${idOrUrn}"`);
  return school;
};

/** The school, when the actor may import its staff (organisation.importStaff); refusals are audited. */
export const schoolToImportInto = async (
  deps: Pick<StaffImportDeps, 'db' | 'auditKey' | 'requestId'>,
  actor: Actor,
  schoolId: string,
): Promise<OrganisationRow> => {
  const school = await findSchool(deps.db, schoolId);
  await authorize(deps, actor, 'organisation.importStaff', { type: 'organisation', trustId: school.trust_id, organisationId: school.id });
  return school;
};

/** Authorizes the import on the school and refuses files over the size limit. */
export const authorizeStaffImport = async (deps: StaffImportDeps, actor: Actor, input: StaffImportInput): Promise<OrganisationRow> => {
  const school = await schoolToImportInto(deps, actor, input.schoolId);
  if (input.bytes.byteLength > deps.importMaxBytes) {
    const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;
    throw new AppError('import_invalid', `${input.fileName} is too large to import`, [
      {
        where: input.fileName,
        reason: `the file is ${mb(input.bytes.byteLength)}; the largest file accepted is ${mb(deps.importMaxBytes)}`,
      },
    ]);
  }
  return school;
};

/**
 * A person's posts as the planner compares them: their post rows, or, for someone recorded without any
 * (added by hand, or before posts were imported), one post made of their own role, title and contract.
 */
const postsOf = (r: StaffMemberRow): ExistingStaff['posts'] => {
  if (r.posts.length > 0) return r.posts;
  const post = {
    roleValue: r.gradedRole,
    gradedRole: r.gradedRole,
    jobTitle: r.jobTitle,
    hoursPerWeek: r.hoursPerWeek,
    weeksPerYear: r.weeksPerYear,
  };
  return Object.values(post).some((v) => v !== null) ? [post] : [];
};

/** The school's people as the planner compares them, line managers named by their staff code (or email). */
const existingStaffOf = (rows: readonly StaffMemberRow[], trustPeople: StaffImportPreview['trustPeople']): ExistingStaff[] => {
  const keyOf = new Map(trustPeople.map((p) => [p.id, p.staffCode ?? p.workEmail]));
  return rows.map((r) => ({
    personId: r.id,
    left: r.leftOn !== null,
    givenName: r.givenName,
    familyName: r.familyName,
    workEmail: r.workEmail,
    staffCode: r.staffCode,
    startDate: r.startDate,
    leavingDate: r.leftOn,
    specialisms: r.specialisms,
    lineManager: r.lineManagerId ? (keyOf.get(r.lineManagerId) ?? null) : null,
    posts: postsOf(r),
  }));
};

/**
 * Line managers are named in the file by staff code or email; each is resolved among the file's own rows
 * and the trust's people and rewritten to that person's staff code (or email), so that re-importing the
 * same file compares equal. Names that match no one are errors.
 */
const resolveLineManagers = (
  records: StaffRecord[],
  trustPeople: StaffImportPreview['trustPeople'],
  column: string,
): { records: StaffRecord[]; errors: RowError[] } => {
  const canonical = new Map<string, string>();
  for (const p of trustPeople) {
    const key = p.staffCode ?? p.workEmail;
    if (!key) continue;
    if (p.staffCode) canonical.set(lower(p.staffCode), key);
    if (p.workEmail) canonical.set(lower(p.workEmail), key);
  }
  for (const r of records) {
    const key = r.staffCode ?? r.workEmail;
    if (!key) continue;
    if (r.staffCode) canonical.set(lower(r.staffCode), key);
    if (r.workEmail) canonical.set(lower(r.workEmail), key);
  }
  const errors: RowError[] = [];
  const resolved = records.map((r) => {
    if (!r.lineManager) return r;
    const key = canonical.get(lower(r.lineManager));
    if (!key) {
      errors.push({
        row: r.rows[0] ?? 0,
        column,
        reason: `"${r.lineManager}" is not the staff code or email of anyone in this school or trust`,
      });
      return r;
    }
    return { ...r, lineManager: key };
  });
  return { records: resolved, errors };
};

/** A new person's staff code must not belong to someone at another school of the trust (codes are unique per trust). */
const codeClashes = (plan: StaffImportPlan, trustPeople: StaffImportPreview['trustPeople'], column: string): RowError[] => {
  const taken = new Set(trustPeople.filter((p) => p.staffCode).map((p) => lower(p.staffCode)));
  return plan.create
    .filter((r) => r.staffCode && taken.has(lower(r.staffCode)))
    .map((r) => ({
      row: r.rows[0] ?? 0,
      column,
      reason: `"${r.staffCode}" is already the staff code of someone at another school of the trust`,
    }));
};

const distinctRoleValues = (rows: readonly (readonly string[])[], column: number | null): string[] => {
  if (column === null) return [];
  const seen = new Map<string, string>();
  for (const row of rows.slice(1)) {
    const value = (row[column] ?? '').trim().replace(/\s+/g, ' ');
    if (value && !seen.has(normaliseRoleValue(value))) seen.set(normaliseRoleValue(value), value);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b));
};

/** Reads, validates and plans the import over the given database handle (a transaction on apply). Writes nothing. */
export const buildStaffImportPreview = async (
  db: Kysely<Tables>,
  catalogue: Catalogue,
  school: OrganisationRow,
  input: StaffImportInput,
): Promise<StaffImportPreview> => {
  const table = await readSpreadsheet(input.fileName, input.bytes);
  const headers = table[0] ?? [];
  const mapping = input.mapping ?? guessColumnMapping(headers);
  const remembered = await roleValueMappings(db).listBySchool(school.trust_id, school.id);
  const given = new Map(Object.entries(input.roleValues ?? {}).map(([value, role]) => [normaliseRoleValue(value), role]));
  const merged = new Map([...remembered, ...given]);
  const isGradedRole = (id: string) => catalogue.role(id) !== undefined;
  const validated = validateStaffRows(table, mapping, { roleValues: merged, isGradedRole, specialisms: knownSpecialisms });

  const store = staff(db);
  const trustPeople = await store.listTrustKeys(school.trust_id);
  const schoolStaff = await store.listBySchool(school.trust_id, school.id);
  const columnName = (field: keyof ColumnMapping) => headers[mapping[field] ?? -1] ?? staffFields[field].label;
  const managers = resolveLineManagers(validated.records, trustPeople, columnName('lineManager'));
  const errors = [...validated.errors, ...managers.errors];
  const records = errors.length > 0 ? [] : managers.records;
  const plan = planStaffImport(records, existingStaffOf(schoolStaff, trustPeople), {
    markMissingAsLeft: input.markMissingAsLeft,
    columns: columnsOf(mapping),
  });
  const schoolIds = new Set(schoolStaff.map((p) => p.id));
  errors.push(
    ...codeClashes(
      plan,
      trustPeople.filter((p) => !schoolIds.has(p.id)),
      columnName('staffCode'),
    ),
  );
  errors.sort((a, b) => a.row - b.row);

  const values = distinctRoleValues(table, mapping.role);
  const usedRoleValues = new Map<string, string | null>();
  const roleValues = values.map((value) => {
    const key = normaliseRoleValue(value);
    const mapped = merged.get(key);
    const asId = value.toUpperCase();
    const gradedRole = mapped !== undefined ? mapped : isGradedRole(asId) ? asId : undefined;
    if (mapped !== undefined) usedRoleValues.set(key, mapped);
    return { value, gradedRole, remembered: remembered.has(key) };
  });

  const failed = errors.length > 0;
  const finalPlan: StaffImportPlan = failed
    ? { create: [], update: [], unchanged: [], missing: plan.missing, markMissingAsLeft: false }
    : plan;
  return {
    school: { id: school.id, trustId: school.trust_id, name: school.name },
    headers,
    mapping,
    roleValues,
    usedRoleValues,
    errors,
    unmappedRoleValues: validated.unmappedRoleValues,
    plan: finalPlan,
    summary: {
      create: finalPlan.create.length,
      update: finalPlan.update.length,
      unchanged: finalPlan.unchanged.length,
      creates: finalPlan.create.map(nameOf),
      updates: finalPlan.update.map((u) => ({ personId: u.personId, name: nameOf(u.record), changes: u.changes })),
      missing: finalPlan.missing.map((m) => ({ personId: m.personId, name: nameOf(m) })),
    },
    trustPeople,
  };
};

/**
 * Shows what importing a staff file into a school would do: the column mapping (guessed unless given),
 * the file's role words and what they map to, every bad row (row, column, reason), and the plan
 * (who is created, who is updated and how, who is missing from the file). Nothing is written.
 */
export const previewStaffImport = async (deps: StaffImportDeps, actor: Actor, input: StaffImportInput): Promise<StaffImportPreview> => {
  const school = await authorizeStaffImport(deps, actor, input);
  return buildStaffImportPreview(deps.db, deps.catalogue, school, input);
};
