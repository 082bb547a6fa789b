import type { Kysely } from 'kysely';
import type { NotificationKind } from '../../contracts/notification-kinds.ts';
import { notifications } from '../../store/notifications.ts';
import type { Tables } from '../../store/tables.ts';
import { sendMail } from '../mail/send-mail.ts';
import { newIdOf, type PortfolioDeps } from './deps.ts';

export type NotificationMessage = {
  trustId: string;
  /** Who is told: user accounts, or every enabled account of a person. */
  to: { userId: string } | { personId: string };
  kind: NotificationKind;
  /** One plain sentence, shown in the app and used as the email subject. */
  message: string;
  /** Where in the app the matter can be seen (a path such as /people/…/portfolio/evidence/…). */
  href: string | null;
};

const recipientsOf = async (db: Kysely<Tables>, n: NotificationMessage) => {
  if ('personId' in n.to) return notifications(db).accountsOfPerson(n.trustId, n.to.personId);
  const account = await notifications(db).enabledAccount(n.trustId, n.to.userId);
  return account ? [account] : [];
};

/**
 * Tells the other party about a change: an in-app notification and an email through the outbox and
 * the job queue. Call it with the transaction that makes the change (`db`), so both exist exactly
 * when the change is committed.
 */
export const notify = async (deps: PortfolioDeps, db: Kysely<Tables>, n: NotificationMessage): Promise<void> => {
  const createdAt = deps.clock();
  const link = n.href && deps.config.publicUrl ? new URL(n.href, deps.config.publicUrl).toString() : n.href;
  for (const recipient of await recipientsOf(db, n)) {
    await notifications(db).insert({
      id: newIdOf(deps),
      trustId: n.trustId,
      userId: recipient.id,
      kind: n.kind,
      message: n.message,
      href: n.href,
      createdAt,
    });
    await sendMail(
      { db, config: deps.config, demo: deps.demo, clock: deps.clock },
      {
        trustId: n.trustId,
        to: recipient.email,
        subject: n.message,
        text: `${n.message}\n\n${link ? `See it in Pathways: ${link}\n\n` : ''}You are receiving this because you use Pathways at your school.`,
      },
    );
  }
};
