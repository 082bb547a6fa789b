-- Duty profiles: the duties a person actually performs, for job evaluation against the NJC role
-- profiles. Each save is a new row, so the history is kept and role fit can be revisited each year.
-- Additive only; nothing newer than PostgreSQL 15.

CREATE TABLE duty_profiles (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  "current_role" text NOT NULL, -- quoted: CURRENT_ROLE is an SQL keyword
  answers jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('self-assessed', 'confirmed')),
  recorded_by uuid NOT NULL REFERENCES user_accounts (id),
  confirmed_by uuid NULL REFERENCES user_accounts (id),
  recorded_at timestamptz NOT NULL,
  confirmed_at timestamptz NULL,
  CHECK ((status = 'confirmed') = (confirmed_by IS NOT NULL AND confirmed_at IS NOT NULL))
);
CREATE INDEX duty_profiles_person_idx ON duty_profiles (trust_id, person_id, recorded_at DESC);
