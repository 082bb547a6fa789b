import { z } from 'zod';

/**
 * Every action Pathways records on the audit chain, in one list. The audit append function takes
 * only these (a free string no longer compiles), and the audit log's words
 * (domain/audit/action-words.ts) are keyed by the same list, so an action added here without words
 * fails typecheck. To add an action: add one line here, in its area, and its words there.
 *
 * Events already stored keep whatever action they were written with: readers take a plain string
 * and use `isAuditAction` before looking up words.
 */
export const auditActions = [
  // Access
  'access.refused',
  // Accounts and sign-in
  'account.created',
  'account.disabled',
  'account.enabled',
  'account.invited',
  'account.password-change-refused',
  'account.password-changed',
  'auth.mfa-enrolled',
  'auth.mfa-recovery-code-used',
  'auth.mfa-replayed-code',
  'auth.mfa-throttled',
  'auth.mfa-verified',
  'auth.mfa-wrong-code',
  'auth.sign-in-failed',
  'auth.signed-in',
  'auth.signed-out',
  'auth.throttled',
  'invitation.accepted',
  'password_reset.completed',
  'password_reset.requested',
  'password_reset.throttled',
  'role.assigned',
  'role.removed',
  'sign_in.sso',
  'sign_in.sso_refused',
  'sign_on.configured',
  'sign_on.identity_linked',
  // Apprenticeships: enrolments and Gateway to Completion
  'enrolment.created',
  'enrolment.gatewayConfirmed',
  'enrolment.statusChanged',
  'enrolment.updated',
  // The Associate Teacher programme: Foundation Degree modules, supervision links and the school's supervision setting
  'enrolment.moduleRecorded',
  'supervision.linked',
  'supervision.ended',
  'organisation.supervisionSettingChanged',
  // Apprenticeships: off-the-job training and progress reviews
  'offTheJob.approved',
  'offTheJob.evidenceTimeRecorded',
  'offTheJob.exported',
  'offTheJob.logged',
  'offTheJob.returned',
  'offTheJob.updated',
  'progressReview.actionAgreed',
  'progressReview.commented',
  'progressReview.planned',
  'progressReview.signed',
  // Audit log
  'audit.exported',
  // Frameworks
  'framework.imported',
  // Organisations and people
  'organisation.created',
  'organisation.roleValuesRemembered',
  'organisation.updated',
  'person.created',
  'person.flagsChanged',
  'person.markedLeft',
  'person.readPortfolio',
  'person.updated',
  'workforce.generated',
  // Partnership teaching
  'deployment.created',
  'deployment.workPatternSaved',
  'engagement.recorded',
  'partner.added',
  // Portfolio
  'achievement.added',
  'achievement.removed',
  'attachment.added',
  'attachment.removed',
  'cpd.added',
  'cpd.removed',
  'cpd.updated',
  'dutyProfile.confirmed',
  'dutyProfile.saved',
  'evidence.created',
  'evidence.decided',
  'evidence.deleted',
  'evidence.submitted',
  'evidence.updated',
  'hltaFile.assembled',
  'hltaFile.updated',
  'hltaStatus.awarded',
  'hltaStatus.externalRecorded',
  'hltaStatus.revoked',
  'judgement.recorded',
  'notifications.read',
  'portfolio.exported',
  'review.commented',
  'review.objectiveAdded',
  'review.outcomeRecorded',
  'review.signed',
  'review.stageChanged',
  'review.started',
  'specialism.confirmed',
  'specialism.declined',
  'specialism.recorded',
  'specialism.withdrawn',
  // Training
  'training.recorded',
  'training.removed',
  'trainingKind.added',
  'trainingKind.retired',
  'trainingKind.updated',
] as const;

export const AuditAction = z.enum(auditActions);
export type AuditAction = z.infer<typeof AuditAction>;

const known: ReadonlySet<string> = new Set(auditActions);

/** An action read back from the chain is one Pathways records today (older events may hold others). */
export const isAuditAction = (action: string): action is AuditAction => known.has(action);
