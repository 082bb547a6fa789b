import { z } from 'zod';
import type { AuditAction } from './audit-actions.ts';

/**
 * What an in-app notification (and its email) is about. Each kind is the audit action of the change
 * it tells someone about, so the two lists cannot disagree: `satisfies` below fails typecheck on a
 * kind that is not an audit action. To add a kind: add one line here (and the action, if new, to
 * audit-actions.ts).
 */
export const notificationKinds = [
  'evidence.decided',
  'evidence.submitted',
  'hltaStatus.awarded',
  'judgement.recorded',
  'review.commented',
  'review.objectiveAdded',
  'review.outcomeRecorded',
  'review.signed',
  'review.stageChanged',
  'review.started',
  'specialism.confirmed',
  'specialism.declined',
  'specialism.recorded',
] as const satisfies readonly AuditAction[];

export const NotificationKind = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof NotificationKind>;

const known: ReadonlySet<string> = new Set(notificationKinds);

/** A kind read back from the database is one Pathways writes today (older rows may hold others). */
export const isNotificationKind = (kind: string): kind is NotificationKind => known.has(kind);
