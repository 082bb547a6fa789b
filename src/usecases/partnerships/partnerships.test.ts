import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../contracts/errors.ts';
import { engagements } from '../../store/partnerships/engagements.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { loadActor, type SeededTrust, seedTwoTrusts } from '../../testing/two-trusts.ts';
import { showDeployment } from './deployment-view.ts';
import { createDeployment, saveWorkPattern } from './deployments.ts';
import type { PartnershipDeps } from './deps.ts';
import { importEngagements } from './engagement-import.ts';
import { recordEngagement } from './engagements.ts';
import { exportPartnershipTable } from './exports.ts';
import { partnershipReport, teacherReport } from './impact-report-pdf.ts';
import { showPartnership } from './overview.ts';
import { partnershipTestDeps, seedPartnershipWork } from './testing.ts';

const codeOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.code : error;
};
const detailsOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  return isAppError(error) ? error.details.map((d) => `${d.where}: ${d.reason}`) : [String(error)];
};

const workshop = (hostPartnerId: string, extra: Record<string, unknown> = {}) => ({
  occurredOn: '2026-11-03',
  hostPartnerId,
  kind: 'PT.animateur',
  activity: 'workshop',
  pupils: '28',
  yearGroups: 'Year 5, Year 6',
  teachers: '2',
  hours: '1.5',
  outcomeNotes: 'Pupils built circuits',
  ...extra,
});

describe.each(testDatabaseKinds())('partnership teaching on %s', (kind) => {
  let database: TestDatabase;
  let deps: PartnershipDeps;
  let own: SeededTrust;
  let other: SeededTrust;
  let work: Awaited<ReturnType<typeof seedPartnershipWork>>;
  let otherWork: Awaited<ReturnType<typeof seedPartnershipWork>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own, other } = await seedTwoTrusts(database.kysely));
    deps = await partnershipTestDeps(database.kysely);
    work = await seedPartnershipWork(deps, own, 'Ash');
    otherWork = await seedPartnershipWork(deps, other, 'Birch');
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });

  const actor = (trust: SeededTrust, role: keyof SeededTrust['users']) => loadActor(database.kysely, trust.users[role].userId);

  it('plans a work pattern, refusing two sites on one half-day and a host half-day on a home commitment, and changing nothing', async () => {
    const pattern = [
      { weekday: 1, session: 'morning', partnerId: work.homeId },
      { weekday: 3, session: 'afternoon', partnerId: work.externalId },
    ];
    await saveWorkPattern(deps, work.coordinator, own.partnershipId, work.deploymentId, { slots: pattern });
    const clashing = [...pattern, { weekday: 1, session: 'morning', partnerId: work.externalId }];
    expect(await detailsOf(saveWorkPattern(deps, work.coordinator, own.partnershipId, work.deploymentId, { slots: clashing }))).toEqual([
      '1-morning: Monday morning: Ash Prep falls on a home commitment',
    ]);
    const view = await showDeployment(deps, work.coordinator, own.partnershipId, work.deploymentId, {});
    expect(view.grid.find((d) => d.day === 'Wednesday')).toMatchObject({ afternoon: [{ name: 'Ash Prep', home: false }] });
    // One host half-day is 3.25 hours; 0.1 FTE of a 32.5-hour week is 3.25 hours.
    expect(view.hours).toEqual({ plannedHours: 3.25, shareHours: 3.25, difference: 0, verdict: 'matches' });
    expect(view.clashes).toEqual([]);
  });

  it('refuses a deployment to an external partner of another partnership, as not one of this partnership’s organisations', async () => {
    const details = await detailsOf(
      createDeployment(deps, work.coordinator, own.partnershipId, {
        personId: own.otherPersonId,
        kinds: ['PT.secondee'],
        homePartnerId: work.homeId,
        hostPartnerIds: [otherWork.externalId],
        shareUnit: 'hours_per_week',
        shareValue: '6.5',
        startsOn: '2026-09-01',
      }),
    );
    expect(details).toEqual(['hostPartnerIds: Choose host organisations from the partnership’s organisations']);
  });

  it('lets the teacher record their own engagement, and shows it in the network and their impact', async () => {
    const teacher = await actor(own, 'staff');
    const before = await showDeployment(deps, teacher, own.partnershipId, work.deploymentId, {});
    await recordEngagement(deps, teacher, own.partnershipId, work.deploymentId, workshop(work.externalId));
    const after = await showDeployment(deps, teacher, own.partnershipId, work.deploymentId, {});
    expect(after.impact.report.partnership.reach.pupils - before.impact.report.partnership.reach.pupils).toBe(28);
    expect(after.impact.report.nodes.map((n) => n.name)).toContain('Ash Prep');
    const events = await database.kysely.selectFrom('audit_events').select('action').where('action', '=', 'engagement.recorded').execute();
    expect(events.length).toBeGreaterThan(0);
  });

  it('refuses an engagement with a kind the teacher is not deployed as, a future date, or reuse of a workshop', async () => {
    const details = await detailsOf(
      recordEngagement(
        deps,
        work.coordinator,
        own.partnershipId,
        work.deploymentId,
        workshop(work.externalId, { kind: 'PT.governor', occurredOn: '2026-12-25', reusedBy: work.homeId }),
      ),
    );
    expect(details).toEqual([
      'occurredOn: The date is in the future: record engagements once they have happened',
      'kind: alpha staff is not deployed as the governor (or director)',
      'reusedBy: Only a digital resource can be reused by other organisations',
    ]);
  });

  it('shows the partnership’s work to its coordinator and the school admin, refuses others of the trust, and hides it from another partnership', async () => {
    const view = await showPartnership(deps, work.coordinator, own.partnershipId, {});
    expect(view.engagements.length).toBeGreaterThan(0);
    expect(view.can.manage).toBe(true);
    const admin = await showPartnership(deps, await actor(own, 'school_admin'), own.partnershipId, {});
    expect(admin.engagements.length).toBe(view.engagements.length);
    expect(admin.can.manage).toBe(false);
    expect(await codeOf(showPartnership(deps, await actor(own, 'line_manager'), own.partnershipId, {}))).toBe('forbidden');
    // Another trust's coordinator and admin: the partnership, its deployment and its external partner's work are not found.
    for (const role of ['partnership_coordinator', 'school_admin', 'staff'] as const) {
      const outsider = await actor(other, role);
      expect(await codeOf(showPartnership(deps, outsider, own.partnershipId, {}))).toBe('not_found');
      expect(await codeOf(showDeployment(deps, outsider, own.partnershipId, work.deploymentId, {}))).toBe('not_found');
      expect(await codeOf(recordEngagement(deps, outsider, own.partnershipId, work.deploymentId, workshop(work.externalId)))).toBe(
        'not_found',
      );
    }
    // A deployment of another partnership asked for under this one: not found, even for this coordinator.
    expect(await codeOf(showDeployment(deps, work.coordinator, own.partnershipId, otherWork.deploymentId, {}))).toBe('not_found');
    expect(
      await codeOf(
        recordEngagement(deps, await actor(own, 'line_manager'), own.partnershipId, work.deploymentId, workshop(work.externalId)),
      ),
    ).toBe('forbidden');
  });

  const csv = (rows: string[]) => ({ fileName: 'engagements.csv', bytes: new TextEncoder().encode(`${rows.join('\n')}\n`) });
  const header = 'date,teacher,kind,host,activity,audience,pupils,teachers,hours,reused by';

  it('imports a good file in one go, and refuses a malformed one with every row’s problems, importing nothing', async () => {
    const count = async () => (await engagements(database.kysely).listByPartnership(own.partnershipId)).length;
    const start = await count();
    const bad = csv([
      header,
      '2026-10-01,Alpha Staff,animateur,Ash Prep,Workshop,pupils,30,0,1,',
      '2026-10-02,Nobody Here,animateur,Ash Prep,Workshop,pupils,30,0,1,',
      '2026-10-03,Alpha Staff,secondee,Nowhere School,Workshop,pupils,30,0,1,',
      '2026-10-04,Alpha Staff,animateur,Ash Prep,Workshop,pupils,lots,0,1,',
    ]);
    expect(await detailsOf(importEngagements(deps, work.coordinator, own.partnershipId, bad))).toEqual([
      'row 5, column pupils: "lots" is not a whole number of people',
    ]);
    const unresolved = csv([
      header,
      '2026-10-01,Alpha Staff,animateur,Ash Prep,Workshop,pupils,30,0,1,',
      '2026-10-02,Nobody Here,animateur,Ash Prep,Workshop,pupils,30,0,1,',
      '2026-10-03,Alpha Staff,secondee,Nowhere School,Workshop,pupils,30,0,1,',
    ]);
    expect(await detailsOf(importEngagements(deps, work.coordinator, own.partnershipId, unresolved))).toEqual([
      'row 3, column teacher: "Nobody Here" is not a teacher deployed by this partnership',
      'row 4, column host: "Nowhere School" is not one of the partnership’s organisations',
    ]);
    expect(await count()).toBe(start);
    const good = csv([
      header,
      '2026-10-01,Alpha Staff,animateur,Ash Prep,Workshop,pupils,30,0,1,',
      '08/10/2026,alpha staff,The digitiser,Ash Prep,Digital resource,teachers,0,6,2,Alpha School',
    ]);
    expect(await importEngagements(deps, work.coordinator, own.partnershipId, good)).toEqual({ imported: 2 });
    expect(await count()).toBe(start + 2);
    expect(await codeOf(importEngagements(deps, await actor(own, 'staff'), own.partnershipId, good))).toBe('forbidden');
  });

  it('imports an XLSX workbook, naming rows as the spreadsheet shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Engagements');
    sheet.addRow(header.split(','));
    sheet.addRow(['2026-10-05', 'Alpha Staff', 'animateur', 'Ash Prep', 'Lesson', 'pupils', 25, 0, 1]);
    sheet.addRow([]);
    sheet.addRow(['2026-10-06', 'Alpha Staff', 'animateur', 'Ash Prep', 'Juggling', 'pupils', 25, 0, 1]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(await detailsOf(importEngagements(deps, work.coordinator, own.partnershipId, { fileName: 'e.xlsx', bytes }))).toEqual([
      'row 4, column activity: "Juggling" is not an activity Pathways records (such as workshop, lesson, coaching session)',
    ]);
  });

  it('exports the engagements in the import’s columns with formulas neutralised, and renders the termly reports', async () => {
    await recordEngagement(
      deps,
      work.coordinator,
      own.partnershipId,
      work.deploymentId,
      workshop(work.externalId, { outcomeNotes: '=HYPERLINK("http://evil")' }),
    );
    const file = await exportPartnershipTable(deps, work.coordinator, own.partnershipId, { table: 'engagements', format: 'csv' });
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes);
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFdate,teacher,kind,host,activity,audience,pupils,teachers,hours,trainee teachers,governors,parents,year groups,host phase,host sector,reused by,outcome,follow-ups',
    );
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const xlsx = await exportPartnershipTable(deps, work.coordinator, own.partnershipId, { table: 'impact', format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.bytes) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Teachers')?.getRow(2).getCell(1).value).toBe('alpha staff');
    const report = await partnershipReport(deps, work.coordinator, own.partnershipId, '2026-autumn');
    expect(new TextDecoder().decode(report.bytes.slice(0, 5))).toBe('%PDF-');
    const teacher = await teacherReport(deps, await actor(own, 'staff'), own.partnershipId, work.deploymentId, undefined);
    expect(teacher.fileName).toBe('teacher-impact-2026-autumn.pdf');
    expect(await codeOf(partnershipReport(deps, await actor(other, 'partnership_coordinator'), own.partnershipId, '2026-autumn'))).toBe(
      'not_found',
    );
  });
});
