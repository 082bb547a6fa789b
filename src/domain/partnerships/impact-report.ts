import type { SchoolTerm } from '../../framework/partnership-teaching-rules.ts';
import { type EngagementFact, type ImpactSummary, organisationImpacts, summariseImpact, withinPeriod } from './impact.ts';
import { buildNetwork, centralityNormalisation, type NetworkNode, organisationKey, teacherKey } from './network.ts';
import { type TermPeriod, termsBetween } from './terms.ts';

export type Centrality = { degree: number; degreeCentrality: number; betweenness: number };

export type TeacherImpact = { id: string; name: string } & ImpactSummary & Centrality;
export type OrganisationNetworkImpact = ReturnType<typeof organisationImpacts>[number] & Centrality;
/** One term's figures beside the term before's: how each measure changed. */
export type TermChange = {
  term: TermPeriod;
  summary: ImpactSummary;
  change: { engagements: number; organisations: number; pupils: number; teachers: number; repeatEngagements: number } | null;
};

export type NetworkImpact = {
  from: string | null;
  to: string | null;
  normalisation: typeof centralityNormalisation;
  partnership: ImpactSummary;
  teachers: TeacherImpact[];
  organisations: OrganisationNetworkImpact[];
  nodes: NetworkNode[];
  edges: ReturnType<typeof buildNetwork>['edges'];
};

const centralityOf = (nodes: Map<string, NetworkNode>, key: string): Centrality => {
  const node = nodes.get(key);
  return { degree: node?.degree ?? 0, degreeCentrality: node?.degreeCentrality ?? 0, betweenness: node?.betweenness ?? 0 };
};

/**
 * The impact of a period's engagements: the partnership's summary, each teacher's reach, breadth and
 * depth with their place in the network, and each organisation's, with the centralities' normalisation.
 */
export const networkImpact = (all: readonly EngagementFact[], period: { from: string | null; to: string | null }): NetworkImpact => {
  const facts = withinPeriod(all, period.from, period.to);
  const network = buildNetwork(facts);
  const nodes = new Map(network.nodes.map((n) => [n.key, n]));
  const byTeacher = new Map<string, EngagementFact[]>();
  for (const f of facts) {
    const group = byTeacher.get(f.teacherId);
    if (group) group.push(f);
    else byTeacher.set(f.teacherId, [f]);
  }
  const teacherIds = [...new Map(facts.map((f) => [f.teacherId, f.teacherName]))].sort(([, a], [, b]) => a.localeCompare(b, 'en-GB'));
  return {
    from: period.from,
    to: period.to,
    normalisation: centralityNormalisation,
    partnership: summariseImpact(facts),
    teachers: teacherIds.map(([id, name]) => ({
      id,
      name,
      ...summariseImpact(byTeacher.get(id) ?? []),
      ...centralityOf(nodes, teacherKey(id)),
    })),
    organisations: organisationImpacts(facts).map((o) => ({ ...o, ...centralityOf(nodes, organisationKey(o.organisation.id)) })),
    nodes: network.nodes,
    edges: network.edges,
  };
};

/** Each term of the period (oldest first) with its figures and the change from the term before. */
export const termOnTerm = (facts: readonly EngagementFact[], terms: readonly SchoolTerm[], from: string, to: string): TermChange[] => {
  let previous: ImpactSummary | null = null;
  return termsBetween(terms, from, to).map((term) => {
    const summary = summariseImpact(withinPeriod(facts, term.start, term.end));
    const change = previous
      ? {
          engagements: summary.engagements - previous.engagements,
          organisations: summary.reach.organisations - previous.reach.organisations,
          pupils: summary.reach.pupils - previous.reach.pupils,
          teachers: summary.reach.teachers - previous.reach.teachers,
          repeatEngagements: summary.depth.repeatEngagements - previous.depth.repeatEngagements,
        }
      : null;
    previous = summary;
    return { term, summary, change };
  });
};
