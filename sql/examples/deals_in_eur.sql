-- Deals across articles with their parties and value, in EUR where a rate is known: the deals
-- at or above the display confidence (fct_deals; FACTWIRE_DISPLAY_CONFIDENCE), surest first
-- among equal values. Every extracted deal, with its confidence, is in the `deals` table.
SELECT first_reported, deal_kind, parties, buyer, seller, value, currency,
       round(value_eur) AS value_eur, latest_status AS status, corroborating_articles AS articles,
       citations, round(confidence, 2) AS confidence, description
FROM fct_deals
ORDER BY value_eur DESC NULLS LAST, confidence DESC, first_reported DESC;
