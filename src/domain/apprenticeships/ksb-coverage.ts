import type { JudgementValue } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { CompetencyItem } from '../../framework/schema.ts';

/**
 * The KSBs in scope for an enrolment on a standard: the core and the chosen option only (ST1414
 * SEND: K30–K35 and S27–S29, none of the other options'), each with its evidence count and
 * judgement (or recognised as prior learning, which covers a KSB without a judgement), grouped by duty where the standard maps duties to KSBs (the importer carries the
 * mapping as `isRelatedTo` associations from each duty).
 */

export type KsbKind = 'knowledge' | 'skill' | 'behaviour';
const ksbKinds: readonly string[] = ['knowledge', 'skill', 'behaviour'] satisfies KsbKind[];

/** What the portfolio holds for one KSB (given as input: the domain reads no database). */
export type KsbEvidence = { count: number; judgement?: JudgementValue };

export type KsbCoverageInput = {
  /** The standard version's framework id (`st1414`, `st0454-v1.1`). */
  framework: string;
  /** The enrolment's option, required where the standard has options. */
  option?: string;
  evidence: Readonly<Record<string, KsbEvidence>>;
  /** KSB codes recognised as prior learning on the enrolment: they count towards coverage, shown as recognised rather than as judged met. */
  recognised?: readonly string[];
};

export type KsbCoverageItem = {
  code: string;
  kind: KsbKind;
  text: string;
  /** `core`, or the option the KSB belongs to. */
  scope: string;
  evidenceCount: number;
  judgement: JudgementValue;
  /** Recognised as prior learning and not (yet) judged met: covered without a judgement. */
  recognised: boolean;
};

/** A duty's KSBs in scope: how many are judged met, how many recognised as prior learning (`covered` is both). */
export type DutyCoverage = {
  code: string;
  text: string;
  scope: string;
  ksbs: string[];
  met: number;
  recognised: number;
  covered: number;
  total: number;
};

export type KsbCoverage = {
  ok: true;
  framework: string;
  option?: string;
  items: KsbCoverageItem[];
  /** `met` is judged met; `recognised` is recognised as prior learning without a judgement of met; `covered` is both. */
  counts: {
    total: number;
    met: number;
    recognised: number;
    covered: number;
    developing: number;
    notStarted: number;
    withEvidence: number;
  };
  /** The duties in scope with their KSBs in scope; null where the standard maps no duty to a KSB. */
  duties: DutyCoverage[] | null;
  /** KSBs in scope that no duty in scope maps (empty when `duties` is null). */
  unmapped: string[];
  /** Codes given evidence that belong to the standard but not to this enrolment's scope (another option's). */
  outOfScope: string[];
};

export type KsbCoverageRefusal = { ok: false; code: 'unknown_framework' | 'option_required' | 'unknown_option'; message: string };

const inScope = (item: CompetencyItem, option: string | undefined) =>
  !item.options || (option !== undefined && item.options.includes(option));
const scopeOf = (item: CompetencyItem, option: string | undefined) => (item.options ? (option ?? item.options.join(', ')) : 'core');
const isKsb = (item: CompetencyItem): item is CompetencyItem & { kind: KsbKind } => ksbKinds.includes(item.kind);

/** The option-scoped KSB coverage of an enrolment, or a refusal naming what is missing. */
export const ksbCoverage = (catalogue: Catalogue, input: KsbCoverageInput): KsbCoverage | KsbCoverageRefusal => {
  const framework = catalogue.framework(input.framework);
  if (!framework) return { ok: false, code: 'unknown_framework', message: `No standard ${input.framework} in the catalogue.` };
  const options = (framework.roles ?? []).flatMap((role) => (role.options ?? []).map((o) => o.id));
  if (options.length > 0 && input.option === undefined)
    return {
      ok: false,
      code: 'option_required',
      message: `${framework.title} has options (${options.join(', ')}): choose the enrolment's option.`,
    };
  if (input.option !== undefined && !options.includes(input.option))
    return {
      ok: false,
      code: 'unknown_option',
      message: `${framework.title} has ${options.length > 0 ? `no option ${input.option} (its options: ${options.join(', ')})` : 'no options'}.`,
    };

  const all = framework.items ?? [];
  const ksbs = all.filter(isKsb);
  const ksbCodes = new Set(ksbs.map((k) => k.code));
  const scoped = ksbs.filter((item) => inScope(item, input.option));
  const recognised = new Set(input.recognised ?? []);
  const items = scoped.map((item): KsbCoverageItem => {
    const judgement = input.evidence[item.code]?.judgement ?? 'not-started';
    return {
      code: item.code,
      kind: item.kind,
      text: item.text,
      scope: scopeOf(item, input.option),
      evidenceCount: input.evidence[item.code]?.count ?? 0,
      judgement,
      recognised: judgement !== 'met' && recognised.has(item.code),
    };
  });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const countOf = (judgement: JudgementValue) => items.filter((i) => i.judgement === judgement).length;
  const recognisedCount = items.filter((i) => i.recognised).length;

  const dutyItems = all.filter((item) => item.kind === 'duty');
  const dutyCodes = new Set(dutyItems.map((d) => d.code));
  const mapping = catalogue.associations({ type: 'isRelatedTo' }).filter((a) => dutyCodes.has(a.from) && ksbCodes.has(a.to));
  const duties =
    mapping.length === 0
      ? null
      : dutyItems
          .filter((duty) => inScope(duty, input.option))
          .map((duty): DutyCoverage => {
            const codes = [...new Set(mapping.filter((a) => a.from === duty.code && byCode.has(a.to)).map((a) => a.to))];
            const met = codes.filter((c) => byCode.get(c)?.judgement === 'met').length;
            const recognisedHere = codes.filter((c) => byCode.get(c)?.recognised === true).length;
            return {
              code: duty.code,
              text: duty.text,
              scope: scopeOf(duty, input.option),
              ksbs: codes,
              met,
              recognised: recognisedHere,
              covered: met + recognisedHere,
              total: codes.length,
            };
          });
  const mapped = new Set(duties?.flatMap((d) => d.ksbs) ?? []);

  return {
    ok: true,
    framework: framework.id,
    ...(input.option !== undefined ? { option: input.option } : {}),
    items,
    counts: {
      total: items.length,
      met: countOf('met'),
      recognised: recognisedCount,
      covered: countOf('met') + recognisedCount,
      developing: countOf('developing'),
      notStarted: countOf('not-started'),
      withEvidence: items.filter((i) => i.evidenceCount > 0).length,
    },
    duties,
    unmapped: duties === null ? [] : items.filter((i) => !mapped.has(i.code)).map((i) => i.code),
    outOfScope: Object.keys(input.evidence).filter((code) => ksbCodes.has(code) && !byCode.has(code)),
  };
};
