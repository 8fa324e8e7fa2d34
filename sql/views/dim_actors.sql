-- dim_actors: every canonical actor with how often and where it is mentioned, counted across
-- articles as actor_resolution resolves them ("Warhol" in one article and "Andy Warhol" in
-- another are one row; merged_actor_ids lists the ids folded in).
-- Grain: one row per resolved actor.
CREATE OR REPLACE VIEW dim_actors AS
SELECT
    r.resolved_actor_id                          AS actor_id,
    ra.name,
    ra.actor_type,
    ra.country_code,
    count(m.mention_id)                          AS mention_count,
    count(DISTINCT m.article_id)                 AS article_count,
    list(DISTINCT m.mention_text ORDER BY m.mention_text) FILTER (WHERE m.mention_id IS NOT NULL) AS aliases_seen,
    min(ar.published_date)                       AS first_seen_date,
    max(ar.published_date)                       AS last_seen_date,
    list(DISTINCT r.actor_id ORDER BY r.actor_id) FILTER (WHERE r.actor_id <> r.resolved_actor_id) AS merged_actor_ids
FROM actor_resolution r
JOIN actors ra ON ra.actor_id = r.resolved_actor_id
LEFT JOIN actor_mentions m ON m.actor_id = r.actor_id
LEFT JOIN articles ar ON ar.article_id = m.article_id
GROUP BY r.resolved_actor_id, ra.name, ra.actor_type, ra.country_code;
