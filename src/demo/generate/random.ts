import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/**
 * Seeded randomness for the demo workforce. Each thing generated (a school, a person) draws from its
 * own generator, seeded from the run's seed and the thing's key, so a person's rows do not depend on
 * how many rows came before them: the stream can be cut into chunks, resumed or grown without
 * changing what an earlier person looks like.
 */
export type Random = {
  /** A float in [0, 1). */
  float(): number;
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(values: readonly T[]): T;
  /** A key of a weights table, in proportion to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A normally distributed value (Box–Muller). */
  normal(mean: number, spread: number): number;
  /** `count` distinct elements of a list, in the list's order. */
  sample<T>(values: readonly T[], count: number): T[];
};

/** FNV-1a over the key's characters, mixed with the seed: a stable 32-bit seed for one thing. */
export const seedOf = (seed: number, key: string): number => {
  let hash = 0x811c9dc5 ^ (seed | 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return hash | 0;
};

/** The generator for one thing of a run: `randomFor(seed, 'person:12')`. */
export const randomFor = (seed: number, key: string): Random => {
  const rng = xoroshiro128plus(seedOf(seed, key));
  const float = () => uniformFloat64(rng);
  const random: Random = {
    float,
    int: (from, to) => uniformInt(rng, from, to),
    chance: (probability) => float() < probability,
    pick: (values) => {
      const value = values[uniformInt(rng, 0, values.length - 1)];
      if (value === undefined) throw new Error('pick from an empty list');
      return value;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights & string, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let at = float() * total;
      for (const [key, weight] of entries) {
        at -= weight;
        if (at < 0) return key;
      }
      const last = entries.at(-1);
      if (!last) throw new Error('weighted pick from an empty table');
      return last[0];
    },
    normal: (mean, spread) => {
      const u = 1 - float();
      const v = float();
      return mean + spread * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    sample: (values, count) => {
      // Selection sampling (Knuth's algorithm S): one pass, keeps the list's order.
      const chosen: (typeof values)[number][] = [];
      let needed = Math.min(count, values.length);
      for (let i = 0; i < values.length && needed > 0; i++) {
        if (uniformInt(rng, 0, values.length - i - 1) < needed) {
          chosen.push(values[i] as (typeof values)[number]);
          needed--;
        }
      }
      return chosen;
    },
  };
  return random;
};
