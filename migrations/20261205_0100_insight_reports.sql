-- Workforce insight (dashboards and reports): the evidence review backlog is counted from the
-- submitted items alone, so a partial index reads those without scanning every item's text.
-- Additive only; nothing newer than PostgreSQL 15.

CREATE INDEX evidence_items_waiting_idx ON evidence_items (trust_id, person_id, submitted_at)
  WHERE status = 'submitted' AND removed_at IS NULL;
