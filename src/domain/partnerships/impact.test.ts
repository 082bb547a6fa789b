import { describe, expect, it } from 'vitest';
import { type EngagementFact, type ImpactOrganisation, organisationImpacts, summariseBy, summariseImpact, withinPeriod } from './impact.ts';

const oak: ImpactOrganisation = { id: 'oak', name: 'Oak Primary', phase: 'primary', sector: 'state' };
const elm = { id: 'elm', name: 'Elm College', phase: 'FE', sector: 'further_education' as const };
const ash = { id: 'ash', name: 'Ash Prep', phase: 'primary', sector: 'independent' as const };

const fact = (
  teacherId: string,
  kind: string,
  host: typeof oak,
  occurredOn: string,
  pupils: number,
  teachers: number,
  reusedBy = [] as (typeof oak)[],
): EngagementFact => ({
  teacherId,
  teacherName: teacherId,
  kind,
  host,
  occurredOn,
  pupils,
  teachers,
  minutes: 60,
  reusedBy,
});

// The fixture, by hand: Ann ran three workshops at Oak (30, 28, 25 pupils), coached 4 teachers at Elm,
// and made a digital resource for Elm that Ash reused. Ben mentored 2 teachers at Oak.
const facts = [
  fact('ann', 'PT.animateur', oak, '2026-09-15', 30, 0),
  fact('ann', 'PT.animateur', oak, '2026-10-06', 28, 0),
  fact('ann', 'PT.animateur', oak, '2027-01-12', 25, 1),
  fact('ann', 'PT.pedagogue', elm, '2026-11-03', 0, 4),
  fact('ann', 'PT.digitiser', elm, '2026-11-20', 0, 0, [ash]),
  fact('ben', 'PT.mentor', oak, '2026-10-01', 0, 2),
];

describe('impact on a hand-computed fixture', () => {
  it('gives a teacher’s reach, breadth and depth', () => {
    const ann = summariseImpact(facts.filter((f) => f.teacherId === 'ann'));
    // Reach: Oak, Elm and Ash (by reuse) = 3 organisations; pupils 30 + 28 + 25 = 83; teachers 1 + 4 = 5.
    expect(ann.reach).toEqual({ organisations: 3, pupils: 83, teachers: 5 });
    // Breadth: phases FE and primary; sectors FE, independent, state; three kinds.
    expect(ann.breadth).toEqual({
      phases: ['FE', 'primary'],
      sectors: ['further_education', 'independent', 'state'],
      kinds: ['PT.animateur', 'PT.digitiser', 'PT.pedagogue'],
    });
    // Depth: Oak three times (2 repeats), Elm twice (1 repeat): 3 repeats over 2 organisations.
    expect(ann.depth).toEqual({ repeatEngagements: 3, organisationsRevisited: 2 });
    expect(ann.engagements).toBe(5);
  });

  it('gives a kind’s and the partnership’s figures', () => {
    const byKind = summariseBy(facts, (f) => f.kind);
    expect(byKind.get('PT.animateur')?.reach).toEqual({ organisations: 1, pupils: 83, teachers: 1 });
    expect(byKind.get('PT.animateur')?.depth).toEqual({ repeatEngagements: 2, organisationsRevisited: 1 });
    const all = summariseImpact(facts);
    // Oak 4 engagements (3 repeats), Elm 2 (1 repeat).
    expect(all.depth).toEqual({ repeatEngagements: 4, organisationsRevisited: 2 });
    expect(all.reach).toEqual({ organisations: 3, pupils: 83, teachers: 7 });
  });

  it('limits to a period (the autumn term 2026 leaves out January’s workshop)', () => {
    const autumn = summariseImpact(withinPeriod(facts, '2026-09-01', '2026-12-31').filter((f) => f.teacherId === 'ann'));
    expect(autumn.reach).toEqual({ organisations: 3, pupils: 58, teachers: 4 });
    expect(autumn.depth).toEqual({ repeatEngagements: 2, organisationsRevisited: 2 });
  });

  it('gives each organisation its distinct teachers, audiences, kinds and returning teachers', () => {
    const [ashImpact, elmImpact, oakImpact] = organisationImpacts(facts);
    expect(oakImpact).toMatchObject({
      engagements: 4,
      reach: { teachers: 2, pupils: 83, audienceTeachers: 3 },
      breadth: { kinds: ['PT.animateur', 'PT.mentor'] },
      depth: { repeatEngagements: 2, teachersReturning: 1 },
    });
    expect(elmImpact?.depth).toEqual({ repeatEngagements: 1, teachersReturning: 1 });
    expect(ashImpact).toMatchObject({ engagements: 0, reach: { teachers: 1, pupils: 0 }, breadth: { kinds: ['PT.digitiser'] } });
  });
});
