import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance } from './schema.ts';

/**
 * The apprenticeship rules kept as versioned data (`rules/apprenticeship-funding-rules.yaml`): the
 * off-the-job minimum, one version per funding-rules change chosen by start date; the
 * progress-review interval; the off-the-job "at risk" margin. Interpreted in domain/apprenticeships.
 */

const isoDate = z.iso.date();
const hours = z.number().positive();

/** How a calculated figure becomes whole hours. */
export const Rounding = z.enum(['nearest', 'up', 'down']);
export type Rounding = z.infer<typeof Rounding>;

/**
 * What recognised prior learning does under a rule: it shortens the planned duration, on which the
 * minimum is calculated (`reduces-duration`), or comes off the minimum's hours (`reduces-hours`).
 */
export const PriorLearningEffect = z.enum(['reduces-duration', 'reduces-hours']);
export type PriorLearningEffect = z.infer<typeof PriorLearningEffect>;

const ruleCommon = {
  /** The version's id, e.g. `otj-2022-08`, shown with every result so the rule applied is always named. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  /** The first start date the rule applies to (inclusive). */
  effectiveFrom: isoDate,
  /** The last start date the rule applies to (inclusive); null while it is the current rule. */
  effectiveTo: isoDate.nullable(),
  provenance: Provenance,
};

const durationCommon = {
  /** The shortest planned duration (months) the rule allows. */
  minimumMonths: hours,
  priorLearning: PriorLearningEffect,
  rounding: Rounding,
  /** The fewest hours the minimum can come to, after any reduction for prior learning. */
  floorHours: hours.optional(),
};

/** A rate per week over the planned duration less statutory leave, pro rata below full-time hours. */
export const WeeklyHoursRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('weekly-hours'),
  parameters: z.strictObject({
    hoursPerWeek: hours,
    fullTimeHoursPerWeek: hours,
    weeksPerYear: hours,
    leaveWeeksPerYear: z.number().min(0),
    /** Whether the minimum duration is extended pro rata for contracted hours below full time. */
    extendMinimumMonthsBelowFullTime: z.boolean(),
    ...durationCommon,
  }),
});

/** A fixed number of hours set per standard (stored on the standard's version), with a floor. */
export const FixedPerStandardRule = z.strictObject({
  ...ruleCommon,
  kind: z.literal('fixed-per-standard'),
  parameters: z.strictObject(durationCommon),
});

export const OffTheJobRule = z.discriminatedUnion('kind', [WeeklyHoursRule, FixedPerStandardRule]);
export type OffTheJobRule = z.infer<typeof OffTheJobRule>;

export const ApprenticeshipRules = z
  .strictObject({
    offTheJobMinimum: z.array(OffTheJobRule).min(1),
    /** Start dates no rule covers, with what applied then, so a refusal can say so plainly. */
    notHeld: z
      .array(
        z.strictObject({
          effectiveTo: isoDate,
          description: z.string().min(1),
          reason: z.string().min(1),
          provenance: Provenance,
        }),
      )
      .default([]),
    progressReviews: z.strictObject({ maxIntervalWeeks: z.number().int().positive(), provenance: Provenance }),
    offTheJobAtRisk: z.strictObject({
      /** At risk when the shortfall exceeds this share of the hours planned so far… */
      shortfallShare: z.number().min(0).max(1),
      /** …and exceeds this many hours. */
      minimumShortfallHours: z.number().min(0),
      provenance: Provenance,
    }),
  })
  .superRefine((rules, ctx) => {
    const ids = new Set<string>();
    rules.offTheJobMinimum.forEach((rule, i) => {
      if (ids.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['offTheJobMinimum', i, 'id'], message: `duplicate rule id ${rule.id}` });
      ids.add(rule.id);
      if (rule.effectiveTo !== null && rule.effectiveTo < rule.effectiveFrom)
        ctx.addIssue({ code: 'custom', path: ['offTheJobMinimum', i, 'effectiveTo'], message: 'effectiveTo is before effectiveFrom' });
    });
    const sorted = [...rules.offTheJobMinimum].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const rule = sorted[i];
      if (previous && rule && (previous.effectiveTo === null || previous.effectiveTo >= rule.effectiveFrom))
        ctx.addIssue({
          code: 'custom',
          path: ['offTheJobMinimum', rules.offTheJobMinimum.indexOf(rule), 'effectiveFrom'],
          message: `overlaps rule ${previous.id}: one start date must choose one rule`,
        });
    }
  });
export type ApprenticeshipRules = z.infer<typeof ApprenticeshipRules>;

/** The rules file shipped with Pathways. */
export const apprenticeshipRulesFile = fileURLToPath(new URL('./rules/apprenticeship-funding-rules.yaml', import.meta.url));

/** Parses and validates the rules; a malformed file fails with the path inside it and the reason. */
export const parseApprenticeshipRules = (file: string, text: string): ApprenticeshipRules =>
  parseRulesFile(ApprenticeshipRules, 'apprenticeship rules', file, text);

/** Reads the apprenticeship rules file (the shipped one unless told otherwise). */
export const readApprenticeshipRules = async (file: string = apprenticeshipRulesFile): Promise<ApprenticeshipRules> =>
  parseApprenticeshipRules(file, await readFile(file, 'utf8'));
