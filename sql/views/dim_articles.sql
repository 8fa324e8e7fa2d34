-- dim_articles: the articles with where they came from and how many facts each holds.
-- Grain: one row per article.
CREATE OR REPLACE VIEW dim_articles AS
SELECT
    ar.article_id, ar.published_date, ar.title, ar.site, ar.url, ar.source_uri, ar.source_format,
    ar.author, ar.language, ar.extraction_skipped, ar.cited_sources, ar.char_count, ar.text,
    ar.extractor_version, ar.run_id, ar.ingested_at,
    (SELECT count(*) FROM actor_mentions m WHERE m.article_id = ar.article_id) AS mentions,
    (SELECT count(*) FROM amounts x WHERE x.article_id = ar.article_id)        AS amounts,
    (SELECT count(*) FROM deals x WHERE x.article_id = ar.article_id)          AS deals,
    (SELECT count(*) FROM events x WHERE x.article_id = ar.article_id)         AS events
FROM articles ar;
