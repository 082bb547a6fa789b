import type { Action } from './actions.ts';
import type { Actor, Anonymous, RoleAssignment } from './actor.ts';
import { type Grant, grants, type Scope } from './grants.ts';
import type { Resource } from './resource.ts';

export type Decision = { allowed: boolean; reason: string };

const actionMatchesResource = (action: Action, resource: Resource) => action.startsWith(`${resource.type}.`);

const trustOf = (resource: Resource) => ('trustId' in resource ? resource.trustId : undefined);
const organisationOf = (resource: Resource) => ('organisationId' in resource ? resource.organisationId : undefined);

const inScope = (scope: Scope, actor: Actor, assignment: RoleAssignment, resource: Resource): boolean => {
  switch (scope) {
    case 'public':
      return true;
    case 'trust':
      return trustOf(resource) === assignment.trustId;
    case 'school':
      // Partnership work is seen from the school it is delivered from and the school that hosts it.
      if (resource.type === 'engagement')
        return resource.sites.some((s) => s.trustId === assignment.trustId && s.organisationId === assignment.organisationId);
      return trustOf(resource) === assignment.trustId && organisationOf(resource) === assignment.organisationId;
    case 'headteacher':
      return assignment.headteacher === true && inScope('school', actor, assignment, resource);
    case 'self':
      return (
        ((resource.type === 'person' || resource.type === 'enrolment') &&
          actor.personId !== null &&
          resource.personId === actor.personId) ||
        (resource.type === 'account' && resource.userId === actor.userId) ||
        (resource.type === 'engagement' && actor.personId !== null && resource.teacherPersonId === actor.personId)
      );
    case 'reports':
      return (resource.type === 'person' || resource.type === 'enrolment') && actor.reportIds.includes(resource.personId);
    case 'apprentices':
      // An enrolment is reached through its own provider only, not through another enrolment of the same person.
      if (resource.type === 'enrolment') return assignment.organisationId === resource.providerId;
      return resource.type === 'person' && actor.apprenticeIds.includes(resource.personId);
    case 'partnership':
      return (resource.type === 'partnership' || resource.type === 'engagement') && actor.partnershipIds.includes(resource.partnershipId);
    case 'supervisees':
      return resource.type === 'person' && (actor.superviseeIds ?? []).includes(resource.personId);
    case 'decidingSupervisees':
      return resource.type === 'person' && (actor.decidingSuperviseeIds ?? []).includes(resource.personId);
  }
};

const grantAllows = (grant: Grant, actor: Actor | Anonymous, action: Action, resource: Resource): boolean => {
  if (!grant.actions.includes(action)) return false;
  if (grant.roles === 'anyone') return grant.scope === 'public';
  if (actor.kind === 'anonymous') return false;
  const roles = grant.roles;
  return actor.assignments.some((a) => roles.includes(a.role) && inScope(grant.scope, actor, a, resource));
};

/**
 * The one permission check used by every route and use-case: may this actor do this action to this resource?
 * Returns the decision with a reason for the audit log.
 */
export const can = (actor: Actor | Anonymous, action: Action, resource: Resource): Decision => {
  if (!actionMatchesResource(action, resource)) return { allowed: false, reason: `${action} does not apply to ${resource.type} resources` };
  const grant = grants.find((g) => grantAllows(g, actor, action, resource));
  if (grant) return { allowed: true, reason: `granted to ${grant.roles === 'anyone' ? 'anyone' : grant.roles.join('/')} (${grant.scope})` };
  return { allowed: false, reason: actor.kind === 'anonymous' ? 'sign in required' : `no role of this user grants ${action} here` };
};
