-- Off-the-job training and tripartite progress reviews of apprenticeship enrolments (issue 11).
-- Time is kept in minutes (integer units). Every table carries the trust id (the enrolment's: the
-- employer's trust) and leads its main index with it. Additive; PostgreSQL 15.

-- Evidence can record time spent on it as off-the-job training (writing an assignment, say). That
-- time counts once: on its own when the provider has accepted the evidence, or through the
-- approved log entry that links it.
ALTER TABLE evidence_items ADD COLUMN off_the_job_minutes integer NULL CHECK (off_the_job_minutes IS NULL OR (off_the_job_minutes > 0 AND off_the_job_minutes <= 1440));

-- One off-the-job log entry: entered by the apprentice (or the provider), approved or returned with
-- feedback by the provider's assessor. An approved entry is locked.
CREATE TABLE off_the_job_entries (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  occurred_on date NOT NULL,
  minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 1440),
  activity text NOT NULL,
  description text NOT NULL,
  ksb_codes text[] NOT NULL DEFAULT '{}',
  status text NOT NULL CHECK (status IN ('submitted', 'approved', 'returned')),
  feedback text NULL,
  decided_by uuid NULL REFERENCES user_accounts (id),
  decided_at timestamptz NULL,
  created_by uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'submitted') = (decided_by IS NULL)),
  CHECK (status <> 'returned' OR feedback IS NOT NULL)
);
CREATE INDEX off_the_job_entries_enrolment_idx ON off_the_job_entries (trust_id, enrolment_id, occurred_on);
CREATE INDEX off_the_job_entries_status_idx ON off_the_job_entries (enrolment_id, status);

-- The apprentice's evidence an entry links.
CREATE TABLE off_the_job_entry_evidence (
  entry_id uuid NOT NULL REFERENCES off_the_job_entries (id),
  evidence_id uuid NOT NULL REFERENCES evidence_items (id),
  trust_id uuid NOT NULL,
  PRIMARY KEY (entry_id, evidence_id)
);
CREATE INDEX off_the_job_entry_evidence_evidence_idx ON off_the_job_entry_evidence (trust_id, evidence_id);

-- A tripartite progress review. Its agenda is generated when it is planned and kept with it; it is
-- held, and locked, once the apprentice, the employer and the provider have each signed it.
CREATE TABLE progress_reviews (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  held_on date NOT NULL,
  agenda jsonb NOT NULL DEFAULT '[]',
  created_by uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL,
  apprentice_signed_by uuid NULL REFERENCES user_accounts (id),
  apprentice_signed_at timestamptz NULL,
  employer_signed_by uuid NULL REFERENCES user_accounts (id),
  employer_signed_at timestamptz NULL,
  provider_signed_by uuid NULL REFERENCES user_accounts (id),
  provider_signed_at timestamptz NULL,
  CHECK ((apprentice_signed_by IS NULL) = (apprentice_signed_at IS NULL)),
  CHECK ((employer_signed_by IS NULL) = (employer_signed_at IS NULL)),
  CHECK ((provider_signed_by IS NULL) = (provider_signed_at IS NULL))
);
CREATE INDEX progress_reviews_enrolment_idx ON progress_reviews (trust_id, enrolment_id, held_on DESC);

CREATE TABLE progress_review_comments (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  review_id uuid NOT NULL REFERENCES progress_reviews (id),
  party text NOT NULL CHECK (party IN ('apprentice', 'employer', 'provider')),
  body text NOT NULL,
  author_id uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX progress_review_comments_review_idx ON progress_review_comments (trust_id, review_id, created_at);

-- Actions agreed at a review, each with the party who owns it and the date it is due.
CREATE TABLE progress_review_actions (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  review_id uuid NOT NULL REFERENCES progress_reviews (id),
  description text NOT NULL,
  owner text NOT NULL CHECK (owner IN ('apprentice', 'employer', 'provider')),
  due_on date NOT NULL,
  created_by uuid NOT NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX progress_review_actions_review_idx ON progress_review_actions (trust_id, review_id, due_on);
