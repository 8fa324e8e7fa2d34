"""Faults: a run killed at any stage, a full disk, an unwritable folder, two runs at once.

A run is killed with SIGKILL where `factwire.faults.checkpoint` pauses it (FACTWIRE_TEST_PAUSE_AT);
after it the warehouse readers see must be the one before, and the next run must end with every
article loaded once, with all its facts: the same rows as one clean run of the same inputs.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from factwire.faults import PAUSE_AT, PAUSED_FILE
from factwire.pipeline import run_pipeline, warehouse_from
from factwire.settings import Settings
from factwire.warehouse.schema import tables
from factwire.warehouse.store import keyed_tables

from conftest import ROOT, SEEDS
from webfixtures import ACME, start_server

FACTWIRE = str(Path(sys.executable).parent / "factwire")
SEED_FILES = sorted(SEEDS.glob("*.txt"))[:3]
COMPARED = [t for t in keyed_tables() if t != "fetch_failures"]  # failures are keyed by run
STAGES = ["fetch", "extract", "parquet", "load", "publish"]


@pytest.fixture(scope="module")
def site():
    fixture, server, thread = start_server()
    yield fixture
    fixture.stop.set()
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def inputs(site) -> list[str]:
    return [*map(str, SEED_FILES), site.url(ACME.path)]


def keys(warehouse: Path) -> dict[str, list[tuple]]:
    """Every keyed table's keys, sorted (duplicates kept, so a duplicate shows)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        found = {}
        for name in COMPARED:
            columns = ", ".join(f'"{k}"' for k in tables()[name].key)
            found[name] = sorted(con.execute(f'SELECT {columns} FROM "{name}"').fetchall())
        return found
    finally:
        con.close()


def lake_article_ids(lake: Path) -> list[str]:
    files = [str(p) for p in (lake / "articles").rglob("*.parquet")]
    return sorted(r[0] for r in duckdb.sql("SELECT article_id FROM read_parquet(?)", params=[files]).fetchall())


@pytest.fixture(scope="module")
def states(site, tmp_path_factory):
    """A warehouse holding the first seed (where each faulty run starts), and the warehouse one
    clean run makes of all the inputs (what the run after a fault must arrive at)."""
    from dataclasses import replace

    from factwire.pipeline import default_fetch_config

    allow = replace(default_fetch_config(), allow_hosts=frozenset({"127.0.0.1"}))
    prior = tmp_path_factory.mktemp("prior")
    assert run_pipeline([SEED_FILES[0]], Settings.in_folder(prior)).status == "succeeded"
    reference = tmp_path_factory.mktemp("reference")
    run_pipeline([SEED_FILES[0]], Settings.in_folder(reference))
    assert run_pipeline(inputs(site), Settings.in_folder(reference), fetch_config=allow).status == "succeeded"
    return prior, keys(reference / "warehouse.duckdb"), allow


def start_run(folder: Path, args: list[str], pause_at: str | None = None, **popen) -> tuple[subprocess.Popen, Path]:
    marker = folder / f"paused-{pause_at}"
    env = {**os.environ, PAUSE_AT: pause_at or "", PAUSED_FILE: str(marker)}
    command = [FACTWIRE, "run", *args, "--allow-host", "127.0.0.1",
               "--warehouse", str(folder / "warehouse.duckdb"), "--lake", str(folder / "lake")]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True, start_new_session=True, **popen)
    return process, marker


def wait_for_pause(process: subprocess.Popen, marker: Path, stage: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not marker.exists():
        if process.poll() is not None:
            out, err = process.communicate()
            pytest.fail(f"the run ended (status {process.returncode}) without pausing at {stage!r}: is "
                        f"checkpoint({stage!r}) called? {err[-2000:]}")
        if time.monotonic() > deadline:
            os.killpg(process.pid, signal.SIGKILL)
            pytest.fail(f"no pause at {stage!r} within {timeout} s")
        time.sleep(0.05)


def kill(process: subprocess.Popen) -> None:
    os.killpg(process.pid, signal.SIGKILL)  # the run's own process group (it may have workers)
    process.communicate(timeout=30)


@pytest.mark.parametrize("stage", STAGES)
def test_a_run_killed_at_any_stage_leaves_nothing_half_done(stage, site, states, tmp_path):
    prior, reference, allow = states
    folder = tmp_path / "w"
    shutil.copytree(prior, folder)
    before = keys(folder / "warehouse.snapshot.duckdb")
    process, marker = start_run(folder, inputs(site), pause_at=stage)
    wait_for_pause(process, marker, stage)
    kill(process)
    # Readers see the warehouse as it was: the killed run is absent, not half there.
    assert keys(folder / "warehouse.snapshot.duckdb") == before
    settings = Settings.in_folder(folder)
    summary = run_pipeline(inputs(site), settings, fetch_config=allow)
    assert summary.status == "succeeded"
    for path in (settings.warehouse_path, warehouse_from(settings).snapshot_path):
        assert keys(path) == reference, f"{path.name} after a kill at {stage}"  # all once, facts included
    assert lake_article_ids(settings.lake_dir) == [k for (k,) in reference["articles"]]  # the lake mirrors it
    assert not list(settings.lake_dir.rglob("*.partial"))
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    runs = con.execute("SELECT status FROM runs ORDER BY started_at").fetchall()
    con.close()
    # The killed run left no row (it could not); or, killed after its commit, its own complete one.
    assert runs in ([("succeeded",)] * 2, [("succeeded",)] * 3)
    assert stage == "publish" or len(runs) == 2


def _limit_file_size(limit: int):
    def apply() -> None:  # in the child: writes past `limit` bytes fail with EFBIG, like a full disk
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.parametrize("limit", [
    4096,  # the first Parquet file does not fit
    64 * 1024,  # DuckDB's write fails half-way and leaves warehouse.duckdb unreadable: the next run
                # sets it aside and rebuilds it from the published snapshot
    1024 * 1024,  # DuckDB's checkpoint after the commit does not fit
])
@pytest.mark.filterwarnings("ignore:.*rebuilt from warehouse.snapshot.duckdb:RuntimeWarning")
def test_a_full_disk_fails_the_run_and_loses_nothing(limit, site, states, tmp_path):
    prior, reference, allow = states
    folder = tmp_path / "w"
    shutil.copytree(prior, folder)
    before = keys(folder / "warehouse.snapshot.duckdb")
    process, _ = start_run(folder, inputs(site), preexec_fn=_limit_file_size(limit))
    _, err = process.communicate(timeout=300)
    assert process.returncode != 0
    assert "File too large" in err.strip().splitlines()[-1], err[-3000:]
    assert keys(folder / "warehouse.snapshot.duckdb") == before
    settings = Settings.in_folder(folder)  # room again: the next run completes the work
    assert run_pipeline(inputs(site), settings, fetch_config=allow).status == "succeeded"
    assert keys(settings.warehouse_path) == reference


def test_an_unwritable_lake_fails_the_run_with_the_reason_and_loads_nothing(states, tmp_path):
    prior, _, _ = states
    folder = tmp_path / "w"
    shutil.copytree(prior, folder)
    before = keys(folder / "warehouse.duckdb")
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the lake folder should be", encoding="utf-8")
    result = subprocess.run([FACTWIRE, "run", *map(str, SEED_FILES), "--warehouse", str(folder / "warehouse.duckdb"),
                             "--lake", str(blocker / "lake")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "Not a directory" in result.stderr.strip().splitlines()[-1]
    assert keys(folder / "warehouse.duckdb") == before
    con = duckdb.connect(str(folder / "warehouse.duckdb"), read_only=True)
    failed = con.execute("SELECT error FROM runs WHERE status = 'failed'").fetchall()
    con.close()
    assert len(failed) == 1 and "Not a directory" in failed[0][0]


def test_an_unwritable_warehouse_folder_fails_before_any_work(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    result = subprocess.run([FACTWIRE, "run", str(SEED_FILES[0]), "--warehouse", str(blocker / "warehouse.duckdb"),
                             "--lake", str(tmp_path / "lake")], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert str(blocker) in result.stderr.strip().splitlines()[-1]  # the error names the path
    assert not (tmp_path / "lake").exists()


def test_a_second_run_started_during_the_first_is_refused(states, tmp_path):
    prior, _, _ = states
    folder = tmp_path / "w"
    shutil.copytree(prior, folder)
    first, marker = start_run(folder, list(map(str, SEED_FILES)), pause_at="extract")
    try:
        wait_for_pause(first, marker, "extract")
        second, _ = start_run(folder, list(map(str, SEED_FILES)))
        _, err = second.communicate(timeout=300)
        assert second.returncode == 75
        assert "another factwire run is writing" in err
        marker.unlink()  # let the first run go on
        out, err = first.communicate(timeout=300)
    finally:
        if first.poll() is None:
            kill(first)
    assert first.returncode == 0, err
    assert "new 2" in out
