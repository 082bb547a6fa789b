import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
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
  /** The holder beyond its PID (boot and start time, from Linux /proc), so a reused PID is not mistaken for it; null where unknown. */
  process: z.string().nullable().optional(),
  /** Rewritten every few seconds while the holder runs: a lock from another host is live only while this is recent. */
  heartbeatAt: z.string().optional(),
});
export type LockInfo = z.infer<typeof LockInfo>;

/** How often a holder refreshes `heartbeatAt`, and how old it may be before a lock from another host counts as stale. */
export const HEARTBEAT_MS = 10_000;
export const STALE_AFTER_MS = 30_000;

export const lockFileOf = (dataDir: string) => join(dataDir, 'pathways.lock');

/** A held lock: update it (to publish the port) and release it. Release is idempotent and synchronous. */
export type HeldLock = { file: string; info: LockInfo; update(patch: Partial<LockInfo>): void; release(): void };

export type LockAttempt = { acquired: true; lock: HeldLock } | { acquired: false; holder: LockInfo };

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code;

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
};

type ProcStat = { state: string; startTicks: string };

/** A process's state and start time from /proc/<pid>/stat (fields 3 and 22); 'gone' when there is no such process, 'unknown' off Linux. */
const procStat = (pid: number): ProcStat | 'gone' | 'unknown' => {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return existsSync('/proc/self/stat') ? 'gone' : 'unknown';
  }
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its closing one.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const [state, startTicks] = [fields[0], fields[19]];
  return state && startTicks ? { state, startTicks } : 'unknown';
};

const bootId = () => {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'boot';
  }
};

const identityOf = (stat: ProcStat) => `${bootId()}/${stat.startTicks}`;

/** Who a running process is beyond its PID (this boot and its start time); null where /proc cannot say. */
export const processIdentityOf = (pid: number): string | null => {
  const stat = procStat(pid);
  return typeof stat === 'string' ? null : identityOf(stat);
};

/**
 * Whether a lock's holder still runs. On this host: its PID is alive, not a zombie (killed but not yet
 * reaped), and, when the lock records it, the same process (a reused PID is not). A lock from another
 * host (a recreated container on the same volume, or a second machine) cannot be checked directly: it
 * is live while its heartbeat is younger than STALE_AFTER_MS.
 */
export const isLive = (info: LockInfo, now: number = Date.now()): boolean => {
  if (info.host !== hostname()) {
    const beat = Date.parse(info.heartbeatAt ?? info.startedAt);
    return Number.isFinite(beat) && now - beat < STALE_AFTER_MS;
  }
  const stat = procStat(info.pid);
  if (stat === 'gone') return false;
  if (stat === 'unknown') return isAlive(info.pid);
  if (stat.state === 'Z' || stat.state === 'X' || stat.state === 'x') return false;
  return !info.process || info.process === identityOf(stat);
};

const readText = (file: string): string | undefined => {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
};

const parse = (text: string): LockInfo | null => {
  const parsed = LockInfo.safeParse(safeJson(text));
  return parsed.success ? parsed.data : null;
};

/** Reads the lock file; undefined when there is none. A file that cannot be parsed counts as stale. */
export const readLock = (file: string): LockInfo | null | undefined => {
  const text = readText(file);
  return text === undefined ? undefined : parse(text);
};

const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

const sleepSync = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A file name beside the lock, unique to this attempt. */
const besideLock = (file: string, what: string) => `${file}.${what}.${process.pid}.${randomBytes(4).toString('hex')}`;

/**
 * Creates the lock file with its whole content, or reports that it exists. The content is written to a
 * file of its own first and hard-linked into place, so nobody ever reads a half-written lock (an empty
 * lock would look stale and be taken over). Where the file system has no hard links, O_EXCL create.
 */
const createExclusively = (file: string, text: string): boolean => {
  const temp = besideLock(file, 'new');
  writeFileSync(temp, text, { flag: 'wx' });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(errorCode(error) ?? '')) throw error;
  } finally {
    unlinkSync(temp);
  }
  try {
    const fd = openSync(file, 'wx');
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  }
};

/** Replaces the lock's content in one step (rename), so readers see the old content or the new, never a part. */
const replaceContent = (file: string, text: string) => {
  const temp = besideLock(file, 'update');
  writeFileSync(temp, text, { flag: 'wx' });
  renameSync(temp, file);
};

/**
 * Removes a lock judged stale. It is first moved aside and compared with what was judged: if another
 * process replaced it in between, the fresh lock is put back, so two processes never both take it over.
 */
const removeStale = (file: string, judged: string) => {
  const aside = besideLock(file, 'stale');
  try {
    renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  if (readText(aside) !== judged) {
    try {
      linkSync(aside, file);
    } catch {
      if (!existsSync(file)) {
        renameSync(aside, file);
        return;
      }
    }
  }
  unlinkSync(aside);
};

/** A lock being created right now may be seen empty for a moment (O_EXCL fallback): not stale until it has had time to be written. */
const UNREADABLE_GRACE_MS = 2_000;

const recentlyWritten = (file: string) => {
  try {
    return Date.now() - statSync(file).mtimeMs < UNREADABLE_GRACE_MS;
  } catch {
    return false;
  }
};

const held = new Set<HeldLock>();
let exitHookInstalled = false;

/**
 * Takes the exclusive lock on a data folder. A lock whose holder no longer runs (see isLive) is
 * removed and taken over; a live holder is returned so the caller can refuse or connect to it. While
 * held, the lock's heartbeat is refreshed every `heartbeatMs`.
 */
export const acquireLock = (dataDir: string, mode: LockInfo['mode'], options: { heartbeatMs?: number } = {}): LockAttempt => {
  const file = lockFileOf(dataDir);
  for (let attempt = 0; attempt < 50; attempt++) {
    const now = new Date().toISOString();
    const info: LockInfo = {
      pid: process.pid,
      host: hostname(),
      port: null,
      startedAt: now,
      mode,
      process: processIdentityOf(process.pid),
      heartbeatAt: now,
    };
    if (createExclusively(file, JSON.stringify(info)))
      return { acquired: true, lock: hold(file, info, options.heartbeatMs ?? HEARTBEAT_MS) };
    const text = readText(file);
    if (text === undefined) continue;
    const holder = parse(text);
    if (holder && isLive(holder)) return { acquired: false, holder };
    if (!holder && recentlyWritten(file)) {
      sleepSync(20);
      continue;
    }
    removeStale(file, text);
  }
  const holder = readLock(file);
  if (holder) return { acquired: false, holder };
  throw new Error(`Could not take the lock ${file}`);
};

const hold = (file: string, info: LockInfo, heartbeatMs: number): HeldLock => {
  installExitHook();
  const ours = () => {
    const current = readLock(file);
    return current?.pid === info.pid && current.startedAt === info.startedAt;
  };
  const lock: HeldLock = {
    file,
    info,
    update(patch) {
      Object.assign(lock.info, patch, { heartbeatAt: new Date().toISOString() });
      // A lock taken over while this process seemed gone is no longer ours to write.
      if (ours()) replaceContent(file, JSON.stringify(lock.info));
    },
    release() {
      clearInterval(heartbeat);
      if (!held.delete(lock)) return;
      try {
        if (ours()) unlinkSync(file);
      } catch {
        // Already gone.
      }
    },
  };
  const heartbeat = setInterval(() => {
    try {
      lock.update({});
    } catch (error) {
      process.emitWarning(`The lock ${file} could not be refreshed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, heartbeatMs);
  heartbeat.unref();
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

/** How to clear a lock that is stale after all, for messages that refuse to start. */
export const howToClearLock = (file: string, holder: LockInfo) =>
  `if no Pathways process runs any more (check with "ps -p ${holder.pid}" on ${holder.host}), delete ${file} and start again`;
