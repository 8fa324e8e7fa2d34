-- fct_amounts: amounts with their article date, and money also in EUR where a rate is known
-- (the rate of the article's date or the nearest before it, else the earliest; with its date and source).
-- Grain: one row per amount span in an article.
CREATE OR REPLACE VIEW fct_amounts AS
SELECT
    am.amount_id,
    am.article_id,
    ar.published_date,
    am.amount_kind,
    am.amount_text,
    am.value,
    am.value_max,
    am.currency,
    am.unit,
    am.approximate,
    am.value_kind,
    CASE WHEN am.amount_kind = 'money' THEN am.value * coalesce(fx.eur_per_unit, fe.eur_per_unit) END AS value_eur,
    coalesce(fx.rate_date, fe.rate_date)  AS fx_rate_date,
    coalesce(fx.source, fe.source)     AS fx_source,
    am.sentence
FROM amounts am
JOIN articles ar USING (article_id)
-- the rate on the article's date, or the nearest before it; else the earliest known
ASOF LEFT JOIN fx_rates fx ON fx.currency = am.currency
    AND coalesce(ar.published_date, DATE '9999-12-31') >= fx.rate_date
LEFT JOIN fx_earliest fe ON fe.currency = am.currency;
