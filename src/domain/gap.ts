import type { GoalOptions, PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { RequirementRule, TrainingPhase } from '../framework/schema.ts';
import {
  countUnits,
  type EvaluationContext,
  type EvaluationNode,
  evaluate,
  flattenUnits,
  type PendingChoice,
  type UnitCounts,
} from './requirements/index.ts';
import { findTarget, rulesOf, type Target } from './targets.ts';

/** One rule of the target, evaluated. */
export type GapRule = { id: string; stage: RequirementRule['stage']; node: EvaluationNode };

/** Competency coverage in one framework: e.g. HLTA 21/33 met, 6 developing. */
export type Coverage = { framework: string; title: string; met: number; developing: number; total: number };

export type Gap = {
  target: Target;
  option?: string;
  /** The phase of the teacher-training course the gap was worked out for (a goal option). */
  trainingPhase?: TrainingPhase;
  /**
   * Goal options the answer depends on and that are not chosen yet ("choose an option: SEND, SEW
   * or SCP"): until chosen, the rules that need them are not met.
   */
  choices: PendingChoice[];
  /** Conditions the met rules carry ("the provider's confirmation"): met, subject to these. */
  subjectTo: string[];
  /** True when every required rule is met and no required rule waits for a goal option (indicative ones may still be open as advice). */
  ready: boolean;
  rules: GapRule[];
  counts: UnitCounts;
  coverage: Coverage[];
};

/** The evaluation context for a person: their phase and nation, and the goal options asked for (else those in their state). */
export const contextFor = (state: PersonState, goal: GoalOptions = {}): EvaluationContext => {
  const chosen = goal.option ?? state.option;
  const trainingPhase = goal.trainingPhase ?? state.trainingPhase;
  return {
    phase: state.phase,
    nation: state.nation,
    ...(chosen ? { option: chosen } : {}),
    ...(trainingPhase ? { trainingPhase } : {}),
  };
};

/** Gap analysis: every rule of a role, status or qualification evaluated against a person, with counts and coverage. */
export const gap = (state: PersonState, targetId: string, catalogue: Catalogue, options: GoalOptions = {}): Gap => {
  const target = findTarget(targetId, catalogue);
  const context = contextFor(state, options);
  const rules = rulesOf(targetId, catalogue).map((rule) => ({
    id: rule.id,
    stage: rule.stage,
    node: evaluate(rule.requirement, state, catalogue, context),
  }));
  const units = rules.flatMap((r) => flattenUnits(r.node));
  const nodes = rules.map((r) => r.node);
  const choices = pendingChoicesOf(nodes.filter((n) => n.strength === 'required'));
  return {
    target,
    ...(context.option ? { option: context.option } : {}),
    ...(context.trainingPhase ? { trainingPhase: context.trainingPhase } : {}),
    choices: pendingChoicesOf(nodes),
    subjectTo: [...new Set(nodes.flatMap((n) => (n.status === 'met' ? (n.subjectTo ?? []) : [])))],
    // A required rule that waits for a goal option is not answered yet, whatever the core items say.
    ready: choices.length === 0 && rules.every((r) => r.node.status === 'met' || r.node.strength === 'indicative'),
    rules,
    counts: countUnits(units),
    coverage: coverageOf(
      rules.map((r) => r.node),
      catalogue,
    ),
  };
};

/** The pending goal choices anywhere in the evaluated trees, one per kind of choice. */
export const pendingChoicesOf = (nodes: readonly EvaluationNode[]): PendingChoice[] => {
  const walk = (node: EvaluationNode): PendingChoice[] => [...(node.choice ? [node.choice] : []), ...node.children.flatMap(walk)];
  return [...new Map(nodes.flatMap(walk).map((c) => [c.name, c])).values()];
};

const itemNodes = (node: EvaluationNode): EvaluationNode[] =>
  node.type === 'when' && !node.applicable ? [] : [...(node.items ? [node] : []), ...node.children.flatMap(itemNodes)];

/** Per framework, the distinct items the tree asks to be met and how many are met or developing. */
export const coverageOf = (nodes: readonly EvaluationNode[], catalogue: Catalogue): Coverage[] => {
  const byFramework = new Map<string, { met: Set<string>; developing: Set<string>; all: Set<string> }>();
  for (const node of nodes.flatMap(itemNodes)) {
    const items = node.items;
    if (!items) continue;
    for (const code of [...items.met, ...items.missing]) {
      const framework = catalogue.frameworkOf(code)?.id ?? 'unknown';
      const entry = byFramework.get(framework) ?? { met: new Set(), developing: new Set(), all: new Set() };
      byFramework.set(framework, entry);
      entry.all.add(code);
      if (items.met.includes(code)) entry.met.add(code);
      if (items.developing.includes(code)) entry.developing.add(code);
    }
  }
  return [...byFramework].map(([framework, e]) => ({
    framework,
    title: catalogue.framework(framework)?.title ?? framework,
    met: e.met.size,
    developing: e.developing.size,
    total: e.all.size,
  }));
};
