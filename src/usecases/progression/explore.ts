import type { DutyProfile } from '../../contracts/duty-profile.ts';
import { AppError } from '../../contracts/errors.ts';
import type { GoalOptions, PersonState } from '../../contracts/person-state.ts';
import { type Gap, gap } from '../../domain/gap.ts';
import { resolveDutyProfile, resolvePersonState } from '../../domain/resolve-input.ts';
import { type RoleFit, roleFit } from '../../domain/role-fit.ts';
import { type RoutePlan, route } from '../../domain/route.ts';
import { findTarget } from '../../domain/targets.ts';
import type { Catalogue } from '../../framework/catalogue.ts';

/** The public progression engine: anyone may run it on a state they describe; nothing is stored. */

/** A person state from untrusted JSON, checked against the catalogue; a `validation` error names each JSON path. */
export const checkPersonState = (json: unknown, catalogue: Catalogue, where = '$.state'): PersonState => {
  const resolved = resolvePersonState(json, catalogue);
  if (!resolved.ok)
    throw new AppError(
      'validation',
      'The person state is not valid',
      resolved.errors.map((e) => ({ ...e, where: e.where.replace(/^\$/, where) })),
    );
  return resolved.value;
};

/** A duty profile from untrusted JSON, checked against the catalogue. */
export const checkDutyProfile = (json: unknown, catalogue: Catalogue, where = '$.dutyProfile'): DutyProfile => {
  const resolved = resolveDutyProfile(json, catalogue);
  if (!resolved.ok)
    throw new AppError(
      'validation',
      'The duty profile is not valid',
      resolved.errors.map((e) => ({ ...e, where: e.where.replace(/^\$/, where) })),
    );
  return resolved.value;
};

/** A target or goal id that must exist: a `validation` error (it came in the request) rather than not found. */
const checkTarget = (id: string, where: string, catalogue: Catalogue) => {
  try {
    findTarget(id, catalogue);
  } catch {
    throw new AppError('validation', `No role, status or qualification has the id ${id}`, [{ where, reason: `unknown id ${id}` }]);
  }
};

const checkOption = (option: string | undefined, catalogue: Catalogue) => {
  if (option && !catalogue.roles().some(({ role }) => role.options?.some((o) => o.id === option)))
    throw new AppError('validation', `No role has the option ${option}`, [{ where: '$.option', reason: `unknown option ${option}` }]);
};

/** The goal options asked for (the apprenticeship option, the teacher-training phase), without empty ones. */
export const goalOf = (input: GoalOptions): GoalOptions => ({
  ...(input.option ? { option: input.option } : {}),
  ...(input.trainingPhase ? { trainingPhase: input.trainingPhase } : {}),
});

/** Gap analysis on a described state. */
export const exploreGap = (input: { state: unknown; target: string } & GoalOptions, catalogue: Catalogue): Gap => {
  const state = checkPersonState(input.state, catalogue);
  checkTarget(input.target, '$.target', catalogue);
  checkOption(input.option, catalogue);
  return gap(state, input.target, catalogue, goalOf(input));
};

/** Route planning on a described state. */
export const exploreRoute = (input: { state: unknown; goal: string } & GoalOptions, catalogue: Catalogue): RoutePlan => {
  const state = checkPersonState(input.state, catalogue);
  checkTarget(input.goal, '$.goal', catalogue);
  checkOption(input.option, catalogue);
  return route(state, input.goal, catalogue, goalOf(input));
};

/** Role fit of a described duty profile. */
export const exploreRoleFit = (input: { dutyProfile: unknown }, catalogue: Catalogue): RoleFit =>
  roleFit(checkDutyProfile(input.dutyProfile, catalogue), catalogue);
