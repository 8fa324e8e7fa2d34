-- A date that names a calendar period carries its precision, and its first day agrees with it.
-- One row per violation: the table, the fact's key, the value and the precision.
SELECT 'dates' AS table_name, date_id AS fact_id, date_value, date_precision FROM dates
WHERE regexp_full_match(date_value, '\d{4}(-\d{2}(-\d{2}(T(MO|AF|EV|NI|DT))?)?)?|\d{4}-W\d{2}(-WE)?|\d{4}-Q[1-4]|\d{4}-H[12]|\d{2,3}')
  AND (date_precision IS NULL OR date_start IS NULL)
UNION ALL
SELECT 'deals', deal_id, date_value, date_precision FROM deals WHERE date_value IS NOT NULL AND date_precision IS NULL
UNION ALL
SELECT 'events', event_id, date_value, date_precision FROM events WHERE date_value IS NOT NULL AND date_precision IS NULL;
