import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { apiRequest, postForm, sessionCookie } from '../../../testing.ts';

describe.each(testDatabaseKinds())('achievements pages and API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let own: SeededTrust;
  const cookies: Record<string, string> = {};
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const context = await buildTestContext(database, { clock: () => new Date('2026-11-22T10:00:00Z') });
    ({ own } = await seedTwoTrusts(database.kysely));
    app = await buildServer(context);
    for (const role of ['staff', 'line_manager', 'school_admin'] as const)
      cookies[role] = await sessionCookie(database.kysely, own.users[role].userId, own.trustId);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const page = (cookie: string) =>
    app.inject({ method: 'GET', url: `/people/${own.reportId}/portfolio/achievements`, headers: { cookie: cookie } });

  it('adds a catalogue qualification from the form and shows it with the credit sentence', async () => {
    const form = await app.inject({
      method: 'GET',
      url: `/people/${own.reportId}/portfolio/achievements/new?kind=qualification`,
      headers: { cookie: cookies.staff ?? '' },
    });
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('<optgroup label="Level 3">');
    const posted = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/new?kind=qualification`,
      'source=catalogue&qualificationId=QCF.L3-CERT-STL&achievedOn-day=1&achievedOn-month=7&achievedOn-year=2024',
      cookies.staff ?? '',
    );
    expect(posted.statusCode).toBe(303);
    const unit = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/new?kind=unit`,
      'title=Supporting+reading&level=3&credits=4&awardingOrganisation=NCFE&achievedOn-day=2&achievedOn-month=9&achievedOn-year=2023',
      cookies.staff ?? '',
    );
    expect(unit.statusCode).toBe(303);
    const shown = await page(cookies.line_manager ?? '');
    expect(shown.statusCode).toBe(200);
    expect(shown.body).toContain('Level 3 Certificate in Supporting Teaching and Learning');
    expect(shown.body).toContain('Supporting reading');
    expect(shown.body).toMatch(/Your \d+ credits at Level 3 or above are the size of a/);
    expect(shown.body).not.toContain('Add a qualification');
    expect(shown.body).toContain('0 of 33 standards judged met');
    expect(shown.body).not.toContain('hlta-award-form');
  });

  it('re-shows a refused form with the GOV.UK error summary', async () => {
    const posted = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/new?kind=subject`,
      'subject=english&schemeGrade=functional-skills%3A%3ANOPE',
      cookies.staff ?? '',
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('There is a problem');
    expect(posted.body).toContain('href="#schemeGrade"');
  });

  it('names the part missing from a partly typed date and keeps what was typed', async () => {
    const posted = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/new?kind=unit`,
      'title=Supporting+maths&level=2&credits=5&achievedOn-day=3&achievedOn-year=2026',
      cookies.staff ?? '',
    );
    expect(posted.statusCode).toBe(400);
    expect(posted.body).toContain('The date achieved must include a month');
    expect(posted.body).toContain('href="#achievedOn-day"');
    expect(posted.body).toContain('value="Supporting maths"');
    expect((await page(cookies.staff ?? '')).body).not.toContain('Supporting maths');
  });

  it('records a grade and the flags, and removes an achievement', async () => {
    expect(
      (
        await postForm(
          app,
          `/people/${own.reportId}/portfolio/achievements/new?kind=subject`,
          'subject=maths&schemeGrade=gcse-9-1%3A%3A4',
          cookies.staff ?? '',
        )
      ).statusCode,
    ).toBe(303);
    expect(
      (await postForm(app, `/people/${own.reportId}/portfolio/achievements/flags`, 'flags=bsl', cookies.school_admin ?? '')).statusCode,
    ).toBe(303);
    const api = await app.inject({
      method: 'GET',
      url: `/api/people/${own.reportId}/achievements`,
      headers: { cookie: cookies.staff ?? '' },
    });
    expect(api.statusCode).toBe(200);
    const body = api.json<{ achievements: { id: string; details: { kind: string } }[]; flags: { bsl: boolean } }>();
    expect(body.flags.bsl).toBe(true);
    const grade = body.achievements.find((a) => a.details.kind === 'subject');
    const removed = await postForm(app, `/people/${own.reportId}/portfolio/achievements/${grade?.id}/remove`, '', cookies.staff ?? '');
    expect(removed.statusCode).toBe(303);
    const refused = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/${grade?.id}/remove`,
      '',
      cookies.line_manager ?? '',
    );
    expect(refused.statusCode).toBe(403);
  });

  it('takes achievements over the API and refuses the HLTA award to a school admin who is not the headteacher', async () => {
    const created = await apiRequest(app, 'POST', `/api/people/${own.reportId}/achievements`, cookies.staff ?? '', {
      kind: 'degree',
      degree: 'foundation-degree',
      level: 5,
      credits: 240,
      achievedOn: '2025-07-01',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const deleted = await apiRequest(app, 'DELETE', `/api/people/${own.reportId}/achievements/${id}`, cookies.staff ?? '');
    expect(deleted.statusCode).toBe(204);
    const award = await apiRequest(app, 'POST', `/api/people/${own.reportId}/hlta-status`, cookies.school_admin ?? '', {
      awardedOn: '2026-11-01',
    });
    expect(award.statusCode).toBe(403);
  });

  it('shows the headteacher the award form and refuses the award, with the error summary, while standards are unmet', async () => {
    await database.kysely
      .updateTable('role_assignments')
      .set({ headteacher: true })
      .where('user_id', '=', own.users.school_admin.userId)
      .execute();
    const head = await sessionCookie(database.kysely, own.users.school_admin.userId, own.trustId);
    const shown = await page(head);
    expect(shown.body).toContain('hlta-award-form');
    const refused = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/hlta-status`,
      'awardedOn-day=1&awardedOn-month=11&awardedOn-year=2026',
      head,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('0 of 33 are');
    await database.kysely
      .updateTable('role_assignments')
      .set({ headteacher: false })
      .where('user_id', '=', own.users.school_admin.userId)
      .execute();
  });

  it('records HLTA status from external assessment beside the school recognition, re-showing a refused form with its errors', async () => {
    const shown = await page(cookies.staff ?? '');
    expect(shown.body).toContain('data-testid="hlta-external-form"');
    expect(shown.body).not.toContain('no national register');
    const refused = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/hlta-status/external`,
      'provider=&assessedOn-day=10&assessedOn-month=6&assessedOn-year=2025&awardedOn-day=1&awardedOn-month=7&awardedOn-year=2025',
      cookies.staff ?? '',
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('href="#external-provider"');
    const posted = await postForm(
      app,
      `/people/${own.reportId}/portfolio/achievements/hlta-status/external`,
      'provider=HLTA+North+of+England&certificateNumber=HNAP-77&assessedOn-day=10&assessedOn-month=6&assessedOn-year=2025&awardedOn-day=1&awardedOn-month=7&awardedOn-year=2025',
      cookies.staff ?? '',
    );
    expect(posted.statusCode).toBe(303);
    const after = await page(cookies.line_manager ?? '');
    expect(after.body).toMatch(/data-testid="hlta-external"[\s\S]*HLTA North of England[\s\S]*assessed 10 June 2025/);
    expect(after.body).toContain('certificate HNAP-77');
    const again = await apiRequest(app, 'POST', `/api/people/${own.reportId}/hlta-status/external`, cookies.staff ?? '', {
      provider: 'HLTA North of England',
      assessedOn: '2025-06-10',
      awardedOn: '2025-07-01',
    });
    expect(again.statusCode).toBe(409);
  });
});
