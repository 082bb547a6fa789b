import { describe, expect, it } from 'vitest';
import type { EngagementFact, ImpactOrganisation } from './impact.ts';
import { networkImpact, termOnTerm } from './impact-report.ts';

const oak: ImpactOrganisation = { id: 'oak', name: 'Oak Primary', phase: 'primary', sector: 'state' };
const elm = { id: 'elm', name: 'Elm College', phase: 'FE', sector: 'further_education' as const };
const fact = (teacherId: string, host: typeof oak, occurredOn: string, pupils: number): EngagementFact => ({
  teacherId,
  teacherName: teacherId.toUpperCase(),
  kind: 'PT.enricher',
  host,
  occurredOn,
  pupils,
  teachers: 0,
  minutes: 60,
  reusedBy: [],
});
const terms = [
  { id: 'autumn', title: 'Autumn term', fromMonth: 9, toMonth: 12 },
  { id: 'spring', title: 'Spring term', fromMonth: 1, toMonth: 3 },
  { id: 'summer', title: 'Summer term', fromMonth: 4, toMonth: 8 },
];
const facts = [
  fact('ann', oak, '2026-10-01', 20),
  fact('ann', elm, '2027-01-20', 10),
  fact('ann', oak, '2027-02-03', 15),
  fact('ben', oak, '2027-02-10', 5),
];

describe('the impact report', () => {
  it('gives each teacher their reach with their degree and betweenness in the network of the period', () => {
    const report = networkImpact(facts, { from: '2027-01-01', to: '2027-03-31' });
    // Spring: BEN – Oak – ANN – Elm, a path of 4 nodes: Ann and Oak each lie between 2 pairs: 2·2/(3·2) = 2/3.
    expect(report.teachers.map((t) => [t.name, t.reach.organisations, t.reach.pupils, t.degree])).toEqual([
      ['ANN', 2, 25, 2],
      ['BEN', 1, 5, 1],
    ]);
    expect(report.teachers[0]?.betweenness).toBeCloseTo(2 / 3, 12);
    expect(report.organisations.find((o) => o.organisation.id === 'oak')).toMatchObject({ degree: 2, reach: { teachers: 2 } });
    expect(report.normalisation.betweenness).toContain('(n − 1)(n − 2)');
  });

  it('gives the change term on term', () => {
    // Autumn: one engagement (Oak, 20 pupils). Spring: three (Elm 10, Oak 15, Oak 5): two more
    // engagements, one more organisation, 10 more pupils, and Oak's second visit is 1 repeat more.
    const changes = termOnTerm(facts, terms, '2026-09-01', '2027-03-31');
    expect(changes.map((c) => [c.term.title, c.summary.engagements, c.change])).toEqual([
      ['Autumn term 2026', 1, null],
      ['Spring term 2027', 3, { engagements: 2, organisations: 1, pupils: 10, teachers: 0, repeatEngagements: 1 }],
    ]);
  });
});
