import type { Catalogue } from '../../framework/catalogue.ts';
import { adultLevelRank } from '../subject-levels.ts';

/**
 * The framework facts the workforce dashboard's SQL needs, taken from the catalogue (rules as data):
 * the level of each catalogue qualification, the subject grades that reach Level 2 through the
 * adult-skills equivalences (the same equivalence `subjectLevel` rules use), the statuses counted as
 * HLTA status, and the graded roles in ladder order. Pure: the store turns these into VALUES lists.
 */
export type DashboardReference = {
  /** Catalogue qualification id → its level (Entry levels count as 0). */
  qualificationLevels: readonly { id: string; level: number }[];
  /** Subject grades at Level 2 or above, by grade scheme. */
  level2Grades: readonly { scheme: string; grade: string }[];
  hltaStatusIds: readonly string[];
  /** Support-staff graded roles, lowest level first (teachers left out: they are not graded support staff). */
  gradedRoles: readonly { id: string; title: string; level: number }[];
};

/**
 * Full-time hours a week for FTE: the NJC Green Book's standard working week of 37 hours, the
 * basis school support staff contracts are pro-rated from. FTE here is contracted hours a week
 * divided by it (term-time weeks change pay, not FTE, as in the School Workforce Census).
 */
export const FULL_TIME_HOURS_PER_WEEK = 37;

/** Entry levels (E1–E3) sit below Level 1; the dashboard groups them as level 0, "Entry level". */
const numericLevel = (level: number | 'E1' | 'E2' | 'E3'): number => (typeof level === 'number' ? level : 0);

export const dashboardReferenceOf = (catalogue: Catalogue): DashboardReference => {
  const level2 = adultLevelRank('L2');
  const schemes = catalogue.frameworks.flatMap((f) => f.gradeSchemes ?? []);
  return {
    qualificationLevels: catalogue
      .qualifications()
      .map(({ qualification }) => ({ id: qualification.id, level: numericLevel(qualification.level) })),
    level2Grades: schemes.flatMap((s) =>
      s.grades.filter((g) => g.level !== null && adultLevelRank(g.level) >= level2).map((g) => ({ scheme: s.id, grade: g.grade })),
    ),
    hltaStatusIds: catalogue.frameworks.flatMap((f) => (f.statuses ?? []).map((s) => s.id)),
    gradedRoles: catalogue
      .roles()
      .filter(({ role }) => role.track !== 'teacher')
      .map(({ role }) => ({ id: role.id, title: role.title, level: role.level.value }))
      .sort((a, b) => a.level - b.level || a.id.localeCompare(b.id)),
  };
};

/** The words for a highest qualification level. */
export const qualificationLevelName = (level: number | null): string =>
  level === null ? 'No qualification recorded' : level === 0 ? 'Entry level' : `Level ${level}`;
