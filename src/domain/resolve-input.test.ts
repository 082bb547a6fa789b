import { describe, expect, it } from 'vitest';
import { resolveDutyProfile, resolvePersonState } from './resolve-input.ts';
import { fixtureCatalogue } from './testing/fixture.ts';

const catalogue = fixtureCatalogue();
const base = { phase: 'primary', nation: 'England' };

describe('resolvePersonState', () => {
  it('accepts a valid state, applies defaults and resolves a scheme family by its grade', () => {
    const result = resolvePersonState(
      {
        ...base,
        role: 'R2',
        achievements: [
          { subject: 'english', scheme: 'gcse', grade: '5' },
          { subject: 'maths', scheme: 'gcse', grade: 'C' },
        ],
      },
      catalogue,
    );
    expect(result.ok && result.value.achievements).toEqual([
      { subject: 'english', scheme: 'gcse-9-1', grade: '5' },
      { subject: 'maths', scheme: 'gcse-legacy', grade: 'C' },
    ]);
    expect(result.ok && result.value.flags).toEqual({ ehcpOrStatement: false, bsl: false });
  });

  it.each([
    [{ ...base, role: 'NOPE' }, '$.role', 'unknown role NOPE'],
    [{ ...base, achievements: [{ qualification: 'Q.X' }] }, '$.achievements[0].qualification', 'unknown qualification Q.X'],
    [
      { ...base, achievements: [{ subject: 'maths', scheme: 'gcse', grade: 'Z' }] },
      '$.achievements[0].scheme',
      'unknown grade scheme gcse',
    ],
    [
      { ...base, achievements: [{ subject: 'maths', scheme: 'functional-skills', grade: '9' }] },
      '$.achievements[0].grade',
      '9 is not a grade of functional-skills',
    ],
    [{ ...base, achievements: [{ status: 'NOPE' }] }, '$.achievements[0].status', 'unknown status NOPE'],
    [{ ...base, judgements: { 'HLTA.99': 'met' } }, '$.judgements["HLTA.99"]', 'unknown competency item HLTA.99'],
    [{ ...base, specialisms: ['z'] }, '$.specialisms[0]', 'unknown specialism z'],
    [{ ...base, option: 'Q' }, '$.option', 'unknown option Q'],
    [{ ...base, judgements: { 'S.1': 'done' } }, '$.judgements.S.1', ''],
    [{ phase: 'primary' }, '$.nation', ''],
    [{ ...base, hoursPerWeekForStudy: -1 }, '$.hoursPerWeekForStudy', ''],
  ])('rejects %j at %s', (json, where, reason) => {
    const result = resolvePersonState(json, catalogue);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ where, reason: expect.stringContaining(reason) });
  });
});

describe('resolveDutyProfile', () => {
  it('accepts known duties and rejects unknown ones with their path', () => {
    expect(resolveDutyProfile({ currentRole: 'R2', duties: { 'R2.D1': 'regularly' } }, catalogue).ok).toBe(true);
    const bad = resolveDutyProfile({ currentRole: 'R9', duties: { 'S.1': 'regularly', 'R2.D1': 'always' } }, catalogue);
    expect(bad.ok).toBe(false);
    const shape = resolveDutyProfile({ currentRole: 'R2', duties: { 'R2.D1': 'always' } }, catalogue);
    expect(!shape.ok && shape.errors[0]?.where).toBe('$.duties.R2.D1');
    const ids = resolveDutyProfile({ currentRole: 'R9', duties: { 'S.1': 'regularly' } }, catalogue);
    expect(!ids.ok && ids.errors).toEqual([
      { where: '$.currentRole', reason: 'unknown role R9' },
      { where: '$.duties["S.1"]', reason: 'unknown duty S.1' },
    ]);
  });
});
