import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Achievement, PersonState } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { route } from './route.ts';
import { compareCost, costOf, type RouteCost } from './route-ranking.ts';
import type { RouteStep } from './route-steps.ts';
import { fixtureCatalogue, person } from './testing/fixture.ts';

/** Property tests of route ranking (issue 10): unknown lengths never shorten a route; achievements never lengthen one. */

const step = (i: number, months: number | undefined, hours?: number): RouteStep => ({
  id: `s${i}`,
  kind: 'achievement',
  status: 'todo',
  title: `step ${i}`,
  why: 'test',
  duration: months === undefined ? 'length unknown' : `${months} months`,
  ...(months !== undefined ? { months } : {}),
  ...(hours !== undefined ? { hours } : {}),
});

const steps = fc.array(
  fc.record({ months: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), hours: fc.option(fc.nat(2000), { nil: undefined }) }),
  { maxLength: 8 },
);

describe('route ranking', () => {
  it('an unknown length never makes a route rank above the same route with known steps instead', () => {
    fc.assert(
      fc.property(
        steps,
        fc.array(fc.record({ months: fc.integer({ min: 0, max: 60 }), hours: fc.option(fc.nat(2000), { nil: undefined }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        (base, known) => {
          const common = base.map((s, i) => step(i, s.months, s.hours));
          const withUnknown = [...common, step(100, undefined)];
          const withKnown = [...common, ...known.map((s, i) => step(200 + i, s.months, s.hours))];
          // Strictly after: the route with the unknown step is never first, nor tied.
          expect(compareCost(costOf(withUnknown), costOf(withKnown))).toBeGreaterThan(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a route whose lengths are all known ranks above any route with a step of unknown length, whatever the totals', () => {
    fc.assert(
      fc.property(steps, steps, (a, b) => {
        const known = a.map((s, i) => step(i, s.months ?? 0, s.hours));
        const unknown = [...b.map((s, i) => step(i, s.months, s.hours)), step(99, undefined)];
        expect(compareCost(costOf(known), costOf(unknown))).toBeLessThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

const achievements = (catalogue: Catalogue): fc.Arbitrary<Achievement> => {
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
  return fc.oneof(
    fc.constantFrom(...catalogue.qualifications().map((q) => q.qualification.id)).map((qualification) => ({ qualification })),
    fc.constantFrom(...schemes).chain((s) =>
      fc.record({
        subject: fc.constantFrom(...s.subjects),
        scheme: fc.constant(s.id),
        grade: fc.constantFrom(...s.grades.map((g) => g.grade)),
      }),
    ),
    fc.record({
      degree: fc.constantFrom('foundation-degree', 'honours-degree'),
      credits: fc.integer({ min: 0, max: 360 }),
      level: fc.integer({ min: 4, max: 7 }),
    }),
    fc.constantFrom(...catalogue.frameworks.flatMap((f) => (f.statuses ?? []).map((s) => s.id))).map((status) => ({ status })),
  );
};

const people = (catalogue: Catalogue): fc.Arbitrary<PersonState> =>
  fc
    .record({
      role: fc.option(fc.constantFrom(...catalogue.roles().map((r) => r.role.id)), { nil: undefined }),
      phase: fc.constantFrom('primary' as const, 'secondary' as const, 'special' as const),
      achievements: fc.array(achievements(catalogue), { maxLength: 5 }),
      specialisms: fc.subarray(['a', 'b', 'c', 'd']),
      hoursPerWeekForStudy: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      trainingPhase: fc.option(fc.constantFrom('primary' as const, 'secondary' as const), { nil: undefined }),
    })
    .map(({ role, trainingPhase, ...rest }) => person({ ...rest, ...(role ? { role } : {}), ...(trainingPhase ? { trainingPhase } : {}) }));

const best = (plan: ReturnType<typeof route>): RouteCost | undefined =>
  plan.reached ? { unknown: 0, months: 0, unsized: 0, hours: 0, steps: 0 } : plan.routes[0] ? costOf(plan.routes[0].steps) : undefined;

const goals = (catalogue: Catalogue) =>
  fc.constantFrom(
    ...catalogue.roles().map((r) => r.role.id),
    ...catalogue.qualifications().map((q) => q.qualification.id),
    ...catalogue.frameworks.flatMap((f) => (f.statuses ?? []).map((s) => s.id)),
  );

const properties = (name: string, load: () => Catalogue, runs: number) =>
  describe(`route properties (${name})`, () => {
    let catalogue: Catalogue;
    beforeAll(() => {
      catalogue = load();
    });

    it('returns routes in rank order: fewest steps of unknown length, then fewest known months', () => {
      fc.assert(
        fc.property(people(catalogue), goals(catalogue), (state, goal) => {
          const costs = route(state, goal, catalogue).routes.map((r) => costOf(r.steps));
          for (const [i, c] of costs.entries()) {
            const next = costs[i + 1];
            if (next) expect(compareCost(c, next)).toBeLessThanOrEqual(0);
          }
        }),
        { numRuns: runs },
      );
    });

    it('adding an achievement never lengthens the best route (no more unknown steps; no more known months or steps at the same number)', () => {
      fc.assert(
        fc.property(people(catalogue), achievements(catalogue), goals(catalogue), (state, extra, goal) => {
          const beforePlan = route(state, goal, catalogue);
          const afterPlan = route({ ...state, achievements: [...state.achievements, extra] }, goal, catalogue);
          const before = best(beforePlan);
          const after = best(afterPlan);
          if (!before) return;
          // The one exception: a rule for people without something (the teacher degree apprenticeship
          // is only for people without a degree) closes the routes through it, and the plan says which.
          const closedNow = afterPlan.notOpen.filter((n) => !beforePlan.notOpen.some((m) => m.id === n.id)).map((n) => n.id);
          if (closedNow.some((id) => beforePlan.routes[0]?.steps.some((s) => s.id === id && s.status === 'todo'))) return;
          expect(after, 'a route found before is still found').toBeDefined();
          if (!after) return;
          expect(compareCost(after, before), `${JSON.stringify(after)} vs ${JSON.stringify(before)}`).toBeLessThanOrEqual(0);
          expect(after.unknown).toBeLessThanOrEqual(before.unknown);
          if (after.unknown === before.unknown) expect(after.months).toBeLessThanOrEqual(before.months);
        }),
        { numRuns: runs },
      );
    });
  });

properties('fixture', fixtureCatalogue, 300);

let real: Catalogue;
beforeAll(async () => {
  real = buildCatalogue(await readFrameworkFiles());
});
properties('real framework data', () => real, 120);
