import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import { AdultLevel, type GradeScheme, type Nation, type Subject } from '../framework/schema.ts';

/**
 * Normalising subject grades through the grade schemes in the framework data.
 * Equivalence is not acceptance: a `subjectLevel` rule accepts any scheme whose grade maps to
 * the level, a `subjectGrade` rule only the schemes it lists, compared by position in the
 * scheme's grade list (highest first).
 */

export type SubjectGradeHeld = { subject: Subject; scheme: string; grade: string };

const adultOrder: readonly AdultLevel[] = AdultLevel.options;

/** Position of an adult level, lowest (pre-entry) first. */
export const adultLevelRank = (level: AdultLevel): number => adultOrder.indexOf(level);

/** Human name of an adult level: `Entry Level 3`, `Level 2`. */
export const adultLevelName = (level: AdultLevel): string =>
  level === 'PE' ? 'Pre-entry' : level.startsWith('E') ? `Entry Level ${level.slice(1)}` : `Level ${level.slice(1)}`;

/** The subject grades a person holds. */
export const subjectGradesOf = (state: PersonState, subject: Subject): SubjectGradeHeld[] =>
  state.achievements.flatMap((a) => ('grade' in a && a.subject === subject ? [a] : []));

const gradeIndex = (scheme: GradeScheme, grade: string): number => scheme.grades.findIndex((g) => g.grade === grade);

/** The adult skills level a grade corresponds to, or null (below entry, or unknown scheme/grade). */
export const adultLevelOf = (held: SubjectGradeHeld, catalogue: Catalogue): AdultLevel | null => {
  const scheme = catalogue.gradeScheme(held.scheme);
  if (!scheme) return null;
  return scheme.grades[gradeIndex(scheme, held.grade)]?.level ?? null;
};

/** Held grades that reach an adult level through any scheme's equivalence. */
export const gradesAtLevel = (state: PersonState, subject: Subject, atLeast: AdultLevel, catalogue: Catalogue): SubjectGradeHeld[] =>
  subjectGradesOf(state, subject).filter((held) => {
    const level = adultLevelOf(held, catalogue);
    return level !== null && adultLevelRank(level) >= adultLevelRank(atLeast);
  });

/** The best adult level a person holds in a subject, or null. */
export const bestAdultLevel = (state: PersonState, subject: Subject, catalogue: Catalogue): AdultLevel | null =>
  subjectGradesOf(state, subject).reduce<AdultLevel | null>((best, held) => {
    const level = adultLevelOf(held, catalogue);
    return level !== null && (best === null || adultLevelRank(level) > adultLevelRank(best)) ? level : best;
  }, null);

/**
 * Whether one held grade reaches `atLeast` in one of the listed schemes. Within a scheme that
 * lists `atLeast` the comparison is by position; for a listed scheme that does not (GCSE legacy
 * letters against a 9–1 grade) the threshold is the adult level of `atLeast` in the first listed
 * scheme that has it.
 */
export const reachesGrade = (held: SubjectGradeHeld, atLeast: string, schemes: readonly string[], catalogue: Catalogue): boolean => {
  if (!schemes.includes(held.scheme)) return false;
  const scheme = catalogue.gradeScheme(held.scheme);
  if (!scheme) return false;
  const position = gradeIndex(scheme, held.grade);
  if (position < 0) return false;
  const threshold = gradeIndex(scheme, atLeast);
  if (threshold >= 0) return position <= threshold;
  const reference = schemes.map((id) => catalogue.gradeScheme(id)).find((s) => s !== undefined && gradeIndex(s, atLeast) >= 0);
  const referenceLevel = reference?.grades[gradeIndex(reference, atLeast)]?.level;
  const level = scheme.grades[position]?.level;
  return referenceLevel != null && level != null && adultLevelRank(level) >= adultLevelRank(referenceLevel);
};

/** Held grades that satisfy a `subjectGrade` rule. */
export const gradesReaching = (
  state: PersonState,
  subject: Subject,
  atLeast: string,
  schemes: readonly string[],
  catalogue: Catalogue,
): SubjectGradeHeld[] => subjectGradesOf(state, subject).filter((held) => reachesGrade(held, atLeast, schemes, catalogue));

/**
 * An example grade that would reach an adult level, from the schemes for the person's nation
 * (used for actions such as "e.g. Functional Skills Level 2", and by the route planner).
 * Prefers a scheme of the nation, then any scheme; the lowest grade at or above the level.
 */
export const exampleGradeForLevel = (
  subject: Subject,
  atLeast: AdultLevel,
  nation: Nation,
  catalogue: Catalogue,
): { scheme: GradeScheme; grade: string } | undefined => {
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []).filter((s) => s.subjects.includes(subject));
  const ordered = [...schemes.filter((s) => s.nations.includes(nation)), ...schemes.filter((s) => !s.nations.includes(nation))];
  for (const scheme of ordered) {
    const reaching = scheme.grades.filter((g) => g.level !== null && adultLevelRank(g.level) >= adultLevelRank(atLeast));
    const lowest = reaching.at(-1);
    if (lowest) return { scheme, grade: lowest.grade };
  }
  return undefined;
};
