import { AppError, isAppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { applyStaffImport } from './apply.ts';
import { authorizeStaffImport, type StaffImportDeps } from './preview.ts';
import type { ImportStatus, UploadStore } from './uploads.ts';

/**
 * Starts applying an uploaded file for the web wizard and returns at once; the wizard's status page
 * reads the progress (and then the result or the problems) from the upload's record. Permission and
 * size are checked before anything starts, so a refusal is an ordinary error for the caller.
 */
export const startStaffImportApply = async (
  deps: StaffImportDeps,
  actor: Actor,
  uploads: UploadStore,
  uploadId: string,
  markMissingAsLeft: boolean,
): Promise<{ finished: Promise<ImportStatus> }> => {
  const { meta, bytes } = await uploads.load(uploadId, actor.userId);
  if (meta.status?.state === 'running') throw new AppError('conflict', 'This file is already being imported');
  if (meta.status?.state === 'done') throw new AppError('conflict', 'This file has already been imported; upload it again to re-import');
  const input = {
    schoolId: meta.schoolId,
    fileName: meta.fileName,
    bytes,
    mapping: meta.mapping,
    roleValues: meta.roleValues,
    markMissingAsLeft,
  };
  await authorizeStaffImport(deps, actor, input);
  await uploads.update(uploadId, actor.userId, { markMissingAsLeft, status: { state: 'running', done: 0, total: 0 } });

  // Status writes are chained so that a late progress write never overwrites the final state.
  let writes: Promise<unknown> = Promise.resolve();
  const write = (status: ImportStatus) => {
    writes = writes.then(() => uploads.update(uploadId, actor.userId, { status })).catch(() => undefined);
    return writes;
  };
  let lastWrite = 0;
  const onProgress = (done: number, total: number) => {
    const now = Date.now();
    if (now - lastWrite < 250 && done < total) return;
    lastWrite = now;
    void write({ state: 'running', done, total });
  };
  const finished = applyStaffImport(deps, actor, input, { onProgress }).then(
    (result): ImportStatus => ({ state: 'done', result }),
    (error: unknown): ImportStatus =>
      isAppError(error)
        ? { state: 'failed', message: error.message, details: [...error.details] }
        : { state: 'failed', message: 'Something went wrong; nothing was imported. It has been logged.', details: [] },
  );
  return {
    finished: finished.then(async (status) => {
      await write(status);
      return status;
    }),
  };
};
