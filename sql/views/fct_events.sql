-- fct_events: events across articles - the same event (type, actors, date) reported several
-- times is one row, with the count of reports and how surely they state it. Only reports at or
-- above the display confidence (fct_event_reports) are counted.
-- Grain: one row per (event type, subject actor, object actor, date), across all articles.
CREATE OR REPLACE VIEW fct_events AS
SELECT
    event_key,
    any_value(event_type)                          AS event_type,
    any_value(subject)                             AS subject,
    any_value(object)                              AS object,
    any_value(date_value)                          AS date_value,
    any_value(date_precision)                      AS date_precision,
    count(*)                                       AS report_count,
    count(DISTINCT article_id)                     AS article_count,
    list(DISTINCT modality ORDER BY modality)      AS modalities,
    -- asserted outranks reported, reported outranks hypothetical or negated
    CASE WHEN bool_or(modality = 'asserted') THEN 'asserted'
         WHEN bool_or(modality = 'reported') THEN 'reported'
         ELSE min(modality) END                    AS strongest_modality,
    -- the surest report's confidence (each report is shown at or above the display threshold)
    max(confidence)                                AS confidence,
    min(published_date)                            AS first_reported,
    -- the first report's text; reports of one day in the event id's order, so that every
    -- DuckDB (and every run) picks the same one
    arg_min(event_text, (published_date, event_id)) FILTER (WHERE published_date IS NOT NULL) AS example_text
FROM fct_event_reports
GROUP BY event_key;
