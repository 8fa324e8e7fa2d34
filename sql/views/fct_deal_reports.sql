-- fct_deal_reports: each article's report of a deal, with party names, the value also in EUR
-- where a rate is known, the outlet that published it, and the key of the deal it reports.
-- Grain: one row per deal per article, for deals whose confidence reaches the display threshold
-- (display_confidence(), set by FACTWIRE_DISPLAY_CONFIDENCE); the `deals` table keeps every row.
--
-- Which deal a report is about (deal_key): reports of the same kind between the same parties
-- in the same year (the deal's own date's year, or the article's when it gives none) about
-- the same item are one deal, unless their values say otherwise. The item is compared by its
-- last word, its head noun ("air defence systems", "advanced Russian air defense systems");
-- a report naming no item joins the item its group's reports name most. Sorted by value (in
-- EUR where a rate is known), a value more than 25 % above the one before starts another deal
-- ("bought Initech for $300 million" and, months later, "for $45 million"). A report without
-- a value joins the deal of the valued report published nearest to it.
CREATE OR REPLACE VIEW fct_deal_reports AS
WITH shown AS (
    SELECT d.*,
           md5(d.deal_kind || '|' || array_to_string(list_sort(d.party_actor_ids), ',') || '|'
               || coalesce(left(d.date_value, 4), strftime(ar.published_date, '%Y'), 'undated')) AS base_group,
           nullif(regexp_replace(lower(regexp_extract(d.item, '([A-Za-z0-9]+)[^A-Za-z0-9]*$', 1)), 's$', ''), '') AS item_key
    FROM deals d
    JOIN articles ar USING (article_id)
    WHERE d.confidence >= display_confidence()
),
main_item AS (  -- the item a group's reports name most (ties: the first by name)
    SELECT base_group, arg_max(item_key, (reports, item_key)) AS item_key
    FROM (SELECT base_group, item_key, count(*) AS reports FROM shown WHERE item_key IS NOT NULL GROUP BY ALL)
    GROUP BY base_group
),
reports AS (
    SELECT
        md5(d.base_group || '|' || coalesce(d.item_key, mi.item_key, '')) AS deal_group,
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
        coalesce(fx.rate_date, fe.rate_date)                 AS fx_rate_date,
        coalesce(fx.source, fe.source)                       AS fx_source,
        d.date_value,
        d.date_precision,
        d.status,
        d.citation,
        len(d.mention_starts)                      AS mention_count,
        d.sentence,
        d.confidence
    FROM shown d
    LEFT JOIN main_item mi USING (base_group)
    JOIN articles ar USING (article_id)
    LEFT JOIN actors buyer  ON buyer.actor_id = d.buyer_actor_id
    LEFT JOIN actors seller ON seller.actor_id = d.seller_actor_id
    -- the rate on the article's date, or the nearest before it; else the earliest known
    ASOF LEFT JOIN fx_rates fx ON fx.currency = d.currency
        AND coalesce(ar.published_date, DATE '9999-12-31') >= fx.rate_date
    LEFT JOIN fx_earliest fe ON fe.currency = d.currency
),
valued AS (  -- comparable values: EUR where a rate is known, else the value in its own currency
    SELECT deal_id, deal_group, published_date,
           coalesce(value_eur, value)                               AS amount,
           CASE WHEN value_eur IS NULL THEN currency ELSE 'EUR' END AS unit
    FROM reports
    WHERE value > 0
),
steps AS (
    SELECT *,
           CASE WHEN lag(amount) OVER w IS NULL OR lag(unit) OVER w IS DISTINCT FROM unit
                     OR amount > lag(amount) OVER w * 1.25 THEN 1 ELSE 0 END AS starts_deal
    FROM valued
    WINDOW w AS (PARTITION BY deal_group ORDER BY unit, amount, deal_id)
),
valued_deals AS (
    SELECT deal_id, deal_group, published_date,
           sum(starts_deal) OVER (PARTITION BY deal_group ORDER BY unit, amount, deal_id
                                  ROWS UNBOUNDED PRECEDING) AS deal_number
    FROM steps
),
unvalued_deals AS (
    SELECT r.deal_id,
           arg_min(v.deal_number, (abs(coalesce(date_diff('day', v.published_date, r.published_date), 0)),
                                   v.deal_number)) AS deal_number
    FROM reports r
    JOIN valued_deals v USING (deal_group)
    WHERE NOT coalesce(r.value > 0, false)
    GROUP BY r.deal_id
)
SELECT
    md5(r.deal_group || '|' || coalesce(vd.deal_number, ud.deal_number, 1)) AS deal_key,
    r.* EXCLUDE (deal_group)
FROM reports r
LEFT JOIN valued_deals vd USING (deal_id)
LEFT JOIN unvalued_deals ud USING (deal_id);
