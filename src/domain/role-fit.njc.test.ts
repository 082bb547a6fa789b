import { beforeAll, describe, expect, it } from 'vitest';
import type { DutyFrequency } from '../contracts/duty-profile.ts';
import { buildCatalogue, type Catalogue } from '../framework/catalogue.ts';
import { readFrameworkFiles } from '../framework/load.ts';
import { resolveDutyProfile } from './resolve-input.ts';
import { roleFit, roleProfiles } from './role-fit.ts';

/**
 * Role fit on the shipped NJC profiles, for the cases a union representative raised (issue 10):
 * duties the profiles share under different wording, and the "at least one of the following:" lead-in.
 */

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

const all = (codes: string[], f: DutyFrequency = 'regularly') => Object.fromEntries(codes.map((c) => [c, f]));
const keyDuties = (role: string) =>
  roleProfiles(catalogue)
    .find((p) => p.role.id === role)
    ?.duties.map((d) => d.code) ?? [];

describe('role fit on the NJC profiles', () => {
  it('an ASNA1 doing therapy or care programmes and personal care is not working above grade', () => {
    // The whole ASNA1 profile, plus ASNA2's wording of the same two duties (an earlier questionnaire asked them
    // again under ASNA2): D9 and D10 are the same duties as ASNA2.D3 and ASNA2.D7 (ASNA1's D9 is truncated,
    // D10 adds lifting), so nothing here belongs only to ASNA2 or ASNA3.
    const duties = { ...all(range('ASNA1.D', 10)), ...all(['ASNA2.D3', 'ASNA2.D7']) };
    const fit = roleFit({ currentRole: 'ASNA1', duties }, catalogue);
    expect(fit.dutiesAboveGrade).toEqual([]);
    expect(fit.aboveGrade).toBe(false);
    expect(fit.gradeComparison).toBe('at');
  });

  it('asks the ASNA1 therapy and personal-care duties once, with ASNA2 and ASNA3', () => {
    const asna2 = keyDuties('ASNA2');
    expect(asna2).toContain('ASNA2.D3');
    const fit = roleFit({ currentRole: 'ASNA1', duties: all(['ASNA1.D9', 'ASNA1.D10']) }, catalogue);
    const asna3 = fit.profiles.find((p) => p.role === 'ASNA3');
    // D3 (therapy) and D9 (personal care) of ASNA3 are covered by the ASNA1 answers.
    expect(asna3?.coverage.regularly).toBe(2);
  });

  it('a TA3 giving EAL or SEN support is not working above grade, and the lead-in is never a duty above grade', () => {
    // TA3's own duties plus the SEN (a) and EAL (b) specialisms, answered with TA4's codes for them as a
    // questionnaire that asks each duty once may record them.
    const duties = { ...all(['TA3.D1', 'TA3.D2', 'TA3.D3', 'TA3.D4', 'TA3.D5', 'TA3.D6']), ...all(['TA4.D7a', 'TA4.D7b']) };
    const fit = roleFit({ currentRole: 'TA3', duties }, catalogue);
    expect(fit.dutiesAboveGrade).toEqual([]);
    expect(fit.aboveGrade).toBe(false);
    expect(fit.profiles.find((p) => p.role === 'TA3')?.coverage).toMatchObject({ regularly: 7, total: 7, share: 1 });
  });

  it('counts the alternatives a–d as one key duty met by any one of them, not the lead-in as a duty', () => {
    expect(keyDuties('TA3')).not.toContain('TA3.D7');
    expect(keyDuties('TA3')).toEqual(expect.arrayContaining(['TA3.D7a', 'TA3.D7b', 'TA3.D7c', 'TA3.D7d']));
    const one = roleFit({ currentRole: 'TA3', duties: all(['TA3.D7c']) }, catalogue);
    expect(one.profiles.find((p) => p.role === 'TA3')?.coverage).toMatchObject({ regularly: 1, total: 7 });
    expect(one.profiles.find((p) => p.role === 'TA5')?.coverage).toMatchObject({ regularly: 1, total: 10 });
  });

  it('still says above grade when a TA2 regularly plans, prepares and delivers to whole classes (TA4 work)', () => {
    const fit = roleFit(
      { currentRole: 'TA2', duties: all(['TA4.D1', 'TA4.D2', 'TA4.D3', 'TA4.D4', 'TA4.D5', 'TA4.D6', 'TA4.D7a']) },
      catalogue,
    );
    expect(fit.bestFit?.role).toBe('TA4');
    expect(fit.gradeComparison).toBe('above');
    expect(fit.dutiesAboveGrade.map((d) => d.code)).toEqual(expect.arrayContaining(['TA4.D1', 'TA4.D4']));
    expect(fit.dutiesAboveGrade.map((d) => d.code)).not.toContain('TA4.D7');
    expect(fit.dutiesAboveGrade.every((d) => !d.text.endsWith('at least one of the following:'))).toBe(true);
  });

  it('counts a lead-in answered in an older duty profile for its alternatives, with a warning', () => {
    const fit = roleFit({ currentRole: 'TA3', duties: all(['TA3.D7']) }, catalogue);
    expect(fit.profiles.find((p) => p.role === 'TA3')?.coverage.regularly).toBe(1);
    expect(fit.warnings.some((w) => w.startsWith('TA3.D7 is not a duty'))).toBe(true);
  });

  it('refuses a new duty profile that answers a lead-in, naming its alternatives', () => {
    const resolved = resolveDutyProfile({ currentRole: 'TA3', duties: { 'TA3.D7': 'regularly' } }, catalogue);
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.errors[0]?.reason).toContain('TA3.D7a, TA3.D7b, TA3.D7c, TA3.D7d');
  });
});

function range(prefix: string, to: number): string[] {
  return Array.from({ length: to }, (_, i) => `${prefix}${i + 1}`);
}
