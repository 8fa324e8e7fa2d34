-- fct_article_facts: every fact span of an article - actor mentions, amounts, dates, quotes - with
-- its offsets into the article text and a label saying what was extracted (for highlighting).
-- Grain: one row per fact span in an article.
CREATE OR REPLACE VIEW fct_article_facts AS
-- Whole amounts are formatted as BIGINT (below 1e18 they fit): DuckDB 1.1, which dashboards may
-- read the snapshot with, formats a HUGEINT without thousands separators.
WITH amount_labels AS (
    SELECT x.*,
           CASE WHEN x.value = round(x.value) AND abs(x.value) < 1e18 THEN format('{:,}', x.value::BIGINT)
                ELSE format('{:,.2f}', x.value) END AS value_text,
           CASE WHEN x.value_max = round(x.value_max) AND abs(x.value_max) < 1e18
                THEN format('{:,}', x.value_max::BIGINT) ELSE format('{:,.2f}', x.value_max) END AS value_max_text
    FROM amounts x
)
SELECT m.article_id, 'mention' AS kind, m.mention_id AS fact_id, m.start_char, m.end_char,
       m.mention_text AS text, a.name || coalesce(' (' || a.actor_type || ')', '') AS label, m.sentence
FROM actor_mentions m JOIN actors a USING (actor_id)
UNION ALL
SELECT x.article_id, 'amount', x.amount_id, x.start_char, x.end_char, x.amount_text,
       x.amount_kind || ': ' || CASE WHEN x.approximate THEN '~' ELSE '' END
       || coalesce(x.value_text, '?') || coalesce('–' || x.value_max_text, '')
       || coalesce(' ' || x.currency, '') || coalesce(' ' || x.unit, ''), x.sentence
FROM amount_labels x
UNION ALL
SELECT d.article_id, 'date', d.date_id, d.start_char, d.end_char, d.date_text,
       coalesce(d.date_value, '?') || coalesce(' (' || d.date_precision || ')', ''), d.sentence
FROM dates d
UNION ALL
SELECT q.article_id, 'quote', q.quote_id, q.start_char, q.end_char, q.quote_text,
       'quote by ' || coalesce(sp.name, q.speaker_text, 'unknown speaker'), q.sentence
FROM quotes q LEFT JOIN actors sp ON sp.actor_id = q.speaker_actor_id;
