import type { Enrolment } from '../../domain/apprenticeships/enrolment.ts';
import { type DutyCoverage, type KsbCoverage, type KsbCoverageItem, ksbCoverage } from '../../domain/apprenticeships/ksb-coverage.ts';
import { programmeById } from '../../domain/apprenticeships/programme.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { ksbEvidenceOf } from '../../store/apprenticeships/coverage.ts';
import { type ApprenticeshipDeps, loadEnrolment } from './off-the-job-access.ts';

/**
 * KSB coverage of an enrolment: every KSB in scope (core and the chosen option only) with its
 * evidence count and judgement, or recognised as prior learning on the enrolment (covered without
 * a judgement, and shown so), grouped by duty where the standard maps duties to KSBs, for the heat
 * map and its table; and the coverage percentage per enrolment for the caseload.
 */

export const coverageHref = (enrolmentId: string) => `/enrolments/${enrolmentId}/coverage`;

export type CoverageCell = KsbCoverageItem & { shortCode: string; heat: 'met' | 'recognised' | 'developing' | 'evidence' | 'none' };

export type CoveragePage = {
  enrolment: Enrolment;
  programmeTitle: string;
  optionTitle: string | null;
  /** Null with a reason where the programme has no KSBs to cover (a legacy framework pathway, say). */
  /** `percentCovered`: judged met or recognised as prior learning, of the KSBs in scope. */
  coverage: (Omit<KsbCoverage, 'items'> & { items: CoverageCell[]; percentCovered: number }) | null;
  unavailable: string | null;
  /** The duty filter: the chosen duty, if any, and the KSBs it maps. */
  duty: DutyCoverage | null;
  shown: CoverageCell[];
};

const shortCode = (code: string) => code.replace(/^[A-Z]+\d+\./, '');
const heatOf = (i: KsbCoverageItem): CoverageCell['heat'] =>
  i.judgement === 'met'
    ? 'met'
    : i.recognised
      ? 'recognised'
      : i.judgement === 'developing'
        ? 'developing'
        : i.evidenceCount > 0
          ? 'evidence'
          : 'none';
const percentOf = (met: number, total: number) => (total === 0 ? 0 : Math.round((met / total) * 100));

const coverageFor = (catalogue: Catalogue, enrolment: Enrolment, evidence: Parameters<typeof ksbCoverage>[1]['evidence']) => {
  const programme = programmeById(catalogue, enrolment.programme);
  if (!programme) return { programme, result: null, reason: `The programme ${enrolment.programme} is not in the catalogue.` };
  const result = ksbCoverage(catalogue, {
    framework: programme.frameworkId,
    ...(enrolment.optionCode ? { option: enrolment.optionCode } : {}),
    evidence,
    recognised: enrolment.priorLearningItems,
  });
  if (!result.ok) return { programme, result: null, reason: result.message };
  if (result.items.length === 0)
    return { programme, result: null, reason: `${programme.title} has no knowledge, skills and behaviours to cover.` };
  return { programme, result, reason: null };
};

/** The coverage page of an enrolment (enrolment.read), filtered by a duty when one is chosen. */
export const readCoverage = async (
  deps: ApprenticeshipDeps,
  actor: Actor | Anonymous,
  enrolmentId: string,
  filter: { duty?: string } = {},
): Promise<CoveragePage> => {
  const { enrolment } = await loadEnrolment(deps, actor, enrolmentId, 'enrolment.read');
  const evidence = (await ksbEvidenceOf(deps.db, [enrolment])).get(enrolment.personId) ?? {};
  const { programme, result, reason } = coverageFor(deps.catalogue, enrolment, evidence);
  const optionTitle = programme?.options.find((o) => o.id === enrolment.optionCode)?.title ?? null;
  const base = { enrolment, programmeTitle: programme?.title ?? enrolment.programme, optionTitle };
  if (!result) return { ...base, coverage: null, unavailable: reason, duty: null, shown: [] };
  const items = result.items.map((i): CoverageCell => ({ ...i, shortCode: shortCode(i.code), heat: heatOf(i) }));
  const duty = filter.duty ? (result.duties?.find((d) => d.code === filter.duty) ?? null) : null;
  const shown = duty ? items.filter((i) => duty.ksbs.includes(i.code)) : items;
  return {
    ...base,
    coverage: { ...result, items, percentCovered: percentOf(result.counts.covered, result.counts.total) },
    unavailable: null,
    duty,
    shown,
  };
};

/**
 * The share of each enrolment's KSBs in scope judged met or recognised as prior learning (0–100), for the caseload; null where the
 * programme has no KSBs to cover. The caller has already scoped the list to what the user may see.
 */
export const coveragePercentOf = async (
  deps: Pick<ApprenticeshipDeps, 'db' | 'catalogue'>,
  list: readonly Enrolment[],
): Promise<Map<string, number | null>> => {
  const evidence = await ksbEvidenceOf(deps.db, list);
  return new Map(
    list.map((e) => {
      const { result } = coverageFor(deps.catalogue, e, evidence.get(e.personId) ?? {});
      return [e.id, result ? percentOf(result.counts.covered, result.counts.total) : null];
    }),
  );
};
