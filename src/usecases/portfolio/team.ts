import type { Actor } from '../../domain/policy/actor.ts';
import { can } from '../../domain/policy/can.ts';
import { standardSetsOf, trainingStatus, yearOf } from '../../domain/portfolio-progress.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { portfolioCounts, reportsOf } from '../../store/team.ts';
import type { PortfolioDeps } from './deps.ts';

/** One report as the team view shows them. */
export type TeamMember = {
  id: string;
  name: string;
  jobTitle: string | null;
  evidenceAwaitingDecision: number;
  hltaMet: number;
  hltaTotal: number;
  cpdMinutesInYear: number;
  trainingExpired: number;
  reviewStage: string | null;
};

/**
 * A line manager's team: the people who report to them, each with evidence awaiting their decision,
 * HLTA standards met, CPD this academic year, training out of date and the review stage. Only people
 * whose portfolio the actor may read are listed (the policy decides, not this list).
 */
export const teamOf = async (deps: PortfolioDeps, actor: Actor): Promise<{ academicYear: string; members: TeamMember[] }> => {
  const today = schoolDateOf(deps.clock());
  const year = yearOf(today);
  const personId = actor.personId;
  if (!personId) return { academicYear: year.name, members: [] };
  const hlta = standardSetsOf(deps.catalogue, undefined, undefined).find((s) => s.key === 'hlta')?.items ?? [];
  const trusts = [...new Set(actor.assignments.map((a) => a.trustId))];
  const members: TeamMember[] = [];
  for (const trustId of trusts) {
    const reports = (await reportsOf(deps.db, trustId, personId)).filter(
      (r) => can(actor, 'person.readPortfolio', { type: 'person', trustId, organisationId: r.organisationId, personId: r.id }).allowed,
    );
    const counts = await portfolioCounts(
      deps.db,
      trustId,
      reports.map((r) => r.id),
      year,
    );
    for (const r of reports) {
      const c = counts.get(r.id);
      members.push({
        id: r.id,
        name: r.name,
        jobTitle: r.jobTitle,
        evidenceAwaitingDecision: c?.evidenceAwaitingDecision ?? 0,
        hltaMet: hlta.filter((i) => c?.judgements.get(i.code) === 'met').length,
        hltaTotal: hlta.length,
        cpdMinutesInYear: c?.cpdMinutesInYear ?? 0,
        trainingExpired: trainingStatus(c?.training ?? [], today).trainingExpired,
        reviewStage: c?.reviewStage ?? null,
      });
    }
  }
  return { academicYear: year.name, members };
};
