import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance } from './schema-basics.ts';

/**
 * The Associate Teacher programme's rules kept as data (`rules/associate-teacher-programme.yaml`):
 * the programme and its degree, the credits the Foundation Degree needs by level and the levels its
 * modules may carry, and the roles and levels of supervision. Interpreted in domain/apprenticeships.
 */

const level = z.number().int().min(1).max(8);

export const CreditRule = z
  .strictObject({
    total: z.number().int().positive(),
    atLeast: z.array(z.strictObject({ level, credits: z.number().int().positive() })),
    moduleLevels: z.array(level).min(1),
    provenance: Provenance,
  })
  .superRefine((rule, ctx) => {
    rule.atLeast.forEach((a, i) => {
      if (!rule.moduleLevels.includes(a.level))
        ctx.addIssue({ code: 'custom', path: ['atLeast', i, 'level'], message: `level ${a.level} is not one of the module levels` });
      if (a.credits > rule.total)
        ctx.addIssue({ code: 'custom', path: ['atLeast', i, 'credits'], message: 'more credits at one level than in the whole degree' });
    });
  });
export type CreditRule = z.infer<typeof CreditRule>;

export const SupervisionRule = z.strictObject({
  supervisorRoles: z.array(z.string().min(1)).min(1),
  superviseeLevels: z.array(level).min(1),
  provenance: Provenance,
});
export type SupervisionRule = z.infer<typeof SupervisionRule>;

export const AssociateTeacherRules = z.strictObject({
  programme: z.string().min(1),
  degree: z.string().min(1),
  dutiesFramework: z.string().min(1),
  credits: CreditRule,
  supervision: SupervisionRule,
});
export type AssociateTeacherRules = z.infer<typeof AssociateTeacherRules>;

export const associateTeacherRulesFile = fileURLToPath(new URL('./rules/associate-teacher-programme.yaml', import.meta.url));

/** Parses and validates the rules; a malformed file fails with the path inside it and the reason. */
export const parseAssociateTeacherRules = (file: string, text: string): AssociateTeacherRules =>
  parseRulesFile(AssociateTeacherRules, 'Associate Teacher programme rules', file, text);

let shipped: Promise<AssociateTeacherRules> | undefined;

/** The rules shipped with Pathways (read once). */
export const readAssociateTeacherRules = (): Promise<AssociateTeacherRules> => {
  shipped ??= readFile(associateTeacherRulesFile, 'utf8').then((text) => parseAssociateTeacherRules(associateTeacherRulesFile, text));
  return shipped;
};
