import { type WorkforceProportions, weightsOf } from './proportions.ts';
import type { Random } from './random.ts';

/** One school of the generated trust: its phase, nation and headcount. */
export type PlannedSchool = { index: number; phase: string; nation: string; staff: number };

/**
 * Whole numbers in proportion to the weights that add up to exactly `total` (largest remainder), so
 * the generated proportions match the table as closely as whole people allow.
 */
export const apportion = (weights: Readonly<Record<string, number>>, total: number): Map<string, number> => {
  const entries = Object.entries(weights).filter(([, w]) => w > 0);
  const sum = entries.reduce((s, [, w]) => s + w, 0);
  const exact = entries.map(([key, w]) => ({ key, exact: (w / sum) * total }));
  const counts = new Map(exact.map((e) => [e.key, Math.floor(e.exact)]));
  let left = total - [...counts.values()].reduce((s, n) => s + n, 0);
  for (const e of [...exact].sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)) || (a.key < b.key ? -1 : 1))) {
    if (left <= 0) break;
    counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
    left--;
  }
  return counts;
};

/** Fisher–Yates with the given generator. */
export const shuffle = <T>(random: Random, values: T[]): T[] => {
  for (let i = values.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [values[i], values[j]] = [values[j] as T, values[i] as T];
  }
  return values;
};

/** Lays out the schools of a scale: phases and nations apportioned by the tables, headcounts by phase size summing to `staff`. */
export const planSchools = (
  proportions: WorkforceProportions,
  scale: { schools: number; staff: number; phases: Record<string, number> },
  random: Random,
): PlannedSchool[] => {
  const phases = shuffle(
    random,
    [...apportion(scale.phases, scale.schools)].flatMap(([phase, n]) => Array.from({ length: n }, () => phase)),
  );
  const nations =
    scale.schools === 1
      ? [proportions.nations.singleSchool]
      : shuffle(
          random,
          [...apportion(weightsOf(proportions.nations.weights), scale.schools)].flatMap(([nation, n]) =>
            Array.from({ length: n }, () => nation),
          ),
        );
  const sizeWeights = weightsOf(proportions.schoolSize.weights);
  const relative = phases.map((phase) => (sizeWeights[phase] ?? 1) * (0.8 + 0.4 * random.float()));
  const sizes = apportion(Object.fromEntries(relative.map((w, i) => [String(i), w])), scale.staff);
  return phases.map((phase, index) => ({
    index,
    phase,
    nation: nations[index] ?? proportions.nations.singleSchool,
    staff: sizes.get(String(index)) ?? 0,
  }));
};
