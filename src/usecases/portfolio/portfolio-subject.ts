import type { PersonState } from '../../contracts/person-state.ts';
import type { Action } from '../../domain/policy/actions.ts';
import type { Actor, Anonymous } from '../../domain/policy/actor.ts';
import { portfolioState } from '../../domain/portfolio-state.ts';
import type { EvaluationContext } from '../../domain/requirements/index.ts';
import { achievements } from '../../store/achievements.ts';
import type { ProgressionSubject } from '../../store/duty-profiles.ts';
import { judgements } from '../../store/judgements.ts';
import { specialismRecords } from '../../store/specialisms.ts';
import { loadSubject, stateOfSubject } from '../progression/stored-person.ts';
import type { PortfolioDeps } from './deps.ts';

/** A person whose portfolio is being looked at, their person state (with stored achievements and judgements) and evaluation context. */
export type PortfolioSubject = {
  subject: ProgressionSubject;
  state: PersonState;
  context: EvaluationContext;
};

/**
 * Authorizes the action on the person (unknown ids: not found; refusals audited) and builds their
 * person state from the stored record, achievements and current judgements, so requirements
 * evaluate against what the portfolio holds.
 */
export const loadPortfolioSubject = async (
  deps: PortfolioDeps,
  actor: Actor | Anonymous,
  personId: string,
  action: Action,
): Promise<PortfolioSubject> => {
  const subject = await loadSubject(deps, actor, personId, action);
  const store = achievements(deps.db);
  const [held, flags, current, confirmed] = await Promise.all([
    store.listFor(subject.trustId, subject.id),
    store.flags(subject.trustId, subject.id),
    judgements(deps.db).current(subject.trustId, subject.id),
    specialismRecords(deps.db).lettersWith(subject.trustId, subject.id, 'confirmed'),
  ]);
  // Specialisms count once the line manager has confirmed them (or the staff record has them).
  const { state: base } = stateOfSubject(subject, deps.catalogue, {
    achievements: [],
    flags,
    judgements: [],
    specialisms: { confirmed, awaiting: [] },
  });
  const { state } = portfolioState({
    achievements: held.map((a) => a.details),
    flags,
    judgements: current,
  });
  return {
    subject,
    state: { ...base, ...state },
    context: { phase: base.phase, nation: base.nation, ...(base.option ? { option: base.option } : {}) },
  };
};
