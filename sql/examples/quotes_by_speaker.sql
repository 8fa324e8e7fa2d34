-- Who is quoted, how often, and an example.
SELECT speaker, count(*) AS quotes, any_value(quote_text) AS example
FROM fct_quotes
GROUP BY speaker
ORDER BY quotes DESC, speaker;
