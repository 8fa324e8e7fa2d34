-- fct_events: events across articles - the same event (type, actors, date) reported several
-- times is one row, with the count of reports and how surely they state them. Only reports at
-- or above the display confidence (fct_event_reports) are counted. An event whose actor no
-- report states has a null subject (see fct_event_reports for when such reports are grouped).
-- Grain: one row per (event type, subject actor, object actor, date), across all articles; for
-- an event done together (a meeting, a signing) the pair of actors in either order.
CREATE OR REPLACE VIEW fct_events AS
SELECT
    event_key,
    any_value(event_type)                          AS event_type,
    -- subject, object, place and what was done to from the first report that gives them (as
    -- example_text): reports of an event done together may name its sides in either order, and
    -- reports of one event word its object their own way
    arg_min(subject_actor_id, (published_date, event_id)) AS subject_actor_id,
    arg_min(subject, (published_date, event_id))   AS subject,
    arg_min(object_actor_id, (published_date, event_id)) AS object_actor_id,
    arg_min(object, (published_date, event_id))    AS object,
    arg_min(place, (published_date, event_id))     AS place,
    arg_min(object_text, (published_date, event_id)) AS object_text,
    -- the finest date its reports give ("January 2025" over "2025": see fct_event_reports)
    arg_max(date_value, (length(date_value), date_value))     AS date_value,
    arg_max(date_precision, (length(date_value), date_value)) AS date_precision,
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
