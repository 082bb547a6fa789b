import type { Achievement, PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Flag } from '../framework/schema.ts';
import { holdsQualification, holdsStatus } from './achievements.ts';
import { progressionGraph } from './progression-graph.ts';

/**
 * Where a step's length comes from: the data's full-time figure, the programme's part-time form,
 * months derived from its learning hours at the person's study hours a week, an apprenticeship's
 * own length (done while employed), or unknown.
 */
export type DurationSource = 'full-time' | 'part-time' | 'derived-from-hours' | 'work-based' | 'unknown';

/** One step of a route: what to do, why it is needed, how long it takes where the data knows, and what it gives. */
export type RouteStep = {
  /** A catalogue id (role, status, qualification) or a requirement key for an achievement step. */
  id: string;
  kind: 'role' | 'status' | 'qualification' | 'achievement';
  status: 'done' | 'todo';
  title: string;
  /** The constraint that explains the step. */
  why: string;
  hours?: number;
  hoursMax?: number;
  months?: number;
  /** The longest typical length, where the data gives a range (a part-time form of 18 to 24 months). */
  monthsMax?: number;
  /** "24 months full-time", "48 months part-time (…)", "about 23 months at 6 hours a week (…)", or "length unknown". */
  duration: string;
  durationSource?: DurationSource;
  evidence?: string[];
  /** What the person holds once the step is done, in words ("Functional Skills English Level 2 — not a GCSE"). */
  gives?: string[];
  /** What the person holds once the step is done (used to simulate the route). */
  grants?: Grants;
};

/** What a step adds to a person: achievements, items judged met, a specialism, a role, a circumstance (an apprenticeship employer). */
export type Grants = { achievements?: Achievement[]; judgements?: string[]; specialisms?: string[]; role?: string; flags?: Flag[] };

/** The person after a step's grants. */
export const applyGrants = (state: PersonState, grants: Grants | undefined): PersonState =>
  grants
    ? {
        ...state,
        ...(grants.role ? { role: grants.role } : {}),
        achievements: grants.achievements ? [...state.achievements, ...grants.achievements] : state.achievements,
        judgements: grants.judgements
          ? { ...state.judgements, ...Object.fromEntries(grants.judgements.map((c) => [c, 'met' as const])) }
          : state.judgements,
        specialisms: grants.specialisms ? [...state.specialisms, ...grants.specialisms] : state.specialisms,
        flags: grants.flags ? { ...state.flags, ...Object.fromEntries(grants.flags.map((f) => [f, true])) } : state.flags,
      }
    : state;

export const WEEKS_PER_MONTH = 52 / 12;

/** The data's hours per credit (1 credit = 10 hours in the QCF credit rules), if any framework states it. */
export const hoursPerCredit = (catalogue: Catalogue): number | undefined =>
  catalogue.frameworks.find((f) => f.creditRules)?.creditRules?.hoursPerCredit;

/** What the data says about a programme's length: full-time months, a part-time form, and whether it is done while employed. */
export type ProgrammeLength = { months?: number; partTime?: { value: number; max?: number }; workBased?: boolean };

const range = (value: number, max: number | undefined) => (max !== undefined && max !== value ? `${value} to ${max}` : `${value}`);

/**
 * A step's hours and months. Durations in the data are full-time. For a person who gives study
 * hours a week (studying part-time while working): the programme's part-time form where the data
 * has one, otherwise months derived from its learning hours; an apprenticeship keeps its own length
 * (it is done while employed). The duration text says which.
 */
export const sizeOf = (
  hours: { hours?: number; hoursMax?: number },
  length: ProgrammeLength,
  state: PersonState,
): Pick<RouteStep, 'hours' | 'hoursMax' | 'months' | 'monthsMax' | 'duration' | 'durationSource'> => {
  const size = {
    ...(hours.hours !== undefined ? { hours: hours.hours } : {}),
    ...(hours.hoursMax !== undefined ? { hoursMax: hours.hoursMax } : {}),
  };
  const perWeek = state.hoursPerWeekForStudy;
  const { months, partTime, workBased } = length;
  if (months !== undefined && workBased)
    return { ...size, months, duration: `${months} months (an apprenticeship: done while employed)`, durationSource: 'work-based' };
  if (perWeek && partTime)
    return {
      ...size,
      months: partTime.value,
      ...(partTime.max !== undefined ? { monthsMax: partTime.max } : {}),
      duration: `${range(partTime.value, partTime.max)} months part-time (the programme's part-time form)`,
      durationSource: 'part-time',
    };
  if (perWeek && hours.hours !== undefined) {
    const derived = Math.ceil(hours.hours / perWeek / WEEKS_PER_MONTH);
    return {
      ...size,
      months: derived,
      duration: `about ${derived} months at ${perWeek} hours a week (derived from ${hours.hours} hours of learning)`,
      durationSource: 'derived-from-hours',
    };
  }
  if (months !== undefined)
    return {
      ...size,
      months,
      duration: perWeek
        ? `${months} months full-time (the data has no part-time form or learning hours, so part-time study takes longer)`
        : `${months} months full-time`,
      durationSource: 'full-time',
    };
  return {
    ...size,
    duration:
      hours.hours !== undefined ? `${hours.hours} hours of learning; length unknown (no study hours per week given)` : 'length unknown',
    durationSource: 'unknown',
  };
};

/** The step for reaching a catalogue target itself (taking the qualification, the post, the award). */
export const targetStep = (id: string, why: string, catalogue: Catalogue, state: PersonState): RouteStep | undefined => {
  const entry = catalogue.entry(id);
  if (entry?.type === 'qualification') {
    const q = entry.qualification;
    const perCredit = hoursPerCredit(catalogue);
    const hours =
      q.tqtHours != null
        ? { hours: q.tqtHours }
        : q.credits != null && perCredit
          ? { hours: q.credits * perCredit }
          : q.creditRange && perCredit
            ? { hours: q.creditRange.min * perCredit, hoursMax: q.creditRange.max * perCredit }
            : {};
    const length = {
      ...(q.durationMonths ? { months: q.durationMonths.value } : {}),
      ...(q.partTimeMonths ? { partTime: q.partTimeMonths } : {}),
      workBased: q.scheme === 'apprenticeship-standard' || q.scheme === 'apprenticeship-framework',
    };
    return {
      id,
      kind: 'qualification',
      status: 'todo',
      title: `complete ${q.title}`,
      why,
      ...sizeOf(hours, length, state),
      gives: [q.title],
      grants: { achievements: [{ qualification: id }] },
    };
  }
  if (entry?.type === 'status') {
    const title = `be awarded ${entry.status.title} (by ${entry.status.awardedBy})`;
    return {
      id,
      kind: 'status',
      status: 'todo',
      title,
      why,
      duration: 'length unknown',
      durationSource: 'unknown',
      gives: [entry.status.title],
      grants: { achievements: [{ status: id }] },
    };
  }
  if (entry?.type === 'role') {
    return {
      id,
      kind: 'role',
      status: 'todo',
      title: `take up ${/^[AEIOU]/i.test(entry.role.title) ? 'an' : 'a'} ${entry.role.title} post`,
      why,
      duration: 'length unknown',
      durationSource: 'unknown',
      gives: [`${/^[AEIOU]/i.test(entry.role.title) ? 'an' : 'a'} ${entry.role.title} post`],
      grants: { role: id },
    };
  }
  return undefined;
};

/** Whether the person already holds a target: the qualification or status, or the role (or a later one). */
export const holdsTarget = (id: string, state: PersonState, catalogue: Catalogue): boolean => {
  const entry = catalogue.entry(id);
  if (entry?.type === 'qualification') return holdsQualification(state, id, catalogue);
  if (entry?.type === 'status') return holdsStatus(state, id);
  if (entry?.type === 'role') return state.role !== undefined && (state.role === id || progressionGraph(catalogue).leadsTo(id, state.role));
  return false;
};
