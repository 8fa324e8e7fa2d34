-- Actors by number of mentions.
SELECT name, actor_type, country_code, mention_count, article_count
FROM dim_actors
ORDER BY mention_count DESC, name
LIMIT 20;
