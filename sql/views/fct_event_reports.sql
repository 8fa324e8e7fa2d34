-- fct_event_reports: each article's report of an event, with the names of who did it, to whom
-- and where. An event whose actor the text does not state ("a bomb exploded in the market")
-- has no subject (null), never a made-up one.
-- Grain: one row per event in an article (its mentions in the article counted in
-- mention_count), for events whose confidence reaches the display threshold
-- (display_confidence(), set by FACTWIRE_DISPLAY_CONFIDENCE); the `events` table keeps every
-- row, with its confidence, for ad-hoc SQL.
CREATE OR REPLACE VIEW fct_event_reports AS
WITH shown AS (
    SELECT e.*,
           -- who did it to or with whom. An event done together (symmetric_event: a meeting, a
           -- signing, a merger) is keyed on the unordered pair, so "Iran signed with Russia" and
           -- "Russia signed with Iran" are one signing.
           CASE WHEN e.subject_actor_id IS NULL THEN NULL
                WHEN symmetric_event(e.event_type) AND e.object_actor_id IS NOT NULL
                    THEN e.event_type || '|' || least(e.subject_actor_id, e.object_actor_id) || '|'
                         || greatest(e.subject_actor_id, e.object_actor_id)
                ELSE e.event_type || '|' || e.subject_actor_id || '|' || coalesce(e.object_actor_id, '-')
           END AS actors_key,
           -- a part of a day ("Monday night", 2008-10-06TNI) is its day: the first ten
           -- characters of a day-precision value are the day
           CASE WHEN e.date_precision = 'day' THEN left(e.date_value, 10) ELSE e.date_value END AS date_key
    FROM events e
    WHERE e.confidence >= display_confidence()
),
within AS (
    -- A report dated only to a month or a year ("signed in 2025") is of the one event its
    -- actors' other reports date more finely within that month or year ("in January 2025");
    -- with two or more such dates it cannot say which, and stays its own.
    SELECT s.event_id, min(f.date_key) AS date_key
    FROM shown s
    JOIN (SELECT DISTINCT actors_key, date_key FROM shown
          WHERE actors_key IS NOT NULL AND date_key IS NOT NULL) f
      ON f.actors_key = s.actors_key AND f.date_key LIKE s.date_key || '-%'
    WHERE s.date_precision IN ('month', 'year')
    GROUP BY s.event_id
    HAVING count(*) = 1
)
SELECT
    -- The same event in several articles (or twice in one): same type, actors and date. With no
    -- stated actor, reports are the same event only when a day, and a place or a named target,
    -- say so; otherwise each report is its own event (unrelated unattributed attacks of one
    -- year are not one attack).
    CASE
        WHEN e.actors_key IS NOT NULL THEN
            md5(e.actors_key || '|' || coalesce(w.date_key, e.date_key, 'undated'))
        WHEN e.date_precision = 'day' AND coalesce(e.place_actor_id, e.object_actor_id) IS NOT NULL THEN
            md5(e.event_type || '|unstated|' || coalesce(e.object_actor_id, '-') || '|'
                || coalesce(e.place_actor_id, '-') || '|' || e.date_key)  -- day precision here
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
FROM shown e
LEFT JOIN within w USING (event_id)
JOIN articles ar USING (article_id)
LEFT JOIN actors subj ON subj.actor_id = e.subject_actor_id
LEFT JOIN actors obj ON obj.actor_id = e.object_actor_id
LEFT JOIN actors place ON place.actor_id = e.place_actor_id;
