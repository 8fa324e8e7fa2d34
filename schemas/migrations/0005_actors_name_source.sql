-- 0005: actors say where their name comes from: "alias table" (curated, never changed) or "text"
-- (a spelling from the articles; each load sets it to the one most mentions use). Actors loaded
-- before this version are null and keep their names, since where those came from is unknown.
ALTER TABLE actors ADD COLUMN IF NOT EXISTS name_source VARCHAR;
