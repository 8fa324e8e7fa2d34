-- Money mentioned, by currency, with the EUR total where a rate is known.
SELECT currency, count(*) AS amounts, sum(value) AS total, round(sum(value_eur)) AS total_eur
FROM fct_amounts
WHERE amount_kind = 'money'
GROUP BY currency
ORDER BY total_eur DESC NULLS LAST, currency;
