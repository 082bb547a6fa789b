import { z } from 'zod';
import { CaseDocumentOrigin, CaseItemOrigin } from './case/case-identity.ts';
import { AdultLevel, Requirement, RequirementRule, Subject } from './requirement-schema.ts';
import {
  code,
  ItemKind,
  Nation,
  Note,
  Phase,
  Provenance,
  QualificationLevel,
  Quote,
  QuotedList,
  StatusKind,
  Strength,
} from './schema-basics.ts';

export * from './requirement-schema.ts';
export * from './schema-basics.ts';

/**
 * The schema every framework data file under `src/framework/data/` must satisfy.
 * A file that does not is refused at load with its path and the reason, so the
 * reference data can never drift silently from its sources.
 */

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
