-- Apprenticeship enrolments (issue 11): a person enrolled on a programme (an apprenticeship
-- standard with its option, an imported standard, a legacy framework pathway or a degree
-- programme) with their employer (a school) and a training provider. A training provider is its
-- own tenant (an organisation of kind 'provider' whose trust_id is its own id); its assessors hold
-- an `assessor` assignment there and reach the apprentices enrolled with it across employers.
-- The enrolment belongs to the employer's trust. Its status history is kept row by row; a break
-- in learning has both dates. Additive; PostgreSQL 15.
ALTER TABLE organisations DROP CONSTRAINT organisations_kind_check;
ALTER TABLE organisations ADD CONSTRAINT organisations_kind_check CHECK (kind IN ('trust', 'school', 'provider'));

CREATE TABLE enrolments (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  employer_id uuid NOT NULL REFERENCES organisations (id),
  provider_id uuid NOT NULL REFERENCES organisations (id),
  programme text NOT NULL,
  option_code text NULL,
  start_date date NOT NULL,
  planned_end_date date NOT NULL,
  contracted_hours_per_week numeric NOT NULL CHECK (contracted_hours_per_week > 0 AND contracted_hours_per_week <= 168),
  age_at_start integer NOT NULL CHECK (age_at_start >= 14 AND age_at_start <= 100),
  prior_learning_hours numeric NOT NULL DEFAULT 0 CHECK (prior_learning_hours >= 0),
  prior_learning_items jsonb NOT NULL DEFAULT '[]',
  -- The standard's fixed off-the-job minimum where the catalogue lacks it, with where it came from
  -- (entered by a trust admin or the provider; Pathways never invents a figure).
  fixed_minimum_hours numeric NULL CHECK (fixed_minimum_hours IS NULL OR fixed_minimum_hours > 0),
  fixed_minimum_source text NULL,
  status text NOT NULL CHECK (status IN ('on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed')),
  -- Gateway to Completion: the employer's and the provider's confirmation that the apprentice is ready.
  employer_confirmed_by uuid NULL REFERENCES user_accounts (id),
  employer_confirmed_at timestamptz NULL,
  provider_confirmed_by uuid NULL REFERENCES user_accounts (id),
  provider_confirmed_at timestamptz NULL,
  created_by uuid NULL REFERENCES user_accounts (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end_date > start_date),
  CHECK ((fixed_minimum_hours IS NULL) = (fixed_minimum_source IS NULL)),
  CHECK ((employer_confirmed_by IS NULL) = (employer_confirmed_at IS NULL)),
  CHECK ((provider_confirmed_by IS NULL) = (provider_confirmed_at IS NULL))
);
CREATE INDEX enrolments_trust_person_idx ON enrolments (trust_id, person_id, start_date DESC);
CREATE INDEX enrolments_trust_employer_idx ON enrolments (trust_id, employer_id, status);
CREATE INDEX enrolments_provider_status_idx ON enrolments (provider_id, status);

CREATE TABLE enrolment_status_changes (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  enrolment_id uuid NOT NULL REFERENCES enrolments (id),
  status text NOT NULL CHECK (status IN ('on_programme', 'break_in_learning', 'withdrawn', 'at_gateway', 'in_assessment', 'completed')),
  effective_from date NOT NULL,
  effective_to date NULL,
  grade text NULL,
  reason text NULL,
  recorded_by uuid NULL REFERENCES user_accounts (id),
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_to IS NULL OR effective_to >= effective_from),
  CHECK (status <> 'completed' OR grade IS NOT NULL)
);
CREATE INDEX enrolment_status_changes_enrolment_idx ON enrolment_status_changes (trust_id, enrolment_id, effective_from, recorded_at);
