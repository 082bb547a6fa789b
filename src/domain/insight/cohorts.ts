/**
 * The cohort rule (guidance section 3.2.3: when many staff across a school or a cluster share a
 * need, commission one unit for them all). Pure: given how many people lack a need at each school,
 * the cohorts to propose and whether to recommend one cohort for the cluster.
 */

export type CohortSizes = { cohortMinimum: number; clusterMinimum: number };

export type SchoolCohort = { organisationId: string; name: string; size: number };

export type CohortProposal = {
  /** One cohort per school where at least `cohortMinimum` people share the need, largest first. */
  schools: SchoolCohort[];
  /** Set when at least `clusterMinimum` people across two or more schools share the need: train them together. */
  cluster: { size: number; schoolCount: number } | null;
};

export const proposeCohorts = (
  bySchool: readonly { organisationId: string; name: string; lacking: number }[],
  sizes: CohortSizes,
): CohortProposal => {
  const sharing = bySchool.filter((s) => s.lacking > 0);
  const schools = sharing
    .filter((s) => s.lacking >= sizes.cohortMinimum)
    .map((s) => ({ organisationId: s.organisationId, name: s.name, size: s.lacking }))
    .sort((a, b) => b.size - a.size || a.name.localeCompare(b.name));
  const size = sharing.reduce((sum, s) => sum + s.lacking, 0);
  const cluster = sharing.length >= 2 && size >= sizes.clusterMinimum ? { size, schoolCount: sharing.length } : null;
  return { schools, cluster };
};
