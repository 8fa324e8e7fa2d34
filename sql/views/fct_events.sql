-- fct_events: events between actors with both actors' names.
-- Grain: one row per (event trigger, subject actor) in an article.
CREATE OR REPLACE VIEW fct_events AS
SELECT
    e.event_id,
    e.article_id,
    ar.published_date,
    e.event_type,
    subj.name   AS subject,
    obj.name    AS object,
    e.date_value,
    e.date_precision,
    e.modality,
    e.event_text
FROM events e
JOIN articles ar USING (article_id)
JOIN actors subj ON subj.actor_id = e.subject_actor_id
LEFT JOIN actors obj ON obj.actor_id = e.object_actor_id;
