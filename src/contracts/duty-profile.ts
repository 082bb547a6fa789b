import { z } from 'zod';
import type { ErrorDetail } from './errors.ts';
import { detailsFromZod } from './zod-issues.ts';

/** How often a person performs a duty. Ordered from least to most often. */
export const DutyFrequency = z.enum(['never', 'occasionally', 'regularly']);
export type DutyFrequency = z.infer<typeof DutyFrequency>;

/**
 * The duties a person actually performs, for job evaluation against the NJC profiles:
 * `{ "currentRole": "TA2", "duties": { "TA4.D1": "regularly" } }`.
 */
export const DutyProfile = z.strictObject({
  currentRole: z.string().min(1),
  duties: z.record(z.string().min(1), DutyFrequency),
});
export type DutyProfile = z.infer<typeof DutyProfile>;

/** Parses the shape of a duty profile; failures name the JSON path and the reason. */
export const parseDutyProfile = (json: unknown): { ok: true; profile: DutyProfile } | { ok: false; errors: ErrorDetail[] } => {
  const parsed = DutyProfile.safeParse(json);
  return parsed.success ? { ok: true, profile: parsed.data } : { ok: false, errors: detailsFromZod(parsed.error) };
};
