/**
 * The trust workforce dashboard on the generated trust (90 schools, 12,000 staff), with the server
 * as a separate process (`pathways serve`) and the load from autocannon in another
 * (bench/load/autocannon.ts): GET /insight as the trust admin opens it (every figure counted in SQL,
 * eleven charts drawn as SVG, the page rendered), and in the same run the bare SQL aggregates it
 * wraps (dashboardStore.figures, and the grouped queries behind role fit, the pipeline and the
 * gateway), timed from this process. Prints the median and p95 of both and their ratio. Targets
 * on PostgreSQL: median under 300 ms, ratio at most 1.5. The embedded database is measured at
 * school scale (150 staff; the trust scale takes too long to load into PGlite on every run),
 * target median under 1 s.
 * The trust is loaded once into `pathways_bench_trust` on the dev PostgreSQL server and reused
 * (bench/support/generated-trust.ts). DASHBOARD_BENCH_SECONDS sets the load's length (default 15).
 */
import { dashboardReferenceOf } from '../src/domain/insight/dashboard-reference.ts';
import { schoolDateOf } from '../src/domain/school-date.ts';
import { buildCatalogue } from '../src/framework/catalogue.ts';
import { readFrameworkFiles } from '../src/framework/load.ts';
import { dashboardStore } from '../src/store/insight/dashboard.ts';
import { dashboardProgressStore } from '../src/store/insight/dashboard-progress.ts';
import { trainingNeedsStore } from '../src/store/insight/training-needs.ts';
import { measuredRolesOf } from '../src/usecases/insight/dashboard-pipeline.ts';
import { runLoad } from './load/autocannon.ts';
import { type GeneratedTrust, generatedTrustOnPglite, generatedTrustOnPostgres, startServerProcess } from './support/generated-trust.ts';

const SECONDS = Number(process.env.DASHBOARD_BENCH_SECONDS ?? 15);
const SQL_RUNS = Number(process.env.DASHBOARD_BENCH_SQL_RUNS ?? 15);
const catalogue = buildCatalogue(await readFrameworkFiles());
const reference = dashboardReferenceOf(catalogue);
const measured = measuredRolesOf(catalogue);
const itemsMetOf = new Map([...measured].map(([role, m]) => [role, m.itemCodes]));

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

type Figures = { label: string; httpMedian: number; httpP99: number; sqlMedian: number; sqlP95: number; target: number };

const measure = async (trust: GeneratedTrust, label: string, target: number): Promise<Figures> => {
  const server = await startServerProcess(trust);
  try {
    const cookie = await server.sessionFor('trust_admin');
    const url = `${server.url}/insight`;
    // Warm up: the first requests compile templates and fill the catalogue.
    for (let i = 0; i < 3; i++) {
      const response = await fetch(url, { headers: { cookie } });
      if (response.status !== 200) throw new Error(`GET /insight answered ${response.status}`);
      await response.arrayBuffer();
    }
    const load = await runLoad({ url, duration: SECONDS, connections: 1, headers: { cookie } });
    if (load.errors + load.non2xx + load.timeouts > 0)
      throw new Error(`${load.errors} errors, ${load.non2xx} non-2xx, ${load.timeouts} timeouts under load`);
    // The bare aggregate, from this process, with the server idle (the same database, scope and day).
    const database = await server.openDatabase();
    const samples: number[] = [];
    try {
      const now = new Date();
      const scope = { trustId: trust.plan.trustId, organisationIds: null };
      for (let i = 0; i < SQL_RUNS + 2; i++) {
        const start = performance.now();
        const today = schoolDateOf(now);
        // The aggregates the page wraps: the figures, and the grouped queries behind role fit, the
        // progression pipeline and Gateway to Completion (their interpreters are not timed here).
        await dashboardStore(database.kysely).figures(scope, reference, today, now);
        await dashboardProgressStore(database.kysely).dutyProfileGroups(scope, today);
        await trainingNeedsStore(database.kysely).factProfiles({ trustId: trust.plan.trustId, today }, [...measured.keys()], {
          itemsMetOf,
        });
        await dashboardProgressStore(database.kysely).latestEnrolments(scope, today, ['on_programme']);
        if (i >= 2) samples.push(performance.now() - start);
      }
    } finally {
      await database.close();
    }
    const sorted = samples.sort((a, b) => a - b);
    // autocannon's result here gives p50, p90 and p99: p99 is reported as the upper bound of the p95.
    return {
      label,
      httpMedian: load.latency.p50,
      httpP99: load.latency.p99,
      sqlMedian: percentile(sorted, 50),
      sqlP95: percentile(sorted, 95),
      target,
    };
  } finally {
    await server.stop();
  }
};

const print = (f: Figures, requests?: number) => {
  const ratio = f.httpMedian / f.sqlMedian;
  process.stdout.write(
    `${f.label}: GET /insight median ${f.httpMedian.toFixed(0)} ms, p99 ${f.httpP99.toFixed(0)} ms${requests ? ` (${requests} requests)` : ''}; ` +
      `bare SQL aggregate median ${f.sqlMedian.toFixed(0)} ms, p95 ${f.sqlP95.toFixed(0)} ms; ratio ${ratio.toFixed(2)} ` +
      `(targets: median < ${f.target} ms, ratio <= 1.5)\n`,
  );
  return f.httpMedian < f.target && ratio <= 1.5;
};

let failed = false;
const postgres = await generatedTrustOnPostgres({ scale: 'trust' });
if (postgres) {
  try {
    failed = !print(await measure(postgres, 'PostgreSQL, trust scale (12,000 staff)', 300)) || failed;
  } catch (error) {
    failed = true;
    process.stdout.write(`PostgreSQL dashboard bench failed: ${(error as Error).message}\n`);
  }
} else if (process.env.PATHWAYS_REQUIRE_POSTGRES === '1') failed = true;

const pglite = await generatedTrustOnPglite({ scale: 'school' });
try {
  failed = !print(await measure(pglite, 'PGlite, school scale (150 staff)', 1000)) || failed;
} catch (error) {
  failed = true;
  process.stdout.write(`PGlite dashboard bench failed: ${(error as Error).message}\n`);
} finally {
  await pglite.dispose();
}
process.exitCode = failed ? 1 : 0;
