-- fct_money_actors: money amounts tied to the actors named in the same sentence of the article.
-- Grain: one row per (money amount, actor named in the amount's sentence).
-- An amount counts once for each actor its sentence names; it is not split between them.
-- Prices paid per unit ("$70 a barrel": unit 'per barrel') are no sums of money and are left out.
CREATE OR REPLACE VIEW fct_money_actors AS
SELECT DISTINCT
    am.amount_id,
    am.article_id,
    am.published_date,
    m.actor_id,
    a.name          AS actor,
    am.amount_text,
    am.value,
    am.currency,
    am.value_eur,
    am.sentence
FROM fct_amounts am
JOIN actor_mentions m ON m.article_id = am.article_id AND m.sentence = am.sentence
JOIN actors a ON a.actor_id = m.actor_id
WHERE am.amount_kind = 'money' AND coalesce(am.unit, '') NOT LIKE 'per %';
