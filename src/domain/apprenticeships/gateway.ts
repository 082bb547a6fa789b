import type { PersonState } from '../../contracts/person-state.ts';
import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { GatewayRules, GatewayVersion } from '../../framework/gateway-rules.ts';
import { itemLabel } from '../../framework/item-label.ts';
import type { Requirement } from '../../framework/schema.ts';
import { type EvaluationNode, evaluate } from '../requirements/index.ts';
import type { BreakInLearning } from './calendar.ts';
import {
  enrolmentOffTheJobMinimum,
  gatewayContext,
  gatewayDuration,
  gatewayItemMet,
  gatewayPersonState,
  gatewayPlanFor,
  offTheJobMinimumMet,
} from './gateway-plan.ts';
import type { Programme } from './programme.ts';

/**
 * Gateway to Completion readiness: the standard's own gateway rules (its KSBs for the option, its
 * English and maths rule for the apprentice's age at the start) and the version's common rules
 * (minimum time on programme, off-the-job minimum, employer and provider confirmation), all
 * evaluated by the one requirement interpreter. The enrolment's facts become flags on the person
 * state; nothing here names a programme. Pure: today and the approved hours are passed in.
 */

export type GatewayEnrolmentFacts = {
  startDate: string;
  plannedEndDate: string;
  contractedHoursPerWeek: number;
  ageAtStart: number;
  optionCode: string | null;
  priorLearningHours: number;
  /** KSB codes recognised as prior learning: they count towards "all KSBs met", shown as recognised, not as judged met. */
  priorLearningItems: readonly string[];
  /** The enrolment's entered fixed minimum (else the catalogue's). */
  fixedMinimum: { hours: number; source: string } | null;
  breaks: readonly BreakInLearning[];
  approvedOffTheJobHours: number;
  employerConfirmed: boolean;
  providerConfirmed: boolean;
  today: string;
};

export type GatewayItem = {
  id: string;
  label: string;
  met: boolean;
  evidence: string[];
  /** What to do next, where unmet: the concrete actions of the closest way to meet it. */
  nextActions: string[];
  node: EvaluationNode;
};

export type GatewayReadiness =
  | {
      applies: true;
      version: Pick<GatewayVersion, 'id' | 'title' | 'terms' | 'formerTerms'>;
      ready: boolean;
      items: GatewayItem[];
      offTheJob: { rule: string | null; minimumHours: number | null; approvedHours: number; message: string };
      minimumDuration: { months: number | null; daysNeeded: number | null; daysSoFar: number };
    }
  | { applies: false; reason: string };

export { gatewayVersionOn } from './gateway-plan.ts';

/** Circumstances a person cannot act on: only one who holds them takes that way. */
const circumstantial = (node: EvaluationNode, requirement?: Requirement) =>
  node.type === 'ageAtStart' ||
  node.type === 'not' ||
  (node.type === 'flag' && requirement?.type === 'flag' && (requirement.flag === 'ehcpOrStatement' || requirement.flag === 'bsl'));

/** The unmet actions along the closest way to meet a node (Infinity when every way needs a circumstance). */
const waysOf = (node: EvaluationNode, requirement: Requirement): { cost: number; actions: string[] } => {
  if (node.status === 'met') return { cost: 0, actions: [] };
  // A way that only counts from a later day cannot be taken today, whatever is under it.
  if (node.inForceFrom !== undefined) return { cost: Number.POSITIVE_INFINITY, actions: [] };
  if (node.children.length === 0 || requirement.type === 'when' || requirement.type === 'not') {
    if (circumstantial(node, requirement)) return { cost: Number.POSITIVE_INFINITY, actions: node.action ? [node.action] : [] };
    return { cost: 1, actions: node.action ? [node.action] : [] };
  }
  const of = 'of' in requirement ? requirement.of : [];
  const children = node.children.map((child, i) => waysOf(child, of[i] ?? requirement));
  if (requirement.type === 'anyOf' || requirement.type === 'atLeast') {
    const best = [...children].sort((a, b) => a.cost - b.cost)[0];
    return best && Number.isFinite(best.cost) ? best : { cost: Number.POSITIVE_INFINITY, actions: node.action ? [node.action] : [] };
  }
  return children.reduce((all, c) => ({ cost: all.cost + c.cost, actions: [...all.actions, ...c.actions] }), {
    cost: 0,
    actions: [] as string[],
  });
};

const unique = (list: readonly string[]) => [...new Set(list)];

const MAX_NAMED = 5;
/** Items as people read them ("CODE — statement"), at most five, then how many more. */
const namedItems = (catalogue: Catalogue, codes: readonly string[]) => {
  const named = codes.slice(0, MAX_NAMED).map((code) => itemLabel(catalogue, code).text);
  return codes.length > MAX_NAMED ? `${named.join('; ')} and ${codes.length - MAX_NAMED} more` : named.join('; ');
};

/** The readiness of one enrolment on a programme for Gateway to Completion. */
export const gatewayReadiness = (
  catalogue: Catalogue,
  gatewayRules: GatewayRules,
  fundingRules: ApprenticeshipRules,
  programme: Programme,
  person: PersonState,
  facts: GatewayEnrolmentFacts,
): GatewayReadiness => {
  const plan = gatewayPlanFor(catalogue, gatewayRules, programme, facts.today);
  if (!plan.applies) return { applies: false, reason: plan.reason };
  const { version } = plan;

  // Off-the-job: the minimum from the rule the start date chooses, against the approved hours.
  const minimum = enrolmentOffTheJobMinimum(fundingRules, programme, facts);
  const offTheJobMet = offTheJobMinimumMet(minimum, facts.approvedOffTheJobHours);

  // Minimum duration: the rule's minimum months (extended pro rata below full time where the rule says so), breaks left out.
  const { months, daysNeeded, daysSoFar, met: durationMet } = gatewayDuration(fundingRules, facts);

  const state = gatewayPersonState(person, facts, { duration: durationMet, offTheJob: offTheJobMet });
  const context = gatewayContext(state, plan, facts);
  const items = plan.rules.map(({ id, requirement }): GatewayItem => {
    const node = evaluate(requirement, state, catalogue, context);
    const met = gatewayItemMet(node);
    let nextActions = met ? [] : unique(waysOf(node, requirement).actions);
    // Items still to be judged met, named, where the data's action speaks of them only in general.
    const missing = met ? [] : (node.items?.missing ?? []);
    if (missing.length > 0) nextActions = unique([...nextActions, `have judged met: ${namedItems(catalogue, missing)}`]);
    let evidence = node.evidence;
    if (id === 'gateway-off-the-job') {
      evidence = minimum.ok
        ? [`${facts.approvedOffTheJobHours} approved hours of the ${minimum.minimumHours}-hour minimum (${minimum.rule})`]
        : [minimum.message];
      if (!met && !minimum.ok)
        nextActions = [
          minimum.code === 'fixed_minimum_unknown'
            ? 'enter the standard’s fixed off-the-job minimum from the funding rules, with its source, on the enrolment'
            : minimum.code === 'duration_below_minimum'
              ? 'correct the planned end date: the planned duration is below the rule’s minimum'
              : 'the provider records the off-the-job minimum checked under the rule of the start date',
        ];
    }
    if (id === 'gateway-minimum-duration' && daysNeeded !== null)
      evidence = [
        `${daysSoFar} days on programme, breaks in learning left out; the minimum duration is ${daysNeeded} days (${months === null ? '' : Math.round(months * 100) / 100} months)`,
      ];
    return { id, label: node.label, met, evidence, nextActions, node };
  });
  return {
    applies: true,
    version: { id: version.id, title: version.title, terms: version.terms, formerTerms: version.formerTerms },
    ready: items.every((i) => i.met),
    items,
    offTheJob: {
      rule: minimum.rule ?? null,
      minimumHours: minimum.ok ? minimum.minimumHours : null,
      approvedHours: facts.approvedOffTheJobHours,
      message: minimum.ok ? `minimum ${minimum.minimumHours} hours (${minimum.rule})` : minimum.message,
    },
    minimumDuration: { months, daysNeeded, daysSoFar },
  };
};
