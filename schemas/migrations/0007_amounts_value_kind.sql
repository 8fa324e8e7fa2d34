-- 0007: amounts say what their value is: exact, approximate ("about"), lower_bound ("more than",
-- "hundreds of"), upper_bound ("up to") or range (value to value_max). Amounts loaded before this
-- version are null (unknown) until `factwire reextract` extracts them again.
ALTER TABLE amounts ADD COLUMN IF NOT EXISTS value_kind VARCHAR;
