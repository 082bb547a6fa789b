import type { Catalogue } from '../../framework/catalogue.ts';
import type { Framework, Qualification } from '../../framework/schema.ts';
import { addDays, addMonths } from './calendar.ts';

/**
 * The programmes a person can be enrolled on, read from the catalogue: apprenticeship standards
 * (built in or imported), legacy apprenticeship framework pathways, and degree programmes taken
 * through an apprenticeship. Options come from the standard's data (a role's options), so any
 * imported standard works with no code change.
 */

export type ProgrammeKind = 'standard' | 'framework-pathway' | 'degree-programme';

export type Programme = {
  id: string;
  title: string;
  level: number | null;
  kind: ProgrammeKind;
  /** The framework (data file or imported standard version) that holds it: its KSBs and rules. */
  frameworkId: string;
  /** The framework is superseded (a legacy pathway people still finish). */
  superseded: boolean;
  options: { id: string; title: string }[];
  /** The typical duration in months, where the data gives one (it sets the default planned end). */
  typicalMonths: number | null;
  /** The standard version's fixed off-the-job minimum, where the data holds it. */
  offTheJobMinimumHours: { value: number; source: string } | null;
};

const kindOf = (q: Qualification): ProgrammeKind | null => {
  if (q.scheme === 'apprenticeship-standard') return 'standard';
  if (q.scheme === 'apprenticeship-framework') return 'framework-pathway';
  if (q.kind === 'apprenticeship') return 'degree-programme';
  return null;
};

const sourceOf = (q: Qualification): string => {
  const p = q.offTheJobMinimumHours?.provenance as { source?: string; seed?: string; origin?: string } | undefined;
  return p?.source ?? p?.seed ?? p?.origin ?? 'the standard’s data';
};

const programmeOf = (q: Qualification, framework: Framework): Programme | null => {
  const kind = kindOf(q);
  if (!kind) return null;
  return {
    id: q.id,
    title: q.title,
    level: typeof q.level === 'number' ? q.level : null,
    kind,
    frameworkId: framework.id,
    superseded: framework.status === 'superseded' || framework.status === 'closed',
    options: (framework.roles ?? []).flatMap((r) => (r.options ?? []).map((o) => ({ id: o.id, title: o.title }))),
    typicalMonths: q.durationMonths?.value ?? null,
    offTheJobMinimumHours: q.offTheJobMinimumHours ? { value: q.offTheJobMinimumHours.value, source: sourceOf(q) } : null,
  };
};

/** One programme by its qualification id, or undefined when the catalogue has none (or it is not enrollable). */
export const programmeById = (catalogue: Catalogue, id: string): Programme | undefined => {
  const entry = catalogue.entry(id);
  if (entry?.type !== 'qualification') return undefined;
  return programmeOf(entry.qualification, entry.framework) ?? undefined;
};

/** Every enrollable programme, current standards first, then by title. A replaced imported version is left out: its newest version answers. */
export const programmes = (catalogue: Catalogue): Programme[] => {
  const seen = new Set<string>();
  const out: Programme[] = [];
  for (const { qualification, framework } of catalogue.qualifications()) {
    if (seen.has(qualification.id)) continue;
    const current = catalogue.entry(qualification.id);
    if (current?.type !== 'qualification' || current.framework.id !== framework.id) continue;
    const p = programmeOf(qualification, framework);
    if (!p) continue;
    seen.add(p.id);
    out.push(p);
  }
  return out.sort((a, b) => Number(a.superseded) - Number(b.superseded) || a.title.localeCompare(b.title));
};

/** The planned end date from the typical duration (the day before the same date that many months on), or null where the data gives no duration. */
export const defaultPlannedEnd = (programme: Programme, startDate: string): string | null =>
  programme.typicalMonths === null ? null : addDays(addMonths(startDate, Math.round(programme.typicalMonths)), -1);

export type ProgrammeProblem = { where: string; reason: string };

/** Whether the programme and option make an enrolment: the option is required where the standard has options and refused where it has none. */
export const programmeProblems = (catalogue: Catalogue, programmeId: string, optionCode: string | null): ProgrammeProblem[] => {
  const programme = programmeById(catalogue, programmeId);
  if (!programme)
    return [
      { where: 'programme', reason: `no apprenticeship standard, framework pathway or degree programme ${programmeId} in the catalogue` },
    ];
  const ids = programme.options.map((o) => o.id);
  if (ids.length > 0 && optionCode === null)
    return [{ where: 'optionCode', reason: `${programme.title} has options (${ids.join(', ')}): choose one` }];
  if (ids.length === 0 && optionCode !== null) return [{ where: 'optionCode', reason: `${programme.title} has no options` }];
  if (optionCode !== null && !ids.includes(optionCode))
    return [{ where: 'optionCode', reason: `${programme.title} has no option ${optionCode} (its options: ${ids.join(', ')})` }];
  return [];
};
