-- 0006: articles count the facts not stored because the article had more of a kind than
-- FACTWIRE_MAX_FACTS_PER_ARTICLE allows. Articles loaded before this version are null (unknown).
ALTER TABLE articles ADD COLUMN IF NOT EXISTS facts_dropped INTEGER;
