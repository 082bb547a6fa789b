import { z } from 'zod';

/** School phases as the issue lists them. */
export const phases = ['nursery', 'primary', 'secondary', 'all-through', 'special', 'alternative provision', 'FE', 'other'] as const;
/** The four nations of the UK: their frameworks and qualifications differ. */
export const nations = ['England', 'Wales', 'Scotland', 'Northern Ireland'] as const;

export const organisationLimits = { nameLength: 200 } as const;

/** What an admin types to create or change a school (a trust has no phase). */
export const SchoolInput = z.object({
  name: z.string().trim().min(1, 'Enter the school’s name').max(organisationLimits.nameLength, 'The name must be 200 characters or fewer'),
  phase: z.enum(phases, { message: 'Choose the school’s phase' }),
  nation: z.enum(nations, { message: 'Choose the nation the school is in' }),
  urn: z
    .string()
    .trim()
    .regex(/^\d{6,7}$/, 'A URN is 6 or 7 digits')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});
export type SchoolInput = z.infer<typeof SchoolInput>;

/** Ids in URLs are UUIDs; anything else is simply not found. */
export const EntityId = z.string().uuid();
