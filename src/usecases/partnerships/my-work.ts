import { kindName } from '../../domain/partnerships/kinds.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { deployments } from '../../store/partnerships/deployments.ts';
import { partnerships } from '../../store/partnerships.ts';
import { signedInUser } from '../people/scope.ts';
import type { PartnershipDeps } from './deps.ts';

/** The signed-in teacher's own deployments in every partnership (their own record: nothing to authorize beyond sign-in). */
export const myPartnershipWork = async (deps: PartnershipDeps, actor: Actor | Anonymous) => {
  const user = signedInUser(actor);
  const mine = user.personId ? await deployments(deps.db).listByPerson(user.personId) : [];
  const names = await partnerships(deps.db).namesByIds(mine.map((d) => d.partnershipId));
  return {
    deployments: mine.map((d) => ({
      id: d.id,
      partnershipId: d.partnershipId,
      partnership: names.get(d.partnershipId) ?? '',
      kinds: d.kinds.map((k) => kindName(deps.kinds, k)),
      startsOn: d.startsOn,
      endsOn: d.endsOn,
    })),
    coordinates: user.partnershipIds.length > 0,
  };
};
