import type { PersonState } from '../../contracts/person-state.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { Requirement } from '../../framework/schema.ts';
import { evaluate } from '../requirements/index.ts';
import type { GatewayEnrolmentFacts } from './gateway.ts';
import { type GatewayPlan, gatewayContext, gatewayItemMet } from './gateway-plan.ts';
import { type InputKey, inputKeyOf } from './requirement-inputs.ts';

/**
 * Where many enrolments stand against Gateway to Completion, as a list needs it: ready or not, and
 * how many items are unmet (gatewayReadiness gives one enrolment's items with their evidence and next
 * actions). The same interpreter decides each item; a rule is evaluated once per distinct input it
 * reads (requirement-inputs.ts), so a caseload of thousands evaluates each rule a few times.
 */

export type GatewayStanding = { ready: boolean; unmet: number };

/** A memo for one list against one catalogue: call the returned function once per enrolment. */
export const gatewayStandings = (catalogue: Catalogue) => {
  const byRule = new Map<Requirement, { keyOf: InputKey; met: Map<string, boolean> }>();
  return (
    plan: Extract<GatewayPlan, { applies: true }>,
    state: PersonState,
    enrolment: Pick<GatewayEnrolmentFacts, 'priorLearningItems'>,
  ): GatewayStanding => {
    const context = gatewayContext(state, plan, enrolment);
    let unmet = 0;
    for (const { requirement } of plan.rules) {
      let rule = byRule.get(requirement);
      if (!rule) {
        rule = { keyOf: inputKeyOf(requirement, catalogue), met: new Map() };
        byRule.set(requirement, rule);
      }
      const key = rule.keyOf(state, context);
      let met = rule.met.get(key);
      if (met === undefined) {
        met = gatewayItemMet(evaluate(requirement, state, catalogue, context));
        rule.met.set(key, met);
      }
      if (!met) unmet++;
    }
    return { ready: unmet === 0, unmet };
  };
};
