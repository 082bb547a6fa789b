import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type OffTheJobWorld, seedOffTheJobWorld } from '../../../../usecases/apprenticeships/off-the-job-testing.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';
import { unlabelledItemCodes, visibleTextOf } from '../../unlabelled-codes.ts';

const NOW = new Date('2025-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('the off-the-job, review and coverage pages on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let world: OffTheJobWorld;
  const cookies: Record<'apprentice' | 'assessor' | 'otherAssessor' | 'manager', string> = {
    apprentice: '',
    assessor: '',
    otherAssessor: '',
    manager: '',
  };
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const otj = () => `/enrolments/${world.enrolmentId}/off-the-job`;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    world = await seedOffTheJobWorld(database.kysely);
    const cookieOf = (actor: OffTheJobWorld['apprentice']) =>
      sessionCookie(database.kysely, actor.userId, actor.assignments[0]?.trustId ?? '', NOW);
    cookies.apprentice = await cookieOf(world.apprentice);
    cookies.assessor = await cookieOf(world.assessor);
    cookies.otherAssessor = await cookieOf(world.otherAssessor);
    cookies.manager = await cookieOf(world.manager);
    app = await buildServer(await buildTestContext(database, { clock: () => NOW }), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the apprentice logs training, the assessor approves it, and the chart, its table and the summary show it', async () => {
    const empty = await postForm(app, otj(), 'hours=&description=', cookies.apprentice);
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('href="#date-day"');
    expect(empty.body).toContain('Choose the kind of training');

    const logged = await postForm(
      app,
      otj(),
      'date-day=6&date-month=10&date-year=2025&hours=7.5&activity=teaching-of-theory&description=SEND+workshop&ksbCodes=ST1414.K30',
      cookies.apprentice,
    );
    expect(logged.statusCode).toBe(303);
    const page = await get(otj(), cookies.assessor);
    expect(page.statusCode).toBe(200);
    const entryId = /\/off-the-job\/([0-9a-f-]{36})\/decision/.exec(page.body)?.[1] ?? '';
    expect(entryId).not.toBe('');
    expect(page.body).toContain('ST1414.K30 — ');
    const decided = await postForm(app, `${otj()}/${entryId}/decision`, 'decision=approve', cookies.assessor);
    expect(decided.statusCode).toBe(303);

    const after = await get(otj(), cookies.apprentice);
    expect(after.body).toContain('<svg role="img" aria-labelledby="otj-chart-caption"');
    expect(after.body).toMatch(/7\.5 of 400 hours approved/);
    expect(after.body).toContain('data-testid="otj-table"');
    expect(after.body).toContain('otj-2025-08');
    expect(after.body).not.toContain('/decision"');
    expect(unlabelledItemCodes(visibleTextOf(after.body))).toEqual([]);
  }, 120_000);

  it('hides the pages from another provider’s assessor and refuses approval by the line manager', async () => {
    for (const path of ['off-the-job', 'reviews', 'coverage'])
      expect((await get(`/enrolments/${world.enrolmentId}/${path}`, cookies.otherAssessor)).statusCode).toBe(404);
    const page = await get(otj(), cookies.manager);
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('Log the training');
  });

  it('shows the reviews with the next one due, and the coverage heat map with its table', async () => {
    const reviews = await get(`/enrolments/${world.enrolmentId}/reviews`, cookies.assessor);
    expect(reviews.statusCode).toBe(200);
    expect(reviews.body).toContain('The next review is due by 24 November 2025');
    const planned = await postForm(
      app,
      `/enrolments/${world.enrolmentId}/reviews`,
      'heldOn-day=20&heldOn-month=11&heldOn-year=2025',
      cookies.assessor,
    );
    expect(planned.statusCode).toBe(303);
    const withReview = await get(`/enrolments/${world.enrolmentId}/reviews`, cookies.apprentice);
    expect(withReview.body).toContain('Sign as the apprentice');
    expect(unlabelledItemCodes(visibleTextOf(withReview.body))).toEqual([]);

    const coverage = await get(`/enrolments/${world.enrolmentId}/coverage`, cookies.manager);
    expect(coverage.statusCode).toBe(200);
    expect(coverage.body).toContain('data-testid="heat-knowledge"');
    expect(coverage.body).toContain('ST1414.K30 — ');
    expect(coverage.body).not.toContain('ST1414.K36 — ');
    expect(unlabelledItemCodes(visibleTextOf(coverage.body))).toEqual([]);
  });

  it('exports the ILR OTJActHours for the provider only', async () => {
    const csv = await get('/apprenticeships/otj-act-hours.csv', cookies.assessor);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toBe(
      '\uFEFFLearnRefNumber,FamilyName,GivenNames,LearnStartDate,LearnPlanEndDate,PHours,OTJActHours,PracticalPeriodEnded,Programme,Employer,PathwaysEnrolmentId',
    );
    expect(csv.body).toContain(`,2025-09-01,2027-08-31,400,8,no,`);
    expect((await get('/apprenticeships/otj-act-hours.csv', cookies.manager)).statusCode).toBe(403);
  });
});
