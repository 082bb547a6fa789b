-- Specialisms (issue 9): the NJC profiles' specialisms a–d (TA3 key duty 7, TA4 key duty 7, TA5 key
-- duty 10) recorded by the staff member and confirmed or declined by their line manager. Every row
-- is kept as the history: who recorded it and when, who decided and when (with a note when declined)
-- and, when it is given up, who withdrew it and when. At most one live row (awaiting confirmation or
-- confirmed) per person and letter. Additive; PostgreSQL 15.
CREATE TABLE specialism_records (
  id uuid PRIMARY KEY,
  trust_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  letter text NOT NULL CHECK (letter ~ '^[a-z]$'),
  status text NOT NULL CHECK (status IN ('awaiting', 'confirmed', 'declined', 'withdrawn')),
  recorded_by uuid NOT NULL REFERENCES user_accounts (id),
  recorded_at timestamptz NOT NULL,
  decided_by uuid NULL REFERENCES user_accounts (id),
  decided_at timestamptz NULL,
  decision_note text NULL,
  withdrawn_by uuid NULL REFERENCES user_accounts (id),
  withdrawn_at timestamptz NULL,
  CHECK ((decided_by IS NULL) = (decided_at IS NULL)),
  CHECK ((withdrawn_by IS NULL) = (withdrawn_at IS NULL)),
  CHECK (status <> 'confirmed' OR decided_by IS NOT NULL),
  CHECK (status <> 'declined' OR decided_by IS NOT NULL),
  CHECK ((status = 'withdrawn') = (withdrawn_by IS NOT NULL))
);
CREATE INDEX specialism_records_person_idx ON specialism_records (trust_id, person_id, recorded_at DESC);
CREATE UNIQUE INDEX specialism_records_live_idx ON specialism_records (trust_id, person_id, letter)
  WHERE status IN ('awaiting', 'confirmed');
