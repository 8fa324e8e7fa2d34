-- 0008: deals and events carry a calibrated confidence (0 to 1: among rows at or above a
-- confidence, about that share is right). The marts and the dashboard show rows at or above
-- FACTWIRE_DISPLAY_CONFIDENCE; ad-hoc SQL on the tables sees every row. Rows loaded before this
-- version are null (unknown) until `factwire reextract` extracts them again.
ALTER TABLE deals ADD COLUMN IF NOT EXISTS confidence DOUBLE;
ALTER TABLE events ADD COLUMN IF NOT EXISTS confidence DOUBLE;
