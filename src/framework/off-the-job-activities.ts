import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseRulesFile } from './rules-file.ts';
import { Provenance } from './schema-basics.ts';

/**
 * The kinds of off-the-job training an apprentice can log, and what the funding rules say does not
 * count, kept as data (`rules/off-the-job-activities.yaml`) so the list changes without a code change.
 */

export const OffTheJobActivity = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  title: z.string().min(1),
  hint: z.string().min(1),
});
export type OffTheJobActivity = z.infer<typeof OffTheJobActivity>;

export const OffTheJobActivities = z
  .strictObject({
    activities: z.array(OffTheJobActivity).min(1),
    notCounted: z.array(z.string().min(1)),
    provenance: Provenance,
  })
  .superRefine((data, ctx) => {
    const seen = new Set<string>();
    data.activities.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['activities', i, 'id'], message: `duplicate activity id ${a.id}` });
      seen.add(a.id);
    });
  });
export type OffTheJobActivities = z.infer<typeof OffTheJobActivities>;

export const offTheJobActivitiesFile = fileURLToPath(new URL('./rules/off-the-job-activities.yaml', import.meta.url));

/** Parses and validates the activity list; a malformed file fails with the path inside it and the reason. */
export const parseOffTheJobActivities = (file: string, text: string): OffTheJobActivities =>
  parseRulesFile(OffTheJobActivities, 'off-the-job activities', file, text);

let shipped: Promise<OffTheJobActivities> | undefined;

/** The activity list shipped with Pathways (read once), or another file's. */
export const readOffTheJobActivities = (file?: string): Promise<OffTheJobActivities> => {
  if (file) return readFile(file, 'utf8').then((text) => parseOffTheJobActivities(file, text));
  shipped ??= readFile(offTheJobActivitiesFile, 'utf8').then((text) => parseOffTheJobActivities(offTheJobActivitiesFile, text));
  return shipped;
};
