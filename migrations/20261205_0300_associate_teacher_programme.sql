-- The Associate Teacher programme (issue 11): the integrated Foundation Degree's modules on an
-- enrolment (entered by the training provider: the seed names none), supervision links from an
-- Associate Teacher to the Level 3/4 colleagues they coach or mentor, and each school's choice
-- whether supervisors may decide their supervisees' evidence (off unless the school turns it on).
-- Additive; PostgreSQL 15.
CREATE TABLE foundation_degree_modules (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 30),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  level integer NOT NULL CHECK (level BETWEEN 1 AND 8),
  credits integer NOT NULL CHECK (credits > 0 AND credits <= 240),
  result text NOT NULL CHECK (result IN ('in_progress', 'passed', 'failed')),
  -- A percentage mark, held once the module is assessed.
  mark integer NULL CHECK (mark BETWEEN 0 AND 100),
  recorded_by uuid NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (enrolment_id, code),
  CHECK ((result = 'in_progress') = (mark IS NULL))
);
CREATE INDEX foundation_degree_modules_enrolment_idx ON foundation_degree_modules (trust_id, enrolment_id);

CREATE TABLE supervision_links (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  supervisor_id uuid NOT NULL REFERENCES people (id),
  supervisee_id uuid NOT NULL REFERENCES people (id),
  started_on date NOT NULL,
  ended_on date NULL,
  created_by uuid NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  ended_by uuid NULL REFERENCES user_accounts (id),
  CHECK (supervisor_id <> supervisee_id),
  CHECK (ended_on IS NULL OR ended_on >= started_on)
);
CREATE UNIQUE INDEX supervision_links_open_idx ON supervision_links (supervisor_id, supervisee_id) WHERE ended_on IS NULL;
CREATE INDEX supervision_links_supervisee_idx ON supervision_links (trust_id, supervisee_id) WHERE ended_on IS NULL;

CREATE TABLE school_supervision_settings (
  organisation_id uuid PRIMARY KEY REFERENCES organisations (id),
  trust_id uuid NOT NULL,
  supervisors_decide_evidence boolean NOT NULL DEFAULT false,
  updated_by uuid NULL REFERENCES user_accounts (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);
