import type { MfaStep } from '../../domain/accounts/mfa-roles.ts';
import type { AccountMailDeps } from './account-mail-deps.ts';
import { acceptInvitation } from './invitations.ts';
import { startSession } from './sessions.ts';

export type InvitationSignIn = { token: string; password: string; clientAddress: string | null; userAgent: string | null };

/**
 * Accepting an invitation signs the person in: the first password is set, then a session starts,
 * its second factor already done only when the account needs none (otherwise enrolment comes next).
 */
export const acceptInvitationAndSignIn = async (
  deps: AccountMailDeps,
  input: InvitationSignIn,
): Promise<{ token: string; mfa: MfaStep }> => {
  const accepted = await acceptInvitation(deps, { token: input.token, password: input.password });
  const { token } = await startSession(
    deps.db,
    {
      userId: accepted.userId,
      trustId: accepted.trustId,
      mfaVerified: accepted.mfa === 'none',
      clientAddress: input.clientAddress,
      userAgent: input.userAgent,
    },
    deps.clock(),
  );
  return { token, mfa: accepted.mfa };
};
