import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AuditAction } from '../../contracts/audit-actions.ts';
import { AppError } from '../../contracts/errors.ts';
import type { RoleName } from '../../domain/policy/actor.ts';
import { accounts } from '../../store/accounts.ts';
import { type AuditEvent, audit } from '../../store/audit.ts';
import { invitations } from '../../store/invitations.ts';
import type { Tables } from '../../store/tables.ts';
import { sendMail } from '../mail/send-mail.ts';
import type { AccountMailDeps } from './account-mail-deps.ts';
import { publicBaseUrl } from './password-reset.ts';
import { hashToken } from './sessions.ts';

/** An invitation link works for seven days. */
export const invitationRules = { lifetimeDays: 7 } as const;

export type InvitedAccountInput = {
  trustId: string;
  email: string;
  personId: string | null;
  roles: readonly { role: RoleName; organisationId: string; headteacher: boolean }[];
  /** The inviting user's id, or null for an operator at the command line. */
  invitedBy: string | null;
  /** Who the audit events name: the inviting user's id, or the operator. */
  actor: string;
  /** The mail's opening paragraph, before the link. */
  greeting: string;
  /** Lines after the link, if any. */
  postscript?: readonly string[];
  /** The new account's id, when the caller needed it before (to authorize the invitation). */
  userId?: string;
  /** The form field that holds the email, named in a refusal. */
  emailField?: string;
  newId?: () => string;
};

export type InvitedAccount = { userId: string; invitationLink: string; expiresAt: Date };

/**
 * Inside the caller's transaction: an account without a password, its role assignments, a 7-day
 * invitation (random token, stored hashed) mailed with its link, and the audit events that record
 * them. An email that already has an account is refused.
 */
export const createInvitedAccount = async (
  tx: Kysely<Tables>,
  deps: Omit<AccountMailDeps, 'db'>,
  input: InvitedAccountInput,
): Promise<InvitedAccount> => {
  const newId = input.newId ?? (() => crypto.randomUUID());
  const { trustId, email } = input;
  if (await accounts(tx).emailTaken(email))
    throw new AppError('conflict', 'There is already an account with this email', [
      { where: input.emailField ?? 'email', reason: 'this address already has a Pathways account: give another' },
    ]);
  const now = deps.clock();
  const userId = input.userId ?? newId();
  await accounts(tx).insert({ id: userId, trust_id: trustId, person_id: input.personId, email, password_hash: null });
  const assignments = input.roles.map((r) => ({
    id: newId(),
    trust_id: trustId,
    user_id: userId,
    role: r.role,
    organisation_id: r.organisationId,
    headteacher: r.headteacher,
  }));
  await accounts(tx).assignRoles(assignments);
  const token = randomBytes(32).toString('base64url');
  const invitationId = newId();
  const expiresAt = new Date(now.getTime() + invitationRules.lifetimeDays * 86_400_000);
  await invitations(tx).insert({
    id: invitationId,
    trustId,
    userId,
    tokenHash: hashToken(token),
    invitedBy: input.invitedBy,
    expiresAt,
    now,
  });
  const invitationLink = `${publicBaseUrl(deps.config)}/invitations/${token}`;
  await sendMail(
    { db: tx, config: deps.config, demo: deps.demo, clock: deps.clock, ...(deps.log ? { log: deps.log } : {}) },
    {
      trustId,
      to: email,
      subject: 'You have been invited to Pathways',
      text: [
        input.greeting,
        '',
        `Set your password here within ${invitationRules.lifetimeDays} days:`,
        invitationLink,
        ...(input.postscript ?? []),
      ].join('\n'),
    },
  );
  const event = (action: AuditAction, entity: string, entityId: string, data: Record<string, unknown>): AuditEvent => ({
    trustId,
    actor: input.actor,
    action,
    entity,
    entityId,
    data,
    requestId: deps.requestId ?? null,
    occurredAt: now,
  });
  await audit(tx, deps.auditKey).record(
    event('account.invited', 'account', userId, {
      before: null,
      after: { email, personId: input.personId },
      invitationId,
      expiresAt: expiresAt.toISOString(),
    }),
    ...assignments.map((a) =>
      event('role.assigned', 'role_assignment', a.id, {
        before: null,
        after: { userId, role: a.role, organisationId: a.organisation_id, headteacher: a.headteacher },
      }),
    ),
  );
  return { userId, invitationLink, expiresAt };
};
