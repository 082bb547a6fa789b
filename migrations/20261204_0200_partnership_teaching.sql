-- Partnership teaching (issue 12): the organisations a partnership works with, teachers deployed
-- across them, their weekly work patterns, and the engagements they deliver (with digital
-- resources' reuse by other organisations). Additive only; nothing newer than PostgreSQL 15.

-- A partnership's partner organisations: one on the platform (organisation_id set) or a lightweight
-- external one (an independent school, a primary outside the trust, a college) that has no accounts.
CREATE TABLE partner_organisations (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  organisation_id uuid NULL REFERENCES organisations (id),
  name text NOT NULL,
  phase text NOT NULL,
  sector text NOT NULL CHECK (sector IN ('state', 'independent', 'further_education')),
  postcode_area text NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (partnership_id, organisation_id)
);
CREATE UNIQUE INDEX partner_organisations_name_idx ON partner_organisations (partnership_id, lower(name));

-- A teacher (a person of any employing organisation) deployed by a partnership as one or more kinds.
CREATE TABLE deployments (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  person_id uuid NOT NULL REFERENCES people (id),
  home_partner_id uuid NOT NULL REFERENCES partner_organisations (id),
  kinds text[] NOT NULL,
  share_unit text NOT NULL CHECK (share_unit IN ('fte', 'hours_per_week')),
  share_value numeric(6, 2) NOT NULL CHECK (share_value > 0),
  starts_on date NOT NULL,
  ends_on date NULL,
  objectives text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX deployments_partnership_idx ON deployments (partnership_id, starts_on);
CREATE INDEX deployments_person_idx ON deployments (person_id);

CREATE TABLE deployment_hosts (
  deployment_id uuid NOT NULL REFERENCES deployments (id),
  partner_id uuid NOT NULL REFERENCES partner_organisations (id),
  PRIMARY KEY (deployment_id, partner_id)
);

-- The weekly pattern: each half-day the teacher spends at an organisation (their home employer's
-- half-days are their home commitments). Clashes are refused before anything is written.
CREATE TABLE work_pattern_slots (
  deployment_id uuid NOT NULL REFERENCES deployments (id),
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 5),
  session text NOT NULL CHECK (session IN ('morning', 'afternoon')),
  partner_id uuid NOT NULL REFERENCES partner_organisations (id),
  PRIMARY KEY (deployment_id, weekday, session, partner_id)
);

-- One piece of work delivered, with its audience counts.
CREATE TABLE engagements (
  id uuid PRIMARY KEY,
  partnership_id uuid NOT NULL REFERENCES partnerships (id),
  deployment_id uuid NOT NULL REFERENCES deployments (id),
  occurred_on date NOT NULL,
  host_partner_id uuid NOT NULL REFERENCES partner_organisations (id),
  kind text NOT NULL,
  activity text NOT NULL,
  pupils integer NOT NULL DEFAULT 0 CHECK (pupils >= 0),
  year_groups text[] NOT NULL DEFAULT '{}',
  pupil_phase text NULL,
  teachers integer NOT NULL DEFAULT 0 CHECK (teachers >= 0),
  trainee_teachers integer NOT NULL DEFAULT 0 CHECK (trainee_teachers >= 0),
  governors integer NOT NULL DEFAULT 0 CHECK (governors >= 0),
  parents integer NOT NULL DEFAULT 0 CHECK (parents >= 0),
  minutes integer NOT NULL CHECK (minutes > 0),
  outcome_notes text NOT NULL DEFAULT '',
  follow_ups text NOT NULL DEFAULT '',
  recorded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX engagements_partnership_idx ON engagements (partnership_id, occurred_on);
CREATE INDEX engagements_deployment_idx ON engagements (deployment_id, occurred_on);

-- A digital resource reused by another organisation of the partnership.
CREATE TABLE resource_reuses (
  engagement_id uuid NOT NULL REFERENCES engagements (id),
  partner_id uuid NOT NULL REFERENCES partner_organisations (id),
  PRIMARY KEY (engagement_id, partner_id)
);

-- The platform organisations already in partnerships become their partner organisations (state
-- schools of a trust; their phase as the school records it).
INSERT INTO partner_organisations (id, partnership_id, organisation_id, name, phase, sector)
SELECT gen_random_uuid(), m.partnership_id, o.id, o.name, COALESCE(o.phase, 'other'), 'state'
FROM partnership_members m
JOIN organisations o ON o.id = m.organisation_id;
