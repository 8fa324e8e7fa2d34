-- fct_deals: deals across articles - the same deal reported by several outlets is one row, with
-- how many articles corroborate it, its first report and outlet, and every value and status
-- reported for it.
-- Grain: one row per deal (kind, parties, year, item and value; see fct_deal_reports), across all
-- articles; only deals at or above the display confidence (FACTWIRE_DISPLAY_CONFIDENCE), as in
-- fct_deal_reports. Ad-hoc SQL on `deals` sees every row with its confidence.
CREATE OR REPLACE VIEW fct_deals AS
SELECT
    deal_key,
    any_value(deal_kind)                                           AS deal_kind,
    any_value(parties)                                             AS parties,
    any_value(buyer) FILTER (WHERE buyer IS NOT NULL)              AS buyer,
    any_value(seller) FILTER (WHERE seller IS NOT NULL)            AS seller,
    arg_max(item, published_date) FILTER (WHERE item IS NOT NULL)  AS item,
    -- the most precise date any report gives
    arg_max(date_value, length(date_value)) FILTER (WHERE date_value IS NOT NULL) AS date_value,
    arg_max(date_precision, length(date_value)) FILTER (WHERE date_value IS NOT NULL) AS date_precision,
    -- the latest report's value, and every value reported
    arg_max(value, published_date) FILTER (WHERE value IS NOT NULL)         AS value,
    arg_max(currency, published_date) FILTER (WHERE value IS NOT NULL)      AS currency,
    arg_max(value_eur, published_date) FILTER (WHERE value_eur IS NOT NULL) AS value_eur,
    arg_max(fx_rate_date, published_date) FILTER (WHERE value_eur IS NOT NULL) AS fx_rate_date,
    arg_max(fx_source, published_date) FILTER (WHERE value_eur IS NOT NULL)    AS fx_source,
    list(DISTINCT {'value': value, 'currency': currency}) FILTER (WHERE value IS NOT NULL) AS values_reported,
    list(DISTINCT status ORDER BY status)                          AS statuses_reported,
    arg_max(status, published_date)                                AS latest_status,
    list(DISTINCT citation ORDER BY citation) FILTER (WHERE citation IS NOT NULL) AS citations,
    count(DISTINCT article_id)                                     AS corroborating_articles,
    max(confidence)                                                AS confidence,
    sum(mention_count)                                             AS mention_count,
    min(published_date)                                            AS first_reported,
    arg_min(outlet, published_date)                                AS first_outlet,
    arg_min(description, published_date)                           AS description
FROM fct_deal_reports
GROUP BY deal_key;
