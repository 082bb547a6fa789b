import { describe, expect, it } from 'vitest';
import type { EngagementFact } from './impact.ts';
import { buildNetwork } from './network.ts';

const organisation = (id: string) => ({ id, name: id, phase: 'primary', sector: 'state' as const });
const engagement = (teacher: string, host: string, reusedBy: string[] = []): EngagementFact => ({
  teacherId: teacher,
  teacherName: teacher,
  kind: 'PT.mentor',
  host: organisation(host),
  occurredOn: '2026-10-01',
  pupils: 0,
  teachers: 0,
  minutes: 60,
  reusedBy: reusedBy.map(organisation),
});

const byKey = (facts: EngagementFact[]) => new Map(buildNetwork(facts).nodes.map((n) => [n.key, n]));

describe('the teacher–organisation network', () => {
  it('gives the centralities of a path X – A – Y – B – Z worked out by hand', () => {
    // n = 5. Degree centrality = neighbours / (n − 1) = neighbours / 4.
    // Betweenness (pairs of other nodes whose one shortest path runs through the node), normalised by
    // graphology as 2b / ((n − 1)(n − 2)) = 2b / 12 for an undirected graph:
    // A lies between X and each of Y, B, Z: b = 3 → 0.5; Y between {X, A} and {B, Z}: b = 4 → 2/3;
    // B mirrors A: 0.5; the ends X and Z lie on no path: 0.
    const nodes = byKey([engagement('A', 'X'), engagement('A', 'Y'), engagement('B', 'Y'), engagement('B', 'Z')]);
    expect(nodes.get('teacher:A')).toMatchObject({ degree: 2, degreeCentrality: 0.5, betweenness: 0.5 });
    expect(nodes.get('teacher:B')).toMatchObject({ degree: 2, degreeCentrality: 0.5, betweenness: 0.5 });
    expect(nodes.get('organisation:Y')?.degreeCentrality).toBe(0.5);
    expect(nodes.get('organisation:Y')?.betweenness).toBeCloseTo(2 / 3, 12);
    expect(nodes.get('organisation:X')).toMatchObject({ degree: 1, degreeCentrality: 0.25, betweenness: 0 });
    expect(nodes.get('organisation:Z')).toMatchObject({ degree: 1, degreeCentrality: 0.25, betweenness: 0 });
  });

  it('gives a star its hand-worked centralities: the hub lies on every path between two leaves', () => {
    // Teacher T worked with P, Q and R: n = 4, T's degree centrality 3/3 = 1, betweenness: the three
    // pairs of leaves, 2·3 / (3·2) = 1; each leaf 1/3 and 0.
    const nodes = byKey([engagement('T', 'P'), engagement('T', 'Q'), engagement('T', 'R')]);
    expect(nodes.get('teacher:T')).toMatchObject({ degree: 3, degreeCentrality: 1, betweenness: 1 });
    expect(nodes.get('organisation:P')?.degreeCentrality).toBeCloseTo(1 / 3, 12);
    expect(nodes.get('organisation:P')?.betweenness).toBe(0);
  });

  it('draws one edge per teacher and organisation, counting repeat engagements, and links reuse of a resource', () => {
    const network = buildNetwork([engagement('A', 'X'), engagement('A', 'X'), engagement('A', 'Y', ['Z'])]);
    expect(network.edges).toEqual([
      { teacher: 'teacher:A', organisation: 'organisation:X', engagements: 2 },
      { teacher: 'teacher:A', organisation: 'organisation:Y', engagements: 1 },
      { teacher: 'teacher:A', organisation: 'organisation:Z', engagements: 1 },
    ]);
  });

  it('is empty with no engagements', () => {
    expect(buildNetwork([])).toEqual({ nodes: [], edges: [] });
  });
});
