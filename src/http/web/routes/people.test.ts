import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTwoTrusts } from '../../../testing/two-trusts.ts';
import { buildServer } from '../../server.ts';
import { postForm, sessionCookie } from '../../testing.ts';

describe.each(testDatabaseKinds())('directory, organisation, user and audit pages on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const cookieOf = (userId: string, trustId: string) => sessionCookie(database.kysely, userId, trustId);
  const form = (cookie: string, url: string, body: string) => postForm(app, url, body, cookie);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    app = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists, searches and shows staff in scope, with the header links the user may use', async () => {
    const cookie = await cookieOf(seeded.own.users.school_admin.userId, seeded.own.trustId);
    const list = await app.inject({ url: '/people?q=other&leavers=1', headers: { cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Person, Other');
    expect(list.body).not.toContain('Person, Left');
    // Users and the audit log are linked from the admin's home (the header keeps to one row).
    const home = await app.inject({ url: '/home', headers: { cookie } });
    expect(home.body).toContain('href="/users"');
    expect(home.body).toContain('href="/audit"');
    const filtered = await app.inject({ url: `/people?school=&role=TA4&sort=name&leavers=1`, headers: { cookie } });
    expect(filtered.body).not.toContain('govuk-error-summary');
    expect(filtered.body).toContain('Showing 1 to 1 of 1 person');
    const person = await app.inject({ url: `/people/${seeded.own.leaverId}`, headers: { cookie } });
    expect(person.body).toContain('data-testid="leaver"');
    expect(person.body).toContain(`href="/people/${seeded.own.leaverId}/route"`);
    expect(person.body).toContain('Left on 31 January 2026');
    const staffCookie = await cookieOf(seeded.own.users.staff.userId, seeded.own.trustId);
    const staffList = await app.inject({ url: '/people', headers: { cookie: staffCookie } });
    expect(staffList.body).not.toContain('href="/users"');
    expect((await app.inject({ url: '/home', headers: { cookie: staffCookie } })).body).not.toContain('href="/users"');
    const refused = await app.inject({ url: `/people/${seeded.own.otherPersonId}`, headers: { cookie: staffCookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('You do not have permission to see this page');
  });

  it('lets a trust admin add a school, re-showing the form with errors first', async () => {
    const cookie = await cookieOf(seeded.own.users.trust_admin.userId, seeded.own.trustId);
    const bad = await form(cookie, `/organisations/${seeded.own.trustId}/schools/new`, 'name=&phase=primary&nation=England&urn=12');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('govuk-error-summary');
    expect(bad.body).toContain('A URN is 6 or 7 digits');
    const good = await form(
      cookie,
      `/organisations/${seeded.own.trustId}/schools/new`,
      'name=Hill+Top+Nursery&phase=nursery&nation=Wales&urn=123456',
    );
    expect(good.statusCode).toBe(303);
    const school = await app.inject({ url: String(good.headers.location), headers: { cookie } });
    expect(school.body).toContain('Hill Top Nursery');
    expect(school.body).toContain('123456');
    const trust = await app.inject({ url: `/organisations/${seeded.own.trustId}`, headers: { cookie } });
    expect(trust.body).toContain('Hill Top Nursery');
  });

  it('disables an account from its page, ending its session, and shows the change in the audit log and its CSV', async () => {
    const admin = await cookieOf(seeded.own.users.school_admin.userId, seeded.own.trustId);
    const victim = await cookieOf(seeded.own.users.assessor.userId, seeded.own.trustId);
    expect((await app.inject({ url: '/people', headers: { cookie: victim } })).statusCode).toBe(200);
    const disabled = await form(admin, `/users/${seeded.own.users.assessor.userId}/disable`, '');
    expect(disabled.statusCode).toBe(303);
    const after = await app.inject({ url: '/people', headers: { cookie: victim } });
    expect(after.statusCode).toBe(303);
    expect(after.headers.location).toMatch(/^\/sign-in/);
    const audit = await app.inject({ url: '/audit?action=account.disabled', headers: { cookie: admin } });
    expect(audit.body).toMatch(/alpha schooladmin<\/a> disabled <a [^>]+>alpha assessor<\/a>’s account/);
    const csv = await app.inject({ url: '/audit/export.csv?action=account.disabled', headers: { cookie: admin } });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.split('\r\n')[1]).toContain('account.disabled');
  });
});
