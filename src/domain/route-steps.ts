import type { Achievement, PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { holdsQualification, holdsStatus } from './achievements.ts';
import { progressionGraph } from './progression-graph.ts';

/** One step of a route: what to do, why it is needed, and how long it takes where the data knows. */
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
  /** "24 months", "about 5 months at 4 hours a week", or "duration unknown". */
  duration: string;
  evidence?: string[];
  /** What the person holds once the step is done (used to simulate the route, and shown). */
  grants?: Grants;
};

/** What a step adds to a person: achievements, items judged met, a specialism, a role. */
export type Grants = { achievements?: Achievement[]; judgements?: string[]; specialisms?: string[]; role?: string };

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
      }
    : state;

export const WEEKS_PER_MONTH = 52 / 12;

/** The data's hours per credit (1 credit = 10 hours in the QCF credit rules), if any framework states it. */
export const hoursPerCredit = (catalogue: Catalogue): number | undefined =>
  catalogue.frameworks.find((f) => f.creditRules)?.creditRules?.hoursPerCredit;

/** Hours and months of learning from the data: the programme's duration, else credits or TQT at the person's study hours. */
export const sizeOf = (
  hours: { hours?: number; hoursMax?: number },
  months: number | undefined,
  state: PersonState,
): Pick<RouteStep, 'hours' | 'hoursMax' | 'months' | 'duration'> => {
  const size = {
    ...(hours.hours !== undefined ? { hours: hours.hours } : {}),
    ...(hours.hoursMax !== undefined ? { hoursMax: hours.hoursMax } : {}),
  };
  if (months !== undefined) return { ...size, months, duration: `${months} months` };
  if (hours.hours !== undefined && state.hoursPerWeekForStudy) {
    const derived = Math.ceil(hours.hours / state.hoursPerWeekForStudy / WEEKS_PER_MONTH);
    return { ...size, months: derived, duration: `about ${derived} months at ${state.hoursPerWeekForStudy} hours a week` };
  }
  return {
    ...size,
    duration: hours.hours !== undefined ? `${hours.hours} hours; duration unknown (no study hours per week given)` : 'duration unknown',
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
    const size = sizeOf(hours, q.durationMonths?.value, state);
    return {
      id,
      kind: 'qualification',
      status: 'todo',
      title: `complete ${q.title}`,
      why,
      ...size,
      grants: { achievements: [{ qualification: id }] },
    };
  }
  if (entry?.type === 'status') {
    const title = `be awarded ${entry.status.title} (by ${entry.status.awardedBy})`;
    return { id, kind: 'status', status: 'todo', title, why, duration: 'duration unknown', grants: { achievements: [{ status: id }] } };
  }
  if (entry?.type === 'role') {
    return {
      id,
      kind: 'role',
      status: 'todo',
      title: `take up a ${entry.role.title} post`,
      why,
      duration: 'duration unknown',
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
