import { describe, expect, it } from 'vitest';
import { route } from './route.ts';
import { fixtureCatalogue, person } from './testing/fixture.ts';
import { routeIsValid, unneededSteps } from './testing/route-checks.ts';

const catalogue = fixtureCatalogue();
const todo = (plan: ReturnType<typeof route>, i = 0) => (plan.routes[i]?.steps ?? []).filter((s) => s.status === 'todo').map((s) => s.id);

const english = { subject: 'english' as const, scheme: 'gcse-9-1', grade: '5' };
const maths = { subject: 'maths' as const, scheme: 'gcse-9-1', grade: '4' };
const gcses = [english, maths, { subject: 'science' as const, scheme: 'gcse-legacy', grade: 'B' }];

describe('route on the fixture', () => {
  it('follows the progression graph, marking what is held as done', () => {
    const plan = route(person({ role: 'R1' }), 'R3', catalogue);
    expect(plan.routes[0]?.path).toEqual(['R1', 'R2', 'R3']);
    expect(plan.routes[0]?.steps.map((s) => [s.id, s.status])).toEqual([
      ['R1', 'done'],
      ['R2', 'todo'],
      ['R3', 'todo'],
    ]);
  });

  it('plans the requirements of each step and takes months from the data or from study hours', () => {
    const plan = route(person({ hoursPerWeekForStudy: 5, achievements: [...gcses, { qualification: 'Q.L3' }] }), 'TEACHER', catalogue);
    expect(todo(plan)).toEqual(['FD', 'TOPUP', 'ITT', 'TEACHER']);
    const [r] = plan.routes;
    expect(r?.steps.find((s) => s.id === 'TOPUP')).toMatchObject({
      hours: 600,
      hoursMax: 1200,
      months: 28,
      duration: 'about 28 months at 5 hours a week (derived from 600 hours of learning)',
      durationSource: 'derived-from-hours',
    });
    expect(r?.steps.find((s) => s.id === 'TEACHER')?.duration).toBe('length unknown');
    expect(r?.headline).toBe('64 months known (600 hours of learning) + 1 step of unknown length');
    expect(r?.totalMonths).toBe(24 + 28 + 12);
    expect(r?.unknownDurations).toBe(1);
    expect(r?.steps.filter((s) => s.status === 'done').map((s) => s.title)).toContain('L3 Certificate held');
  });

  it('says "length unknown" rather than inventing one, and gives hours without study hours', () => {
    const plan = route(person({ achievements: [...gcses, { qualification: 'Q.L3' }] }), 'TEACHER', catalogue);
    expect(plan.routes[0]?.steps.find((s) => s.id === 'TOPUP')).toMatchObject({
      hours: 600,
      duration: '600 hours of learning; length unknown (no study hours per week given)',
      durationSource: 'unknown',
    });
    expect(plan.routes[0]?.steps.find((s) => s.id === 'FD')?.duration).toBe('24 months full-time');
  });

  it('adds a GCSE step only where the phase needs it', () => {
    const base = { achievements: [english, maths, { degree: 'honours-degree', credits: 360, level: 6 }] };
    expect(todo(route(person({ ...base, phase: 'primary' }), 'ITT', catalogue))).toEqual(['subjectGrade:science:4', 'ITT']);
    expect(todo(route(person({ ...base, phase: 'secondary' }), 'ITT', catalogue))).toEqual(['ITT']);
  });

  it('ranks routes by steps of unknown length, then known months, and drops routes that do strictly more', () => {
    const plan = route(person({ achievements: gcses }), 'TEACHER', catalogue);
    const keys = plan.routes.map((r) => [r.unknownDurations, r.totalMonths]);
    expect(keys).toEqual([...keys].sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0)));
    for (const r of plan.routes) expect(unneededSteps(person({ achievements: gcses }), r, catalogue)).toEqual([]);
  });

  it('chooses the cheapest way through an any-of', () => {
    const plan = route(
      person({ flags: { ehcpOrStatement: true }, achievements: [{ subject: 'english', scheme: 'functional-skills', grade: 'E3' }] }),
      'APP',
      catalogue,
      { option: 'X' },
    );
    expect(todo(plan)).toEqual(['subjectLevel:maths:E3', 'itemsMet:K.1,K.2', 'APP']);
    expect(plan.routes[0] && routeIsValid(person(), plan.routes[0], catalogue, 'X')).toBe(false);
  });

  it('reports the requirement that cannot be reached and why', () => {
    const plan = route(person({ achievements: [] }), 'APP', catalogue, { option: 'X' });
    expect(plan.routes).toHaveLength(1);
    const blocked = route(person(), 'SP', {
      ...catalogue,
      requirementsFor: (t, s) =>
        t === 'APP'
          ? [
              {
                id: 'x',
                target: 'APP',
                stage: 'entry',
                requirement: { type: 'flag', flag: 'bsl' },
                provenance: { origin: 'pathways', reason: 'test of an unreachable rule' },
              },
            ]
          : catalogue.requirementsFor(t, s),
    });
    expect(blocked.routes).toEqual([]);
    expect(blocked.unreachable[0]).toMatchObject({ reason: 'it depends on your circumstances, not on anything a route can plan' });
  });

  it('a Level 2 step gives Functional Skills, not a GCSE; where a later rule needs the GCSE, the GCSE is taken at the first point', () => {
    // Alone, the apprenticeship's Level 2 English and maths are planned as Functional Skills Level 2 (what the step gives).
    const app = route(person({ achievements: [] }), 'APP', catalogue, { option: 'X' });
    const english = app.routes[0]?.steps.find((s) => s.id === 'subjectLevel:english:L2');
    expect(english?.grants?.achievements).toEqual([{ subject: 'english', scheme: 'functional-skills', grade: 'L2' }]);
    expect(english?.gives).toEqual(['functional-skills English Level 2']);
    // Teacher training that also needs the apprenticeship: one GCSE step serves both rules.
    const withApp: typeof catalogue = {
      ...catalogue,
      requirementsFor: (t, stage) =>
        t === 'ITT'
          ? [
              {
                id: 'itt-after-app',
                target: 'ITT',
                stage: 'entry',
                requirement: { type: 'qualification', id: 'APP' },
                provenance: { origin: 'pathways', reason: 'test: a route that needs Level 2 and then a GCSE' },
              },
              ...catalogue.requirementsFor(t, stage),
            ]
          : catalogue.requirementsFor(t, stage),
    };
    const graduate = person({ phase: 'secondary', achievements: [{ degree: 'honours-degree', credits: 360, level: 6 }] });
    const plan = route(graduate, 'ITT', withApp, { option: 'X' });
    const ids = todo(plan);
    expect(ids).toEqual(['subjectGrade:english:4', 'subjectGrade:maths:4', 'itemsMet:K.1,K.2', 'APP', 'ITT']);
    const merged = plan.routes[0]?.steps.find((s) => s.id === 'subjectGrade:english:4');
    expect(merged?.why).toMatch(/^before Gateway to Completion of Apprenticeship.*; and to start Initial teacher training/);
    expect(merged?.gives).toContain('also meets Level 2 English');
    expect(plan.routes[0] && routeIsValid(graduate, plan.routes[0], withApp, 'X')).toBe(true);
  });

  it('says when the goal is already reached', () => {
    expect(route(person({ role: 'R3' }), 'R2', catalogue).reached).toBe(true);
    expect(route(person({ achievements: [{ status: 'STATUS_S' }] }), 'STATUS_S', catalogue)).toMatchObject({ reached: true, routes: [] });
  });
});
