import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance } from './schema-basics.ts';

/**
 * The training-needs analysis's cohort sizes kept as data (`rules/training-needs.yaml`): the least
 * number of people at one school that make a cohort, and across schools that make a cluster
 * recommendation. Interpreted by domain/insight/cohorts.ts.
 */
export const TrainingNeedsRules = z
  .strictObject({
    cohortMinimum: z.number().int().min(1),
    clusterMinimum: z.number().int().min(2),
    provenance: Provenance,
  })
  .refine((r) => r.clusterMinimum >= r.cohortMinimum, { path: ['clusterMinimum'], message: 'a cluster cannot be smaller than a cohort' });
export type TrainingNeedsRules = z.infer<typeof TrainingNeedsRules>;

export const trainingNeedsRulesFile = fileURLToPath(new URL('./rules/training-needs.yaml', import.meta.url));

/** Parses and validates the rules; a malformed file fails with the path inside it and the reason. */
export const parseTrainingNeedsRules = (file: string, text: string): TrainingNeedsRules =>
  parseRulesFile(TrainingNeedsRules, 'training-needs rules', file, text);

let shipped: Promise<TrainingNeedsRules> | undefined;

/** The rules shipped with Pathways (read once). */
export const readTrainingNeedsRules = (): Promise<TrainingNeedsRules> => {
  shipped ??= readFile(trainingNeedsRulesFile, 'utf8').then((text) => parseTrainingNeedsRules(trainingNeedsRulesFile, text));
  return shipped;
};
