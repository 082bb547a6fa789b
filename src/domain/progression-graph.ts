import type { Catalogue } from '../framework/catalogue.ts';

/** The `precedes` edges of the catalogue as adjacency lists, built once per catalogue. */
export type ProgressionGraph = {
  successors(code: string): readonly string[];
  predecessors(code: string): readonly string[];
  /** Whether `from` leads to `to` through one or more `precedes` edges. */
  leadsTo(from: string, to: string): boolean;
};

const graphs = new WeakMap<Catalogue, ProgressionGraph>();

/** The progression graph of a catalogue (memoised: the catalogue is read-only). */
export const progressionGraph = (catalogue: Catalogue): ProgressionGraph => {
  const cached = graphs.get(catalogue);
  if (cached) return cached;
  const forward = new Map<string, string[]>();
  const backward = new Map<string, string[]>();
  for (const edge of catalogue.associations({ type: 'precedes' })) {
    forward.set(edge.from, [...(forward.get(edge.from) ?? []), edge.to]);
    backward.set(edge.to, [...(backward.get(edge.to) ?? []), edge.from]);
  }
  const reach = new Map<string, Set<string>>();
  const reachable = (from: string): Set<string> => {
    const known = reach.get(from);
    if (known) return known;
    const seen = new Set<string>();
    const stack = [...(forward.get(from) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop() ?? '';
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(forward.get(next) ?? []));
    }
    reach.set(from, seen);
    return seen;
  };
  const graph: ProgressionGraph = {
    successors: (code) => forward.get(code) ?? [],
    predecessors: (code) => backward.get(code) ?? [],
    leadsTo: (from, to) => reachable(from).has(to),
  };
  graphs.set(catalogue, graph);
  return graph;
};
