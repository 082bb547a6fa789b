import type { Achievement, JudgementValue, PersonState } from '../contracts/person-state.ts';
import type { AchievementDetails } from '../contracts/portfolio/achievement.ts';

/**
 * The stored portfolio as the progression engine sees it: each stored achievement becomes the
 * person-state achievement the requirement interpreter reads, and the current judgements become the
 * item → judgement map. Entered qualifications with no credits (or at Entry level, where credits do
 * not count) have no person-state shape, so they are reported as left out rather than guessed at.
 */

/** The person-state achievement for one stored achievement, or undefined when the engine has no shape for it. */
export const stateAchievementOf = (details: AchievementDetails): Achievement | undefined => {
  switch (details.kind) {
    case 'qualification':
      if (details.qualificationId !== undefined) return { qualification: details.qualificationId };
      if (details.credits !== undefined && typeof details.level === 'number')
        return { units: [{ level: details.level, credits: details.credits }] };
      return undefined;
    case 'unit':
      return { units: [{ level: details.level, credits: details.credits, ...(details.code ? { code: details.code } : {}) }] };
    case 'subject':
      return { subject: details.subject, scheme: details.scheme, grade: details.grade };
    case 'degree':
      return {
        degree: details.degree,
        level: details.level,
        credits: details.credits,
        ...(details.subject ? { subject: details.subject } : {}),
      };
    case 'status':
      return { status: details.status, kind: details.statusKind ?? 'school-recognition' };
  }
};

export type PortfolioFacts = {
  achievements: readonly AchievementDetails[];
  flags: { ehcpOrStatement: boolean; bsl: boolean };
  judgements: readonly { itemCode: string; value: JudgementValue }[];
  /** Recorded specialisms: confirmed by the line manager (they count) and still awaiting confirmation (they do not, yet). */
  specialisms?: { confirmed: readonly string[]; awaiting: readonly string[] };
};

/** The parts of a person state the portfolio provides, with the titles of achievements left out. */
export const portfolioState = (
  facts: PortfolioFacts,
): { state: Pick<PersonState, 'achievements' | 'judgements' | 'flags'>; counted: number; leftOut: string[] } => {
  const achievements: Achievement[] = [];
  const leftOut: string[] = [];
  for (const details of facts.achievements) {
    const achievement = stateAchievementOf(details);
    if (achievement) achievements.push(achievement);
    else leftOut.push('title' in details && details.title ? details.title : details.kind);
  }
  const judgements: Record<string, JudgementValue> = {};
  for (const j of facts.judgements) judgements[j.itemCode] = j.value;
  return { state: { achievements, judgements, flags: { ...facts.flags } }, counted: achievements.length, leftOut };
};
