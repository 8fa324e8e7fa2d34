-- Every fact belongs to a loaded article.
-- One row per violation: the table and the fact's key.
SELECT 'actor_mentions' AS table_name, mention_id AS fact_id FROM actor_mentions WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'amounts', amount_id FROM amounts WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'dates', date_id FROM dates WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'quotes', quote_id FROM quotes WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'citations', citation_id FROM citations WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'deals', deal_id FROM deals WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'events', event_id FROM events WHERE article_id NOT IN (SELECT article_id FROM articles)
UNION ALL SELECT 'article_urls', url FROM article_urls WHERE article_id NOT IN (SELECT article_id FROM articles);
