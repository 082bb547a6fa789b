import type { Kysely } from 'kysely';
import { AppError } from '../contracts/errors.ts';
import type { Action } from '../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../domain/policy/actor.ts';
import { can } from '../domain/policy/can.ts';
import type { Resource } from '../domain/policy/resource.ts';
import { audit } from '../store/audit.ts';
import type { Tables } from '../store/tables.ts';

export type AuthorizeDeps = { db: Kysely<Tables>; auditKey: Uint8Array; requestId?: string | null };

const actorName = (actor: Actor | Anonymous) => (actor.kind === 'user' ? actor.userId : 'anonymous');

/** The answer for a person id the caller cannot see, whether it belongs to another trust or to nobody. */
export const unknownPerson = (personId: string): AppError =>
  new AppError('not_found', 'No person has that id', [{ where: 'id', reason: `unknown person ${personId}` }]);

/** The error for an id nobody can see, the same whether it exists in another trust or not at all. */
export const unknownResource = (resource: Resource): AppError => {
  switch (resource.type) {
    case 'person':
      return unknownPerson(resource.personId);
    case 'account':
      return new AppError('not_found', 'There is no such account');
    case 'organisation':
    case 'audit':
      return new AppError('not_found', 'There is no such organisation');
    case 'framework':
    case 'partnership':
    case 'engagement':
      return new AppError('not_found', 'Not found');
    case 'enrolment':
      return new AppError('not_found', 'There is no such enrolment');
  }
};

/**
 * Whether the actor has nothing to do with the resource's trust: no role there, and the resource is
 * not them, their account, a report or an apprentice of theirs (assessors and coordinators can reach
 * across trusts only through those links).
 */
const unrelatedTrust = (actor: Actor, resource: Resource): boolean => {
  // A partnership reaches across trusts: it is unrelated to someone who neither coordinates it, nor
  // belongs to a trust it touches, nor is the teacher whose work it is.
  if (resource.type === 'partnership' || resource.type === 'engagement')
    return (
      !actor.partnershipIds.includes(resource.partnershipId) &&
      !(resource.memberTrustIds ?? []).some((t) => actor.assignments.some((a) => a.trustId === t)) &&
      !(resource.type === 'engagement' && resource.teacherPersonId === actor.personId)
    );
  if (!('trustId' in resource) || actor.assignments.some((a) => a.trustId === resource.trustId)) return false;
  if (resource.type === 'person')
    return (
      resource.personId !== actor.personId &&
      !actor.reportIds.includes(resource.personId) &&
      !actor.apprenticeIds.includes(resource.personId)
    );
  if (resource.type === 'account') return resource.userId !== actor.userId;
  if (resource.type === 'enrolment')
    return (
      resource.personId !== actor.personId &&
      !actor.reportIds.includes(resource.personId) &&
      !actor.assignments.some((a) => a.role === 'assessor' && a.organisationId === resource.providerId)
    );
  return true;
};

/**
 * The one permission check every use-case makes before it reads or changes tenant data. A refusal is
 * audited (who tried what, on which resource) and raised as `unauthenticated`, as `forbidden` for
 * someone of the resource's trust lacking the right, or as `not_found` (exactly as an unknown id
 * answers) for someone with no link to that trust, so ids of other trusts cannot be confirmed.
 */
export const authorize = async <A extends Actor | Anonymous>(
  deps: AuthorizeDeps,
  actor: A,
  action: Action,
  resource: Resource,
): Promise<A> => {
  const decision = can(actor, action, resource);
  if (decision.allowed) return actor;
  await audit(deps.db, deps.auditKey).record({
    trustId: 'trustId' in resource ? resource.trustId : null,
    actor: actorName(actor),
    action: 'access.refused',
    entity: resource.type,
    entityId: entityIdOf(resource),
    data: { attempted: action, reason: decision.reason },
    requestId: deps.requestId ?? null,
  });
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  if (unrelatedTrust(actor, resource)) throw unknownResource(resource);
  throw new AppError('forbidden', 'You do not have permission to do that');
};

const entityIdOf = (resource: Resource): string => {
  switch (resource.type) {
    case 'framework':
      return 'catalogue';
    case 'organisation':
    case 'audit':
      return resource.organisationId;
    case 'person':
      return resource.personId;
    case 'account':
      return resource.userId;
    case 'partnership':
      return resource.partnershipId;
    case 'engagement':
      return `${resource.partnershipId}/${resource.teacherPersonId}`;
    case 'enrolment':
      return resource.personId;
  }
};
