import type { ColumnType, Generated } from 'kysely';
import type { DateColumn, Json, Timestamp } from './tables.ts';

/** The staff portfolio's tables (migration 20261122_2200_staff_portfolio.sql). */

type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export type AchievementsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  kind: 'qualification' | 'unit' | 'subject' | 'degree' | 'status';
  /** Validated by contracts/portfolio; write JSON text. */
  details: Json;
  achieved_on: DateColumn | null;
  /** How a status was gained (set on status rows only). */
  status_kind: 'school-recognition' | 'external-assessment' | null;
  recorded_by: string;
  recorded_at: Timestamp;
  removed_at: Timestamp | null;
  removed_by: string | null;
};

export type AttachmentsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  owner_kind: 'achievement' | 'evidence' | 'cpd' | 'training';
  owner_id: string;
  file_name: string;
  media_type: string;
  /** bigint: pg returns it as a string. */
  size_bytes: ColumnType<string, number, number>;
  sha256: string;
  uploaded_by: string;
  uploaded_at: Timestamp;
  removed_at: Timestamp | null;
};

export type EvidenceKind =
  | 'reflective-account'
  | 'observation-record'
  | 'witness-testimony'
  | 'work-product'
  | 'certificate'
  | 'professional-discussion';

export type EvidenceItemsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  kind: EvidenceKind;
  title: string;
  occurred_on: DateColumn;
  body: ColumnType<string, string | undefined, string>;
  status: 'draft' | 'submitted' | 'decided';
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_at: Timestamp | null;
  decided_at: Timestamp | null;
  removed_at: Timestamp | null;
  /** Time spent on the evidence as off-the-job training (migration 20261204_0110), counted once. */
  off_the_job_minutes: ColumnType<number | null, number | null | undefined, number | null>;
};

export type EvidenceClaimsTable = {
  id: string;
  trust_id: string;
  evidence_id: string;
  item_code: string;
  status: 'claimed' | 'accepted' | 'returned';
  feedback: string | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
};

export type JudgementsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  item_code: string;
  value: 'not-started' | 'developing' | 'met';
  source: 'evidence' | 'observation';
  evidence_id: string | null;
  note: string | null;
  judged_by: string;
  judged_at: Timestamp;
};

export type NotificationsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  kind: string;
  message: string;
  href: string | null;
  created_at: Timestamp;
  read_at: Timestamp | null;
};

export type CpdKind =
  | 'course'
  | 'qualification-unit'
  | 'in-school-training'
  | 'coaching'
  | 'mentoring'
  | 'observation'
  | 'reading'
  | 'conference';

export type CpdActivitiesTable = {
  id: string;
  trust_id: string;
  person_id: string;
  status: 'planned' | 'done';
  title: string;
  provider: string | null;
  kind: CpdKind;
  occurred_on: DateColumn | null;
  minutes: number;
  item_codes: TextArray;
  reflection: ColumnType<string, string | undefined, string>;
  suggested_by: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  removed_at: Timestamp | null;
};

export type ReviewStage = 'objectives' | 'mid-year' | 'end-of-year' | 'signed-off';

export type ReviewCyclesTable = {
  id: string;
  trust_id: string;
  person_id: string;
  academic_year: string;
  reviewer_id: string;
  stage: ReviewStage;
  outcome: string | null;
  staff_signed_at: Timestamp | null;
  reviewer_signed_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type ReviewObjectivesTable = {
  id: string;
  trust_id: string;
  cycle_id: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  item_codes: TextArray;
  position: Generated<number>;
  removed_at: Timestamp | null;
};

export type ReviewCommentsTable = {
  id: string;
  trust_id: string;
  cycle_id: string;
  stage: 'mid-year' | 'end-of-year';
  side: 'staff' | 'reviewer';
  objective_id: string | null;
  body: string;
  written_by: string;
  written_at: Timestamp;
};

export type TrainingKindsTable = {
  id: string;
  trust_id: string;
  code: string;
  title: string;
  validity_months: number | null;
  applies_to: ColumnType<'everyone' | 'as-needed', 'everyone' | 'as-needed' | undefined, 'everyone' | 'as-needed'>;
  position: Generated<number>;
  retired_at: Timestamp | null;
};

export type TrainingRecordsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  kind_id: string;
  completed_on: DateColumn;
  expires_on: DateColumn | null;
  provider: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  removed_at: Timestamp | null;
};

export type HltaFileEntriesTable = {
  id: string;
  trust_id: string;
  person_id: string;
  standard_code: string;
  evidence_id: string;
  position: Generated<number>;
};
