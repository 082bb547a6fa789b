/**
 * The trust-wide training-needs analysis on the generated trust (90 schools, 12,000 staff), with the
 * server as a separate process (`pathways serve`) and the load from autocannon in another
 * (bench/load/autocannon.ts): GET /insight/training-needs?scope=<trust> as the trust admin opens it
 * (needs counted in SQL, requirement needs evaluated once per distinct fact profile, ranked, with
 * provision and cohorts, the page rendered) and the same analysis as JSON from
 * GET /api/insight/training-needs. In the same run, the bare SQL aggregate they wrap — the queries of
 * src/store/insight/training-needs.ts with the arguments the analysis gives them (schools and
 * headcounts, then met judgements by school, role and item, and the fact profiles) — is timed from
 * this process with the server idle. Prints the median and p99 of each endpoint, the median and p95
 * of the SQL, and each endpoint's ratio to the SQL, with pass or fail against issue 13's targets:
 * median under 300 ms on PostgreSQL and under 1 s on the embedded database, ratio at most 1.5.
 *
 * Both databases hold the trust scale, loaded once and reused by later runs
 * (bench/support/generated-trust.ts): `pathways_bench_trust` on the dev PostgreSQL server, and a
 * PGlite data folder in the OS temp folder (PATHWAYS_BENCH_PGLITE_DIR). TRAINING_NEEDS_BENCH_SCALE=school
 * runs the whole benchmark on the 150-staff school instead (a quick check that it works);
 * TRAINING_NEEDS_BENCH_SECONDS sets each load's length (default 15).
 */
import type { WorkforceScale } from '../src/demo/generate/workforce.ts';
import { needsOfTarget, targetOfRole } from '../src/domain/insight/training-needs.ts';
import { schoolDateOf } from '../src/domain/school-date.ts';
import { rulesOf } from '../src/domain/targets.ts';
import type { Catalogue } from '../src/framework/catalogue.ts';
import type { Database } from '../src/store/database.ts';
import { trainingNeedsStore } from '../src/store/insight/training-needs.ts';
import { createCatalogueSource } from '../src/usecases/catalogue-source.ts';
import { runLoad } from './load/autocannon.ts';
import { type GeneratedTrust, generatedTrustOnPostgres, reusedTrustOnPglite, startServerProcess } from './support/generated-trust.ts';

const SCALE: WorkforceScale = process.env.TRAINING_NEEDS_BENCH_SCALE === 'school' ? 'school' : 'trust';
const SECONDS = Number(process.env.TRAINING_NEEDS_BENCH_SECONDS ?? 15);
const SQL_RUNS = Number(process.env.TRAINING_NEEDS_BENCH_SQL_RUNS ?? 15);
const RATIO_TARGET = 1.5;

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;

/** What the analysis's answer says, for checking that the bare SQL below did the same counting. */
type Answer = { measured: number; needs: { kind: string; code: string | null; lacking: number }[] };

/**
 * The SQL the analysis of a whole trust against each person's next level runs, with the arguments
 * it derives from the headcounts and the catalogue (as `analyseScope` does), in the same two rounds
 * of parallel queries. Returns how many it measured and how many lack each item, to check against
 * the endpoint's answer.
 */
const bareSql = async (db: Database['kysely'], catalogue: Catalogue, trustId: string, today: string) => {
  const store = trainingNeedsStore(db);
  const scope = { trustId, today };
  const [, headcounts] = await Promise.all([store.schools(trustId), store.headcounts(scope)]);
  const targetOf = new Map<string, string>();
  let measured = 0;
  for (const h of headcounts) {
    const target = h.gradedRole ? targetOfRole(h.gradedRole, 'next', catalogue) : undefined;
    if (!h.gradedRole || !target || rulesOf(target, catalogue).length === 0) continue;
    targetOf.set(h.gradedRole, target);
    measured += h.people;
  }
  const needsOf = new Map([...new Set(targetOf.values())].map((t) => [t, needsOfTarget(t, catalogue)]));
  const rolesWith = (kind: 'item' | 'requirement') =>
    [...targetOf].filter(([, t]) => (needsOf.get(t) ?? []).some((n) => n.kind === kind)).map(([role]) => role);
  const itemCodes = [...new Set([...needsOf.values()].flat().flatMap((n) => (n.kind === 'item' ? [n.code] : [])))];
  const [met] = await Promise.all([
    store.metCounts(scope, rolesWith('item'), itemCodes),
    store.factProfiles(scope, rolesWith('requirement')),
  ]);
  const metOf = new Map(met.map((m) => [`${m.organisationId}|${m.gradedRole}|${m.itemCode}`, m.met]));
  const lackingOf = new Map<string, number>();
  for (const h of headcounts) {
    const target = h.gradedRole ? targetOf.get(h.gradedRole) : undefined;
    for (const n of target ? (needsOf.get(target) ?? []) : [])
      if (n.kind === 'item')
        lackingOf.set(n.code, (lackingOf.get(n.code) ?? 0) + h.people - (metOf.get(`${h.organisationId}|${h.gradedRole}|${n.code}`) ?? 0));
  }
  return { measured, lackingOf };
};

type Timing = { path: string; median: number; p99: number; requests: number };
type Figures = { label: string; target: number; http: Timing[]; sqlMedian: number; sqlP95: number; answer: Answer };

const measure = async (trust: GeneratedTrust, label: string, target: number): Promise<Figures> => {
  const server = await startServerProcess(trust);
  try {
    const cookie = await server.sessionFor('trust_admin');
    const query = `scope=${trust.plan.trustId}`;
    const paths = [`/insight/training-needs?${query}`, `/api/insight/training-needs?${query}`];
    // Warm up (templates compiled, catalogue filled), and keep the API's answer to check the SQL against.
    let answer: Answer | undefined;
    for (const path of paths)
      for (let i = 0; i < 3; i++) {
        const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
        if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`);
        if (path.startsWith('/api/')) answer = (await response.json()) as Answer;
        else await response.arrayBuffer();
      }
    if (!answer) throw new Error('the API gave no answer');
    const http: Timing[] = [];
    for (const path of paths) {
      const load = await runLoad({ url: `${server.url}${path}`, duration: SECONDS, connections: 1, headers: { cookie } });
      if (load.errors + load.non2xx + load.timeouts > 0)
        throw new Error(`GET ${path}: ${load.errors} errors, ${load.non2xx} non-2xx, ${load.timeouts} timeouts under load`);
      http.push({ path: path.split('?')[0] ?? path, median: load.latency.p50, p99: load.latency.p99, requests: load.requests });
    }
    // The bare aggregate, from this process, with the server idle (the same database, scope and day).
    const database = await server.openDatabase();
    const samples: number[] = [];
    try {
      const catalogue = (await createCatalogueSource({ database })).current();
      const today = schoolDateOf(new Date());
      for (let i = 0; i < SQL_RUNS + 2; i++) {
        const start = performance.now();
        const counted = await bareSql(database.kysely, catalogue, trust.plan.trustId, today);
        if (i >= 2) samples.push(performance.now() - start);
        if (i === 0) checkSameCounting(counted, answer);
      }
    } finally {
      await database.close();
    }
    const sorted = samples.sort((a, b) => a - b);
    return { label, target, http, sqlMedian: percentile(sorted, 50), sqlP95: percentile(sorted, 95), answer };
  } finally {
    await server.stop();
  }
};

/** The bare SQL must count what the endpoint counted, or its ratio would compare different work. */
const checkSameCounting = (counted: Awaited<ReturnType<typeof bareSql>>, answer: Answer) => {
  if (counted.measured !== answer.measured)
    throw new Error(`the bare SQL measured ${counted.measured} people, the endpoint ${answer.measured}`);
  for (const need of answer.needs)
    if (need.kind === 'item' && need.code && counted.lackingOf.get(need.code) !== need.lacking)
      throw new Error(`the bare SQL counts ${counted.lackingOf.get(need.code)} lacking ${need.code}, the endpoint ${need.lacking}`);
};

const verdict = (ok: boolean) => (ok ? 'pass' : 'FAIL');

const print = (f: Figures) => {
  process.stdout.write(
    `${f.label}: ${f.answer.measured.toLocaleString('en-GB')} people measured, ${f.answer.needs.length} needs; ` +
      `bare SQL aggregate median ${f.sqlMedian.toFixed(0)} ms, p95 ${f.sqlP95.toFixed(0)} ms\n`,
  );
  let ok = true;
  for (const t of f.http) {
    const ratio = t.median / f.sqlMedian;
    const fast = t.median < f.target;
    const close = ratio <= RATIO_TARGET;
    ok = ok && fast && close;
    process.stdout.write(
      `  GET ${t.path}: median ${t.median.toFixed(0)} ms, p99 ${t.p99.toFixed(0)} ms (${t.requests} requests); ` +
        `ratio to the bare SQL ${ratio.toFixed(2)}; median < ${f.target} ms: ${verdict(fast)}, ratio <= ${RATIO_TARGET}: ${verdict(close)}\n`,
    );
  }
  return ok;
};

const sizeWords = SCALE === 'trust' ? 'trust scale (12,000 staff)' : 'school scale (150 staff)';
if (SCALE === 'school')
  process.stdout.write(
    'School scale: a check that the benchmark works. The targets are for the trust, where the SQL, not the fixed cost of a request, dominates.\n',
  );
let failed = false;
const postgres = await generatedTrustOnPostgres({ scale: SCALE });
if (postgres) {
  try {
    failed = !print(await measure(postgres, `PostgreSQL, ${sizeWords}`, 300)) || failed;
  } catch (error) {
    failed = true;
    process.stdout.write(`PostgreSQL training-needs bench failed: ${(error as Error).message}\n`);
  }
} else if (process.env.PATHWAYS_REQUIRE_POSTGRES === '1') failed = true;

try {
  const pglite = await reusedTrustOnPglite({ scale: SCALE });
  failed = !print(await measure(pglite, `PGlite, ${sizeWords}`, 1000)) || failed;
} catch (error) {
  failed = true;
  process.stdout.write(`PGlite training-needs bench failed: ${(error as Error).message}\n`);
}
process.exitCode = failed ? 1 : 0;
