import { AppError } from '../../contracts/errors.ts';
import type { Partner, Partnership } from '../../domain/partnerships/records.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { partnerOrganisations } from '../../store/partnerships/partners.ts';
import { authorize } from '../authorize.ts';
import { signedInUser } from '../people/scope.ts';
import type { PartnershipDeps } from './deps.ts';

const notFound = () => new AppError('not_found', 'Not found');

/** The partnership as a permission resource. */
export const partnershipResource = (p: Partnership): Resource => ({
  type: 'partnership',
  partnershipId: p.id,
  memberTrustIds: p.memberTrustIds,
});

/**
 * A teacher's partnership work as a permission resource: the teacher, and the sites it is delivered
 * from (the teacher's own school, and the home employer when on the platform) and at (platform hosts).
 */
export const workResource = (
  p: Partnership,
  teacher: { id: string; trustId: string; organisationId: string },
  partners: readonly Partner[],
  partnerIds: readonly string[],
): Resource => ({
  type: 'engagement',
  partnershipId: p.id,
  memberTrustIds: p.memberTrustIds,
  teacherPersonId: teacher.id,
  sites: [
    { trustId: teacher.trustId, organisationId: teacher.organisationId },
    ...partners
      .filter((o) => partnerIds.includes(o.id) && o.organisationId !== null && o.trustId !== null)
      .map((o) => ({ trustId: o.trustId ?? '', organisationId: o.organisationId ?? '' })),
  ],
});

/** Loads a partnership (not found for an unknown id) for a signed-in user. */
export const loadPartnership = async (
  deps: PartnershipDeps,
  actor: Actor | Anonymous,
  id: string,
): Promise<{ user: Actor; partnership: Partnership }> => {
  const user = signedInUser(actor);
  const partnership = await partnerOrganisations(deps.db).findPartnership(id);
  if (!partnership) throw notFound();
  return { user, partnership };
};

/** Loads a partnership and authorizes an action on it as a whole (coordinator's pages). */
export const authorizePartnership = async (deps: PartnershipDeps, actor: Actor | Anonymous, id: string, action: Action) => {
  const loaded = await loadPartnership(deps, actor, id);
  await authorize(deps, loaded.user, action, partnershipResource(loaded.partnership));
  return loaded;
};

/**
 * Whether the user may see any of the partnership's work; refused as not found for someone with no
 * link to it (another partnership's coordinator, another trust), as forbidden for the rest.
 */
export const authorizeAnyWork = async (
  deps: PartnershipDeps,
  user: Actor,
  partnership: Partnership,
  resources: readonly Resource[],
): Promise<void> => {
  if (resources.some((r) => can(user, 'engagement.read', r).allowed)) return;
  const first = resources[0];
  // A partnership with no work the user could see: only its coordinators may open its pages.
  if (first) await authorize(deps, user, 'engagement.read', first);
  else await authorize(deps, user, 'partnership.read', partnershipResource(partnership));
};
