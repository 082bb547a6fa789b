import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { AssociateTeacherTables } from './apprenticeships/associate-teacher-tables.ts';
import type { EnrolmentStatusChangesTable, EnrolmentsTable } from './apprenticeships/enrolment-tables.ts';
import type { OffTheJobEntriesTable, OffTheJobEntryEvidenceTable } from './apprenticeships/off-the-job.ts';
import type { ProgressReviewActionsTable, ProgressReviewCommentsTable, ProgressReviewsTable } from './apprenticeships/reviews.ts';
import type { PartnershipTeachingTables } from './partnerships/tables.ts';
import type {
  AchievementsTable,
  AttachmentsTable,
  CpdActivitiesTable,
  EvidenceClaimsTable,
  EvidenceItemsTable,
  HltaFileEntriesTable,
  JudgementsTable,
  NotificationsTable,
  ReviewCommentsTable,
  ReviewCyclesTable,
  ReviewObjectivesTable,
  TrainingKindsTable,
  TrainingRecordsTable,
} from './portfolio-tables.ts';
import type { SpecialismRecordsTable } from './specialisms.ts';

/** A timestamp column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
export type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: pg returns it as a Date at local midnight; write ISO `YYYY-MM-DD`. */
export type DateColumn = ColumnType<Date, string, string>;
export type Json = ColumnType<unknown, string, string>;

export type OrganisationsTable = {
  id: string;
  trust_id: string;
  kind: 'trust' | 'school' | 'provider';
  name: string;
  phase: string | null;
  nation: string | null;
  urn: string | null;
  /** A training provider's UK Provider Reference Number (eight digits), where known. */
  ukprn: string | null;
  parent_id: string | null;
  created_at: CreatedAt;
};

export type PeopleTable = {
  id: string;
  trust_id: string;
  organisation_id: string;
  given_name: string;
  family_name: string;
  work_email: string | null;
  staff_code: string | null;
  graded_role: string | null;
  job_title: string | null;
  line_manager_id: string | null;
  left_on: DateColumn | null;
  hours_per_week: ColumnType<number | null, number | null | undefined, number | null>;
  weeks_per_year: ColumnType<number | null, number | null | undefined, number | null>;
  start_date: DateColumn | null;
  specialisms: ColumnType<string[], string[] | undefined, string[]>;
  ehcp_or_statement: Generated<boolean>;
  bsl_qualification: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
};

export type StaffPostsTable = {
  id: string;
  trust_id: string;
  person_id: string;
  graded_role: string | null;
  role_value: string | null;
  job_title: string | null;
  hours_per_week: number | null;
  weeks_per_year: number | null;
  position: Generated<number>;
};

export type UserAccountsTable = {
  id: string;
  trust_id: string;
  person_id: string | null;
  email: string;
  password_hash: string | null;
  is_demo: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
  password_changed_at: Timestamp | null;
  mfa_secret_encrypted: string | null;
  mfa_enabled_at: Timestamp | null;
  mfa_last_step: number | null;
};

export type AccountRole = 'trust_admin' | 'school_admin' | 'line_manager' | 'staff' | 'assessor' | 'partnership_coordinator';

export type RoleAssignmentsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  role: AccountRole;
  organisation_id: string;
  headteacher: Generated<boolean>;
};

export type MfaRecoveryCodesTable = { id: string; trust_id: string; user_id: string; code_hash: string; used_at: Timestamp | null };

export type MfaThrottlesTable = {
  user_id: string;
  failures: Generated<number>;
  batches: Generated<number>;
  window_started_at: Timestamp | null;
  last_failure_at: Timestamp | null;
  blocked_until: Timestamp | null;
};

export type SessionsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  mfa_verified: Generated<boolean>;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  client_address: string | null;
  user_agent: string | null;
};

export type SignInAttemptsTable = {
  id: Generated<number>;
  email: string;
  client_address: string;
  succeeded: boolean;
  attempted_at: CreatedAt;
};

export type OidcConfigsTable = {
  trust_id: string;
  issuer: string;
  client_id: string;
  client_secret_encrypted: string;
  allowed_email_domains: ColumnType<string[], string[] | undefined, string[]>;
  own_tenants: ColumnType<string[], string[] | undefined, string[]>;
  enabled: Generated<boolean>;
  updated_at: CreatedAt;
};

export type OidcIdentitiesTable = { identity: string; trust_id: string; user_id: string; linked_at: CreatedAt };

export type InvitationsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  token_hash: string;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
};

export type PasswordResetsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  token_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
};

export type OutboxMessagesTable = {
  id: string;
  trust_id: string | null;
  recipient: string;
  subject: string;
  body_text: string;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
  last_error: string | null;
};

export type JobsTable = {
  id: string;
  kind: string;
  payload: Json;
  run_at: ColumnType<Date, Date | string | undefined, Date | string>;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  done_at: Timestamp | null;
  created_at: CreatedAt;
};

export type RoleValueMappingsTable = {
  trust_id: string;
  organisation_id: string;
  role_value: string;
  graded_role: string | null;
  updated_at: CreatedAt;
};

export type PartnershipsTable = { id: string; name: string; created_at: CreatedAt };
export type PartnershipMembersTable = { partnership_id: string; organisation_id: string };
export type PartnershipCoordinatorsTable = { partnership_id: string; user_id: string };

export type AuditChainHeadsTable = {
  chain: string;
  last_event_id: number;
  last_link: string;
  /** How many events the chain holds, so verification notices events missing from its end. */
  event_count: Generated<number>;
};

export type ImportedFrameworksTable = {
  id: string;
  reference: string;
  version: string;
  lars_code: string | null;
  /** The framework document (validated with the framework schema before it is stored). Write JSON text. */
  document: Json;
  source_sha256: string;
  imported_at: CreatedAt;
};

export type AuditEventsTable = {
  id: Generated<number>;
  trust_id: string | null;
  occurred_at: CreatedAt;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  /** Event payload; write JSON text. */
  data: Json;
  request_id: string | null;
  chain: Generated<string>;
  data_digest: string | null;
  digest: string | null;
  link: string | null;
};

export type SchemaMigrationsTable = {
  name: string;
  applied_at: CreatedAt;
};

/** Every table Kysely knows about. */
export type Tables = {
  organisations: OrganisationsTable;
  people: PeopleTable;
  user_accounts: UserAccountsTable;
  role_assignments: RoleAssignmentsTable;
  imported_frameworks: ImportedFrameworksTable;
  audit_events: AuditEventsTable;
  audit_chain_heads: AuditChainHeadsTable;
  schema_migrations: SchemaMigrationsTable;
  staff_posts: StaffPostsTable;
  mfa_recovery_codes: MfaRecoveryCodesTable;
  mfa_throttles: MfaThrottlesTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  oidc_configs: OidcConfigsTable;
  oidc_identities: OidcIdentitiesTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  outbox_messages: OutboxMessagesTable;
  jobs: JobsTable;
  role_value_mappings: RoleValueMappingsTable;
  partnerships: PartnershipsTable;
  partnership_members: PartnershipMembersTable;
  partnership_coordinators: PartnershipCoordinatorsTable;
  partner_organisations: PartnershipTeachingTables['partner_organisations'];
  deployments: PartnershipTeachingTables['deployments'];
  deployment_hosts: PartnershipTeachingTables['deployment_hosts'];
  work_pattern_slots: PartnershipTeachingTables['work_pattern_slots'];
  engagements: PartnershipTeachingTables['engagements'];
  resource_reuses: PartnershipTeachingTables['resource_reuses'];
  achievements: AchievementsTable;
  attachments: AttachmentsTable;
  evidence_items: EvidenceItemsTable;
  evidence_claims: EvidenceClaimsTable;
  judgements: JudgementsTable;
  notifications: NotificationsTable;
  cpd_activities: CpdActivitiesTable;
  review_cycles: ReviewCyclesTable;
  review_objectives: ReviewObjectivesTable;
  review_comments: ReviewCommentsTable;
  training_kinds: TrainingKindsTable;
  training_records: TrainingRecordsTable;
  hlta_file_entries: HltaFileEntriesTable;
  specialism_records: SpecialismRecordsTable;
  enrolments: EnrolmentsTable;
  enrolment_status_changes: EnrolmentStatusChangesTable;
  off_the_job_entries: OffTheJobEntriesTable;
  off_the_job_entry_evidence: OffTheJobEntryEvidenceTable;
  progress_reviews: ProgressReviewsTable;
  progress_review_comments: ProgressReviewCommentsTable;
  progress_review_actions: ProgressReviewActionsTable;
  foundation_degree_modules: AssociateTeacherTables['foundation_degree_modules'];
  supervision_links: AssociateTeacherTables['supervision_links'];
  school_supervision_settings: AssociateTeacherTables['school_supervision_settings'];
};

export type OrganisationRow = Selectable<OrganisationsTable>;
export type NewOrganisation = Insertable<OrganisationsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type NewPerson = Insertable<PeopleTable>;
export type UserAccountRow = Selectable<UserAccountsTable>;
export type NewUserAccount = Insertable<UserAccountsTable>;
export type NewRoleAssignment = Insertable<RoleAssignmentsTable>;
export type ImportedFrameworkRow = Selectable<ImportedFrameworksTable>;
export type NewAuditEvent = Insertable<AuditEventsTable>;
