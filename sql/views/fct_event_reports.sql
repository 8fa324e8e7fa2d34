-- fct_event_reports: each article's report of an event, with the names of who did it, to whom
-- and where. An event whose actor the text does not state ("a bomb exploded in the market")
-- has no subject (null), never a made-up one.
-- Grain: one row per event in an article (its mentions in the article counted in
-- mention_count), for events whose confidence reaches the display threshold
-- (display_confidence(), set by FACTWIRE_DISPLAY_CONFIDENCE); the `events` table keeps every
-- row, with its confidence, for ad-hoc SQL.
CREATE OR REPLACE VIEW fct_event_reports AS
SELECT
    -- The same event in several articles (or twice in one): same type, actors and date. With no
    -- stated actor, reports are the same event only when a day, and a place or a named target,
    -- say so; otherwise each report is its own event (unrelated unattributed attacks of one
    -- year are not one attack). A part of a day ("Monday night", 2008-10-06TNI) is its day: the
    -- first ten characters of a day-precision value are the day. An event done together
    -- (symmetric_event: a meeting, a signing, a merger) is keyed on the unordered pair, so
    -- "Iran signed with Russia" and "Russia signed with Iran" are one signing.
    CASE
        WHEN e.subject_actor_id IS NOT NULL THEN
            md5(e.event_type || '|'
                || CASE WHEN symmetric_event(e.event_type) AND e.object_actor_id IS NOT NULL
                        THEN least(e.subject_actor_id, e.object_actor_id) || '|' || greatest(e.subject_actor_id, e.object_actor_id)
                        ELSE e.subject_actor_id || '|' || coalesce(e.object_actor_id, '-') END || '|'
                || coalesce(CASE WHEN e.date_precision = 'day' THEN left(e.date_value, 10) ELSE e.date_value END, 'undated'))
        WHEN e.date_precision = 'day' AND coalesce(e.place_actor_id, e.object_actor_id) IS NOT NULL THEN
            md5(e.event_type || '|unstated|' || coalesce(e.object_actor_id, '-') || '|'
                || coalesce(e.place_actor_id, '-') || '|' || left(e.date_value, 10))  -- day precision here
        ELSE md5('report|' || e.event_id)
    END         AS event_key,
    e.event_id,
    e.article_id,
    ar.published_date,
    e.event_type,
    e.subject_actor_id,
    e.object_actor_id,
    e.place_actor_id,
    subj.name   AS subject,
    obj.name    AS object,
    place.name  AS place,
    e.object_text,
    e.date_value,
    e.date_precision,
    e.modality,
    e.confidence,
    coalesce(e.mention_count, 1) AS mention_count,
    e.event_text
FROM events e
JOIN articles ar USING (article_id)
LEFT JOIN actors subj ON subj.actor_id = e.subject_actor_id
LEFT JOIN actors obj ON obj.actor_id = e.object_actor_id
LEFT JOIN actors place ON place.actor_id = e.place_actor_id
WHERE e.confidence >= display_confidence();
