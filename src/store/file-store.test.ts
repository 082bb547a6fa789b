import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { diskFileStore } from './file-store.ts';

describe('the disk file store', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'pathways-files-'));
  });
  afterEach(async () => rm(root, { recursive: true, force: true }));

  it('stores bytes under their SHA-256 and reads them back', async () => {
    const store = diskFileStore(root);
    const bytes = new TextEncoder().encode('observation notes');
    const stored = await store.put(bytes);
    expect(stored).toEqual({ sha256: 'f8923289138b2f31bf5e8a3bbb9360a911e6d1128961b235f130a1e7eaf506ee', sizeBytes: 17 });
    expect(new TextDecoder().decode(await store.read(stored.sha256))).toBe('observation notes');
    expect(await store.has(stored.sha256)).toBe(true);
  });

  it('keeps one copy of the same bytes stored twice', async () => {
    const store = diskFileStore(root);
    const bytes = new Uint8Array([1, 2, 3]);
    const first = await store.put(bytes);
    const second = await store.put(bytes);
    expect(second).toEqual(first);
    const shard = join(root, first.sha256.slice(0, 2), first.sha256.slice(2, 4));
    expect(await readdir(shard)).toEqual([first.sha256]);
  });

  it('refuses an address that is not a SHA-256, so a path cannot escape the folder', async () => {
    const store = diskFileStore(root);
    await expect(store.read('../../etc/passwd')).rejects.toThrow(/Not a SHA-256/);
    expect(await store.has('a'.repeat(64))).toBe(false);
  });
});
