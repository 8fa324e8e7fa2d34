"""Schema versions: older warehouses are migrated forward, newer ones refused untouched."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from factwire.pipeline import run_pipeline, warehouse_from
from factwire.settings import Settings
from factwire.warehouse.migrations import WarehouseVersionError, latest_version, migrations

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
    con.execute("DROP TABLE schema_version")
    con.close()


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
