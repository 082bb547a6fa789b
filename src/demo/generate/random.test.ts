import { describe, expect, it } from 'vitest';
import { idOf } from './ids.ts';
import { randomFor } from './random.ts';

const draws = (seed: number, key: string) => {
  const random = randomFor(seed, key);
  return Array.from({ length: 20 }, () => random.int(0, 1_000_000));
};

describe('seeded randomness', () => {
  it('repeats for the same seed and key, and differs for another seed or key', () => {
    expect(draws(1, 'person:1')).toEqual(draws(1, 'person:1'));
    expect(draws(1, 'person:1')).not.toEqual(draws(2, 'person:1'));
    expect(draws(1, 'person:1')).not.toEqual(draws(1, 'person:2'));
  });

  it('draws weighted keys in proportion to their weights', () => {
    const random = randomFor(9, 'weights');
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[random.weighted({ a: 70, b: 25, c: 5 })]++;
    expect(counts.a / 20_000).toBeCloseTo(0.7, 1);
    expect(counts.b / 20_000).toBeCloseTo(0.25, 1);
    expect(counts.c / 20_000).toBeGreaterThan(0.03);
    expect(counts.c / 20_000).toBeLessThan(0.07);
  });

  it('samples distinct elements in the list’s order', () => {
    const random = randomFor(3, 'sample');
    const chosen = random.sample(['a', 'b', 'c', 'd', 'e', 'f'], 3);
    expect(chosen).toHaveLength(3);
    expect(new Set(chosen).size).toBe(3);
    expect([...chosen].sort()).toEqual(chosen);
    expect(random.sample(['a'], 5)).toEqual(['a']);
  });
});

describe('generated ids', () => {
  it('are UUIDs, unique per table and row number, and differ between seeds', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const ids = [1, 2, 3, 2 ** 32 + 1, 2 ** 40].map((n) => idOf(1, 'people', n));
    for (const id of ids) expect(id).toMatch(uuid);
    expect(new Set(ids).size).toBe(ids.length);
    expect(idOf(1, 'people', 1)).not.toBe(idOf(1, 'judgements', 1));
    expect(idOf(1, 'people', 1)).not.toBe(idOf(2, 'people', 1));
    expect(idOf(1, 'people', 1)).toBe(idOf(1, 'people', 1));
  });
});
