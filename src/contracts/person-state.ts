import { z } from 'zod';
import { Nation, Phase, StatusKind, Subject, TrainingPhase } from '../framework/schema.ts';
import type { ErrorDetail } from './errors.ts';
import { detailsFromZod } from './zod-issues.ts';

/**
 * A plain description of a person's position — role, achievements, judgements — in JSON.
 * Accepted by the API and the CLI, and produced from a stored person by the server. The shape
 * check lives here; ids are checked against the catalogue by `resolvePersonState` in domain/.
 */

/** How far a person has got with one competency item. */
export const JudgementValue = z.enum(['not-started', 'developing', 'met']);
export type JudgementValue = z.infer<typeof JudgementValue>;

export const CreditUnit = z.strictObject({
  level: z.number().int().min(1).max(8),
  credits: z.number().int().positive().max(1000),
  /** The unit's code where it is a catalogue unit (e.g. a QCF unit). */
  code: z.string().min(1).optional(),
});
export type CreditUnit = z.infer<typeof CreditUnit>;

export const QualificationAchievement = z.strictObject({ qualification: z.string().min(1) });
export const SubjectAchievement = z.strictObject({ subject: Subject, scheme: z.string().min(1), grade: z.string().min(1) });
export const UnitsAchievement = z.strictObject({ units: z.array(CreditUnit).min(1) });
export const DegreeAchievement = z.strictObject({
  degree: z.string().min(1),
  credits: z.number().int().min(0).max(1000),
  level: z.number().int().min(4).max(8),
  subject: z.string().min(1).optional(),
});
/** A status held; `kind` says how it was gained (absent: recognised by the person's school, as before external assessment was recorded). */
export const StatusAchievement = z.strictObject({ status: z.string().min(1), kind: StatusKind.optional() });

/** Something a person holds: a qualification, a subject grade, credit-bearing units, a degree, or a status. */
export const Achievement = z.union([QualificationAchievement, SubjectAchievement, UnitsAchievement, DegreeAchievement, StatusAchievement]);
export type Achievement = z.infer<typeof Achievement>;

export const PersonState = z.strictObject({
  /** The graded role the person holds now (`TA3`), if any. */
  role: z.string().min(1).optional(),
  phase: Phase,
  nation: Nation,
  achievements: z.array(Achievement).max(500).default([]),
  /** Competency item code → judgement (`HLTA.1: met`). */
  judgements: z.record(z.string().min(1), JudgementValue).default({}),
  /** Specialism letters chosen among sub-duties (`a`…`d` of TA3.D7). */
  specialisms: z.array(z.string().regex(/^[a-z]$/, 'a specialism letter such as a')).default([]),
  flags: z
    .strictObject({
      ehcpOrStatement: z.boolean().default(false),
      bsl: z.boolean().default(false),
      /** An employer has agreed to take the person on as an apprentice in the role (an apprenticeship is a job). */
      apprenticeshipEmployer: z.boolean().optional(),
      /** Gateway to Completion facts of an enrolment (src/usecases/apprenticeships/gateway.ts works them out). */
      gatewayMinimumDuration: z.boolean().optional(),
      gatewayOffTheJobMinimum: z.boolean().optional(),
      gatewayEmployerConfirmed: z.boolean().optional(),
      gatewayProviderConfirmed: z.boolean().optional(),
    })
    .default({ ehcpOrStatement: false, bsl: false }),
  hoursPerWeekForStudy: z.number().positive().max(80).optional(),
  /** The option chosen on an apprenticeship standard with options (ST1414: SEND, SEW, SCP). */
  option: z.string().min(1).optional(),
  /** The phase of the teacher-training course chosen (goal option for QTS entry): primary asks for GCSE science too. */
  trainingPhase: TrainingPhase.optional(),
  /**
   * For apprenticeship rules that depend on the age at the start (English and maths since 11 February 2025):
   * the age on the start day, or the date of birth and the start date it is worked out from.
   */
  dateOfBirth: z.iso.date().optional(),
  apprenticeshipStartDate: z.iso.date().optional(),
  ageAtApprenticeshipStart: z.number().int().min(14).max(100).optional(),
});
/**
 * Choices that belong to the goal rather than the person's record, passed to gap and route
 * evaluation (and overriding the same fields of the person state): the apprenticeship option
 * (ST1414: SEND, SEW, SCP) and the phase of the teacher-training course.
 */
export const GoalOptions = z.strictObject({
  option: z.string().min(1).max(100).optional(),
  trainingPhase: TrainingPhase.optional(),
});
export type GoalOptions = z.infer<typeof GoalOptions>;

/** A validated person state (defaults applied). */
export type PersonState = z.output<typeof PersonState>;
/** A person state as written in JSON (defaults optional). */
export type PersonStateInput = z.input<typeof PersonState>;

/** Parses the shape of a person state; failures name the JSON path and the reason. */
export const parsePersonState = (json: unknown): { ok: true; state: PersonState } | { ok: false; errors: ErrorDetail[] } => {
  const parsed = PersonState.safeParse(json);
  return parsed.success ? { ok: true, state: parsed.data } : { ok: false, errors: detailsFromZod(parsed.error) };
};
