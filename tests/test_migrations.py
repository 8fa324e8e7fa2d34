"""Schema versions: older warehouses are migrated forward, newer ones refused untouched."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from factwire.pipeline import run_pipeline, warehouse_from
from factwire.settings import Settings
from factwire.warehouse.migrations import WarehouseVersionError, latest_version, migrations
from factwire.warehouse.schema import tables

from conftest import SAMPLE, SEEDS


def test_migrations_are_numbered_without_gaps():
    numbers = [n for n, _ in migrations()]
    assert numbers == list(range(1, latest_version() + 1)) and latest_version() >= 2


def test_a_new_warehouse_starts_at_the_latest_version(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SAMPLE], settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(latest_version(),)]
    con.close()


def _make_version_1(path):
    """Turn a current warehouse into what version 1 looked like: no lake flag, no version table."""
    con = duckdb.connect(str(path))
    for (view,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
        con.execute(f'DROP VIEW "{view}"')
    con.execute("ALTER TABLE runs DROP COLUMN lake_exported")
    con.execute("ALTER TABLE actors DROP COLUMN name_source")
    con.execute("ALTER TABLE amounts DROP COLUMN value_kind")
    con.execute("ALTER TABLE deals DROP COLUMN confidence")
    con.execute("ALTER TABLE events DROP COLUMN confidence")
    _make_events_before_version_9(con)
    con.execute("DROP TABLE schema_version")
    con.close()


def _make_events_before_version_9(con):
    """Events as they were before version 9: a subject always, no place, object text or mention count."""
    for column in ("place_actor_id", "object_text", "mention_count"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.execute("DELETE FROM events WHERE subject_actor_id IS NULL")
    con.execute("ALTER TABLE events ALTER COLUMN subject_actor_id SET NOT NULL")


def test_an_older_warehouse_is_migrated_and_keeps_its_rows(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SAMPLE], settings)
    _make_version_1(settings.warehouse_path)
    summary = run_pipeline([SEEDS], settings)  # opening it for the load migrates it
    assert summary.articles_unchanged == 1 and summary.articles_new == len(list(SEEDS.glob("*.txt"))) - 1
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(latest_version(),)]
    flags = con.execute("SELECT lake_exported FROM runs ORDER BY started_at").fetchall()
    assert flags == [(True,), (True,)]  # the old run taken as exported, the new one exported
    assert con.execute("SELECT count(*) FROM fct_deals").fetchone()[0] > 0  # views re-created
    con.close()


def _make_version_3(path):
    """Turn a current warehouse into what version 3 looked like: every table with its primary key."""
    con = duckdb.connect(str(path))
    for (view,) in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall():
        con.execute(f'DROP VIEW "{view}"')
    for name, declared in tables().items():
        if not declared.enforce_key:
            con.execute(f'ALTER TABLE "{name}" RENAME TO old')
            con.execute(_with_primary_key(declared))
            con.execute(f'INSERT INTO "{name}" SELECT * FROM old')
            con.execute("DROP TABLE old")
    con.execute("ALTER TABLE actors DROP COLUMN name_source")
    con.execute("ALTER TABLE amounts DROP COLUMN value_kind")
    con.execute("ALTER TABLE deals DROP COLUMN confidence")
    con.execute("ALTER TABLE events DROP COLUMN confidence")
    _make_events_before_version_9(con)
    con.execute("UPDATE schema_version SET version = 3")
    con.close()


def _with_primary_key(declared):
    return declared.ddl()[:-2] + f",\n  PRIMARY KEY ({', '.join(declared.key)})\n)"


def _primary_keys(con):
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_constraints() "
                                      "WHERE constraint_type = 'PRIMARY KEY'").fetchall()}


def test_version_3_fact_tables_lose_their_primary_keys_and_keep_rows_and_not_nulls(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SEEDS], settings)
    loose = [name for name, declared in tables().items() if not declared.enforce_key]
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in loose}
    # before version 9 every event had a subject: events with none are not in the old shape
    counts["events"] = con.execute("SELECT count(subject_actor_id) FROM events").fetchone()[0]
    nullability = con.execute("SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                              "ORDER BY ALL").fetchall()
    con.close()
    _make_version_3(settings.warehouse_path)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert set(loose) <= _primary_keys(con)  # the old shape, really
    con.close()

    summary = run_pipeline([SEEDS], settings)  # nothing new; opening it for the run migrates it
    assert summary.articles_new == 0
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("SELECT version FROM schema_version").fetchall() == [(latest_version(),)]
    assert not set(loose) & _primary_keys(con) and "articles" in _primary_keys(con)
    assert {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in loose} == counts
    assert all(counts[name] > 0 for name in ("actor_mentions", "amounts", "dates", "quotes"))
    assert con.execute("SELECT table_name, column_name, is_nullable FROM information_schema.columns "
                       "ORDER BY ALL").fetchall() == nullability
    assert con.execute("SELECT count(*) FROM dim_actors").fetchone()[0] > 0  # views re-created
    # deals loaded before version 8 have no confidence: kept in the table, not shown by the marts
    # until `factwire reextract` scores them
    assert con.execute("SELECT count(*), count(confidence) FROM deals").fetchone() == (counts["deals"], 0)
    assert con.execute("SELECT count(*) FROM fct_deals").fetchone()[0] == 0
    # events loaded before version 9 keep their rows; where, what and how often are unknown until reextract
    assert con.execute("SELECT count(*), count(mention_count), count(place_actor_id) FROM events").fetchone() == (
        counts["events"], 0, 0)
    # actors loaded before version 5: where their names came from is unknown, so they stay as they are
    assert con.execute("SELECT count(*), count(name_source) FROM actors").fetchone()[1] == 0
    con.close()


def test_a_newer_warehouse_is_refused_and_left_as_it_was(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SAMPLE], settings)
    con = duckdb.connect(str(settings.warehouse_path))
    con.execute("UPDATE schema_version SET version = ?", [latest_version() + 1])
    con.close()
    before = settings.warehouse_path.read_bytes()
    with pytest.raises(WarehouseVersionError, match="newer than this factwire"):
        run_pipeline([SEEDS], settings)
    assert settings.warehouse_path.read_bytes() == before
