import { describe, expect, it } from 'vitest';
import { unstorableTextMessages } from '../contracts/text.ts';
import { testDatabaseKinds } from '../store/testing.ts';
import { useSeededServer } from './seeded-server.ts';
import { apiRequest, postForm } from './testing.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

describe.each(testDatabaseKinds())('text the database cannot store on %s', (kind) => {
  const server = useSeededServer(kind, { now: NOW });

  const nul = '%00';

  it('refuses a null character in every form, before and after sign-in, with a page that says why', async () => {
    const { app, own, cookies } = server;
    const staff = cookies.staff;
    const manager = cookies.line_manager;
    const admin = cookies.trust_admin;
    const person = `/people/${own.reportId}/portfolio`;
    const forms: [url: string, body: string, cookie: string][] = [
      ['/sign-in', `email=staff${nul}@example.com&password=secret`, ''],
      ['/password-reset', `email=staff${nul}@example.com`, ''],
      [`${person}/cpd/new`, `title=Phonics${nul}&kind=course&status=planned&hours=1&minutes=0`, staff],
      [
        `${person}/evidence/new`,
        `kind=reflective-account&title=Calm${nul}start&occurredOn-day=1&occurredOn-month=10&occurredOn-year=2026&body=x`,
        staff,
      ],
      [`${person}/reviews`, `academicYear=2026%2F27${nul}`, manager],
      [`${person}/judgements`, `itemCode=TA3.D1&value=met&note=Seen${nul}`, manager],
      [`/organisations/${own.trustId}/edit`, `name=Riverside${nul}`, admin],
      [`/organisations/${own.trustId}/schools/new`, `name=New${nul}School`, admin],
    ];
    for (const [url, body, cookie] of forms) {
      const response = await postForm(app, url, body, cookie);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain(unstorableTextMessages.null);
    }
    const search = await app.inject({ method: 'GET', url: `/search?q=phonics${nul}` });
    expect(search.statusCode).toBe(400);
  });

  it('refuses a null character or a lone surrogate in an API body with invalid_text naming the field', async () => {
    const { app, own, cookies } = server;
    const staff = cookies.staff;
    const cases: [url: string, body: Record<string, unknown>, cookie: string, where: string, message: string][] = [
      ['/api/session', { email: 'staff\u0000@example.com', password: 'secret' }, '', 'body/email', unstorableTextMessages.null],
      [
        `/api/people/${own.reportId}/cpd`,
        { title: 'Phonics \u0000', kind: 'course', status: 'planned', minutes: 0 },
        staff,
        'body/title',
        unstorableTextMessages.null,
      ],
      [
        `/api/people/${own.reportId}/cpd`,
        { title: 'Phonics \ud800', kind: 'course', status: 'planned', minutes: 0 },
        staff,
        'body/title',
        unstorableTextMessages.surrogate,
      ],
      [
        `/api/people/${own.reportId}/evidence`,
        { kind: 'reflective-account', title: 'Calm', occurredOn: '2026-10-01', body: 'x', claims: ['TA3.D1\u0000'] },
        staff,
        'body/claims/0',
        unstorableTextMessages.null,
      ],
    ];
    for (const [url, body, cookie, where, message] of cases) {
      const response = await apiRequest(app, 'POST', url, cookie, body);
      expect({ url, status: response.statusCode }).toEqual({ url, status: 400 });
      expect(response.json()).toEqual({ error: { code: 'invalid_text', message, details: [{ where, reason: message }] } });
    }
    // Ordinary text, accents and emoji included, still goes through.
    const fine = await apiRequest(app, 'POST', `/api/people/${own.reportId}/cpd`, staff, {
      title: 'Phonics – Zoë 📚',
      kind: 'course',
      status: 'planned',
      minutes: 0,
    });
    expect(fine.statusCode).toBe(201);
  });
});
