import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Flag, Requirement } from '../../framework/schema.ts';
import { ageAtApprenticeshipStart } from '../achievements.ts';
import { codesOf, type EvaluationContext } from '../requirements/index.ts';

/**
 * What an evaluation of a requirement reads of a person and the context, as a key: two people with
 * the same key get the same evaluation from the interpreter, so a caseload evaluates each rule once
 * per distinct key rather than once per apprentice (thousands of apprentices share their English and
 * maths, their flags and, often, the pattern of their KSB judgements). The key covers everything the
 * interpreter's node reads (labels and actions too), not only what decides the status. Each leaf's
 * reads follow src/domain/requirements/leaves.ts and items.ts; the switch is exhaustive, so a new
 * requirement type does not compile until its reads are stated here.
 */

type Reads = {
  flags: Set<Flag>;
  achievements: boolean;
  age: boolean;
  role: boolean;
  specialisms: boolean;
  phase: boolean;
  trainingPhase: boolean;
  nation: boolean;
  items: Extract<Requirement, { type: 'itemsMet' | 'itemsWorkingTowards' }>[];
  /** The days parts of the rule took effect: whether the check's day is on or after each decides them. */
  effectiveFrom: Set<string>;
};

const collect = (requirement: Requirement, reads: Reads): void => {
  if (requirement.effectiveFrom !== undefined) reads.effectiveFrom.add(requirement.effectiveFrom);
  switch (requirement.type) {
    case 'allOf':
    case 'anyOf':
    case 'atLeast':
      for (const r of requirement.of) collect(r, reads);
      return;
    case 'when':
      // Whether it applies, and its words, turn on the school's or the training phase.
      reads.phase = true;
      reads.trainingPhase = true;
      collect(requirement.require, reads);
      return;
    case 'not':
      collect(requirement.requirement, reads);
      return;
    case 'qualification':
    case 'qualificationAtLevel':
    case 'subjectGrade':
    case 'credits':
    case 'degree':
    case 'status':
      reads.achievements = true;
      return;
    case 'subjectLevel':
      // The action's example grade comes from the schemes of the person's nation.
      reads.achievements = true;
      reads.nation = true;
      return;
    case 'itemsMet':
    case 'itemsWorkingTowards':
      reads.items.push(requirement);
      return;
    case 'specialism':
      reads.specialisms = true;
      return;
    case 'role':
      reads.role = true;
      return;
    case 'ageAtStart':
      reads.age = true;
      return;
    case 'flag':
      reads.flags.add(requirement.flag);
      return;
    default:
      requirement satisfies never;
  }
};

export type InputKey = (state: PersonState, context: EvaluationContext) => string;

/** Achievement lists are shared by reference between the states built for one person's enrolments. */
const achievementKeys = new WeakMap<object, string>();
const achievementsKey = (state: PersonState): string => {
  let key = achievementKeys.get(state.achievements);
  if (key === undefined) {
    key = JSON.stringify(state.achievements);
    achievementKeys.set(state.achievements, key);
  }
  return key;
};

/** The key of what evaluating `requirement` reads (against this catalogue, which is fixed for the caller's memo). */
export const inputKeyOf = (requirement: Requirement, catalogue: Catalogue): InputKey => {
  const reads: Reads = {
    flags: new Set(),
    achievements: false,
    age: false,
    role: false,
    specialisms: false,
    phase: false,
    trainingPhase: false,
    nation: false,
    items: [],
    effectiveFrom: new Set(),
  };
  collect(requirement, reads);
  const flags = [...reads.flags].sort();
  const days = [...reads.effectiveFrom].sort();
  return (state, context) => {
    const parts: string[] = [];
    for (const flag of flags) parts.push(state.flags[flag] === true ? '1' : '0');
    if (reads.age) parts.push(String(ageAtApprenticeshipStart(state)));
    if (reads.role) parts.push(state.role ?? '');
    if (reads.specialisms) parts.push(state.specialisms.join(','));
    if (reads.phase) parts.push(context.phase);
    if (reads.trainingPhase) parts.push(context.trainingPhase ?? '');
    if (reads.nation) parts.push(context.nation ?? '');
    for (const day of days) parts.push(context.on === undefined ? '' : context.on >= day ? '1' : '0');
    if (reads.achievements) parts.push(achievementsKey(state));
    if (reads.items.length > 0) {
      // The codes of a set depend on the option chosen; an unchosen one is itself part of the outcome.
      parts.push(context.option ?? '');
      // An item recognised as prior learning counts as met without a judgement, and is listed apart.
      const recognised = new Set(context.recognised ?? []);
      for (const rule of reads.items)
        parts.push(
          codesOf(rule, catalogue, context)
            .map((code) => `${state.judgements[code] ?? ''}${recognised.has(code) ? '+' : ''}`)
            .join(','),
        );
    }
    return parts.join('\u0001');
  };
};
