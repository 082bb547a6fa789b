import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import {
  EXPIRING_WITHIN_DAYS,
  progressOf,
  type StandardSetProgress,
  standardSetsOf,
  trainingStatus,
  yearOf,
} from '../../domain/portfolio-progress.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import { type PortfolioCounts, portfolioCounts } from '../../store/team.ts';
import type { PortfolioDeps } from './deps.ts';
import { loadPortfolioSubject } from './portfolio-subject.ts';

/** Something the person (or their manager) should look at next, with where to do it. */
export type NextStep = { text: string; href: string };

export type PortfolioOverview = {
  person: { id: string; name: string };
  sets: StandardSetProgress[];
  next: NextStep[];
  counts: Omit<PortfolioCounts, 'judgements' | 'training'> & { trainingExpired: number; trainingExpiringSoon: number };
  academicYear: string;
};

/** A person's portfolio at a glance: progress per standard set, what to do next, and where (person.readPortfolio). */
export const portfolioOverview = async (deps: PortfolioDeps, actor: Actor | Anonymous, personId: string): Promise<PortfolioOverview> => {
  const { subject, state } = await loadPortfolioSubject(deps, actor, personId, 'person.readPortfolio');
  const today = schoolDateOf(deps.clock());
  const year = yearOf(today);
  const all = await portfolioCounts(deps.db, subject.trustId, [subject.id], year);
  const counts = all.get(subject.id);
  const judgements = counts?.judgements ?? new Map<string, string>();
  const sets = progressOf(standardSetsOf(deps.catalogue, state.role, state.option), judgements);
  const training = trainingStatus(counts?.training ?? [], today);
  const base = `/people/${subject.id}/portfolio`;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const next: NextStep[] = [
    ...(counts?.evidenceReturned
      ? [
          {
            text: `${plural(counts.evidenceReturned, 'evidence item has', 'evidence items have')} claims returned for more work`,
            href: `${base}/evidence`,
          },
        ]
      : []),
    ...(counts?.evidenceDrafts
      ? [{ text: `${plural(counts.evidenceDrafts, 'draft', 'drafts')} not yet submitted`, href: `${base}/evidence` }]
      : []),
    ...(counts?.evidenceAwaitingDecision
      ? [
          {
            text: `${plural(counts.evidenceAwaitingDecision, 'evidence item is', 'evidence items are')} awaiting a decision`,
            href: `${base}/evidence`,
          },
        ]
      : []),
    ...(training.trainingExpired > 0
      ? [
          {
            text: `${plural(training.trainingExpired, 'training record is', 'training records are')} out of date`,
            href: `${base}/training`,
          },
        ]
      : []),
    ...(training.trainingExpiringSoon > 0
      ? [
          {
            text: `${plural(training.trainingExpiringSoon, 'training record expires', 'training records expire')} within ${EXPIRING_WITHIN_DAYS} days`,
            href: `${base}/training`,
          },
        ]
      : []),
    counts?.reviewStage
      ? { text: `Performance review ${year.name}: ${counts.reviewStage.replace(/-/g, ' ')} stage`, href: `${base}/reviews` }
      : { text: `No performance review started for ${year.name}`, href: `${base}/reviews` },
  ];
  return {
    person: { id: subject.id, name: subject.name },
    sets,
    next,
    academicYear: year.name,
    counts: {
      personId: subject.id,
      evidenceDrafts: counts?.evidenceDrafts ?? 0,
      evidenceAwaitingDecision: counts?.evidenceAwaitingDecision ?? 0,
      evidenceReturned: counts?.evidenceReturned ?? 0,
      cpdMinutesInYear: counts?.cpdMinutesInYear ?? 0,
      reviewStage: counts?.reviewStage ?? null,
      ...training,
    },
  };
};
