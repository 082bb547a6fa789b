import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance } from './schema-basics.ts';

/**
 * Partnership teaching's rules kept as data (`rules/partnership-teaching.yaml`): the engagement
 * activities, the school terms impact is compared over, and the hours of a work pattern's half-day.
 * Interpreted in domain/partnerships.
 */

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);
const month = z.number().int().min(1).max(12);

export const EngagementActivity = z.strictObject({ id, title: z.string().min(1), digital: z.boolean().optional() });
export type EngagementActivity = z.infer<typeof EngagementActivity>;

export const SchoolTerm = z.strictObject({ id, title: z.string().min(1), fromMonth: month, toMonth: month });
export type SchoolTerm = z.infer<typeof SchoolTerm>;

export const WorkPatternRules = z.strictObject({
  hoursPerHalfDay: z.number().positive(),
  fullTimeHoursPerWeek: z.number().positive(),
  toleranceHours: z.number().min(0),
  provenance: Provenance,
});
export type WorkPatternRules = z.infer<typeof WorkPatternRules>;

export const PartnershipTeachingRules = z
  .strictObject({
    activities: z.array(EngagementActivity).min(1),
    activitiesProvenance: Provenance,
    terms: z.array(SchoolTerm).min(1),
    termsProvenance: Provenance,
    workPattern: WorkPatternRules,
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.activities.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['activities', i, 'id'], message: `duplicate activity id ${a.id}` });
      seen.add(a.id);
    });
    // Every month in exactly one term, so every date has a term.
    const months = data.terms.flatMap((t) =>
      t.fromMonth <= t.toMonth ? Array.from({ length: t.toMonth - t.fromMonth + 1 }, (_, k) => t.fromMonth + k) : [-1],
    );
    if (months.includes(-1) || new Set(months).size !== 12 || months.length !== 12)
      ctx.addIssue({ code: 'custom', path: ['terms'], message: 'the terms must cover each month of the year exactly once' });
  });
export type PartnershipTeachingRules = z.infer<typeof PartnershipTeachingRules>;

export const partnershipTeachingRulesFile = fileURLToPath(new URL('./rules/partnership-teaching.yaml', import.meta.url));

/** Parses and validates the rules; a malformed file fails with the path inside it and the reason. */
export const parsePartnershipTeachingRules = (file: string, text: string): PartnershipTeachingRules =>
  parseRulesFile(PartnershipTeachingRules, 'partnership teaching rules', file, text);

let shipped: Promise<PartnershipTeachingRules> | undefined;

/** The rules shipped with Pathways (read once). */
export const readPartnershipTeachingRules = (): Promise<PartnershipTeachingRules> => {
  shipped ??= readFile(partnershipTeachingRulesFile, 'utf8').then((text) =>
    parsePartnershipTeachingRules(partnershipTeachingRulesFile, text),
  );
  return shipped;
};
