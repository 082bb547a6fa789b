import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance, Requirement } from './schema.ts';

/**
 * The Gateway to Completion rules kept as versioned data (`rules/gateway-to-completion.yaml`): what
 * an apprentice needs beyond the standard's own gateway requirements, and the terms of the time.
 * Interpreted by domain/apprenticeships/gateway.ts through the one requirement interpreter.
 */

const isoDate = z.iso.date();

export const GatewayVersion = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  effectiveFrom: isoDate,
  effectiveTo: isoDate.nullable(),
  /** The words of the time for the gateway, the assessment and who assesses. */
  terms: z.strictObject({ gateway: z.string().min(1), assessment: z.string().min(1), assessmentOrganisation: z.string().min(1) }),
  /** Older words for the same things, kept searchable. */
  formerTerms: z.array(z.string().min(1)),
  requirements: z.array(z.strictObject({ id: z.string().min(1), requirement: Requirement })).min(1),
  provenance: Provenance,
});
export type GatewayVersion = z.infer<typeof GatewayVersion>;

export const GatewayRules = z
  .strictObject({
    versions: z.array(GatewayVersion).min(1),
    notApplicable: z
      .array(z.strictObject({ programmeKind: z.string().min(1), reason: z.string().min(1), provenance: Provenance }))
      .default([]),
  })
  .superRefine((rules, ctx) => {
    const sorted = [...rules.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
    for (let i = 1; i < sorted.length; i++) {
      const previous = sorted[i - 1];
      const version = sorted[i];
      if (previous && version && (previous.effectiveTo === null || previous.effectiveTo >= version.effectiveFrom))
        ctx.addIssue({
          code: 'custom',
          path: ['versions', rules.versions.indexOf(version), 'effectiveFrom'],
          message: `overlaps version ${previous.id}: one day must choose one version`,
        });
    }
  });
export type GatewayRules = z.infer<typeof GatewayRules>;

export const gatewayRulesFile = fileURLToPath(new URL('./rules/gateway-to-completion.yaml', import.meta.url));

/** Parses and validates the rules; a malformed file fails with the path inside it and the reason. */
export const parseGatewayRules = (file: string, text: string): GatewayRules =>
  parseRulesFile(GatewayRules, 'Gateway to Completion rules', file, text);

let shipped: Promise<GatewayRules> | undefined;

/** Reads the Gateway to Completion rules (the shipped file, read once per process, unless told otherwise). */
export const readGatewayRules = (file?: string): Promise<GatewayRules> => {
  if (file) return readFile(file, 'utf8').then((text) => parseGatewayRules(file, text));
  shipped ??= readFile(gatewayRulesFile, 'utf8').then((text) => parseGatewayRules(gatewayRulesFile, text));
  shipped.catch(() => {
    shipped = undefined;
  });
  return shipped;
};
