import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { apiRequest, postForm, sessionCookie } from '../../../testing.ts';

const NOW = new Date('2026-12-03T10:00:00Z');

describe.each(testDatabaseKinds())('the specialisms page and API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let own: SeededTrust;
  let staff: string;
  let manager: string;
  let otherAdmin: string;
  const page = () => `/people/${own.reportId}/portfolio/specialisms`;
  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    let other: SeededTrust;
    ({ own, other } = await seedTwoTrusts(database.kysely));
    await database.kysely.updateTable('people').set({ specialisms: [] }).where('id', '=', own.reportId).execute();
    const context = await buildTestContext(database, { clock: () => NOW });
    app = await buildServer(context, { logLevel: 'silent' });
    staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, NOW);
    manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, NOW);
    otherAdmin = await sessionCookie(database.kysely, other.users.trust_admin.userId, other.trustId, NOW);
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('links the next step’s specialism rule to the page, which the staff member ticks, saves and sees confirmed', async () => {
    const nextStep = await get(`/people/${own.reportId}/next-step`, staff);
    expect(nextStep.statusCode).toBe(200);
    expect(nextStep.body).toContain(`href="${page()}" data-testid="specialisms-link"`);

    const form = await get(page(), staff);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="letters" type="checkbox" value="b"');
    expect(form.body).toContain('Provide specialist support to pupils where English is not their first language');

    const saved = await postForm(app, page(), 'letters=b', staff);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page()}?saved=recorded`);
    const banner = await get(String(saved.headers.location), staff);
    expect(banner.body).toContain('govuk-notification-banner--success');
    expect(banner.body).toContain('Awaiting confirmation');

    // The gap says the recorded specialism waits for the manager.
    const waiting = await get(`/people/${own.reportId}/next-step`, staff);
    expect(waiting.body).toContain('data-testid="specialisms-awaiting"');
    const route = await get(`/people/${own.reportId}/route?goal=TA4`, staff);
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain(`href="${page()}" data-testid="specialisms-link"`);

    // The manager confirms it through the page.
    const managerPage = await get(page(), manager);
    const recordId = /portfolio\/specialisms\/([0-9a-f-]{36})\/decision/.exec(managerPage.body)?.[1];
    expect(recordId).toBeDefined();
    const unchosen = await postForm(app, `${page()}/${recordId}/decision`, 'note=', manager);
    expect(unchosen.statusCode).toBe(400);
    expect(unchosen.body).toContain('Choose whether to confirm or decline');
    const declineWithoutNote = await postForm(app, `${page()}/${recordId}/decision`, 'decision=decline&note=', manager);
    expect(declineWithoutNote.statusCode).toBe(400);
    expect(declineWithoutNote.body).toContain('Say why the specialism is declined');
    // The error sits on the note, and the chosen decision stays chosen.
    expect(declineWithoutNote.body).toContain(`id="note-${recordId}-error"`);
    expect(declineWithoutNote.body).toMatch(/value="decline" checked/);
    const confirmed = await postForm(app, `${page()}/${recordId}/decision`, 'decision=confirm', manager);
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe(`${page()}?saved=confirmed`);

    const after = await get(`/people/${own.reportId}/next-step`, staff);
    expect(after.body).not.toContain('data-testid="specialisms-awaiting"');
    const history = await get(page(), staff);
    expect(history.body).toMatch(/Confirmed by alpha linemanager on 3 December 2026/);
  });

  it('answers the API under its strict contract, and another trust with 404', async () => {
    const read = await apiRequest(app, 'GET', `/api/people/${own.reportId}/specialisms`, staff);
    expect(read.statusCode).toBe(200);
    expect(read.json().specialisms.map((s: { letter: string }) => s.letter)).toEqual(['a', 'b', 'c', 'd']);
    const extra = await apiRequest(app, 'PUT', `/api/people/${own.reportId}/specialisms`, staff, { letters: ['d'], approved: true });
    expect(extra.statusCode).toBe(400);
    const put = await apiRequest(app, 'PUT', `/api/people/${own.reportId}/specialisms`, staff, { letters: ['b', 'd'] });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ recorded: ['d'], withdrawn: [] });
    const d = (await apiRequest(app, 'GET', `/api/people/${own.reportId}/specialisms`, manager))
      .json()
      .specialisms.find((s: { letter: string }) => s.letter === 'd');
    expect(d.status).toBe('awaiting');
    const self = await apiRequest(app, 'POST', `/api/people/${own.reportId}/specialisms/${d.recordId}/decision`, staff, {
      decision: 'confirm',
    });
    expect(self.statusCode).toBe(403);
    const foreign = await apiRequest(app, 'POST', `/api/people/${own.reportId}/specialisms/${d.recordId}/decision`, otherAdmin, {
      decision: 'confirm',
    });
    expect(foreign.statusCode).toBe(404);
    expect((await get(page(), otherAdmin)).statusCode).toBe(404);
    const declined = await apiRequest(app, 'POST', `/api/people/${own.reportId}/specialisms/${d.recordId}/decision`, manager, {
      decision: 'decline',
      note: 'Not in your timetable this year',
    });
    expect(declined.statusCode).toBe(200);
    expect(declined.json()).toMatchObject({ status: 'declined', decisionNote: 'Not in your timetable this year' });
  });
});
