import { z } from 'zod';
import { QualificationLevel, StatusKind, Subject } from '../../framework/schema.ts';
import { EnteredDate, StoredDate } from '../dates.ts';

/**
 * What a person (or an admin for them) records as held: a qualification, a unit with credits, an
 * English/maths/science grade, or a degree/HE credits. Statuses (HLTA) are only awarded, never added.
 * Shared by the web forms and the API; ids and grades are checked against the catalogue by the use-case.
 */

/** Limits on what one achievement may hold. */
export const ACHIEVEMENT_LIMITS = {
  textMax: 200,
  codeMax: 40,
  creditsMax: 1000,
  /** Achievements one person may hold (the person state accepts 500). */
  perPerson: 400,
} as const;

const text = z
  .string()
  .trim()
  .min(1, 'enter some text')
  .max(ACHIEVEMENT_LIMITS.textMax, `use at most ${ACHIEVEMENT_LIMITS.textMax} characters`);
const wholeNumber = { error: 'enter a whole number' };
const credits = z
  .number(wholeNumber)
  .int(wholeNumber)
  .positive('enter at least 1 credit')
  .max(ACHIEVEMENT_LIMITS.creditsMax, `enter at most ${ACHIEVEMENT_LIMITS.creditsMax} credits`);
const level = (min: number) =>
  z
    .number({ error: 'choose the level' })
    .int({ error: 'choose the level' })
    .min(min, `choose Level ${min} or above`)
    .max(8, 'choose Level 8 or below');

/** A date written YYYY-MM-DD, as entered (see contracts/dates.ts). */
export const AchievementDate = EnteredDate;

/**
 * The achievement kinds over a date schema: entered achievements take the date contract; stored ones
 * are read with any well-formed date, since rows written before the contract may hold year 0001.
 */
const achievementKinds = (isoDate: typeof EnteredDate | typeof StoredDate) => {
  const QualificationInput = z
    .strictObject({
      kind: z.literal('qualification'),
      /** A catalogue qualification (e.g. the Level 3 Certificate in Supporting Teaching and Learning)… */
      qualificationId: z.string().trim().min(1, 'choose a qualification').max(ACHIEVEMENT_LIMITS.codeMax).optional(),
      /** …or one entered by hand. */
      title: text.optional(),
      level: QualificationLevel.optional(),
      awardingOrganisation: text.optional(),
      credits: credits.optional(),
      achievedOn: isoDate,
    })
    .superRefine((q, ctx) => {
      if (q.qualificationId !== undefined) {
        if (q.title !== undefined || q.level !== undefined || q.credits !== undefined)
          ctx.addIssue({ code: 'custom', path: ['qualificationId'], message: 'pick a listed qualification or enter one, not both' });
        return;
      }
      if (q.title === undefined) ctx.addIssue({ code: 'custom', path: ['title'], message: 'enter the qualification title' });
      if (q.level === undefined) ctx.addIssue({ code: 'custom', path: ['level'], message: 'choose the qualification level' });
    });

  const UnitInput = z.strictObject({
    kind: z.literal('unit'),
    title: text,
    code: z.string().trim().min(1).max(ACHIEVEMENT_LIMITS.codeMax).optional(),
    level: level(1),
    credits,
    awardingOrganisation: text.optional(),
    achievedOn: isoDate,
  });

  const SubjectInput = z.strictObject({
    kind: z.literal('subject'),
    subject: Subject.exclude(['ict'], { error: 'choose English, maths or science' }),
    /** A grade scheme id from the adult-skills-levels data (gcse-9-1, functional-skills, …). */
    scheme: z.string().trim().min(1, 'choose a qualification and grade').max(ACHIEVEMENT_LIMITS.codeMax),
    grade: z.string().trim().min(1, 'choose a qualification and grade').max(20),
    achievedOn: isoDate.optional(),
  });

  const DegreeInput = z.strictObject({
    kind: z.literal('degree'),
    /** A higher-education qualification kind from the catalogue (foundation-degree, honours-degree, …). */
    degree: z.string().trim().min(1, 'choose the kind of degree or credits').max(ACHIEVEMENT_LIMITS.codeMax),
    title: text.optional(),
    subject: text.optional(),
    level: level(4),
    credits: z
      .number(wholeNumber)
      .int(wholeNumber)
      .min(0, 'enter 0 or more credits')
      .max(ACHIEVEMENT_LIMITS.creditsMax, `enter at most ${ACHIEVEMENT_LIMITS.creditsMax} credits`),
    institution: text.optional(),
    achievedOn: isoDate,
  });
  return { QualificationInput, UnitInput, SubjectInput, DegreeInput };
};

const entered = achievementKinds(EnteredDate);
const stored = achievementKinds(StoredDate);
export const { QualificationInput, UnitInput, SubjectInput, DegreeInput } = entered;

/** One achievement as entered. */
export const AchievementInput = z.discriminatedUnion('kind', [QualificationInput, UnitInput, SubjectInput, DegreeInput]);
export type AchievementInput = z.infer<typeof AchievementInput>;

/**
 * A status held by the person (HLTA status), stored as an achievement. `statusKind` says how it was
 * gained: recognised by the person's school (the headteacher's award; absent on rows written before
 * external assessment could be recorded) or after external assessment, with the provider and the
 * assessment date (and, optionally, the certificate's number; the certificate file is an attachment).
 */
export const StatusDetails = z.strictObject({
  kind: z.literal('status'),
  status: z.string().min(1),
  awardedOn: StoredDate,
  statusKind: StatusKind.optional(),
  provider: text.optional(),
  assessedOn: StoredDate.optional(),
  certificateNumber: z.string().trim().min(1).max(ACHIEVEMENT_LIMITS.codeMax).optional(),
});
export type StatusDetails = z.infer<typeof StatusDetails>;

/** What an achievement row's `details` hold. */
export const AchievementDetails = z.discriminatedUnion('kind', [
  stored.QualificationInput,
  stored.UnitInput,
  stored.SubjectInput,
  stored.DegreeInput,
  StatusDetails,
]);
export type AchievementDetails = z.infer<typeof AchievementDetails>;
export type AchievementKind = AchievementDetails['kind'];

/** The flags read by the apprenticeship English and maths rule. */
export const PersonFlagsInput = z.strictObject({ ehcpOrStatement: z.boolean(), bsl: z.boolean() });
export type PersonFlagsInput = z.infer<typeof PersonFlagsInput>;

/** Awarding HLTA status: the date the headteacher awards it (not in the future). */
export const HltaAwardInput = z.strictObject({ awardedOn: EnteredDate });
export type HltaAwardInput = z.infer<typeof HltaAwardInput>;

/**
 * Recording HLTA status gained by external assessment: the regional provider of the HLTA National
 * Assessment Partnership, the date of the assessment and the date status was awarded (the award not
 * before the assessment), and the certificate's number if known.
 */
export const HltaExternalStatusInput = z
  .strictObject({
    provider: text,
    assessedOn: EnteredDate,
    awardedOn: EnteredDate,
    certificateNumber: z
      .string()
      .trim()
      .min(1)
      .max(ACHIEVEMENT_LIMITS.codeMax, `use at most ${ACHIEVEMENT_LIMITS.codeMax} characters`)
      .optional(),
  })
  .refine((d) => d.awardedOn >= d.assessedOn, { path: ['awardedOn'], message: 'the award cannot be before the assessment' });
export type HltaExternalStatusInput = z.infer<typeof HltaExternalStatusInput>;
