-- actor_resolution: the actor each actor is counted as across articles. Within an article a
-- surname is already resolved to the full name met there ("Clinton" after "Hillary Clinton").
-- A person an article names by one word only ("Warhol") is counted, across articles, as the one
-- person of the warehouse whose full name ends in that word ("Andy Warhol"); when no person or
-- several fit ("Lee"), it stays its own actor. First names alone are never merged.
-- Grain: one row per actor (resolved_actor_id = actor_id when it stands on its own).
CREATE OR REPLACE VIEW actor_resolution AS
WITH one_word AS (
    SELECT actor_id, name FROM actors
    WHERE actor_type = 'person' AND name NOT LIKE '% %'
),
full_names AS (
    SELECT actor_id, string_split(name, ' ')[-1] AS last_word FROM actors
    WHERE actor_type = 'person' AND name LIKE '% %'
),
fits AS (
    SELECT w.actor_id, min(f.actor_id) AS full_name_actor_id, count(*) AS candidates
    FROM one_word w JOIN full_names f ON f.last_word = w.name
    GROUP BY w.actor_id
)
SELECT
    a.actor_id,
    CASE WHEN fits.candidates = 1 THEN fits.full_name_actor_id ELSE a.actor_id END AS resolved_actor_id,
    CASE WHEN fits.candidates = 1 THEN 'surname of the one person of that name' END AS resolved_by
FROM actors a
LEFT JOIN fits ON fits.actor_id = a.actor_id;
