import { describe, expect, it } from 'vitest';
import { readAssociateTeacherRules } from '../../framework/associate-teacher-rules.ts';
import { creditProgress, type DegreeModule, moduleProblems } from './associate-teacher-credits.ts';

const rule = (await readAssociateTeacherRules()).credits;

let n = 0;
const module = (level: number, credits: number, result: DegreeModule['result'] = 'passed'): DegreeModule => ({
  id: `m${++n}`,
  code: `M${n}`,
  title: `Module ${n}`,
  level,
  credits,
  result,
  mark: result === 'in_progress' ? null : 60,
});

describe('progress to the Foundation Degree’s 240 credits', () => {
  it('is complete at 240 passed credits with at least 90 at level 5', () => {
    const p = creditProgress(rule, [module(4, 120), module(5, 60), module(5, 60)]);
    expect(p).toMatchObject({ complete: true, percent: 100, stillNeeded: [], total: { passed: 240, required: 240, met: true } });
    expect(p.levels).toEqual([
      { level: 4, passed: 120, inProgress: 0, required: null, met: true },
      { level: 5, passed: 120, inProgress: 0, required: 90, met: true },
    ]);
  });

  it('is not complete at 240 credits with too few at level 5, and says how many are missing', () => {
    const p = creditProgress(rule, [module(4, 180), module(5, 60)]);
    expect(p.complete).toBe(false);
    expect(p.stillNeeded).toEqual(['30 more credits at level 5 (60 of at least 90 earned)']);
  });

  it('counts only passed modules; modules in progress are shown apart and failed ones earn nothing', () => {
    const p = creditProgress(rule, [module(4, 60), module(4, 60, 'in_progress'), module(5, 30, 'failed')]);
    expect(p.total).toEqual({ passed: 60, inProgress: 60, required: 240, met: false });
    expect(p.percent).toBe(25);
    expect(p.stillNeeded).toEqual(['180 more credits in all (60 of 240 earned)', '90 more credits at level 5 (0 of at least 90 earned)']);
  });
});

describe('a module’s marks and credits', () => {
  const valid = { code: 'ATF101', title: 'Learning and development', level: 4, credits: 20, result: 'passed' as const, mark: 64 };

  it('accepts a passed module with its mark, and one in progress with none', () => {
    expect(moduleProblems(rule, valid, [])).toEqual([]);
    expect(moduleProblems(rule, { ...valid, result: 'in_progress', mark: null }, [])).toEqual([]);
  });

  it('refuses a level the degree’s modules do not carry, naming the levels', () => {
    expect(moduleProblems(rule, { ...valid, level: 6 }, [])).toEqual([
      { where: 'level', reason: 'A Foundation Degree module is at level 4 or 5, not level 6' },
    ]);
  });

  it('refuses a mark out of range, a mark on a module in progress and a result without a mark', () => {
    expect(moduleProblems(rule, { ...valid, mark: 101 }, []).map((p) => p.where)).toEqual(['mark']);
    expect(moduleProblems(rule, { ...valid, result: 'in_progress', mark: 50 }, [])[0]?.reason).toMatch(/still in progress has no mark/);
    expect(moduleProblems(rule, { ...valid, result: 'failed', mark: null }, [])[0]?.reason).toBe(
      'Enter the mark the module was not passed with',
    );
  });

  it('refuses credits of 0 or more than the degree holds, and a code the degree already has', () => {
    expect(moduleProblems(rule, { ...valid, credits: 0 }, [])[0]?.where).toBe('credits');
    expect(moduleProblems(rule, { ...valid, credits: 241 }, [])[0]?.where).toBe('credits');
    expect(moduleProblems(rule, { ...valid, code: 'atf101' }, [{ code: 'ATF101', credits: 20, result: 'passed' }])).toEqual([
      { where: 'code', reason: 'The degree already has a module atf101: change that one instead' },
    ]);
  });
});
