-- Sign-in attempts older than the throttle's lookback are deleted as new ones are recorded; this index
-- finds them without scanning the table. Additive only; nothing newer than PostgreSQL 15.
CREATE INDEX sign_in_attempts_attempted_at_idx ON sign_in_attempts (attempted_at);
