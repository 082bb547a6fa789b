import { describe, expect, it } from 'vitest';
import type { DutyFrequency } from '../contracts/duty-profile.ts';
import { ROLE_FIT_THRESHOLD, roleFit } from './role-fit.ts';
import { fixtureCatalogue } from './testing/fixture.ts';

const catalogue = fixtureCatalogue();
const fx = { framework: 'fx' };
const all = (codes: string[], f: DutyFrequency = 'regularly') => Object.fromEntries(codes.map((c) => [c, f]));

describe('roleFit on the fixture profiles', () => {
  it('counts identically worded duties once and reports each profile with its level', () => {
    const fit = roleFit({ currentRole: 'R1', duties: all(['R2.D1', 'R2.D2']) }, catalogue, fx);
    const a2 = fit.profiles.find((p) => p.role === 'A2');
    expect(a2?.coverage).toMatchObject({ regularly: 2, total: 4 });
    expect(fit.profiles.map((p) => [p.role, p.level])).toEqual([
      ['R1', 1],
      ['R2', 2],
      ['R3', 3],
      ['A2', 2],
    ]);
    expect(fit.threshold).toEqual({ ...ROLE_FIT_THRESHOLD, share: 0.6667 });
  });

  it('finds the highest profile reaching two-thirds and says the person works above grade', () => {
    const fit = roleFit({ currentRole: 'R1', duties: all(['R3.D1', 'R3.D2', 'R3.D3b']) }, catalogue, fx);
    expect(fit.bestFit).toEqual({ role: 'R3', level: 3, share: 1 });
    expect(fit.gradeComparison).toBe('above');
    expect(fit.aboveGrade).toBe(true);
    expect(fit.dutiesAboveGrade.map((d) => d.code).sort()).toEqual(['R3.D1', 'R3.D2', 'R3.D3']);
  });

  it('a sub-duty performed counts for its parent duty', () => {
    const fit = roleFit({ currentRole: 'R3', duties: all(['R3.D3a']) }, catalogue, fx);
    expect(fit.profiles.find((p) => p.role === 'R3')?.coverage.regularly).toBe(1);
  });

  it('at equal level prefers the higher share, then the more specialised profile', () => {
    const shareWins = roleFit({ currentRole: 'R2', duties: all(['A2.D1', 'A2.D2', 'A2.D3', 'A2.D4']) }, catalogue, fx);
    expect(shareWins.bestFit?.role).toBe('A2');
    const tie = roleFit(
      { currentRole: 'R2', duties: { ...all(['R2.D1', 'R2.D2', 'A2.D3']), 'R2.D3': 'never', 'A2.D4': 'never' } },
      catalogue,
      fx,
    );
    // R2: 2/3 regularly; A2: 3/4 → higher share wins
    expect(tie.bestFit?.role).toBe('A2');
    const exactTie = roleFit({ currentRole: 'R2', duties: all(['R2.D1', 'R2.D2', 'R2.D3', 'A2.D3', 'A2.D4']) }, catalogue, fx);
    expect(exactTie.bestFit?.role).toBe('A2');
  });

  it('warns when two codes of the same duty are answered differently and counts the more frequent answer', () => {
    const fit = roleFit({ currentRole: 'R2', duties: { 'R2.D1': 'never', 'A2.D1': 'regularly' } }, catalogue, fx);
    expect(fit.warnings).toHaveLength(1);
    expect(fit.warnings[0]).toContain('counted as regularly');
    expect(fit.profiles.find((p) => p.role === 'R2')?.coverage.regularly).toBe(1);
  });

  it('is at grade when the own profile is the best fit, below when no profile fits', () => {
    expect(roleFit({ currentRole: 'R2', duties: all(['R2.D1', 'R2.D2', 'R2.D3']) }, catalogue, fx).gradeComparison).toBe('at');
    const none = roleFit({ currentRole: 'R2', duties: all(['R1.D1']) }, catalogue, fx);
    expect(none.bestFit).toBeNull();
    expect(none.gradeComparison).toBe('below');
  });

  it('never says above grade when the regular duties all belong to profiles at or below the grade', () => {
    // R3.D1 is the same duty as R2.D3: a person graded R2 doing it is not working above grade
    const fit = roleFit({ currentRole: 'R2', duties: all(['R3.D1']) }, catalogue, fx);
    expect(fit.aboveGrade).toBe(false);
    expect(fit.dutiesAboveGrade).toEqual([]);
  });

  it('takes another threshold when given one and reports it', () => {
    const fit = roleFit({ currentRole: 'R1', duties: all(['R3.D1']) }, catalogue, { ...fx, threshold: { numerator: 1, denominator: 3 } });
    expect(fit.bestFit?.role).toBe('R3');
    expect(fit.threshold.share).toBe(0.3333);
  });
});
