-- fct_deals: deals with party names and the value also in EUR where a rate is known.
-- Grain: one row per deal per article.
CREATE OR REPLACE VIEW fct_deals AS
SELECT
    d.deal_id,
    d.article_id,
    ar.published_date,
    ar.title                                   AS article_title,
    d.deal_kind,
    d.description,
    (SELECT list(a.name ORDER BY a.name) FROM actors a WHERE list_contains(d.party_actor_ids, a.actor_id)) AS parties,
    buyer.name                                 AS buyer,
    seller.name                                AS seller,
    d.item,
    d.value,
    d.currency,
    d.value_approximate,
    d.value * fx.eur_per_unit                  AS value_eur,
    fx.rate_date                               AS fx_rate_date,
    fx.source                                  AS fx_source,
    d.date_value,
    d.date_precision,
    d.status,
    d.citation,
    len(d.mention_starts)                      AS mention_count,
    d.sentence
FROM deals d
JOIN articles ar USING (article_id)
LEFT JOIN actors buyer  ON buyer.actor_id = d.buyer_actor_id
LEFT JOIN actors seller ON seller.actor_id = d.seller_actor_id
LEFT JOIN fx_latest fx  ON fx.currency = d.currency;
