import type { PersonState } from '../../contracts/person-state.ts';
import type { ApprenticeshipRules } from '../../framework/apprenticeship-rules.ts';
import type { Catalogue } from '../../framework/catalogue.ts';
import type { GatewayRules, GatewayVersion } from '../../framework/gateway-rules.ts';
import type { Requirement } from '../../framework/schema.ts';
import { contextFor } from '../gap.ts';
import type { EvaluationContext, EvaluationNode } from '../requirements/index.ts';
import { addMonths, dayNumber } from './calendar.ts';
import { daysOnProgramme } from './enrolment-status.ts';
import type { GatewayEnrolmentFacts } from './gateway.ts';
import { type OffTheJobMinimum, type OffTheJobRefusal, offTheJobMinimum, offTheJobRuleFor } from './off-the-job-minimum.ts';
import { plannedMonthsBetween } from './off-the-job-status.ts';
import type { Programme } from './programme.ts';

/**
 * The parts of Gateway to Completion readiness that the enrolment page (one enrolment, every item
 * with its evidence and next actions) and the caseload (thousands of rows: only ready or not, and how
 * many items are unmet) share: which rules apply to a programme on a day, the off-the-job minimum and
 * the minimum duration of an enrolment, and the person state the rules are evaluated against.
 * gatewayReadiness is built from them, so the two views cannot disagree. Pure.
 */

/** The rules a programme's enrolments are checked against on a day: the standard's own gateway rules, then the version's. */
export type GatewayPlan =
  | {
      applies: true;
      version: GatewayVersion;
      rules: readonly { id: string; requirement: Requirement }[];
      /** The day the readiness is checked: parts of a rule that took effect later do not count. */
      on: string;
    }
  | { applies: false; reason: string };

/** The version in force on a day (both ends inclusive). */
export const gatewayVersionOn = (rules: GatewayRules, day: string): GatewayVersion | undefined =>
  rules.versions.find((v) => v.effectiveFrom <= day && (v.effectiveTo === null || day <= v.effectiveTo));

/** The plan of a programme on a day (the same for every enrolment on it, so a caseload works it out once per programme). */
export const gatewayPlanFor = (catalogue: Catalogue, gatewayRules: GatewayRules, programme: Programme, today: string): GatewayPlan => {
  const excluded = gatewayRules.notApplicable.find((n) => n.programmeKind === programme.kind);
  if (excluded) return { applies: false, reason: excluded.reason };
  // For days after every version, the latest one.
  const version = gatewayVersionOn(gatewayRules, today) ?? gatewayRules.versions.at(-1);
  if (!version) return { applies: false, reason: 'No Gateway to Completion rules are held.' };
  return {
    applies: true,
    version,
    on: today,
    rules: [
      ...catalogue.requirementsFor(programme.id, 'gateway').map((r) => ({ id: r.id, requirement: r.requirement })),
      ...version.requirements,
    ],
  };
};

/** The off-the-job minimum of an enrolment: the rule its start date chooses, with the enrolment's fixed minimum (else the catalogue's). */
export const enrolmentOffTheJobMinimum = (
  fundingRules: ApprenticeshipRules,
  programme: Pick<Programme, 'offTheJobMinimumHours'> | undefined,
  facts: Pick<GatewayEnrolmentFacts, 'startDate' | 'plannedEndDate' | 'contractedHoursPerWeek' | 'priorLearningHours' | 'fixedMinimum'>,
): OffTheJobMinimum | OffTheJobRefusal => {
  const fixed =
    facts.fixedMinimum ??
    (programme?.offTheJobMinimumHours
      ? { hours: programme.offTheJobMinimumHours.value, source: programme.offTheJobMinimumHours.source }
      : null);
  return offTheJobMinimum(fundingRules, {
    startDate: facts.startDate,
    contractedHoursPerWeek: facts.contractedHoursPerWeek,
    plannedMonths: plannedMonthsBetween(facts.startDate, facts.plannedEndDate),
    priorLearningHours: facts.priorLearningHours,
    ...(fixed ? { fixedMinimumHours: fixed.hours, fixedMinimumSource: fixed.source } : {}),
  });
};

export type GatewayDuration = { months: number | null; daysNeeded: number | null; daysSoFar: number; met: boolean };

/** The minimum duration: the rule's minimum months (extended pro rata below full time where the rule says so), breaks left out. */
export const gatewayDuration = (
  fundingRules: ApprenticeshipRules,
  facts: Pick<GatewayEnrolmentFacts, 'startDate' | 'contractedHoursPerWeek' | 'breaks' | 'today'>,
): GatewayDuration => {
  const rule = offTheJobRuleFor(fundingRules, facts.startDate);
  const months =
    rule === undefined
      ? null
      : rule.kind === 'weekly-hours' &&
          rule.parameters.extendMinimumMonthsBelowFullTime &&
          facts.contractedHoursPerWeek < rule.parameters.fullTimeHoursPerWeek
        ? (rule.parameters.minimumMonths * rule.parameters.fullTimeHoursPerWeek) / facts.contractedHoursPerWeek
        : rule.parameters.minimumMonths;
  const daysNeeded = months === null ? null : dayNumber(addMonths(facts.startDate, Math.ceil(months))) - dayNumber(facts.startDate);
  const daysSoFar = daysOnProgramme(facts.startDate, facts.today, facts.breaks);
  return { months, daysNeeded, daysSoFar, met: daysNeeded !== null && daysSoFar >= daysNeeded };
};

/** Whether the approved hours reach the minimum (never, where there is no minimum). */
export const offTheJobMinimumMet = (minimum: OffTheJobMinimum | OffTheJobRefusal, approvedHours: number): boolean =>
  minimum.ok && approvedHours >= minimum.minimumHours;

/** The person state the gateway rules read: the portfolio's, with the enrolment's facts as the option, the age at start and flags. */
export const gatewayPersonState = (
  person: PersonState,
  facts: Pick<GatewayEnrolmentFacts, 'optionCode' | 'startDate' | 'ageAtStart' | 'employerConfirmed' | 'providerConfirmed'>,
  met: { duration: boolean; offTheJob: boolean },
): PersonState => ({
  ...person,
  ...(facts.optionCode ? { option: facts.optionCode } : {}),
  apprenticeshipStartDate: facts.startDate,
  ageAtApprenticeshipStart: facts.ageAtStart,
  flags: {
    ...person.flags,
    gatewayMinimumDuration: met.duration,
    gatewayOffTheJobMinimum: met.offTheJob,
    gatewayEmployerConfirmed: facts.employerConfirmed,
    gatewayProviderConfirmed: facts.providerConfirmed,
  },
});

/**
 * What the gateway rules are evaluated in: the person's context (the option), the day of the check
 * (so the English and maths waiver counts only from the day it took effect), and the KSBs recognised
 * as prior learning on the enrolment, which count towards "all KSBs met" without a judgement.
 */
export const gatewayContext = (
  state: PersonState,
  plan: Pick<Extract<GatewayPlan, { applies: true }>, 'on'>,
  facts: Pick<GatewayEnrolmentFacts, 'priorLearningItems'>,
): EvaluationContext => ({
  ...contextFor(state),
  on: plan.on,
  ...(facts.priorLearningItems.length > 0 ? { recognised: facts.priorLearningItems } : {}),
});

/** An item counts as met when its rule is, or when the rule is only advice (indicative). */
export const gatewayItemMet = (node: Pick<EvaluationNode, 'status' | 'strength'>): boolean =>
  node.status === 'met' || node.strength === 'indicative';
