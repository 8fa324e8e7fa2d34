-- Money is never negative and its currency is an ISO 4217 code.
-- One row per violation: the table, the fact's key, the value and the currency.
SELECT 'amounts' AS table_name, amount_id AS fact_id, value, currency FROM amounts
WHERE amount_kind = 'money' AND (value < 0 OR (currency IS NOT NULL AND currency NOT IN (SELECT code FROM currencies)))
UNION ALL
SELECT 'deals', deal_id, value, currency FROM deals
WHERE value < 0 OR (currency IS NOT NULL AND currency NOT IN (SELECT code FROM currencies));
