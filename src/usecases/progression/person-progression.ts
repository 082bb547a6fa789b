import { AppError } from '../../contracts/errors.ts';
import type { GoalOptions } from '../../contracts/person-state.ts';
import { type Gap, gap } from '../../domain/gap.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { progressionGraph } from '../../domain/progression-graph.ts';
import { type RoleFit, roleFit } from '../../domain/role-fit.ts';
import { type RoutePlan, route } from '../../domain/route.ts';
import { findTarget } from '../../domain/targets.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { dutyProfiles, type StoredDutyProfile } from '../../store/duty-profiles.ts';
import type { ProgressionDeps } from './deps.ts';
import { goalOf } from './explore.ts';
import { loadSubject, type StoredPersonState, storedPersonState } from './stored-person.ts';

/** Progression for a stored person: every function authorizes `person.readPortfolio` on them first. */

const target = (id: string, where: string, catalogue: Catalogue) => {
  try {
    return findTarget(id, catalogue);
  } catch {
    throw new AppError('validation', `No role, status or qualification has the id ${id}`, [{ where, reason: `unknown id ${id}` }]);
  }
};

export type PersonGap = StoredPersonState & { gap: Gap };

const checkOption = (option: string | undefined, catalogue: Catalogue) => {
  if (option && !catalogue.roles().some(({ role }) => role.options?.some((o) => o.id === option)))
    throw new AppError('validation', `No role has the option ${option}`, [{ where: 'option', reason: `unknown option ${option}` }]);
};
export type PersonRoute = StoredPersonState & { plan: RoutePlan };

/** Gap analysis of a stored person against a role, status or qualification. */
export const gapForPerson = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
  targetId: string,
  goal: GoalOptions = {},
): Promise<PersonGap> => {
  const subject = await storedPersonState(deps, actor, personId);
  target(targetId, 'target', deps.catalogue);
  checkOption(goal.option, deps.catalogue);
  return { ...subject, gap: gap(subject.state, targetId, deps.catalogue, goalOf(goal)) };
};

/** Route planning for a stored person to a goal. */
export const routeForPerson = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
  goal: string,
  options: GoalOptions = {},
  hoursPerWeekForStudy?: number,
): Promise<PersonRoute> => {
  const subject = await storedPersonState(deps, actor, personId);
  target(goal, 'goal', deps.catalogue);
  checkOption(options.option, deps.catalogue);
  // Study hours are asked when planning (nothing stores them): they turn lengths into part-time ones.
  const state = hoursPerWeekForStudy ? { ...subject.state, hoursPerWeekForStudy } : subject.state;
  return { ...subject, plan: route(state, goal, deps.catalogue, goalOf(options)) };
};

/** The roles that follow a role in the `precedes` graph (the next level, and any sideways move the data names). */
export const nextRoles = (roleId: string | undefined, catalogue: Catalogue): string[] =>
  roleId
    ? progressionGraph(catalogue)
        .successors(roleId)
        .filter((id) => catalogue.role(id) !== undefined)
    : [];

/** "My next step": the gap to each role that follows the person's graded role. */
export const nextStepForPerson = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<StoredPersonState & { next: Gap[] }> => {
  const subject = await storedPersonState(deps, actor, personId);
  const next = nextRoles(subject.state.role, deps.catalogue).map((id) => gap(subject.state, id, deps.catalogue));
  return { ...subject, next };
};

/** Role fit of the person's latest stored duty profile (none yet: `fit` is null). */
export const roleFitForPerson = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
): Promise<{
  person: { id: string; name: string };
  profile: StoredDutyProfile | null;
  fit: RoleFit | null;
  history: StoredDutyProfile[];
}> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  const history = await dutyProfiles(deps.db).history(subject.trustId, subject.id);
  const latest = history[0] ?? null;
  const known = latest
    ? Object.fromEntries(Object.entries(latest.duties).filter(([code]) => deps.catalogue.item(code)?.kind === 'duty'))
    : {};
  const fit =
    latest && deps.catalogue.role(latest.currentRole) ? roleFit({ currentRole: latest.currentRole, duties: known }, deps.catalogue) : null;
  return { person: { id: subject.id, name: subject.name }, profile: latest, fit, history };
};
