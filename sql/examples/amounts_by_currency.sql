-- Money mentioned, by currency, with the EUR total where a rate is known. Prices paid per
-- unit ("$70 a barrel": unit 'per barrel') are not sums, so they are left out of the totals.
SELECT currency, count(*) AS amounts, sum(value) AS total, round(sum(value_eur)) AS total_eur
FROM fct_amounts
WHERE amount_kind = 'money' AND coalesce(unit, '') NOT LIKE 'per %'
GROUP BY currency
ORDER BY total_eur DESC NULLS LAST, currency;
