import type { PersonState } from '../contracts/person-state.ts';
import type { Catalogue } from '../framework/catalogue.ts';
import type { Qualification, QualificationLevel } from '../framework/schema.ts';

/** Pure helpers reading a person's achievements against the catalogue. */

/** Orders qualification levels: Entry 1–3 below Level 1. */
export const qualificationLevelRank = (level: QualificationLevel): number =>
  typeof level === 'number' ? level : Number(level.slice(1)) - 4;

/** Human name of a qualification level: `Entry Level 3`, `Level 5`. */
export const qualificationLevelName = (level: QualificationLevel): string =>
  typeof level === 'number' ? `Level ${level}` : `Entry Level ${level.slice(1)}`;

/** Catalogue qualifications the person holds. */
export const heldQualifications = (state: PersonState, catalogue: Catalogue): Qualification[] =>
  state.achievements.flatMap((a) => {
    const q = 'qualification' in a ? catalogue.qualification(a.qualification) : undefined;
    return q ? [q] : [];
  });

/** Whether the person holds a qualification: by id, or by a degree of the same kind at its level or above. */
export const holdsQualification = (state: PersonState, id: string, catalogue: Catalogue): boolean => {
  if (state.achievements.some((a) => 'qualification' in a && a.qualification === id)) return true;
  const q = catalogue.qualification(id);
  if (q?.scheme !== 'higher-education') return false;
  return state.achievements.some((a) => 'degree' in a && a.degree === q.kind && a.level >= qualificationLevelRank(q.level));
};

/** Whether the person holds a status (HLTA status). */
export const holdsStatus = (state: PersonState, id: string): boolean => state.achievements.some((a) => 'status' in a && a.status === id);
