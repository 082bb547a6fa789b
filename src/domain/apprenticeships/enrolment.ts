/**
 * An apprenticeship (or programme) enrolment as the domain sees it: who, on what, with which
 * employer and training provider, over which dates, and where it stands. Stored by
 * src/store/apprenticeships/enrolments.ts; the status rules are in enrolment-status.ts.
 */

/** Where an enrolment stands. "At Gateway to Completion" and "in apprenticeship assessment" are the current terms (formerly gateway and end-point assessment). */
export const enrolmentStatuses = ['on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** One row of an enrolment's status history. A break in learning has both dates once the apprentice returns. */
export type EnrolmentStatusChange = {
  id: string;
  status: EnrolmentStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  grade: string | null;
  reason: string | null;
  recordedBy: string | null;
  recordedByName: string | null;
  recordedAt: Date;
};

export type Confirmation = { userId: string; name: string | null; at: Date };

export type Enrolment = {
  id: string;
  /** The employer's trust: the enrolment is the employer's record. */
  trustId: string;
  personId: string;
  personName: string;
  employerId: string;
  employerName: string;
  providerId: string;
  providerName: string;
  /** The catalogue qualification id: a standard, an imported standard, a framework pathway or a degree programme. */
  programme: string;
  optionCode: string | null;
  startDate: string;
  plannedEndDate: string;
  contractedHoursPerWeek: number;
  ageAtStart: number;
  priorLearningHours: number;
  /** Item codes (KSBs) recognised as prior learning. */
  priorLearningItems: string[];
  /** The standard's fixed off-the-job minimum where the catalogue lacks it, with its source. */
  fixedMinimum: { hours: number; source: string } | null;
  status: EnrolmentStatus;
  employerConfirmation: Confirmation | null;
  providerConfirmation: Confirmation | null;
  createdAt: Date;
  updatedAt: Date;
};
