-- Evidence offsets fall inside their article's text.
-- One row per violation: the table and the fact's key.
WITH spans AS (
    SELECT 'actor_mentions' AS table_name, mention_id AS fact_id, article_id, start_char, end_char FROM actor_mentions
    UNION ALL SELECT 'amounts', amount_id, article_id, start_char, end_char FROM amounts
    UNION ALL SELECT 'dates', date_id, article_id, start_char, end_char FROM dates
    UNION ALL SELECT 'quotes', quote_id, article_id, start_char, end_char FROM quotes
    UNION ALL SELECT 'events', event_id, article_id, start_char, end_char FROM events
)
SELECT s.table_name, s.fact_id FROM spans s JOIN articles a USING (article_id)
WHERE s.start_char < 0 OR s.end_char <= s.start_char OR s.end_char > a.char_count;
