import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateMessages } from '../../../../contracts/dates.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { insertEvidence } from '../../../../testing/portfolio.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { apiRequest, postForm, sessionCookie } from '../../../testing.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('dates outside the supported range on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let staff: string;
  let manager: string;
  let admin: string;
  let kindId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own } = await seedTwoTrusts(database.kysely));
    const context = await buildTestContext(database, { clock: () => NOW });
    app = await buildServer(context, { logLevel: 'silent' });
    staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, NOW);
    manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, NOW);
    admin = await sessionCookie(database.kysely, own.users.trust_admin.userId, own.trustId, NOW);

    // Rows written before the date contract existed: year 0001 straight into the tables.
    const db = database.kysely;
    const person = { trust_id: own.trustId, person_id: own.reportId };
    await sql`insert into cpd_activities (id, trust_id, person_id, status, title, kind, occurred_on, minutes, created_by, created_at, updated_at)
      values (${crypto.randomUUID()}, ${own.trustId}, ${own.reportId}, 'done', 'Ancient course', 'course', '0001-01-01', 90,
        ${own.users.staff.userId}, ${NOW}, ${NOW})`.execute(db);
    await insertEvidence(db, context.files, {
      trustId: own.trustId,
      personId: own.reportId,
      userId: own.users.staff.userId,
      title: 'Ancient evidence',
      claims: [{ code: 'TA3.D1' }],
      occurredOn: '0001-01-01',
    });
    await db
      .insertInto('achievements')
      .values({
        id: crypto.randomUUID(),
        ...person,
        kind: 'unit',
        details: JSON.stringify({ kind: 'unit', title: 'Ancient unit', level: 2, credits: 5, achievedOn: '0001-01-01' }),
        achieved_on: '0001-01-01',
        recorded_by: own.users.staff.userId,
        recorded_at: NOW,
      })
      .execute();
    kindId = crypto.randomUUID();
    await db
      .insertInto('training_kinds')
      .values({ id: kindId, trust_id: own.trustId, code: 'ancient', title: 'Ancient check', validity_months: 12, retired_at: null })
      .execute();
    await db
      .insertInto('training_records')
      .values({
        id: crypto.randomUUID(),
        ...person,
        kind_id: kindId,
        completed_on: '0001-01-01',
        expires_on: '0002-01-01',
        provider: null,
        recorded_by: own.users.staff.userId,
        recorded_at: NOW,
      })
      .execute();
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('still shows the CPD log, the portfolio pages and every export for the staff member, their manager and an admin', async () => {
    const person = own.reportId;
    // The CPD log, the portfolio CPD page and the exports, for each side that reads them…
    const everyone = [
      `/api/people/${person}/cpd`,
      `/people/${person}/portfolio/cpd`,
      `/api/people/${person}/portfolio/export`,
      `/people/${person}/portfolio/export.json`,
      `/people/${person}/portfolio/export.pdf`,
      `/people/${person}/portfolio/hlta/evidence-file.zip`,
    ];
    // …and the other pages holding those dates, for the person.
    const ownPages = [
      `/api/people/${person}/evidence`,
      `/api/people/${person}/achievements`,
      `/api/people/${person}/portfolio`,
      `/api/people/${person}/training`,
      `/people/${person}/portfolio`,
      `/people/${person}/portfolio/evidence`,
      `/people/${person}/portfolio/achievements`,
      `/people/${person}/portfolio/training`,
    ];
    const reads: [string, string][] = [
      ...[staff, manager, admin].flatMap((cookie) => everyone.map((url): [string, string] => [url, cookie])),
      ...ownPages.map((url): [string, string] => [url, staff]),
    ];
    for (const [url, cookie] of reads) {
      const response = await apiRequest(app, 'GET', url, cookie);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 200 });
    }
    const log = await apiRequest(app, 'GET', `/api/people/${own.reportId}/cpd`, staff);
    expect(log.body).toContain('0001-01-01');
    const exported = await apiRequest(app, 'GET', `/people/${own.reportId}/portfolio/export.json`, staff);
    expect(exported.body).toMatch(/"occurredOn": ?"0001-01-01"/);
  }, 120_000);

  const early = 'Enter a date after 1 January 1900';

  it('refuses an API body dated before 1900, naming the field', async () => {
    const person = `/api/people/${own.reportId}`;
    const cases: [string, unknown, string][] = [
      [`${person}/cpd`, { title: 'Old', kind: 'course', status: 'done', occurredOn: '0001-01-01', minutes: 60 }, 'body/occurredOn'],
      [`${person}/cpd`, { title: 'Old', kind: 'course', status: 'planned', occurredOn: '1899-12-31', minutes: 0 }, 'body/occurredOn'],
      [
        `${person}/evidence`,
        { kind: 'reflective-account', title: 'Old', occurredOn: '0999-06-01', body: 'x', claims: [] },
        'body/occurredOn',
      ],
      [`${person}/achievements`, { kind: 'unit', title: 'Old', level: 2, credits: 5, achievedOn: '0001-01-01' }, 'body/achievedOn'],
      [`${person}/training`, { kindId, completedOn: '0001-01-01' }, 'body/completedOn'],
    ];
    for (const [url, body, where] of cases) {
      const response = await apiRequest(app, 'POST', url, staff, body);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.json().error.details).toContainEqual({ where, reason: early });
    }
    const farAhead = await apiRequest(app, 'POST', `${person}/cpd`, staff, {
      title: 'Typo',
      kind: 'course',
      status: 'planned',
      occurredOn: '2206-01-01',
      minutes: 0,
    });
    expect(farAhead.statusCode).toBe(400);
    expect(farAhead.json().error.details).toContainEqual({ where: 'body/occurredOn', reason: dateMessages.tooLate });
    const fine = await apiRequest(app, 'POST', `${person}/cpd`, staff, {
      title: 'Next year',
      kind: 'course',
      status: 'planned',
      occurredOn: '2027-09-01',
      minutes: 0,
    });
    expect(fine.statusCode).toBe(201);
  });

  it('shows the date error on each form given a year before 1900', async () => {
    const base = `/people/${own.reportId}/portfolio`;
    const forms: [string, string][] = [
      [`${base}/cpd/new`, 'title=Old&kind=course&status=done&occurredOn-day=1&occurredOn-month=1&occurredOn-year=0001&hours=1&minutes=0'],
      [`${base}/evidence/new`, 'kind=reflective-account&title=Old&occurredOn-day=1&occurredOn-month=1&occurredOn-year=1&body=x'],
      [`${base}/achievements/new?kind=unit`, 'title=Old&level=2&credits=5&achievedOn-day=1&achievedOn-month=1&achievedOn-year=0001'],
      [`${base}/training`, `kindId=${kindId}&completedOn-day=1&completedOn-month=1&completedOn-year=0001`],
    ];
    for (const [url, body] of forms) {
      const response = await postForm(app, url, body, staff);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.body).toContain('govuk-error-summary');
      expect(response.body).toContain(early);
    }
  });
});
