import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../store/database.ts';
import { openTestDatabase, testDatabaseKinds } from '../../../../store/testing.ts';
import { buildTestContext } from '../../../../testing/context.ts';
import { type SeededTrust, seedTwoTrusts } from '../../../../testing/two-trusts.ts';
import { buildServer } from '../../../server.ts';
import { postForm, sessionCookie } from '../../../testing.ts';
import { unlabelledItemCodes, visibleTextOf } from '../../unlabelled-codes.ts';

const now = new Date('2026-11-22T12:00:00Z');
const HLTA_17 = 'HLTA.17 — use their area(s) of expertise to contribute to the planning and preparation of learning activities';
const HLTA_26 = 'HLTA.26 — use effective strategies to promote positive behaviour';

/** Issue 9: items are shown with their wording, and filtering the items while writing evidence keeps the draft. */
describe.each(testDatabaseKinds())('items in words, and the evidence draft kept while filtering, on %s', (kind) => {
  let database: Database;
  let app: FastifyInstance;
  let own: SeededTrust;
  const cookies = { staff: '', manager: '' };

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    app = await buildServer(await buildTestContext(database, { clock: () => now }), { logLevel: 'silent' });
    ({ own } = await seedTwoTrusts(database.kysely));
    cookies.staff = await sessionCookie(database.kysely, own.users.staff.userId, own.trustId, now);
    cookies.manager = await sessionCookie(database.kysely, own.users.line_manager.userId, own.trustId, now);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const get = (url: string, cookie: string) => app.inject({ method: 'GET', url, headers: { cookie } });
  const base = () => `/people/${own.reportId}/portfolio/evidence`;
  const typed: [string, string][] = [
    ['kind', 'observation-record'],
    ['title', 'Planning the phonics group'],
    ['occurredOn-day', '3'],
    ['occurredOn-month', '11'],
    ['occurredOn-year', '2026'],
    ['body', 'I planned the group activity with the class teacher, using what I know about early reading.'],
    ['claims', 'HLTA.17'],
  ];
  const encoded = (fields: [string, string][]) => new URLSearchParams(fields).toString();
  const noCodesWithoutWording = (html: string) => expect(unlabelledItemCodes(visibleTextOf(html))).toEqual([]);

  it('filters the items inside the form: everything typed and ticked comes back, nothing is saved', async () => {
    const filtered = await postForm(
      app,
      `${base()}/new`,
      encoded([...typed, ['filter', 'behaviour'], ['action', 'filter']]),
      cookies.staff,
    );
    expect(filtered.statusCode).toBe(200);
    const html = filtered.body;
    expect(html).toContain('value="Planning the phonics group"');
    expect(html).toContain('I planned the group activity with the class teacher, using what I know about early reading.');
    expect(html).toMatch(
      /name="occurredOn-day" type="text" value="3"|value="3"[^>]*name="occurredOn-day"|name="occurredOn-day"[^>]*value="3"/,
    );
    expect(html).toMatch(/value="observation-record" checked/);
    expect(html).toMatch(/value="HLTA\.17" checked/);
    expect(html).toContain('value="behaviour"');
    // A behaviour item is shown (not hidden) and every item is labelled with its wording.
    expect(html).toMatch(/<div class="govuk-checkboxes__item" data-item-picker-item data-search="[^"]*behaviour[^"]*">/);
    expect(html).toContain(HLTA_17);
    // The filter is a button of the evidence form, not a link or a form of its own that would lose the draft.
    const button = html.match(/<button[^>]*data-testid="filter-items"[^>]*>/)?.[0] ?? '';
    expect(button).toContain('name="action"');
    expect(button).toContain('value="filter"');
    expect(
      html.slice(html.indexOf('data-testid="evidence-form"'), html.indexOf('</form>', html.indexOf('data-testid="evidence-form"'))),
    ).toContain(button);
    expect(html).not.toContain('?framework=');
    expect(html).not.toContain('method="get"');
    const list = await get(base(), cookies.staff);
    expect(list.body).not.toContain('Planning the phonics group');

    const saved = await postForm(app, `${base()}/new`, encoded([...typed, ['claims', 'HLTA.26'], ['filter', 'behaviour']]), cookies.staff);
    expect(saved.statusCode).toBe(303);
    const editor = await get(String(saved.headers.location), cookies.staff);
    expect(editor.body).toMatch(/value="HLTA\.17" checked/);
    expect(editor.body).toMatch(/value="HLTA\.26" checked/);
  });

  it('shows the statement beside each code on the decision form, the evidence page and the judgements', async () => {
    const saved = await postForm(app, `${base()}/new`, encoded([...typed, ['claims', 'HLTA.26']]), cookies.staff);
    const url = String(saved.headers.location);
    expect((await postForm(app, `${url}/submit`, encoded([['anonymised', 'yes']]), cookies.staff)).statusCode).toBe(303);

    const decision = await get(`${url}/decision`, cookies.manager);
    expect(decision.statusCode).toBe(200);
    expect(decision.body).toContain(HLTA_17);
    expect(decision.body).toContain(HLTA_26);
    expect(decision.body).not.toContain('HLTA.17 HLTA.17');
    noCodesWithoutWording(decision.body);

    const missing = await postForm(app, `${url}/decision`, encoded([['item-0', 'HLTA.17']]), cookies.manager);
    expect(missing.statusCode).toBe(400);
    noCodesWithoutWording(missing.body);

    const view = await get(url, cookies.manager);
    expect(view.body).toContain(HLTA_17);
    noCodesWithoutWording(view.body);

    const decided = await postForm(
      app,
      `${url}/decision`,
      encoded([
        ['item-0', 'HLTA.17'],
        ['outcome-0', 'accepted'],
        ['item-1', 'HLTA.26'],
        ['outcome-1', 'accepted'],
      ]),
      cookies.manager,
    );
    expect(decided.statusCode).toBe(303);

    for (const cookie of [cookies.staff, cookies.manager]) {
      const judgements = await get(`/people/${own.reportId}/portfolio/judgements`, cookie);
      expect(judgements.statusCode).toBe(200);
      expect(judgements.body).toContain(HLTA_17);
      expect(judgements.body).toContain(HLTA_26);
      noCodesWithoutWording(judgements.body);
    }
    noCodesWithoutWording((await get(url, cookies.staff)).body);
    noCodesWithoutWording((await get(base(), cookies.staff)).body);
  });

  it('picks the observed item from the list, filtering without losing the note, instead of typing a code', async () => {
    const url = `/people/${own.reportId}/portfolio/judgements`;
    const page = await get(url, cookies.manager);
    expect(page.body).not.toContain('name="itemCode" type="text"');
    expect(page.body).toMatch(/type="radio" value="HLTA\.26"/);
    const filtered = await postForm(
      app,
      url,
      encoded([
        ['itemCode', 'HLTA.17'],
        ['value', 'developing'],
        ['note', 'Planned the group well with the teacher'],
        ['filter', 'behaviour'],
        ['action', 'filter'],
      ]),
      cookies.manager,
    );
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain('Planned the group well with the teacher');
    expect(filtered.body).toMatch(/value="HLTA\.17" checked/);
    expect(filtered.body).toMatch(/value="developing" checked/);
    noCodesWithoutWording(filtered.body);
    const recorded = await postForm(
      app,
      url,
      encoded([
        ['itemCode', 'HLTA.26'],
        ['value', 'developing'],
        ['note', 'Calm countdown seen'],
      ]),
      cookies.manager,
    );
    expect(recorded.statusCode).toBe(303);
    expect((await get(url, cookies.staff)).body).toContain(HLTA_26);
  });

  it('links CPD to items picked from the list, shown with their wording in the log', async () => {
    const cpd = `/people/${own.reportId}/portfolio/cpd`;
    const form = await get(`${cpd}/new`, cookies.staff);
    expect(form.body).not.toContain('id="itemCodes" name="itemCodes" type="text"');
    const activity: [string, string][] = [
      ['title', 'Behaviour course'],
      ['kind', 'course'],
      ['status', 'done'],
      ['occurredOn-day', '2'],
      ['occurredOn-month', '10'],
      ['occurredOn-year', '2026'],
      ['hours', '2'],
      ['minutes', '0'],
      ['itemCodes', 'HLTA.26'],
    ];
    const filtered = await postForm(app, `${cpd}/new`, encoded([...activity, ['filter', 'planning'], ['action', 'filter']]), cookies.staff);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain('value="Behaviour course"');
    expect(filtered.body).toMatch(/value="HLTA\.26" checked/);
    expect((await get(cpd, cookies.staff)).body).not.toContain('Behaviour course');
    expect((await postForm(app, `${cpd}/new`, encoded([...activity, ['itemCodes', 'HLTA.17']]), cookies.staff)).statusCode).toBe(303);
    const log = await get(cpd, cookies.staff);
    expect(log.body).toContain(HLTA_26);
    expect(log.body).toContain(HLTA_17);
    noCodesWithoutWording(log.body);
  });

  it('links a review objective to items picked from the list, keeping the objective typed while filtering', async () => {
    const reviews = `/people/${own.reportId}/portfolio/reviews`;
    const started = await postForm(app, reviews, '', cookies.manager);
    expect(started.statusCode).toBe(303);
    const cycle = String(started.headers.location);
    const page = await get(cycle, cookies.manager);
    expect(page.body).not.toContain('id="objective-items" name="itemCodes" type="text"');
    noCodesWithoutWording(page.body);
    const objective: [string, string][] = [
      ['action', 'objective'],
      ['title', 'Lead the behaviour plan'],
      ['description', 'With the SENCo'],
      ['itemCodes', 'HLTA.26'],
    ];
    const filtered = await postForm(app, cycle, encoded([...objective, ['filter', 'planning'], ['action', 'filter']]), cookies.manager);
    expect(filtered.statusCode).toBe(200);
    expect(filtered.body).toContain('value="Lead the behaviour plan"');
    expect(filtered.body).toContain('With the SENCo');
    expect(filtered.body).toMatch(/value="HLTA\.26" checked/);
    expect((await postForm(app, cycle, encoded([...objective, ['itemCodes', 'HLTA.17']]), cookies.manager)).statusCode).toBe(303);
    const shown = await get(cycle, cookies.staff);
    expect(shown.body).toContain(HLTA_26);
    expect(shown.body).toContain(HLTA_17);
    noCodesWithoutWording(shown.body);
  });
});
