"""Dashboards are never locked out: readers query the published snapshot in a loop while
several runs load; no error on either side, counts never go backwards, no run seen half-loaded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

import old_duckdb
from factwire.faults import PAUSE_AT, PAUSED_FILE
from factwire.pipeline import run_pipeline
from factwire.settings import Settings

from conftest import SEEDS

FACTWIRE = str(Path(sys.executable).parent / "factwire")


def _looks(log: Path) -> list[dict]:
    """A reader's observations so far (whole lines only: it may be writing the next)."""
    text = log.read_text() if log.exists() else ""
    return [json.loads(line) for line in text[: text.rfind("\n") + 1].splitlines()]


def _wait_until(condition, what: str, timeout: float = 300) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"waited {timeout} s for {what}"
        time.sleep(0.05)


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
            log.flush()  # the test waits on what the log says
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
    # The first writer is held in the middle of its load (transaction open) until every reader
    # has looked a few times more: readers are seen to work during a load, whatever the timing.
    paused = tmp_path / "paused"
    writers = []
    try:
        _wait_until(lambda: all(_looks(log) for log in logs), "every reader's first look")
        for number, folder in enumerate(load_sets[1:]):
            env = {**os.environ, PAUSE_AT: "load" if number == 0 else "", PAUSED_FILE: str(paused)}
            writers.append(subprocess.Popen([FACTWIRE, "run", str(folder), *store, "--wait", "300", "--quiet"],
                                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env))
        _wait_until(lambda: paused.exists() or writers[0].poll() is not None, "the first writer's load")
        assert paused.exists(), writers[0].communicate()
        during = [len(_looks(log)) for log in logs]
        _wait_until(lambda: all(len(_looks(log)) >= n + 3 for log, n in zip(logs, during)), "looks during a load")
        paused.unlink()  # let it finish
        outcomes = [w.communicate(timeout=300) for w in writers]
        # a last look after the last load, by every reader
        _wait_until(lambda: all(len(_looks(log)[-1].get("articles", ())) == 8 for log in logs), "a look at the last load")
    finally:
        stop.touch()
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
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
    assert observations >= 3 * (1 + 3 + 1)  # first looks, looks during the held load, last looks
