-- fct_amounts: amounts with their article date, and money also in EUR where a rate is known.
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
    CASE WHEN am.amount_kind = 'money' THEN am.value * fx.eur_per_unit END AS value_eur,
    fx.rate_date  AS fx_rate_date,
    fx.source     AS fx_source,
    am.sentence
FROM amounts am
JOIN articles ar USING (article_id)
LEFT JOIN fx_latest fx ON fx.currency = am.currency;
