import type { Config } from '../../contracts/config.ts';
import { AppError, isAppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import type { ColumnMapping, StaffField } from '../../domain/staff-import/fields.ts';
import { mappingWithin, megabytesOf, missingColumns, staffFileProblem } from '../../domain/staff-import/wizard-rules.ts';
import { startStaffImportApply } from './background.ts';
import { previewStaffImport, type StaffImportDeps, type StaffImportPreview, schoolToImportInto } from './preview.ts';
import { rememberRoleValues } from './role-values.ts';
import { type ImportStatus, type UploadMeta, uploadStore } from './uploads.ts';

/**
 * The web wizard's steps (upload → columns → role values → preview → apply → status), one use-case
 * a page. The file stays on the server between steps (uploads.ts); every step checks the school's
 * permission first, so that a refused user learns nothing about uploads.
 */
export type WizardDeps = StaffImportDeps & { config: Pick<Config, 'dataDir'> };

export type UploadRef = { schoolId: string; uploadId: string };

const uploadsOf = (deps: WizardDeps) => uploadStore(deps.config.dataDir, deps.clock);

/** The school and the upload, both the actor's (another school's upload is unknown). */
const loadUpload = async (deps: WizardDeps, actor: Actor, ref: UploadRef) => {
  const school = await schoolToImportInto(deps, actor, ref.schoolId);
  const meta = await uploadsOf(deps).meta(ref.uploadId, actor.userId);
  if (meta.schoolId !== school.id) throw new AppError('not_found', 'This upload belongs to another school');
  return { school, meta };
};

const previewOf = async (deps: WizardDeps, actor: Actor, ref: UploadRef): Promise<{ preview: StaffImportPreview; meta: UploadMeta }> => {
  await loadUpload(deps, actor, ref);
  const { meta, bytes } = await uploadsOf(deps).load(ref.uploadId, actor.userId);
  const preview = await previewStaffImport(deps, actor, {
    schoolId: meta.schoolId,
    fileName: meta.fileName,
    bytes,
    mapping: meta.mapping,
    roleValues: meta.roleValues,
    markMissingAsLeft: false,
  });
  return { preview, meta };
};

/** The upload page: the school and the largest file accepted. */
export const importUploadPage = async (deps: WizardDeps, actor: Actor, schoolId: string) => ({
  school: await schoolToImportInto(deps, actor, schoolId),
  maxMb: megabytesOf(deps.importMaxBytes),
});

export type UploadedFile = { fileName: string | undefined; bytes: Uint8Array; truncated: boolean };

/** Keeps an uploaded staff file for the wizard once it can be read; a file refused is a `validation` error on `file`. */
export const uploadStaffFile = async (deps: WizardDeps, actor: Actor, schoolId: string, file: UploadedFile | undefined) => {
  const school = await schoolToImportInto(deps, actor, schoolId);
  const problem = staffFileProblem(
    file && { fileName: file.fileName, size: file.bytes.byteLength, truncated: file.truncated },
    deps.importMaxBytes,
  );
  if (problem || !file?.fileName)
    throw new AppError('validation', problem ?? 'Select a CSV or Excel file', [{ where: 'file', reason: problem ?? '' }]);
  const saved = await uploadsOf(deps).save({ userId: actor.userId, schoolId: school.id, fileName: file.fileName, bytes: file.bytes });
  try {
    await previewOf(deps, actor, { schoolId: school.id, uploadId: saved.id });
  } catch (error) {
    if (!isAppError(error) || error.code !== 'import_invalid') throw error;
    const reason = error.details.map((d) => d.reason).join('; ');
    const text = `${error.message}${reason ? `: ${reason}` : ''}`;
    throw new AppError('validation', text, [{ where: 'file', reason: text }]);
  }
  return { schoolId: school.id, uploadId: saved.id };
};

/** The columns page: the file's headers and the mapping so far (guessed at first). */
export const importColumnsPage = async (deps: WizardDeps, actor: Actor, ref: UploadRef) => {
  const { preview, meta } = await previewOf(deps, actor, ref);
  return { preview, fileName: meta.fileName };
};

/** Keeps the chosen columns; `missing` names each required field still without one (then the page is shown again). */
export const saveImportColumns = async (
  deps: WizardDeps,
  actor: Actor,
  ref: UploadRef,
  asked: Partial<Record<StaffField, number | null>>,
): Promise<{ missing: { field: StaffField; text: string }[]; next: 'roles' | 'preview' }> => {
  const { preview } = await previewOf(deps, actor, ref);
  const mapping: ColumnMapping = mappingWithin(asked, preview.headers.length);
  await uploadsOf(deps).update(ref.uploadId, actor.userId, { mapping });
  return { missing: missingColumns(mapping), next: mapping.role === null ? 'preview' : 'roles' };
};

/** The role-values page: each distinct role word of the file and what it maps to so far. */
export const importRolesPage = async (deps: WizardDeps, actor: Actor, ref: UploadRef) => (await previewOf(deps, actor, ref)).preview;

/** "No graded role", as the role-values form posts it. */
export const NO_GRADED_ROLE = '__none__';

/**
 * Keeps the role chosen for each role word (by its place on the page) and remembers them for the
 * school at once, as the CLI's --map does; `problems` names each word still without a valid choice.
 */
export const saveImportRoles = async (
  deps: WizardDeps,
  actor: Actor,
  ref: UploadRef,
  choices: readonly string[],
): Promise<{ problems: { index: number; text: string }[] }> => {
  const { preview, meta } = await previewOf(deps, actor, ref);
  const chosen: Record<string, string | null> = {};
  const problems: { index: number; text: string }[] = [];
  for (const [index, choice] of preview.roleValues.entries()) {
    const value = choices[index] ?? '';
    if (value === NO_GRADED_ROLE) chosen[choice.value] = null;
    else if (deps.catalogue.role(value)) chosen[choice.value] = value;
    else problems.push({ index, text: `Choose the framework role for "${choice.value}", or "No graded role"` });
  }
  await uploadsOf(deps).update(ref.uploadId, actor.userId, { roleValues: { ...meta.roleValues, ...chosen } });
  await rememberRoleValues(deps, actor, ref.schoolId, chosen);
  return { problems };
};

/** The preview page: what applying the file would do. */
export const importPreviewPage = importColumnsPage;

/** Starts applying the file in the background; `finished` settles when it is done (for the caller's log). */
export const applyImport = async (deps: WizardDeps, actor: Actor, ref: UploadRef, markMissingAsLeft: boolean) => {
  await loadUpload(deps, actor, ref);
  return startStaffImportApply(deps, actor, uploadsOf(deps), ref.uploadId, markMissingAsLeft);
};

/** The status page: how far the apply has got, then its result or its problems. */
export const importStatusPage = async (deps: WizardDeps, actor: Actor, ref: UploadRef) => {
  const { school, meta } = await loadUpload(deps, actor, ref);
  const status: ImportStatus = meta.status ?? { state: 'running', done: 0, total: 0 };
  return {
    school,
    status,
    fileName: meta.fileName,
    refresh: status.state === 'running',
    percent: status.state === 'running' && status.total > 0 ? Math.floor((status.done / status.total) * 100) : 0,
  };
};
