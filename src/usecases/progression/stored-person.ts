import type { Kysely } from 'kysely';
import { AppError } from '../../contracts/errors.ts';
import type { PersonState } from '../../contracts/person-state.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { type PortfolioFacts, portfolioState } from '../../domain/portfolio-state.ts';
import { resolvePersonState } from '../../domain/resolve-input.ts';
import { countedSpecialisms } from '../../domain/specialisms.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { Nation, Phase } from '../../framework/schema.ts';
import { achievements } from '../../store/achievements.ts';
import { type ProgressionSubject, progressionSubjects } from '../../store/duty-profiles.ts';
import { judgements } from '../../store/judgements.ts';
import { specialismRecords } from '../../store/specialisms.ts';
import type { Tables } from '../../store/tables.ts';
import { authorize, unknownPerson } from '../authorize.ts';
import type { ProgressionDeps } from './deps.ts';

/** A stored person as the engine sees them, with notes on what the state is built from and what it lacks. */
export type StoredPersonState = {
  person: { id: string; name: string };
  state: PersonState;
  basis: string[];
  /** Specialisms the person recorded that still await the line manager's confirmation (not counted yet). */
  awaitingSpecialisms: string[];
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The basis note on what the portfolio contributed, so the reader knows what the analysis can see. */
const portfolioNote = (counted: number, judged: number, leftOut: readonly string[], flags: PortfolioFacts['flags']): string => {
  const held = [
    `${plural(counted, 'achievement', 'achievements')} and ${plural(judged, 'judgement', 'judgements')} from the portfolio`,
    ...(flags.ehcpOrStatement ? ['an EHC plan or legacy statement'] : []),
    ...(flags.bsl ? ['a BSL qualification'] : []),
  ].join(', ');
  const left =
    leftOut.length > 0
      ? ` Left out, as the engine cannot weigh them: ${leftOut.join(', ')} (entered qualifications without credits or at Entry level).`
      : '';
  return `Uses ${held}; anything not recorded there is shown as still to do.${left}`;
};

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
    throw unknownPerson(personId);
  }
  await authorize(deps, actor, action, {
    type: 'person',
    trustId: subject.trustId,
    organisationId: subject.organisationId,
    personId: subject.id,
  });
  return subject;
};

/** The person state of a stored person, built from their graded role, their school's phase and nation, their specialisms and their portfolio. */
export const stateOfSubject = (subject: ProgressionSubject, catalogue: Catalogue, facts: PortfolioFacts = noFacts): StoredPersonState => {
  const portfolio = portfolioState(facts);
  const basis: string[] = [];
  const phase = Phase.safeParse(subject.phase);
  const nation = Nation.safeParse(subject.nation);
  if (!phase.success) basis.push('The employing organisation has no school phase recorded, so phase-dependent rules use "other".');
  if (!nation.success) basis.push('The employing organisation has no nation recorded, so England is assumed.');
  const role = subject.gradedRole && catalogue.role(subject.gradedRole) ? subject.gradedRole : undefined;
  if (subject.gradedRole && !role) basis.push(`The graded role ${subject.gradedRole} is not a role in the framework, so it is left out.`);
  if (!subject.gradedRole) basis.push('No graded role is recorded for this person.');
  // Only specialisms on the staff record or confirmed by the line manager count; recorded ones wait.
  const specialisms = countedSpecialisms(subject.specialisms, facts.specialisms?.confirmed ?? []);
  const awaitingSpecialisms = (facts.specialisms?.awaiting ?? []).filter((s) => !specialisms.includes(s));
  const draft = {
    ...(role ? { role } : {}),
    phase: phase.success ? phase.data : 'other',
    nation: nation.success ? nation.data : 'England',
    specialisms,
    ...portfolio.state,
  };
  let resolved = resolvePersonState(draft, catalogue);
  if (!resolved.ok && resolved.errors.some((e) => e.where.startsWith('$.specialisms'))) {
    basis.push(`Recorded specialisms that the framework does not know were left out (${specialisms.join(', ')}).`);
    resolved = resolvePersonState({ ...draft, specialisms: [] }, catalogue);
  }
  if (!resolved.ok) {
    // A framework update can retire an id the portfolio still names: show the rest rather than fail.
    basis.push(`Portfolio entries the framework no longer knows were left out (${resolved.errors.map((e) => e.reason).join('; ')}).`);
    const known = {
      ...draft,
      specialisms: [],
      achievements: draft.achievements.filter(
        (a) => resolvePersonState({ ...draft, specialisms: [], achievements: [a], judgements: {} }, catalogue).ok,
      ),
      judgements: Object.fromEntries(Object.entries(draft.judgements).filter(([code]) => catalogue.item(code) !== undefined)),
    };
    resolved = resolvePersonState(known, catalogue);
  }
  if (!resolved.ok) throw new AppError('internal', 'The stored person cannot be described as a person state', resolved.errors);
  basis.unshift(
    `Built from the stored record: graded role ${role ?? 'none'}, ${resolved.value.phase} phase and ${resolved.value.nation} from the employing school, specialisms ${specialisms.length > 0 ? specialisms.join(', ') : 'none'}.`,
    portfolioNote(portfolio.counted, Object.keys(portfolio.state.judgements).length, portfolio.leftOut, facts.flags),
  );
  if (awaitingSpecialisms.length > 0)
    basis.push(`Specialisms awaiting confirmation by the line manager, not counted yet: ${awaitingSpecialisms.join(', ')}.`);
  return { person: { id: subject.id, name: subject.name }, state: resolved.value, basis, awaitingSpecialisms };
};

/** The person state of a stored person the actor may read the portfolio of. */
export const storedPersonState = async (deps: ProgressionDeps, actor: Actor | Anonymous, personId: string): Promise<StoredPersonState> => {
  const subject = await loadSubject(deps, actor, personId, 'person.readPortfolio');
  return stateOfSubject(subject, deps.catalogue, await portfolioFacts(deps.db, subject));
};

const noFacts: PortfolioFacts = { achievements: [], flags: { ehcpOrStatement: false, bsl: false }, judgements: [] };

/** What the portfolio holds for a stored person: current achievements, flags and current judgements. */
export const portfolioFacts = async (db: Kysely<Tables>, subject: ProgressionSubject): Promise<PortfolioFacts> => {
  const store = achievements(db);
  const recorded = specialismRecords(db);
  return {
    achievements: (await store.listFor(subject.trustId, subject.id)).map((a) => a.details),
    flags: await store.flags(subject.trustId, subject.id),
    judgements: await judgements(db).current(subject.trustId, subject.id),
    specialisms: {
      confirmed: await recorded.lettersWith(subject.trustId, subject.id, 'confirmed'),
      awaiting: await recorded.lettersWith(subject.trustId, subject.id, 'awaiting'),
    },
  };
};
