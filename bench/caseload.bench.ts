/**
 * The assessor's caseload page at 2,000 apprentices on PostgreSQL: a training provider with one
 * assessor, 2,000 staff across 20 schools of two trusts enrolled on ST1414 (options spread), each
 * with 40 current KSB judgements, a Level 2 English and maths, and some in a break in learning.
 * Set up with multi-row inserts; then GET /caseload (the page as the assessor opens it: every row's
 * coverage, off-the-job status, next review and Gateway to Completion, sorted, first page of 50 rendered) is timed.
 * Target: under 300 ms.
 * PostgreSQL at PATHWAYS_TEST_DATABASE_URL (default the dev server, postgres://postgres@127.0.0.1:55432/postgres).
 */
import os from 'node:os';
import { buildServer } from '../src/http/server.ts';
import { sessionCookie } from '../src/http/testing.ts';
import { openTestDatabase } from '../src/store/testing.ts';
import { buildTestContext } from '../src/testing/context.ts';
import { CASELOAD_PAGE_SIZE } from '../src/usecases/apprenticeships/caseload.ts';

const APPRENTICES = Number(process.env.PATHWAYS_BENCH_APPRENTICES ?? 2_000);
const SCHOOLS = 20;
const JUDGED = 40;
const TARGET_MS = 300;
const RUNS = Number(process.env.PATHWAYS_BENCH_RUNS ?? 7);

process.env.PATHWAYS_TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:55432/postgres';
const database = await openTestDatabase('postgres');
const db = database.kysely;
const id = () => crypto.randomUUID();
const chunks = <T>(list: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

try {
  const setupStart = performance.now();
  const trusts = [id(), id()];
  for (const [i, t] of trusts.entries())
    await db
      .insertInto('organisations')
      .values({
        id: t,
        trust_id: t,
        kind: 'trust',
        name: `Bench Trust ${i + 1}`,
        phase: null,
        nation: 'England',
        urn: null,
        parent_id: null,
      })
      .execute();
  const schools = Array.from({ length: SCHOOLS }, (_, i) => ({ id: id(), trust: trusts[i % 2] ?? '', i }));
  await db
    .insertInto('organisations')
    .values(
      schools.map((s) => ({
        id: s.id,
        trust_id: s.trust,
        kind: 'school' as const,
        name: `Bench School ${s.i + 1}`,
        phase: 'primary',
        nation: 'England',
        urn: null,
        parent_id: s.trust,
      })),
    )
    .execute();
  const providerId = id();
  await db
    .insertInto('organisations')
    .values({
      id: providerId,
      trust_id: providerId,
      kind: 'provider',
      name: 'Bench Provider',
      phase: null,
      nation: 'England',
      urn: null,
      parent_id: null,
    })
    .execute();
  const assessorId = id();
  await db
    .insertInto('user_accounts')
    .values({ id: assessorId, trust_id: providerId, person_id: null, email: 'assessor@bench.example', password_hash: null })
    .execute();
  await db
    .insertInto('role_assignments')
    .values({ id: id(), trust_id: providerId, user_id: assessorId, role: 'assessor', organisation_id: providerId })
    .execute();

  const options = ['SEND', 'SEW', 'SCP'];
  const apprentices = Array.from({ length: APPRENTICES }, (_, i) => {
    const school = schools[i % SCHOOLS] ?? schools[0];
    return { personId: id(), enrolmentId: id(), trustId: school?.trust ?? '', schoolId: school?.id ?? '', i };
  });
  for (const part of chunks(apprentices, 500)) {
    await db
      .insertInto('people')
      .values(
        part.map((a) => ({
          id: a.personId,
          trust_id: a.trustId,
          organisation_id: a.schoolId,
          given_name: `Apprentice${a.i}`,
          family_name: `Bench${String(a.i).padStart(4, '0')}`,
          work_email: null,
          staff_code: null,
          graded_role: 'TA3',
          job_title: 'Teaching assistant',
          line_manager_id: null,
          left_on: null,
        })),
      )
      .execute();
    await db
      .insertInto('enrolments')
      .values(
        part.map((a) => ({
          id: a.enrolmentId,
          trust_id: a.trustId,
          person_id: a.personId,
          employer_id: a.schoolId,
          provider_id: providerId,
          programme: 'ST1414',
          option_code: options[a.i % 3] ?? 'SEND',
          start_date: `2025-${String((a.i % 12) + 1).padStart(2, '0')}-01`,
          planned_end_date: `2027-${String((a.i % 12) + 1).padStart(2, '0')}-01`,
          contracted_hours_per_week: 25 + (a.i % 10),
          age_at_start: 17 + (a.i % 30),
          prior_learning_hours: 0,
          prior_learning_items: '[]',
          fixed_minimum_hours: a.i % 4 === 0 ? null : 400,
          fixed_minimum_source: a.i % 4 === 0 ? null : 'bench',
          status: a.i % 25 === 0 ? ('break_in_learning' as const) : ('on_programme' as const),
          created_at: new Date(),
          updated_at: new Date(),
        })),
      )
      .execute();
    await db
      .insertInto('enrolment_status_changes')
      .values(
        part.map((a) => ({
          id: id(),
          trust_id: a.trustId,
          enrolment_id: a.enrolmentId,
          status: 'on_programme' as const,
          effective_from: `2025-${String((a.i % 12) + 1).padStart(2, '0')}-01`,
          effective_to: null,
          grade: null,
          reason: null,
          recorded_by: assessorId,
          recorded_at: new Date(),
        })),
      )
      .execute();
  }
  const breaks = apprentices.filter((a) => a.i % 25 === 0);
  await db
    .insertInto('enrolment_status_changes')
    .values(
      breaks.map((a) => ({
        id: id(),
        trust_id: a.trustId,
        enrolment_id: a.enrolmentId,
        status: 'break_in_learning' as const,
        effective_from: '2026-10-01',
        effective_to: null,
        grade: null,
        reason: 'bench',
        recorded_by: assessorId,
        recorded_at: new Date(),
      })),
    )
    .execute();
  // Core KSBs (ST1414.K1–K30, S1–S10): judged met or developing.
  const codes = Array.from({ length: JUDGED }, (_, k) => (k < 30 ? `ST1414.K${k + 1}` : `ST1414.S${k - 29}`));
  const judgements = apprentices.flatMap((a) => codes.map((code, k) => ({ a, code, k })));
  for (const part of chunks(judgements, 5_000))
    await db
      .insertInto('judgements')
      .values(
        part.map(({ a, code, k }) => ({
          id: id(),
          trust_id: a.trustId,
          person_id: a.personId,
          item_code: code,
          value: (a.i + k) % 3 === 0 ? ('developing' as const) : ('met' as const),
          source: 'observation' as const,
          evidence_id: null,
          note: null,
          judged_by: assessorId,
          judged_at: new Date(),
        })),
      )
      .execute();
  const achievements = apprentices.flatMap((a) => [
    { a, details: { kind: 'subject', subject: 'english', scheme: 'functional-skills', grade: 'L2', achievedOn: '2020-06-01' } },
    { a, details: { kind: 'subject', subject: 'maths', scheme: 'gcse-9-1', grade: '4', achievedOn: '2019-08-20' } },
  ]);
  for (const part of chunks(achievements, 2_000))
    await db
      .insertInto('achievements')
      .values(
        part.map(({ a, details }) => ({
          id: id(),
          trust_id: a.trustId,
          person_id: a.personId,
          kind: 'subject' as const,
          details: JSON.stringify(details),
          achieved_on: details.achievedOn,
          status_kind: null,
          recorded_by: assessorId,
          recorded_at: new Date(),
          removed_at: null,
          removed_by: null,
        })),
      )
      .execute();
  process.stdout.write(
    `set up ${APPRENTICES} apprentices, ${judgements.length} judgements in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`,
  );

  const today = new Date('2026-12-04T10:00:00Z');
  const context = await buildTestContext(database, { clock: () => today });
  // As in production: templates compiled once and cached (development recompiles them on every render).
  const app = await buildServer({ ...context, config: { ...context.config, production: true } }, { logLevel: 'silent' });
  await app.ready();
  const cookie = await sessionCookie(db, assessorId, providerId, today);
  // This process's CPU time per request as well: the machine is shared, and wall time moves with its load.
  const cpuTimes: number[] = [];
  const open = async () => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    const response = await app.inject({ method: 'GET', url: '/caseload', headers: { cookie } });
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
    if (response.statusCode !== 200)
      throw new Error(
        `GET /caseload answered ${response.statusCode} ${String(response.headers.location ?? '')}: ${response.body.slice(0, 300)}`,
      );
    // Every apprentice's figures are worked out (to sort and count them); one page of them is rendered.
    const rows = (response.body.match(/data-enrolment="/g) ?? []).length;
    const shown = Math.min(APPRENTICES, CASELOAD_PAGE_SIZE);
    if (rows !== shown) throw new Error(`the caseload showed ${rows} rows, not ${shown}`);
    if (!response.body.includes(`${APPRENTICES} apprentices`)) throw new Error(`the caseload does not count ${APPRENTICES} apprentices`);
    if (APPRENTICES > CASELOAD_PAGE_SIZE && !response.body.includes('govuk-pagination__next'))
      throw new Error('the caseload has no link to its next page');
    return ms;
  };
  await open(); // warm-up: templates compiled, rules read
  const times: number[] = [];
  cpuTimes.length = 0;
  for (let i = 0; i < RUNS; i++) times.push(await open());
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? Number.NaN;
  process.stdout.write(
    `GET /caseload with ${APPRENTICES} apprentices on PostgreSQL: median ${median.toFixed(0)} ms, best ${times[0]?.toFixed(0)} ms, worst ${times.at(-1)?.toFixed(0)} ms (${RUNS} runs; target < ${TARGET_MS} ms); this process's CPU median ${[...cpuTimes].sort((a, b) => a - b)[Math.floor(cpuTimes.length / 2)]?.toFixed(0)} ms; load average ${os.loadavg()[0]?.toFixed(2)}\n`,
  );
  await app.close();
  if (median >= TARGET_MS) process.stdout.write(`caseload above its ${TARGET_MS} ms target\n`);
} finally {
  await database.close();
}
