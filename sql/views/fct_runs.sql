-- fct_runs: the pipeline's runs with their counts and status, and how long each took.
-- Grain: one row per run.
CREATE OR REPLACE VIEW fct_runs AS
SELECT *, date_diff('millisecond', started_at, finished_at) / 1000.0 AS seconds
FROM runs;
