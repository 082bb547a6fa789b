import { AppError } from '../../contracts/errors.ts';
import type { PersonState } from '../../contracts/person-state.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { resolvePersonState } from '../../domain/resolve-input.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { Nation, Phase } from '../../framework/schema.ts';
import { type ProgressionSubject, progressionSubjects } from '../../store/duty-profiles.ts';
import { authorize } from '../authorize.ts';
import type { ProgressionDeps } from './deps.ts';

/** A stored person as the engine sees them, with notes on what the state is built from and what it lacks. */
export type StoredPersonState = { person: { id: string; name: string }; state: PersonState; basis: string[] };

const NOT_YET_STORED =
  'Achievements (qualifications, English, maths and science grades, credits) and competency judgements are not stored yet, so this analysis assumes none: requirements they would meet are shown as still to do.';

/** Loads a person whatever their trust and authorizes the action on them; unknown people are not found. */
export const loadSubject = async (
  deps: ProgressionDeps,
  actor: Actor | Anonymous,
  personId: string,
  action: Action,
): Promise<ProgressionSubject> => {
  const subject = /^[0-9a-f-]{36}$/i.test(personId) ? await progressionSubjects(deps.db).find(personId) : undefined;
  if (!subject) {
    // Anonymous callers learn nothing about which ids exist.
    if (actor.kind === 'anonymous') throw new AppError('unauthenticated', 'Sign in to continue');
    throw new AppError('not_found', 'No person has that id', [{ where: 'id', reason: `unknown person ${personId}` }]);
  }
  await authorize(deps, actor, action, {
    type: 'person',
    trustId: subject.trustId,
    organisationId: subject.organisationId,
    personId: subject.id,
  });
  return subject;
};

/** The person state of a stored person, built from their graded role, their school's phase and nation, and their specialisms. */
export const stateOfSubject = (subject: ProgressionSubject, catalogue: Catalogue): StoredPersonState => {
  const basis: string[] = [];
  const phase = Phase.safeParse(subject.phase);
  const nation = Nation.safeParse(subject.nation);
  if (!phase.success) basis.push('The employing organisation has no school phase recorded, so phase-dependent rules use "other".');
  if (!nation.success) basis.push('The employing organisation has no nation recorded, so England is assumed.');
  const role = subject.gradedRole && catalogue.role(subject.gradedRole) ? subject.gradedRole : undefined;
  if (subject.gradedRole && !role) basis.push(`The graded role ${subject.gradedRole} is not a role in the framework, so it is left out.`);
  if (!subject.gradedRole) basis.push('No graded role is recorded for this person.');
  const draft = {
    ...(role ? { role } : {}),
    phase: phase.success ? phase.data : 'other',
    nation: nation.success ? nation.data : 'England',
    specialisms: subject.specialisms,
  };
  let resolved = resolvePersonState(draft, catalogue);
  if (!resolved.ok) {
    basis.push(`Recorded specialisms that the framework does not know were left out (${subject.specialisms.join(', ')}).`);
    resolved = resolvePersonState({ ...draft, specialisms: [] }, catalogue);
  }
  if (!resolved.ok) throw new AppError('internal', 'The stored person cannot be described as a person state', resolved.errors);
  basis.unshift(
    `Built from the stored record: graded role ${role ?? 'none'}, ${resolved.value.phase} phase and ${resolved.value.nation} from the employing school, specialisms ${subject.specialisms.length > 0 ? subject.specialisms.join(', ') : 'none'}.`,
    NOT_YET_STORED,
  );
  return { person: { id: subject.id, name: subject.name }, state: resolved.value, basis };
};

/** The person state of a stored person the actor may read the portfolio of. */
export const storedPersonState = async (deps: ProgressionDeps, actor: Actor | Anonymous, personId: string): Promise<StoredPersonState> =>
  stateOfSubject(await loadSubject(deps, actor, personId, 'person.readPortfolio'), deps.catalogue);
