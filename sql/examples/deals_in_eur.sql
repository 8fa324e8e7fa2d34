-- Deals with their parties and value, in EUR where a rate is known.
SELECT published_date, deal_kind, parties, buyer, seller, value, currency,
       round(value_eur) AS value_eur, status, citation, description
FROM fct_deals
ORDER BY value_eur DESC NULLS LAST, published_date DESC;
