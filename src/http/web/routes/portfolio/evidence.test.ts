import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';

const now = new Date('2026-11-22T12:00:00Z');

describe.each(testDatabaseKinds())('evidence pages and API on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let own: SeededTrust;
  let other: SeededTrust;
  const cookies = { staff: '', manager: '', foreign: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const context = await buildTestContext(database, { clock: () => now });
    app = await buildServer(context, { logLevel: 'silent' });
    ({ own, other } = await seedTwoTrusts(database.kysely));
    cookies.staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, now);
    cookies.manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, now);
    cookies.foreign = await sessionCookie(database.kysely, other.users.line_manager.userId, other.trustId, now);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const base = () => `/people/${own.reportId}/portfolio/evidence`;
  const form = (fields: [string, string][]) => new URLSearchParams(fields).toString();
  const evidenceForm = (extra: [string, string][] = []) =>
    form([
      ['kind', 'reflective-account'],
      ['title', 'Settling Year 4 after lunch'],
      ['occurredOn-day', '12'],
      ['occurredOn-month', '10'],
      ['occurredOn-year', '2026'],
      ['body', 'I worked with Jamie Fox and the group on a calm start.'],
      ['claims', 'HLTA.26'],
      ...extra,
    ]);

  it('writes, submits after the anonymity check, and decides evidence through the forms', async () => {
    const editor = await get(`${base()}/new?filter=behaviour`, cookies.staff);
    expect(editor.statusCode).toBe(200);
    expect(editor.body).toContain('id="evidence-body"');
    expect(editor.body).toContain('id="evidence-suggestions"');
    expect(editor.body).toContain('value="HLTA.26"');

    const invalid = await postForm(
      app,
      `${base()}/new`,
      form([
        ['kind', 'reflective-account'],
        ['title', ''],
      ]),
      cookies.staff,
    );
    expect(invalid.statusCode).toBe(400);
    expect(invalid.body).toContain('There is a problem');
    expect(invalid.body).toContain('Enter a title');

    const suggested = await postForm(app, `${base()}/new`, evidenceForm([['action', 'suggest']]), cookies.staff);
    expect(suggested.statusCode).toBe(200);
    expect(suggested.body).toContain('Also claim related items');

    const saved = await postForm(app, `${base()}/new`, evidenceForm(), cookies.staff);
    expect(saved.statusCode).toBe(303);
    const url = String(saved.headers.location);
    expect(url).toMatch(new RegExp(`^${base()}/[0-9a-f-]{36}$`));

    const check = await get(`${url}/submit`, cookies.staff);
    expect(check.statusCode).toBe(200);
    expect(check.body).toContain('<mark>Jamie Fox</mark>');
    const unconfirmed = await postForm(app, `${url}/submit`, '', cookies.staff);
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.body).toContain('pupils cannot be identified');
    const submitted = await postForm(app, `${url}/submit`, form([['anonymised', 'yes']]), cookies.staff);
    expect(submitted.statusCode).toBe(303);

    // The author is never shown an actionable decision form.
    const asAuthor = await get(`${url}/decision`, cookies.staff);
    expect(asAuthor.statusCode).toBe(403);
    expect(
      (
        await postForm(
          app,
          `${url}/decision`,
          form([
            ['item-0', 'HLTA.26'],
            ['outcome-0', 'accepted'],
          ]),
          cookies.staff,
        )
      ).statusCode,
    ).toBe(403);
    expect((await get(`${url}/decision`, cookies.foreign)).statusCode).toBe(404);

    const queue = await get('/evidence-queue', cookies.manager);
    expect(queue.body).toContain('Settling Year 4 after lunch');
    const decision = await get(`${url}/decision`, cookies.manager);
    expect(decision.statusCode).toBe(200);
    expect(decision.body).toContain('Return with feedback');
    const noFeedback = await postForm(
      app,
      `${url}/decision`,
      form([
        ['item-0', 'HLTA.26'],
        ['outcome-0', 'returned'],
      ]),
      cookies.manager,
    );
    expect(noFeedback.statusCode).toBe(400);
    expect(noFeedback.body).toContain('Give feedback when you return a claim');
    const accepted = await postForm(
      app,
      `${url}/decision`,
      form([
        ['item-0', 'HLTA.26'],
        ['outcome-0', 'accepted'],
      ]),
      cookies.manager,
    );
    expect(accepted.statusCode).toBe(303);

    const judgements = await get(`/people/${own.reportId}/portfolio/judgements`, cookies.staff);
    expect(judgements.statusCode).toBe(200);
    expect(judgements.body).toContain('data-testid="judgement-HLTA.26"');
    expect(judgements.body).toContain('Met');
    const notifications = await get('/notifications', cookies.staff);
    expect(notifications.body).toContain('was reviewed: 1 accepted, 0 returned');
    expect((await postForm(app, '/notifications/read', '', cookies.staff)).statusCode).toBe(303);
    expect((await get('/notifications', cookies.staff)).body).toContain('0 unread');
  });

  it('serves the JSON API with the same rules', async () => {
    const api = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: unknown) =>
      app.inject({ method, url: `/api${url}`, headers: { cookie, 'sec-fetch-site': 'same-origin' }, ...(payload ? { payload } : {}) });
    const created = await api('POST', `/people/${own.reportId}/evidence`, cookies.staff, {
      kind: 'observation-record',
      title: 'Phonics group',
      occurredOn: '2026-11-01',
      body: 'Observed by the class teacher.',
      claims: ['HLTA.26', 'ST1414.S1'],
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (
        await api('PUT', `/people/${own.reportId}/evidence/${id}`, cookies.staff, {
          kind: 'observation-record',
          title: 'Phonics group (Year 1)',
          occurredOn: '2026-11-01',
          body: '',
          claims: ['HLTA.26', 'ST1414.S1'],
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (await api('POST', `/people/${own.reportId}/evidence/${id}/submit`, cookies.staff, { pupilsAnonymised: true })).json().status,
    ).toBe('submitted');
    expect((await api('GET', '/evidence-queue', cookies.manager)).json().queue.map((q: { id: string }) => q.id)).toContain(id);
    expect((await api('GET', `/people/${own.reportId}/evidence/${id}`, cookies.foreign)).statusCode).toBe(404);
    const bad = await api('POST', `/people/${own.reportId}/evidence/${id}/decision`, cookies.manager, {
      decisions: [{ itemCode: 'HLTA.26', outcome: 'returned' }],
    });
    expect(bad.statusCode).toBe(400);
    const decided = await api('POST', `/people/${own.reportId}/evidence/${id}/decision`, cookies.manager, {
      decisions: [
        { itemCode: 'HLTA.26', outcome: 'accepted' },
        { itemCode: 'ST1414.S1', outcome: 'returned', feedback: 'Which skill?' },
      ],
    });
    expect(decided.statusCode).toBe(200);
    expect(decided.json().claims.map((c: { status: string }) => c.status)).toEqual(['accepted', 'returned']);
    const observed = await api('POST', `/people/${own.reportId}/judgements`, cookies.manager, {
      itemCode: 'HLTA.1',
      value: 'developing',
      note: 'Seen today',
    });
    expect(observed.statusCode).toBe(201);
    expect((await api('POST', `/people/${own.reportId}/judgements`, cookies.staff, { itemCode: 'HLTA.1', value: 'met' })).statusCode).toBe(
      403,
    );
    const list = (await api('GET', `/people/${own.reportId}/judgements`, cookies.staff)).json();
    expect(list.judgements.map((j: { itemCode: string }) => j.itemCode)).toEqual(expect.arrayContaining(['HLTA.1', 'HLTA.26']));
    expect((await api('GET', '/notifications', cookies.staff)).json().unread).toBeGreaterThan(0);
    expect((await api('GET', `/people/${own.reportId}/evidence`, cookies.staff)).json().evidence.length).toBe(2);
  });
});
