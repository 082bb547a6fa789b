import { AppError } from '../../contracts/errors.ts';
import { type MfaStep, mfaStepAfterPassword } from '../../domain/accounts/mfa-roles.ts';
import type { Actor, RoleName } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { audit } from '../../store/audit.ts';
import { credentials } from '../../store/credentials.ts';
import { invitations } from '../../store/invitations.ts';
import { organisations } from '../../store/organisations.ts';
import { people } from '../../store/people.ts';
import { authorize } from '../authorize.ts';
import type { AccountMailDeps } from './account-mail-deps.ts';
import { createInvitedAccount } from './invited-account.ts';
import { hashNewPassword } from './passwords.ts';
import { hashToken } from './sessions.ts';

export type InvitationDeps = AccountMailDeps;

export type InviteInput = {
  email: string;
  personId?: string | undefined;
  roles: readonly { role: RoleName; organisationId: string; headteacher?: boolean | undefined }[];
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Invites someone: an account without a password, its role assignments, and a 7-day link (random,
 * stored hashed) emailed to them. The inviter must be allowed `account.invite` at every organisation
 * a role is given at, so nobody hands out access wider than their own.
 */
export const inviteUser = async (deps: InvitationDeps, actor: Actor, input: InviteInput): Promise<{ userId: string }> => {
  const email = input.email.trim().toLowerCase();
  if (!emailPattern.test(email))
    throw new AppError('validation', 'Enter an email address', [
      { where: 'email', reason: 'enter an email address like name@school.sch.uk' },
    ]);
  if (input.roles.length === 0)
    throw new AppError('validation', 'Give the new user at least one role', [{ where: 'roles', reason: 'choose a role' }]);
  const userId = crypto.randomUUID();
  const organisationIds = [...new Set(input.roles.map((r) => r.organisationId))];
  const orgs = await organisations(deps.db).findMany(organisationIds);
  const trustIds = new Set(orgs.map((o) => o.trustId));
  const trustId = orgs[0]?.trustId;
  if (orgs.length !== organisationIds.length || !trustId || trustIds.size !== 1)
    throw new AppError('not_found', 'Organisation not found', [
      { where: 'roles.organisationId', reason: 'choose organisations of one trust' },
    ]);
  // Outside the transaction, so a refusal's audit event is kept.
  for (const org of orgs)
    await authorize({ db: deps.db, auditKey: deps.auditKey, requestId: deps.requestId ?? null }, actor, 'account.invite', {
      type: 'account',
      trustId,
      organisationId: org.id,
      userId,
    });
  if (input.roles.some((r) => r.role === 'trust_admin' && orgs.find((o) => o.id === r.organisationId)?.kind !== 'trust'))
    throw new AppError('validation', 'A trust admin role is held at the trust', [
      { where: 'roles', reason: 'give trust_admin at the trust' },
    ]);
  return deps.db.transaction().execute(async (tx) => {
    if (input.personId) {
      if (!(await people(tx).existsInTrust(trustId, input.personId)))
        throw new AppError('not_found', 'Person not found', [{ where: 'personId', reason: 'no such person in this trust' }]);
    }
    const { userId: invited } = await createInvitedAccount(tx, deps, {
      trustId,
      email,
      personId: input.personId ?? null,
      roles: input.roles.map((r) => ({ ...r, headteacher: r.headteacher === true && r.role === 'school_admin' })),
      invitedBy: actor.userId,
      actor: actor.userId,
      greeting: 'You have been invited to Pathways, where your school keeps its support staff career framework and training.',
      postscript: [
        '',
        'If your school uses single sign-on, you can instead choose "Sign in with your school account" on the sign-in page.',
      ],
      userId,
    });
    return { userId: invited };
  });
};

const invalidInvitation = () =>
  new AppError('not_found', 'This invitation link is not valid', [
    { where: 'token', reason: 'the link has expired or has already been used: ask your school administrator for a new invitation' },
  ]);

/** The invitation behind a link, if it can still be accepted (for showing the form). */
export const findOpenInvitation = async (deps: Pick<InvitationDeps, 'db' | 'clock'>, token: string) => {
  const invitation = await invitations(deps.db).findByTokenHash(hashToken(token));
  if (!invitation || invitation.acceptedAt || invitation.expiresAt <= deps.clock()) return undefined;
  return { email: invitation.email };
};

/** Accepts an invitation: sets the account's first password (policy-checked). The link works once. */
export const acceptInvitation = async (
  deps: InvitationDeps,
  input: { token: string; password: string },
): Promise<{ userId: string; trustId: string; mfa: MfaStep }> => {
  const now = deps.clock();
  return deps.db.transaction().execute(async (tx) => {
    const invitation = await invitations(tx).findByTokenHash(hashToken(input.token), true);
    if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) throw invalidInvitation();
    const account = await credentials(tx).findById(invitation.userId);
    if (!account || account.disabledAt) throw invalidInvitation();
    const passwordHash = await hashNewPassword(input.password, [invitation.email], { field: 'password', cost: deps.passwordCost });
    await credentials(tx).setPasswordHash(account.userId, passwordHash, now);
    await invitations(tx).acceptAllForUser(account.userId, now);
    await audit(tx, deps.auditKey).record({
      trustId: invitation.trustId,
      actor: account.userId,
      action: 'invitation.accepted',
      entity: 'account',
      entityId: account.userId,
      data: {
        invitationId: invitation.id,
        changed: ['password'],
        before: { passwordSet: account.passwordHash !== null },
        after: { passwordSet: true },
      },
      requestId: deps.requestId ?? null,
    });
    // An invitee whose role needs a second factor enrols before the session counts as signed in.
    const mfa = mfaStepAfterPassword({ roles: account.roles, demoExempt: false, enrolled: false });
    return { userId: account.userId, trustId: invitation.trustId, mfa };
  });
};

/** The organisations this actor may invite people to: those of their trusts where they hold account.invite. */
export const invitableOrganisations = async (deps: Pick<InvitationDeps, 'db'>, actor: Actor) => {
  const trustIds = [...new Set(actor.assignments.map((a) => a.trustId))];
  if (trustIds.length === 0) return [];
  return (await organisations(deps.db).listOfTrusts(trustIds)).filter(
    (o) => can(actor, 'account.invite', { type: 'account', trustId: o.trustId, organisationId: o.id, userId: 'new' }).allowed,
  );
};
