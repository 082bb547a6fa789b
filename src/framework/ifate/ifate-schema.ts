import { z } from 'zod';

/**
 * One apprenticeship standard in the JSON shape of the Skills England (formerly Institute for
 * Apprenticeships and Technical Education) apprenticeship-standards API. Only the fields Pathways
 * reads are checked; the API's many other fields (route, funding, contacts…) are let through.
 * Checked against the field list of the public importer (das-courses-api, ImportTypes/SkillsEngland/
 * Apprenticeship.cs): every field there is a `Settable<T>`, so a list may come as null; ids are
 * `Guid`; `isThisACoreDuty` is a `long` in Range(0, 1); `typicalJobTitles` a `List<string>`;
 * `larsCode`, `level` and `typicalDuration` (months) are `int`.
 */

const Guid = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a GUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6');
const Text = z.string().trim().min(1);
/** The API sends some lists as null where a standard has none. */
const GuidList = z
  .array(Guid)
  .nullish()
  .transform((list) => list ?? []);

export const IfateOption = z.looseObject({ optionId: Guid, title: Text });
export const IfateKnowledge = z.looseObject({ knowledgeId: Guid, detail: Text });
export const IfateSkill = z.looseObject({ skillId: Guid, detail: Text });
export const IfateBehaviour = z.looseObject({ behaviourId: Guid, detail: Text });

/** The API spells the duty's id `dutyId`; older exports and the issue spell it `dutyID`. Both are accepted. */
export const IfateDuty = z
  .looseObject({
    dutyId: Guid.optional(),
    dutyID: Guid.optional(),
    dutyDetail: Text,
    /**
     * 1 = core, 0 = not (the importer's `long` in Range(0, 1)); a boolean is accepted too. Absent or
     * null (a `Settable` not set): core unless the duty names options, as for a standard without options.
     */
    isThisACoreDuty: z.union([z.boolean(), z.literal(0), z.literal(1)]).nullish(),
    mappedKnowledge: GuidList,
    mappedSkills: GuidList,
    mappedBehaviour: GuidList,
    mappedOptions: GuidList,
  })
  .superRefine((duty, ctx) => {
    if (!duty.dutyId && !duty.dutyID) ctx.addIssue({ code: 'custom', path: ['dutyId'], message: 'a duty needs its id (dutyId or dutyID)' });
  })
  .transform(({ dutyID, ...duty }) => ({
    ...duty,
    dutyId: duty.dutyId ?? dutyID ?? '',
    isThisACoreDuty:
      duty.isThisACoreDuty === null || duty.isThisACoreDuty === undefined ? duty.mappedOptions.length === 0 : Boolean(duty.isThisACoreDuty),
  }));
export type IfateDuty = z.infer<typeof IfateDuty>;

/** `typicalJobTitles` is a pipe-separated string in the API ("Teaching assistant|Classroom assistant"); a list is accepted too. */
const JobTitles = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((value) =>
    (typeof value === 'string' ? value.split('|') : (value ?? [])).map((title) => title.trim()).filter((title) => title.length > 0),
  );

export const IfateStandard = z.looseObject({
  referenceNumber: z.string().regex(/^ST\d{4}$/i, 'a reference number such as ST0454'),
  version: z.union([z.string().regex(/^\d+(\.\d+)*$/, 'a version such as 1.1'), z.number().nonnegative()]).transform(String),
  larsCode: z
    .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/)])
    .nullish()
    .transform((code) => (code === undefined || code === null || Number(code) === 0 ? null : String(code))),
  title: Text,
  level: z.coerce.number().int().min(1).max(8),
  typicalDuration: z.coerce.number().positive(),
  typicalJobTitles: JobTitles,
  status: z.string().optional(),
  overviewOfRole: z.string().nullish(),
  options: z
    .array(IfateOption)
    .nullish()
    .transform((list) => list ?? []),
  /** Present, but null where a standard has none (a `Settable<List<…>>`); a missing list is refused. */
  knowledges: z
    .array(IfateKnowledge)
    .nullable()
    .transform((list) => list ?? []),
  skills: z
    .array(IfateSkill)
    .nullable()
    .transform((list) => list ?? []),
  behaviours: z
    .array(IfateBehaviour)
    .nullable()
    .transform((list) => list ?? []),
  duties: z.array(IfateDuty).min(1),
});
export type IfateStandard = z.infer<typeof IfateStandard>;
