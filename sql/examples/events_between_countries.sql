-- Events between countries, most reported first, with how surely the reports state them.
SELECT e.event_type, e.subject, e.object, e.date_value, e.report_count, e.strongest_modality, e.example_text
FROM fct_events e
JOIN actors s ON s.name = e.subject AND s.actor_type = 'country'
JOIN actors o ON o.name = e.object AND o.actor_type = 'country'
ORDER BY e.report_count DESC, e.first_reported DESC
LIMIT 20;
