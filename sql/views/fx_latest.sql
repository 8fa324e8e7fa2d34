-- fx_latest: the most recent known rate to EUR for each currency.
-- Grain: one row per currency.
CREATE OR REPLACE VIEW fx_latest AS
SELECT currency, eur_per_unit, rate_date, source
FROM fx_rates
QUALIFY row_number() OVER (PARTITION BY currency ORDER BY rate_date DESC) = 1;
