import type { WorkPatternRules } from '../../framework/partnership-teaching-rules.ts';
import type { PartnershipKind } from './kinds.ts';
import type { ShareOfTime } from './work-pattern.ts';

/** A deployment as proposed: who, as which kinds, from which home employer to which hosts, for how long. */
export type DeploymentPlan = {
  kinds: readonly string[];
  homePartnerId: string;
  hostPartnerIds: readonly string[];
  share: ShareOfTime;
  startsOn: string;
  endsOn: string | null;
};

export type FieldProblem = { field: string; reason: string };

/**
 * What is wrong with a deployment plan against the partnership's organisations and the kinds, each
 * naming its field; empty when it can be kept. (Types and formats are checked at the edge.)
 */
export const deploymentProblems = (
  plan: DeploymentPlan,
  context: { kinds: readonly PartnershipKind[]; partnerIds: ReadonlySet<string>; rules: WorkPatternRules },
): FieldProblem[] => {
  const problems: FieldProblem[] = [];
  if (plan.kinds.length === 0) problems.push({ field: 'kinds', reason: 'Choose at least one kind of partnership teacher' });
  for (const kind of plan.kinds)
    if (!context.kinds.some((k) => k.code === kind)) problems.push({ field: 'kinds', reason: `${kind} is not one of the 11 kinds` });
  if (!context.partnerIds.has(plan.homePartnerId))
    problems.push({ field: 'homePartnerId', reason: 'Choose the home employer from the partnership’s organisations' });
  if (plan.hostPartnerIds.length === 0) problems.push({ field: 'hostPartnerIds', reason: 'Choose at least one host organisation' });
  for (const host of plan.hostPartnerIds) {
    if (!context.partnerIds.has(host))
      problems.push({ field: 'hostPartnerIds', reason: 'Choose host organisations from the partnership’s organisations' });
    else if (host === plan.homePartnerId)
      problems.push({ field: 'hostPartnerIds', reason: 'The home employer cannot also be a host organisation' });
  }
  if (plan.share.unit === 'fte' && plan.share.value > 1)
    problems.push({ field: 'shareValue', reason: 'A share of time in FTE is at most 1' });
  if (plan.share.unit === 'hours_per_week' && plan.share.value > context.rules.fullTimeHoursPerWeek)
    problems.push({
      field: 'shareValue',
      reason: `A share of time is at most the full-time week of ${context.rules.fullTimeHoursPerWeek} hours`,
    });
  if (plan.endsOn !== null && plan.endsOn < plan.startsOn)
    problems.push({ field: 'endsOn', reason: 'The end date must be on or after the start date' });
  return problems;
};
