/**
 * The embedded database runs off the main event loop. While a ~400 ms report query runs again and
 * again, requests that need no database (health, a static asset, framework API served from memory)
 * keep p99 under 50 ms, and requests that need the database queue and all complete.
 * Loopback only, bounded to well under a minute.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startApp } from '../src/app.ts';
import { readConfig } from '../src/contracts/config.ts';
import { cheapPasswordCost } from '../src/usecases/auth/passwords.ts';

const DURATION_MS = 8_000;
const REPORT_QUERY_MS = 400;
const NO_DB_TARGET_P99_MS = 50;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
const summary = (label: string, samples: number[], failures: number) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  process.stdout.write(
    `${label.padEnd(34)} n=${String(samples.length).padStart(5)}  failed=${failures}  p50=${fmt(percentile(sorted, 50))} ms  p95=${fmt(percentile(sorted, 95))} ms  p99=${fmt(percentile(sorted, 99))} ms  max=${fmt(sorted.at(-1) ?? Number.NaN)} ms\n`,
  );
  return percentile(sorted, 99);
};

const timed = async (fn: () => Promise<unknown>) => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

const dataDir = await mkdtemp(join(tmpdir(), 'pathways-bench-'));
const app = await startApp(readConfig({ port: 0, host: '127.0.0.1', dataDir, logLevel: 'silent' }, {}), {
  print: () => {},
  passwordCost: cheapPasswordCost,
});
const db = app.context.database.kysely;

try {
  // Warm up: the first requests compile routes and templates.
  const staticAsset = await findStaticAsset(app.url);
  const noDbPaths = ['/health', '/api/frameworks', ...(staticAsset ? [staticAsset] : [])];
  for (const path of noDbPaths) await fetch(`${app.url}${path}`).then((r) => r.arrayBuffer());
  const probe = await timed(() => sql`SELECT pg_sleep(${REPORT_QUERY_MS / 1000})`.execute(db));
  process.stdout.write(`PGlite in a worker thread; report query measured at ${probe.toFixed(0)} ms; running ${DURATION_MS / 1000} s\n`);
  process.stdout.write(`no-database routes: ${noDbPaths.join(', ')}\n`);

  const deadline = performance.now() + DURATION_MS;
  const noDb: number[] = [];
  const byPath = new Map<string, number[]>(noDbPaths.map((path) => [path, []]));
  const withDb: number[] = [];
  const reports: number[] = [];
  let noDbFailures = 0;
  let dbFailures = 0;

  const reportLoop = async () => {
    while (performance.now() < deadline) reports.push(await timed(() => sql`SELECT pg_sleep(${REPORT_QUERY_MS / 1000})`.execute(db)));
  };
  const noDbLoop = async (offset: number) => {
    for (let i = offset; performance.now() < deadline; i++) {
      const path = noDbPaths[i % noDbPaths.length] ?? '/health';
      try {
        const ms = await timed(async () => {
          const response = await fetch(`${app.url}${path}`);
          await response.arrayBuffer();
          if (!response.ok) throw new Error(`${path}: ${response.status}`);
        });
        noDb.push(ms);
        byPath.get(path)?.push(ms);
      } catch {
        noDbFailures++;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const dbLoop = async () => {
    while (performance.now() < deadline) {
      try {
        withDb.push(await timed(() => db.selectFrom('people').select(['id', 'given_name', 'graded_role']).limit(20).execute()));
      } catch {
        dbFailures++;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  await Promise.all([reportLoop(), noDbLoop(0), noDbLoop(1), noDbLoop(2), dbLoop(), dbLoop()]);

  summary('report query (pg_sleep 0.4 s)', reports, 0);
  const noDbP99 = summary('no-database requests (HTTP)', noDb, noDbFailures);
  for (const [path, samples] of byPath) summary(`  GET ${path}`, samples, 0);
  summary('database requests (queued queries)', withDb, dbFailures);
  const ok = noDbP99 < NO_DB_TARGET_P99_MS && noDbFailures === 0 && dbFailures === 0;
  process.stdout.write(
    `no-database p99 ${noDbP99.toFixed(1)} ms ${noDbP99 < NO_DB_TARGET_P99_MS ? '<' : '>='} ${NO_DB_TARGET_P99_MS} ms target; database requests all completed: ${dbFailures === 0 ? 'yes' : 'NO'} → ${ok ? 'PASS' : 'FAIL'}\n`,
  );
  process.exitCode = ok ? 0 : 1;
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}

/** A stylesheet or script the home page links to, if the web build produced one. */
async function findStaticAsset(base: string): Promise<string | undefined> {
  const html = await fetch(`${base}/`)
    .then((r) => r.text())
    .catch(() => '');
  const match = html.match(/(?:href|src)="(\/[^"]+\.(?:css|js))"/);
  return match?.[1];
}
