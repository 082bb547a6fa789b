import { type Actor, roleNames } from '../../domain/policy/actor.ts';
import { leastPrivilegedRole } from '../../domain/policy/least-privileged.ts';
import type { AuthorizeDeps } from '../authorize.ts';
import { showAccount } from './accounts.ts';

/** A user account's page: the account, its roles, where the viewer may give roles, and what they may do to it. */
export const accountPage = async (deps: AuthorizeDeps, actor: Actor, userId: string) => {
  const shown = await showAccount(deps, actor, userId);
  // Nobody disables their own account (the use-case refuses it too): the page offers it only for others.
  // A role to give starts at the least privileged one: more power is a deliberate choice.
  return { ...shown, defaultRole: leastPrivilegedRole(roleNames), can: { changeAccess: actor.userId !== shown.account.id } };
};
