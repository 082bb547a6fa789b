-- Organisations, people and access: every role, posts, sessions, MFA, single sign-on, invitations,
-- password resets, mail outbox, a durable job queue, staff-import role mappings, partnerships, and
-- the tamper-evident audit chain. Additive only; nothing newer than PostgreSQL 15.

-- Roles: all six, and the headteacher mark (who alone awards HLTA status).
ALTER TABLE role_assignments DROP CONSTRAINT role_assignments_role_check;
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_role_check
  CHECK (role IN ('trust_admin', 'school_admin', 'line_manager', 'staff', 'assessor', 'partnership_coordinator'));
ALTER TABLE role_assignments ADD COLUMN headteacher boolean NOT NULL DEFAULT false;

-- Staff details the MIS import fills.
ALTER TABLE people ADD COLUMN hours_per_week numeric(5, 2) NULL;
ALTER TABLE people ADD COLUMN weeks_per_year numeric(5, 2) NULL;
ALTER TABLE people ADD COLUMN start_date date NULL;
ALTER TABLE people ADD COLUMN specialisms text[] NOT NULL DEFAULT '{}';
ALTER TABLE people ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX people_trust_email_idx ON people (trust_id, lower(work_email));

-- A person may hold several posts (TA3 in the mornings, midday supervisor in the afternoons).
CREATE TABLE staff_posts (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  graded_role text NULL,
  role_value text NULL,
  job_title text NULL,
  hours_per_week numeric(5, 2) NULL,
  weeks_per_year numeric(5, 2) NULL,
  position integer NOT NULL DEFAULT 0
);
CREATE INDEX staff_posts_person_idx ON staff_posts (trust_id, person_id, position);

-- Accounts: invited and single-sign-on accounts may have no password.
ALTER TABLE user_accounts ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE user_accounts ADD COLUMN password_changed_at timestamptz NULL;
ALTER TABLE user_accounts ADD COLUMN mfa_secret_encrypted text NULL;
ALTER TABLE user_accounts ADD COLUMN mfa_enabled_at timestamptz NULL;
ALTER TABLE user_accounts ADD COLUMN mfa_last_step bigint NULL;

CREATE TABLE mfa_recovery_codes (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  code_hash text NOT NULL,
  used_at timestamptz NULL
);
CREATE INDEX mfa_recovery_codes_user_idx ON mfa_recovery_codes (trust_id, user_id);

-- Sessions: an opaque token, stored hashed.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  mfa_verified boolean NOT NULL DEFAULT false,
  revoked_at timestamptz NULL,
  revoked_reason text NULL,
  client_address text NULL,
  user_agent text NULL
);
CREATE INDEX sessions_user_idx ON sessions (trust_id, user_id) WHERE revoked_at IS NULL;

CREATE TABLE sign_in_attempts (
  id bigserial PRIMARY KEY,
  email text NOT NULL,
  client_address text NOT NULL,
  succeeded boolean NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sign_in_attempts_email_idx ON sign_in_attempts (lower(email), attempted_at);
CREATE INDEX sign_in_attempts_address_idx ON sign_in_attempts (client_address, attempted_at);

-- Single sign-on per trust; the client secret is encrypted with a key held outside the database.
CREATE TABLE oidc_configs (
  trust_id uuid PRIMARY KEY,
  issuer text NOT NULL,
  client_id text NOT NULL,
  client_secret_encrypted text NOT NULL,
  allowed_email_domains text[] NOT NULL DEFAULT '{}',
  own_tenants text[] NOT NULL DEFAULT '{}',
  enabled boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE oidc_identities (
  identity text PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  linked_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_identities_user_idx ON oidc_identities (trust_id, user_id);

CREATE TABLE invitations (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  token_hash text NOT NULL UNIQUE,
  invited_by uuid NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  accepted_at timestamptz NULL
);
CREATE INDEX invitations_user_idx ON invitations (trust_id, user_id);

CREATE TABLE password_resets (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz NULL
);

-- Mail: kept in the outbox; sent through SMTP by a job when SMTP is configured.
CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY,
  trust_id uuid NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body_text text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz NULL,
  last_error text NULL
);
CREATE INDEX outbox_messages_trust_idx ON outbox_messages (trust_id, created_at);

-- Durable background work: a restart loses no job.
CREATE TABLE jobs (
  id uuid PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}'::jsonb,
  run_at timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  max_attempts integer NOT NULL DEFAULT 5,
  locked_until timestamptz NULL,
  last_error text NULL,
  done_at timestamptz NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX jobs_due_idx ON jobs (run_at) WHERE done_at IS NULL;

-- A school's own role words ("LSA", "Grade 5") remembered against framework roles.
CREATE TABLE role_value_mappings (
  trust_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  role_value text NOT NULL,
  graded_role text NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (trust_id, organisation_id, role_value)
);

-- Partnerships: named groups of organisations that may cross trusts.
CREATE TABLE partnerships (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE partnership_members (
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  PRIMARY KEY (partnership_id, organisation_id)
);
CREATE TABLE partnership_coordinators (
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  PRIMARY KEY (partnership_id, user_id)
);

-- The audit chain: one chain per trust (events without a trust form the instance chain).
ALTER TABLE audit_events ADD COLUMN chain text NOT NULL DEFAULT 'instance';
ALTER TABLE audit_events ADD COLUMN data_digest text NULL;
ALTER TABLE audit_events ADD COLUMN digest text NULL;
ALTER TABLE audit_events ADD COLUMN link text NULL;
CREATE INDEX audit_events_chain_idx ON audit_events (chain, id);
CREATE INDEX audit_events_trust_time_idx ON audit_events (trust_id, occurred_at DESC);

CREATE TABLE audit_chain_heads (
  chain text PRIMARY KEY,
  last_event_id bigint NOT NULL,
  last_link text NOT NULL
);

-- Append-only: the application never updates or deletes audit events. The one exception is a lawful
-- erasure, which blanks `data` (its digest stays, so the chain still verifies) inside a transaction
-- that has set pathways.audit_redaction = 'on'.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND current_setting('pathways.audit_redaction', true) = 'on'
     AND NEW.data = 'null'::jsonb
     AND (NEW.id, NEW.chain, NEW.trust_id, NEW.occurred_at, NEW.actor, NEW.action, NEW.entity, NEW.entity_id, NEW.data_digest, NEW.digest, NEW.link)
         IS NOT DISTINCT FROM
         (OLD.id, OLD.chain, OLD.trust_id, OLD.occurred_at, OLD.actor, OLD.action, OLD.entity, OLD.entity_id, OLD.data_digest, OLD.digest, OLD.link)
  THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit events are append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE FUNCTION audit_events_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only (TRUNCATE refused)';
END;
$$;
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_no_truncate();
