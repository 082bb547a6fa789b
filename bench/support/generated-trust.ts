/**
 * The generated workforce for benchmarks that read it (dashboards, training-needs analysis), and the
 * Pathways server over it as a separate process, so the server never shares an event loop or a CPU
 * slice with the benchmark measuring it.
 *
 * Loading the trust scale takes minutes, so it is loaded ONCE into a database of its own on the
 * PostgreSQL server (`pathways_bench_trust` by default) and reused by every later run: a database is
 * reused when its trust's `workforce.generated` event exists (recorded only after every school is
 * loaded); a half-loaded one (an interrupted load) is dropped and loaded again. Two benchmarks
 * starting at once take turns on an advisory lock on the server, so only one loads.
 * The embedded database (PGlite) is loaded into a fresh temporary folder each time
 * (`generatedTrustOnPglite`), or once into a folder kept between runs (`reusedTrustOnPglite`).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { WorkforcePlan, WorkforceScale } from '../../src/demo/generate/workforce.ts';
import { planWorkforce } from '../../src/demo/generate/workforce.ts';
import { readWorkforceProportions } from '../../src/demo/read-proportions.ts';
import { generateDemoWorkforce } from '../../src/demo/workforce-demo.ts';
import { buildCatalogue } from '../../src/framework/catalogue.ts';
import { readFrameworkFiles } from '../../src/framework/load.ts';
import { SESSION_COOKIE } from '../../src/http/auth/session-plugin.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startSession } from '../../src/usecases/auth/sessions.ts';
import { deriveKeys } from '../../src/usecases/secrets.ts';

/** The dev PostgreSQL server unless PATHWAYS_BENCH_DATABASE_URL names another. */
export const benchServerUrl = process.env.PATHWAYS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
/** The master secret the bench databases are generated with and their servers started with (base64 of 32 bytes). */
const BENCH_SECRET = Buffer.from(new Uint8Array(32).fill(7)).toString('base64');
const keys = deriveKeys(new Uint8Array(32).fill(7));
/** An arbitrary fixed key for pg_advisory_lock: "load the bench trust". */
const LOAD_LOCK = 7_313_001;

const say = (line: string) => process.stdout.write(`${line}\n`);

export type GeneratedTrust = {
  kind: 'postgres' | 'pglite';
  scale: WorkforceScale;
  seed: number;
  plan: WorkforcePlan;
  /** PostgreSQL: the bench database's URL. */
  databaseUrl?: string;
  /** PGlite: the data folder (removed by `dispose`). */
  dataDir?: string;
  /** Whether this run loaded it (false: an earlier run's load was reused). */
  loaded: boolean;
  dispose: () => Promise<void>;
};

const loadInto = async (database: Database, scale: WorkforceScale, seed: number) => {
  const catalogue = buildCatalogue(await readFrameworkFiles());
  const proportions = await readWorkforceProportions();
  const staff = proportions.scales[scale].staff;
  let nextTenth = 1;
  const result = await generateDemoWorkforce({
    database,
    catalogue,
    proportions,
    auditKey: keys.auditKey,
    clock: () => new Date(),
    scale,
    seed,
    onProgress: (p) => {
      if (p.people < (staff * nextTenth) / 10) return;
      say(`  loading: ${p.people}/${staff} staff, ${p.rows} rows, ${Math.round(p.rows / p.seconds)} rows/s`);
      nextTenth = Math.floor((p.people * 10) / staff) + 1;
    },
  });
  say(`  loaded ${result.counts.people} staff in ${result.seconds.toFixed(0)} s`);
};

const completeIn = async (client: pg.Client, trustId: string) => {
  const events = await client.query(`SELECT 1 FROM audit_events WHERE action = 'workforce.generated' AND entity_id = $1 LIMIT 1`, [
    trustId,
  ]);
  return (events.rowCount ?? 0) > 0;
};

/**
 * The generated trust on PostgreSQL in database `name` (default pathways_bench_trust), loaded if it
 * is not there or not complete, reused otherwise; pending migrations are applied either way.
 * Resolves undefined when the server cannot be reached.
 */
export const generatedTrustOnPostgres = async (
  options: { scale?: WorkforceScale; seed?: number; name?: string; serverUrl?: string } = {},
): Promise<GeneratedTrust | undefined> => {
  const scale = options.scale ?? 'trust';
  const seed = options.seed ?? 1;
  const name = options.name ?? (scale === 'trust' ? 'pathways_bench_trust' : 'pathways_bench_school');
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`bench database name ${name} is not a plain identifier`);
  const serverUrl = options.serverUrl ?? benchServerUrl;
  const admin = new pg.Client({ connectionString: serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    say(`PostgreSQL at ${serverUrl} is not reachable (${(error as Error).message})`);
    return undefined;
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const plan = planWorkforce({ scale, seed, proportions: await readWorkforceProportions() });
  let loaded = false;
  try {
    await admin.query('SELECT pg_advisory_lock($1)', [LOAD_LOCK]);
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    let complete = false;
    if ((exists.rowCount ?? 0) > 0) {
      const probe = new pg.Client({ connectionString: databaseUrl });
      await probe.connect();
      try {
        complete = await completeIn(probe, plan.trustId).catch(() => false);
      } finally {
        await probe.end();
      }
      if (!complete) {
        say(`${name} holds an incomplete load: dropping it and loading again`);
        await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      }
    }
    if (!complete) await admin.query(`CREATE DATABASE ${name}`);
    const database = await openDatabase({ databaseUrl, mode: 'server', poolSize: 2 });
    try {
      if (!complete) {
        await migrate(database.kysely);
        say(`Loading the generated ${scale} (seed ${seed}) into ${name} once; later runs reuse it`);
        await loadInto(database, scale, seed);
        loaded = true;
      } else {
        await migrate(database.kysely);
        say(`Reusing the generated ${scale} (seed ${seed}) already loaded in ${name}`);
      }
      // Fresh statistics after a bulk load, so the planner sees the real sizes.
      if (loaded) await sql`ANALYZE`.execute(database.kysely);
    } finally {
      await database.close();
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock($1)', [LOAD_LOCK]).catch(() => {});
    await admin.end();
  }
  return { kind: 'postgres', scale, seed, plan, databaseUrl, loaded, dispose: async () => {} };
};

/** The generated workforce (school scale by default) on the embedded database in a fresh folder, removed by `dispose`. */
export const generatedTrustOnPglite = async (options: { scale?: WorkforceScale; seed?: number } = {}): Promise<GeneratedTrust> => {
  const scale = options.scale ?? 'school';
  const seed = options.seed ?? 1;
  const dataDir = await mkdtemp(join(tmpdir(), 'pathways-bench-generated-'));
  const plan = planWorkforce({ scale, seed, proportions: await readWorkforceProportions() });
  const database = await openDatabase({ dataDir, mode: 'server' });
  try {
    await migrate(database.kysely);
    say(`Loading the generated ${scale} (seed ${seed}) into PGlite at ${dataDir}`);
    await loadInto(database, scale, seed);
    // Statistics after the bulk load, as on PostgreSQL: without them the planner guesses every join.
    await sql`ANALYZE`.execute(database.kysely);
  } finally {
    await database.close();
  }
  return { kind: 'pglite', scale, seed, plan, dataDir, loaded: true, dispose: () => rm(dataDir, { recursive: true, force: true }) };
};

/** Whether a process of this id is running (a load folder named after a dead one is a leftover). */
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * The generated workforce (trust scale by default) on the embedded database in a data folder kept
 * between runs, as `generatedTrustOnPostgres` keeps its database: `PATHWAYS_BENCH_PGLITE_DIR`, else
 * `<tmp>/pathways-bench-<scale>-seed<seed>-pglite`. It is loaded once into a folder beside it and
 * renamed into place only when complete, so an interrupted load is never reused (its folder is
 * removed by the next run); later runs apply pending migrations and reuse it. `dispose` keeps it.
 */
export const reusedTrustOnPglite = async (
  options: { scale?: WorkforceScale; seed?: number; dir?: string } = {},
): Promise<GeneratedTrust> => {
  const scale = options.scale ?? 'trust';
  const seed = options.seed ?? 1;
  const dataDir = options.dir ?? process.env.PATHWAYS_BENCH_PGLITE_DIR ?? join(tmpdir(), `pathways-bench-${scale}-seed${seed}-pglite`);
  const plan = planWorkforce({ scale, seed, proportions: await readWorkforceProportions() });
  const loading = `${basename(dataDir)}.loading-`;
  for (const name of await readdir(dirname(dataDir)).catch(() => [] as string[]))
    if (name.startsWith(loading) && !alive(Number(name.slice(loading.length))))
      await rm(join(dirname(dataDir), name), { recursive: true, force: true });
  if (existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) {
    const database = await openDatabase({ dataDir, mode: 'server' });
    try {
      await migrate(database.kysely);
    } finally {
      await database.close();
    }
    say(`Reusing the generated ${scale} (seed ${seed}) already loaded into PGlite at ${dataDir}`);
    return { kind: 'pglite', scale, seed, plan, dataDir, loaded: false, dispose: async () => {} };
  }
  const building = join(dirname(dataDir), `${loading}${process.pid}`);
  const database = await openDatabase({ dataDir: building, mode: 'server' });
  try {
    await migrate(database.kysely);
    say(`Loading the generated ${scale} (seed ${seed}) into PGlite once (at ${dataDir}); later runs reuse it`);
    await loadInto(database, scale, seed);
    await sql`ANALYZE`.execute(database.kysely);
  } finally {
    await database.close();
  }
  try {
    await rename(building, dataDir);
  } catch (error) {
    // Another run finished loading first: its folder is as good as this one.
    await rm(building, { recursive: true, force: true });
    if (!existsSync(join(dataDir, 'pglite', 'PG_VERSION'))) throw error;
  }
  return { kind: 'pglite', scale, seed, plan, dataDir, loaded: true, dispose: async () => {} };
};

export type RunningServer = {
  url: string;
  /** Opens the server's database from the benchmark (PGlite: through the running server's socket). */
  openDatabase: () => Promise<Database>;
  /** A signed-in session cookie header for one of the plan's demo logins. */
  sessionFor: (role: WorkforcePlan['logins'][number]['role']) => Promise<string>;
  stop: () => Promise<void>;
};

const mainScript = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

/**
 * Starts `pathways serve` over the generated trust in a child process on a free port and resolves
 * once it is listening. Logs are silent; the child is killed by `stop`.
 */
export const startServerProcess = async (trust: GeneratedTrust): Promise<RunningServer> => {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PATHWAYS_SECRET_KEY: BENCH_SECRET,
    LOG_LEVEL: 'silent',
    DATABASE_URL: trust.databaseUrl,
    PATHWAYS_DATA_DIR: trust.dataDir,
  };
  if (!trust.databaseUrl) delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, [mainScript, 'serve', '--port', '0', '--host', '127.0.0.1'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s: ${err.slice(-500)}`)), 120_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening: ${err.slice(-500)}`));
    });
  });
  const open = () =>
    trust.databaseUrl
      ? openDatabase({ databaseUrl: trust.databaseUrl, mode: 'client', poolSize: 2 })
      : openDatabase({ dataDir: trust.dataDir, mode: 'client' });
  return {
    url,
    openDatabase: open,
    sessionFor: async (role) => {
      const email = trust.plan.logins.find((l) => l.role === role)?.email;
      if (!email) throw new Error(`the generated trust has no ${role} login`);
      const database = await open();
      try {
        const account = await database.kysely
          .selectFrom('user_accounts')
          .select(['id', 'trust_id'])
          .where('email', '=', email)
          .executeTakeFirstOrThrow();
        const { token } = await startSession(
          database.kysely,
          { userId: account.id, trustId: account.trust_id, mfaVerified: true, clientAddress: null, userAgent: null },
          new Date(),
        );
        return `${SESSION_COOKIE}=${token}`;
      } finally {
        await database.close();
      }
    },
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
