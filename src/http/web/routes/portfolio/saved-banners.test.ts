import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';
import { FLASH_COOKIE } from '../../kit/flash.ts';

const now = new Date('2026-11-22T12:00:00Z');
const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();

/** The flash cookie a save set, to send with the page it redirects to, as a browser would. */
const flashOf = (response: LightMyRequestResponse): string => {
  const header = response.headers['set-cookie'];
  const cookie = (Array.isArray(header) ? header : [header ?? '']).find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  return cookie?.split(';')[0] ?? '';
};

/** The submit buttons of the form with `testId`, in document order: the first is what Enter in a text field presses. */
const submitButtonsOf = (html: string, testId: string): string[] => {
  const start = html.indexOf(`data-testid="${testId}"`);
  const form = html.slice(start, html.indexOf('</form>', start));
  return [...form.matchAll(/<button[^>]*type="submit"[^>]*>/g)].map((m) => m[0]);
};

describe.each(testDatabaseKinds())('portfolio saves: success banners and the default button on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let own: SeededTrust;
  const cookies = { staff: '', manager: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    let tick = 0;
    const context = await buildTestContext(database, { clock: () => new Date(now.getTime() + tick++ * 1000) });
    app = await buildServer(context, { logLevel: 'silent' });
    ({ own } = await seedTwoTrusts(database.kysely));
    cookies.staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, now);
    cookies.manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, now);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  /** Follows a save's redirect with its banner cookie, as the browser does, and answers the page it lands on. */
  const landing = (saved: LightMyRequestResponse, cookie: string) => {
    expect(saved.statusCode).toBe(303);
    return get(String(saved.headers.location), `${cookie}; ${flashOf(saved)}`);
  };
  const banner = (page: LightMyRequestResponse) =>
    /data-testid="flash"[\s\S]*?govuk-notification-banner__heading">\s*([^<]*?)\s*</.exec(page.body)?.[1];

  it('makes Save the CPD form’s default button, so Enter in the title records the activity rather than filtering the items', async () => {
    const base = `/people/${own.reportId}/portfolio/cpd`;
    const buttons = submitButtonsOf((await get(`${base}/new`, cookies.staff)).body, 'cpd-form');
    expect(buttons[0]).toContain('data-testid="default-submit"');
    expect(buttons[0]).not.toContain('name="action"');
    expect(buttons.some((b) => b.includes('value="filter"'))).toBe(true);

    // What the browser posts on Enter: the default button carries no action, so the form is saved.
    const saved = await postForm(
      app,
      `${base}/new`,
      form([
        ['title', 'Phonics refresher'],
        ['kind', 'course'],
        ['status', 'done'],
        ['occurredOn-day', '1'],
        ['occurredOn-month', '10'],
        ['occurredOn-year', '2026'],
        ['hours', '2'],
        ['minutes', '18'],
        ['filter', 'phonics'],
      ]),
      cookies.staff,
    );
    const log = await landing(saved, cookies.staff);
    expect(banner(log)).toBe('Activity recorded in the CPD log');
    // The banner is shown once.
    expect(banner(await get(base, cookies.staff))).toBeUndefined();

    // The overview says the time as a person would, from the minutes stored (138), never "2.3 hours".
    const overview = await get(`/people/${own.reportId}/portfolio`, cookies.staff);
    expect(overview.body).toContain('<strong data-testid="cpd-time">2 hours 18 minutes</strong>');
    expect(overview.body).not.toContain('2.3 hours');
  });

  it('makes Save the evidence editor’s default button, ahead of "Suggest items from my text"', async () => {
    const buttons = submitButtonsOf((await get(`/people/${own.reportId}/portfolio/evidence/new`, cookies.staff)).body, 'evidence-form');
    expect(buttons[0]).toContain('data-testid="default-submit"');
    expect(buttons[0]).toContain('value="save"');
    expect(buttons.findIndex((b) => b.includes('value="suggest"'))).toBeGreaterThan(0);
  });

  it('confirms each evidence save with a banner: draft saved, submitted, decided, and a judgement recorded', async () => {
    const base = `/people/${own.reportId}/portfolio/evidence`;
    const created = await postForm(
      app,
      `${base}/new`,
      form([
        ['kind', 'reflective-account'],
        ['title', 'Calm start after lunch'],
        ['occurredOn-day', '12'],
        ['occurredOn-month', '10'],
        ['occurredOn-year', '2026'],
        ['body', 'I settled the group with a calm start.'],
        ['claims', 'HLTA.26'],
        ['action', 'save'],
      ]),
      cookies.staff,
    );
    const editor = await landing(created, cookies.staff);
    expect(banner(editor)).toBe('Draft saved');
    const evidencePath = String(created.headers.location);

    const submitted = await postForm(app, `${evidencePath}/submit`, 'anonymised=yes', cookies.staff);
    expect(submitted.headers.location).toBe(evidencePath);
    expect(banner(await landing(submitted, cookies.staff))).toBe('Evidence submitted for a decision');

    const decided = await postForm(app, `${evidencePath}/decision`, 'item-0=HLTA.26&outcome-0=accepted&feedback-0=', cookies.manager);
    expect(decided.headers.location).toBe('/evidence-queue');
    expect(banner(await landing(decided, cookies.manager))).toBe('Decisions saved. The staff member has been told.');

    const observed = await postForm(
      app,
      `/people/${own.reportId}/portfolio/judgements`,
      'itemCode=HLTA.27&value=developing&note=Seen+in+class',
      cookies.manager,
    );
    expect(banner(await landing(observed, cookies.manager))).toBe('Judgement recorded');
  });

  it('confirms a recorded achievement and a recorded training completion with a banner', async () => {
    const achievement = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/new?kind=unit`,
      'title=Supporting+reading&level=2&credits=5&achievedOn-day=3&achievedOn-month=2&achievedOn-year=2026',
      cookies.staff,
    );
    expect(banner(await landing(achievement, cookies.staff))).toBe('Unit recorded');

    const training = await get(`/people/${own.reportId}/portfolio/training`, cookies.staff);
    const kindId = /<option value="([0-9a-f-]{36})"/.exec(training.body)?.[1] ?? '';
    const recorded = await postForm(
      app,
      `/people/${own.reportId}/portfolio/training`,
      `kindId=${kindId}&completedOn-day=3&completedOn-month=2&completedOn-year=2026`,
      cookies.staff,
    );
    expect(banner(await landing(recorded, cookies.staff))).toBe('Training recorded');
  });
});
