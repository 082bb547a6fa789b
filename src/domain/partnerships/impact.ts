import type { Sector } from './sectors.ts';

/** An organisation as impact counts it (phase and sector null when not known: breadth leaves them out). */
export type ImpactOrganisation = { id: string; name: string; phase: string | null; sector: Sector | null };

/** One engagement as impact reads it: who delivered what, where, to whom, and who reused it. */
export type EngagementFact = {
  teacherId: string;
  teacherName: string;
  kind: string;
  host: ImpactOrganisation;
  occurredOn: string;
  pupils: number;
  /** Teachers in the audience, trainee and early-career teachers included. */
  teachers: number;
  minutes: number;
  /** Other organisations that reused a digital resource. */
  reusedBy: readonly ImpactOrganisation[];
};

/** Reach: distinct organisations, and the pupils and teachers in the audiences (summed: a person seen twice counts twice). */
export type Reach = { organisations: number; pupils: number; teachers: number };
/** Breadth: the distinct phases, sectors and kinds the work spans. */
export type Breadth = { phases: string[]; sectors: Sector[]; kinds: string[] };
/**
 * Depth: repeat engagements with the same organisation — every engagement after the first with an
 * organisation counts one — and how many organisations were engaged more than once.
 */
export type Depth = { repeatEngagements: number; organisationsRevisited: number };

export type ImpactSummary = { engagements: number; minutes: number; reach: Reach; breadth: Breadth; depth: Depth };

const sorted = <T extends string>(values: Iterable<T | null>): T[] => [...new Set([...values].filter((v): v is T => v !== null))].sort();

const depthOf = (keys: readonly string[]): Depth => {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  return { repeatEngagements: repeated.reduce((sum, n) => sum + n - 1, 0), organisationsRevisited: repeated.length };
};

/** Reach, breadth and depth of a set of engagements (a teacher's, a kind's, a partnership's). */
export const summariseImpact = (facts: readonly EngagementFact[]): ImpactSummary => {
  const organisations = new Map<string, ImpactOrganisation>();
  for (const f of facts) {
    organisations.set(f.host.id, f.host);
    for (const r of f.reusedBy) organisations.set(r.id, r);
  }
  return {
    engagements: facts.length,
    minutes: facts.reduce((sum, f) => sum + f.minutes, 0),
    reach: {
      organisations: organisations.size,
      pupils: facts.reduce((sum, f) => sum + f.pupils, 0),
      teachers: facts.reduce((sum, f) => sum + f.teachers, 0),
    },
    breadth: {
      phases: sorted([...organisations.values()].map((o) => o.phase)),
      sectors: sorted([...organisations.values()].map((o) => o.sector)),
      kinds: sorted(facts.map((f) => f.kind)),
    },
    depth: depthOf(facts.map((f) => f.host.id)),
  };
};

/** Facts on or between two ISO dates (either end open when null). */
export const withinPeriod = (facts: readonly EngagementFact[], from: string | null, to: string | null): EngagementFact[] =>
  facts.filter((f) => (from === null || f.occurredOn >= from) && (to === null || f.occurredOn <= to));

/** One summary per key (teacher, kind), in key order. */
export const summariseBy = (facts: readonly EngagementFact[], keyOf: (f: EngagementFact) => string): Map<string, ImpactSummary> => {
  const groups = new Map<string, EngagementFact[]>();
  for (const f of facts) {
    const group = groups.get(keyOf(f));
    if (group) group.push(f);
    else groups.set(keyOf(f), [f]);
  }
  return new Map([...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, group]) => [key, summariseImpact(group)]));
};

/**
 * An organisation's side of the work: reach is the distinct teachers who worked with it (and the
 * pupils and teachers reached there), breadth the kinds it received, depth the repeat visits by the
 * same teacher. A reuse of a digital resource counts as reach, not as a visit.
 */
export type OrganisationImpact = {
  organisation: ImpactOrganisation;
  engagements: number;
  reach: { teachers: number; pupils: number; audienceTeachers: number };
  breadth: { kinds: string[] };
  depth: { repeatEngagements: number; teachersReturning: number };
};

export const organisationImpacts = (facts: readonly EngagementFact[]): OrganisationImpact[] => {
  const byOrganisation = new Map<string, { organisation: ImpactOrganisation; hosted: EngagementFact[]; reused: EngagementFact[] }>();
  const entry = (o: ImpactOrganisation) => {
    const found = byOrganisation.get(o.id) ?? { organisation: o, hosted: [], reused: [] };
    byOrganisation.set(o.id, found);
    return found;
  };
  for (const f of facts) {
    entry(f.host).hosted.push(f);
    for (const r of f.reusedBy) entry(r).reused.push(f);
  }
  return [...byOrganisation.values()]
    .map(({ organisation, hosted, reused }) => {
      const depth = depthOf(hosted.map((f) => f.teacherId));
      return {
        organisation,
        engagements: hosted.length,
        reach: {
          teachers: new Set([...hosted, ...reused].map((f) => f.teacherId)).size,
          pupils: hosted.reduce((sum, f) => sum + f.pupils, 0),
          audienceTeachers: hosted.reduce((sum, f) => sum + f.teachers, 0),
        },
        breadth: { kinds: sorted([...hosted, ...reused].map((f) => f.kind)) },
        depth: { repeatEngagements: depth.repeatEngagements, teachersReturning: depth.organisationsRevisited },
      };
    })
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name, 'en-GB'));
};
