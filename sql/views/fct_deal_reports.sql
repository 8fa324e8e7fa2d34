-- fct_deal_reports: each article's report of a deal, with party names, the value also in EUR
-- where a rate is known, the outlet that published it, and the key of the deal it reports.
-- Grain: one row per deal per article.
CREATE OR REPLACE VIEW fct_deal_reports AS
SELECT
    -- The same deal in several articles: same kind, same parties, same year (its own date's, or
    -- the article's when it gives none).
    md5(d.deal_kind || '|' || array_to_string(list_sort(d.party_actor_ids), ',') || '|'
        || coalesce(left(d.date_value, 4), strftime(ar.published_date, '%Y'), 'undated')) AS deal_key,
    d.deal_id,
    d.article_id,
    ar.published_date,
    ar.title                                   AS article_title,
    coalesce(ar.site, regexp_extract(ar.url, '^https?://([^/]+)', 1), ar.source_uri) AS outlet,
    d.deal_kind,
    d.description,
    (SELECT list(a.name ORDER BY a.name) FROM actors a WHERE list_contains(d.party_actor_ids, a.actor_id)) AS parties,
    buyer.name                                 AS buyer,
    seller.name                                AS seller,
    d.item,
    d.value,
    d.currency,
    d.value_approximate,
    d.value * coalesce(fx.eur_per_unit, fe.eur_per_unit) AS value_eur,
    coalesce(fx.rate_date, fe.rate_date)                               AS fx_rate_date,
    coalesce(fx.source, fe.source)                                  AS fx_source,
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
-- the rate on the article's date, or the nearest before it; else the earliest known
ASOF LEFT JOIN fx_rates fx ON fx.currency = d.currency
    AND coalesce(ar.published_date, DATE '9999-12-31') >= fx.rate_date
LEFT JOIN fx_earliest fe ON fe.currency = d.currency;
