-- Initial schema: organisations, people, accounts, roles, imported frameworks and the audit log.
-- Every tenant table carries trust_id and leads its main indexes with it, so the schema can be
-- distributed by tenant (Citus) without change. Nothing newer than PostgreSQL 15.

CREATE TABLE organisations (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('trust', 'school')),
  name text NOT NULL,
  phase text NULL,
  nation text NULL,
  urn text NULL,
  parent_id uuid NULL REFERENCES organisations (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_trust_idx ON organisations (trust_id, kind, name);
CREATE INDEX organisations_parent_idx ON organisations (trust_id, parent_id);

CREATE TABLE people (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  given_name text NOT NULL,
  family_name text NOT NULL,
  work_email text NULL,
  staff_code text NULL,
  graded_role text NULL,
  job_title text NULL,
  line_manager_id uuid NULL REFERENCES people (id),
  left_on date NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_trust_org_idx ON people (trust_id, organisation_id, family_name, given_name);
CREATE INDEX people_trust_role_idx ON people (trust_id, graded_role);
CREATE UNIQUE INDEX people_trust_staff_code_idx ON people (trust_id, staff_code) WHERE staff_code IS NOT NULL;

CREATE TABLE user_accounts (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NULL REFERENCES people (id),
  email text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  is_demo boolean NOT NULL DEFAULT false,
  disabled_at timestamptz NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX user_accounts_trust_idx ON user_accounts (trust_id, email);
CREATE INDEX user_accounts_demo_idx ON user_accounts (is_demo) WHERE is_demo;

CREATE TABLE role_assignments (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  role text NOT NULL CHECK (role IN ('trust_admin', 'school_admin', 'line_manager', 'staff')),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  UNIQUE (trust_id, user_id, role, organisation_id)
);
CREATE INDEX role_assignments_user_idx ON role_assignments (trust_id, user_id);

CREATE TABLE imported_frameworks (
  id text PRIMARY KEY,
  reference text NOT NULL,
  version text NOT NULL,
  lars_code text NULL,
  document jsonb NOT NULL,
  source_sha256 text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (reference, version)
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  trust_id uuid NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  data jsonb NOT NULL DEFAULT '{}'::jsonb,
  request_id text NULL
);
CREATE INDEX audit_events_trust_idx ON audit_events (trust_id, occurred_at);
CREATE INDEX audit_events_entity_idx ON audit_events (trust_id, entity, entity_id);
