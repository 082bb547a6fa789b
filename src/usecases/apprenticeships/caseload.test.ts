import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ksbCoverage } from '../../domain/apprenticeships/ksb-coverage.ts';
import { offTheJobMinimum } from '../../domain/apprenticeships/off-the-job-minimum.ts';
import { plannedMonthsBetween } from '../../domain/apprenticeships/off-the-job-status.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import { caseloadFacts } from '../../store/apprenticeships/caseload.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { stateOfSubject } from '../progression/stored-person.ts';
import { assessorCaseload, CASELOAD_PAGE_SIZE, type CaseloadRow } from './caseload.ts';
import { exportCaseload } from './caseload-export.ts';
import { seedEnrolment } from './fixtures.ts';
import { shippedFundingRules } from './gateway.ts';
import type { ApprenticeshipDeps } from './off-the-job-access.ts';
import { apprenticeshipTestDeps, type OffTheJobWorld, seedOffTheJobWorld } from './off-the-job-testing.ts';

/**
 * The caseload shows one page of rows but works every row's figures out once per (standard, option)
 * and per distinct off-the-job input: the pages together must be the whole list, sorted as asked,
 * with the same coverage and minimum as the per-row calculation gives.
 */
describe.each(testDatabaseKinds())('the assessor’s caseload on %s', (kind) => {
  let database: TestDatabase;
  let deps: ApprenticeshipDeps;
  let world: OffTheJobWorld;
  const options = ['SEND', 'SEW', 'SCP'];
  const ENROLMENTS = CASELOAD_PAGE_SIZE + 12;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    deps = await apprenticeshipTestDeps(database.kysely, '2026-12-04');
    world = await seedOffTheJobWorld(database.kysely);
    const { providerId } = (await database.kysely
      .selectFrom('enrolments')
      .select('provider_id as providerId')
      .where('id', '=', world.enrolmentId)
      .executeTakeFirstOrThrow()) as { providerId: string };
    const own = world.trusts.own;
    for (let i = 1; i < ENROLMENTS; i++) {
      const id = await seedEnrolment(database.kysely, {
        trustId: own.trustId,
        personId: own.reportId,
        employerId: own.schoolId,
        providerId,
        startDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-0${(i % 3) + 1}`,
      });
      await database.kysely
        .updateTable('enrolments')
        .set({
          option_code: options[i % 3] ?? 'SEND',
          contracted_hours_per_week: 20 + (i % 7),
          // Some with KSBs recognised as prior learning (K2 is judged met as well: it counts once).
          prior_learning_items: JSON.stringify(i % 4 === 0 ? ['ST1414.K2', 'ST1414.K4', 'ST1414.K5'] : []),
        })
        .where('id', '=', id)
        .execute();
    }
    // Some core and option KSBs judged, some met, so coverage differs by option.
    const codes = ['ST1414.K1', 'ST1414.K2', 'ST1414.K3', 'ST1414.S1', 'ST1414.K31', 'ST1414.K36', 'ST1414.K40'];
    await database.kysely
      .insertInto('judgements')
      .values(
        codes.map((code, k) => ({
          id: crypto.randomUUID(),
          trust_id: own.trustId,
          person_id: own.reportId,
          item_code: code,
          value: k % 3 === 2 ? ('developing' as const) : ('met' as const),
          source: 'observation' as const,
          evidence_id: null,
          note: null,
          judged_by: own.users.staff.userId,
          judged_at: new Date('2026-01-10T10:00:00Z'),
        })),
      )
      .execute();
  }, 120_000);
  afterAll(async () => {
    await database?.close();
  });

  const allPages = async (query: Record<string, string>) => {
    const first = await assessorCaseload(deps, world.assessor, query);
    const rows: CaseloadRow[] = [...first.rows];
    for (let page = 2; page <= first.pages; page++)
      rows.push(...(await assessorCaseload(deps, world.assessor, { ...query, page: String(page) })).rows);
    return { first, rows };
  };

  it('shows 50 apprentices a page, and the pages together are every apprentice in the order asked', async () => {
    const { first, rows } = await allPages({ sort: 'coverage', order: 'desc' });
    expect(first.total).toBe(ENROLMENTS);
    expect(first.pages).toBe(2);
    expect(first.rows).toHaveLength(CASELOAD_PAGE_SIZE);
    expect(rows.map((r) => r.enrolmentId)).toEqual(first.matching.map((r) => r.enrolmentId));
    expect(new Set(rows.map((r) => r.enrolmentId)).size).toBe(ENROLMENTS);
    const percents = rows.map((r) => r.coverage?.percent ?? -1);
    expect(percents).toEqual([...percents].sort((a, b) => b - a));
    // A page past the last shows the last page rather than nothing.
    const past = await assessorCaseload(deps, world.assessor, { sort: 'coverage', order: 'desc', page: '9' });
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.enrolmentId)).toEqual(rows.slice(CASELOAD_PAGE_SIZE).map((r) => r.enrolmentId));
    await expect(assessorCaseload(deps, world.assessor, { page: '0' })).rejects.toMatchObject({ code: 'validation' });
  });

  it('gives each apprentice the KSB coverage and off-the-job minimum of the per-row calculation', async () => {
    const { matching } = await assessorCaseload(deps, world.assessor, {});
    const facts = (await caseloadFacts(database.kysely, [world.trusts.own.reportId])).get(world.trusts.own.reportId);
    if (!facts) throw new Error('no facts');
    const state = stateOfSubject(facts.subject, deps.catalogue, facts.facts).state;
    const rules = await shippedFundingRules();
    const enrolled = await database.kysely
      .selectFrom('enrolments')
      .selectAll()
      .where('person_id', '=', world.trusts.own.reportId)
      .execute();
    const shown = matching.filter((r) => r.personId === world.trusts.own.reportId);
    expect(shown.length).toBeGreaterThan(CASELOAD_PAGE_SIZE);
    for (const row of shown) {
      const e = enrolled.find((x) => x.id === row.enrolmentId);
      if (!e) throw new Error('no enrolment');
      const coverage = ksbCoverage(deps.catalogue, {
        framework: programmeById(deps.catalogue, 'ST1414')?.frameworkId ?? 'missing',
        ...(e.option_code ? { option: e.option_code } : {}),
        evidence: Object.fromEntries(Object.entries(state.judgements).map(([code, judgement]) => [code, { count: 0, judgement }])),
        recognised: Array.isArray(e.prior_learning_items) ? e.prior_learning_items.map(String) : [],
      });
      if (!coverage.ok) throw new Error(coverage.message);
      expect(row.coverage).toEqual({
        met: coverage.counts.met,
        recognised: coverage.counts.recognised,
        total: coverage.counts.total,
        percent: Math.round((coverage.counts.covered / coverage.counts.total) * 100),
      });
      const minimum = offTheJobMinimum(rules, {
        startDate: row.startDate,
        contractedHoursPerWeek: Number(e.contracted_hours_per_week),
        plannedMonths: plannedMonthsBetween(row.startDate, row.plannedEndDate),
        priorLearningHours: Number(e.prior_learning_hours),
        ...(e.fixed_minimum_hours !== null
          ? { fixedMinimumHours: Number(e.fixed_minimum_hours), fixedMinimumSource: e.fixed_minimum_source ?? '' }
          : {}),
      });
      expect(row.offTheJob.minimumHours).toBe(minimum.ok ? minimum.minimumHours : null);
    }
    // Met judgements count only where the KSB is in the option's scope.
    const byOption = new Map(shown.map((r) => [r.option?.code, r.coverage?.met]));
    expect(new Set(byOption.values()).size).toBeGreaterThan(1);
    // Prior learning counts towards the coverage, apart from what is judged met.
    expect(shown.filter((r) => r.coverage?.recognised === 2).length).toBeGreaterThan(0);
  });

  it('exports every matching apprentice, not only the page shown', async () => {
    const caseload = await assessorCaseload(deps, world.assessor, { sort: 'name' });
    const file = await exportCaseload(caseload, 'csv', 'caseload');
    const lines = new TextDecoder().decode(file.bytes).trim().split('\r\n');
    expect(lines).toHaveLength(ENROLMENTS + 1);
  });
});
