import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { actors } from '../../../store/actors.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTrust } from '../../../testing/mail.ts';
import { inviteUser } from '../../../usecases/auth/invitations.ts';
import { cheapPasswordCost } from '../../../usecases/auth/passwords.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { SESSION_COOKIE } from '../../auth/session-plugin.ts';
import { buildServer } from '../../server.ts';

describe.each(testDatabaseKinds())('invitation page on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let app: FastifyInstance;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database);
    app = await buildServer(context, { logLevel: 'silent' });
  });
  afterEach(async () => {
    await app.close();
    await database.close();
  });

  it('shows the invited email, refuses a weak password, then sets the password and signs the person in', async () => {
    const seeded = await seedTrust(database.kysely, null);
    const admin = await actors(database.kysely).load(seeded.trustAdmin);
    if (!admin) throw new Error('no admin');
    const deps = {
      db: database.kysely,
      config: context.config,
      demo: false,
      clock: context.clock,
      auditKey: context.keys.auditKey,
      passwordCost: cheapPasswordCost,
    };
    const { userId } = await inviteUser(deps, admin, {
      email: 'newbie@oak.example',
      roles: [{ role: 'staff', organisationId: seeded.schoolA }],
    });
    const message = await database.kysely.selectFrom('outbox_messages').select('body_text').executeTakeFirstOrThrow();
    const path = /\/invitations\/[A-Za-z0-9_-]{43}/.exec(message.body_text)?.[0];
    if (!path) throw new Error('no link');

    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('newbie@oak.example');
    const post = (password: string) =>
      app.inject({
        method: 'POST',
        url: path,
        payload: new URLSearchParams({ password, confirm: password }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const weak = await post('newbie123456');
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('govuk-error-summary');
    const accepted = await post('harbour thistle marble lantern');
    expect(accepted.statusCode).toBe(303);
    const cookie = accepted.cookies.find((c) => c.name === SESSION_COOKIE);
    expect(cookie?.httpOnly).toBe(true);
    const session = await database.kysely.selectFrom('sessions').select('user_id').executeTakeFirstOrThrow();
    expect(session.user_id).toBe(userId);
    expect((await app.inject({ url: path })).statusCode).toBe(404);
    expect((await app.inject({ url: '/invitations/not-a-real-token-but-long-enough' })).statusCode).toBe(404);
  });
});
