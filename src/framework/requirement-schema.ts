import { z } from 'zod';
import { code, ItemKind, Note, Phase, Provenance, QualificationLevel, StatusKind, Strength } from './schema-basics.ts';

/** Requirements: the data-driven rules attached to roles, statuses, qualifications and gateways, read by one interpreter. */

/**
 * A fact about the person's circumstances that a rule can ask for: an EHC plan or legacy statement,
 * BSL as the primary language, an employer who takes the person on as an apprentice in the role.
 */
export const Flag = z.enum([
  'ehcpOrStatement',
  'bsl',
  'apprenticeshipEmployer',
  // Facts of an apprenticeship enrolment that Gateway to Completion asks for (worked out from the enrolment, never entered).
  'gatewayMinimumDuration',
  'gatewayOffTheJobMinimum',
  'gatewayEmployerConfirmed',
  'gatewayProviderConfirmed',
]);
export type Flag = z.infer<typeof Flag>;
/** Flags a person can act on (a route plans a step for them); the others are circumstances a route cannot plan. */
export const plannableFlags: readonly Flag[] = ['apprenticeshipEmployer'];

export const Subject = z.enum(['english', 'maths', 'science', 'ict']);
export type Subject = z.infer<typeof Subject>;

/** Adult skills levels, lowest first, as the seed's table gives them. */
export const AdultLevel = z.enum(['PE', 'E1', 'E2', 'E3', 'L1', 'L2']);
export type AdultLevel = z.infer<typeof AdultLevel>;

const requirementCommon = {
  /** Plain-English statement shown to people. */
  label: z.string().min(1).optional(),
  strength: Strength.optional(),
  /** The concrete next step when unmet ("achieve Level 2 maths — e.g. Functional Skills Level 2"). */
  action: z.string().min(1).optional(),
  /** When met this way, met only subject to a further decision ("the provider's confirmation"), shown with the outcome. */
  subjectTo: z.string().min(1).optional(),
  provenance: Provenance.optional(),
  /**
   * The day this part of a rule took effect: a check dated before it finds it not met (a circumstance
   * nobody can act on). Undated checks (planning a route) take the rule as it stands.
   */
  effectiveFrom: z.iso.date().optional(),
};

/** A share such as one third, with the reason it was chosen. */
export const Threshold = z
  .strictObject({ numerator: z.number().int().positive(), denominator: z.number().int().positive(), provenance: Provenance })
  .refine((t) => t.numerator <= t.denominator, 'a threshold is a share: numerator at most denominator');
export type Threshold = z.infer<typeof Threshold>;

type ItemSet = { framework: string; kinds?: ItemKind[]; option?: string };
const ItemSetSchema = z.strictObject({ framework: z.string().min(1), kinds: z.array(ItemKind).optional(), option: z.string().optional() });

export type Requirement = {
  label?: string;
  strength?: Strength;
  action?: string;
  subjectTo?: string;
  provenance?: Provenance;
  effectiveFrom?: string;
} & (
  | { type: 'allOf'; of: Requirement[] }
  | { type: 'anyOf'; of: Requirement[] }
  | { type: 'atLeast'; count: number; of: Requirement[] }
  | { type: 'qualification'; id: string }
  | { type: 'qualificationAtLevel'; level: QualificationLevel; subject?: string }
  | { type: 'subjectLevel'; subject: Subject; atLeast: AdultLevel }
  | { type: 'subjectGrade'; subject: Subject; atLeast: string; schemes: string[] }
  | { type: 'itemsMet'; codes?: string[]; set?: ItemSet }
  /** "Working towards" the items: evidence begun (developing or met) on at least a share of them. */
  | { type: 'itemsWorkingTowards'; codes?: string[]; set?: ItemSet; begun: Threshold }
  | { type: 'specialism'; anyOf: string[] }
  | { type: 'credits'; level: number; atLeast: number }
  /** A degree of a kind (the one a route plans for), or of one of `orKinds` (also accepted, never planned). */
  | { type: 'degree'; kind: string; orKinds?: string[] }
  | { type: 'role'; id: string }
  /** A status held; `accepts` limits how it was gained (school recognition, external assessment), default any kind the status lists. */
  | { type: 'status'; id: string; accepts?: StatusKind[] }
  | { type: 'flag'; flag: Flag }
  /** The person's age on the day their apprenticeship started (from the recorded age, or date of birth and start date). */
  | { type: 'ageAtStart'; atLeast?: number; below?: number }
  /**
   * Applies only in some phases: of the person's school (default), or of the teacher-training course
   * they choose (`phaseOf: teacherTraining`, a goal option; not chosen yet, the rule applies and asks for the choice).
   */
  | { type: 'when'; phases: Phase[]; phaseOf?: 'school' | 'teacherTraining'; require: Requirement }
  /**
   * Met when the inner requirement is not (an entry rule for people without something: the teacher
   * degree apprenticeship is for people without a degree). Unmet, it cannot be planned: it closes the route.
   */
  | { type: 'not'; requirement: Requirement }
);

/** A data-driven requirement expression, evaluated by one interpreter (domain/requirements). */
export const Requirement: z.ZodType<Requirement> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({ ...requirementCommon, type: z.literal('allOf'), of: z.array(Requirement).min(1) }),
    z.strictObject({ ...requirementCommon, type: z.literal('anyOf'), of: z.array(Requirement).min(1) }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('atLeast'),
      count: z.number().int().positive(),
      of: z.array(Requirement).min(1),
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('qualification'), id: code }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('qualificationAtLevel'),
      level: QualificationLevel,
      subject: z.string().optional(),
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('subjectLevel'), subject: Subject, atLeast: AdultLevel }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('subjectGrade'),
      subject: Subject,
      atLeast: z.string().min(1),
      schemes: z.array(z.string()).min(1),
    }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('itemsMet'),
      codes: z.array(code).min(1).optional(),
      set: ItemSetSchema.optional(),
    }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('itemsWorkingTowards'),
      codes: z.array(code).min(1).optional(),
      set: ItemSetSchema.optional(),
      begun: Threshold,
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('specialism'), anyOf: z.array(z.string()).min(1) }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('credits'),
      level: z.number().int().min(1).max(8),
      atLeast: z.number().int().positive(),
    }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('degree'),
      kind: z.string().min(1),
      orKinds: z.array(z.string().min(1)).min(1).optional(),
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('role'), id: code }),
    z.strictObject({ ...requirementCommon, type: z.literal('status'), id: code, accepts: z.array(StatusKind).min(1).optional() }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('ageAtStart'),
      atLeast: z.number().int().min(0).max(120).optional(),
      below: z.number().int().min(1).max(120).optional(),
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('flag'), flag: Flag }),
    z.strictObject({
      ...requirementCommon,
      type: z.literal('when'),
      phases: z.array(Phase).min(1),
      phaseOf: z.enum(['school', 'teacherTraining']).optional(),
      require: Requirement,
    }),
    z.strictObject({ ...requirementCommon, type: z.literal('not'), requirement: Requirement }),
  ]),
);

/** The requirement attached to a role, status, qualification or gateway. */
export const RequirementRule = z.strictObject({
  id: z.string().min(1),
  target: code,
  /** When the rule applies: to hold the role, to enter a programme, or at an apprenticeship gateway. */
  stage: z.enum(['hold', 'entry', 'gateway', 'award']),
  requirement: Requirement,
  provenance: Provenance,
  /** How the rule changed over time (a supersession note per change, each with its public source). */
  notes: z.array(Note).optional(),
});
export type RequirementRule = z.infer<typeof RequirementRule>;
