import { JudgementValue, type PersonState } from '../../contracts/person-state.ts';
import type { PortfolioFacts } from '../../domain/portfolio-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { stateOfSubject } from '../progression/stored-person.ts';

/**
 * The person states of a caseload's apprentices, each the one stateOfSubject builds (what the
 * enrolment page evaluates), without parsing and checking a whole state per apprentice. Everything
 * but the judgements (graded role, phase, nation, specialisms, achievements, flags) is shared by
 * many apprentices, so stateOfSubject builds it once per distinct set, with no judgements; each
 * apprentice's judgements are then checked as resolvePersonState checks them (a known catalogue item,
 * a judgement value). An apprentice with a judgement it would refuse takes stateOfSubject whole, which
 * decides what to leave out.
 */
export const caseloadPersonStates = (catalogue: Catalogue) => {
  const shared = new Map<string, PersonState>();
  const values = new Set<string>(JudgementValue.options);
  return (subject: ProgressionSubject, facts: PortfolioFacts): PersonState => {
    const judgements: Record<string, JudgementValue> = {};
    for (const j of facts.judgements) {
      if (!values.has(j.value) || catalogue.item(j.itemCode) === undefined) return stateOfSubject(subject, catalogue, facts).state;
      judgements[j.itemCode] = j.value;
    }
    // The state's inputs other than the judgements (the subject's id and name are not part of a state).
    const key = JSON.stringify([
      subject.gradedRole,
      subject.phase,
      subject.nation,
      subject.specialisms,
      facts.achievements,
      facts.flags,
      facts.specialisms ?? null,
    ]);
    let base = shared.get(key);
    if (!base) {
      base = stateOfSubject(subject, catalogue, { ...facts, judgements: [] }).state;
      shared.set(key, base);
    }
    return { ...base, judgements };
  };
};
