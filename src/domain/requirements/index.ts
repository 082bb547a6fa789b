export { evaluate } from './evaluate.ts';
export { codesOf, itemsOfSet } from './items.ts';
export type { EvaluationContext, EvaluationNode, ItemProgress, RequirementStatus } from './types.ts';
export { countUnits, flattenUnits, type Unit, type UnitCounts } from './units.ts';
