import { academicYearBounds, academicYearOf } from '../../domain/academic-year.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { itemsOfSet } from '../../domain/requirements/index.ts';
import { schoolDateOf } from '../../domain/school-date.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { CompetencyItem } from '../../framework/schema.ts';
import { type PortfolioCounts, portfolioCounts } from '../../store/team.ts';
import type { PortfolioDeps } from './deps.ts';
import { loadPortfolioSubject } from './portfolio-subject.ts';

/** How far a person has got with one set of standards: current judgements counted. */
export type StandardSetProgress = { key: string; title: string; total: number; met: number; developing: number; notStarted: number };

/** Something the person (or their manager) should look at next, with where to do it. */
export type NextStep = { text: string; href: string };

export type PortfolioOverview = {
  person: { id: string; name: string };
  sets: StandardSetProgress[];
  next: NextStep[];
  counts: Omit<PortfolioCounts, 'judgements' | 'training'> & { trainingExpired: number; trainingExpiringSoon: number };
  academicYear: string;
};

/** Training due within this many days counts as expiring soon. */
export const EXPIRING_WITHIN_DAYS = 60;

/**
 * The standard sets a portfolio tracks: the HLTA standards, the ST1414 KSBs (core plus the person's
 * option when one is known), the Associate Teacher duties and the duties of the person's NJC role.
 */
export const standardSetsOf = (catalogue: Catalogue, role: string | undefined, option: string | undefined) => {
  const titleOf = (id: string) => catalogue.framework(id)?.title ?? id;
  const roleOf = role ? catalogue.role(role) : undefined;
  const sets: { key: string; title: string; items: CompetencyItem[] }[] = [
    { key: 'hlta', title: titleOf('hlta-standards'), items: catalogue.items({ framework: 'hlta-standards', kind: 'standard' }) },
    {
      key: 'st1414',
      title: `${titleOf('st1414')}: knowledge, skills and behaviours${option ? ` (${option})` : ''}`,
      items: itemsOfSet({ framework: 'st1414', kinds: ['knowledge', 'skill', 'behaviour'] }, option, catalogue),
    },
    {
      key: 'associate-teacher',
      title: `${titleOf('associate-teacher-l5')}: duties`,
      items: catalogue.items({ framework: 'associate-teacher-l5', kind: 'duty' }),
    },
    ...(roleOf
      ? [{ key: 'role', title: `${roleOf.title}: duties`, items: catalogue.children(roleOf.id).filter((i) => i.kind === 'duty') }]
      : []),
  ];
  return sets.filter((s) => s.items.length > 0);
};

/** Counts met / developing / not started of each set from current judgements. */
export const progressOf = (sets: ReturnType<typeof standardSetsOf>, judgements: ReadonlyMap<string, string>): StandardSetProgress[] =>
  sets.map((set) => {
    const met = set.items.filter((i) => judgements.get(i.code) === 'met').length;
    const developing = set.items.filter((i) => judgements.get(i.code) === 'developing').length;
    return { key: set.key, title: set.title, total: set.items.length, met, developing, notStarted: set.items.length - met - developing };
  });

const addDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** Training out of date (expired before today) and expiring within the window. */
export const trainingStatus = (training: PortfolioCounts['training'], today: string) => ({
  trainingExpired: training.filter((t) => t.expiresOn !== null && t.expiresOn < today).length,
  trainingExpiringSoon: training.filter(
    (t) => t.expiresOn !== null && t.expiresOn >= today && t.expiresOn <= addDays(today, EXPIRING_WITHIN_DAYS),
  ).length,
});

/** The academic year of a day, with its bounds. */
export const yearOf = (today: string) => {
  const name = academicYearOf(today);
  return { name, ...academicYearBounds(name) };
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
