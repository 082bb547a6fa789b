import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { apiRequest, postForm, sessionCookie } from '../../../testing.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('CPD and review pages and API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let staff: string;
  let manager: string;
  let admin: string;

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const api = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, cookie: string, body?: unknown) =>
    apiRequest(app, method, url, cookie, body);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    ({ own } = await seedTwoTrusts(database.kysely));
    let tick = 0;
    const context = await buildTestContext(database, { clock: () => new Date(NOW.getTime() + tick++ * 1000) });
    app = await buildServer(context, { logLevel: 'silent' });
    staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, NOW);
    manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, NOW);
    admin = await sessionCookie(database.kysely, own.users.trust_admin.userId, own.trustId, NOW);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('adds an activity with hours and minutes, shows it under its academic year, and re-shows the form on errors', async () => {
    const base = `/people/${own.reportId}/portfolio/cpd`;
    const page = await get(base, staff);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('CPD hours are not credits');
    expect(page.body).toContain(`/people/${own.reportId}/portfolio/achievements`);
    expect(page.body).toContain('Add to my plan');

    const bad = await postForm(
      app,
      `${base}/new`,
      'title=&kind=course&status=done&occurredOn-day=31&occurredOn-month=2&occurredOn-year=2026&hours=1&minutes=75',
      staff,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('There is a problem');
    expect(bad.body).toContain('Enter a title');
    expect(bad.body).toContain('Enter a real date');
    expect(bad.body).toContain('Minutes must be 59 or fewer');
    // Each field shows its own error, and only fields with a problem do.
    expect(bad.body.match(/govuk-error-message/g)?.length).toBe(3);

    const unknownItem = await postForm(
      app,
      `${base}/new`,
      'title=Phonics&kind=course&status=done&occurredOn-day=1&occurredOn-month=9&occurredOn-year=2026&hours=1&minutes=30&itemCodes=NOPE.1',
      staff,
    );
    expect(unknownItem.statusCode).toBe(400);
    expect(unknownItem.body).toContain('NOPE.1 is not an item in the framework');

    const saved = await postForm(
      app,
      `${base}/new`,
      'title=Phonics&provider=LA&kind=course&status=done&occurredOn-day=1&occurredOn-month=9&occurredOn-year=2026&hours=1&minutes=30&itemCodes=TA3.D1&reflection=Good',
      staff,
    );
    expect(saved.statusCode).toBe(303);
    const after = await get(base, staff);
    expect(after.body).toContain('2026/27: <span data-testid="cpd-total">1 hour 30 minutes</span>');
    expect(after.body).toContain('TA3.D1');

    const managerView = await get(base, manager);
    expect(managerView.statusCode).toBe(200);
    expect(managerView.body).not.toContain('Add an activity');
    expect((await postForm(app, `${base}/new`, 'title=x', manager)).statusCode).toBe(403);
  });

  it('adds a suggestion to the plan in one click, once', async () => {
    const base = `/people/${own.reportId}/portfolio/cpd`;
    const first = await postForm(app, `${base}/suggestions`, 'ref=TA3%2FcpdSuggestions%2F0', staff);
    expect(first.statusCode).toBe(303);
    await postForm(app, `${base}/suggestions`, 'ref=TA3%2FcpdSuggestions%2F0', staff);
    const log = JSON.parse((await api('GET', `/api/people/${own.reportId}/cpd`, staff)).body);
    expect(log.planned.filter((a: { suggestedBy: string | null }) => a.suggestedBy === 'TA3/cpdSuggestions/0')).toHaveLength(1);
    expect(log.totals).toEqual([{ academicYear: '2026/27', minutes: 90 }]);
    expect((await get(base, staff)).body).toContain('In the plan');
  });

  it('keeps the CPD API in whole minutes and refuses the manager', async () => {
    const url = `/api/people/${own.reportId}/cpd`;
    const created = await api('POST', url, staff, { title: 'Team Teach', kind: 'in-school-training', status: 'planned', minutes: 0 });
    expect(created.statusCode).toBe(201);
    const { id } = JSON.parse(created.body);
    expect((await api('POST', `${url}/${id}/done`, staff, { occurredOn: '2025-10-01', minutes: 360 })).statusCode).toBe(204);
    const log = JSON.parse((await api('GET', url, staff)).body);
    expect(log.totals).toEqual([
      { academicYear: '2026/27', minutes: 90 },
      { academicYear: '2025/26', minutes: 360 },
    ]);
    expect((await api('DELETE', `${url}/${id}`, manager)).statusCode).toBe(403);
    expect((await api('DELETE', `${url}/${id}`, staff)).statusCode).toBe(204);
  });

  it('runs a review through the pages: start, objective, stages, comments, outcome, sign-off by both', async () => {
    const base = `/people/${own.reportId}/portfolio/reviews`;
    const list = await get(base, manager);
    expect(list.body).toContain('Start the 2026/27 review');
    expect(list.body).toContain('AT.D16');
    expect((await get(base, staff)).body).not.toContain('Start the 2026/27 review');
    const started = await postForm(app, base, '', manager);
    expect(started.statusCode).toBe(303);
    const cycleUrl = String(started.headers.location);
    expect(cycleUrl).toMatch(new RegExp(`^${base}/[0-9a-f-]{36}$`));

    const managerPage = await get(cycleUrl, manager);
    expect(managerPage.body).toContain('Add an objective');
    expect(managerPage.body).toContain('TA3.D1');
    const staffPage = await get(cycleUrl, staff);
    expect(staffPage.body).not.toContain('Add an objective');

    const empty = await postForm(app, cycleUrl, 'action=objective&title=', manager);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Enter the objective');
    expect((await postForm(app, cycleUrl, 'action=objective&title=Lead+phonics&itemCodes=TA3.D1', manager)).statusCode).toBe(303);
    expect((await postForm(app, cycleUrl, 'action=advance', manager)).statusCode).toBe(303);
    expect((await postForm(app, cycleUrl, 'action=comment&body=Going+well', staff)).statusCode).toBe(303);
    expect((await postForm(app, cycleUrl, 'action=advance', staff)).statusCode).toBe(403);
    expect((await postForm(app, cycleUrl, 'action=advance', manager)).statusCode).toBe(303);
    expect((await postForm(app, cycleUrl, 'action=outcome&outcome=Met', staff)).statusCode).toBe(403);
    expect((await postForm(app, cycleUrl, 'action=outcome&outcome=Objectives+met', manager)).statusCode).toBe(303);

    const toSign = await get(cycleUrl, staff);
    expect(toSign.body).toContain('Sign the review as the member of staff');
    expect(toSign.body).not.toContain('Sign the review as the reviewer');
    expect((await postForm(app, cycleUrl, 'action=sign&as=reviewer', staff)).statusCode).toBe(403);
    expect((await postForm(app, cycleUrl, 'action=sign&as=staff', staff)).statusCode).toBe(303);
    expect((await postForm(app, cycleUrl, 'action=sign&as=reviewer', manager)).statusCode).toBe(303);

    const done = await get(cycleUrl, staff);
    expect(done.body).toContain('signed off by both and can no longer be changed');
    expect(done.body).toContain('Going well');
    const late = await postForm(app, cycleUrl, 'action=comment&body=Late', staff);
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('signed off and can no longer be changed');

    const cycleId = cycleUrl.split('/').at(-1);
    const json = JSON.parse((await api('GET', `/api/people/${own.reportId}/reviews/${cycleId}`, admin)).body);
    expect(json.cycle.stage).toBe('signed-off');
    expect(json.you.side).toBeNull();
    expect(json.reviewDuties.map((d: { code: string }) => d.code)).toContain('AT.D16');
    expect((await api('POST', `/api/people/${own.reportId}/reviews/${cycleId}/comments`, admin, { body: 'x' })).statusCode).toBe(403);
  });
});
