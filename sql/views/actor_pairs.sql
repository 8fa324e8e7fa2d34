-- actor_pairs: which actors are named together, and in how many articles.
-- Actors are counted as actor_resolution resolves them across articles.
-- Grain: one row per pair of actors named in the same article (actor_id_a < actor_id_b).
CREATE OR REPLACE VIEW actor_pairs AS
WITH article_actors AS (
    SELECT DISTINCT m.article_id, r.resolved_actor_id AS actor_id
    FROM actor_mentions m JOIN actor_resolution r ON r.actor_id = m.actor_id
)
SELECT
    a.actor_id                          AS actor_id_a,
    actor_a.name                        AS actor_a,
    b.actor_id                          AS actor_id_b,
    actor_b.name                        AS actor_b,
    count(*)                            AS article_count,
    list(a.article_id ORDER BY a.article_id) AS article_ids,
    min(ar.published_date)              AS first_seen_date,
    max(ar.published_date)              AS last_seen_date
FROM article_actors a
JOIN article_actors b ON b.article_id = a.article_id AND a.actor_id < b.actor_id
JOIN actors actor_a ON actor_a.actor_id = a.actor_id
JOIN actors actor_b ON actor_b.actor_id = b.actor_id
JOIN articles ar ON ar.article_id = a.article_id
GROUP BY ALL;
