import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Achievement, PersonState } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { creditRulesOf, creditSummary, creditsAtLevel, sizesReached } from './credits.ts';
import { portfolioState } from './portfolio-state.ts';
import { evaluate } from './requirements/index.ts';

/** Credit totals and qualification sizes over generated portfolios, on the real framework data. */

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const state = (achievements: Achievement[]): PersonState => ({
  phase: 'primary',
  nation: 'England',
  achievements,
  judgements: {},
  specialisms: [],
  flags: { ehcpOrStatement: false, bsl: false },
});

const unit = fc.record({ level: fc.integer({ min: 1, max: 8 }), credits: fc.integer({ min: 1, max: 60 }) });
const achievement = (): fc.Arbitrary<Achievement> =>
  fc.oneof(
    fc.array(unit, { minLength: 1, maxLength: 4 }).map((units) => ({ units })),
    fc.record({
      degree: fc.constantFrom('foundation-degree', 'honours-degree'),
      level: fc.integer({ min: 4, max: 8 }),
      credits: fc.integer({ min: 0, max: 240 }),
    }),
    fc.constantFrom(...catalogue.qualifications().map((q) => q.qualification.id)).map((qualification) => ({ qualification })),
  );
const level = fc.integer({ min: 1, max: 8 });

describe('credit totals', () => {
  it('do not depend on the order achievements were recorded in', () => {
    fc.assert(
      fc.property(fc.array(achievement(), { maxLength: 12 }), level, fc.nat(), (held, at, seed) => {
        const shuffled = [...held].sort(
          (a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7),
        );
        expect(creditsAtLevel(state(shuffled), at, catalogue)).toBe(creditsAtLevel(state(held), at, catalogue));
      }),
    );
  });

  it('add up across awarding organisations: two portfolios together hold the sum of their credits', () => {
    fc.assert(
      fc.property(fc.array(achievement(), { maxLength: 8 }), fc.array(achievement(), { maxLength: 8 }), level, (a, b, at) => {
        expect(creditsAtLevel(state([...a, ...b]), at, catalogue)).toBe(
          creditsAtLevel(state(a), at, catalogue) + creditsAtLevel(state(b), at, catalogue),
        );
      }),
    );
  });

  it('units entered from different awarding organisations count as one pool', () => {
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), level, (units, at) => {
        const separately = portfolioState({
          achievements: units.map((u, i) => ({
            kind: 'unit',
            title: `Unit ${i}`,
            awardingOrganisation: `AO ${i}`,
            achievedOn: '2024-07-01',
            ...u,
          })),
          flags: { ehcpOrStatement: false, bsl: false },
          judgements: [],
        });
        const expected = units.filter((u) => u.level >= at).reduce((sum, u) => sum + u.credits, 0);
        expect(creditsAtLevel(separately.state, at, catalogue)).toBe(expected);
      }),
    );
  });

  it('never grow as the level threshold rises (credits at Level 2 or above ≥ at Level 3 or above)', () => {
    fc.assert(
      fc.property(fc.array(achievement(), { maxLength: 12 }), fc.integer({ min: 1, max: 7 }), (held, at) => {
        expect(creditsAtLevel(state(held), at, catalogue)).toBeGreaterThanOrEqual(creditsAtLevel(state(held), at + 1, catalogue));
      }),
    );
  });

  it('meet a credits rule exactly when the interpreter says so', () => {
    fc.assert(
      fc.property(fc.array(achievement(), { maxLength: 8 }), level, fc.integer({ min: 1, max: 200 }), (held, at, atLeast) => {
        const node = evaluate({ type: 'credits', level: at, atLeast }, state(held), catalogue, { phase: 'primary' });
        expect(node.status === 'met').toBe(creditsAtLevel(state(held), at, catalogue) >= atLeast);
      }),
    );
  });
});

describe('qualification sizes from the framework credit rules', () => {
  it('reach more sizes, never fewer, as credits grow', () => {
    const rules = creditRulesOf(catalogue);
    if (!rules) throw new Error('the framework data has no credit rules');
    fc.assert(
      fc.property(fc.nat({ max: 400 }), fc.nat({ max: 400 }), (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const reachedHigh = sizesReached(high, rules).map((s) => s.kind);
        for (const size of sizesReached(low, rules)) expect(reachedHigh).toContain(size.kind);
      }),
    );
  });

  it('say that 18 credits at Level 3 are the size of a Certificate', () => {
    const line = creditSummary(state([{ units: [{ level: 3, credits: 10 }] }, { units: [{ level: 3, credits: 8 }] }]), catalogue).find(
      (l) => l.level === 3,
    );
    expect(line?.sentence).toBe('Your 18 credits at Level 3 or above are the size of a Certificate.');
  });
});
