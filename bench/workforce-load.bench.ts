/**
 * Loads the generated workforce and prints rows per second by table, the total time and the memory
 * peak: the trust scale (90 schools, 12,000 staff, ~0.8M judgements) on PostgreSQL by COPY, into a
 * database of its own created and dropped on the server at PATHWAYS_BENCH_DATABASE_URL (default: the
 * dev server), and the school scale on the embedded database by batched INSERTs.
 * WORKFORCE_BENCH_SCALE=school runs the school scale on both (a quick check).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { WorkforceScale } from '../src/demo/generate/workforce.ts';
import { readWorkforceProportions } from '../src/demo/read-proportions.ts';
import { type GeneratedWorkforce, generateDemoWorkforce } from '../src/demo/workforce-demo.ts';
import { buildCatalogue } from '../src/framework/catalogue.ts';
import { readFrameworkFiles } from '../src/framework/load.ts';
import { type Database, openDatabase } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { deriveKeys } from '../src/usecases/secrets.ts';

const serverUrl = process.env.PATHWAYS_BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:55432/postgres';
const postgresScale: WorkforceScale = process.env.WORKFORCE_BENCH_SCALE === 'school' ? 'school' : 'trust';
const keys = deriveKeys(new Uint8Array(32).fill(7));
const catalogue = buildCatalogue(await readFrameworkFiles());
const proportions = await readWorkforceProportions();

/** Samples the process's memory while a load runs; the peak is what a national load must stay under. */
const watchMemory = () => {
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  sample();
  const timer = setInterval(sample, 100);
  return () => {
    clearInterval(timer);
    sample();
    return { rssMb: rss / 1e6, heapMb: heap / 1e6 };
  };
};

const report = (label: string, result: GeneratedWorkforce, memory: { rssMb: number; heapMb: number }) => {
  const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
  const writing = Object.values(result.tableSeconds).reduce((sum, s) => sum + s, 0);
  process.stdout.write(
    `\n${label}: ${result.plan.schools.length} school(s), ${result.counts.people} staff, by ${result.method === 'copy' ? 'COPY' : 'batched INSERTs'}\n`,
  );
  process.stdout.write(`${'table'.padEnd(26)}${'rows'.padStart(10)}${'write s'.padStart(10)}${'rows/s'.padStart(12)}\n`);
  for (const [table, rows] of Object.entries(result.counts)) {
    if (rows === 0) continue;
    const seconds = result.tableSeconds[table as keyof typeof result.tableSeconds];
    process.stdout.write(
      `${table.padEnd(26)}${String(rows).padStart(10)}${seconds.toFixed(2).padStart(10)}${String(Math.round(rows / Math.max(seconds, 1e-6))).padStart(12)}\n`,
    );
  }
  process.stdout.write(
    `${'total'.padEnd(26)}${String(total).padStart(10)}${writing.toFixed(2).padStart(10)}${String(Math.round(total / Math.max(writing, 1e-6))).padStart(12)}\n`,
  );
  process.stdout.write(
    `total time ${result.seconds.toFixed(1)} s (generation and writing): ${Math.round(total / result.seconds)} rows/s overall; memory peak ${memory.rssMb.toFixed(0)} MB RSS, ${memory.heapMb.toFixed(0)} MB heap\n`,
  );
};

const load = async (label: string, database: Database, scale: WorkforceScale) => {
  const stop = watchMemory();
  let nextTenth = 1;
  const staff = proportions.scales[scale].staff;
  const result = await generateDemoWorkforce({
    database,
    catalogue,
    proportions,
    auditKey: keys.auditKey,
    clock: () => new Date(),
    scale,
    seed: 1,
    onProgress: (p) => {
      if (p.people < (staff * nextTenth) / 10) return;
      process.stdout.write(`  ${label}: ${p.people}/${staff} staff, ${p.rows} rows, ${Math.round(p.rows / p.seconds)} rows/s\n`);
      nextTenth = Math.floor((p.people * 10) / staff) + 1;
    },
  });
  report(label, result, stop());
};

let failed = false;

// PostgreSQL: a database of our own, dropped afterwards.
const name = `pathways_bench_workforce_${randomBytes(4).toString('hex')}`;
const admin = new pg.Client({ connectionString: serverUrl });
const reachable = await admin.connect().then(
  () => true,
  (error: Error) => {
    process.stdout.write(`PostgreSQL at ${serverUrl} is not reachable (${error.message}): the PostgreSQL load is skipped\n`);
    return false;
  },
);
if (reachable) {
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), mode: 'server', poolSize: 2 });
  try {
    await migrate(database.kysely);
    await load(`PostgreSQL, ${postgresScale} scale`, database, postgresScale);
  } catch (error) {
    failed = true;
    process.stdout.write(`PostgreSQL load failed: ${(error as Error).message}\n`);
  } finally {
    await database.close();
    await admin
      .query(`DROP DATABASE IF EXISTS ${name}`)
      .catch((error: Error) => process.stdout.write(`could not drop ${name}: ${error.message}\n`));
    await admin.end();
  }
} else if (process.env.PATHWAYS_REQUIRE_POSTGRES === '1') failed = true;

// The embedded database: the school scale in a fresh folder.
const dataDir = await mkdtemp(join(tmpdir(), 'pathways-bench-workforce-'));
const embedded = await openDatabase({ dataDir, mode: 'server' });
try {
  await migrate(embedded.kysely);
  await load('PGlite, school scale', embedded, 'school');
} catch (error) {
  failed = true;
  process.stdout.write(`PGlite load failed: ${(error as Error).message}\n`);
} finally {
  await embedded.close();
  await rm(dataDir, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
