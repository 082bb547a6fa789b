import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AppError } from '../../contracts/errors.ts';
import type { ColumnMapping } from '../../domain/staff-import/fields.ts';
import type { StaffImportResult } from './apply.ts';

/** Where an apply started from the web wizard has got to. */
export type ImportStatus =
  | { state: 'running'; done: number; total: number }
  | { state: 'done'; result: StaffImportResult }
  | { state: 'failed'; message: string; details: { where: string; reason: string }[] };

/** What the wizard remembers between its steps, beside the uploaded file (never the file in a form field). */
export type UploadMeta = {
  id: string;
  userId: string;
  schoolId: string;
  fileName: string;
  createdAt: string;
  mapping?: ColumnMapping;
  roleValues?: Record<string, string | null>;
  markMissingAsLeft?: boolean;
  status?: ImportStatus;
};

const ID = /^[0-9a-f]{32}$/;
/** Uploads older than this are removed when the next one is saved. */
const MAX_AGE_MS = 24 * 3600 * 1000;

/**
 * Uploaded staff files kept server-side between the wizard's steps: a folder per upload under
 * `<dataDir>/staff-imports/<random id>/`, readable only by the user who uploaded it.
 */
export const uploadStore = (dataDir: string, clock: () => Date = () => new Date()) => {
  const root = resolve(dataDir, 'staff-imports');
  const folder = (id: string) => join(root, id);
  // Written to a temporary file and renamed, so the status page never reads a half-written record.
  const writeMeta = async (meta: UploadMeta) => {
    const target = join(folder(meta.id), 'meta.json');
    const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(meta), { mode: 0o600 });
    await rename(temporary, target);
  };
  const notFound = () => new AppError('not_found', 'This upload has expired or does not exist; upload the file again');

  const readMeta = async (id: string, userId: string): Promise<UploadMeta> => {
    if (!ID.test(id)) throw notFound();
    let meta: UploadMeta;
    try {
      meta = JSON.parse(await readFile(join(folder(id), 'meta.json'), 'utf8')) as UploadMeta;
    } catch {
      throw notFound();
    }
    if (meta.userId !== userId) throw notFound();
    return meta;
  };

  const removeExpired = async () => {
    const names = await readdir(root).catch(() => []);
    for (const name of names) {
      if (!ID.test(name)) continue;
      const info = await stat(folder(name)).catch(() => null);
      if (info && clock().getTime() - info.mtimeMs > MAX_AGE_MS) await rm(folder(name), { recursive: true, force: true });
    }
  };

  return {
    save: async (input: { userId: string; schoolId: string; fileName: string; bytes: Uint8Array }): Promise<UploadMeta> => {
      await removeExpired();
      const id = randomBytes(16).toString('hex');
      await mkdir(folder(id), { recursive: true, mode: 0o700 });
      await writeFile(join(folder(id), 'file'), input.bytes, { mode: 0o600 });
      const meta: UploadMeta = {
        id,
        userId: input.userId,
        schoolId: input.schoolId,
        fileName: input.fileName,
        createdAt: clock().toISOString(),
      };
      await writeMeta(meta);
      return meta;
    },

    load: async (id: string, userId: string): Promise<{ meta: UploadMeta; bytes: Uint8Array }> => {
      const meta = await readMeta(id, userId);
      const bytes = new Uint8Array(await readFile(join(folder(id), 'file')));
      return { meta, bytes };
    },

    meta: readMeta,

    update: async (id: string, userId: string, patch: Partial<Omit<UploadMeta, 'id' | 'userId'>>): Promise<UploadMeta> => {
      const meta = { ...(await readMeta(id, userId)), ...patch };
      await writeMeta(meta);
      return meta;
    },
  };
};
export type UploadStore = ReturnType<typeof uploadStore>;
