import type { EvaluationNode } from './types.ts';

/**
 * A checklist line of an evaluated requirement: a leaf, or a choice (any-of / at-least) taken as
 * one line, reached through all-of nodes and applicable phase conditions.
 */
export type Unit = EvaluationNode;

/** The checklist lines of an evaluated tree (a `when` that does not apply contributes none). */
export const flattenUnits = (node: EvaluationNode): Unit[] => {
  if (node.type === 'allOf') return node.children.flatMap(flattenUnits);
  if (node.type === 'when') return node.applicable ? node.children.flatMap(flattenUnits) : [];
  return [node];
};

export type UnitCounts = { met: number; partial: number; missing: number; blocking: number; advice: number };

/** Counts checklist lines: met / partial / missing, and of the unmet ones how many block (required) or advise (indicative). */
export const countUnits = (units: readonly Unit[]): UnitCounts => {
  const counts: UnitCounts = { met: 0, partial: 0, missing: 0, blocking: 0, advice: 0 };
  for (const unit of units) {
    if (unit.status === 'met') counts.met++;
    else {
      if (unit.status === 'partial') counts.partial++;
      else counts.missing++;
      if (unit.strength === 'required') counts.blocking++;
      else counts.advice++;
    }
  }
  return counts;
};
