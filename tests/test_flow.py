"""The `news_etl` flow in-process against a temporary Prefect server, on a real DuckDB file.

The flow is imported through the entrypoint that prefect.yaml names, so a renamed flow fails here.
"""

from __future__ import annotations

import importlib
import shutil
import time

import duckdb
import pytest
import yaml

from factwire.warehouse.store import FACT_TABLES

from conftest import ROOT, SAMPLE, SEEDS


def _deployment(name: str = "news-etl-daily") -> dict:
    config = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    return next(d for d in config["deployments"] if d["name"] == name)


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """One temporary Prefect server (SQLite in a temp folder) for the session.

    Prefect reads its settings when first imported, so the environment is set before that."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("PREFECT_HOME", str(tmp_path_factory.mktemp("prefect-home")))
        env.setenv("DO_NOT_TRACK", "1")
        env.setenv("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        env.delenv("PREFECT_API_URL", raising=False)
        from prefect.testing.utilities import prefect_test_harness

        with prefect_test_harness():
            yield


@pytest.fixture(scope="session")
def news_etl():
    """The flow object behind the deployment's entrypoint, imported as a worker would find it."""
    module_path, _, name = _deployment()["entrypoint"].partition(":")
    with pytest.MonkeyPatch.context() as env:
        env.syspath_prepend(str(ROOT))  # entrypoints are relative to the checkout
        module = importlib.import_module(module_path.removesuffix(".py").replace("/", "."))
    return getattr(module, name)


@pytest.fixture
def no_factwire_env(monkeypatch):
    for name in ("FACTWIRE_DATA_DIR", "FACTWIRE_WAREHOUSE", "FACTWIRE_LAKE"):
        monkeypatch.delenv(name, raising=False)


def _counts(path) -> dict[str, int]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in FACT_TABLES}
    finally:
        con.close()


def _query(path, sql: str, params=None) -> list[tuple]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def _task_names(flow_run_id, expected: int) -> list[str]:
    """The task runs of a flow run; the server records them from events, so wait for them."""
    from prefect import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    deadline = time.monotonic() + 60  # a bound for a busy machine; the wait ends as soon as they are there
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[flow_run_id])))
            if len(runs) >= expected or time.monotonic() > deadline:
                return sorted(run.name.rsplit("-", 1)[0] for run in runs)
            time.sleep(0.2)


def _log_messages(flow_run_id, until) -> list[str]:
    """The log lines of a flow run (its tasks' too); they reach the server in batches, so wait
    until ``until(messages)`` holds."""
    from prefect import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId

    deadline = time.monotonic() + 60  # a bound for a busy machine; the wait ends as soon as they are there
    with get_client(sync_client=True) as client:
        while True:
            messages = [log.message for log in client.read_logs(
                log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])))]
            if until(messages) or time.monotonic() > deadline:
                return messages
            time.sleep(0.2)


def test_prefect_yaml_deploys_the_news_etl_flow(news_etl):
    from prefect import Flow

    deployment = _deployment()
    assert isinstance(news_etl, Flow) and news_etl.name == "news_etl"
    assert set(deployment["parameters"]) <= set(news_etl.parameters.properties)
    assert deployment["work_pool"]["name"] == "factwire"
    assert deployment["schedules"] == [{"cron": "0 6 * * *", "timezone": "UTC"}]
    assert deployment["concurrency_limit"] == {"limit": 1, "collision_strategy": "ENQUEUE"}


def test_flow_loads_the_seeds_and_a_rerun_adds_no_rows(prefect_server, news_etl, tmp_path, monkeypatch,
                                                      no_factwire_env):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    monkeypatch.chdir(tmp_path)  # relative paths resolve here, as in a deployment's checkout
    params = {"paths": ["seeds"], "warehouse": "out/warehouse.duckdb", "lake": "out/lake", "batch_size": 4}
    warehouse = tmp_path / "out" / "warehouse.duckdb"
    seed_files = len(list(SEEDS.glob("*.txt")))

    state = news_etl(**params, return_state=True)
    first = state.result()
    assert state.is_completed() and first["status"] == "succeeded"
    assert first["articles_new"] == seed_files
    assert _query(warehouse, "SELECT count(*) FROM articles") == [(seed_files,)]
    assert _query(warehouse, "SELECT actor_type, country_code FROM actors WHERE name = ?", ["Russia"]) == [
        ("country", "RUS")]
    # one task per batch of 4 (batches share actors: the load merges them by key)
    batches = -(-seed_files // 4)
    assert _task_names(state.state_details.flow_run_id, batches + 3) == ["check"] + ["extract_batch"] * batches + ["load", "plan"]
    # every batch is logged with the articles extracted of those planned
    expected = [f"extracted {min(4 * n, seed_files)} of {seed_files} articles" for n in range(1, batches + 1)]
    logs = _log_messages(state.state_details.flow_run_id,
                         lambda messages: all(any(e in m for m in messages) for e in expected))
    assert all(any(e in m for m in logs) for e in expected), logs
    loaded = _counts(warehouse)
    assert first["rows_inserted"] == {t: n for t, n in loaded.items() if n}

    second = news_etl(**params)
    assert (second["status"], second["articles_new"], second["articles_unchanged"]) == ("succeeded", 0, seed_files)
    assert not any(second["rows_inserted"].values())
    assert _counts(warehouse) == loaded
    assert _query(warehouse, "SELECT status, count(*) FROM runs GROUP BY status") == [("succeeded", 2)]
    assert not (tmp_path / "data").exists()  # the overrides won over the default data/ folder


def test_a_failing_run_is_recorded_and_the_flow_fails(prefect_server, news_etl, tmp_path, no_factwire_env):
    lake = tmp_path / "lake"
    lake.write_text("a file where the lake folder should be\n", encoding="utf-8")
    warehouse = tmp_path / "warehouse.duckdb"

    state = news_etl(paths=[str(SAMPLE)], warehouse=str(warehouse), lake=str(lake), return_state=True)

    assert state.is_failed()
    with pytest.raises(OSError):
        state.result()
    [(status, error)] = _query(warehouse, "SELECT status, error FROM runs")
    assert status == "failed" and error.startswith(("NotADirectoryError", "FileExistsError"))
    assert _query(warehouse, "SELECT count(*) FROM articles") == [(0,)]
