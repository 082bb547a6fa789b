import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { partnerships } from '../../store/partnerships.ts';
import { type AuthorizeDeps, authorize } from '../authorize.ts';
import { signedInUser } from '../people/scope.ts';

/**
 * The partnerships the actor coordinates, each checked with partnership.read. (Trust admins' view of
 * partnerships their schools belong to needs a trust-scoped partnership resource: not modelled yet.)
 */
export const listPartnerships = async (deps: AuthorizeDeps, actor: Actor | Anonymous) => {
  const user = signedInUser(actor);
  for (const partnershipId of user.partnershipIds) await authorize(deps, user, 'partnership.read', { type: 'partnership', partnershipId });
  return partnerships(deps.db).listByIds(user.partnershipIds);
};
