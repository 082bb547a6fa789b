export { evaluate, exclusionReason, whenApplies } from './evaluate.ts';
export { codesOf, itemsOfSet, pendingOptionOf } from './items.ts';
export type { EvaluationContext, EvaluationNode, ItemProgress, PendingChoice, RequirementStatus } from './types.ts';
export { countUnits, flattenUnits, type Unit, type UnitCounts } from './units.ts';
export { gradeInWords, subjectInWords } from './words.ts';
