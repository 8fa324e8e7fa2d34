"""Scaling out: batches extracted on a Dask cluster, staging and the lake in an S3-compatible store.

Real components on 127.0.0.1, started and stopped here: moto's standalone S3 server
(`moto_server`), a Prefect server, a `dask scheduler` and `dask worker` processes (started
outside the checkout: a worker needs factwire installed, nothing else). Every process is
stopped by pid with its children, also when a test fails. A worker is held at a known point
with `factwire.faults` (FACTWIRE_TEST_PAUSE_AT, FACTWIRE_TEST_PAUSED) and killed there: no
test waits on time. Linux only (processes are found in /proc).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import duckdb
import httpx
import pytest

from factwire.faults import PAUSE_AT, PAUSED_FILE
from factwire.pipeline import run_pipeline
from factwire.settings import Settings
from factwire.warehouse.schema import tables
from factwire.warehouse.store import keyed_tables

from conftest import ROOT, SEEDS
from processes import alive as _alive, descendants as _descendants

pytestmark = pytest.mark.cluster

BIN = Path(sys.executable).parent
SEED_FILES = sorted(SEEDS.glob("*.txt"))
BATCH = 2
# Columns that name the run or its time: they differ between any two runs of the same input.
RUN_COLUMNS = {"run_id", "first_run_id", "ingested_at", "quarantined_at", "failed_at", "updated_at"}
WAIT = 180  # seconds: an upper bound on a condition that comes much sooner, never a sleep

FLOW_RUNNER = """
import json, sys
sys.path.insert(0, sys.argv[1])  # the flow from the checkout, as a Prefect worker's pull step does
from flows.news_etl import news_etl
state = news_etl(**json.loads(sys.argv[2]), return_state=True)
print("FLOW-RESULT " + json.dumps({"flow_run_id": str(state.state_details.flow_run_id),
                                   "completed": state.is_completed(),
                                   "summary": state.result(raise_on_failure=False) if state.is_completed() else None}))
"""


# -- processes ------------------------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _stop(proc: subprocess.Popen, grace: float = 10) -> None:
    """SIGTERM the process and every descendant, SIGKILL what is left after ``grace`` seconds.
    Only processes these tests started (each in its own session)."""
    pids = [proc.pid, *_descendants(proc.pid)]

    def signal_all(sig: int) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    signal_all(signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline and (proc.poll() is None or any(map(_alive, pids))):
        time.sleep(0.1)
    signal_all(signal.SIGKILL)
    proc.wait(timeout=30)


class Processes:
    """The processes a test starts, each logging to a file; `stop_all` in a finally."""

    def __init__(self, folder: Path):
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, name: str, argv: list[str], env: dict[str, str], cwd: Path) -> subprocess.Popen:
        with open(self.folder / f"{name}.log", "wb") as log:
            proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                                    stdin=subprocess.DEVNULL, start_new_session=True)
        self.procs[name] = proc
        return proc

    def log(self, name: str) -> str:
        return (self.folder / f"{name}.log").read_text(errors="replace")

    def logs(self) -> str:
        return "\n".join(f"----- {log.name} -----\n{log.read_text(errors='replace')[-5000:]}"
                         for log in sorted(self.folder.glob("*.log")))

    def stop_all(self) -> None:
        for proc in reversed(list(self.procs.values())):
            _stop(proc)


def _wait_for(condition, what: str, proc: subprocess.Popen | None = None, timeout: float = WAIT):
    """Poll ``condition`` until it returns something true; fail if ``proc`` exits first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"gave up waiting for {what}: the process exited {proc.returncode}")
        time.sleep(0.1)
    pytest.fail(f"gave up waiting for {what} after {timeout} s")


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code < 500
    except httpx.TransportError:
        return False


# -- services ---------------------------------------------------------------------------------------

def _moto_server(procs: Processes, name: str, tmp: Path) -> str:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    proc = procs.start(name, [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], env, tmp)
    endpoint = f"http://127.0.0.1:{port}"
    _wait_for(lambda: _answers(endpoint), "moto_server to answer", proc)
    return endpoint


def _aws_env(endpoint: str) -> dict[str, str]:
    return {"AWS_ENDPOINT_URL": endpoint, "AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_REGION": "us-east-1", "AWS_EC2_METADATA_DISABLED": "true"}


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    """One moto S3 server and one Prefect server for the module's tests."""
    folder = tmp_path_factory.mktemp("services")
    procs = Processes(folder / "logs")
    try:
        s3 = _moto_server(procs, "moto", folder)
        port = _free_port()
        api = f"http://127.0.0.1:{port}/api"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "FACTWIRE_", "AWS_"))}
        env.update({"PREFECT_HOME": str(folder / "prefect-home"), "DO_NOT_TRACK": "1",
                    "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_SERVER_UI_ENABLED": "false",
                    "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false"})
        server = procs.start("prefect-server", [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1",
                                                "--port", str(port)], env, folder)
        _wait_for(lambda: _answers(f"{api}/health"), "the Prefect server to answer", server)
        yield {"s3": s3, "api": api, "prefect_home": str(folder / "prefect-home"), "procs": procs}
    finally:
        procs.stop_all()
        print(procs.logs())


@pytest.fixture
def aws(services, monkeypatch) -> dict[str, str]:
    """This process reaches the S3 server as the pipeline's processes do: by the environment."""
    env = _aws_env(services["s3"])
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env


@pytest.fixture
def bucket(aws) -> str:
    from pyarrow import fs

    name = f"factwire-{uuid.uuid4().hex[:10]}"
    fs.S3FileSystem(endpoint_override=aws["AWS_ENDPOINT_URL"], allow_bucket_creation=True).create_dir(name)
    return name


def _env(services, tmp: Path, **extra: str) -> dict[str, str]:
    """What every process of a run gets: the Prefect API, the S3 store, nothing of this shell's
    own factwire, Prefect or AWS settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "FACTWIRE_", "AWS_"))}
    env.update(_aws_env(services["s3"]))
    env.update({"PREFECT_API_URL": services["api"], "PREFECT_HOME": services["prefect_home"], "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONUNBUFFERED": "1"})
    env.update(extra)
    return env


class Cluster:
    """A `dask scheduler` and `dask worker` processes (one thread each, no nanny: the worker is
    the process a test kills), started in a folder outside the checkout."""

    def __init__(self, procs: Processes, env: dict[str, str], cwd: Path):
        self.procs, self.env, self.cwd = procs, env, cwd
        port = _free_port()
        self.address = f"tcp://127.0.0.1:{port}"
        scheduler = procs.start("dask-scheduler", [str(BIN / "dask"), "scheduler", "--host", "127.0.0.1",
                                                   "--port", str(port), "--no-dashboard"], env, cwd)
        _wait_for(lambda: _listening(port), "the Dask scheduler to listen", scheduler)
        self.workers: dict[str, subprocess.Popen] = {}

    def add_worker(self, name: str, **extra_env: str) -> subprocess.Popen:
        proc = self.procs.start(f"dask-worker-{name}", [
            str(BIN / "dask"), "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
            "--name", name, "--local-directory", str(self.cwd / f"dask-{name}")], {**self.env, **extra_env}, self.cwd)
        self.workers[name] = proc
        return proc

    def wait_for_workers(self) -> None:
        from distributed import Client

        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(len(self.workers), timeout=WAIT)

    def worker_states(self) -> dict[int, dict]:
        """Per live worker process (by pid): tasks executed and spaCy models loaded."""
        import cloudpickle
        from distributed import Client

        cloudpickle.register_pickle_by_value(sys.modules[_worker_state.__module__])  # workers lack the tests
        with Client(self.address, timeout=60, set_as_default=False) as client:
            return {state["pid"]: state for state in client.run(_worker_state).values()}


def _worker_state(dask_worker) -> dict:
    import os

    from factwire.nlp import load_nlp

    return {"pid": os.getpid(), "executed": dask_worker.state.executed_count,
            "models_loaded": load_nlp.cache_info().misses}


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def cluster(services, tmp_path):
    """Start a cluster with `cluster()`; every process it started is stopped afterwards."""
    procs = Processes(tmp_path / "cluster-logs")
    work = tmp_path / "elsewhere"  # not the checkout: workers import factwire as installed
    work.mkdir()
    try:
        yield lambda: Cluster(procs, _env(services, tmp_path), work)
    finally:
        procs.stop_all()
        print(procs.logs())


# -- what the warehouse and the lake hold ------------------------------------------------------------

def contents(warehouse: Path) -> dict[str, list[tuple]]:
    """Every keyed table's rows, sorted, without the columns that name a run or its time."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        found = {}
        for name in keyed_tables():
            columns = [c for c in tables()[name].column_names if c not in RUN_COLUMNS]
            listed = ", ".join(f'"{c}"' for c in columns)
            found[name] = sorted(con.execute(f'SELECT {listed} FROM "{name}"').fetchall(), key=repr)
        return found
    finally:
        con.close()


def keys_and_counts(warehouse: Path) -> dict[str, tuple[int, list[tuple]]]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        found = {}
        for name, declared in tables().items():
            key = ", ".join(f'"{k}"' for k in declared.key)
            rows = con.execute(f'SELECT {key} FROM "{name}"').fetchall()
            found[name] = (len(rows), sorted(rows, key=repr))
        return found
    finally:
        con.close()


def _differences(found: dict, expected: dict) -> dict:
    """Per table that differs, a few rows found but not expected and expected but not found."""
    diff = {}
    for name in sorted(set(found) | set(expected)):
        extra = [r for r in found.get(name, []) if r not in expected.get(name, [])]
        missing = [r for r in expected.get(name, []) if r not in found.get(name, [])]
        if extra or missing or len(found.get(name, [])) != len(expected.get(name, [])):
            diff[name] = {"found, not expected": extra[:3], "expected, not found": missing[:3]}
    return diff


def _across_runs(keys: dict) -> dict:
    """Keys and counts that two runs of the same input share: the run log's keys are its runs'."""
    return {name: (count if name == "runs" else (count, rows)) for name, (count, rows) in keys.items()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory) -> dict:
    """The warehouse a local run (the library, local folders) makes of the seeds."""
    settings = Settings.in_folder(tmp_path_factory.mktemp("local-run"))
    summary = run_pipeline(SEED_FILES, settings, batch_size=BATCH)
    assert summary.status == "succeeded" and summary.articles_new > 2 * BATCH
    return {"contents": contents(settings.warehouse_path), "keys": keys_and_counts(settings.warehouse_path),
            "articles": summary.articles_new, "batches": -(-summary.articles_new // BATCH)}


def _s3(aws):
    from pyarrow import fs

    return fs.S3FileSystem(endpoint_override=aws["AWS_ENDPOINT_URL"])


def _files(aws, prefix: str) -> list[str]:
    from pyarrow import fs

    infos = _s3(aws).get_file_info(fs.FileSelector(prefix, recursive=True, allow_not_found=True))
    return sorted(i.path for i in infos if i.type == fs.FileType.File)


def _flow(procs: Processes, name: str, services, tmp: Path, params: dict) -> subprocess.Popen:
    return procs.start(name, [sys.executable, "-c", FLOW_RUNNER, str(ROOT), json.dumps(params)],
                       _env(services, tmp), tmp)


def _flow_result(procs: Processes, name: str) -> dict:
    lines = [line for line in procs.log(name).splitlines() if line.startswith("FLOW-RESULT ")]
    assert lines, f"the flow printed no result:\n{procs.log(name)[-5000:]}"
    return json.loads(lines[-1].split(" ", 1)[1])


def _task_runs(api: str, flow_run_id: str) -> list[tuple[str, str]]:
    body = {"flow_runs": {"id": {"any_": [flow_run_id]}}}
    runs = httpx.post(f"{api}/task_runs/filter", json=body, timeout=10).json()
    return sorted((run["name"].rsplit("-", 1)[0], run["state"]["type"]) for run in runs)


def _held_pid(marker: Path) -> int:
    pid, stage = marker.read_text().split()
    return int(pid)


# -- the tests -----------------------------------------------------------------------------------------

def test_flow_on_a_dask_cluster_with_s3_loads_what_a_local_run_loads(services, cluster, reference, aws, bucket,
                                                                     tmp_path):
    dask = cluster()
    dask.add_worker("one")
    dask.add_worker("two")
    dask.wait_for_workers()
    procs = Processes(tmp_path / "logs")
    warehouse = tmp_path / "loader" / "warehouse.duckdb"
    try:
        flow = _flow(procs, "flow", services, tmp_path, {
            "paths": [str(p) for p in SEED_FILES], "warehouse": str(warehouse), "lake": f"s3://{bucket}/lake",
            "batch_size": BATCH, "dask_scheduler": dask.address})
        assert flow.wait(timeout=WAIT * 2) == 0, procs.log("flow")[-5000:]
    finally:
        procs.stop_all()
    result = _flow_result(procs, "flow")
    assert result["completed"] and result["summary"]["status"] == "succeeded"
    assert result["summary"]["articles_new"] == reference["articles"]

    # the same tables, row for row, as the local run of the same input
    assert not _differences(contents(warehouse), reference["contents"])
    assert _across_runs(keys_and_counts(warehouse)) == _across_runs(reference["keys"])

    # every batch ran in a worker process, each of which loaded the spaCy model once
    states = dask.worker_states()
    assert set(states) == {proc.pid for proc in dask.workers.values()}
    assert sum(s["executed"] for s in states.values()) == reference["batches"]
    assert all(s["executed"] >= 1 and s["models_loaded"] == 1 for s in states.values()), states
    # and reported its task run to the flow's Prefect API
    assert _task_runs(services["api"], result["flow_run_id"]).count(("extract_batch", "COMPLETED")) == reference["batches"]

    # staged batches are gone from the store once loaded; the lake there holds what the tables hold
    assert _files(aws, f"{bucket}/lake/_batches") == []
    _assert_lake_matches(aws, f"{bucket}/lake", warehouse)


def _assert_lake_matches(aws, lake: str, warehouse: Path) -> None:
    """Every table of the lake, read back with pyarrow and with DuckDB (over Arrow), has the
    rows and keys of the warehouse's table."""
    import pyarrow.dataset as ds

    s3 = _s3(aws)
    held = keys_and_counts(warehouse)
    con = duckdb.connect()
    try:
        for name, declared in tables().items():
            dataset = ds.dataset(f"{lake}/{name}", filesystem=s3, format="parquet", partitioning="hive")
            table = dataset.to_table(columns=list(declared.key))
            by_pyarrow = sorted(zip(*(table.column(k).to_pylist() for k in declared.key)), key=repr)
            assert (table.num_rows, by_pyarrow) == held[name], name
            con.register("lake_table", dataset)
            key = ", ".join(f'"{k}"' for k in declared.key)
            by_duckdb = sorted(con.execute(f"SELECT {key} FROM lake_table").fetchall(), key=repr)
            con.unregister("lake_table")
            assert (len(by_duckdb), by_duckdb) == held[name], name
    finally:
        con.close()


def test_a_worker_killed_while_it_holds_a_batch_loses_nothing(services, cluster, reference, aws, bucket, tmp_path):
    marker = tmp_path / "worker-paused"
    dask = cluster()
    dask.add_worker("steady")
    doomed = dask.add_worker("doomed", **{PAUSE_AT: "extract", PAUSED_FILE: str(marker)})
    dask.wait_for_workers()
    procs = Processes(tmp_path / "logs")
    warehouse = tmp_path / "loader" / "warehouse.duckdb"
    try:
        flow = _flow(procs, "flow", services, tmp_path, {
            "paths": [str(p) for p in SEED_FILES], "warehouse": str(warehouse), "lake": f"s3://{bucket}/lake",
            "batch_size": BATCH, "dask_scheduler": dask.address})
        _wait_for(marker.exists, "the doomed worker to hold a batch", flow)
        assert _held_pid(marker) == doomed.pid  # the worker process holds it, not the flow's
        os.kill(doomed.pid, signal.SIGKILL)
        assert flow.wait(timeout=WAIT * 2) == 0, procs.log("flow")[-5000:]
    finally:
        procs.stop_all()
    result = _flow_result(procs, "flow")
    assert result["completed"] and result["summary"]["status"] == "succeeded"
    assert not _differences(contents(warehouse), reference["contents"])
    # the killed worker finished nothing: the steady one ran every batch, its own and the held one
    assert [s["executed"] for s in dask.worker_states().values()] == [reference["batches"]]
    assert _task_runs(services["api"], result["flow_run_id"]).count(("extract_batch", "COMPLETED")) == reference["batches"]
    _assert_lake_matches(aws, f"{bucket}/lake", warehouse)


def test_factwire_run_on_a_cluster_survives_a_worker_killed_half_way_through_writing_its_batch(
        services, cluster, reference, aws, bucket, tmp_path):
    marker = tmp_path / "worker-paused"
    dask = cluster()
    dask.add_worker("steady")
    doomed = dask.add_worker("doomed", **{PAUSE_AT: "parquet", PAUSED_FILE: str(marker)})
    dask.wait_for_workers()
    procs = Processes(tmp_path / "logs")
    warehouse = tmp_path / "loader" / "warehouse.duckdb"
    staging = f"{bucket}/staging"
    try:
        run = procs.start("factwire-run", [
            str(BIN / "factwire"), "run", *map(str, SEED_FILES), "--warehouse", str(warehouse),
            "--lake", f"s3://{bucket}/lake", "--staging", f"s3://{staging}", "--batch-size", str(BATCH),
            "--dask-scheduler", dask.address, "--json", "--quiet"], _env(services, tmp_path), tmp_path)
        _wait_for(marker.exists, "the doomed worker to be half-way through writing its batch", run)
        assert _held_pid(marker) == doomed.pid
        # in the store now: some of that batch's files, and no manifest publishing them
        staged = _files(aws, staging)
        manifests = {Path(p).stem for p in staged if "/_manifests/" in p}
        unpublished = {Path(p).stem for p in staged if "/_manifests/" not in p} - manifests
        assert unpublished, staged
        os.kill(doomed.pid, signal.SIGKILL)
        assert run.wait(timeout=WAIT * 2) == 0, procs.log("factwire-run")[-5000:]
    finally:
        procs.stop_all()
    summary = json.loads(procs.log("factwire-run")[procs.log("factwire-run").index("{"):])
    assert summary["status"] == "succeeded" and summary["articles_new"] == reference["articles"]
    assert not _differences(contents(warehouse), reference["contents"])
    assert [s["executed"] for s in dask.worker_states().values()] == [reference["batches"]]
    assert _files(aws, staging) == []


HALF_WRITER = """
import pickle, sys
from datetime import date
from factwire.warehouse.store import Warehouse
rows_file, staging = sys.argv[1], sys.argv[2]
with open(rows_file, "rb") as handle:
    rows = pickle.load(handle)
Warehouse("unused.duckdb", staging, staging).write_lake(rows, "batch-half", date(2026, 1, 1))
"""


def _batch_rows(warehouse: Path) -> dict[str, list[dict]]:
    """A batch's worth of rows for three tables, as extraction makes them (from a loaded warehouse)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        rows = {}
        for table in ("articles", "amounts", "dates"):
            cursor = con.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cursor.description]
            rows[table] = [dict(zip(names, r)) for r in cursor.fetchall()]
        return rows
    finally:
        con.close()


def _loaded(settings: Settings) -> tuple:
    """What must not change: the tables, the run log and the published snapshot's bytes."""
    from factwire.pipeline import warehouse_from

    warehouse = warehouse_from(settings)
    con = duckdb.connect(str(warehouse.path), read_only=True)
    try:
        runs = con.execute("SELECT run_id, status FROM runs ORDER BY run_id").fetchall()
    finally:
        con.close()
    return contents(warehouse.path), runs, hashlib.sha256(warehouse.snapshot_path.read_bytes()).hexdigest()


def test_a_batch_half_written_to_the_store_is_never_loaded(services, aws, bucket, tmp_path):
    import pickle
    from datetime import date, datetime, timezone

    from factwire.pipeline import RunSummary, run_row, warehouse_from
    from factwire.warehouse import storage
    from factwire.warehouse.lake import UnpublishedBatch

    source = Settings.in_folder(tmp_path / "source")
    assert run_pipeline(SEED_FILES[1:3], source).status == "succeeded"
    rows = _batch_rows(source.warehouse_path)
    staging = f"{bucket}/staging"
    settings = Settings(warehouse_path=tmp_path / "warehouse.duckdb", lake_dir=f"s3://{bucket}/lake",
                        staging_dir=f"s3://{staging}")
    assert run_pipeline(SEED_FILES[:1], settings).status == "succeeded"
    warehouse = warehouse_from(settings)
    before = _loaded(settings)
    row = run_row(RunSummary("half-written", "succeeded", 2, 2, 0, 0, 0, {}), ["test"], datetime.now(timezone.utc))

    # a writer killed after the first of its three files: half a batch in the store, unpublished
    rows_file = tmp_path / "rows.pickle"
    rows_file.write_bytes(pickle.dumps(rows))
    marker = tmp_path / "writer-paused"
    procs = Processes(tmp_path / "logs")
    try:
        writer = procs.start("writer", [sys.executable, "-c", HALF_WRITER, str(rows_file), f"s3://{staging}"],
                             _env(services, tmp_path, **{PAUSE_AT: "parquet", PAUSED_FILE: str(marker)}), tmp_path)
        _wait_for(marker.exists, "the writer to be half-way through its batch", writer)
        assert _held_pid(marker) == writer.pid
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait(timeout=30)
    finally:
        procs.stop_all()
    staged = _files(aws, staging)
    assert len(staged) == 1 and "/articles/" in staged[0], staged
    with pytest.raises(UnpublishedBatch, match="no manifest"):
        warehouse.load({"articles": ["s3://" + staged[0]]}, row)
    assert _loaded(settings) == before

    # written whole, as the batch's retry writes it, then one file cut short in the store: refused
    files = warehouse.write_lake(rows, "batch-half", date(2026, 1, 1))
    assert sorted(files) == ["amounts", "articles", "dates"]
    whole = storage.read_bytes(files["dates"])
    storage.write_bytes(files["dates"], whole[: len(whole) // 2])
    with pytest.raises(UnpublishedBatch, match="cut short"):
        warehouse.load({table: [path] for table, path in files.items()}, row)
    assert _loaded(settings) == before

    # whole again: the same files load
    storage.write_bytes(files["dates"], whole)
    inserted = warehouse.load({table: [path] for table, path in files.items()}, row)
    assert inserted["articles"] == len(rows["articles"]) == 2
    assert inserted["dates"] == len(rows["dates"])


def test_an_unreachable_store_fails_the_run_with_a_clear_message_and_changes_nothing(services, aws, bucket, tmp_path):
    settings = Settings(warehouse_path=tmp_path / "warehouse.duckdb", lake_dir=f"s3://{bucket}/lake")
    assert run_pipeline(SEED_FILES[:1], settings).status == "succeeded"
    before = _loaded(settings)
    nowhere = f"http://127.0.0.1:{_free_port()}"  # nothing listens there
    result = subprocess.run(
        [str(BIN / "factwire"), "run", *map(str, SEED_FILES), "--warehouse", str(settings.warehouse_path),
         "--lake", settings.lake_dir, "--quiet"], env=_env(services, tmp_path, AWS_ENDPOINT_URL=nowhere),
        cwd=tmp_path, capture_output=True, text=True, timeout=WAIT)
    assert result.returncode == 74, result.stderr
    message = result.stderr
    assert "the warehouse is as it was" in message
    assert f"{settings.lake_dir}/_batches (endpoint {nowhere})" in message
    assert "Could not connect" in message and "Traceback" not in message
    assert _loaded(settings) == before


def test_a_store_lost_during_the_run_fails_it_and_loads_nothing(services, tmp_path, monkeypatch):
    from pyarrow import fs

    procs = Processes(tmp_path / "logs")
    marker = tmp_path / "run-paused"
    try:
        endpoint = _moto_server(procs, "moto-lost", tmp_path)  # this test's own store, stopped mid-run
        for key, value in _aws_env(endpoint).items():
            monkeypatch.setenv(key, value)
        fs.S3FileSystem(endpoint_override=endpoint, allow_bucket_creation=True).create_dir("lost")
        settings = Settings(warehouse_path=tmp_path / "warehouse.duckdb", lake_dir="s3://lost/lake")
        assert run_pipeline(SEED_FILES[:1], settings).status == "succeeded"
        facts, runs, _ = _loaded(settings)
        run = procs.start("factwire-run", [
            str(BIN / "factwire"), "run", *map(str, SEED_FILES), "--warehouse", str(settings.warehouse_path),
            "--lake", settings.lake_dir, "--quiet"],
            _env(services, tmp_path, AWS_ENDPOINT_URL=endpoint, FACTWIRE_PROCESSES="1",
                 **{PAUSE_AT: "extract", PAUSED_FILE: str(marker)}), tmp_path)
        _wait_for(marker.exists, "the run to reach extraction", run)
        _stop(procs.procs.pop("moto-lost"))
        marker.unlink()  # the run goes on, to a store that is gone
        assert run.wait(timeout=WAIT) == 74, procs.log("factwire-run")
    finally:
        procs.stop_all()
    message = procs.log("factwire-run")
    assert "the warehouse is as it was" in message and f"(endpoint {endpoint})" in message, message
    assert "Traceback" not in message
    after_facts, after_runs, _ = _loaded(settings)
    assert after_facts == facts
    assert after_runs[: len(runs)] == runs and [status for _, status in after_runs[len(runs):]] == ["failed"]


def test_the_backfill_deployment_runs_its_batches_on_the_cluster(services, cluster, reference, aws, bucket, tmp_path):
    """The operator's path: `prefect deploy --all` with FACTWIRE_DASK_SCHEDULER set, a process
    worker started outside the checkout, `prefect deployment run news_etl/news-etl-backfill`."""
    import shutil

    dask = cluster()
    dask.add_worker("one")
    dask.add_worker("two")
    dask.wait_for_workers()
    checkout = tmp_path / "checkout"
    checkout.mkdir()
    shutil.copytree(ROOT / "flows", checkout / "flows", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "prefect.yaml", checkout / "prefect.yaml")
    env = _env(services, tmp_path, FACTWIRE_DASK_SCHEDULER=dask.address)
    prefect = str(BIN / "prefect")

    def cli(*args: str) -> str:
        done = subprocess.run([prefect, *args], cwd=checkout, env=env, capture_output=True, text=True, timeout=WAIT,
                              stdin=subprocess.DEVNULL)
        assert done.returncode == 0, f"prefect {' '.join(args)}:\n{done.stdout}{done.stderr}"
        return done.stdout + done.stderr

    procs = Processes(tmp_path / "logs")
    try:
        cli("work-pool", "create", "factwire", "--type", "process", "--overwrite")
        cli("--no-prompt", "deploy", "--all")
        deployment = httpx.get(f"{services['api']}/deployments/name/news_etl/news-etl-backfill", timeout=10).json()
        assert deployment["parameters"]["dask_scheduler"] == dask.address  # filled in when deployed
        assert not deployment["schedules"]
        procs.start("prefect-worker", [prefect, "worker", "start", "--pool", "factwire"],
                    {**env, "FACTWIRE_HOME": str(checkout), "PREFECT_WORKER_QUERY_SECONDS": "1"}, tmp_path)
        params = {"paths": [str(p) for p in SEED_FILES], "lake": f"s3://{bucket}/lake", "batch_size": BATCH}
        output = cli("deployment", "run", "news_etl/news-etl-backfill", "--params", json.dumps(params),
                     "--watch", "--watch-timeout", str(WAIT))
    finally:
        procs.stop_all()
        print(procs.logs())
    flow_run_id = next(line.split("UUID:")[1].strip() for line in output.splitlines() if "UUID:" in line)
    state = httpx.get(f"{services['api']}/flow_runs/{flow_run_id}", timeout=10).json()["state"]
    assert state["type"] == "COMPLETED", state
    warehouse = checkout / "data" / "warehouse.duckdb"  # the default, in the checkout the pull step moved to
    assert not _differences(contents(warehouse), reference["contents"])
    assert sum(s["executed"] for s in dask.worker_states().values()) == reference["batches"]
    assert _task_runs(services["api"], flow_run_id).count(("extract_batch", "COMPLETED")) == reference["batches"]
    _assert_lake_matches(aws, f"{bucket}/lake", warehouse)
