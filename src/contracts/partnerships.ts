import { z } from 'zod';
import { EnteredDate } from './dates.ts';
import { phases } from './organisations.ts';

/**
 * The inputs of partnership teaching (issue 12), shared by the API, the pages and the OpenAPI
 * document. Form posts send one value or many for the same name; `list` reads both.
 */

export const partnerSectors = ['state', 'independent', 'further_education'] as const;
export const workSessions = ['morning', 'afternoon'] as const;
export const shareUnits = ['fte', 'hours_per_week'] as const;
export const partnershipTables = ['partners', 'deployments', 'engagements', 'impact'] as const;
export type PartnershipTable = (typeof partnershipTables)[number];

const Id = z.uuid({ error: 'Choose from the list' });
const list = <T extends z.ZodType>(item: T, max: number) =>
  z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(item).max(max));
const text = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`);
const count = z.preprocess(
  (v) => (v === undefined || v === '' ? 0 : v),
  z.coerce
    .number({ error: 'Enter a whole number' })
    .int('Enter a whole number')
    .min(0, 'Enter 0 or more')
    .max(100_000, 'Enter at most 100,000'),
);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** An organisation joining a partnership: a platform school by id, or an external one described. */
export const PartnerInput = z.discriminatedUnion('source', [
  z.object({
    source: z.literal('platform'),
    organisationId: Id,
    sector: z.enum(partnerSectors, { error: 'Choose the sector' }).default('state'),
  }),
  z.object({
    source: z.literal('external'),
    name: text(200).min(1, 'Enter the organisation’s name'),
    phase: z.enum(phases, { error: 'Choose the phase' }),
    sector: z.enum(partnerSectors, { error: 'Choose the sector' }),
    postcodeArea: optional(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z]{1,2}$/, 'Enter the postcode area: the one or two letters a postcode starts with, such as M or SW')
        .transform((s) => s.toUpperCase()),
    ),
  }),
]);
export type PartnerInput = z.infer<typeof PartnerInput>;

export const DeploymentInput = z.object({
  personId: Id,
  kinds: list(z.string().max(100), 11),
  homePartnerId: Id,
  hostPartnerIds: list(Id, 100),
  shareUnit: z.enum(shareUnits, { error: 'Choose FTE or hours a week' }),
  shareValue: z.coerce
    .number({ error: 'Enter the share of time as a number' })
    .positive('Enter a share of time above 0')
    .max(40, 'Enter a share of time of at most 40'),
  startsOn: EnteredDate,
  endsOn: optional(EnteredDate),
  objectives: text(4000).default(''),
});
export type DeploymentInput = z.infer<typeof DeploymentInput>;

export const PatternSlotInput = z.object({
  weekday: z.coerce.number().int().min(1, 'Choose a day from Monday to Friday').max(5, 'Choose a day from Monday to Friday'),
  session: z.enum(workSessions, { error: 'Choose morning or afternoon' }),
  partnerId: Id,
});
export const WorkPatternInput = z.object({ slots: z.array(PatternSlotInput).max(100) });
export type WorkPatternInput = z.infer<typeof WorkPatternInput>;

export const EngagementInput = z.object({
  occurredOn: EnteredDate,
  hostPartnerId: Id,
  kind: z.string().min(1, 'Choose the kind of work').max(100),
  activity: z.string().min(1, 'Choose the activity').max(100),
  pupils: count,
  yearGroups: optional(text(200)),
  pupilPhase: optional(z.enum(phases, { error: 'Choose the pupils’ phase' })),
  teachers: count,
  traineeTeachers: count,
  governors: count,
  parents: count,
  hours: z.coerce
    .number({ error: 'Enter the hours as a number, such as 1.5' })
    .min(0.25, 'Enter at least 0.25 hours')
    .max(24, 'Enter at most 24 hours'),
  outcomeNotes: text(4000).default(''),
  followUps: text(4000).default(''),
  reusedBy: list(Id, 100),
});
export type EngagementInput = z.infer<typeof EngagementInput>;

/** A period for impact: either end may be left open. */
export const ImpactPeriod = z.object({
  from: optional(z.iso.date({ error: 'Enter a real date' })),
  to: optional(z.iso.date({ error: 'Enter a real date' })),
});
export type ImpactPeriod = z.infer<typeof ImpactPeriod>;
