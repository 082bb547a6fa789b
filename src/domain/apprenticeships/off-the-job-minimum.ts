import type { ApprenticeshipRules, OffTheJobRule, Rounding } from '../../framework/apprenticeship-rules.ts';

/**
 * The off-the-job training minimum of an apprenticeship, from the rule version its start date
 * chooses. One interpreter for every version: the rule's kind and parameters (data) decide the
 * calculation, and the result names the rule and gives the reasons step by step.
 */

export type OffTheJobMinimumInput = {
  /** The apprenticeship's start date (ISO); it chooses the rule version. */
  startDate: string;
  contractedHoursPerWeek: number;
  /** The planned duration of the practical period in months, breaks in learning left out. */
  plannedMonths: number;
  /** Hours of recognised prior learning. */
  priorLearningHours?: number;
  /** The standard version's fixed minimum (rules that set one per standard), where known. */
  fixedMinimumHours?: number;
  /** Where the fixed minimum comes from, shown in the reasons (the data's source, or "entered by hand"). */
  fixedMinimumSource?: string;
};

export type OffTheJobMinimum = { ok: true; rule: string; minimumHours: number; reasons: string[] };

export type OffTheJobRefusalCode = 'no_rule_held' | 'fixed_minimum_unknown' | 'duration_below_minimum';
export type OffTheJobRefusal = { ok: false; code: OffTheJobRefusalCode; rule?: string; message: string; reasons: string[] };

const longDate = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const spoken = (iso: string) => longDate.format(new Date(`${iso}T00:00:00Z`));
/** A figure for people: at most two decimals, no trailing zeros. */
const figure = (n: number) => String(Number(n.toFixed(2)));
/** Float noise (6 × 46.4 = 278.40000000000003) must not push a figure over a whole hour. */
const clean = (n: number) => Math.round(n * 1e6) / 1e6;

const rounders = { nearest: Math.round, up: Math.ceil, down: Math.floor } satisfies Record<Rounding, (n: number) => number>;

/** The rule version for a start date: the one whose effective dates (both inclusive) contain it. */
export const offTheJobRuleFor = (rules: ApprenticeshipRules, startDate: string): OffTheJobRule | undefined =>
  rules.offTheJobMinimum.find((rule) => rule.effectiveFrom <= startDate && (rule.effectiveTo === null || startDate <= rule.effectiveTo));

const refuse = (code: OffTheJobRefusalCode, message: string, reasons: string[], rule?: string): OffTheJobRefusal => ({
  ok: false,
  code,
  message,
  reasons,
  ...(rule ? { rule } : {}),
});

const noRule = (rules: ApprenticeshipRules, startDate: string): OffTheJobRefusal => {
  const era = rules.notHeld.filter((n) => startDate <= n.effectiveTo).sort((a, b) => a.effectiveTo.localeCompare(b.effectiveTo))[0];
  const message = era
    ? `No off-the-job rule is held for a start on ${spoken(startDate)}: ${era.description}. ${era.reason}`
    : `No off-the-job rule is held for a start on ${spoken(startDate)}.`;
  return refuse('no_rule_held', message, [message]);
};

/** The shortest planned duration the rule allows for these contracted hours. */
const minimumMonthsFor = (rule: OffTheJobRule, contracted: number, reasons: string[]): number => {
  const base = rule.parameters.minimumMonths;
  if (rule.kind !== 'weekly-hours' || !rule.parameters.extendMinimumMonthsBelowFullTime) return base;
  const full = rule.parameters.fullTimeHoursPerWeek;
  if (contracted >= full) return base;
  const extended = (base * full) / contracted;
  reasons.push(
    `below ${figure(full)} contracted hours the minimum duration of ${figure(base)} months is extended pro rata: ${figure(base)} × ${figure(full)} ÷ ${figure(contracted)} = ${figure(extended)} months`,
  );
  return extended;
};

/** The hours before prior learning, the floor and rounding; undefined when a fixed minimum is needed and unknown. */
const baseHours = (rule: OffTheJobRule, input: OffTheJobMinimumInput, reasons: string[]): number | undefined => {
  switch (rule.kind) {
    case 'weekly-hours': {
      const p = rule.parameters;
      const counted = Math.min(input.contractedHoursPerWeek, p.fullTimeHoursPerWeek);
      const perWeek = (p.hoursPerWeek * counted) / p.fullTimeHoursPerWeek;
      reasons.push(
        input.contractedHoursPerWeek >= p.fullTimeHoursPerWeek
          ? `${figure(input.contractedHoursPerWeek)} contracted hours a week is ${figure(p.fullTimeHoursPerWeek)} or more: ${figure(p.hoursPerWeek)} hours a week`
          : `${figure(input.contractedHoursPerWeek)} contracted hours a week is below ${figure(p.fullTimeHoursPerWeek)}, pro rata: ${figure(input.contractedHoursPerWeek)} ÷ ${figure(p.fullTimeHoursPerWeek)} × ${figure(p.hoursPerWeek)} = ${figure(perWeek)} hours a week`,
      );
      const weeks = (input.plannedMonths / 12) * (p.weeksPerYear - p.leaveWeeksPerYear);
      reasons.push(
        `${figure(input.plannedMonths)} planned months less statutory leave of ${figure(p.leaveWeeksPerYear)} weeks a year: ${figure(input.plannedMonths)} ÷ 12 × (${figure(p.weeksPerYear)} − ${figure(p.leaveWeeksPerYear)}) = ${figure(weeks)} weeks`,
      );
      const total = clean(perWeek * weeks);
      reasons.push(`${figure(perWeek)} hours × ${figure(weeks)} weeks = ${figure(total)} hours`);
      return total;
    }
    case 'fixed-per-standard': {
      if (input.fixedMinimumHours === undefined) return undefined;
      reasons.push(
        `the standard's fixed minimum is ${figure(input.fixedMinimumHours)} hours${input.fixedMinimumSource ? ` (${input.fixedMinimumSource})` : ''}, whatever the contracted hours`,
      );
      return input.fixedMinimumHours;
    }
  }
};

/** The off-the-job minimum for an apprenticeship, or a refusal that says plainly why there is none. */
export const offTheJobMinimum = (rules: ApprenticeshipRules, input: OffTheJobMinimumInput): OffTheJobMinimum | OffTheJobRefusal => {
  const rule = offTheJobRuleFor(rules, input.startDate);
  if (!rule) return noRule(rules, input.startDate);
  const p = rule.parameters;
  const reasons = [
    `${rule.id} applies to starts ${rule.effectiveTo ? `from ${spoken(rule.effectiveFrom)} to ${spoken(rule.effectiveTo)}` : `from ${spoken(rule.effectiveFrom)}`}, and this one started on ${spoken(input.startDate)}: ${rule.title}`,
  ];

  const minimumMonths = minimumMonthsFor(rule, input.contractedHoursPerWeek, reasons);
  if (clean(input.plannedMonths) < clean(minimumMonths)) {
    const message = `The planned duration of ${figure(input.plannedMonths)} months is below the minimum of ${figure(minimumMonths)} months under ${rule.id}.`;
    return refuse('duration_below_minimum', message, [...reasons, message], rule.id);
  }

  const base = baseHours(rule, input, reasons);
  if (base === undefined) {
    const message = "unknown: enter the standard's fixed minimum from the funding rules";
    return refuse('fixed_minimum_unknown', message, [...reasons, message], rule.id);
  }

  let hours = base;
  const prior = input.priorLearningHours ?? 0;
  if (prior > 0) {
    if (p.priorLearning === 'reduces-hours') {
      hours = clean(Math.max(0, hours - prior));
      reasons.push(`less ${figure(prior)} hours of recognised prior learning: ${figure(hours)} hours`);
    } else {
      reasons.push(
        `under ${rule.id} recognised prior learning shortens the planned duration rather than the hours: the ${figure(prior)} hours are not taken off; plan the reduced duration instead`,
      );
    }
  }

  let minimumHours = rounders[p.rounding](hours);
  if (minimumHours !== hours) reasons.push(`rounded (${p.rounding}) to ${minimumHours} hours`);
  if (p.floorHours !== undefined && minimumHours < p.floorHours) {
    reasons.push(`raised to the floor of ${figure(p.floorHours)} hours: no apprenticeship under ${rule.id} has fewer`);
    minimumHours = p.floorHours;
  }
  reasons.push(`minimum: ${minimumHours} hours of off-the-job training`);
  return { ok: true, rule: rule.id, minimumHours, reasons };
};
