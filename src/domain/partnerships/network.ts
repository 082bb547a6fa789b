import { UndirectedGraph } from 'graphology';
import betweennessModule from 'graphology-metrics/centrality/betweenness.js';
import { degreeCentrality } from 'graphology-metrics/centrality/degree.js';
import type { EngagementFact } from './impact.ts';

// The package's types declare an ES default export, but the file sets module.exports itself, so under
// Node the default import is the function the types call `default`.
const betweennessCentrality = betweennessModule as unknown as typeof betweennessModule.default;

/** How the centralities are normalised: stated with every figure shown or printed. */
export const centralityNormalisation = {
  degree:
    'degree centrality as graphology-metrics defines it: a node’s number of neighbours divided by (n − 1), n being the number of nodes',
  betweenness:
    'betweenness centrality as graphology-metrics computes it with normalized: true (Brandes): the shortest paths through a node, summed over ordered pairs of other nodes, divided by (n − 1)(n − 2); for this undirected network that is the share of pairs of other nodes whose shortest paths pass through it, as NetworkX’s normalized betweenness',
} as const;

export type NetworkNode = {
  /** `teacher:<id>` or `organisation:<id>`. */
  key: string;
  side: 'teacher' | 'organisation';
  id: string;
  name: string;
  /** Neighbours: organisations for a teacher, teachers for an organisation. */
  degree: number;
  degreeCentrality: number;
  betweenness: number;
};

export type NetworkEdge = { teacher: string; organisation: string; engagements: number };

export type Network = { nodes: NetworkNode[]; edges: NetworkEdge[] };

export const teacherKey = (id: string) => `teacher:${id}`;
export const organisationKey = (id: string) => `organisation:${id}`;

/**
 * The bipartite teacher–organisation network of a set of engagements: an edge joins a teacher and
 * each organisation that hosted their work or reused their digital resource. Degree and betweenness
 * come from graphology-metrics (see `centralityNormalisation`); nodes are in a stable order (teachers,
 * then organisations, by name).
 */
export const buildNetwork = (facts: readonly EngagementFact[]): Network => {
  const graph = new UndirectedGraph<{ side: 'teacher' | 'organisation'; id: string; name: string }, { engagements: number }>();
  const link = (teacherId: string, teacherName: string, organisation: { id: string; name: string }) => {
    const t = teacherKey(teacherId);
    const o = organisationKey(organisation.id);
    graph.mergeNode(t, { side: 'teacher', id: teacherId, name: teacherName });
    graph.mergeNode(o, { side: 'organisation', id: organisation.id, name: organisation.name });
    if (graph.hasEdge(t, o)) graph.updateEdgeAttribute(t, o, 'engagements', (n) => (n ?? 0) + 1);
    else graph.addEdge(t, o, { engagements: 1 });
  };
  for (const f of facts) {
    link(f.teacherId, f.teacherName, f.host);
    for (const r of f.reusedBy) link(f.teacherId, f.teacherName, r);
  }
  const degree = graph.order > 1 ? degreeCentrality(graph) : {};
  const betweenness = graph.order > 0 ? betweennessCentrality(graph, { normalized: true }) : {};
  const nodes = graph
    .mapNodes((key, a) => ({
      key,
      side: a.side,
      id: a.id,
      name: a.name,
      degree: graph.degree(key),
      degreeCentrality: degree[key] ?? 0,
      betweenness: betweenness[key] ?? 0,
    }))
    .sort((a, b) =>
      a.side === b.side ? a.name.localeCompare(b.name, 'en-GB') || a.id.localeCompare(b.id) : a.side === 'teacher' ? -1 : 1,
    );
  const edges = graph
    .mapEdges((_edge, a, source, target) => {
      const [teacher, organisation] = graph.getNodeAttribute(source, 'side') === 'teacher' ? [source, target] : [target, source];
      return { teacher, organisation, engagements: a.engagements };
    })
    .sort((a, b) => (a.teacher + a.organisation).localeCompare(b.teacher + b.organisation));
  return { nodes, edges };
};
