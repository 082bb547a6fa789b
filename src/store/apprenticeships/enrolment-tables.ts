import type { EnrolmentStatus } from '../../domain/apprenticeships/enrolment.ts';
import type { DateColumn, Json, Timestamp } from '../tables.ts';

/** Enrolments (migration 20261204_0100_apprenticeship_enrolments.sql). */
export type EnrolmentsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  employer_id: string;
  provider_id: string;
  programme: string;
  option_code: string | null;
  start_date: DateColumn;
  planned_end_date: DateColumn;
  contracted_hours_per_week: number;
  age_at_start: number;
  prior_learning_hours: number;
  /** Item codes; write JSON text. */
  prior_learning_items: Json;
  fixed_minimum_hours: number | null;
  fixed_minimum_source: string | null;
  status: EnrolmentStatus;
  employer_confirmed_by: string | null;
  employer_confirmed_at: Timestamp | null;
  provider_confirmed_by: string | null;
  provider_confirmed_at: Timestamp | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type EnrolmentStatusChangesTable = {
  id: string;
  trust_id: string;
  enrolment_id: string;
  status: EnrolmentStatus;
  effective_from: DateColumn;
  effective_to: DateColumn | null;
  grade: string | null;
  reason: string | null;
  recorded_by: string | null;
  recorded_at: Timestamp;
};
