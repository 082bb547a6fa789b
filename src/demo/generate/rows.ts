/**
 * The rows the workforce generator yields, one type per table, named by the table's columns so the
 * store can load them without a mapping. Dates are ISO strings (`YYYY-MM-DD`), instants Dates.
 */

type Id = string;

export type OrganisationRow = {
  id: Id;
  trust_id: Id;
  kind: 'trust' | 'school' | 'provider';
  name: string;
  phase: string | null;
  nation: string | null;
  urn: string | null;
  parent_id: Id | null;
  created_at: Date;
};

export type PersonRow = {
  id: Id;
  trust_id: Id;
  organisation_id: Id;
  given_name: string;
  family_name: string;
  work_email: string;
  staff_code: string;
  graded_role: string | null;
  job_title: string;
  line_manager_id: Id | null;
  hours_per_week: number;
  weeks_per_year: number;
  start_date: string;
  created_at: Date;
  updated_at: Date;
};

export type UserAccountRow = {
  id: Id;
  trust_id: Id;
  /** Null for a training provider's assessor, who is not on a school's staff. */
  person_id: Id | null;
  email: string;
  password_hash: string | null;
  is_demo: boolean;
  created_at: Date;
};

export type RoleAssignmentRow = {
  id: Id;
  trust_id: Id;
  user_id: Id;
  role: 'trust_admin' | 'school_admin' | 'line_manager' | 'staff' | 'assessor';
  organisation_id: Id;
  headteacher: boolean;
};

export type TrainingKindRow = {
  id: Id;
  trust_id: Id;
  code: string;
  title: string;
  validity_months: number | null;
  applies_to: 'everyone' | 'as-needed';
  position: number;
};

export type AchievementRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  kind: 'qualification' | 'unit' | 'subject' | 'degree' | 'status';
  details: Record<string, unknown>;
  achieved_on: string | null;
  recorded_by: Id;
  recorded_at: Date;
  status_kind: 'school-recognition' | null;
};

export type EvidenceItemRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  kind: 'reflective-account' | 'observation-record' | 'witness-testimony' | 'work-product' | 'professional-discussion';
  title: string;
  occurred_on: string;
  body: string;
  status: 'draft' | 'submitted' | 'decided';
  created_by: Id;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
  decided_at: Date | null;
};

export type EvidenceClaimRow = {
  id: Id;
  trust_id: Id;
  evidence_id: Id;
  item_code: string;
  status: 'claimed' | 'accepted' | 'returned';
  feedback: string | null;
  decided_by: Id | null;
  decided_at: Date | null;
};

export type JudgementRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  item_code: string;
  value: 'not-started' | 'developing' | 'met';
  source: 'evidence' | 'observation';
  evidence_id: Id | null;
  note: string | null;
  judged_by: Id;
  judged_at: Date;
};

export type CpdActivityRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  status: 'planned' | 'done';
  title: string;
  provider: string | null;
  kind: 'course' | 'qualification-unit' | 'in-school-training' | 'coaching' | 'mentoring' | 'observation' | 'reading' | 'conference';
  occurred_on: string | null;
  minutes: number;
  item_codes: string[];
  reflection: string;
  created_by: Id;
  created_at: Date;
  updated_at: Date;
};

export type TrainingRecordRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  kind_id: Id;
  completed_on: string;
  expires_on: string | null;
  provider: string | null;
  recorded_by: Id;
  recorded_at: Date;
};

export type DutyProfileRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  current_role: string;
  answers: Record<string, 'never' | 'occasionally' | 'regularly'>;
  status: 'self-assessed' | 'confirmed';
  recorded_by: Id;
  confirmed_by: Id | null;
  recorded_at: Date;
  confirmed_at: Date | null;
};

export type EnrolmentStatus = 'on_programme' | 'break_in_learning' | 'withdrawn' | 'at_gateway' | 'in_assessment' | 'completed';

export type EnrolmentRow = {
  id: Id;
  trust_id: Id;
  person_id: Id;
  employer_id: Id;
  provider_id: Id;
  programme: string;
  option_code: string | null;
  start_date: string;
  planned_end_date: string;
  contracted_hours_per_week: number;
  age_at_start: number;
  status: EnrolmentStatus;
  employer_confirmed_by: Id | null;
  employer_confirmed_at: Date | null;
  provider_confirmed_by: Id | null;
  provider_confirmed_at: Date | null;
  created_by: Id;
  created_at: Date;
  updated_at: Date;
};

export type EnrolmentStatusChangeRow = {
  id: Id;
  trust_id: Id;
  enrolment_id: Id;
  status: EnrolmentStatus;
  effective_from: string;
  effective_to: string | null;
  grade: string | null;
  reason: string | null;
  recorded_by: Id;
  recorded_at: Date;
};

/** Every generated table and its row type, in the order they are loaded (references point backwards). */
export type WorkforceTables = {
  organisations: OrganisationRow;
  people: PersonRow;
  user_accounts: UserAccountRow;
  role_assignments: RoleAssignmentRow;
  training_kinds: TrainingKindRow;
  achievements: AchievementRow;
  evidence_items: EvidenceItemRow;
  evidence_claims: EvidenceClaimRow;
  judgements: JudgementRow;
  cpd_activities: CpdActivityRow;
  training_records: TrainingRecordRow;
  duty_profiles: DutyProfileRow;
  enrolments: EnrolmentRow;
  enrolment_status_changes: EnrolmentStatusChangeRow;
};
export type WorkforceTable = keyof WorkforceTables;

export const WORKFORCE_TABLES = [
  'organisations',
  'people',
  'user_accounts',
  'role_assignments',
  'training_kinds',
  'achievements',
  'evidence_items',
  'evidence_claims',
  'judgements',
  'cpd_activities',
  'training_records',
  'duty_profiles',
  'enrolments',
  'enrolment_status_changes',
] as const satisfies readonly WorkforceTable[];

/** One piece of the stream: the rows of one school (or of the trust itself), table by table. */
export type WorkforceChunk = { label: string; rows: { [T in WorkforceTable]: WorkforceTables[T][] } };

/** An empty chunk to fill. */
export const emptyChunk = (label: string): WorkforceChunk => ({
  label,
  rows: {
    organisations: [],
    people: [],
    user_accounts: [],
    role_assignments: [],
    training_kinds: [],
    achievements: [],
    evidence_items: [],
    evidence_claims: [],
    judgements: [],
    cpd_activities: [],
    training_records: [],
    duty_profiles: [],
    enrolments: [],
    enrolment_status_changes: [],
  },
});

/** How many rows a chunk holds, in all. */
export const rowCountOf = (chunk: WorkforceChunk): number => WORKFORCE_TABLES.reduce((sum, t) => sum + chunk.rows[t].length, 0);
