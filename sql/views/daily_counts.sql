-- daily_counts: articles and facts per publication date.
-- Grain: one row per publication date (NULL for undated articles).
CREATE OR REPLACE VIEW daily_counts AS
SELECT
    ar.published_date,
    count(*)                                                           AS articles,
    sum((SELECT count(*) FROM actor_mentions m WHERE m.article_id = ar.article_id)) AS mentions,
    sum((SELECT count(*) FROM amounts x WHERE x.article_id = ar.article_id))        AS amounts,
    sum((SELECT count(*) FROM deals x WHERE x.article_id = ar.article_id))          AS deals,
    sum((SELECT count(*) FROM events x WHERE x.article_id = ar.article_id))         AS events,
    sum((SELECT count(*) FROM quotes x WHERE x.article_id = ar.article_id))         AS quotes
FROM articles ar
GROUP BY ar.published_date;
