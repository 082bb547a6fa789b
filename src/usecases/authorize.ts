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

/**
 * The one permission check every use-case makes before it reads or changes tenant data. A refusal is
 * audited (who tried what, on which resource) and raised as `unauthenticated` or `forbidden`.
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
  }
};
