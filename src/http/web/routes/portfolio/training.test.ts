import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { training } from '../../../../store/training.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { apiRequest, postForm, sessionCookie } from '../../../testing.ts';

describe.each(testDatabaseKinds())('the mandatory training pages and API on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const cookies: Record<string, string> = {};
  const now = new Date('2026-11-22T12:00:00Z');
  const get = (url: string, as: string) => app.inject({ method: 'GET', url, headers: { cookie: cookies[as] ?? '' } });
  const kindId = async (code: string) => (await training(database.kysely).kinds(seeded.own.trustId)).find((k) => k.code === code)?.id ?? '';

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    app = await buildServer(await buildTestContext(database, { clock: () => now }));
    for (const role of ['staff', 'school_admin', 'trust_admin', 'line_manager'] as const)
      cookies[role] = await sessionCookie(database.kysely, seeded.own.users[role].userId, seeded.own.trustId, now);
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('shows a staff member their training, with the portfolio tabs, and records a completion from the form', async () => {
    const page = await get(`/people/${seeded.own.reportId}/portfolio/training`, 'staff');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-testid="portfolio-tabs"');
    expect(page.body).toContain('Safeguarding and child protection');
    expect(page.body).toContain('data-testid="record-training"');
    expect(page.body).toContain('data-testid="no-history"');
    const firstAid = await kindId('first-aid');
    const posted = await postForm(
      app,
      `/people/${seeded.own.reportId}/portfolio/training`,
      `kindId=${firstAid}&completedOn-day=3&completedOn-month=2&completedOn-year=2026&provider=Red+Cross`,
      cookies.staff ?? '',
    );
    expect(posted.statusCode).toBe(303);
    const after = await get(`/people/${seeded.own.reportId}/portfolio/training`, 'staff');
    expect(after.body).toContain('Completed 3 February 2026 with Red Cross; expires 3 February 2029.');
    expect(after.body).toContain('data-testid="attachment-upload"');
    expect(after.body).not.toContain('data-testid="no-history"');
  });

  it('re-shows the form with the GOV.UK error summary when the date is wrong', async () => {
    const response = await postForm(
      app,
      `/people/${seeded.own.reportId}/portfolio/training`,
      `kindId=${await kindId('first-aid')}&completedOn-day=31&completedOn-month=2&completedOn-year=2026`,
      cookies.staff ?? '',
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toContain('href="#completedOn-day"');
  });

  it('names the part missing from a partly typed date, keeps what was typed and records nothing', async () => {
    const before = await get(`/people/${seeded.own.reportId}/portfolio/training`, 'staff');
    const response = await postForm(
      app,
      `/people/${seeded.own.reportId}/portfolio/training`,
      `kindId=${await kindId('first-aid')}&completedOn-day=3&completedOn-year=2026&provider=St+John`,
      cookies.staff ?? '',
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('The date completed must include a month');
    expect(response.body).toContain('href="#completedOn-day"');
    expect(response.body).toContain('value="St John"');
    const after = await get(`/people/${seeded.own.reportId}/portfolio/training`, 'staff');
    expect(after.body.match(/Completed /g)?.length ?? 0).toBe(before.body.match(/Completed /g)?.length ?? 0);
  });

  it('shows the line manager the page without the form', async () => {
    const page = await get(`/people/${seeded.own.reportId}/portfolio/training`, 'line_manager');
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('data-testid="record-training"');
  });

  it('shows a school admin who needs attention, filtered by window and kind, and downloads it formula-safe', async () => {
    await database.kysely.updateTable('people').set({ given_name: '=HYPERLINK("x")' }).where('id', '=', seeded.own.otherPersonId).execute();
    const safeguarding = await kindId('safeguarding');
    await training(database.kysely).insertRecord({
      id: crypto.randomUUID(),
      trustId: seeded.own.trustId,
      personId: seeded.own.otherPersonId,
      kindId: safeguarding,
      completedOn: '2026-01-10',
      expiresOn: '2027-01-10',
      provider: null,
      recordedBy: seeded.own.users.school_admin.userId,
      recordedAt: now,
    });
    const at30 = await get(`/organisations/${seeded.own.schoolId}/training?window=30&kind=${safeguarding}`, 'school_admin');
    expect(at30.statusCode).toBe(200);
    expect(at30.body).toMatch(/data-testid="count-expiring">0</);
    const at60 = await get(`/organisations/${seeded.own.schoolId}/training?window=60&kind=${safeguarding}`, 'school_admin');
    expect(at60.body).toMatch(/data-testid="count-expiring">1</);
    expect(at60.body).toContain('Expires in 49 days');
    const csv = await get(`/organisations/${seeded.own.schoolId}/training.csv?window=60&kind=${safeguarding}`, 'school_admin');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="training-2026-11-22-60-days\.csv"$/);
    expect(csv.body).toContain(
      `"'=HYPERLINK(""x"") Person",Safeguarding and child protection (including online safety),Expiring,2026-01-10,2027-01-10`,
    );
    expect((await get(`/organisations/${seeded.own.schoolId}/training`, 'line_manager')).statusCode).toBe(403);
  });

  it('lets the trust admin change a validity period and add a kind on the settings page', async () => {
    const url = `/organisations/${seeded.own.trustId}/training/settings`;
    const page = await get(url, 'trust_admin');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('UNISON and National Education Trust career framework guidance, Appendix 3');
    expect(page.body).toContain('Supporting pupils at school with medical conditions (statutory guidance)');
    expect(page.body).not.toContain('Seed 003');
    const asthma = await kindId('asthma');
    expect((await postForm(app, url, `action=update&kindId=${asthma}&validityMonths=18`, cookies.trust_admin ?? '')).statusCode).toBe(303);
    expect((await training(database.kysely).findKind(seeded.own.trustId, asthma))?.validityMonths).toBe(18);
    const bad = await postForm(app, url, `action=update&kindId=${asthma}&validityMonths=0`, cookies.trust_admin ?? '');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain(`href="#validity-${asthma}"`);
    expect(
      (await postForm(app, url, 'action=add&title=Minibus+driving&validityMonths=48&appliesTo=as-needed', cookies.trust_admin ?? ''))
        .statusCode,
    ).toBe(303);
    expect((await training(database.kysely).kinds(seeded.own.trustId)).some((k) => k.title === 'Minibus driving')).toBe(true);
    expect((await get(url, 'school_admin')).statusCode).toBe(403);
  });

  it('records and lists training through the API', async () => {
    const created = await apiRequest(app, 'POST', `/api/people/${seeded.own.reportId}/training`, cookies.school_admin ?? '', {
      kindId: await kindId('data-protection'),
      completedOn: '2025-11-30',
      provider: 'ICO e-learning',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ completedOn: '2025-11-30', expiresOn: '2027-11-30', provider: 'ICO e-learning' });
    const person = await get(`/api/people/${seeded.own.reportId}/training`, 'line_manager');
    expect(person.statusCode).toBe(200);
    const dataProtection = person.json().kinds.find((k: { kind: { code: string } }) => k.kind.code === 'data-protection');
    expect(dataProtection.status).toEqual({ status: 'valid', expiresOn: '2027-11-30' });
    const school = await get(`/api/organisations/${seeded.own.schoolId}/training?window=90`, 'school_admin');
    expect(school.statusCode).toBe(200);
    expect(school.json().window).toBe(90);
    const kinds = await get(`/api/organisations/${seeded.own.trustId}/training-kinds`, 'trust_admin');
    expect(kinds.json().kinds.length).toBeGreaterThanOrEqual(10);
  });
});
