import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Framework } from '../framework/schema.ts';
import { type EvaluationContext, type EvaluationNode, evaluate } from './requirements/index.ts';

/** The evidence-file rules of a framework (HLTA assessment preparation), as the framework data gives them. */
export type EvidenceFileRules = NonNullable<Framework['evidenceFile']>;

/** A document the candidate put under a standard: one evidence item. */
export type FileDocument = { evidenceId: string; title: string; kind: string; occurredOn: string };

/** `few`: fewer documents than the guidance advises, where the data says that is a warning rather than a problem. */
export type StandardStatus = 'missing' | 'few' | 'ok' | 'too-many';

/** One standard of the evidence file: its number, its documents (labelled "7.1", "7.2") and whether the count is allowed. */
export type StandardInFile = {
  code: string;
  number: number;
  text: string;
  count: number;
  status: StandardStatus;
  documents: (FileDocument & { label: string; filePrefix: string })[];
};

/** The whole check: the entry requirement evaluated, each standard in order, and the problems in words. */
export type HltaPreparation = {
  entry: EvaluationNode;
  entryMet: boolean;
  standards: StandardInFile[];
  /** True when the entry requirement is met and every standard has an allowed number of documents. */
  ready: boolean;
  problems: string[];
  /** Advice that does not hold the file back (a standard with fewer documents than the guidance suggests). */
  warnings: string[];
  rules: { min: number; max: number };
};

/** Reasons an unmet requirement node gives: its own label and action, or those of its unmet children. */
const reasonsOf = (node: EvaluationNode): string[] => {
  if (node.status === 'met') return [];
  const unmetChildren = node.children.filter((c) => c.status !== 'met');
  if (unmetChildren.length === 0) return [node.action ? `${node.label}: ${node.action}` : node.label];
  return unmetChildren.flatMap(reasonsOf);
};

/** The reasons an entry check fails, in plain words (empty when it is met). */
export const entryReasons = (entry: EvaluationNode): string[] => reasonsOf(entry);

const statusOf = (count: number, rules: EvidenceFileRules): StandardStatus => {
  const { min, max, belowMinimum } = rules.documentsPerStandard;
  if (count < min) return belowMinimum === 'warning' ? 'few' : 'missing';
  return count > max ? 'too-many' : 'ok';
};

/**
 * Checks a candidate's evidence file against the framework's evidence-file rules: the entry
 * requirement (through the one requirement interpreter), and per standard — numbered 1…n in the
 * order given — how many documents it holds and their labels under the rules' numbering.
 * Pure: the caller passes the standards in framework order and the documents chosen per standard.
 */
export const hltaPreparation = (input: {
  rules: EvidenceFileRules;
  state: PersonState;
  catalogue: Catalogue;
  context: EvaluationContext;
  standards: readonly { code: string; text: string }[];
  chosen: ReadonlyMap<string, readonly FileDocument[]>;
}): HltaPreparation => {
  const { rules, standards } = input;
  const entry = evaluate(rules.entry, input.state, input.catalogue, input.context);
  const width = String(standards.length).length;
  const inFile = standards.map((standard, index): StandardInFile => {
    const number = index + 1;
    const documents = input.chosen.get(standard.code) ?? [];
    return {
      code: standard.code,
      number,
      text: standard.text,
      count: documents.length,
      status: statusOf(documents.length, rules),
      documents: documents.map((d, i) => ({
        ...d,
        label: `${number}.${i + 1}`,
        filePrefix: `${String(number).padStart(width, '0')}.${i + 1}`,
      })),
    };
  });
  const { min, max } = rules.documentsPerStandard;
  const problems = [
    ...entryReasons(entry),
    ...inFile
      .filter((s) => s.status === 'missing' || s.status === 'too-many')
      .map((s) =>
        s.status === 'missing'
          ? `Standard ${s.number} has ${s.count === 0 ? 'no document' : `${s.count} documents`}: choose at least ${min}`
          : `Standard ${s.number} has ${s.count} documents: choose at most ${max}`,
      ),
  ];
  const warnings = inFile
    .filter((s) => s.status === 'few')
    .map(
      (s) =>
        `Standard ${s.number} has ${s.count === 0 ? 'no document' : `${s.count} documents`}: the guidance is ${min}–${max} per standard, though a few standards may go without`,
    );
  const entryMet = entry.status === 'met';
  return { entry, entryMet, standards: inFile, ready: problems.length === 0, problems, warnings, rules: { min, max } };
};
