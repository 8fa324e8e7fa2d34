-- actor_resolution: the actor each actor is counted as across articles. Within an article a
-- surname is already resolved to the full name met there ("Clinton" after "Hillary Clinton").
-- A person an article names by one word only ("Warhol") is counted, across articles, as the one
-- person of the warehouse whose full name ends in that word ("Andy Warhol"); when no person or
-- several fit ("Lee"), it stays its own actor. First names alone are never merged.
--
-- A lone surname the NER typed as an organisation ("Jobs" in a paragraph that never says
-- "Steve Jobs") is that person too, but only with three guards, since a company may bear a
-- person's surname (Ford, Dell, Disney): the name is not the alias table's (which knows the
-- companies), some article names that person by that word alone (news calls the person so,
-- and within an article the word was resolved to the person), and no organisation or place of
-- the warehouse has a longer name starting with the word ("Ford Motor", "Dell Inc.",
-- "Disney Channel": then the word may be the company's short name, and it stays its own actor).
-- An organisation named "X of Y" is called "the X" once named ("the Church" after "the Church
-- of Scientology"; within an article that is resolved). A one-word organisation X, not the alias
-- table's, is across articles the one organisation of the warehouse some article calls by that
-- word alone; when several are called so ("the Bank" of two banks), it stays its own actor.
-- Grain: one row per actor (resolved_actor_id = actor_id when it stands on its own).
CREATE OR REPLACE VIEW actor_resolution AS
WITH full_names AS (
    SELECT actor_id, string_split(name, ' ')[-1] AS last_word FROM actors
    WHERE actor_type = 'person' AND name LIKE '% %'
),
one_word_people AS (
    SELECT actor_id, name FROM actors
    WHERE actor_type = 'person' AND name NOT LIKE '% %'
),
named_by_surname AS (
    -- people some article names by their last word alone, resolved there to the full name
    SELECT DISTINCT f.actor_id, f.last_word
    FROM full_names f JOIN actor_mentions m ON m.actor_id = f.actor_id AND m.mention_text = f.last_word
),
longer_names AS (
    SELECT DISTINCT string_split(name, ' ')[1] AS first_word FROM actors
    WHERE actor_type <> 'person' AND name LIKE '% %'
),
one_word_organizations AS (
    SELECT a.actor_id, a.name FROM actors a
    WHERE a.actor_type = 'organization' AND a.name NOT LIKE '% %'
      AND coalesce(a.name_source, '') <> 'alias table'
      AND a.name NOT IN (SELECT first_word FROM longer_names)
),
called_by_head_word AS (
    -- organisations named "X of Y" some article calls by X alone, resolved there to the full name
    SELECT DISTINCT o.actor_id, string_split(o.name, ' ')[1] AS head_word
    FROM actors o JOIN actor_mentions m
      ON m.actor_id = o.actor_id AND m.mention_text = string_split(o.name, ' ')[1]
    WHERE o.actor_type = 'organization' AND string_split(o.name, ' ')[2] = 'of'
),
fits AS (
    SELECT w.actor_id, min(f.actor_id) AS full_name_actor_id, count(*) AS candidates, 'person' AS typed
    FROM one_word_people w JOIN full_names f ON f.last_word = w.name
    GROUP BY w.actor_id
    UNION ALL
    SELECT w.actor_id, min(f.actor_id), count(*), 'organization'
    FROM one_word_organizations w JOIN full_names f ON f.last_word = w.name
    GROUP BY w.actor_id
    HAVING count(*) = 1 AND min(f.actor_id) IN (SELECT actor_id FROM named_by_surname)
    UNION ALL
    SELECT w.actor_id, min(h.actor_id), count(*), 'head word'
    FROM actors w JOIN called_by_head_word h ON h.head_word = w.name
    WHERE w.actor_type = 'organization' AND w.name NOT LIKE '% %'
      AND coalesce(w.name_source, '') <> 'alias table'
    GROUP BY w.actor_id
)
SELECT
    a.actor_id,
    CASE WHEN fits.candidates = 1 THEN fits.full_name_actor_id ELSE a.actor_id END AS resolved_actor_id,
    CASE WHEN fits.candidates = 1 AND fits.typed = 'person' THEN 'surname of the one person of that name'
         WHEN fits.candidates = 1 AND fits.typed = 'head word' THEN 'head word of the one organisation called so'
         WHEN fits.candidates = 1 THEN 'surname of the one person of that name, typed an organisation'
    END AS resolved_by
FROM actors a
LEFT JOIN fits ON fits.actor_id = a.actor_id;
