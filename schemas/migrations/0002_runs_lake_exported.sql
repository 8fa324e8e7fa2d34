-- 0002: runs remember whether the Parquet lake holds their facts (see factwire/warehouse/lake.py).
-- Runs loaded before this version are taken to be exported.
ALTER TABLE runs ADD COLUMN lake_exported BOOLEAN DEFAULT true;
UPDATE runs SET lake_exported = true WHERE lake_exported IS NULL;
ALTER TABLE runs ALTER COLUMN lake_exported SET NOT NULL;
ALTER TABLE runs ALTER COLUMN lake_exported DROP DEFAULT;
