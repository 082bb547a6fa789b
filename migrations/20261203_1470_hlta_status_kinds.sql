-- HLTA status is held in one of two ways (issue 10): recognised by the person's own school (the
-- headteacher's award, the only kind recorded until now) or gained after external assessment by a
-- regional provider of the HLTA National Assessment Partnership, with the provider, the assessment
-- date and, optionally, the certificate. The JSON details say which; this column repeats it so that
-- SQL can tell the two apart, and a status row always has it. Additive; PostgreSQL 15.
ALTER TABLE achievements ADD COLUMN status_kind text NULL
  CHECK (status_kind IN ('school-recognition', 'external-assessment'));

UPDATE achievements SET status_kind = 'school-recognition' WHERE kind = 'status' AND status_kind IS NULL;

ALTER TABLE achievements ADD CONSTRAINT achievements_status_kind_with_status
  CHECK ((kind = 'status') = (status_kind IS NOT NULL));

CREATE INDEX achievements_status_kind_idx ON achievements (trust_id, status_kind) WHERE status_kind IS NOT NULL;
