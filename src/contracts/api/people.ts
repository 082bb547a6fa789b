import { z } from 'zod';
import { limits } from '../config.ts';

/** Request and response contracts of the staff directory API. */

export const directoryPageSizes = { default: 25, max: 100 } as const;

const flag = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'on']).transform((v) => v === 'true' || v === '1' || v === 'on')]);

export const PeopleQuery = z.object({
  q: z.string().trim().max(limits.searchQueryLength).optional(),
  school: z
    .uuid()
    .optional()
    .or(z.literal('').transform(() => undefined)),
  role: z.string().trim().max(60).optional(),
  specialism: z.string().trim().max(60).optional(),
  leavers: flag.optional(),
  sort: z.enum(['name', 'school', 'role', 'start']).default('name'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(directoryPageSizes.max).default(directoryPageSizes.default),
});
export type PeopleQuery = z.infer<typeof PeopleQuery>;

export const IdParams = z.object({ id: z.uuid() });

/** A calendar date, `YYYY-MM-DD`. */
const isoDate = z.iso.date();

export const PersonSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  givenName: z.string(),
  familyName: z.string(),
  workEmail: z.string().nullable(),
  staffCode: z.string().nullable(),
  gradedRole: z.string().nullable(),
  jobTitle: z.string().nullable(),
  specialisms: z.array(z.string()),
  leftOn: isoDate.nullable(),
});

export const PeoplePage = z.object({
  people: z.array(PersonSummary),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const PersonDetail = z.object({
  person: PersonSummary.extend({
    hoursPerWeek: z.number().nullable(),
    weeksPerYear: z.number().nullable(),
    startDate: isoDate.nullable(),
    lineManager: z.object({ id: z.string(), name: z.string() }).nullable(),
  }),
  posts: z.array(
    z.object({
      gradedRole: z.string().nullable(),
      roleValue: z.string().nullable(),
      jobTitle: z.string().nullable(),
      hoursPerWeek: z.number().nullable(),
      weeksPerYear: z.number().nullable(),
    }),
  ),
  reports: z.array(z.object({ id: z.string(), name: z.string(), gradedRole: z.string().nullable(), leftOn: isoDate.nullable() })),
});

/** The directory filter a people query asks for: the same for the API and the staff directory page. */
export const peopleFilterOf = (query: PeopleQuery) => ({
  q: query.q || undefined,
  organisationId: query.school,
  gradedRole: query.role || undefined,
  specialism: query.specialism || undefined,
  includeLeavers: query.leavers ?? false,
  sort: query.sort,
  page: query.page,
  pageSize: query.pageSize,
});
