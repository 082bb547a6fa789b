-- Each audit chain head counts its events, so `pathways audit verify` notices events missing from the
-- end of a chain (the head names its newest event and how many there are). Existing heads are backfilled
-- from the events they have now. Additive only; nothing newer than PostgreSQL 15.
ALTER TABLE audit_chain_heads ADD COLUMN event_count bigint NOT NULL DEFAULT 0;
UPDATE audit_chain_heads h SET event_count = (SELECT count(*) FROM audit_events e WHERE e.chain = h.chain);
