import { describe, expect, it } from 'vitest';
import { proposeCohorts } from './cohorts.ts';

const sizes = { cohortMinimum: 2, clusterMinimum: 8 };

describe('the cohort rule', () => {
  it('recommends no cluster cohort when one person fewer than N share the need across schools', () => {
    const proposal = proposeCohorts(
      [
        { organisationId: 'a', name: 'Ash Primary', lacking: 4 },
        { organisationId: 'b', name: 'Beech Academy', lacking: 3 },
      ],
      sizes,
    );
    expect(proposal.cluster).toBeNull();
    expect(proposal.schools.map((s) => [s.name, s.size])).toEqual([
      ['Ash Primary', 4],
      ['Beech Academy', 3],
    ]);
  });

  it('recommends a cluster cohort when N people across schools share it', () => {
    const proposal = proposeCohorts(
      [
        { organisationId: 'a', name: 'Ash Primary', lacking: 4 },
        { organisationId: 'b', name: 'Beech Academy', lacking: 3 },
        { organisationId: 'c', name: 'Cedar School', lacking: 1 },
      ],
      sizes,
    );
    expect(proposal.cluster).toEqual({ size: 8, schoolCount: 3 });
    // The one person at Cedar is in the cluster but is no cohort of their own.
    expect(proposal.schools.map((s) => s.name)).toEqual(['Ash Primary', 'Beech Academy']);
  });

  it('never calls one school a cluster, however many share the need there', () => {
    expect(proposeCohorts([{ organisationId: 'a', name: 'Ash Primary', lacking: 30 }], sizes).cluster).toBeNull();
  });

  it('takes N from the caller', () => {
    const bySchool = [
      { organisationId: 'a', name: 'Ash Primary', lacking: 2 },
      { organisationId: 'b', name: 'Beech Academy', lacking: 1 },
    ];
    expect(proposeCohorts(bySchool, { cohortMinimum: 2, clusterMinimum: 4 }).cluster).toBeNull();
    expect(proposeCohorts(bySchool, { cohortMinimum: 2, clusterMinimum: 3 }).cluster).toEqual({ size: 3, schoolCount: 2 });
  });
});
