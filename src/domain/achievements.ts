import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Qualification, QualificationLevel, StatusKind } from '../framework/schema.ts';

/** Pure helpers reading a person's achievements against the catalogue. */

/** Orders qualification levels: Entry 1–3 below Level 1. */
export const qualificationLevelRank = (level: QualificationLevel): number =>
  typeof level === 'number' ? level : Number(level.slice(1)) - 4;

/** Human name of a qualification level: `Entry Level 3`, `Level 5`. */
export const qualificationLevelName = (level: QualificationLevel): string =>
  typeof level === 'number' ? `Level ${level}` : `Entry Level ${level.slice(1)}`;

/** Catalogue qualifications the person holds: those recorded, and those integrated in them (`isPartOf`: the apprenticeship's Foundation Degree). */
export const heldQualifications = (state: PersonState, catalogue: Catalogue): Qualification[] => {
  const recorded = state.achievements.flatMap((a) => {
    const q = 'qualification' in a ? catalogue.qualification(a.qualification) : undefined;
    return q ? [q] : [];
  });
  const parts = recorded.flatMap((programme) =>
    catalogue.associations({ type: 'isPartOf', to: programme.id }).flatMap((a) => {
      const part = catalogue.qualification(a.from);
      return part && !recorded.includes(part) ? [part] : [];
    }),
  );
  return [...recorded, ...new Set(parts)];
};

/**
 * Whether the person holds a qualification: by id; for one integrated in a programme (`isPartOf`,
 * the Associate Teacher's integrated Foundation Degree) by holding that programme, never by any
 * degree of the same kind; otherwise, for a higher-education qualification, by a degree of the same
 * kind at its level or above.
 */
export const holdsQualification = (state: PersonState, id: string, catalogue: Catalogue): boolean => {
  if (state.achievements.some((a) => 'qualification' in a && a.qualification === id)) return true;
  const q = catalogue.qualification(id);
  const programmes = catalogue.associations({ type: 'isPartOf', from: id }).map((a) => a.to);
  if (programmes.length > 0) return programmes.some((p) => p !== id && holdsQualification(state, p, catalogue));
  if (q?.scheme !== 'higher-education') return false;
  return state.achievements.some((a) => 'degree' in a && a.degree === q.kind && a.level >= qualificationLevelRank(q.level));
};

/**
 * Whether the person holds a status (HLTA status), gained in one of the accepted ways: those a
 * requirement names, else every way the status's data says satisfies it. A status recorded without
 * a kind is a school recognition (the only kind recorded before external assessment was).
 */
export const holdsStatus = (state: PersonState, id: string, catalogue?: Catalogue, accepts?: readonly StatusKind[]): boolean => {
  const kinds = catalogue?.status(id)?.kinds;
  const accepted = accepts ?? kinds?.filter((k) => k.satisfiesStatus).map((k) => k.kind);
  return state.achievements.some(
    (a) => 'status' in a && a.status === id && (accepted === undefined || accepted.includes(a.kind ?? 'school-recognition')),
  );
};

/** The person's age on the day their apprenticeship started: as recorded, or from the date of birth and start date. */
export const ageAtApprenticeshipStart = (state: PersonState): number | undefined => {
  if (state.ageAtApprenticeshipStart !== undefined) return state.ageAtApprenticeshipStart;
  if (!state.dateOfBirth || !state.apprenticeshipStartDate) return undefined;
  const [by, bm, bd] = state.dateOfBirth.split('-').map(Number);
  const [sy, sm, sd] = state.apprenticeshipStartDate.split('-').map(Number);
  if ([by, bm, bd, sy, sm, sd].some((n) => n === undefined || Number.isNaN(n))) return undefined;
  const birthdayPassed = (sm ?? 0) > (bm ?? 0) || (sm === bm && (sd ?? 0) >= (bd ?? 0));
  return (sy ?? 0) - (by ?? 0) - (birthdayPassed ? 0 : 1);
};
