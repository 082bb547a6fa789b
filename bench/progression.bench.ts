import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { DutyFrequency, DutyProfile } from '../src/contracts/duty-profile.ts';
import { type Achievement, PersonState } from '../src/contracts/person-state.ts';
import { gap } from '../src/domain/gap.ts';
import { roleFit } from '../src/domain/role-fit.ts';
import { route } from '../src/domain/route.ts';
import { buildCatalogue, type Catalogue } from '../src/framework/catalogue.ts';
import { readFrameworkFiles } from '../src/framework/load.ts';

/**
 * Progression engine latency: gap, route and role fit over generated people, in-process.
 * Target (issue 5): p95 under 5 ms per call. `npx node bench/progression.bench.ts [count]`.
 */

export type Percentiles = { p50: number; p95: number; p99: number; max: number };
export type BenchResult = { people: number; gap: Percentiles; route: Percentiles; roleFit: Percentiles; targetMs: number; pass: boolean };

const TARGET_P95_MS = 5;

/** A small deterministic PRNG (mulberry32) so every run generates the same people. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const percentiles = (samples: number[]): Percentiles => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0).toFixed(3));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: at(1) };
};

const generator = (catalogue: Catalogue, random: () => number) => {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const roles = catalogue.roles().map((r) => r.role.id);
  const qualifications = catalogue.qualifications().map((q) => q.qualification.id);
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
  const items = [...catalogue.items({ framework: 'hlta-standards' }), ...catalogue.items({ framework: 'st1414' })].filter(
    (i) => i.kind !== 'group' && i.kind !== 'duty',
  );
  const duties = catalogue.items({ framework: 'njc-role-profiles', kind: 'duty' }).map((d) => d.code);
  const profileRoles = catalogue
    .roles()
    .filter((r) => r.framework.id === 'njc-role-profiles')
    .map((r) => r.role.id);
  const options = catalogue.roles().flatMap((r) => (r.role.options ?? []).map((o) => o.id));
  const goals = [
    'TA3',
    'TA4',
    'TA5',
    'ASNA3',
    'HLTA_STATUS',
    'TEACHER_QTS',
    'ASSOCIATE_TEACHER_L5',
    'SPECIALIST_TA_L5',
    'ST1414',
    'ITT.QTS',
  ].filter((g) => catalogue.entry(g));
  const achievement = (): Achievement => {
    const roll = random();
    if (roll < 0.3) return { qualification: pick(qualifications) };
    if (roll < 0.85) {
      const scheme = pick(schemes);
      return { subject: pick(scheme.subjects), scheme: scheme.id, grade: pick(scheme.grades).grade };
    }
    if (roll < 0.95) return { units: [{ level: 1 + Math.floor(random() * 6), credits: 1 + Math.floor(random() * 30) }] };
    return {
      degree: pick(['foundation-degree', 'honours-degree']),
      credits: 120 + Math.floor(random() * 240),
      level: 5 + Math.floor(random() * 2),
    };
  };
  const person = (): { state: PersonState; goal: string; option?: string } => {
    const judgements = Object.fromEntries(
      items.filter(() => random() < 0.4).map((i) => [i.code, pick(['met', 'met', 'developing', 'not-started'] as const)]),
    );
    const option = random() < 0.3 ? pick(options) : undefined;
    const state = PersonState.parse({
      role: pick(roles),
      phase: pick(['primary', 'secondary', 'special'] as const),
      nation: pick(['England', 'Wales', 'Northern Ireland'] as const),
      achievements: Array.from({ length: Math.floor(random() * 7) }, achievement),
      judgements,
      specialisms: random() < 0.6 ? [pick(['a', 'b', 'c', 'd'])] : [],
      flags: { ehcpOrStatement: random() < 0.1, bsl: random() < 0.05 },
      ...(random() < 0.7 ? { hoursPerWeekForStudy: 2 + Math.floor(random() * 10) } : {}),
    });
    return { state, goal: pick(goals), ...(option ? { option } : {}) };
  };
  const dutyProfile = (): DutyProfile => ({
    currentRole: pick(profileRoles),
    duties: Object.fromEntries(
      duties.filter(() => random() < 0.5).map((d) => [d, pick(['never', 'occasionally', 'regularly'] as const satisfies DutyFrequency[])]),
    ),
  });
  return { person, dutyProfile };
};

/** Runs the benchmark and prints p50/p95/p99 per call; progress on stderr. */
export const run = async (options: { people?: number; seed?: number; log?: (line: string) => void } = {}): Promise<BenchResult> => {
  const count = options.people ?? 10_000;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const catalogue = buildCatalogue(await readFrameworkFiles());
  const generate = generator(catalogue, prng(options.seed ?? 20_261_122));
  const people = Array.from({ length: count }, generate.person);
  const profiles = Array.from({ length: count }, generate.dutyProfile);
  const times: Record<'gap' | 'route' | 'roleFit', number[]> = { gap: [], route: [], roleFit: [] };
  for (let i = 0; i < Math.min(200, count); i++) {
    const p = people[i];
    const d = profiles[i];
    if (!p || !d) continue;
    // warm-up, so the measured calls do not pay for compilation and first-use caches
    gap(p.state, p.goal, catalogue);
    route(p.state, p.goal, catalogue);
    roleFit(d, catalogue);
  }
  for (const [i, p] of people.entries()) {
    const opt = p.option ? { option: p.option } : {};
    let t = performance.now();
    gap(p.state, p.goal, catalogue, opt);
    times.gap.push(performance.now() - t);
    t = performance.now();
    route(p.state, p.goal, catalogue, opt);
    times.route.push(performance.now() - t);
    const d = profiles[i];
    if (d) {
      t = performance.now();
      roleFit(d, catalogue);
      times.roleFit.push(performance.now() - t);
    }
    if ((i + 1) % 2000 === 0) process.stderr.write(`  progression bench: ${i + 1}/${count} people\n`);
  }
  const result: BenchResult = {
    people: count,
    gap: percentiles(times.gap),
    route: percentiles(times.route),
    roleFit: percentiles(times.roleFit),
    targetMs: TARGET_P95_MS,
    pass: false,
  };
  result.pass = [result.gap, result.route, result.roleFit].every((p) => p.p95 < TARGET_P95_MS);
  log(`progression engine over ${count} generated people (ms per call, in-process; target p95 < ${TARGET_P95_MS} ms)`);
  for (const name of ['gap', 'route', 'roleFit'] as const) {
    const p = result[name];
    log(`  ${name.padEnd(8)} p50 ${p.p50.toFixed(3)}  p95 ${p.p95.toFixed(3)}  p99 ${p.p99.toFixed(3)}  max ${p.max.toFixed(3)}`);
  }
  log(result.pass ? '  PASS' : '  FAIL: a p95 is over the target');
  return result;
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await run({ people: Number(process.argv[2] ?? 10_000) });
  process.exitCode = result.pass ? 0 : 1;
}
