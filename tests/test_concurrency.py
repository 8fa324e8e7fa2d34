"""Dashboards are never locked out: readers query the published snapshot in a loop while
several runs load; no error on either side, counts never go backwards, no run seen half-loaded."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

import old_duckdb
from factwire.pipeline import run_pipeline
from factwire.settings import Settings

from conftest import SEEDS

FACTWIRE = str(Path(sys.executable).parent / "factwire")

READER = textwrap.dedent("""
    import json, sys, time, duckdb
    import os
    snapshot, out, stop = sys.argv[1], sys.argv[2], sys.argv[3]
    deadline = time.monotonic() + 600  # a bound, in case the test dies before it says stop
    with open(out, "w") as log:
        while time.monotonic() < deadline and not os.path.exists(stop):
            try:
                con = duckdb.connect(snapshot, read_only=True)
                rows = con.execute(
                    "SELECT a.article_id, "
                    "(SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.article_id), "
                    "(SELECT count(*) FROM amounts x WHERE x.article_id = a.article_id), "
                    "(SELECT count(*) FROM dates x WHERE x.article_id = a.article_id) FROM articles a").fetchall()
                runs = con.execute("SELECT count(*) FROM runs WHERE status = 'succeeded'").fetchone()[0]
                con.close()
                log.write(json.dumps({"articles": {r[0]: r[1:] for r in rows}, "runs": runs}) + "\\n")
            except Exception as exc:  # every error is recorded, none is expected
                log.write(json.dumps({"error": repr(exc)}) + "\\n")
            time.sleep(0.05)
""")


# Readers with factwire's DuckDB, and with the oldest DuckDB the snapshot supports (a BI tool's).
@pytest.mark.parametrize("reader_duckdb", ["project", "duckdb-1.1.3"])
def test_readers_and_loads_at_once(reader_duckdb, tmp_path):
    reader_python = sys.executable if reader_duckdb == "project" else str(old_duckdb.python(reader_duckdb))
    seed_files = sorted(SEEDS.glob("*.txt"))
    load_sets = []
    for number in range(4):  # four loads of distinct articles
        folder = tmp_path / f"set{number}"
        folder.mkdir()
        for path in seed_files[number * 2: number * 2 + 2]:
            shutil.copy(path, folder)
        load_sets.append(folder)

    # What each article's facts look like once fully loaded.
    calibration = Settings.in_folder(tmp_path / "calibration")
    run_pipeline(load_sets, calibration)
    con = duckdb.connect(str(calibration.warehouse_path), read_only=True)
    expected = {r[0]: list(r[1:]) for r in con.execute(
        "SELECT a.article_id, (SELECT count(*) FROM actor_mentions m WHERE m.article_id = a.article_id), "
        "(SELECT count(*) FROM amounts x WHERE x.article_id = a.article_id), "
        "(SELECT count(*) FROM dates x WHERE x.article_id = a.article_id) FROM articles a").fetchall()}
    con.close()
    assert len(expected) == 8

    settings = Settings.in_folder(tmp_path / "live")
    run_pipeline([load_sets[0]], settings)  # dashboards open a snapshot that exists
    snapshot = settings.warehouse_path.with_name("warehouse.snapshot.duckdb")
    store = ["--warehouse", str(settings.warehouse_path), "--lake", str(settings.lake_dir)]

    logs = [tmp_path / f"reader{i}.jsonl" for i in range(3)]
    stop = tmp_path / "stop"
    readers = [subprocess.Popen([reader_python, "-c", READER, str(snapshot), str(log), str(stop)]) for log in logs]
    time.sleep(1)
    writers = [subprocess.Popen([FACTWIRE, "run", str(folder), *store, "--wait", "120"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for folder in load_sets[1:]]
    try:
        outcomes = [w.communicate(timeout=300) for w in writers]
        time.sleep(1)  # a last look after the last load
    finally:
        stop.touch()
    for reader in readers:
        assert reader.wait(timeout=120) == 0

    for writer, (out, err) in zip(writers, outcomes):
        assert writer.returncode == 0, err
        assert "succeeded" in out
    observations = 0
    for log in logs:
        previous_articles, previous_runs = 0, 0
        for line in log.read_text().splitlines():
            seen = json.loads(line)
            assert "error" not in seen, seen
            articles = seen["articles"]
            assert len(articles) >= previous_articles and seen["runs"] >= previous_runs  # never backwards
            for article_id, counts in articles.items():  # never half-loaded
                assert counts == expected[article_id], article_id
            assert len(articles) % 2 == 0  # each run lands its two articles at once
            previous_articles, previous_runs = len(articles), seen["runs"]
            observations += 1
        assert previous_articles == 8  # the last look saw every run
    assert observations > 30
