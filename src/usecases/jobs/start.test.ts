import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readConfig } from '../../contracts/config.ts';
import { openTestDatabase, type TestDatabase } from '../../store/testing.ts';
import { buildTestContext } from '../../testing/context.ts';
import { bodyOf, startTestSmtpServer } from '../../testing/mail.ts';
import type { AppContext } from '../context.ts';
import { sendMail } from '../mail/send-mail.ts';
import { startJobWorker } from './start.ts';

describe('the application job worker', () => {
  let database: TestDatabase;
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>>;
  let context: AppContext;

  beforeEach(async () => {
    database = await openTestDatabase('pglite');
    smtp = await startTestSmtpServer();
    context = { ...(await buildTestContext(database)), config: readConfig({ smtpUrl: smtp.url, logLevel: 'silent' }, {}) };
  });
  afterEach(async () => {
    await smtp.close();
    await database.close();
  });

  it('delivers mail queued before it started, through SMTP, and marks it sent', async () => {
    await database.kysely
      .transaction()
      .execute((tx) =>
        sendMail(
          { db: tx, config: context.config, demo: false, clock: context.clock },
          { trustId: null, to: 'someone@oak.example', subject: 'Hello', text: 'A test message' },
        ),
      );
    const errors: unknown[] = [];
    const stop = startJobWorker(context, (error) => errors.push(error), 50);
    try {
      for (let i = 0; i < 100 && smtp.received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await stop();
    }
    expect(errors).toEqual([]);
    expect(smtp.received).toHaveLength(1);
    expect(bodyOf(smtp.received[0] ?? { from: '', to: [], raw: '' })).toContain('A test message');
    const message = await database.kysely.selectFrom('outbox_messages').select(['sent_at']).executeTakeFirstOrThrow();
    expect(message.sent_at).not.toBeNull();
  });
});
