import type { Kysely } from 'kysely';
import nodemailer from 'nodemailer';
import type { Config } from '../../contracts/config.ts';
import { outbox } from '../../store/outbox.ts';
import type { Tables } from '../../store/tables.ts';
import type { JobHandler } from '../jobs/worker.ts';

/**
 * The `mail.send` job: delivers one outbox message through SMTP (nodemailer) and marks it sent. A
 * failure is recorded on the message and rethrown, so the job queue retries it with backoff.
 */
export const mailSendHandler = (deps: {
  db: Kysely<Tables>;
  config: Pick<Config, 'smtpUrl' | 'mailFrom'>;
  clock: () => Date;
}): JobHandler<'mail.send'> => {
  const transport = deps.config.smtpUrl ? nodemailer.createTransport(deps.config.smtpUrl) : undefined;
  return async ({ messageId }) => {
    const store = outbox(deps.db);
    const message = await store.find(messageId);
    if (!message || message.sentAt) return;
    if (!transport) throw new Error('SMTP is not configured (SMTP_URL)');
    try {
      await transport.sendMail({ from: deps.config.mailFrom, to: message.recipient, subject: message.subject, text: message.bodyText });
    } catch (error) {
      await store.markFailed(messageId, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await store.markSent(messageId, deps.clock());
  };
};
