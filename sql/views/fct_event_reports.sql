-- fct_event_reports: each article's report of an event between actors, with both names.
-- Grain: one row per (event trigger, subject actor) in an article, for events whose confidence
-- reaches the display threshold (display_confidence(), set by FACTWIRE_DISPLAY_CONFIDENCE); the
-- `events` table keeps every row, with its confidence, for ad-hoc SQL.
CREATE OR REPLACE VIEW fct_event_reports AS
SELECT
    -- The same event in several articles (or twice in one): same type, actors and date.
    md5(e.event_type || '|' || e.subject_actor_id || '|' || coalesce(e.object_actor_id, '-') || '|'
        || coalesce(e.date_value, 'undated')) AS event_key,
    e.event_id,
    e.article_id,
    ar.published_date,
    e.event_type,
    e.subject_actor_id,
    e.object_actor_id,
    subj.name   AS subject,
    obj.name    AS object,
    e.date_value,
    e.date_precision,
    e.modality,
    e.confidence,
    e.event_text
FROM events e
JOIN articles ar USING (article_id)
JOIN actors subj ON subj.actor_id = e.subject_actor_id
LEFT JOIN actors obj ON obj.actor_id = e.object_actor_id
WHERE e.confidence >= display_confidence();
