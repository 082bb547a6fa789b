import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DutyProfile } from '../contracts/duty-profile.ts';
import type { Achievement, PersonState } from '../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import type { RequirementRule } from '../framework/requirement-schema.ts';
import { gap } from './gap.ts';
import { roleFit } from './role-fit.ts';
import { route } from './route.ts';
import { compareCost, costOf } from './route-ranking.ts';
import { fixtureCatalogue, person } from './testing/fixture.ts';
import { routeIsValid, unneededSteps } from './testing/route-checks.ts';

/** Property tests over generated people, on the fixture and on the real framework data. */

const arbitraries = (catalogue: Catalogue) => {
  const qualifications = catalogue.qualifications().map((q) => q.qualification.id);
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
  const statuses = catalogue.frameworks.flatMap((f) => (f.statuses ?? []).map((s) => s.id));
  const items = catalogue
    .items()
    .filter((i) => i.kind === 'standard' || i.kind === 'knowledge' || i.kind === 'skill' || i.kind === 'behaviour')
    .map((i) => i.code);
  const roles = catalogue.roles().map((r) => r.role.id);
  const grade = fc.constantFrom(...schemes).chain((s) =>
    fc.record({
      subject: fc.constantFrom(...s.subjects),
      scheme: fc.constant(s.id),
      grade: fc.constantFrom(...s.grades.map((g) => g.grade)),
    }),
  );
  const achievement: fc.Arbitrary<Achievement> = fc.oneof(
    fc.constantFrom(...qualifications).map((qualification) => ({ qualification })),
    grade,
    fc.record({
      units: fc.array(fc.record({ level: fc.integer({ min: 1, max: 8 }), credits: fc.integer({ min: 1, max: 60 }) }), {
        minLength: 1,
        maxLength: 3,
      }),
    }),
    fc.record({
      degree: fc.constantFrom('foundation-degree', 'honours-degree'),
      credits: fc.integer({ min: 0, max: 360 }),
      level: fc.integer({ min: 4, max: 7 }),
    }),
    ...(statuses.length > 0 ? [fc.constantFrom(...statuses).map((status) => ({ status }))] : []),
  );
  const state: fc.Arbitrary<PersonState> = fc
    .record({
      role: fc.option(fc.constantFrom(...roles), { nil: undefined }),
      phase: fc.constantFrom('primary' as const, 'secondary' as const),
      achievements: fc.array(achievement, { maxLength: 6 }),
      judgements: fc.dictionary(fc.constantFrom(...items), fc.constantFrom('not-started' as const, 'developing' as const, 'met' as const), {
        maxKeys: 40,
      }),
      specialisms: fc.subarray(['a', 'b', 'c', 'd']),
      flags: fc.record({ ehcpOrStatement: fc.boolean(), bsl: fc.boolean() }),
      hoursPerWeekForStudy: fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
    })
    .map(({ role, ...rest }) => person({ ...rest, ...(role ? { role } : {}) }));
  const extra = fc.oneof(
    achievement.map(
      (a) =>
        (s: PersonState): PersonState => ({ ...s, achievements: [...s.achievements, a] }),
    ),
    fc.constantFrom(...items).map(
      (code) =>
        (s: PersonState): PersonState => ({ ...s, judgements: { ...s.judgements, [code]: 'met' } }),
    ),
  );
  const target = fc.constantFrom(...roles, ...statuses, ...qualifications);
  return { state, extra, target, closedByAchievement: targetsWithNotRules(catalogue) };
};

type Node = RequirementRule['requirement'];
const hasNot = (node: Node): boolean => {
  if (node.type === 'not') return true;
  if (node.type === 'when') return hasNot(node.require);
  return 'of' in node && node.of.some(hasNot);
};

/** A `not` entry rule (a degree closes the degree apprenticeship) is the one rule not monotone by design. */
const targetsWithNotRules = (catalogue: Catalogue): Set<string> =>
  new Set(
    [...new Set(catalogue.frameworks.flatMap((f) => f.requirements ?? []).map((r) => r.target))].filter((t) =>
      catalogue.requirementsFor(t).some((r) => hasNot(r.requirement)),
    ),
  );

// Routes rank by steps of unknown length first (route-ranking.ts), so "longer" is that order.
const none = { unknown: Infinity, months: Infinity, unsized: Infinity, hours: Infinity, steps: Infinity };
const cost = (plan: ReturnType<typeof route>) =>
  plan.reached ? { unknown: 0, months: 0, unsized: 0, hours: 0, steps: 0 } : plan.routes[0] ? costOf(plan.routes[0].steps) : none;
const notLonger = (after: ReturnType<typeof cost>, before: ReturnType<typeof cost>) =>
  before === none || (after !== none && compareCost(after, before) <= 0);

const properties = (name: string, load: () => Catalogue, runs: number) =>
  describe(`progression properties (${name})`, () => {
    let catalogue: Catalogue;
    let a: ReturnType<typeof arbitraries>;
    beforeAll(async () => {
      catalogue = load();
      a = arbitraries(catalogue);
    });

    it('adding an achievement or a met judgement never makes a gap larger', () => {
      fc.assert(
        fc.property(a.state, a.extra, a.target, (state, add, target) => {
          fc.pre(!a.closedByAchievement.has(target));
          const before = gap(state, target, catalogue).counts;
          const after = gap(add(state), target, catalogue).counts;
          expect(after.met).toBeGreaterThanOrEqual(before.met);
          expect(after.missing).toBeLessThanOrEqual(before.missing);
          expect(after.missing + after.partial).toBeLessThanOrEqual(before.missing + before.partial);
        }),
        { numRuns: runs },
      );
    });

    it('adding an achievement or a met judgement never makes a route longer', () => {
      fc.assert(
        fc.property(a.state, a.extra, a.target, (state, add, target) => {
          fc.pre(!a.closedByAchievement.has(target));
          const before = cost(route(state, target, catalogue));
          const after = cost(route(add(state), target, catalogue));
          expect(notLonger(after, before), `${JSON.stringify(after)} vs ${JSON.stringify(before)}`).toBe(true);
        }),
        { numRuns: runs },
      );
    });

    it('every returned route reaches the goal and every step of it is needed', () => {
      fc.assert(
        fc.property(a.state, a.target, (state, target) => {
          for (const r of route(state, target, catalogue).routes) {
            expect(routeIsValid(state, r, catalogue)).toBe(true);
            expect(unneededSteps(state, r, catalogue)).toEqual([]);
          }
        }),
        { numRuns: runs },
      );
    });

    it('role fit never reports above grade when no duty above the grade is performed', () => {
      const profiles = catalogue.roles().filter((r) => catalogue.children(r.role.id).some((i) => i.kind === 'duty'));
      const framework = profiles[0]?.framework.id ?? '';
      const duties = catalogue.items({ framework, kind: 'duty' }).map((d) => d.code);
      const profile: fc.Arbitrary<DutyProfile> = fc.record({
        currentRole: fc.constantFrom(...profiles.map((p) => p.role.id)),
        duties: fc.dictionary(fc.constantFrom(...duties), fc.constantFrom('never' as const, 'occasionally' as const, 'regularly' as const)),
      });
      fc.assert(
        fc.property(profile, (p) => {
          const fit = roleFit(p, catalogue, { framework });
          if (fit.dutiesAboveGrade.length === 0) expect(fit.aboveGrade).toBe(false);
          if (fit.aboveGrade) expect(fit.bestFit && fit.bestFit.level > fit.currentLevel).toBe(true);
        }),
        { numRuns: runs * 2 },
      );
    });
  });

properties('fixture', fixtureCatalogue, 300);

let real: Catalogue;
beforeAll(async () => {
  real = buildCatalogue(await readFrameworkFiles());
});
properties('real framework data', () => real, 150);
