import type { Catalogue } from '../framework/catalogue.ts';

/**
 * Duties worded identically in several profiles are one duty: the framework data links them with
 * `exactMatchOf`. A cluster is the set of codes so linked; every code maps to one cluster id.
 */
export type DutyClusters = { clusterOf(code: string): string; members(cluster: string): readonly string[] };

const cache = new WeakMap<Catalogue, DutyClusters>();

/** The exactMatchOf clusters of a catalogue (memoised: the catalogue is read-only). */
export const dutyClusters = (catalogue: Catalogue): DutyClusters => {
  const cached = cache.get(catalogue);
  if (cached) return cached;
  const parent = new Map<string, string>();
  const find = (code: string): string => {
    let root = code;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(code, root);
    return root;
  };
  for (const edge of catalogue.associations({ type: 'exactMatchOf' })) {
    const a = find(edge.from);
    const b = find(edge.to);
    if (a === b) continue;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    parent.set(drop, keep);
  }
  const members = new Map<string, string[]>();
  for (const code of parent.keys()) {
    const root = find(code);
    members.set(root, [...(members.get(root) ?? []), code]);
  }
  const clusters: DutyClusters = {
    clusterOf: (code) => (parent.has(code) ? find(code) : code),
    members: (cluster) => members.get(cluster) ?? [cluster],
  };
  cache.set(catalogue, clusters);
  return clusters;
};
