import type { Catalogue } from '../framework/catalogue.ts';
import type { CompetencyItem } from '../framework/schema.ts';
import { academicYearBounds, academicYearOf } from './academic-year.ts';
import { itemsOfSet } from './requirements/index.ts';
import { addDays } from './training/expiry.ts';

/** How far a person has got with one set of standards: current judgements counted. */
export type StandardSetProgress = { key: string; title: string; total: number; met: number; developing: number; notStarted: number };

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

/** Training out of date (expired before today) and expiring within the window. */
export const trainingStatus = (training: readonly { expiresOn: string | null }[], today: string) => ({
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
