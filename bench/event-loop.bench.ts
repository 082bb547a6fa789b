/**
 * The embedded database runs off the main event loop. While a ~400 ms report query runs again and
 * again, requests that need no database (health, a static asset, framework API served from memory)
 * keep p99 under 50 ms, and requests that need the database queue and all complete.
 * The HTTP load comes from autocannon in child processes (bench/load/autocannon.ts): a load
 * generator in this process would share the server's event loop and inflate its own measurements.
 * Loopback only, bounded to well under a minute.
 */

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { startApp } from '../src/app.ts';
import { readConfig } from '../src/contracts/config.ts';
import { cheapPasswordCost } from '../src/usecases/auth/passwords.ts';
import { type LoadResult, runLoad } from './load/autocannon.ts';

const DURATION_MS = 8_000;
const REPORT_QUERY_MS = 400;
const NO_DB_TARGET_P99_MS = 50;
/** Requests per second per no-database route: about what the three in-process request loops (5 ms pauses) made on this machine, ~80 a second in all. */
const NO_DB_RATE = 27;

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
  const withDb: number[] = [];
  const reports: number[] = [];
  let dbFailures = 0;

  const reportLoop = async () => {
    while (performance.now() < deadline) reports.push(await timed(() => sql`SELECT pg_sleep(${REPORT_QUERY_MS / 1000})`.execute(db)));
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
  // One autocannon process per no-database route, at a steady rate, while the report query runs here.
  const loads: Promise<LoadResult>[] = noDbPaths.map((path) =>
    runLoad({ url: `${app.url}${path}`, duration: DURATION_MS / 1000, connections: 1, rate: NO_DB_RATE }),
  );
  const [results] = await Promise.all([Promise.all(loads), reportLoop(), dbLoop(), dbLoop()]);

  summary('report query (pg_sleep 0.4 s)', reports, 0);
  const fmt = (n: number) => n.toFixed(1).padStart(7);
  let noDbFailures = 0;
  let noDbP99 = 0;
  for (const r of results) {
    const failed = r.errors + r.timeouts + r.non2xx;
    noDbFailures += failed;
    noDbP99 = Math.max(noDbP99, r.latency.p99);
    process.stdout.write(
      `${`  GET ${new URL(r.url).pathname} (autocannon)`.padEnd(34)} n=${String(r.requests).padStart(5)}  failed=${failed}  p50=${fmt(r.latency.p50)} ms  p90=${fmt(r.latency.p90)} ms  p99=${fmt(r.latency.p99)} ms  max=${fmt(r.latency.max)} ms\n`,
    );
  }
  process.stdout.write(`no-database requests: the worst route's p99 is ${noDbP99.toFixed(1)} ms\n`);
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
