import { closeSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

/** Who holds a data folder: written to `<dataDir>/pathways.lock` by the process that opened the embedded database. */
export const LockInfo = z.object({
  pid: z.number().int(),
  host: z.string(),
  /** Loopback port of the PGlite socket server; null while it is starting. */
  port: z.number().int().nullable(),
  startedAt: z.string(),
  mode: z.enum(['server', 'client']),
});
export type LockInfo = z.infer<typeof LockInfo>;

export const lockFileOf = (dataDir: string) => join(dataDir, 'pathways.lock');

/** A held lock: update it (to publish the port) and release it. Release is idempotent and synchronous. */
export type HeldLock = { file: string; info: LockInfo; update(patch: Partial<LockInfo>): void; release(): void };

export type LockAttempt = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockInfo };

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Reads the lock file; undefined when there is none. A file that cannot be parsed counts as stale. */
export const readLock = (file: string): LockInfo | null | undefined => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const parsed = LockInfo.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** A lock is live when its process still runs; a lock from another host cannot be checked, so it counts as live. */
export const isLive = (info: LockInfo) => info.host !== hostname() || isAlive(info.pid);

const held = new Set<HeldLock>();
let exitHookInstalled = false;

/**
 * Takes the exclusive lock on a data folder (O_EXCL create). A lock left by a dead process is removed
 * and taken over; a live holder is returned so the caller can refuse or connect to it.
 */
export const acquireLock = (dataDir: string, mode: LockInfo['mode']): LockAttempt => {
  const file = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 5; attempt++) {
    const info: LockInfo = { pid: process.pid, host: hostname(), port: null, startedAt: new Date().toISOString(), mode };
    try {
      const fd = openSync(file, 'wx');
      try {
        writeSync(fd, JSON.stringify(info));
      } finally {
        closeSync(fd);
      }
      return { acquired: true, lock: hold(file, info) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(file);
    if (holder === undefined) continue;
    if (holder && isLive(holder)) return { acquired: false, holder };
    try {
      unlinkSync(file);
    } catch {
      // Another process removed the stale lock first; try again.
    }
  }
  const holder = readLock(file);
  if (holder) return { acquired: false, holder };
  throw new Error(`Could not take the lock ${file}`);
};

const hold = (file: string, info: LockInfo): HeldLock => {
  installExitHook();
  const lock: HeldLock = {
    file,
    info,
    update(patch) {
      Object.assign(lock.info, patch);
      writeFileSync(file, JSON.stringify(lock.info));
    },
    release() {
      if (!held.delete(lock)) return;
      try {
        const current = readLock(file);
        if (current?.pid === info.pid && current.startedAt === info.startedAt) unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
  held.add(lock);
  return lock;
};

/** Whatever way the process ends (normal exit, process.exit from a signal handler), its locks go with it. */
const installExitHook = () => {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const lock of [...held]) lock.release();
  });
};
