import type { EngagementFact, ImpactOrganisation } from '../../domain/partnerships/impact.ts';
import type { Deployment, Engagement, Partner } from '../../domain/partnerships/records.ts';

const organisationOf = (p: Partner): ImpactOrganisation => ({ id: p.id, name: p.name, phase: p.phase, sector: p.sector });

/** Stored engagements as impact reads them (teacher from the deployment, organisations from the partners). */
export const factsOf = (
  items: readonly Engagement[],
  deployments: readonly Deployment[],
  partners: readonly Partner[],
): EngagementFact[] => {
  const partnerById = new Map(partners.map((p) => [p.id, p]));
  const deploymentById = new Map(deployments.map((d) => [d.id, d]));
  return items.flatMap((e) => {
    const deployment = deploymentById.get(e.deploymentId);
    const host = partnerById.get(e.hostPartnerId);
    if (!deployment || !host) return [];
    return [
      {
        teacherId: deployment.person.id,
        teacherName: deployment.person.name,
        kind: e.kind,
        host: organisationOf(host),
        occurredOn: e.occurredOn,
        pupils: e.audience.pupils,
        teachers: e.audience.teachers + e.audience.traineeTeachers,
        minutes: e.minutes,
        reusedBy: e.reusedBy.flatMap((id) => {
          const p = partnerById.get(id);
          return p ? [organisationOf(p)] : [];
        }),
      },
    ];
  });
};
