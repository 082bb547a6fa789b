import type { Actor } from '../../domain/policy/actor.ts';
import { ROLE_FIT_FRAMEWORK } from '../../domain/role-fit.ts';
import type { ProgressionDeps } from './deps.ts';
import { roleFitForPerson } from './person-progression.ts';
import { storedPersonState } from './stored-person.ts';

/**
 * The role-fit page: the latest duty profile and its fit, the person's graded role (the questionnaire's
 * first answer until a profile says otherwise), the roles a profile may name, and whether the viewer
 * may confirm the profile (a line manager, never the person, and only a self-assessed one).
 */
export const roleFitPage = async (deps: ProgressionDeps, actor: Actor, personId: string) => {
  const [result, described] = await Promise.all([roleFitForPerson(deps, actor, personId), storedPersonState(deps, actor, personId)]);
  const roles = deps.catalogue
    .roles()
    .filter(({ framework }) => framework.id === ROLE_FIT_FRAMEWORK)
    .map(({ role }) => ({ id: role.id, title: role.title }));
  const self = actor.personId === personId;
  return {
    ...result,
    gradedRole: described.state.role,
    roles,
    can: { confirm: !self && result.profile?.status === 'self-assessed' },
  };
};
