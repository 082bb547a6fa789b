import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A stored file's address: the SHA-256 of its bytes (lowercase hex), and its size. */
export type StoredFile = { sha256: string; sizeBytes: number };

/**
 * Where attachment bytes live, addressed by content. The database keeps who owns a file and what it
 * is; this keeps only bytes, so an object store can replace the disk without touching the rest.
 */
export type FileStore = {
  /** Stores bytes once; storing the same bytes again is a no-op that returns the same address. */
  put(bytes: Uint8Array): Promise<StoredFile>;
  read(sha256: string): Promise<Uint8Array>;
  stream(sha256: string): Readable;
  has(sha256: string): Promise<boolean>;
};

const SHA256 = /^[0-9a-f]{64}$/;

const checked = (sha256: string) => {
  if (!SHA256.test(sha256)) throw new Error(`Not a SHA-256 file address: ${sha256}`);
  return sha256;
};

/** A file store in a folder (`<data dir>/files`), two levels of fan-out so no folder grows huge. */
export const diskFileStore = (root: string): FileStore => {
  const pathOf = (sha256: string) => join(root, checked(sha256).slice(0, 2), sha256.slice(2, 4), sha256);
  const has = async (sha256: string) =>
    stat(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (await has(sha256)) return { sha256, sizeBytes: bytes.byteLength };
      await mkdir(join(target, '..'), { recursive: true });
      // Write beside, then rename: a crash never leaves a half-written file under a content address.
      const temporary = `${target}.${randomUUID()}.partial`;
      await writeFile(temporary, bytes, { flag: 'wx' });
      await rename(temporary, target);
      return { sha256, sizeBytes: bytes.byteLength };
    },
    read: async (sha256) => new Uint8Array(await readFile(pathOf(sha256))),
    stream: (sha256) => createReadStream(pathOf(sha256)),
    has,
  };
};
