import { beforeAll, describe, expect, it } from 'vitest';
import type { JudgementValue } from '../../contracts/person-state.ts';
import { buildCatalogue, type Catalogue } from '../../framework/catalogue.ts';
import { readFrameworkFiles } from '../../framework/load.ts';
import { ksbCoverage } from './ksb-coverage.ts';
import { ksbScopes, metInScope } from './ksb-scope.ts';

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = buildCatalogue(await readFrameworkFiles());
});

describe('the KSB scope a caseload counts against', () => {
  it('counts the same met and recognised KSBs of the same total as the full coverage, for every ST1414 option', () => {
    const scopeOf = ksbScopes(catalogue);
    const codes = (catalogue.framework('st1414')?.items ?? []).map((i) => i.code);
    // Every third item met, every third developing, across core and all three options' KSBs (and duties, ignored).
    const judgements: Record<string, JudgementValue> = Object.fromEntries(
      codes.map((code, i) => [code, i % 3 === 0 ? 'met' : i % 3 === 1 ? 'developing' : 'not-started'] as const),
    );
    // Recognised as prior learning: one already judged met (it stays met), two developing, one of another option's (SEW's K36).
    const recognised = ['ST1414.K1', 'ST1414.K2', 'ST1414.K3', 'ST1414.S1', 'ST1414.K36'];
    for (const option of ['SEND', 'SEW', 'SCP']) {
      const scope = scopeOf('st1414', option);
      if (!scope) throw new Error(`no scope for ${option}`);
      const evidence = Object.fromEntries(Object.entries(judgements).map(([code, judgement]) => [code, { count: 0, judgement }]));
      const full = ksbCoverage(catalogue, { framework: 'st1414', option, evidence });
      if (!full.ok) throw new Error(full.message);
      expect(metInScope(scope, judgements)).toEqual({ met: full.counts.met, recognised: 0, total: full.counts.total });
      const withPrior = ksbCoverage(catalogue, { framework: 'st1414', option, evidence, recognised });
      if (!withPrior.ok) throw new Error(withPrior.message);
      expect(metInScope(scope, judgements, recognised)).toEqual({
        met: withPrior.counts.met,
        recognised: withPrior.counts.recognised,
        total: withPrior.counts.total,
      });
      expect(withPrior.counts.recognised).toBeGreaterThan(0);
    }
    expect(scopeOf('st1414', 'SEND')).toContain('ST1414.K30');
    expect(scopeOf('st1414', 'SEND')).not.toContain('ST1414.K36');
  });

  it('has no scope where the coverage refuses: an unknown standard, or a standard with options and none chosen', () => {
    const scopeOf = ksbScopes(catalogue);
    expect(scopeOf('st9999', null)).toBeNull();
    expect(scopeOf('st1414', null)).toBeNull();
    expect(scopeOf('st1414', 'NOPE')).toBeNull();
  });
});
