-- The staff portfolio: achievements, attachments, evidence with per-claim sign-off, judgements with
-- their history, notifications, the CPD log, performance reviews, mandatory training and the HLTA
-- evidence file. Every table carries the trust id and leads its main index with it.
-- Additive only; nothing newer than PostgreSQL 15.

-- Flags read by the apprenticeship English and maths rule.
ALTER TABLE people ADD COLUMN ehcp_or_statement boolean NOT NULL DEFAULT false;
ALTER TABLE people ADD COLUMN bsl_qualification boolean NOT NULL DEFAULT false;

-- Something a person holds. `details` is validated by contracts/portfolio (a qualification, a unit,
-- a subject grade, a degree or HE credits, or a status); removal keeps the row.
CREATE TABLE achievements (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('qualification', 'unit', 'subject', 'degree', 'status')),
  details jsonb NOT NULL,
  achieved_on date NULL,
  recorded_by uuid NOT NULL REFERENCES user_accounts (id),
  recorded_at timestamptz NOT NULL,
  removed_at timestamptz NULL,
  removed_by uuid NULL REFERENCES user_accounts (id)
);
CREATE INDEX achievements_person_idx ON achievements (trust_id, person_id, kind);

-- A file kept for a person (a certificate, an evidence attachment). The bytes live in the file store,
-- addressed by their SHA-256; this row says whose they are and what they are.
CREATE TABLE attachments (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  owner_kind text NOT NULL CHECK (owner_kind IN ('achievement', 'evidence', 'cpd', 'training')),
  owner_id uuid NOT NULL,
  file_name text NOT NULL,
  media_type text NOT NULL,
  size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  uploaded_by uuid NOT NULL REFERENCES user_accounts (id),
  uploaded_at timestamptz NOT NULL,
  removed_at timestamptz NULL
);
CREATE INDEX attachments_owner_idx ON attachments (trust_id, owner_kind, owner_id);
CREATE INDEX attachments_person_idx ON attachments (trust_id, person_id);

-- Evidence: written by the person, decided claim by claim.
CREATE TABLE evidence_items (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  kind text NOT NULL CHECK (kind IN ('reflective-account', 'observation-record', 'witness-testimony', 'work-product', 'certificate', 'professional-discussion')),
  title text NOT NULL,
  occurred_on date NOT NULL,
  body text NOT NULL DEFAULT '',
  status text NOT NULL CHECK (status IN ('draft', 'submitted', 'decided')),
  created_by uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  submitted_at timestamptz NULL,
  decided_at timestamptz NULL,
  removed_at timestamptz NULL
);
CREATE INDEX evidence_items_person_idx ON evidence_items (trust_id, person_id, status, updated_at DESC);

-- One claimed competency item per row: each is accepted or returned on its own.
CREATE TABLE evidence_claims (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  evidence_id uuid NOT NULL REFERENCES evidence_items (id),
  item_code text NOT NULL,
  status text NOT NULL CHECK (status IN ('claimed', 'accepted', 'returned')),
  feedback text NULL,
  decided_by uuid NULL REFERENCES user_accounts (id),
  decided_at timestamptz NULL,
  UNIQUE (evidence_id, item_code),
  CHECK ((status = 'claimed') = (decided_by IS NULL))
);
CREATE INDEX evidence_claims_evidence_idx ON evidence_claims (trust_id, evidence_id);
CREATE INDEX evidence_claims_item_idx ON evidence_claims (trust_id, item_code, status);

-- Judgements: every row is kept; a person's judgement of an item is its latest row.
CREATE TABLE judgements (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  item_code text NOT NULL,
  value text NOT NULL CHECK (value IN ('not-started', 'developing', 'met')),
  source text NOT NULL CHECK (source IN ('evidence', 'observation')),
  evidence_id uuid NULL REFERENCES evidence_items (id),
  note text NULL,
  judged_by uuid NOT NULL REFERENCES user_accounts (id),
  judged_at timestamptz NOT NULL,
  CHECK ((source = 'evidence') = (evidence_id IS NOT NULL))
);
CREATE INDEX judgements_person_item_idx ON judgements (trust_id, person_id, item_code, judged_at DESC);

-- In-app notifications (the same events are also mailed through the outbox and the job queue).
CREATE TABLE notifications (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES user_accounts (id),
  kind text NOT NULL,
  message text NOT NULL,
  href text NULL,
  created_at timestamptz NOT NULL,
  read_at timestamptz NULL
);
CREATE INDEX notifications_user_idx ON notifications (trust_id, user_id, created_at DESC);

-- The CPD log. Time is kept in minutes (integer units); `planned` activities come from the plan.
CREATE TABLE cpd_activities (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  status text NOT NULL CHECK (status IN ('planned', 'done')),
  title text NOT NULL,
  provider text NULL,
  kind text NOT NULL CHECK (kind IN ('course', 'qualification-unit', 'in-school-training', 'coaching', 'mentoring', 'observation', 'reading', 'conference')),
  occurred_on date NULL,
  minutes integer NOT NULL DEFAULT 0 CHECK (minutes >= 0),
  item_codes text[] NOT NULL DEFAULT '{}',
  reflection text NOT NULL DEFAULT '',
  suggested_by text NULL,
  created_by uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  removed_at timestamptz NULL,
  CHECK (status = 'planned' OR occurred_on IS NOT NULL)
);
CREATE INDEX cpd_activities_person_idx ON cpd_activities (trust_id, person_id, occurred_on DESC);

-- Performance reviews: one cycle per person per academic year (`2026/27`).
CREATE TABLE review_cycles (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  academic_year text NOT NULL CHECK (academic_year ~ '^[0-9]{4}/[0-9]{2}$'),
  reviewer_id uuid NOT NULL REFERENCES user_accounts (id),
  stage text NOT NULL CHECK (stage IN ('objectives', 'mid-year', 'end-of-year', 'signed-off')),
  outcome text NULL,
  staff_signed_at timestamptz NULL,
  reviewer_signed_at timestamptz NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  UNIQUE (trust_id, person_id, academic_year)
);
CREATE INDEX review_cycles_reviewer_idx ON review_cycles (trust_id, reviewer_id, stage);

CREATE TABLE review_objectives (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  cycle_id uuid NOT NULL REFERENCES review_cycles (id),
  title text NOT NULL,
  description text NOT NULL DEFAULT '',
  item_codes text[] NOT NULL DEFAULT '{}',
  position integer NOT NULL DEFAULT 0,
  removed_at timestamptz NULL
);
CREATE INDEX review_objectives_cycle_idx ON review_objectives (trust_id, cycle_id, position);

-- Comments from both sides at the mid-year and end-of-year reviews.
CREATE TABLE review_comments (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  cycle_id uuid NOT NULL REFERENCES review_cycles (id),
  stage text NOT NULL CHECK (stage IN ('mid-year', 'end-of-year')),
  side text NOT NULL CHECK (side IN ('staff', 'reviewer')),
  objective_id uuid NULL REFERENCES review_objectives (id),
  body text NOT NULL,
  written_by uuid NOT NULL REFERENCES user_accounts (id),
  written_at timestamptz NOT NULL
);
CREATE INDEX review_comments_cycle_idx ON review_comments (trust_id, cycle_id, written_at);

-- Mandatory training: the kinds a trust requires, each with its validity period (null: never expires).
CREATE TABLE training_kinds (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  code text NOT NULL,
  title text NOT NULL,
  validity_months integer NULL CHECK (validity_months IS NULL OR validity_months > 0),
  applies_to text NOT NULL DEFAULT 'everyone' CHECK (applies_to IN ('everyone', 'as-needed')),
  position integer NOT NULL DEFAULT 0,
  retired_at timestamptz NULL,
  UNIQUE (trust_id, code)
);

CREATE TABLE training_records (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  kind_id uuid NOT NULL REFERENCES training_kinds (id),
  completed_on date NOT NULL,
  expires_on date NULL,
  provider text NULL,
  recorded_by uuid NOT NULL REFERENCES user_accounts (id),
  recorded_at timestamptz NOT NULL,
  removed_at timestamptz NULL
);
CREATE INDEX training_records_person_idx ON training_records (trust_id, person_id, kind_id, completed_on DESC);
CREATE INDEX training_records_expiry_idx ON training_records (trust_id, expires_on);

-- The HLTA evidence file: which evidence documents the candidate puts under each standard, in order.
CREATE TABLE hlta_file_entries (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  standard_code text NOT NULL,
  evidence_id uuid NOT NULL REFERENCES evidence_items (id),
  position integer NOT NULL DEFAULT 0,
  UNIQUE (person_id, standard_code, evidence_id)
);
CREATE INDEX hlta_file_entries_person_idx ON hlta_file_entries (trust_id, person_id, standard_code, position);
