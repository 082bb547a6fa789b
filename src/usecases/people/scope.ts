import { AppError } from '../../contracts/errors.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { grants } from '../../domain/policy/grants.ts';
import type { Resource } from '../../domain/policy/resource.ts';
import { audit } from '../../store/audit.ts';
import { type AuthorizeDeps, authorize } from '../authorize.ts';

/**
 * What part of the directory an actor may see for one action, as lists of ids a query can filter on
 * in SQL: whole trusts, single organisations (schools), and individual people (self, reports, apprentices).
 * Read from the same grants table that `can()` uses, so a list never shows what a single read would refuse.
 */
export type Scope = { trustIds: string[]; organisationIds: string[]; personIds: string[]; userIds: string[] };

export const emptyScope = (scope: Scope) =>
  scope.trustIds.length + scope.organisationIds.length + scope.personIds.length + scope.userIds.length === 0;

/** The scope the grants give this actor for an action. */
export const scopeOf = (actor: Actor | Anonymous, action: Action): Scope => {
  const scope: Scope = { trustIds: [], organisationIds: [], personIds: [], userIds: [] };
  if (actor.kind === 'anonymous') return scope;
  for (const grant of grants) {
    if (grant.roles === 'anyone' || !grant.actions.includes(action)) continue;
    const roles = grant.roles;
    for (const assignment of actor.assignments.filter((a) => roles.includes(a.role))) {
      if (grant.scope === 'trust') scope.trustIds.push(assignment.trustId);
      if (grant.scope === 'school') scope.organisationIds.push(assignment.organisationId);
      if (grant.scope === 'headteacher' && assignment.headteacher) scope.organisationIds.push(assignment.organisationId);
      if (grant.scope === 'self') {
        if (actor.personId) scope.personIds.push(actor.personId);
        scope.userIds.push(actor.userId);
      }
      if (grant.scope === 'reports') scope.personIds.push(...actor.reportIds);
      if (grant.scope === 'apprentices') scope.personIds.push(...actor.apprenticeIds);
      if (grant.scope === 'supervisees') scope.personIds.push(...(actor.superviseeIds ?? []));
      if (grant.scope === 'decidingSupervisees') scope.personIds.push(...(actor.decidingSuperviseeIds ?? []));
    }
  }
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    trustIds: unique(scope.trustIds),
    organisationIds: unique(scope.organisationIds),
    personIds: unique(scope.personIds),
    userIds: unique(scope.userIds),
  };
};

/**
 * For list use-cases: the actor's scope for the action, or a refusal made through `authorize` (so it is
 * audited) when the actor may see nothing of the kind at all.
 */
export const authorizeList = async (
  deps: AuthorizeDeps,
  actor: Actor | Anonymous,
  action: Action,
  resourceAt: (trustId: string, organisationId: string) => Resource,
): Promise<Scope> => {
  const scope = scopeOf(actor, action);
  if (!emptyScope(scope)) return scope;
  const home = actor.kind === 'user' ? actor.assignments[0] : undefined;
  if (home) await authorize(deps, actor, action, resourceAt(home.trustId, home.organisationId));
  // No trust to audit the refusal under: it goes on the instance chain.
  await audit(deps.db, deps.auditKey).record({
    trustId: null,
    actor: actor.kind === 'user' ? actor.userId : 'anonymous',
    action: 'access.refused',
    entity: resourceAt('', '').type,
    entityId: 'list',
    data: { attempted: action, reason: actor.kind === 'user' ? 'no role assignment' : 'sign in required' },
    requestId: deps.requestId ?? null,
  });
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  throw new AppError('forbidden', 'You do not have permission to do that');
};

/** The signed-in user behind an actor already authorized for a change (anonymous never is). */
export const signedInUser = (actor: Actor | Anonymous): Actor => {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
  return actor;
};
