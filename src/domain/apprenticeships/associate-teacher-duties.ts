import type { JudgementValue } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { KsbEvidence } from './ksb-coverage.ts';

/**
 * The Associate Teacher's 16 duties as the programme's evidence record, like a standard's KSB
 * coverage: each duty with the evidence claiming it and its judgement.
 */

export type DutyEvidence = { code: string; text: string; evidenceCount: number; judgement: JudgementValue };

export type DutiesEvidence = {
  duties: DutyEvidence[];
  counts: { total: number; met: number; developing: number; withEvidence: number };
};

/** Every duty of the framework, in its order, with what the portfolio holds for it. */
export const dutiesEvidence = (
  catalogue: Catalogue,
  framework: string,
  evidence: Readonly<Record<string, KsbEvidence>>,
): DutiesEvidence => {
  const duties = catalogue.items({ framework, kind: 'duty' }).map(
    (item): DutyEvidence => ({
      code: item.code,
      text: item.text,
      evidenceCount: evidence[item.code]?.count ?? 0,
      judgement: evidence[item.code]?.judgement ?? 'not-started',
    }),
  );
  return {
    duties,
    counts: {
      total: duties.length,
      met: duties.filter((d) => d.judgement === 'met').length,
      developing: duties.filter((d) => d.judgement === 'developing').length,
      withEvidence: duties.filter((d) => d.evidenceCount > 0).length,
    },
  };
};
