import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../contracts/config.ts';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../../store/testing.ts';
import { testKeys } from '../../testing/context.ts';
import { bodyOf, seedTrust, startTestSmtpServer } from '../../testing/mail.ts';
import { createJobWorker } from '../jobs/worker.ts';
import { mailSendHandler } from '../mail/deliver.ts';
import { type PasswordResetDeps, requestPasswordReset, resetPassword } from './password-reset.ts';
import { cheapPasswordCost, hashPassword, verifyPassword } from './passwords.ts';
import { resolveSession, startSession } from './sessions.ts';

const newPassword = 'copper kettle violin orchard';

describe.each(testDatabaseKinds())('password reset on %s', (kind) => {
  let database: TestDatabase;
  let now: Date;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let deps: PasswordResetDeps;
  let seeded: Awaited<ReturnType<typeof seedTrust>>;
  const logged: string[] = [];

  beforeEach(async () => {
    database = await openTestDatabase(kind);
    smtp = await startTestSmtpServer();
    now = new Date('2026-03-01T09:00:00Z');
    seeded = await seedTrust(database.kysely, await hashPassword('old password that was fine', cheapPasswordCost));
    deps = {
      db: database.kysely,
      config: readConfig({ smtpUrl: smtp.url, publicUrl: 'https://pathways.example', production: true }, {}),
      demo: false,
      clock: () => now,
      auditKey: testKeys.auditKey,
      log: (line) => logged.push(line),
      passwordCost: cheapPasswordCost,
    };
    logged.length = 0;
  });
  afterEach(async () => {
    await smtp.close();
    await database.close();
  });

  const deliver = () =>
    createJobWorker({
      db: database.kysely,
      clock: () => now,
      handlers: {
        'mail.send': mailSendHandler({
          db: database.kysely,
          config: { smtpUrl: smtp.url, mailFrom: 'Pathways <no-reply@pathways.example>' },
          clock: () => now,
        }),
      },
    }).drain();

  const tokenFromMail = (index: number) => {
    const mail = smtp.received[index];
    if (!mail) throw new Error(`no mail ${index}`);
    const match = /https:\/\/pathways\.example\/password-reset\/([A-Za-z0-9_-]{43})/.exec(bodyOf(mail));
    if (!match?.[1]) throw new Error('no reset link in the mail');
    return match[1];
  };

  it('emails a link through SMTP; the link sets a new password once, revokes every session and is audited', async () => {
    const { token: sessionToken } = await startSession(
      database.kysely,
      { userId: seeded.staffA, trustId: seeded.trustId, mfaVerified: false, clientAddress: null, userAgent: null },
      now,
    );
    await requestPasswordReset(deps, { email: 'Alex@oak.example' });
    expect(await deliver()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['alex@oak.example']);
    const token = tokenFromMail(0);
    const sent = await database.kysely.selectFrom('outbox_messages').select(['sent_at']).executeTakeFirstOrThrow();
    expect(sent.sent_at).toEqual(now);
    // Production never logs the link.
    expect(logged).toEqual([]);

    await expect(resetPassword(deps, { token, password: 'password1234' })).rejects.toMatchObject({ code: 'validation' });
    now = new Date(now.getTime() + 10 * 60_000);
    await resetPassword(deps, { token, password: newPassword });
    const account = await database.kysely.selectFrom('user_accounts').selectAll().where('id', '=', seeded.staffA).executeTakeFirstOrThrow();
    expect(await verifyPassword(account.password_hash, newPassword)).toBe(true);
    expect(await resolveSession(database.kysely, sessionToken, now)).toBeUndefined();
    // Single use.
    await expect(resetPassword(deps, { token, password: 'another quite long passphrase here' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const actions = (
      await database.kysely.selectFrom('audit_events').select('action').where('entity_id', '=', seeded.staffA).execute()
    ).map((e) => e.action);
    expect(actions).toEqual(['password_reset.requested', 'password_reset.completed']);
  });

  it('refuses an expired link', async () => {
    await requestPasswordReset(deps, { email: 'alex@oak.example' });
    await deliver();
    const token = tokenFromMail(0);
    now = new Date(now.getTime() + 61 * 60_000);
    await expect(resetPassword(deps, { token, password: newPassword })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('answers an unknown email exactly like a known one and sends nothing', async () => {
    await expect(requestPasswordReset(deps, { email: 'nobody@oak.example' })).resolves.toBeUndefined();
    expect(await database.kysely.selectFrom('outbox_messages').selectAll().execute()).toEqual([]);
    expect(await database.kysely.selectFrom('jobs').selectAll().execute()).toEqual([]);
  });

  it('sends at most three links an hour to one account', async () => {
    for (let i = 0; i < 5; i++) await requestPasswordReset(deps, { email: 'alex@oak.example' });
    expect(await database.kysely.selectFrom('password_resets').selectAll().execute()).toHaveLength(3);
    now = new Date(now.getTime() + 61 * 60_000);
    await requestPasswordReset(deps, { email: 'alex@oak.example' });
    expect(await database.kysely.selectFrom('password_resets').selectAll().execute()).toHaveLength(4);
  });

  it('keeps the message in the outbox without SMTP, and prints it only in demo mode', async () => {
    const noSmtp = { ...deps, config: readConfig({ production: true, publicUrl: 'https://pathways.example' }, {}) };
    await requestPasswordReset(noSmtp, { email: 'alex@oak.example' });
    expect(await database.kysely.selectFrom('jobs').selectAll().execute()).toEqual([]);
    const [message] = await database.kysely.selectFrom('outbox_messages').selectAll().execute();
    expect(message?.sent_at).toBeNull();
    expect(message?.body_text).toContain('https://pathways.example/password-reset/');
    expect(logged).toEqual([]);
    await requestPasswordReset({ ...noSmtp, demo: true, config: readConfig({}, {}) }, { email: 'bea@oak.example' });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/password-reset/');
  });
});
