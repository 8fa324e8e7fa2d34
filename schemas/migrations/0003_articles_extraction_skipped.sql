-- 0003: articles say why their facts were not extracted (e.g. "language fr: extraction is
-- English-only"); null for every article loaded before this version, which were all extracted.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS extraction_skipped VARCHAR;
