import type { AuditAction } from '../../contracts/audit-actions.ts';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import type { FieldChange } from '../../domain/staff-import/plan.ts';
import type { StaffRecord } from '../../domain/staff-import/validate.ts';
import { type AuditEvent, audit } from '../../store/audit.ts';
import { roleValueMappings } from '../../store/role-value-mappings.ts';
import { type StaffPersonValues, staff } from '../../store/staff.ts';
import { holdTransactionLock } from '../../store/transaction-locks.ts';
import { authorizeStaffImport, buildStaffImportPreview, type StaffImportDeps, type StaffImportInput } from './preview.ts';

export type StaffImportResult = { created: number; updated: number; unchanged: number; left: number };

export type ApplyOptions = {
  /** Called as people are written: done so far out of the total to write. */
  onProgress?: (done: number, total: number) => void;
};

/** The person columns a record sets: its graded role is that of its first graded post. */
const personValuesOf = (record: StaffRecord): StaffPersonValues => {
  const hours = record.posts.map((p) => p.hoursPerWeek).filter((h) => h !== null);
  return {
    givenName: record.givenName,
    familyName: record.familyName,
    workEmail: record.workEmail,
    staffCode: record.staffCode,
    gradedRole: record.posts.find((p) => p.gradedRole !== null)?.gradedRole ?? null,
    jobTitle: record.posts.find((p) => p.jobTitle !== null)?.jobTitle ?? null,
    hoursPerWeek: hours.length > 0 ? hours.reduce((a, b) => a + b, 0) : null,
    weeksPerYear: record.posts.find((p) => p.weeksPerYear !== null)?.weeksPerYear ?? null,
    startDate: record.startDate,
    leftOn: record.leavingDate,
    specialisms: record.specialisms,
  };
};

/**
 * The person columns an update writes: those of the fields that change and no others, so that a column
 * the file does not have (kept by the planner) and anything recorded outside the import stay as they are.
 */
const changedValuesOf = (record: StaffRecord, changes: readonly FieldChange[]): Partial<StaffPersonValues> => {
  const all = personValuesOf(record);
  const changed = new Set(changes.map((c) => c.field));
  const when = <T>(fields: readonly string[], value: T): T | undefined => (fields.some((f) => changed.has(f)) ? value : undefined);
  return {
    givenName: when(['givenName'], all.givenName),
    familyName: when(['familyName'], all.familyName),
    workEmail: when(['workEmail'], all.workEmail),
    staffCode: when(['staffCode'], all.staffCode),
    startDate: when(['startDate'], all.startDate),
    specialisms: when(['specialisms'], all.specialisms),
    leftOn: when(['leavingDate', 'left'], all.leftOn),
    gradedRole: when(['posts'], all.gradedRole),
    jobTitle: when(['posts'], all.jobTitle),
    hoursPerWeek: when(['posts'], all.hoursPerWeek),
    weeksPerYear: when(['posts'], all.weeksPerYear),
  };
};

const beforeAfter = (changes: readonly FieldChange[]) => ({
  before: Object.fromEntries(changes.map((c) => [c.field, c.before])),
  after: Object.fromEntries(changes.map((c) => [c.field, c.after])),
});

const actorName = (actor: Actor) => actor.userId;

/**
 * Applies a staff file to a school in one transaction, after the same checks as the preview: creates and
 * updates people and their posts, resolves line managers, marks people missing from the file as left only
 * when asked (never deletes anyone), remembers the role-word mappings used, and writes one audit event per
 * person created, updated or marked left. Any error in the file and nothing is written.
 */
export const applyStaffImport = async (
  deps: StaffImportDeps,
  actor: Actor,
  input: StaffImportInput,
  options: ApplyOptions = {},
): Promise<StaffImportResult> => {
  const school = await authorizeStaffImport(deps, actor, input);
  const newId = deps.newId ?? (() => crypto.randomUUID());
  return deps.db.transaction().execute(async (trx) => {
    // One import per school at a time, so two uploads cannot both create the same people.
    await holdTransactionLock(trx, `staff-import:${school.id}`);
    const preview = await buildStaffImportPreview(trx, deps.catalogue, school, input);
    if (preview.errors.length > 0) {
      throw new AppError(
        'import_invalid',
        `${input.fileName} has ${preview.errors.length} problem(s); nothing was imported`,
        preview.errors.map((e) => ({ where: `row ${e.row}, ${e.column}`, reason: e.reason })),
      );
    }
    const { plan } = preview;
    const now = deps.clock();
    const today = now.toISOString().slice(0, 10);
    const trustId = school.trust_id;
    const store = staff(trx);
    const events: AuditEvent[] = [];
    const event = (action: AuditAction, personId: string, data: Record<string, unknown>): AuditEvent => ({
      trustId,
      actor: actorName(actor),
      action,
      entity: 'person',
      entityId: personId,
      data: { ...data, source: 'staff-import', file: input.fileName },
      requestId: deps.requestId ?? null,
      occurredAt: now,
    });
    const leaving = plan.markMissingAsLeft ? plan.missing : [];
    const total = plan.create.length + plan.update.length + leaving.length;
    let done = 0;
    const progress = () => options.onProgress?.(++done, total);

    // Who each staff code / email in the trust now is, for line managers.
    const idByKey = new Map<string, string>();
    const remember = (id: string, code: string | null, email: string | null) => {
      if (code) idByKey.set(code.toLowerCase(), id);
      if (email) idByKey.set(email.toLowerCase(), id);
    };
    for (const p of preview.trustPeople) remember(p.id, p.staffCode, p.workEmail);

    const written: { personId: string; record: StaffRecord }[] = [];
    for (const record of plan.create) {
      const personId = newId();
      const values = personValuesOf(record);
      await store.insertPerson({ id: personId, trustId, organisationId: school.id, now, ...values });
      await store.replacePosts(trustId, personId, record.posts, newId);
      remember(personId, record.staffCode, record.workEmail);
      written.push({ personId, record });
      const { rows: _rows, ...after } = record;
      events.push(event('person.created', personId, { before: null, after }));
      progress();
    }
    for (const { personId, record, changes } of plan.update) {
      await store.updatePerson(trustId, personId, changedValuesOf(record, changes), now);
      if (changes.some((c) => c.field === 'posts')) await store.replacePosts(trustId, personId, record.posts, newId);
      remember(personId, record.staffCode, record.workEmail);
      if (changes.some((c) => c.field === 'lineManager')) written.push({ personId, record });
      events.push(event('person.updated', personId, beforeAfter(changes)));
      progress();
    }
    for (const { personId, record } of written) {
      const managerId = record.lineManager ? (idByKey.get(record.lineManager.toLowerCase()) ?? null) : null;
      await store.setLineManager(trustId, personId, managerId);
    }
    for (const person of leaving) {
      await store.markLeft(trustId, person.personId, today, now);
      events.push(event('person.markedLeft', person.personId, { before: { leftOn: null }, after: { leftOn: today } }));
      progress();
    }
    await roleValueMappings(trx).upsert(trustId, school.id, preview.usedRoleValues, now);
    await audit(trx, deps.auditKey).record(...events);
    return { created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged.length, left: leaving.length };
  });
};
