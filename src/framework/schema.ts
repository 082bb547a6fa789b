import { z } from 'zod';
import { CaseDocumentOrigin, CaseItemOrigin } from './case/case-identity.ts';

/**
 * The schema every framework data file under `src/framework/data/` must satisfy.
 * A file that does not is refused at load with its path and the reason, so the
 * reference data can never drift silently from its sources.
 */

export const seedFileName = z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/, 'a seed file name such as 003_02d8b21ed1d9710a.txt');

/** Where a piece of reference data comes from: a seed document, Pathways' own reasoning, or an import. */
export const Provenance = z.union([
  z.strictObject({ seed: seedFileName, section: z.string().min(1) }),
  z.strictObject({ origin: z.literal('pathways'), reason: z.string().min(10), source: z.url().optional() }),
  z.strictObject({ origin: z.literal('import'), format: z.enum(['ifate', 'case']), reference: z.string().min(1) }),
]);
export type Provenance = z.infer<typeof Provenance>;

export const Nation = z.enum(['England', 'Wales', 'Scotland', 'Northern Ireland']);
export type Nation = z.infer<typeof Nation>;

/** School phases (also used by requirements that apply only in some phases, e.g. primary QTS science). */
export const Phase = z.enum([
  'nursery',
  'primary',
  'secondary',
  'all-through',
  'special',
  'alternative-provision',
  'further-education',
  'other',
]);
export type Phase = z.infer<typeof Phase>;

/**
 * The phase of the teacher-training course a person chooses (a goal option, not their school's
 * phase): the ITT criteria ask for GCSE science only of those training to teach in the primary phase.
 */
export const TrainingPhase = z.enum(['primary', 'secondary']);
export type TrainingPhase = z.infer<typeof TrainingPhase>;

export const Strength = z.enum(['required', 'indicative']);
export type Strength = z.infer<typeof Strength>;

/** A note recorded against a framework or an item: a discrepancy in a seed, or how the world has moved on. */
export const Note = z.strictObject({
  kind: z.enum(['discrepancy', 'supersession', 'context', 'inference']),
  text: z.string().min(1),
  provenance: Provenance,
});
export type Note = z.infer<typeof Note>;

/** A list of verbatim lines from one place in a seed (bullets, job titles, CPD suggestions). */
export const QuotedList = z.strictObject({ items: z.array(z.string().min(1)).min(1), provenance: Provenance });
export type QuotedList = z.infer<typeof QuotedList>;

export const Quote = z.strictObject({ text: z.string().min(1), provenance: Provenance });
export type Quote = z.infer<typeof Quote>;

export const ItemKind = z.enum([
  'group',
  'duty',
  'standard',
  'knowledge',
  'skill',
  'behaviour',
  'nos-unit',
  'training-module',
  'partnership-teacher-kind',
]);
export type ItemKind = z.infer<typeof ItemKind>;

const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, 'a code of letters, digits, dots, dashes or underscores');

/** One assessable statement (a CASE CFItem): a duty, an HLTA standard, a K/S/B, a NOS unit… */
export const CompetencyItem = z.strictObject({
  code,
  kind: ItemKind,
  /** The statement, verbatim from the source. */
  text: z.string().min(1),
  /** A short title where the source gives one (a NOS unit's name, a partnership-teacher kind). */
  title: z.string().min(1).optional(),
  /** The grouping item or role this item sits under (CASE isChildOf). */
  parent: code.optional(),
  /** Option ids the item is scoped to; absent means core (applies to every option). */
  options: z.array(z.string().min(1)).min(1).optional(),
  /** Set when the option scope or mapping is Pathways' inference rather than the seed's statement. */
  inferred: z.string().min(10).optional(),
  /**
   * Marks a lead-in (stem) rather than a statement of its own: a `group` whose children are
   * alternatives, of which at least this many are expected (the NJC profiles' "at least one of the
   * following:"). Job evaluation counts the alternatives as one duty and never lists the lead-in as a duty.
   */
  chooseAtLeast: z.number().int().positive().optional(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
  /** Set on an item imported from a CASE package: its CASE identifier, URI, code and date, exported again as they came. */
  case: CaseItemOrigin.optional(),
});
export type CompetencyItem = z.infer<typeof CompetencyItem>;

export const RoleOption = z.strictObject({ id: z.string().min(1), title: z.string().min(1), provenance: Provenance });

export const QualificationRelation = z.strictObject({
  qualification: code,
  relation: z.enum(['working-towards', 'working-at', 'meeting', 'alternative', 'suggested']),
  provenance: Provenance,
});

/** A rung or an occupation: TA1…TA5, ASNA1…ASNA3, the Level 5 roles, a teacher. */
export const Role = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  title: z.string().min(1),
  track: z.string().min(1),
  /** Position on the ladder, comparable across tracks (ASNA1 sits alongside TA2). */
  level: z.strictObject({ value: z.number().int().min(0).max(8), provenance: Provenance }),
  purpose: Quote.optional(),
  nations: z.array(Nation).optional(),
  indicative: QuotedList.optional(),
  relevantQualifications: z.array(QualificationRelation).optional(),
  cpdSuggestions: QuotedList.optional(),
  /** The role whose CPD suggestions this role's come in addition to ("In addition to the suggestions for TA 4"). */
  inheritsCpdSuggestionsFrom: z.strictObject({ role: z.string().min(1), provenance: Provenance }).optional(),
  /** CPD suggestions (of this role, or inherited) left out for a person who already meets `when` (holds or exceeds it). */
  cpdLeaveOut: z
    .array(z.strictObject({ suggestion: z.string().min(1), when: z.lazy(() => Requirement), provenance: Provenance }))
    .optional(),
  typicalJobTitles: QuotedList.optional(),
  options: z.array(RoleOption).optional(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
});
export type Role = z.infer<typeof Role>;

/**
 * How a status was gained: recognised by the person's own school (the headteacher decides, for the
 * role in that school) or after external assessment (HLTA status from the HLTA National Assessment Partnership).
 */
export const StatusKind = z.enum(['school-recognition', 'external-assessment']);
export type StatusKind = z.infer<typeof StatusKind>;

/** Something a person is awarded rather than graded as (HLTA status). */
export const Status = z.strictObject({
  id: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  title: z.string().min(1),
  awardedBy: z.string().min(1),
  description: Quote.optional(),
  /** The ways the status is gained and recorded, each with who decides and its source; absent means one, by `awardedBy`. */
  kinds: z
    .array(
      z.strictObject({
        kind: StatusKind,
        title: z.string().min(1),
        decidedBy: z.string().min(1),
        /** Whether holding it this way counts wherever the status is asked for (unless a requirement's `accepts` says otherwise). */
        satisfiesStatus: z.boolean(),
        provenance: Provenance,
      }),
    )
    .min(1)
    .optional(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
});
export type Status = z.infer<typeof Status>;

export const QualificationLevel = z.union([z.enum(['E1', 'E2', 'E3']), z.number().int().min(1).max(8)]);
export type QualificationLevel = z.infer<typeof QualificationLevel>;

export const Unit = z.strictObject({
  code,
  title: z.string().min(1),
  category: z.enum(['core', 'additional', 'optional']),
  /** NOS unit codes the seed maps this unit to; empty where the seed gives none. */
  nos: z.array(code),
  /** Credit value; null where the seed gives none (never invented). */
  credits: z.number().int().positive().nullable(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
});
export type Unit = z.infer<typeof Unit>;

/** A qualification or programme: QCF/RQF qualifications, degrees, apprenticeship frameworks and standards. */
export const Qualification = z.strictObject({
  id: code,
  title: z.string().min(1),
  scheme: z.enum(['QCF', 'RQF', 'higher-education', 'apprenticeship-framework', 'apprenticeship-standard', 'teacher-training', 'other']),
  kind: z.string().min(1),
  level: QualificationLevel,
  subject: z.string().optional(),
  description: QuotedList.optional(),
  /** QCF size in credits (1 credit = 10 hours); null where the source gives none. */
  credits: z.number().int().positive().nullable().optional(),
  /** Credits the qualification asks for, as a range (a top-up of 60–120 Level 6 credits). */
  creditRange: z
    .strictObject({ min: z.number().int().positive(), max: z.number().int().positive(), level: z.number().int(), provenance: Provenance })
    .optional(),
  /** RQF size: Total Qualification Time in hours; null where unknown. */
  tqtHours: z.number().int().positive().nullable().optional(),
  /** Typical full-time duration (an apprenticeship's duration is its duration while employed). */
  durationMonths: z.strictObject({ value: z.number().positive(), provenance: Provenance }).optional(),
  /** The programme's part-time form, where the data knows one: typical months (and the longest typical), used for people who study part-time. */
  partTimeMonths: z
    .strictObject({ value: z.number().positive(), max: z.number().positive().optional(), provenance: Provenance })
    .refine((d) => d.max === undefined || d.max >= d.value, 'max must not be below value')
    .optional(),
  /**
   * An apprenticeship standard version's fixed minimum off-the-job training hours, as the funding
   * rules publish it (starts from 1 August 2025); absent until entered from that source, never invented.
   */
  offTheJobMinimumHours: z.strictObject({ value: z.number().int().positive(), provenance: Provenance }).optional(),
  /** School phases the qualification is meant for (E111: "in a primary school"); absent means any phase. */
  phases: z.strictObject({ values: z.array(Phase).min(1), provenance: Provenance }).optional(),
  typicalJobTitles: QuotedList.optional(),
  units: z.array(Unit).optional(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
});
export type Qualification = z.infer<typeof Qualification>;

export const AssociationType = z.enum(['isChildOf', 'isPartOf', 'exactMatchOf', 'isRelatedTo', 'precedes', 'replacedBy', 'requires']);
export type AssociationType = z.infer<typeof AssociationType>;

/** A typed edge between two things in the catalogue, named as in 1EdTech CASE. */
export const Association = z.strictObject({
  type: AssociationType,
  from: code,
  to: code,
  strength: Strength.optional(),
  note: z.string().optional(),
  provenance: Provenance,
  /** The source lines that show the link (each end's wording, verbatim from its seed). */
  evidence: z.array(Quote).min(1).optional(),
});
export type Association = z.infer<typeof Association>;

/**
 * A fact about the person's circumstances that a rule can ask for: an EHC plan or legacy statement,
 * BSL as the primary language, an employer who takes the person on as an apprentice in the role.
 */
export const Flag = z.enum(['ehcpOrStatement', 'bsl', 'apprenticeshipEmployer']);
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
};

/** A share such as one third, with the reason it was chosen. */
export const Threshold = z
  .strictObject({ numerator: z.number().int().positive(), denominator: z.number().int().positive(), provenance: Provenance })
  .refine((t) => t.numerator <= t.denominator, 'a threshold is a share: numerator at most denominator');
export type Threshold = z.infer<typeof Threshold>;

type ItemSet = { framework: string; kinds?: ItemKind[]; option?: string };
const ItemSetSchema = z.strictObject({ framework: z.string().min(1), kinds: z.array(ItemKind).optional(), option: z.string().optional() });

export type Requirement = { label?: string; strength?: Strength; action?: string; subjectTo?: string; provenance?: Provenance } & (
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

/** A grade scheme (GCSE 9–1, Functional Skills…) and the adult level each grade corresponds to. */
export const GradeScheme = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  nations: z.array(Nation).min(1),
  subjects: z.array(Subject).min(1),
  /** Grades from highest to lowest, each with the adult skills level it corresponds to (null: below Entry). */
  grades: z.array(z.strictObject({ grade: z.string().min(1), level: AdultLevel.nullable() })).min(1),
  provenance: Provenance,
  notes: z.array(Note).optional(),
});
export type GradeScheme = z.infer<typeof GradeScheme>;

/** One row of the adult literacy/numeracy table with its equivalents per nation. */
export const AdultSkillsLevel = z.strictObject({
  id: AdultLevel,
  title: z.string().min(1),
  equivalents: z.array(
    z.strictObject({
      kind: z.enum(['school', 'vocational', 'international']),
      /** Column heading of the seed's table, e.g. "England, Wales and Northern Ireland" or "Scotland (SCQF)". */
      region: z.string().min(1),
      text: z.string().min(1),
      provenance: Provenance,
    }),
  ),
  provenance: Provenance,
});
export type AdultSkillsLevel = z.infer<typeof AdultSkillsLevel>;

export const FrameworkStatus = z.enum(['current', 'in-development', 'superseded', 'closed']);

/** One framework data file. */
export const Framework = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  title: z.string().min(1),
  publisher: z.string().min(1),
  version: z.string().min(1),
  status: FrameworkStatus,
  /** The framework (by id) or the named successor that replaced this one. */
  replacedBy: z
    .strictObject({ framework: z.string().optional(), title: z.string().min(1), note: z.string().optional(), provenance: Provenance })
    .optional(),
  /** A successor that may replace this framework but has not yet: who, and the date Pathways last checked. */
  mayBeReplacedBy: z
    .strictObject({
      title: z.string().min(1),
      checkedOn: z.iso.date(),
      note: z.string().min(1),
      provenance: Provenance,
    })
    .optional(),
  /** The publisher's approval of the version recorded (an apprenticeship standard approved for delivery). */
  approval: z
    .strictObject({
      status: z.enum(['approved-for-delivery', 'in-development', 'retired']),
      version: z.string().min(1),
      /** Whether apprentices have started on this version. */
      deliveryStarted: z.boolean(),
      checkedOn: z.iso.date(),
      provenance: Provenance,
    })
    .optional(),
  nations: z.array(Nation).min(1),
  description: z.string().min(1),
  /**
   * Whether the publisher issued it as a standard, framework or profile (`standard`), or it is informal:
   * a blog post, a proposal, Pathways' own assembly (`informal`). Absent: `standard`, unless the
   * framework's provenance is Pathways' own. Decides the CASE adoptionStatus of a current framework.
   */
  publication: z.enum(['standard', 'informal']).optional(),
  provenance: Provenance,
  notes: z.array(Note).optional(),
  /** Set on a framework imported from a CASE package: the CFDocument's identity, exported again as it came. */
  case: CaseDocumentOrigin.optional(),
  items: z.array(CompetencyItem).optional(),
  roles: z.array(Role).optional(),
  statuses: z.array(Status).optional(),
  qualifications: z.array(Qualification).optional(),
  associations: z.array(Association).optional(),
  requirements: z.array(RequirementRule).optional(),
  adultSkillsLevels: z.array(AdultSkillsLevel).optional(),
  gradeSchemes: z.array(GradeScheme).optional(),
  creditRules: z
    .strictObject({
      hoursPerCredit: z.number().positive(),
      sizes: z
        .array(
          z.strictObject({
            kind: z.string().min(1),
            minCredits: z.number().int().min(0),
            maxCredits: z.number().int().positive().nullable(),
          }),
        )
        .min(1),
      provenance: Provenance,
    })
    .optional(),
  /**
   * How a candidate's evidence file for this framework's standards is put together (HLTA assessment
   * preparation): what must be held before preparing, how many documents each standard takes, and
   * how the documents are numbered.
   */
  evidenceFile: z
    .strictObject({
      /** What the candidate must hold before preparation starts. */
      entry: Requirement,
      documentsPerStandard: z
        .strictObject({
          min: z.number().int().min(0),
          max: z.number().int().positive(),
          /** Whether a standard with fewer than `min` documents holds the file back (`problem`, the default) or is only advised against (`warning`). */
          belowMinimum: z.enum(['problem', 'warning']).optional(),
        })
        .refine((d) => d.min <= d.max, 'min must not exceed max'),
      /** `standard.document`: document n under standard s is labelled "s.n", standards in framework order. */
      numbering: z.literal('standard.document'),
      provenance: Provenance,
    })
    .optional(),
  /** Job evaluation against this framework's role profiles: the share of a profile's key duties performed regularly for it to fit. */
  jobEvaluation: z
    .strictObject({
      threshold: z
        .strictObject({ numerator: z.number().int().positive(), denominator: z.number().int().positive() })
        .refine((t) => t.numerator <= t.denominator, 'the threshold is a share: numerator at most denominator'),
      provenance: Provenance,
    })
    .optional(),
});
export type Framework = z.infer<typeof Framework>;
