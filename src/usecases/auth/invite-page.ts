import type { Actor } from '../../domain/policy/actor.ts';
import { type RoleName, roleNames } from '../../domain/policy/actor.ts';
import { leastPrivilegedRole } from '../../domain/policy/least-privileged.ts';
import type { InvitationDeps } from './invitations.ts';
import { invitableOrganisations } from './invitations.ts';

/** The "invite a user" page: where the viewer may invite people to, and the role a new invitation starts with. */
export const invitePage = async (deps: Pick<InvitationDeps, 'db'>, actor: Actor) => {
  const organisations = await invitableOrganisations(deps, actor);
  return {
    organisations,
    /** More power is a deliberate choice: the form starts at the least privileged role. */
    defaultRole: leastPrivilegedRole(roleNames) satisfies RoleName | undefined,
    can: { invite: organisations.length > 0 },
  };
};
