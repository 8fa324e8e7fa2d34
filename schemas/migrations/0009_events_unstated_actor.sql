-- 0009: an event whose actor the text does not state ("a bomb exploded in the market, killing
-- 12"; "three people were arrested") is an event a reader wants: its subject is null, never a
-- made-up actor. Events also say where (an actor that is a place), what or whom the event was
-- done to as the text words it (when no actor is named, "12 people"), and how many times the
-- article mentions the one event. Rows loaded before this version keep their values; the new
-- columns are null until `factwire reextract` extracts them again.
ALTER TABLE events ALTER COLUMN subject_actor_id DROP NOT NULL;
ALTER TABLE events ADD COLUMN IF NOT EXISTS place_actor_id VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS object_text VARCHAR;
ALTER TABLE events ADD COLUMN IF NOT EXISTS mention_count INTEGER;
