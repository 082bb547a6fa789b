import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTwoTrusts } from '../../../testing/two-trusts.ts';
import { buildServer } from '../../server.ts';
import { postForm, sessionCookie } from '../../testing.ts';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The text a reader sees in the page's main content (markup, attributes and links' targets removed). */
const visibleText = (html: string) =>
  (html.split('<main')[1] ?? '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<\/?a\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe.each(testDatabaseKinds())('the audit log page on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    await database.kysely
      .updateTable('people')
      .set({ given_name: 'Olivia', family_name: 'Grant' })
      .where('id', '=', seeded.own.users.trust_admin.personId)
      .execute();
    await database.kysely
      .updateTable('people')
      .set({ given_name: 'Amy', family_name: 'Clarke' })
      .where('id', '=', seeded.own.users.assessor.personId)
      .execute();
    app = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
    const admin = await sessionCookie(database.kysely, seeded.own.users.trust_admin.userId, seeded.own.trustId);
    expect((await postForm(app, `/users/${seeded.own.users.assessor.userId}/disable`, '', admin)).statusCode).toBe(303);
    const otherAdmin = await sessionCookie(database.kysely, seeded.other.users.trust_admin.userId, seeded.other.trustId);
    expect((await postForm(app, `/users/${seeded.other.users.assessor.userId}/disable`, '', otherAdmin)).statusCode).toBe(303);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  const page = async (url: string) => {
    const cookie = await sessionCookie(database.kysely, seeded.own.users.trust_admin.userId, seeded.own.trustId);
    const response = await app.inject({ url, headers: { cookie } });
    expect(response.statusCode).toBe(200);
    return response.body;
  };

  it('reads as a history in words, with no ids and no JSON, and dates in UK time', async () => {
    const body = await page('/audit');
    const text = visibleText(body);
    expect(text).toContain('Olivia Grant disabled Amy Clarke’s account');
    expect(text).not.toMatch(uuid);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toContain('account.disabled');
    // The change as before/after fields.
    expect(text).toMatch(/Field Before After Disabled at None \d{1,2} [A-Z][a-z]+ 20\d\d at (\d{1,2}:\d\d(am|pm)|midnight|midday)/);
    expect(body).toContain(`href="/people/${seeded.own.users.assessor.personId}"`);
  });

  it('filters by person and by action, both chosen by name', async () => {
    const body = await page('/audit');
    expect(body).toMatch(new RegExp(`<option value="${seeded.own.users.trust_admin.userId}"\\s*>Olivia Grant</option>`));
    expect(body).toMatch(/<option value="account.disabled"\s*>Account disabled<\/option>/);
    const filtered = visibleText(await page(`/audit?actor=${seeded.own.users.trust_admin.userId}&action=account.disabled`));
    expect(filtered).toContain('1 event ');
    expect(filtered).toContain('Olivia Grant disabled Amy Clarke’s account');
  });

  it('shows a trust admin their own trust only', async () => {
    const text = visibleText(await page('/audit'));
    expect(text).not.toContain('beta');
    expect(text).not.toContain('Beta');
    const other = await sessionCookie(database.kysely, seeded.other.users.trust_admin.userId, seeded.other.trustId);
    const theirs = visibleText((await app.inject({ url: '/audit', headers: { cookie: other } })).body);
    expect(theirs).toContain('beta trustadmin disabled beta assessor’s account');
    expect(theirs).not.toContain('Olivia Grant');
    expect(theirs).not.toContain('Amy Clarke');
  });
});
