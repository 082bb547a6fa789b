import { z } from 'zod';
import { QualificationLevel, Subject } from '../../framework/schema.ts';

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

const isoDate = z
  .string({ error: 'enter the date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'enter a date with a day, month and year (YYYY-MM-DD)', abort: true })
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'enter a real date',
  );
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

/** A date written YYYY-MM-DD. */
export const AchievementDate = isoDate;

export const QualificationInput = z
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

export const UnitInput = z.strictObject({
  kind: z.literal('unit'),
  title: text,
  code: z.string().trim().min(1).max(ACHIEVEMENT_LIMITS.codeMax).optional(),
  level: level(1),
  credits,
  awardingOrganisation: text.optional(),
  achievedOn: isoDate,
});

export const SubjectInput = z.strictObject({
  kind: z.literal('subject'),
  subject: Subject.exclude(['ict'], { error: 'choose English, maths or science' }),
  /** A grade scheme id from the adult-skills-levels data (gcse-9-1, functional-skills, …). */
  scheme: z.string().trim().min(1, 'choose a qualification and grade').max(ACHIEVEMENT_LIMITS.codeMax),
  grade: z.string().trim().min(1, 'choose a qualification and grade').max(20),
  achievedOn: isoDate.optional(),
});

export const DegreeInput = z.strictObject({
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

/** One achievement as entered. */
export const AchievementInput = z.discriminatedUnion('kind', [QualificationInput, UnitInput, SubjectInput, DegreeInput]);
export type AchievementInput = z.infer<typeof AchievementInput>;

/** A status awarded to the person (HLTA status): stored as an achievement, never entered. */
export const StatusDetails = z.strictObject({ kind: z.literal('status'), status: z.string().min(1), awardedOn: isoDate });
export type StatusDetails = z.infer<typeof StatusDetails>;

/** What an achievement row's `details` hold. */
export const AchievementDetails = z.discriminatedUnion('kind', [QualificationInput, UnitInput, SubjectInput, DegreeInput, StatusDetails]);
export type AchievementDetails = z.infer<typeof AchievementDetails>;
export type AchievementKind = AchievementDetails['kind'];

/** The flags read by the apprenticeship English and maths rule. */
export const PersonFlagsInput = z.strictObject({ ehcpOrStatement: z.boolean(), bsl: z.boolean() });
export type PersonFlagsInput = z.infer<typeof PersonFlagsInput>;

/** Awarding HLTA status: the date the headteacher awards it (not in the future). */
export const HltaAwardInput = z.strictObject({ awardedOn: isoDate });
export type HltaAwardInput = z.infer<typeof HltaAwardInput>;
