import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A timestamp column: read as Date, written as Date or ISO string, defaulted by the database. */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: pg returns it as a Date at local midnight; write ISO `YYYY-MM-DD`. */
type DateColumn = ColumnType<Date, string, string>;
type Json = ColumnType<unknown, string, string>;

export type OrganisationsTable = {
  id: string;
  trust_id: string;
  kind: 'trust' | 'school';
  name: string;
  phase: string | null;
  nation: string | null;
  urn: string | null;
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
  created_at: CreatedAt;
};

export type UserAccountsTable = {
  id: string;
  trust_id: string;
  person_id: string | null;
  email: string;
  password_hash: string;
  is_demo: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: CreatedAt;
};

export type AccountRole = 'trust_admin' | 'school_admin' | 'line_manager' | 'staff';

export type RoleAssignmentsTable = {
  id: string;
  trust_id: string;
  user_id: string;
  role: AccountRole;
  organisation_id: string;
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
  schema_migrations: SchemaMigrationsTable;
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
