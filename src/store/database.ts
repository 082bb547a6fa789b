import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { AppError } from '../contracts/errors.ts';
import { acquireLock, type HeldLock, howToClearLock, isLive, type LockInfo, lockFileOf, readLock } from './lock.ts';
import type { WorkerInput, WorkerMessage } from './pglite-worker.ts';
import type { Tables } from './tables.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/** The application's one handle on its database, whichever engine is behind it. */
export type Database = {
  kysely: Kysely<Tables>;
  kind: DatabaseKind;
  /** Where the data lives, for messages: the data folder, or the PostgreSQL URL without its password. */
  location: string;
  /** PostgreSQL only: how to open one more connection of its own (bulk loads stream COPY through one). */
  connectionString?: string;
  close(): Promise<void>;
};

export type OpenDatabaseOptions = {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** `server` owns the data folder; `client` (CLI commands) uses a running server's database when there is one. */
  mode: 'server' | 'client';
  /** Connections in the pool (PostgreSQL); the embedded database serializes them anyway. */
  poolSize?: number;
};

const LOOPBACK = '127.0.0.1';

/** The pg driver returns bigint (int8) as string by default; counts are small, so parse them as numbers. */
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
/** Hours and weeks are numeric(5,2): small decimals, safe as numbers. */
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/** A pool that survives an idle connection being ended by the server (restart, failover): the next query opens another. */
const poolOf = (config: pg.PoolConfig) => {
  const pool = new pg.Pool(config);
  pool.on('error', (error) => process.emitWarning(`A database connection closed: ${error.message}`));
  // A connection that dies while checked out (the server stopped mid-query) emits 'error' with no pool
  // listener, which would end the process; its queries are rejected anyway, and the caller reports those.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

const kyselyOver = (pool: pg.Pool) => new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });

const redact = (url: string) => {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres';
  }
};

/**
 * Opens the database: PostgreSQL when a URL is given, otherwise the embedded PGlite in `dataDir`
 * (default ./data), run in a worker thread behind a loopback socket and reached with the same driver.
 * The data folder is locked: a second server is refused; a CLI command beside a running server
 * reaches the database through that server's socket.
 */
export const openDatabase = async (options: OpenDatabaseOptions): Promise<Database> => {
  if (options.databaseUrl) {
    const pool = poolOf({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    const kysely = kyselyOver(pool);
    return {
      kysely,
      kind: 'postgres',
      location: redact(options.databaseUrl),
      connectionString: options.databaseUrl,
      close: () => kysely.destroy(),
    };
  }
  const dataDir = resolve(options.dataDir ?? './data');
  mkdirSync(dataDir, { recursive: true });
  for (let attempt = 0; ; attempt++) {
    const taken = acquireLock(dataDir, options.mode);
    if (taken.acquired) return openEmbedded(dataDir, taken.lock);
    const { holder } = taken;
    if (options.mode === 'server' || holder.mode === 'client') throw inUse(dataDir, holder);
    if (holder.port !== null) return connectToServer(dataDir, holder.port);
    // The server is starting and has not published its port yet.
    if (attempt > 200) throw inUse(dataDir, holder);
    await new Promise((r) => setTimeout(r, 50));
  }
};

const inUse = (dataDir: string, holder: LockInfo) =>
  new AppError('database_in_use', `The data folder ${dataDir} is already in use by PID ${holder.pid}`, [
    {
      where: lockFileOf(dataDir),
      reason:
        holder.mode === 'server'
          ? `a Pathways server (PID ${holder.pid} on ${holder.host}, started ${holder.startedAt}) holds it: stop it first, or use another --data-dir`
          : `a Pathways command (PID ${holder.pid} on ${holder.host}) holds it: wait for it to finish, or stop it`,
    },
    { where: lockFileOf(dataDir), reason: howToClearLock(lockFileOf(dataDir), holder) },
  ]);

const connectToServer = async (dataDir: string, port: number): Promise<Database> => {
  const pool = poolOf({ host: LOOPBACK, port, user: 'postgres', database: 'postgres', max: 1 });
  const kysely = kyselyOver(pool);
  return { kysely, kind: 'pglite', location: `${dataDir} (through the running server)`, close: () => kysely.destroy() };
};

const openEmbedded = async (dataDir: string, lock: HeldLock): Promise<Database> => {
  let worker: Worker;
  let port: number;
  try {
    ({ worker, port } = await startWorker(dataDir));
  } catch (error) {
    lock.release();
    throw error;
  }
  lock.update({ port });
  const pool = poolOf({ host: LOOPBACK, port, user: 'postgres', database: 'postgres', max: 4 });
  const kysely = kyselyOver(pool);
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      await kysely.destroy().catch(() => undefined);
      await stopWorker(worker);
      lock.release();
    })();
    return closing;
  };
  return { kysely, kind: 'pglite', location: dataDir, close };
};

const startWorker = (dataDir: string) =>
  new Promise<{ worker: Worker; port: number }>((resolvePromise, reject) => {
    const workerData: WorkerInput = { dataDir: resolve(dataDir, 'pglite'), host: LOOPBACK };
    const worker = new Worker(new URL('./pglite-worker.ts', import.meta.url), { workerData });
    const fail = (message: string) => {
      void worker.terminate();
      reject(new AppError('internal', `The embedded database in ${dataDir} could not start: ${message}`));
    };
    worker.once('error', (error) => fail(error.message));
    worker.once('exit', (code) => fail(`its worker exited with code ${code}`));
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        worker.removeAllListeners('error');
        worker.removeAllListeners('exit');
        worker.on('error', () => undefined);
        worker.unref();
        resolvePromise({ worker, port: message.port });
      } else if (message.type === 'failed') fail(message.message);
    });
  });

const stopWorker = (worker: Worker) =>
  new Promise<void>((resolvePromise) => {
    const timer = setTimeout(() => void worker.terminate().then(() => resolvePromise()), 10_000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.type !== 'stopped') return;
      clearTimeout(timer);
      void worker.terminate().then(() => resolvePromise());
    });
    worker.once('exit', () => {
      clearTimeout(timer);
      resolvePromise();
    });
    worker.postMessage({ type: 'stop' });
  });

/** Whether a live Pathways server holds the data folder (used by messages and tests). */
export const serverHolding = (dataDir: string): LockInfo | undefined => {
  const info = readLock(lockFileOf(resolve(dataDir)));
  return info && info.mode === 'server' && isLive(info) ? info : undefined;
};
