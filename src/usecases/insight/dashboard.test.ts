import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { neutraliseFormula } from '../../adapters/spreadsheets/formula-safety.ts';
import { AppError } from '../../contracts/errors.ts';
import type { Actor } from '../../domain/policy/actor.ts';
import { buildCatalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { employerApprentices } from '../apprenticeships/caseload.ts';
import { workforceDashboard } from './dashboard.ts';
import { exportDashboardTables } from './dashboard-export.ts';
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
    expect(f.apprenticeships).toEqual([{ status: 'on_programme', headcount: 2 }]);
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
    expect(view.progress.roleFit).toEqual({
      above: 1,
      at: 1,
      below: 1,
      evaluated: 3,
      notEvaluated: 0,
      byGradedRole: expect.arrayContaining([
        { role: 'TA2', above: 1, at: 0, below: 0 },
        { role: 'TA3', above: 0, at: 1, below: 1 },
      ]),
      aboveGradeMoves: [{ gradedRole: 'TA2', bestFit: 'TA4', headcount: 1 }],
    });
    expect(view.progress.pipeline.measured).toBe(4);
    expect(view.progress.pipeline.byBand).toEqual({
      'under-25': 2,
      '25-to-49': 0,
      '50-to-74': 0,
      '75-to-99': 1,
      ready: 1,
      'not-measured': 5,
    });
    expect(view.progress.pipeline.byRole.map((r) => [r.role, r.target, r.needs])).toEqual([
      ['TA2', 'TA3', 2],
      ['TA3', 'TA4', 34],
      ['TA4', 'TA5', 34],
    ]);
    expect(view.progress.gateway).toEqual({ onProgramme: 2, ready: 1 });
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
      'role-fit',
      'pipeline',
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
      '9 staff (1.5 FTE for the 2 with hours recorded); the largest group is No graded role (5); 2 on an apprenticeship.',
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
    expect(onProgramme.people.map((p) => p.name)).toEqual(['Birch, Ben', 'staff, alpha']);
    const noQualification = await dashboardPeople(deps, actors.trustAdmin, { qualification: 'none', school: fixture.beechId });
    expect(noQualification.people.map((p) => p.name)).toEqual(['Birch, Ben']);
    expect(noQualification.heading).toBe('Staff whose highest qualification is No qualification recorded');
  });

  it('lists who performs duties above their grade: Ann, graded TA2, doing TA4 duties, from her latest duty profile', async () => {
    const view = await workforceDashboard(deps, actors.trustAdmin, {});
    const roleFit = view.sections.find((s) => s.id === 'role-fit');
    expect(roleFit?.summary).toBe(
      '1 of 3 staff with a duty profile (33%) performs duties above their grade, most often TA2 staff whose duties best fit TA4 (1); 6 have no duty profile. This is indicative, for a job-evaluation conversation, not a pay decision.',
    );
    const above = roleFit?.bars.find((b) => b.label === 'Above their grade');
    expect(above).toMatchObject({ value: 1, href: '/insight/people?roleFit=above' });
    expect(view.headline.find((h) => h.label === 'Performing duties above their grade')).toMatchObject({ value: '1' });
    const list = await dashboardPeople(deps, actors.trustAdmin, { roleFit: 'above' });
    expect(list.heading).toBe('Staff whose duty profile shows duties above their grade');
    expect(list.total).toBe(1);
    expect(list.people.map((p) => p.name)).toEqual(['Ash, Ann']);
    expect(list.detailHeads).toEqual(['Role fit']);
    expect(list.people[0]?.details[0]?.text).toMatch(/^Above grade: best fit TA4, \d+ duties above grade$/);
    expect(list.people[0]?.details[0]?.href).toBe(`/people/${fixture.annId}/role-fit`);
    // Ben's latest profile is at grade; his older one (TA4 duties) no longer counts.
    expect((await dashboardPeople(deps, actors.trustAdmin, { roleFit: 'at' })).people.map((p) => p.name)).toEqual(['Birch, Ben']);
    expect((await dashboardPeople(deps, actors.trustAdmin, { roleFit: 'below' })).people.map((p) => p.name)).toEqual(['staff, alpha']);
    expect((await dashboardPeople(deps, actors.trustAdmin, { roleFit: 'none' })).total).toBe(6);
    // The table's cells combine the figure with the graded role, and each count is its list's total.
    const ta3Row = roleFit?.table.rows.find((r) => r[0]?.text === 'TA3');
    expect(ta3Row?.map((c) => c.text)).toEqual(['TA3', '0', '1', '1', '0']);
    expect((await dashboardPeople(deps, actors.trustAdmin, { roleFit: 'below', role: 'TA3' })).total).toBe(1);
    // A school admin of alpha School sees no one above grade: Ann is at Beech Academy.
    const school = await workforceDashboard(deps, actors.schoolAdmin, {});
    expect(school.progress.roleFit).toMatchObject({ above: 0, at: 0, below: 1 });
    expect((await dashboardPeople(deps, actors.schoolAdmin, { roleFit: 'above' })).total).toBe(0);
  });

  it('bands the progression pipeline by the share of the next level met, each band listing its people', async () => {
    const view = await workforceDashboard(deps, actors.trustAdmin, {});
    const pipeline = view.sections.find((s) => s.id === 'pipeline');
    expect(pipeline?.summary).toBe(
      'Of 4 staff measured against their next level, 1 meets everything it asks and 1 more meets 75% or more; 5 have no next level to measure (no graded role, or at the top of their ladder).',
    );
    expect(pipeline?.table.head).toEqual(['How much is met', 'Staff', 'TA2 to TA3', 'TA3 to TA4', 'TA4 to TA5']);
    const bands = { 'under-25': ['Ash, Ann', 'Birch, Ben'], '75-to-99': ['staff, alpha'], ready: ['Person, Other'] } as const;
    for (const [band, names] of Object.entries(bands)) {
      const list = await dashboardPeople(deps, actors.trustAdmin, { progression: band as keyof typeof bands });
      expect(
        list.people.map((p) => p.name),
        band,
      ).toEqual(names);
      expect(pipeline?.bars.find((b) => b.href === `/insight/people?progression=${band}`)?.value, band).toBe(names.length);
    }
    for (const band of ['25-to-49', '50-to-74'] as const)
      expect((await dashboardPeople(deps, actors.trustAdmin, { progression: band })).total, band).toBe(0);
    const close = await dashboardPeople(deps, actors.trustAdmin, { progression: '75-to-99' });
    expect(close.heading).toBe('Staff who meet 75% to 99% of what their next level asks');
    // 24 HLTA standards met (HLTA.1 was met, then judged developing), HLTA.26, and specialism a.
    expect(close.people[0]?.details[0]?.text).toBe('TA4: 26 of 34 met (76%)');
    const notMeasured = await dashboardPeople(deps, actors.trustAdmin, { progression: 'not-measured' });
    expect(notMeasured.total).toBe(5);
    expect(notMeasured.people.every((p) => p.role === 'No graded role')).toBe(true);
    // A band within one graded role.
    const ta3 = pipeline?.table.rows.find((r) => r[0]?.text === 'Under 25% met')?.[3];
    expect(ta3).toMatchObject({ text: '1', href: '/insight/people?progression=under-25&role=TA3' });
    expect((await dashboardPeople(deps, actors.trustAdmin, { progression: 'under-25', role: 'TA3' })).people.map((p) => p.name)).toEqual([
      'Birch, Ben',
    ]);
  });

  it('counts an enrolment ready for Gateway to Completion, and not one that is not', async () => {
    const view = await workforceDashboard(deps, actors.trustAdmin, {});
    const apprenticeships = view.sections.find((s) => s.id === 'apprenticeships');
    expect(apprenticeships?.summary).toBe(
      '2 staff are on an apprenticeship; 1 of the 2 on programme is ready for Gateway to Completion, and 0 are at it.',
    );
    const row = apprenticeships?.table.rows.find((r) => r[0]?.text === 'On programme and ready for Gateway to Completion');
    expect(row?.[1]).toMatchObject({ text: '1', href: '/insight/people?gateway=ready' });
    const ready = await dashboardPeople(deps, actors.trustAdmin, { gateway: 'ready' });
    expect(ready.people.map((p) => p.name)).toEqual(['Birch, Ben']);
    expect(ready.people[0]?.details[0]).toEqual({ text: 'Ready', href: `/enrolments/${fixture.benEnrolmentId}` });
    // The same readiness as the employer's caseload works it out.
    const caseload = await employerApprentices(deps, actors.trustAdmin, {});
    const states = Object.fromEntries(caseload.rows.map((r) => [r.enrolmentId, r.gateway.state]));
    expect(states).toEqual({ [fixture.benEnrolmentId]: 'ready', [fixture.staffEnrolmentId]: 'not_ready' });
    // alpha School's own apprentice is not ready.
    expect((await workforceDashboard(deps, actors.schoolAdmin, {})).progress.gateway).toEqual({ onProgramme: 1, ready: 0 });
    expect((await dashboardPeople(deps, actors.schoolAdmin, { gateway: 'ready' })).total).toBe(0);
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

  it("exports the dashboard's own tables as CSV and XLSX, a heading row per section, in the caller's scope", async () => {
    await database.kysely.updateTable('organisations').set({ name: '=HYPERLINK("http://x")' }).where('id', '=', fixture.beechId).execute();
    try {
      const view = await workforceDashboard(deps, actors.trustAdmin, {});
      const csvFile = await exportDashboardTables(deps, actors.trustAdmin, {}, 'csv');
      expect(csvFile.fileName).toMatch(/-workforce-dashboard-2026-12-04\.csv$/);
      expect(csvFile.contentType).toBe('text/csv; charset=utf-8');
      // The byte-order mark first, so Excel reads the file as UTF-8.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvFile.bytes);
      expect(text.startsWith('\uFEFFWorkforce: ')).toBe(true);
      const lines = Papa.parse<string[]>(text.slice(1).trim(), { newline: '\r\n' }).data;
      expect(lines[1]).toEqual(['Support staff in post on 4 December 2026']);
      // Every section's title on a row of its own, then its caption, summary, header and rows.
      for (const section of view.sections) {
        const at = lines.findIndex((l) => l.length === 1 && l[0] === section.title);
        expect(at, section.id).toBeGreaterThan(0);
        expect(lines[at + 1], section.id).toEqual([section.table.caption]);
        expect(lines[at + 3], section.id).toEqual(section.table.head);
        expect(lines.slice(at + 4, at + 4 + section.table.rows.length), section.id).toEqual(
          // Counts and FTE are written as numbers ("1,234" → 1234, "1.0" → 1); words stay words.
          section.table.rows.map((r) =>
            r.map((c) => (c.numeric && /^[\d,.]+$/.test(c.text) ? String(Number(c.text.replaceAll(',', ''))) : neutraliseFormula(c.text))),
          ),
        );
      }
      const roleFit = lines.findIndex((l) => l[0] === 'Role fit: duties above grade');
      expect(lines.slice(roleFit).find((l) => l[0] === 'All staff')).toEqual(['All staff', '1', '1', '1', '6']);
      expect(lines.find((l) => l[0] === 'On programme and ready for Gateway to Completion')).toEqual([
        'On programme and ready for Gateway to Completion',
        '1',
      ]);
      expect(text).toContain(`"'=HYPERLINK(""http://x"")",Secondary,2`);

      const xlsx = await exportDashboardTables(deps, actors.trustAdmin, {}, 'xlsx');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
      const rows = (workbook.getWorksheet('Dashboard')?.getSheetValues() ?? []).flatMap((r) => (Array.isArray(r) ? [r.slice(1)] : []));
      // Counts are numbers in the workbook; every text cell is safe to open.
      expect(rows.find((r) => r[0] === 'TA2: Teaching Assistant Level 2')).toEqual(['TA2: Teaching Assistant Level 2', 1, 1]);
      expect(rows.find((r) => r[0] === 'Every requirement met')?.slice(0, 2)).toEqual(['Every requirement met', 1]);
      for (const row of rows) for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(/^[=+\-@]/);
    } finally {
      await database.kysely.updateTable('organisations').set({ name: 'Beech Academy' }).where('id', '=', fixture.beechId).execute();
    }
    const school = new TextDecoder().decode((await exportDashboardTables(deps, actors.schoolAdmin, {}, 'csv')).bytes);
    expect(school).toContain('Workforce: alpha School');
    expect(school).not.toContain('Beech');
    await expect(exportDashboardTables(deps, actors.schoolAdmin, { school: fixture.beechId }, 'csv')).rejects.toMatchObject({
      code: 'forbidden',
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
