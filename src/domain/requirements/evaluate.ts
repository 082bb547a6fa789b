import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Requirement, Strength } from '../../framework/schema.ts';
import { evaluateLeaf } from './leaves.ts';
import type { EvaluationContext, EvaluationNode, RequirementStatus } from './types.ts';

/**
 * The one requirement interpreter: evaluates any requirement expression from the framework data
 * against a person and returns a tree of met / partial / not-met nodes with evidence and actions.
 * Pure: depends only on its arguments.
 */
export const evaluate = (
  requirement: Requirement,
  state: PersonState,
  catalogue: Catalogue,
  context: EvaluationContext,
  inherited: Strength = 'required',
): EvaluationNode => {
  const strength = requirement.strength ?? inherited;
  const own = { ...(requirement.action ? { action: requirement.action } : {}) };
  switch (requirement.type) {
    case 'allOf':
    case 'anyOf':
    case 'atLeast': {
      const children = requirement.of.map((r) => evaluate(r, state, catalogue, context, strength));
      const status = combine(requirement, children);
      const evidence = (requirement.type === 'anyOf' ? children.filter((c) => c.status === 'met').slice(0, 1) : children).flatMap((c) =>
        c.status === 'met' ? c.evidence : [],
      );
      return {
        type: requirement.type,
        status,
        strength,
        label: requirement.label ?? defaultLabel(requirement, children),
        evidence,
        ...own,
        children,
      };
    }
    case 'when': {
      const applicable = requirement.phases.includes(context.phase);
      const then = evaluate(requirement.require, state, catalogue, context, strength);
      const phases = requirement.phases.join(' or ');
      return {
        type: 'when',
        status: applicable ? then.status : 'met',
        strength,
        label: requirement.label ?? `in the ${phases} phase: ${then.label}`,
        evidence: applicable ? then.evidence : [`not required in the ${context.phase} phase (only ${phases})`],
        ...own,
        applicable,
        children: [then],
      };
    }
    default: {
      const leaf = evaluateLeaf(requirement, state, catalogue, context);
      const action = requirement.action ?? leaf.action;
      return {
        type: requirement.type,
        status: leaf.status,
        strength,
        label: requirement.label ?? leaf.label,
        evidence: leaf.evidence,
        ...(leaf.status !== 'met' && action ? { action } : {}),
        ...(leaf.items ? { items: leaf.items } : {}),
        children: [],
      };
    }
  }
};

/** Combines children: indicative children are advice and do not hold back a parent that has required ones. */
const combine = (requirement: Extract<Requirement, { of: Requirement[] }>, children: readonly EvaluationNode[]): RequirementStatus => {
  const met = children.filter((c) => c.status === 'met').length;
  const started = children.some((c) => c.status !== 'not-met');
  if (requirement.type === 'anyOf') return met > 0 ? 'met' : started ? 'partial' : 'not-met';
  if (requirement.type === 'atLeast') return met >= requirement.count ? 'met' : started ? 'partial' : 'not-met';
  const required = children.filter((c) => c.strength === 'required');
  const decisive = required.length > 0 ? required : children;
  if (decisive.every((c) => c.status === 'met')) return 'met';
  return decisive.some((c) => c.status !== 'not-met') ? 'partial' : 'not-met';
};

const defaultLabel = (requirement: Extract<Requirement, { of: Requirement[] }>, children: readonly EvaluationNode[]): string => {
  const parts = children.map((c) => (c.children.length > 0 && c.type !== 'when' ? `(${c.label})` : c.label));
  if (requirement.type === 'allOf') return parts.join(' and ');
  if (requirement.type === 'anyOf') return parts.join(' or ');
  return `at least ${requirement.count} of: ${parts.join('; ')}`;
};
