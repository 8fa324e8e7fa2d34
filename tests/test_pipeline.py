"""The library path end to end on a real DuckDB file: idempotent re-runs, quarantine, atomic loads."""

from __future__ import annotations

import shutil

import duckdb
import pytest

from factwire.pipeline import run_pipeline, warehouse_from
from factwire.settings import Settings
from factwire.warehouse.schema import tables
from factwire.warehouse.store import WarehouseBusy

from conftest import SAMPLE, SEEDS

FACT_TABLES = [name for name, t in tables().items() if t.write_mode != "append"]


def _snapshot(path, leave_out=frozenset()):
    con = duckdb.connect(str(path), read_only=True)
    try:
        snapshot = {}
        for name in FACT_TABLES:
            columns = ", ".join(f'"{c}"' for c in tables()[name].column_names if c not in leave_out)
            snapshot[name] = sorted(map(repr, con.execute(f'SELECT {columns} FROM "{name}"').fetchall()))
        return snapshot
    finally:
        con.close()


def _lake_files(settings):
    return sorted(p.relative_to(settings.lake_dir) for p in settings.lake_dir.rglob("*.parquet"))


def test_rerun_changes_nothing_but_the_run_log(tmp_path):
    settings = Settings.in_folder(tmp_path)
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    (inputs / "broken.jsonl").write_text('{"text": "A short valid article about Acme."}\n{oops\n', encoding="utf-8")
    first = run_pipeline([inputs], settings)
    before, lake_before = _snapshot(settings.warehouse_path), _lake_files(settings)
    second = run_pipeline([inputs], settings)
    assert first.articles_new == len(list(SEEDS.glob("*.txt"))) + 1
    assert first.inputs_quarantined == 1
    assert (second.articles_new, second.articles_unchanged) == (0, first.articles_new)
    assert second.rows_inserted.get("quarantine", 0) == 0
    assert _snapshot(settings.warehouse_path) == before
    assert _lake_files(settings) == lake_before
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    runs = con.execute("SELECT status, articles_new, articles_unchanged FROM runs ORDER BY started_at").fetchall()
    quarantined = con.execute("SELECT reason, source_uri FROM quarantine").fetchall()
    con.close()
    assert runs == [("succeeded", first.articles_new, 0), ("succeeded", 0, first.articles_new)]
    assert [(r, u.endswith("broken.jsonl#L2")) for r, u in quarantined] == [("invalid_json", True)]


def test_new_articles_are_added_to_an_existing_warehouse(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SAMPLE], settings)
    extra = tmp_path / "extra.txt"
    extra.write_text(" date 2024-02-01 Acme buys Widget\n\nAcme Corp bought Widget Ltd for $2 billion, "
                     "Reuters reported on Monday.", encoding="utf-8")
    summary = run_pipeline([SAMPLE, extra], settings)
    assert (summary.articles_new, summary.articles_unchanged) == (1, 1)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    # An actor named in both articles stays one row.
    assert con.execute("SELECT count(*) FROM actors GROUP BY actor_id HAVING count(*) > 1").fetchall() == []
    con.close()


def test_a_failed_load_leaves_nothing_half_loaded(tmp_path, monkeypatch):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SAMPLE], settings)
    before = _snapshot(settings.warehouse_path)
    import factwire.warehouse.store as store

    real = store._load_keyed
    calls = []

    def failing(con, declared, paths):
        calls.append(declared.name)
        if declared.name == "deals":
            raise OSError("disk went away")
        return real(con, declared, paths)

    monkeypatch.setattr(store, "_load_keyed", failing)
    with pytest.raises(OSError):
        run_pipeline([SEEDS], settings)
    assert "articles" in calls  # articles were inserted before the failure, then rolled back
    assert _snapshot(settings.warehouse_path) == before
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    statuses = con.execute("SELECT status, error FROM runs ORDER BY started_at").fetchall()
    con.close()
    assert statuses[0][0] == "succeeded"
    assert statuses[1][0] == "failed" and "disk went away" in statuses[1][1]
    monkeypatch.setattr(store, "_load_keyed", real)
    summary = run_pipeline([SEEDS], settings)  # the next run loads what the failed one could not
    assert summary.articles_new == len(list(SEEDS.glob("*.txt"))) - 1


def test_a_second_writer_is_refused_with_a_clear_error(tmp_path):
    settings = Settings.in_folder(tmp_path)
    warehouse = warehouse_from(settings)
    with warehouse.writer_lock():
        with pytest.raises(WarehouseBusy, match="another factwire run"):
            run_pipeline([SAMPLE], settings)


def test_small_batches_in_two_processes_load_the_same_facts_as_one_batch(tmp_path):
    """Batches extracted by worker processes; actors named in several batches are loaded once."""
    one, many = Settings.in_folder(tmp_path / "one"), Settings.in_folder(tmp_path / "many", processes=2)
    run_pipeline([SEEDS], one, batch_size=500)
    summary = run_pipeline([SEEDS], many, batch_size=3)
    assert summary.status == "succeeded"
    # An actor outside the alias table keeps the spelling it was first loaded with ("NASDAQ" or
    # "Nasdaq"), which depends on batch order; its key does not.
    leave_out = _RUN_COLUMNS | {"name"}
    assert _snapshot(many.warehouse_path, leave_out) == _snapshot(one.warehouse_path, leave_out)


# Columns that say which run loaded a row and when, not what the row is.
_RUN_COLUMNS = {"run_id", "first_run_id", "ingested_at", "quarantined_at", "failed_at", "updated_at", "migrated_at"}
