import type { RouteStep } from './route-steps.ts';

/**
 * How routes are compared. A step whose length the data does not know could take any time, so it
 * never counts as 0 months: routes with every length known come first, ranked by their total; routes
 * with steps of unknown length come after them, fewest unknown steps first, then by the months known.
 */

/** Cost of the steps to do: how many have no known length, the months known, how many have no size at all, the hours known, and the count. */
export type RouteCost = { unknown: number; months: number; unsized: number; hours: number; steps: number };

/** The cost of the to-do steps of a route (or of a route being built). */
export const costOf = (steps: readonly RouteStep[]): RouteCost => {
  const todo = steps.filter((s) => s.status === 'todo');
  return {
    unknown: todo.filter((s) => s.months === undefined).length,
    months: todo.reduce((n, s) => n + (s.months ?? 0), 0),
    unsized: todo.filter((s) => s.months === undefined && s.hours === undefined).length,
    hours: todo.reduce((n, s) => n + (s.hours ?? 0), 0),
    steps: todo.length,
  };
};

/**
 * Orders costs: fewer steps of unknown length, then fewer known months, then fewer steps of no
 * known size (a course with known learning hours beats one with none), then fewer hours and steps.
 */
export const compareCost = (a: RouteCost, b: RouteCost): number =>
  a.unknown - b.unknown || a.months - b.months || a.unsized - b.unsized || a.hours - b.hours || a.steps - b.steps;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The route's length in words: "45 months", "21 months known + 3 steps of unknown length", or
 * "2 steps of unknown length" — never "0 known months".
 */
export const headlineOf = (cost: RouteCost): string => {
  const hours = cost.hours > 0 ? ` (${cost.hours} hours of learning)` : '';
  if (cost.unknown === 0) return `${plural(cost.months, 'month', 'months')}${hours}`;
  const unknown = plural(cost.unknown, 'step of unknown length', 'steps of unknown length');
  return cost.months > 0 ? `${plural(cost.months, 'month', 'months')} known${hours} + ${unknown}` : unknown;
};

/** How the lengths were worked out, for the person's study hours (or their absence). */
export const durationNoteOf = (steps: readonly RouteStep[], hoursPerWeekForStudy: number | undefined): string => {
  const todo = steps.filter((s) => s.status === 'todo');
  const sources = new Set(todo.map((s) => s.durationSource));
  if (!hoursPerWeekForStudy)
    return sources.has('full-time')
      ? 'Lengths are full-time figures from the data; give the hours a week you can study to see part-time lengths.'
      : 'Lengths are from the data; give the hours a week you can study to see part-time lengths.';
  const parts = [
    ...(sources.has('part-time') ? ["the programme's part-time form where the data has one"] : []),
    ...(sources.has('derived-from-hours') ? ['months derived from learning hours where it has none'] : []),
    ...(sources.has('full-time') ? ['full-time figures where the data has neither (part-time study takes longer)'] : []),
    ...(sources.has('work-based') ? ["an apprenticeship's own length (it is done while employed)"] : []),
  ];
  return `At ${hoursPerWeekForStudy} hours of study a week: ${parts.length > 0 ? parts.join('; ') : 'no step has a length in the data'}. Each step says which.`;
};
