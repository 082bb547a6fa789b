import { describe, expect, it } from 'vitest';
import { gap } from './gap.ts';
import { fixtureCatalogue, person } from './testing/fixture.ts';

const catalogue = fixtureCatalogue();

describe('gap on the fixture', () => {
  it('evaluates every rule of the target with counts', () => {
    const result = gap(person({ achievements: [{ subject: 'english', scheme: 'gcse-9-1', grade: '5' }] }), 'ITT', catalogue);
    expect(result.target).toEqual({ id: 'ITT', title: 'Initial teacher training', kind: 'qualification' });
    expect(result.rules.map((r) => [r.id, r.stage])).toEqual([['itt-entry', 'entry']]);
    expect(result.counts).toEqual({ met: 1, partial: 0, missing: 3, blocking: 3, advice: 0 });
    expect(result.ready).toBe(false);
  });

  it('drops a phase condition that does not apply from the checklist', () => {
    const result = gap(person({ phase: 'secondary' }), 'ITT', catalogue);
    expect(result.counts.met + result.counts.partial + result.counts.missing).toBe(3);
  });

  it('reports competency coverage per framework', () => {
    const result = gap(person({ judgements: { 'S.1': 'met', 'S.2': 'met', 'S.3': 'developing' } }), 'STATUS_S', catalogue);
    expect(result.coverage).toEqual([{ framework: 'fx', title: 'Fixture', met: 2, developing: 1, total: 4 }]);
    expect(result.counts.partial).toBe(1);
  });

  it('uses the option asked for, else the one in the state', () => {
    expect(gap(person({ option: 'Y' }), 'APP', catalogue).option).toBe('Y');
    const withOption = gap(person({ judgements: { 'K.1': 'met', 'K.2': 'met' } }), 'APP', catalogue, { option: 'X' });
    expect(withOption.rules.find((r) => r.id === 'app-ksbs')?.node.status).toBe('met');
  });

  it('an unmet indicative rule is advice: the target is still ready', () => {
    const result = gap(person({ role: 'R2' }), 'R3', catalogue);
    expect(result.ready).toBe(true);
    expect(result.counts).toMatchObject({ missing: 1, advice: 1, blocking: 0 });
  });

  it('refuses an unknown target with not_found', () => {
    expect(() => gap(person(), 'NOPE', catalogue)).toThrow(/NOPE/);
  });
});
