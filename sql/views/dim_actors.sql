-- dim_actors: every canonical actor with how often and where it is mentioned.
-- Grain: one row per actor.
CREATE OR REPLACE VIEW dim_actors AS
SELECT
    a.actor_id,
    a.name,
    a.actor_type,
    a.country_code,
    count(m.mention_id)                          AS mention_count,
    count(DISTINCT m.article_id)                 AS article_count,
    list(DISTINCT m.mention_text ORDER BY m.mention_text) FILTER (WHERE m.mention_id IS NOT NULL) AS aliases_seen,
    min(ar.published_date)                       AS first_seen_date,
    max(ar.published_date)                       AS last_seen_date
FROM actors a
LEFT JOIN actor_mentions m ON m.actor_id = a.actor_id
LEFT JOIN articles ar ON ar.article_id = m.article_id
GROUP BY ALL;
