-- fx_earliest: the earliest known rate to EUR for each currency, used for amounts older than
-- every rate in fx_rates (the rate's date says so).
-- Grain: one row per currency.
CREATE OR REPLACE VIEW fx_earliest AS
SELECT currency, eur_per_unit, rate_date, source
FROM fx_rates
QUALIFY row_number() OVER (PARTITION BY currency ORDER BY rate_date) = 1;
