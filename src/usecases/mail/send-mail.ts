import type { Kysely } from 'kysely';
import type { Config } from '../../contracts/config.ts';
import { outbox } from '../../store/outbox.ts';
import type { Tables } from '../../store/tables.ts';
import { enqueue } from '../jobs/queue.ts';

export type MailDeps = {
  /** The caller's transaction: the message exists exactly when the change that sent it is committed. */
  db: Kysely<Tables>;
  config: Pick<Config, 'smtpUrl' | 'production'>;
  demo: boolean;
  clock: () => Date;
  /** Where a demo instance prints its mail. Never called in production. */
  log?: (line: string) => void;
};

export type MailMessage = { trustId: string | null; to: string; subject: string; text: string };

/**
 * Sends an email: always kept in the outbox; with SMTP configured, a `mail.send` job delivers it.
 * Without SMTP it waits in the outbox for admins to see. Only a demo instance prints it to the log —
 * production never logs a message body, which may hold a reset or invitation link.
 */
export const sendMail = async (deps: MailDeps, message: MailMessage): Promise<string> => {
  const id = crypto.randomUUID();
  const now = deps.clock();
  await outbox(deps.db).insert({
    id,
    trustId: message.trustId,
    recipient: message.to.toLowerCase(),
    subject: message.subject,
    bodyText: message.text,
    now,
  });
  if (deps.config.smtpUrl) await enqueue(deps.db, 'mail.send', { messageId: id }, { now });
  if (deps.demo && !deps.config.production && deps.log) {
    deps.log(`[demo mail] To: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`);
  }
  return id;
};

/** The context parts `sendMail` needs, from the application context and a transaction. */
export const mailDepsOf = (
  context: { config: Config; demo: boolean; clock: () => Date },
  db: Kysely<Tables>,
  log?: (line: string) => void,
): MailDeps => ({ db, config: context.config, demo: context.demo, clock: context.clock, ...(log ? { log } : {}) });
