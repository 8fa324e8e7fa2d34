-- 0001 baseline: the tables as declared in schemas/*.yaml when versioning began.
-- A new warehouse is created from the declarations directly and starts at the latest version;
-- a warehouse that carries no version is taken to be at this one.
SELECT 1;
