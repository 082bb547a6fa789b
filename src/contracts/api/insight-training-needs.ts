import { z } from 'zod';

/** Request and response contracts of the training-needs analysis (web page, API and OpenAPI share them). */

const id = z.string().max(100);

/** The analysis's query: scope (a trust, school or partnership id), target (`next` or a role, status or qualification id), cluster size, or a hand-picked group (`people`, ids separated by commas). */
export const TrainingNeedsQuery = z.object({
  scope: id.optional(),
  target: id.default('next'),
  minCluster: z.coerce.number().int().min(2).max(100_000).optional(),
  people: z
    .string()
    .max(20_000)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .optional(),
});
export type TrainingNeedsQueryInput = z.output<typeof TrainingNeedsQuery>;

/** Which cohort of an analysis: a need, at one school (its id) or `cluster`. */
export const CohortQuery = TrainingNeedsQuery.extend({ need: z.string().min(1).max(200), school: id });

/** Planning a cohort through the API: the need, the target it was measured against, and the people. */
export const PlanCohortBody = z.strictObject({
  target: id.default('next'),
  need: z.string().min(1).max(200),
  personIds: z.array(z.uuid()).min(1).max(5_000),
});

export const TrainingNeedJson = z.object({
  key: z.string(),
  kind: z.enum(['item', 'requirement']),
  code: z.string().nullable(),
  label: z.string(),
  lacking: z.number().int(),
  bySchool: z.array(z.object({ organisationId: z.string(), name: z.string(), lacking: z.number().int() })),
  provision: z.object({
    units: z.array(
      z.object({
        code: z.string(),
        title: z.string(),
        qualificationId: z.string(),
        qualificationTitle: z.string(),
        nos: z.array(z.string()),
      }),
    ),
    nos: z.array(z.object({ code: z.string(), label: z.string() })),
    qualifications: z.array(z.object({ id: z.string(), title: z.string() })),
    essentialTraining: z.array(z.object({ code: z.string(), label: z.string() })),
    cpdSuggestions: z.array(z.object({ ref: z.string(), roleId: z.string(), text: z.string() })),
  }),
  cohorts: z.object({
    schools: z.array(z.object({ organisationId: z.string(), name: z.string(), size: z.number().int() })),
    cluster: z.object({ size: z.number().int(), schoolCount: z.number().int() }).nullable(),
    canPlanCluster: z.boolean(),
  }),
  plannable: z.record(z.string(), z.boolean()),
  activity: z.object({
    title: z.string(),
    kind: z.enum(['course', 'qualification-unit']),
    itemCodes: z.array(z.string()),
    suggestedBy: z.string(),
    reflection: z.string(),
  }),
});

export const TrainingNeedsJson = z.object({
  scope: z.object({ kind: z.enum(['trust', 'school', 'partnership', 'people']), id: z.string().nullable(), name: z.string() }),
  target: z.object({ id: z.string(), title: z.string() }),
  sizes: z.object({ cohortMinimum: z.number().int(), clusterMinimum: z.number().int() }),
  measured: z.number().int(),
  leftOut: z.number().int(),
  schools: z.array(z.object({ id: z.string(), name: z.string() })),
  needs: z.array(TrainingNeedJson),
});

export const PlannedCohortJson = z.object({
  activity: TrainingNeedJson.shape.activity,
  planned: z.array(z.string()),
  alreadyPlanned: z.array(z.string()),
});
