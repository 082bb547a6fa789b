import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { openPortfolioTestBed, type PortfolioTestBed } from '../../testing/portfolio.ts';
import { seedTrainingNeeds, type TrainingNeedsFixture } from '../../testing/training-needs.ts';
import { loadActor } from '../../testing/two-trusts.ts';
import type { AppContext } from '../context.ts';
import { cohortToPlan, planCohort, planCohortOf } from './cohorts.ts';
import { type TrainingNeedsAnalysis, trainingNeeds, trainingNeedsDeps } from './training-needs.ts';
import { exportTrainingNeeds } from './training-needs-export.ts';

const codeOf = (error: unknown) => (error instanceof AppError ? error.code : String(error));
const SPECIALISM = /^At least one specialism/;

/** The ranking as [label start, total, by school] for the first needs. */
const top = (analysis: TrainingNeedsAnalysis, n: number) =>
  analysis.needs
    .slice(0, n)
    .map((need) => [need.code ?? need.label.slice(0, 23), need.lacking, need.bySchool.map((s) => [s.name, s.lacking])]);

describe.each(testDatabaseKinds())('the training-needs analysis on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let seeded: Pick<PortfolioTestBed, 'own' | 'other'>;
  let fixture: TrainingNeedsFixture;
  const now = new Date('2026-11-22T12:00:00Z');
  const deps = () => trainingNeedsDeps(context, 'test-request');
  const actorOf = (userId: string): Promise<Actor> => loadActor(database.kysely, userId);
  const plannedFor = async (suggestedBy: string) =>
    (
      await database.kysely
        .selectFrom('cpd_activities')
        .select('person_id')
        .where('suggested_by', '=', suggestedBy)
        .where('removed_at', 'is', null)
        .execute()
    )
      .map((r) => r.person_id)
      .sort();

  beforeAll(async () => {
    ({ database, context, ...seeded } = await openPortfolioTestBed(kind, () => now));
    fixture = await seedTrainingNeeds(database.kysely, seeded.own);
  }, 60_000);
  afterAll(() => database.close());

  it('ranks the needs of the trust against each person’s next level by how many lack them, by school', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const analysis = await trainingNeeds(deps(), admin, { scope: seeded.own.trustId });
    expect(analysis.scope).toMatchObject({ kind: 'trust', name: 'alpha Trust' });
    expect(analysis.measured).toBe(7);
    expect(analysis.leftOut).toBe(5);
    expect(top(analysis, 5)).toEqual([
      [
        'HLTA.1',
        7,
        [
          ['alpha School', 4],
          ['Beech Academy', 3],
        ],
      ],
      [
        'HLTA.2',
        5,
        [
          ['alpha School', 3],
          ['Beech Academy', 2],
        ],
      ],
      [
        'HLTA.3',
        4,
        [
          ['alpha School', 2],
          ['Beech Academy', 2],
        ],
      ],
      [
        'At least one specialism',
        3,
        [
          ['alpha School', 2],
          ['Beech Academy', 1],
        ],
      ],
      ['HLTA.4', 2, [['alpha School', 2]]],
    ]);
    expect(analysis.needs).toHaveLength(4 + 30);
    expect(analysis.needs[0]?.label).toMatch(/^HLTA\.1 — have high expectations/);
    expect(analysis.needs[3]?.label).toMatch(SPECIALISM);
  });

  it('suggests provision: the QCF units covering an item through its NOS unit, and the level’s CPD suggestions', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const analysis = await trainingNeeds(deps(), admin, { scope: seeded.own.trustId });
    const behaviour = analysis.needs.find((n) => n.code === 'HLTA.26');
    expect(behaviour?.provision.nos.map((n) => n.label)).toEqual(['NOS.19 — Promote positive behaviour']);
    expect(behaviour?.provision.units.map((u) => u.code)).toContain('QCF.L3-CERT-STL.U3');
    expect(behaviour?.activity).toMatchObject({ kind: 'qualification-unit', itemCodes: ['HLTA.26'] });
    // The people lacking it hold TA3 and TA4: those levels' CPD suggestions.
    expect(new Set(behaviour?.provision.cpdSuggestions.map((s) => s.roleId))).toEqual(new Set(['TA3', 'TA4']));
  });

  it('proposes a cohort per school and a cluster cohort from N people across schools (N−1: none)', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const hlta1 = async (minCluster?: number) =>
      (await trainingNeeds(deps(), admin, { scope: seeded.own.trustId, ...(minCluster ? { minCluster } : {}) })).needs[0];
    expect((await hlta1())?.cohorts.cluster).toBeNull(); // the rules' default: 8
    expect((await hlta1(8))?.cohorts.cluster).toBeNull();
    expect((await hlta1(7))?.cohorts).toMatchObject({ cluster: { size: 7, schoolCount: 2 }, canPlanCluster: true });
    expect((await hlta1(7))?.cohorts.schools.map((s) => [s.name, s.size])).toEqual([
      ['alpha School', 4],
      ['Beech Academy', 3],
    ]);
  });

  it('measures everyone against a chosen target', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const analysis = await trainingNeeds(deps(), admin, { scope: fixture.schoolB, target: 'HLTA_STATUS' });
    expect(analysis.target.title).toBe('Higher Level Teaching Assistant status');
    expect(analysis.measured).toBe(3);
    const english = analysis.needs.find((n) => n.label === 'A Level 2 or above qualification in English');
    expect(english?.lacking).toBe(3);
  });

  it('shows a school admin only their school, and refuses the trust and another trust’s school', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const analysis = await trainingNeeds(deps(), schoolAdmin, {});
    expect(analysis.scope).toMatchObject({ kind: 'school', name: 'alpha School' });
    expect(analysis.schools.map((s) => s.name)).toEqual(['alpha School']);
    expect(top(analysis, 1)).toEqual([['HLTA.1', 4, [['alpha School', 4]]]]);
    expect(codeOf(await trainingNeeds(deps(), schoolAdmin, { scope: seeded.own.trustId }).catch((e) => e))).toBe('forbidden');
    expect(codeOf(await trainingNeeds(deps(), schoolAdmin, { scope: fixture.schoolB }).catch((e) => e))).toBe('forbidden');
    expect(codeOf(await trainingNeeds(deps(), schoolAdmin, { scope: seeded.other.schoolId }).catch((e) => e))).toBe('not_found');
    const staff = await actorOf(seeded.own.users.staff.userId);
    expect(codeOf(await trainingNeeds(deps(), staff, { scope: seeded.own.schoolId }).catch((e) => e))).toBe('forbidden');
  });

  it('analyses a hand-picked group and a partnership', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const group = await trainingNeeds(deps(), admin, { people: [fixture.person.ann, fixture.person.dan] });
    expect(group.measured).toBe(2);
    expect(top(group, 2)).toEqual([
      [
        'HLTA.1',
        2,
        [
          ['alpha School', 1],
          ['Beech Academy', 1],
        ],
      ],
      ['HLTA.2', 1, [['Beech Academy', 1]]],
    ]);
    const partnership = await trainingNeeds(deps(), admin, { scope: seeded.own.partnershipId });
    expect(partnership.scope.kind).toBe('partnership');
    expect(partnership.schools.map((s) => s.name)).toEqual(['alpha School']);
  });

  it('plans a school’s cohort: one planned activity per member in one go, audited, and nothing more the second time', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const query = { target: 'next', need: 'item:HLTA.2', school: fixture.schoolA };
    const cohort = await cohortToPlan(deps(), schoolAdmin, query);
    expect(cohort.members.map((m) => m.name)).toEqual(['Ben Ash', 'Other Person', 'alpha staff']);
    expect(cohort.can.plan).toBe(true);
    const first = await planCohortOf(deps(), schoolAdmin, query);
    expect(first.planned).toHaveLength(3);
    const suggestedBy = 'training-needs/item:HLTA.2';
    expect(await plannedFor(suggestedBy)).toEqual([fixture.person.ben, fixture.person.other, fixture.person.report].sort());
    const events = await database.kysely
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'cpd.added')
      .where('trust_id', '=', seeded.own.trustId)
      .execute();
    expect(events.length).toBeGreaterThanOrEqual(3);
    const again = await planCohortOf(deps(), schoolAdmin, query);
    expect(again.planned).toEqual([]);
    expect(again.alreadyPlanned.sort()).toEqual([fixture.person.ben, fixture.person.other, fixture.person.report].sort());
    expect(await plannedFor(suggestedBy)).toHaveLength(3);
    expect((await cohortToPlan(deps(), schoolAdmin, query)).members.every((m) => m.alreadyPlanned)).toBe(true);
  });

  it('writes nothing when any member is out of the planner’s scope, or does not lack the need', async () => {
    const schoolAdmin = await actorOf(seeded.own.users.school_admin.userId);
    const suggestedBy = 'training-needs/item:HLTA.1';
    const outOfScope = await planCohort(deps(), schoolAdmin, {
      target: 'next',
      need: 'item:HLTA.1',
      personIds: [fixture.person.ann, fixture.person.cat],
    }).catch((e) => e);
    expect(codeOf(outOfScope)).toBe('forbidden');
    const otherTrust = await planCohort(deps(), schoolAdmin, {
      target: 'next',
      need: 'item:HLTA.1',
      personIds: [fixture.person.ann, seeded.other.reportId],
    }).catch((e) => e);
    expect(codeOf(otherTrust)).toBe('not_found');
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const meets = await planCohort(deps(), admin, {
      target: 'next',
      need: 'item:HLTA.2',
      personIds: [fixture.person.dan, fixture.person.ann],
    }).catch((e) => e);
    expect(codeOf(meets)).toBe('validation');
    expect((meets as AppError).details?.[0]?.reason).toMatch(/^Ann Ash already meets it/);
    expect(await plannedFor(suggestedBy)).toEqual([]);
    expect(await plannedFor('training-needs/item:HLTA.2')).not.toContain(fixture.person.dan);
  });

  it('plans a cluster cohort for a requirement need, worked out by the interpreter', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const analysis = await trainingNeeds(deps(), admin, { scope: seeded.own.trustId });
    const specialism = analysis.needs.find((n) => SPECIALISM.test(n.label));
    const cohort = await cohortToPlan(deps(), admin, { scope: seeded.own.trustId, need: specialism?.key ?? '', school: 'cluster' });
    expect(cohort.members.map((m) => [m.name, m.school])).toEqual([
      ['Ben Ash', 'alpha School'],
      ['Dan Beech', 'Beech Academy'],
      ['Other Person', 'alpha School'],
    ]);
    expect(cohort.activity.kind).toBe('course');
  });

  it('exports the ranking as CSV and XLSX, with formulas neutralised', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    await database.kysely.updateTable('organisations').set({ name: '=HYPERLINK("http://x")' }).where('id', '=', fixture.schoolB).execute();
    try {
      const csv = await exportTrainingNeeds(deps(), admin, { scope: seeded.own.trustId }, 'csv');
      expect(csv.fileName).toBe('training-needs-alpha-trust.csv');
      const rows = Papa.parse<string[]>(new TextDecoder().decode(csv.bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      expect(rows[0]?.slice(0, 4)).toEqual(['Rank', 'Need', 'Kind', 'People lacking it (whole scope)']);
      expect(rows[1]?.slice(0, 7)).toEqual([
        '1',
        expect.stringMatching(/^HLTA\.1 — have high expectations/),
        'Competency item',
        '7',
        'alpha School',
        '4',
        'Yes',
      ]);
      expect(rows[2]?.[4]).toBe('\'=HYPERLINK("http://x")');
      const xlsx = await exportTrainingNeeds(deps(), admin, { scope: seeded.own.trustId }, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.bytes.buffer as ArrayBuffer);
      const sheet = workbook.getWorksheet('Training needs');
      expect(sheet?.getRow(2).getCell(4).value).toBe(7);
      expect(sheet?.getRow(3).getCell(5).value).toBe('\'=HYPERLINK("http://x")');
    } finally {
      await database.kysely.updateTable('organisations').set({ name: 'Beech Academy' }).where('id', '=', fixture.schoolB).execute();
    }
  });

  it('refuses an unknown target and a cluster size below two, naming the field', async () => {
    const admin = await actorOf(seeded.own.users.trust_admin.userId);
    const unknown = await trainingNeeds(deps(), admin, { scope: seeded.own.trustId, target: 'TA9' }).catch((e) => e);
    expect([codeOf(unknown), (unknown as AppError).details?.[0]?.where]).toEqual(['validation', 'target']);
    const tiny = await trainingNeeds(deps(), admin, { scope: seeded.own.trustId, minCluster: 1 }).catch((e) => e);
    expect([codeOf(tiny), (tiny as AppError).details?.[0]?.where]).toEqual(['validation', 'minCluster']);
  });
});
