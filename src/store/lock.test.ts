import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { type AppError, isAppError } from '../contracts/errors.ts';
import { openDatabase } from './database.ts';
import { acquireLock, type LockInfo, lockFileOf, processIdentityOf, readLock } from './lock.ts';
import { pgliteTemplate } from './testing.ts';

const dirs: string[] = [];
const emptyDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'pathways-lock-'));
  dirs.push(dir);
  return dir;
};
const children: ChildProcess[] = [];
const sleeper = () => {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  children.push(child);
  if (child.pid === undefined) throw new Error('sleep did not start');
  return child.pid;
};
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const writeLock = (dataDir: string, info: Partial<LockInfo>) =>
  writeFileSync(
    lockFileOf(dataDir),
    JSON.stringify({ pid: 1, host: hostname(), port: 1, startedAt: new Date().toISOString(), mode: 'server', ...info } satisfies LockInfo),
  );
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

/** Waits, without giving the event loop a turn (so Node cannot reap it), until a killed process is a zombie or gone. */
const waitUntilDead = (pid: number) => {
  const deadline = Date.now() + 5_000;
  while (Date.now() < deadline) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (/^\S+ \(.*\) [ZXx] /.test(stat)) return;
    } catch {
      return;
    }
  }
  throw new Error(`process ${pid} did not die`);
};

describe('the data-folder lock', () => {
  it('takes over a lock from another host (a recreated container) whose heartbeat is older than 30 s', async () => {
    const dataDir = await emptyDir();
    writeLock(dataDir, { host: 'container-before-recreate', startedAt: ago(3_600_000), heartbeatAt: ago(45_000) });
    const taken = acquireLock(dataDir, 'server');
    expect(taken.acquired).toBe(true);
    expect(readLock(lockFileOf(dataDir))).toMatchObject({ pid: process.pid, host: hostname() });
    if (taken.acquired) taken.lock.release();
    expect(readLock(lockFileOf(dataDir))).toBeUndefined();
  });

  it('refuses a lock from another host refreshed recently, saying which file to delete if it is stale after all', async () => {
    const dataDir = await emptyDir();
    writeLock(dataDir, { pid: 4242, host: 'other-machine', heartbeatAt: ago(5_000) });
    expect(acquireLock(dataDir, 'server')).toMatchObject({ acquired: false, holder: { host: 'other-machine' } });
    const refused = await openDatabase({ dataDir, mode: 'server' }).catch((error: unknown) => error);
    expect(isAppError(refused) && refused.code).toBe('database_in_use');
    expect((refused as AppError).details.map((d) => d.reason).join('\n')).toContain(
      `if no Pathways process runs any more (check with "ps -p 4242" on other-machine), delete ${lockFileOf(dataDir)} and start again`,
    );
  });

  it('takes over a lock naming a live PID that now belongs to another process, and refuses the real holder', async () => {
    const dataDir = await emptyDir();
    const pid = sleeper();
    writeLock(dataDir, { pid, process: 'a-process-that-started-earlier' });
    const taken = acquireLock(dataDir, 'server');
    expect(taken.acquired).toBe(true);
    if (taken.acquired) taken.lock.release();

    writeLock(dataDir, { pid, process: processIdentityOf(pid) });
    expect(acquireLock(dataDir, 'server')).toMatchObject({ acquired: false, holder: { pid } });
  });

  it('takes over the lock of a process killed but not yet reaped', async () => {
    const dataDir = await emptyDir();
    const pid = sleeper();
    writeLock(dataDir, { pid, process: processIdentityOf(pid) });
    process.kill(pid, 'SIGKILL');
    waitUntilDead(pid);
    const taken = acquireLock(dataDir, 'server');
    expect(taken.acquired).toBe(true);
    if (taken.acquired) taken.lock.release();
  });

  it('refreshes its heartbeat while held', async () => {
    const dataDir = await emptyDir();
    const taken = acquireLock(dataDir, 'server', { heartbeatMs: 20 });
    if (!taken.acquired) throw new Error('not acquired');
    const first = readLock(lockFileOf(dataDir))?.heartbeatAt ?? '';
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(Date.parse(readLock(lockFileOf(dataDir))?.heartbeatAt ?? '')).toBeGreaterThan(Date.parse(first));
    taken.lock.release();
  });
  it('is taken by exactly one of many threads racing for it', async () => {
    const dataDir = await emptyDir();
    const start = new Int32Array(new SharedArrayBuffer(4));
    const done = new Int32Array(new SharedArrayBuffer(4));
    // Each thread holds on after trying: a thread that ended would release its lock (as a process does on exit).
    const source = `
      const { workerData, parentPort } = require('node:worker_threads');
      Atomics.wait(workerData.start, 0, 0);
      import(workerData.lockModule).then(({ acquireLock }) => {
        parentPort.postMessage(acquireLock(workerData.dataDir, 'server').acquired);
        Atomics.wait(workerData.done, 0, 0);
      });`;
    const lockModule = new URL('./lock.ts', import.meta.url).href;
    const workers = Array.from({ length: 8 }, () => new Worker(source, { eval: true, workerData: { start, done, dataDir, lockModule } }));
    const results = workers.map(
      (worker) =>
        new Promise<boolean>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    Atomics.store(start, 0, 1);
    Atomics.notify(start, 0);
    const acquired = await Promise.all(results);
    Atomics.store(done, 0, 1);
    Atomics.notify(done, 0);
    await Promise.all(workers.map((worker) => worker.terminate()));
    expect(acquired.filter(Boolean)).toHaveLength(1);
  });
});

/** A child process that opens the embedded database as the server does, and keeps it open until killed. */
const holdingChild = async (dataDir: string) => {
  const script = join(await emptyDir(), 'hold.mjs');
  writeFileSync(
    script,
    `const { openDatabase } = await import(${JSON.stringify(new URL('./database.ts', import.meta.url).href)});
     const database = await openDatabase({ dataDir: ${JSON.stringify(dataDir)}, mode: 'server' });
     await database.kysely.selectFrom('organisations').select('id').execute();
     console.log('holding the database');
     setInterval(() => undefined, 1000);`,
  );
  return spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'pipe'] });
};

describe('a server killed with SIGKILL', () => {
  it('refuses a second server while it runs, and is restarted at once after it is killed', async () => {
    const dataDir = await emptyDir();
    await cp(await pgliteTemplate(), dataDir, { recursive: true });
    const child = await holdingChild(dataDir);
    children.push(child);
    let output = '';
    child.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr?.on('data', (chunk) => {
      output += chunk;
    });
    const deadline = Date.now() + 45_000;
    while (!output.includes('holding the database') && Date.now() < deadline && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 100));
    expect(output).toContain('holding the database');
    const refused = await openDatabase({ dataDir, mode: 'server' }).catch((error: unknown) => error);
    expect(String((refused as Error).message)).toContain(`already in use by PID ${child.pid}`);
    expect((refused as AppError).details.map((d) => d.reason).join('\n')).toContain(`delete ${lockFileOf(dataDir)}`);

    child.kill('SIGKILL');
    waitUntilDead(child.pid ?? 0);
    const restarted = await openDatabase({ dataDir, mode: 'server' });
    try {
      expect(readLock(lockFileOf(dataDir))).toMatchObject({ pid: process.pid });
      await restarted.kysely.selectFrom('organisations').select('id').execute();
    } finally {
      await restarted.close();
    }
  }, 60_000);
});
