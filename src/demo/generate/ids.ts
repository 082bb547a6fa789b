import { seedOf } from './random.ts';

const hex = (value: number, digits: number) => (value >>> 0).toString(16).padStart(8, '0').slice(-digits);

/** The first 16 digits of a table's ids in one run (they hash only the seed and the table). */
const prefixes = new Map<string, string>();
const prefixOf = (seed: number, table: string) => {
  const key = table + seed;
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    const a = seedOf(seed, table);
    const b = seedOf(a, `${seed}`);
    prefix = `${hex(a, 8)}-${hex(b >>> 16, 4)}-4${hex(b, 3)}`;
    prefixes.set(key, prefix);
  }
  return prefix;
};

/**
 * Deterministic ids for generated rows: a UUID (version 4 layout) from the run's seed, the table
 * and the row's number in that table. Unique within a run (the number is spelt out in the last 12
 * digits) and different between seeds (the first 16 digits hash the seed and the table).
 */
export const idOf = (seed: number, table: string, n: number): string => {
  const high = Math.floor(n / 0x1_0000_0000);
  const low = n % 0x1_0000_0000;
  const last =
    high === 0
      ? `8000-0000${low.toString(16).padStart(8, '0')}`
      : `${hex(0x8000 | (high & 0x3fff), 4)}-${hex(high >>> 14, 4)}${hex(low, 8)}`;
  return `${prefixOf(seed, table)}-${last}`;
};
