-- A caseload reads the facts of thousands of apprentices at once, across trusts (an assessor's
-- apprentices are employed by many), by person or enrolment id alone: the indexes that lead with
-- trust_id cannot serve those lists, which fell back to scanning and sorting whole tables. These lead
-- with the id the caseload has. The judgements index is in the order of "the latest judgement of each
-- item" (newest first, ties by id), so the current ones are read without a sort. Additive only;
-- nothing newer than PostgreSQL 15.
CREATE INDEX judgements_person_current_idx ON judgements (person_id, item_code, judged_at DESC, id DESC) INCLUDE (value);
CREATE INDEX achievements_person_current_idx ON achievements (person_id) WHERE removed_at IS NULL;
CREATE INDEX enrolment_status_changes_enrolment_only_idx ON enrolment_status_changes (enrolment_id, effective_from, recorded_at);
CREATE INDEX progress_reviews_enrolment_only_idx ON progress_reviews (enrolment_id);
CREATE INDEX specialism_records_person_only_idx ON specialism_records (person_id, letter);
