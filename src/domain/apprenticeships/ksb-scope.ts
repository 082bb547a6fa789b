import type { JudgementValue } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { ksbCoverage } from './ksb-coverage.ts';

/**
 * The KSB codes in scope for an enrolment on a standard and option, worked out once and reused for
 * every apprentice with the same (standard, option): a caseload counts each apprentice's met
 * judgements against it instead of building the full coverage (items, duties) per row. The scope
 * comes from ksbCoverage itself, so the two cannot disagree.
 */

/** The codes in scope, or null where ksbCoverage refuses (unknown standard or option). */
export type KsbScope = readonly string[] | null;

export const ksbScopeOf = (catalogue: Catalogue, framework: string, option: string | null): KsbScope => {
  const coverage = ksbCoverage(catalogue, { framework, ...(option ? { option } : {}), evidence: {} });
  return coverage.ok ? coverage.items.map((i) => i.code) : null;
};

/** A memo of scopes by (standard, option), for one caseload. */
export const ksbScopes = (catalogue: Catalogue) => {
  const memo = new Map<string, KsbScope>();
  return (framework: string, option: string | null): KsbScope => {
    const key = `${framework}\u0000${option ?? ''}`;
    let scope = memo.get(key);
    if (scope === undefined) {
      scope = ksbScopeOf(catalogue, framework, option);
      memo.set(key, scope);
    }
    return scope;
  };
};

/**
 * How many KSBs in scope are judged met, how many more are recognised as prior learning (covered
 * without a judgement, as ksbCoverage counts them), of how many.
 */
export const metInScope = (
  scope: readonly string[],
  judgements: Readonly<Record<string, JudgementValue>>,
  recognisedCodes: readonly string[] = [],
): { met: number; recognised: number; total: number } => {
  const recognisedSet = new Set(recognisedCodes);
  let met = 0;
  let recognised = 0;
  for (const code of scope)
    if (judgements[code] === 'met') met++;
    else if (recognisedSet.has(code)) recognised++;
  return { met, recognised, total: scope.length };
};
