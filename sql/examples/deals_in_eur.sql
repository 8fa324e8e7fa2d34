-- Deals across articles with their parties and value, in EUR where a rate is known.
SELECT first_reported, deal_kind, parties, buyer, seller, value, currency,
       round(value_eur) AS value_eur, latest_status AS status, corroborating_articles AS articles,
       citations, description
FROM fct_deals
ORDER BY value_eur DESC NULLS LAST, first_reported DESC;
