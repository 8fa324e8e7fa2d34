-- Every actor a fact names is in the actors table.
-- One row per violation: the table, the fact's key and the missing actor.
WITH refs AS (
    SELECT 'actor_mentions' AS table_name, mention_id AS fact_id, actor_id FROM actor_mentions
    UNION ALL SELECT 'quotes', quote_id, speaker_actor_id FROM quotes
    UNION ALL SELECT 'citations', citation_id, actor_id FROM citations
    UNION ALL SELECT 'events', event_id, subject_actor_id FROM events
    UNION ALL SELECT 'events', event_id, object_actor_id FROM events
    UNION ALL SELECT 'events', event_id, place_actor_id FROM events
    UNION ALL SELECT 'deals', deal_id, buyer_actor_id FROM deals
    UNION ALL SELECT 'deals', deal_id, seller_actor_id FROM deals
    UNION ALL SELECT 'deals', deal_id, unnest(party_actor_ids) FROM deals
)
SELECT table_name, fact_id, actor_id FROM refs
WHERE actor_id IS NOT NULL AND actor_id NOT IN (SELECT actor_id FROM actors);
