import type { Nation, Phase, Requirement, Strength, TrainingPhase } from '../../framework/schema.ts';

/** Whether a requirement is satisfied: fully, in part (some progress), or not at all. */
export type RequirementStatus = 'met' | 'partial' | 'not-met';

/** The competency items a set- or list-based requirement looks at, and how far the person has got. */
export type ItemProgress = {
  framework?: string;
  total: number;
  met: string[];
  developing: string[];
  missing: string[];
  /** Items not judged met but recognised as prior learning (an enrolment's): they count as met, and are listed apart. */
  recognised?: string[];
};

/** A goal option that must be chosen before a rule can be answered: which, its values, and the question in words. */
export type PendingChoice = { name: 'option' | 'trainingPhase'; options: string[]; text: string };

/**
 * One node of an evaluated requirement: mirrors the requirement expression (children align with
 * `of`, or `[then]` for `when`), with its status, strength, the evidence that satisfied it and,
 * where unmet, the concrete next action.
 */
export type EvaluationNode = {
  type: Requirement['type'];
  status: RequirementStatus;
  /** `required`, or `indicative` (advice, not a barrier), inherited from the parent when the data is silent. */
  strength: Strength;
  label: string;
  evidence: string[];
  action?: string;
  /** False for a `when` whose phases do not include the person's phase (then counted as met). */
  applicable?: boolean;
  /** Met only subject to these further decisions (e.g. "the provider's confirmation"); absent when met outright. */
  subjectTo?: string[];
  /** A goal option the outcome depends on and that is not chosen yet (the ST1414 option, the training phase). */
  choice?: PendingChoice;
  items?: ItemProgress;
  /** Set when the check is dated before the day this part of the rule took effect (its `effectiveFrom`): then not met. */
  inForceFrom?: string;
  children: EvaluationNode[];
};

/**
 * What an evaluation depends on besides the person: the school phase and nation, the chosen
 * apprenticeship option and the phase of the teacher-training course chosen (goal options), the
 * day the check is made where it matters (`on`: Gateway to Completion readiness is checked on a day,
 * and parts of a rule with an `effectiveFrom` after it do not count), and an enrolment's KSBs
 * recognised as prior learning.
 */
export type EvaluationContext = {
  phase: Phase;
  nation?: Nation;
  option?: string;
  trainingPhase?: TrainingPhase;
  on?: string;
  /** Item codes recognised as prior learning on the enrolment being checked: they count towards `itemsMet` without a judgement. */
  recognised?: readonly string[];
};
