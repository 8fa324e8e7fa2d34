-- Events between countries, most reported first, with how surely the reports state them and
-- the confidence of the surest report (fct_events shows events at or above display_confidence();
-- query the events table for every row).
SELECT e.event_type, e.subject, e.object, e.date_value, e.report_count, e.strongest_modality,
       round(e.confidence, 2) AS confidence, e.example_text
FROM fct_events e
JOIN actors s ON s.name = e.subject AND s.actor_type = 'country'
JOIN actors o ON o.name = e.object AND o.actor_type = 'country'
ORDER BY e.report_count DESC, e.first_reported DESC
LIMIT 20;
