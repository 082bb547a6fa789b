import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { workforceDashboard } from './dashboard.ts';
import { type DashboardFixture, fixtureNow, seedDashboardFixture } from './dashboard-fixture.ts';
import { dashboardPeople, exportDashboardPeople } from './dashboard-people.ts';
import type { DashboardDeps } from './dashboard-scope.ts';

const catalogue = buildCatalogue(await readFrameworkFiles());

/** Every figure against the hand-counted fixture (dashboard-fixture.ts), and who may see which scope. */
describe.each(testDatabaseKinds())('the workforce dashboard on %s', (kind) => {
  let database: TestDatabase;
  let trusts: { own: SeededTrust; other: SeededTrust };
  let fixture: DashboardFixture;
  let deps: DashboardDeps;
  const actors = {} as Record<'trustAdmin' | 'schoolAdmin' | 'otherTrustAdmin' | 'staff' | 'coordinator', Actor>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    trusts = await seedTwoTrusts(database.kysely);
    fixture = await seedDashboardFixture(database.kysely, trusts.own);
    deps = { db: database.kysely, auditKey: testKeys.auditKey, clock: () => fixtureNow, catalogue };
    actors.trustAdmin = await loadActor(database.kysely, trusts.own.users.trust_admin.userId);
    actors.schoolAdmin = await loadActor(database.kysely, trusts.own.users.school_admin.userId);
    actors.staff = await loadActor(database.kysely, trusts.own.users.staff.userId);
    actors.coordinator = await loadActor(database.kysely, trusts.own.users.partnership_coordinator.userId);
    actors.otherTrustAdmin = await loadActor(database.kysely, trusts.other.users.trust_admin.userId);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  it('counts every figure of the trust as counted by hand', async () => {
    const view = await workforceDashboard(deps, actors.trustAdmin, {});
    const f = view.figures;
    expect(view.scope.kind).toBe('trust');
    expect(f.headcount).toBe(9);
    expect(f.fte).toBe(1.5);
    expect(f.withoutHours).toBe(7);
    expect(Object.fromEntries(f.byRole.map((r) => [r.key ?? 'none', r.headcount]))).toEqual({ TA2: 1, TA3: 2, TA4: 1, none: 5 });
    expect(f.byRole.find((r) => r.key === 'TA2')?.fte).toBe(1);
    expect(f.bySchool.map((s) => [s.name, s.phase, s.headcount])).toEqual([
      ['alpha School', 'primary', 7],
      ['Beech Academy', 'secondary', 2],
    ]);
    expect(Object.fromEntries(f.byPhase.map((p) => [p.key, p.headcount]))).toEqual({ primary: 7, secondary: 2 });
    expect(f.byPhaseAndRole.find((r) => r.phase === 'secondary' && r.role === 'TA3')?.headcount).toBe(1);
    expect(f.hlta).toBe(1);
    expect(Object.fromEntries(f.byQualification.map((q) => [q.level ?? 'none', q.headcount]))).toEqual({ 3: 1, 6: 1, none: 7 });
    expect(f.englishMaths).toBe(1);
    expect(f.apprenticeships).toEqual([{ status: 'on_programme', headcount: 1 }]);
    expect(f.evidence).toEqual({ items: 3, people: 2, oldestDays: 30, under7: 0, from7to27: 1, over27: 1 });
    expect(f.training).toEqual({
      required: 9,
      inDate: 2,
      peopleOutOfDate: 7,
      peopleInDate: 2,
      expiring30: 1,
      expiring60: 1,
      expiring90: 2,
    });
  });

  it('draws each chart as SVG whose bars link to the people they count, with a table and a summary', async () => {
    const view = await workforceDashboard(deps, actors.trustAdmin, {});
    const ids = view.sections.map((s) => s.id);
    expect(ids).toEqual([
      'roles',
      'schools',
      'phases',
      'hlta',
      'qualifications',
      'english-maths',
      'apprenticeships',
      'evidence',
      'training',
    ]);
    for (const s of view.sections) {
      expect(s.svg, s.id).toMatch(/^<svg/);
      expect(s.summary, s.id).toMatch(/\.$/);
      for (const bar of s.bars) expect(s.svg, `${s.id}: ${bar.label}`).toContain(bar.href.replaceAll('&', '&amp;'));
    }
    const training = view.sections.find((s) => s.id === 'training');
    expect(training?.summary).toBe(
      '22% of required training is in date; 7 staff have training missing or expired and 1 have some expiring within 30 days.',
    );
    expect(view.sections.find((s) => s.id === 'roles')?.summary).toBe(
      '9 staff (1.5 FTE for the 2 with hours recorded); the largest group is No graded role (5); 1 on an apprenticeship.',
    );
    // A school's bar opens that school's list.
    const beech = view.sections.find((s) => s.id === 'schools')?.bars.find((b) => b.label === 'Beech Academy');
    expect(beech?.href).toBe(`/insight/people?school=${fixture.beechId}`);
  });

  it('lists the people behind a figure: the list total is the figure', async () => {
    const hlta = await dashboardPeople(deps, actors.trustAdmin, { hlta: 'yes' });
    expect(hlta.total).toBe(1);
    expect(hlta.people.map((p) => p.name)).toEqual(['Person, Other']);
    expect(hlta.heading).toBe('Staff with HLTA status');
    const expiring = await dashboardPeople(deps, actors.trustAdmin, { training: 'expiring-30' });
    expect(expiring.people.map((p) => p.name)).toEqual(['Ash, Ann']);
    const waiting = await dashboardPeople(deps, actors.trustAdmin, { evidence: '28-days-or-more' });
    expect(waiting.people.map((p) => p.name)).toEqual(['Person, Other']);
    const onProgramme = await dashboardPeople(deps, actors.trustAdmin, { apprenticeship: 'live' });
    expect(onProgramme.people.map((p) => p.name)).toEqual(['Birch, Ben']);
    const noQualification = await dashboardPeople(deps, actors.trustAdmin, { qualification: 'none', school: fixture.beechId });
    expect(noQualification.people.map((p) => p.name)).toEqual(['Birch, Ben']);
    expect(noQualification.heading).toBe('Staff whose highest qualification is No qualification recorded');
  });

  it('shows a school admin only their school, in every chart, list and export', async () => {
    const view = await workforceDashboard(deps, actors.schoolAdmin, {});
    expect(view.scope).toMatchObject({ kind: 'school', name: 'alpha School' });
    expect(view.figures.headcount).toBe(7);
    expect(view.figures.bySchool.map((s) => s.name)).toEqual(['alpha School']);
    expect(view.sections.map((s) => s.id)).not.toContain('schools');
    expect(view.figures.evidence.items).toBe(2);
    const everyone = await dashboardPeople(deps, actors.schoolAdmin, {});
    expect(everyone.total).toBe(7);
    expect(everyone.people.every((p) => p.school === 'alpha School')).toBe(true);
    const csv = new TextDecoder().decode((await exportDashboardPeople(deps, actors.schoolAdmin, {}, 'csv')).bytes);
    expect(csv).not.toContain('Beech');
    expect(csv).not.toContain('Ash');
    // Naming the other school is refused, not widened.
    await expect(workforceDashboard(deps, actors.schoolAdmin, { school: fixture.beechId })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(dashboardPeople(deps, actors.schoolAdmin, { school: fixture.beechId })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('lets a trust admin pick one school, and answers another trust with not found', async () => {
    const beech = await workforceDashboard(deps, actors.trustAdmin, { school: fixture.beechId });
    expect(beech.scope).toMatchObject({ kind: 'school', name: 'Beech Academy', chosenSchoolId: fixture.beechId });
    expect(beech.figures.headcount).toBe(2);
    expect(beech.scope.schools.map((s) => s.name)).toEqual(['alpha School', 'Beech Academy']);
    const refused = await workforceDashboard(deps, actors.otherTrustAdmin, { school: fixture.beechId }).catch((e: AppError) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('not_found');
    await expect(workforceDashboard(deps, actors.staff, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it("gives a partnership coordinator the partnership's member schools", async () => {
    const view = await workforceDashboard(deps, actors.coordinator, {});
    expect(view.scope).toMatchObject({ kind: 'partnership', name: 'alpha Partnership' });
    expect(view.figures.headcount).toBe(7);
    const list = await dashboardPeople(deps, actors.coordinator, { partnership: trusts.own.partnershipId });
    expect(list.people.every((p) => p.href === null)).toBe(true);
    await expect(workforceDashboard(deps, actors.coordinator, { partnership: trusts.other.partnershipId })).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('exports the list as CSV and XLSX with formulas neutralised', async () => {
    await database.kysely.updateTable('people').set({ family_name: '=HYPERLINK("http://x")' }).where('id', '=', fixture.annId).execute();
    try {
      const csvFile = await exportDashboardPeople(deps, actors.trustAdmin, { school: fixture.beechId }, 'csv');
      const csv = new TextDecoder().decode(csvFile.bytes);
      expect(csvFile.fileName).toBe('workforce-2026-12-04.csv');
      expect(csv).toContain('Name,School,Graded role');
      expect(csv).toContain(`"'=HYPERLINK(""http://x""), Ann",Beech Academy,TA2`);
      expect(csv).toContain('"Birch, Ben",Beech Academy,TA3');
      const xlsx = await exportDashboardPeople(deps, actors.trustAdmin, { school: fixture.beechId }, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
      const rows = workbook.getWorksheet('Staff')?.getSheetValues() ?? [];
      const values = rows.flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
      expect(values[2]?.slice(0, 3)).toEqual(['Name', 'School', 'Graded role']);
      expect(values.map((r) => r[0])).toEqual(expect.arrayContaining([`'=HYPERLINK("http://x"), Ann`, 'Birch, Ben']));
      for (const row of values) for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(/^[=+\-@]/);
    } finally {
      await database.kysely.updateTable('people').set({ family_name: 'Ash' }).where('id', '=', fixture.annId).execute();
    }
  });
});
