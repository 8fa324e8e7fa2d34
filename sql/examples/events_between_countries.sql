-- Events between countries, most reported first, with how surely the reports state them and
-- the confidence of the surest report (fct_events shows events at or above display_confidence();
-- query the events table for every row). Events whose actor the text does not state have no
-- subject and are not between countries: they are in fct_events with a null subject.
SELECT e.event_type, e.subject, e.object, e.date_value, e.report_count, e.strongest_modality,
       round(e.confidence, 2) AS confidence, e.example_text
FROM fct_events e
JOIN actors s ON s.actor_id = e.subject_actor_id AND s.actor_type = 'country'
JOIN actors o ON o.actor_id = e.object_actor_id AND o.actor_type = 'country'
ORDER BY e.report_count DESC, e.first_reported DESC
LIMIT 20;
