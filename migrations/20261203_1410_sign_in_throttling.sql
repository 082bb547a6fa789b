-- Sign-in throttling by account and client address together (a stranger's guesses from one address no
-- longer lock the owner out elsewhere), and a back-off on second-factor codes per account across
-- sessions (a fresh password sign-in no longer brings a fresh allowance). Additive only; nothing newer
-- than PostgreSQL 15.
CREATE INDEX sign_in_attempts_pair_idx ON sign_in_attempts (lower(email), client_address, attempted_at);

-- One row per account that has entered wrong second-factor codes recently; removed when a code is right.
CREATE TABLE mfa_throttles (
  user_id uuid PRIMARY KEY REFERENCES user_accounts (id) ON DELETE CASCADE,
  -- Wrong codes in the current window, and how many windows ended in a back-off (the wait doubles with each).
  failures integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
  batches integer NOT NULL DEFAULT 0 CHECK (batches >= 0),
  window_started_at timestamptz NULL,
  last_failure_at timestamptz NULL,
  blocked_until timestamptz NULL
);
