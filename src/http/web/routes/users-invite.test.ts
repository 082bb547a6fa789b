import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTwoTrusts } from '../../../testing/two-trusts.ts';
import { buildServer } from '../../server.ts';
import { postForm, sessionCookie } from '../../testing.ts';

describe.each(testDatabaseKinds())('inviting a user from the web app on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTwoTrusts>>;
  const cookieOf = (userId: string, trustId: string) => sessionCookie(database.kysely, userId, trustId);
  const post = (cookie: string, body: string) => postForm(app, '/users/invite', body, cookie);

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    seeded = await seedTwoTrusts(database.kysely);
    app = await buildServer(await buildTestContext(database), { logLevel: 'silent' });
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('offers a school admin only their own school, and sends the invitation to the outbox', async () => {
    const cookie = await cookieOf(seeded.own.users.school_admin.userId, seeded.own.trustId);
    const page = await app.inject({ url: '/users/invite', headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`value="${seeded.own.schoolId}"`);
    expect(page.body).not.toContain(`value="${seeded.own.trustId}"`);
    expect(page.body).not.toContain(`value="${seeded.other.schoolId}"`);
    // A fresh form shows no field in error (no empty "Error:" messages).
    expect(page.body).not.toContain('govuk-error-message');
    expect(page.body).not.toContain('govuk-form-group--error');

    const sent = await post(cookie, `email=new.ta%40example.org&role=staff&organisationId=${seeded.own.schoolId}`);
    expect(sent.statusCode).toBe(303);
    const account = await database.kysely
      .selectFrom('user_accounts')
      .select(['id', 'password_hash'])
      .where('email', '=', 'new.ta@example.org')
      .executeTakeFirstOrThrow();
    expect(sent.headers.location).toBe(`/users/${account.id}`);
    expect(account.password_hash).toBeNull();
    const mail = await database.kysely
      .selectFrom('outbox_messages')
      .select(['recipient', 'body_text'])
      .where('recipient', '=', 'new.ta@example.org')
      .executeTakeFirstOrThrow();
    expect(mail.body_text).toMatch(/\/invitations\/[A-Za-z0-9_-]+/);
  });

  it('shows each problem with the form, and refuses a school of another trust', async () => {
    const cookie = await cookieOf(seeded.own.users.school_admin.userId, seeded.own.trustId);
    const empty = await post(cookie, 'email=&role=&organisationId=');
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('govuk-error-summary');
    expect(empty.body).toContain('Enter an email address');
    const elsewhere = await post(cookie, `email=x%40example.org&role=staff&organisationId=${seeded.other.schoolId}`);
    // A school of another trust is answered as unknown.
    expect(elsewhere.statusCode).toBe(404);
    expect(
      await database.kysely.selectFrom('user_accounts').select('id').where('email', '=', 'x@example.org').executeTakeFirst(),
    ).toBeUndefined();
  });

  it('tells a member of staff they cannot invite', async () => {
    const cookie = await cookieOf(seeded.own.users.staff.userId, seeded.own.trustId);
    const page = await app.inject({ url: '/users/invite', headers: { cookie } });
    expect(page.body).toContain('You cannot invite users');
  });
});
