-- fct_quotes: quotes with their speaker's canonical name.
-- Grain: one row per quotation in an article.
CREATE OR REPLACE VIEW fct_quotes AS
SELECT
    q.quote_id,
    q.article_id,
    ar.published_date,
    q.speaker_actor_id,
    coalesce(sp.name, q.speaker_text) AS speaker,
    q.quote_text
FROM quotes q
JOIN articles ar USING (article_id)
LEFT JOIN actors sp ON sp.actor_id = q.speaker_actor_id;
