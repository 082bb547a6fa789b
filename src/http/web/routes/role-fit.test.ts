import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedProgressionPeople } from '../../../testing/progression-people.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { buildServer } from '../../server.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe.each(testDatabaseKinds())('signed-in progression pages on %s', (kind) => {
  let database: Database;
  let context: AppContext;
  let app: FastifyInstance;
  let seed: Awaited<ReturnType<typeof seedProgressionPeople>>;
  const cookies: Record<'priya' | 'amy' | 'sam' | 'bea', string> = { priya: '', amy: '', sam: '', bea: '' };
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database, { clock: () => now });
    app = await buildServer(context, { logLevel: 'silent' });
    seed = await seedProgressionPeople(database.kysely, now);
    const { ids } = seed;
    cookies.priya = await seed.sessionFor(ids.priyaUser, ids.trustA);
    cookies.amy = await seed.sessionFor(ids.amyUser, ids.trustA);
    cookies.sam = await seed.sessionFor(ids.samUser, ids.trustA);
    cookies.bea = await seed.sessionFor(ids.beaUser, ids.trustB);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });
  const get = (url: string, as?: keyof typeof cookies) =>
    app.inject({ method: 'GET', url, ...(as ? { cookies: { pathways_session: cookies[as] } } : {}) });
  const post = (url: string, as: keyof typeof cookies, form: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      cookies: { pathways_session: cookies[as] },
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
      payload: new URLSearchParams(form).toString(),
    });

  it('sends anonymous visitors to sign in', async () => {
    for (const path of ['/me/next-step', '/me/route', '/me/role-fit', `/people/${seed.ids.amy}/role-fit`]) {
      const response = await get(path);
      expect(response.statusCode).toBe(303);
      expect(response.headers.location).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  it('shows "My next step" as a checklist for the next level from the progression graph', async () => {
    const response = await get('/me/next-step', 'amy');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('My next step');
    expect(response.body).toContain('What you still need for');
    expect(response.body).toContain('from the portfolio');
  });

  it('plans a route to a chosen goal in the step-by-step pattern', async () => {
    const picker = await get('/me/route', 'amy');
    expect(picker.statusCode).toBe(200);
    expect(picker.body).toContain('name="goal"');
    const routes = await get('/me/route?goal=HLTA_STATUS', 'amy');
    expect(routes.statusCode).toBe(200);
    expect(routes.body).toContain('data-testid="step-by-step"');
    // Issue 10: the headline counts steps of unknown length instead of showing "0 known months".
    expect(routes.body).toMatch(/data-testid="route-headline">[^<]*(months|steps? of unknown length)[^<]*</);
    expect(routes.body).not.toContain('known months');
    expect(routes.body).toContain('give the hours a week you can study');
    const wrong = await get('/me/route?goal=NOPE', 'amy');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#goal"');
  });

  it('saves the role-fit questionnaire, shows the report, and lets the line manager confirm it', async () => {
    const ta4 = context.catalogue
      .current()
      .children('TA4')
      .filter((i) => i.kind === 'duty');
    const form = { currentRole: 'TA2', ...Object.fromEntries(ta4.map((d) => [`duty:${d.code}`, 'regularly'])) };
    const saved = await post('/me/role-fit', 'amy', form);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe('/me/role-fit#report');
    const report = await get('/me/role-fit', 'amy');
    expect(report.body).toContain('data-testid="role-fit-report"');
    expect(report.body).toMatch(/data-testid="best-fit">TA4/);
    expect(report.body).toContain('Working above grade');
    expect(report.body).toContain('not a pay decision');
    expect(report.body).toContain('2/3');
    expect(report.body).toContain('href="/progression/print.css" media="print"');
    expect(report.body).not.toContain('Confirm this duty profile');

    const managerView = await get(`/people/${seed.ids.amy}/role-fit`, 'priya');
    expect(managerView.statusCode).toBe(200);
    expect(managerView.body).toContain('Confirm this duty profile');
    const profileId = /name="dutyProfileId" value="([^"]+)"/.exec(managerView.body)?.[1] ?? '';
    const confirmed = await post(`/people/${seed.ids.amy}/role-fit/confirm`, 'priya', { dutyProfileId: profileId });
    expect(confirmed.statusCode).toBe(303);
    expect((await get('/me/role-fit', 'amy')).body).toContain('Confirmed by line manager');
  });

  it('shows "at least one of the following:" as the lead-in to its alternatives, never as a duty to answer', async () => {
    const page = await get('/me/role-fit', 'amy');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="lead-in-TA3.D7"');
    expect(page.body).toContain('name="duty:TA3.D7a"');
    expect(page.body).not.toContain('name="duty:TA3.D7"');
    expect(page.body).not.toContain('name="duty:TA4.D7"');
    // TA4's SEN specialism is the same duty as TA3's (7a), so it is asked once.
    expect(page.body).not.toContain('name="duty:TA4.D7a"');
  });

  it('re-renders the questionnaire with errors for an invalid answer', async () => {
    const response = await post('/me/role-fit', 'amy', { currentRole: 'TA2', 'duty:TA2.D1': 'always' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#duty-TA2-D1"');
  });

  it("refuses a colleague and another trust's user on someone else's pages", async () => {
    for (const path of ['next-step', 'route', 'role-fit']) {
      expect((await get(`/people/${seed.ids.amy}/${path}`, 'sam')).statusCode).toBe(403);
      // Another trust's people are answered as unknown (404), so their ids cannot be confirmed.
      expect((await get(`/people/${seed.ids.amy}/${path}`, 'bea')).statusCode).toBe(404);
      expect((await get(`/people/${seed.ids.bea}/${path}`, 'priya')).statusCode).toBe(404);
    }
    expect((await post(`/people/${seed.ids.amy}/role-fit`, 'sam', { currentRole: 'TA2' })).statusCode).toBe(403);
    expect((await get(`/people/${seed.ids.amy}/next-step`, 'priya')).statusCode).toBe(200);
  });
});
