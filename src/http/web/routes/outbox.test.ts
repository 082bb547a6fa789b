import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../../store/testing.ts';
import { buildTestContext } from '../../../testing/context.ts';
import { seedTrust } from '../../../testing/mail.ts';
import { requestPasswordReset } from '../../../usecases/auth/password-reset.ts';
import type { AppContext } from '../../../usecases/context.ts';
import { decryptSecret } from '../../../usecases/secrets.ts';
import { buildServer } from '../../server.ts';
import { sessionCookie } from '../../testing.ts';

describe.each(testDatabaseKinds())('outbox, reset and sign-on pages on %s', (kind) => {
  let database: TestDatabase;
  let context: AppContext;
  let app: FastifyInstance;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    context = await buildTestContext(database);
    app = await buildServer(context, { logLevel: 'silent' });
    seeded = await seedTrust(database.kysely, null);
  });
  afterEach(async () => {
    await app.close();
    await database.close();
  });

  const cookieFor = (userId: string) => sessionCookie(database.kysely, userId, seeded.trustId);
  const resetDeps = () => ({
    db: database.kysely,
    config: context.config,
    demo: false,
    clock: context.clock,
    auditKey: context.keys.auditKey,
  });

  it('shows a trust admin every message of the trust, a school admin only mail to their school, and refuses staff', async () => {
    await requestPasswordReset(resetDeps(), { email: 'tara@oak.example' });
    await requestPasswordReset(resetDeps(), { email: 'alex@oak.example' });
    await requestPasswordReset(resetDeps(), { email: 'bea@oak.example' });

    const trustAdmin = await app.inject({ url: '/admin/outbox', headers: { cookie: await cookieFor(seeded.trustAdmin) } });
    expect(trustAdmin.statusCode).toBe(200);
    expect(trustAdmin.headers['cache-control']).toBe('no-store');
    for (const email of ['tara@oak.example', 'alex@oak.example', 'bea@oak.example']) expect(trustAdmin.body).toContain(email);

    const schoolAdmin = await app.inject({ url: '/admin/outbox', headers: { cookie: await cookieFor(seeded.schoolAdminA) } });
    expect(schoolAdmin.statusCode).toBe(200);
    expect(schoolAdmin.body).toContain('alex@oak.example');
    expect(schoolAdmin.body).not.toContain('bea@oak.example');
    // Never a trust admin's reset link.
    expect(schoolAdmin.body).not.toContain('tara@oak.example');

    const staff = await app.inject({ url: '/admin/outbox', headers: { cookie: await cookieFor(seeded.staffA) } });
    expect(staff.statusCode).toBe(403);
    expect(staff.body).not.toContain('password-reset/');
    const anonymous = await app.inject({ url: '/admin/outbox' });
    expect(anonymous.statusCode).toBe(303);
  });

  it('answers the reset form the same way for known and unknown emails; the emailed link sets a new password', async () => {
    const known = await app.inject({
      method: 'POST',
      url: '/password-reset',
      payload: 'email=alex%40oak.example',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/password-reset',
      payload: 'email=nobody%40oak.example',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    const same = (body: string, email: string) => body.replace(email, 'X').replace(/nonce="[^"]*"/g, '');
    expect(same(known.body, 'alex@oak.example')).toBe(same(unknown.body, 'nobody@oak.example'));
    const message = await database.kysely.selectFrom('outbox_messages').select('body_text').executeTakeFirstOrThrow();
    const path = /\/password-reset\/[A-Za-z0-9_-]{43}/.exec(message.body_text)?.[0];
    if (!path) throw new Error('no link');
    expect((await app.inject({ url: path })).statusCode).toBe(200);
    const form = (password: string, confirm = password) =>
      app.inject({
        method: 'POST',
        url: path,
        payload: new URLSearchParams({ password, confirm }).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
    const weak = await form('password1234');
    expect(weak.statusCode).toBe(400);
    expect(weak.body).toContain('govuk-error-summary');
    expect((await form('lantern copper meadow violin')).statusCode).toBe(200);
    expect((await form('lantern copper meadow violin')).statusCode).toBe(404);
    expect((await app.inject({ url: path })).statusCode).toBe(404);
  });

  it('lets a trust admin save single sign-on settings with the secret encrypted, and refuses a school admin', async () => {
    const url = `/organisations/${seeded.trustId}/sign-on`;
    const body = new URLSearchParams({
      issuer: 'https://login.example.com/tenant/v2.0',
      clientId: 'pathways',
      clientSecret: 'very-secret-value',
      allowedEmailDomains: 'oak.example\nOak-Primary.sch.uk',
      ownTenants: '',
      enabled: 'yes',
    }).toString();
    const headers = (cookie: string) => ({ cookie, 'content-type': 'application/x-www-form-urlencoded', 'x-pathways-request': '1' });
    const schoolAdmin = await app.inject({ method: 'POST', url, payload: body, headers: headers(await cookieFor(seeded.schoolAdminA)) });
    expect(schoolAdmin.statusCode).toBe(403);
    const saved = await app.inject({ method: 'POST', url, payload: body, headers: headers(await cookieFor(seeded.trustAdmin)) });
    expect(saved.statusCode).toBe(303);
    const row = await database.kysely.selectFrom('oidc_configs').selectAll().executeTakeFirstOrThrow();
    expect(row.client_secret_encrypted).not.toContain('very-secret-value');
    expect(decryptSecret(context.keys, row.client_secret_encrypted)).toBe('very-secret-value');
    expect(row.allowed_email_domains).toEqual(['oak.example', 'oak-primary.sch.uk']);
    const page = await app.inject({ url, headers: { cookie: await cookieFor(seeded.trustAdmin) } });
    expect(page.statusCode).toBe(200);
    expect(page.body).not.toContain('very-secret-value');
    const audited = await database.kysely
      .selectFrom('audit_events')
      .select(['action', 'data'])
      .where('action', '=', 'sign_on.configured')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audited.data)).not.toContain('very-secret-value');
  });
});
