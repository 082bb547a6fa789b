import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import { type Requirement, type Strength, TrainingPhase } from '../../framework/schema.ts';
import { evaluateLeaf } from './leaves.ts';
import type { EvaluationContext, EvaluationNode, PendingChoice, RequirementStatus } from './types.ts';

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
  if (requirement.effectiveFrom !== undefined && context.on !== undefined && context.on < requirement.effectiveFrom)
    return notYetInForce(
      evaluate({ ...requirement, effectiveFrom: undefined }, state, catalogue, context, inherited),
      requirement.effectiveFrom,
    );
  const own = { ...(requirement.action ? { action: requirement.action } : {}) };
  switch (requirement.type) {
    case 'allOf':
    case 'anyOf':
    case 'atLeast': {
      const children = requirement.of.map((r) => evaluate(r, state, catalogue, context, strength));
      const status = combine(requirement, children);
      const metChildren = children.filter((c) => c.status === 'met');
      const preferred = [...metChildren.filter((c) => !c.subjectTo), ...metChildren.filter((c) => c.subjectTo)];
      const evidence = (requirement.type === 'anyOf' ? preferred.slice(0, 1) : metChildren).flatMap((c) => c.evidence);
      const subjectTo = status === 'met' ? conditionsOf(requirement, children) : [];
      return {
        type: requirement.type,
        status,
        strength,
        label: requirement.label ?? defaultLabel(requirement, children),
        evidence,
        ...own,
        ...withConditions(requirement, status, subjectTo),
        children,
      };
    }
    case 'when': {
      const applies = whenApplies(requirement, context);
      const applicable = applies !== false;
      const then = evaluate(requirement.require, state, catalogue, context, strength);
      const phases = requirement.phases.join(' or ');
      const training = requirement.phaseOf === 'teacherTraining';
      const pending = applies === 'unchosen' && then.status !== 'met';
      const notRequired = training
        ? `not required to train in the ${context.trainingPhase} phase (only ${phases})`
        : `not required in the ${context.phase} phase (only ${phases})`;
      return {
        type: 'when',
        status: applicable ? then.status : 'met',
        strength,
        label: requirement.label ?? `${training ? 'to train in' : 'in'} the ${phases} phase: ${then.label}`,
        evidence: applicable ? then.evidence : [notRequired],
        ...own,
        ...(applicable && then.subjectTo ? { subjectTo: then.subjectTo } : {}),
        ...(pending ? { choice: trainingPhaseChoice(phases) } : {}),
        applicable,
        children: [then],
      };
    }
    case 'not': {
      // Met when the inner requirement is not met outright or conditionally (met "subject to" a decision still counts as held).
      const inner = evaluate(requirement.requirement, state, catalogue, context, strength);
      const status: RequirementStatus = inner.status === 'met' ? 'not-met' : 'met';
      return {
        type: 'not',
        status,
        strength,
        label: requirement.label ?? `without ${inner.label}`,
        evidence: status === 'met' ? [`does not hold ${inner.label}`] : inner.evidence,
        ...(status === 'not-met' ? { action: requirement.action ?? `none: ${exclusionReason(inner)}` } : {}),
        ...withConditions(requirement, status, []),
        ...(inner.choice ? { choice: inner.choice } : {}),
        children: [inner],
      };
    }
    default: {
      const leaf = evaluateLeaf(requirement, state, catalogue, context);
      // A pending choice's question wins over the data's action: nothing else can be done first.
      const action = leaf.choice ? leaf.action : (requirement.action ?? leaf.action);
      return {
        type: requirement.type,
        status: leaf.status,
        strength,
        label: requirement.label ?? leaf.label,
        evidence: leaf.evidence,
        ...(leaf.status !== 'met' && action ? { action } : {}),
        ...withConditions(requirement, leaf.status, []),
        ...(leaf.choice ? { choice: leaf.choice } : {}),
        ...(leaf.items ? { items: leaf.items } : {}),
        children: [],
      };
    }
  }
};

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/**
 * A part of a rule checked on a day before it took effect: not met, whatever the person holds, and
 * nothing they can do about it (no action); its children are kept so the tree still mirrors the rule.
 */
const notYetInForce = (node: EvaluationNode, effectiveFrom: string): EvaluationNode => {
  const { action: _action, subjectTo: _subjectTo, choice: _choice, ...rest } = node;
  return {
    ...rest,
    status: 'not-met',
    evidence: [`only counts from ${longDate.format(new Date(`${effectiveFrom}T00:00:00Z`))}`],
    inForceFrom: effectiveFrom,
  };
};

/** Why an unmet `not` closes a route, from its evaluated inner requirement: "only for people without a degree". */
export const exclusionReason = (inner: EvaluationNode): string => `only for people without ${inner.label}`;

/**
 * Whether a `when` applies in the context: by the school's phase, or by the teacher-training phase
 * chosen; `unchosen` when it depends on a training phase not chosen yet (then it applies, and asks).
 */
export const whenApplies = (requirement: Extract<Requirement, { type: 'when' }>, context: EvaluationContext): boolean | 'unchosen' => {
  if (requirement.phaseOf !== 'teacherTraining') return requirement.phases.includes(context.phase);
  if (!context.trainingPhase) return 'unchosen';
  return requirement.phases.some((phase) => phase === context.trainingPhase);
};

const trainingPhaseChoice = (phases: string): PendingChoice => ({
  name: 'trainingPhase',
  options: [...TrainingPhase.options],
  text: `choose the phase you will train to teach (primary or secondary): this rule applies only to the ${phases} phase`,
});

/** The node's own condition (when met) joined to those it inherits from its children. */
const withConditions = (requirement: Requirement, status: RequirementStatus, inherited: readonly string[]): { subjectTo?: string[] } => {
  if (status !== 'met') return {};
  const all = [...new Set([...(requirement.subjectTo ? [requirement.subjectTo] : []), ...inherited])];
  return all.length > 0 ? { subjectTo: all } : {};
};

/**
 * The conditions a met combination carries: none when enough children are met outright; otherwise
 * those of the conditionally met children it relies on.
 */
const conditionsOf = (requirement: Extract<Requirement, { of: Requirement[] }>, children: readonly EvaluationNode[]): string[] => {
  const met = children.filter((c) => c.status === 'met');
  const outright = met.filter((c) => !c.subjectTo).length;
  const needed = requirement.type === 'anyOf' ? 1 : requirement.type === 'atLeast' ? requirement.count : met.length;
  if (requirement.type !== 'allOf' && outright >= needed) return [];
  return [...new Set(met.flatMap((c) => c.subjectTo ?? []))];
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
