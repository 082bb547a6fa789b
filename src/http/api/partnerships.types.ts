import { z } from 'zod';

/** The JSON of the partnership-teaching API (bodies are the contracts' EngagementInput and ImpactPeriod). */
export const PartnershipParams = z.object({ id: z.uuid() });
export const DeploymentParams = z.object({ id: z.uuid(), deploymentId: z.uuid() });

const Reach = z.object({ organisations: z.number(), pupils: z.number(), teachers: z.number() });
const Breadth = z.object({ phases: z.array(z.string()), sectors: z.array(z.string()), kinds: z.array(z.string()) });
const Depth = z.object({ repeatEngagements: z.number(), organisationsRevisited: z.number() });
const Centrality = { degree: z.number(), degreeCentrality: z.number(), betweenness: z.number() };

export const ImpactJson = z.object({
  from: z.string().nullable(),
  to: z.string().nullable(),
  normalisation: z.object({ degree: z.string(), betweenness: z.string() }),
  partnership: z.object({ engagements: z.number(), minutes: z.number(), reach: Reach, breadth: Breadth, depth: Depth }),
  teachers: z.array(
    z.object({ id: z.string(), name: z.string(), engagements: z.number(), reach: Reach, breadth: Breadth, depth: Depth, ...Centrality }),
  ),
  organisations: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      engagements: z.number(),
      reach: z.object({ teachers: z.number(), pupils: z.number(), audienceTeachers: z.number() }),
      kinds: z.array(z.string()),
      repeatEngagements: z.number(),
      ...Centrality,
    }),
  ),
  terms: z.array(
    z.object({
      term: z.string(),
      title: z.string(),
      engagements: z.number(),
      organisations: z.number(),
      pupils: z.number(),
      teachers: z.number(),
    }),
  ),
});

export const EngagementJson = z.object({
  id: z.string(),
  occurredOn: z.string(),
  teacher: z.string(),
  deploymentId: z.string(),
  host: z.string(),
  kind: z.string(),
  activity: z.string(),
  pupils: z.number(),
  teachers: z.number(),
  minutes: z.number(),
  reusedBy: z.array(z.string()),
});
export const EngagementsJson = z.object({ engagements: z.array(EngagementJson) });
export const RecordedJson = z.object({ id: z.string() });
