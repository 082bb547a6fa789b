import { type PipelineBand, pipelineBandWords } from './dashboard-pipeline.ts';

/**
 * Which people a dashboard figure counts: every figure on the workforce dashboard is one of these
 * filters over the staff in scope, so its number links to the list of exactly those people.
 */
export type DashboardFilter = {
  /** An organisation (school) id in scope. */
  school?: string;
  phase?: string;
  /** A graded role id, or `none` for staff without one. */
  role?: string;
  hlta?: 'yes' | 'no';
  /** Highest qualification level (0 = Entry level), or `none`. */
  qualification?: number | 'none';
  englishMaths?: 'yes' | 'no';
  /** Status of the person's latest apprenticeship enrolment, or `live` for any not yet finished. */
  apprenticeship?: string;
  /** Evidence submitted and waiting for a decision; or by how long the oldest item has waited. */
  evidence?: EvidenceFigure;
  /** Mandatory training: a required kind missing or expired, or the nearest expiry within 30/60/90 days. */
  training?: TrainingFigure;
  /** Role fit of the latest duty profile against the graded role (job evaluation), or `none` without a profile. */
  roleFit?: RoleFitFigure;
  /** How close the person is to their next level: a band of the share of its requirements met. */
  progression?: PipelineBand;
  /** On programme and ready for Gateway to Completion, as the gateway readiness works it out. */
  gateway?: GatewayFigure;
};

export const evidenceFigures = ['waiting', 'under-7-days', '7-to-27-days', '28-days-or-more'] as const;
export type EvidenceFigure = (typeof evidenceFigures)[number];

export const trainingFigures = ['out-of-date', 'expiring-30', 'expiring-60', 'expiring-90', 'in-date'] as const;
export type TrainingFigure = (typeof trainingFigures)[number];

export const roleFitFigures = ['above', 'at', 'below', 'none'] as const;
export type RoleFitFigure = (typeof roleFitFigures)[number];

export const gatewayFigures = ['ready'] as const;
export type GatewayFigure = (typeof gatewayFigures)[number];

/** Enrolment statuses that mean the apprentice is still on their apprenticeship. */
export const liveEnrolmentStatuses = ['on_programme', 'break_in_learning', 'at_gateway', 'in_assessment'] as const;

const evidenceWords: Record<EvidenceFigure, string> = {
  waiting: 'with evidence waiting for review',
  'under-7-days': 'whose oldest evidence waiting for review was submitted under 7 days ago',
  '7-to-27-days': 'whose oldest evidence waiting for review was submitted 7 to 27 days ago',
  '28-days-or-more': 'whose oldest evidence waiting for review was submitted 28 days ago or more',
};

const trainingWords: Record<TrainingFigure, string> = {
  'out-of-date': 'with mandatory training missing or expired',
  'expiring-30': 'with mandatory training expiring within 30 days',
  'expiring-60': 'with mandatory training expiring within 60 days',
  'expiring-90': 'with mandatory training expiring within 90 days',
  'in-date': 'with all mandatory training in date',
};

const roleFitWords: Record<RoleFitFigure, string> = {
  above: 'whose duty profile shows duties above their grade',
  at: 'whose duty profile fits their grade',
  below: 'whose duty profile does not reach their grade’s profile',
  none: 'without a duty profile',
};

const gatewayWords: Record<GatewayFigure, string> = {
  ready: 'on an apprenticeship and ready for Gateway to Completion',
};

/** A filter in words, for the list's heading: "Staff at TA3 with HLTA status". */
export const filterInWords = (
  filter: DashboardFilter,
  names: { school?: string; role?: string; apprenticeship?: string; qualification?: string },
): string => {
  const parts: string[] = [];
  if (filter.role) parts.push(filter.role === 'none' ? 'without a graded role' : `at ${names.role ?? filter.role}`);
  if (filter.school) parts.push(`at ${names.school ?? 'the chosen school'}`);
  if (filter.phase) parts.push(`in ${filter.phase} schools`);
  if (filter.hlta) parts.push(filter.hlta === 'yes' ? 'with HLTA status' : 'without HLTA status');
  if (filter.qualification !== undefined) parts.push(`whose highest qualification is ${names.qualification ?? filter.qualification}`);
  if (filter.englishMaths)
    parts.push(filter.englishMaths === 'yes' ? 'with Level 2 English and maths' : 'without Level 2 English and maths');
  if (filter.apprenticeship) parts.push(`on an apprenticeship: ${names.apprenticeship ?? filter.apprenticeship}`);
  if (filter.evidence) parts.push(evidenceWords[filter.evidence]);
  if (filter.training) parts.push(trainingWords[filter.training]);
  if (filter.roleFit) parts.push(roleFitWords[filter.roleFit]);
  if (filter.progression) parts.push(pipelineBandWords[filter.progression]);
  if (filter.gateway) parts.push(gatewayWords[filter.gateway]);
  return parts.length === 0 ? 'All staff' : `Staff ${parts.join(', ')}`;
};
