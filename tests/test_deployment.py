"""The deployment end to end: a real Prefect server and process worker run `news-etl-daily`.

It runs the README's operator commands (`prefect server start`, `prefect work-pool create`,
`prefect --no-prompt deploy --all`, `prefect worker start`, `prefect deployment run`) from a copy
of the checkout, and reads the warehouse the run wrote. Linux only: processes are found in /proc.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest

from conftest import ROOT, SEEDS
from processes import alive as _alive, descendants as _descendants

pytestmark = pytest.mark.prefect_server

PREFECT = Path(sys.executable).parent / "prefect"
DEPLOYMENT = "news_etl/news-etl-daily"
RUN_TIMEOUT = 180


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _checkout(target: Path) -> Path:
    """What a worker's checkout needs: the flows, the seeds, prefect.yaml (factwire comes from the venv)."""
    target.mkdir()
    shutil.copytree(ROOT / "flows", target / "flows", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(SEEDS, target / "seeds")
    shutil.copy2(ROOT / "prefect.yaml", target / "prefect.yaml")
    return target


def _stop(proc: subprocess.Popen) -> None:
    """SIGTERM the process, its group and every descendant's group (flow runs get their own
    session), then SIGKILL whatever is still alive after 15 s. Only processes we started."""
    pids = [proc.pid, *_descendants(proc.pid)]
    own_group = os.getpgrp()

    def signal_all(sig: int) -> None:
        for pid in pids:
            try:
                group = os.getpgid(pid)
                if group != own_group:
                    os.killpg(group, sig)
                else:
                    os.kill(pid, sig)
            except ProcessLookupError:
                pass

    signal_all(signal.SIGTERM)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and (proc.poll() is None or any(map(_alive, pids))):
        time.sleep(0.2)
    if proc.poll() is None or any(map(_alive, pids)):
        signal_all(signal.SIGKILL)
    proc.wait(timeout=10)


class Services:
    """The processes this test starts, with their logs; stopped in teardown whatever happens."""

    def __init__(self, folder: Path, env: dict[str, str], port: int):
        self.folder, self.env, self.port = folder, env, port
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, name: str, *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self.folder / f"{name}.log", "wb")
        with log:
            proc = subprocess.Popen([str(PREFECT), *args], cwd=cwd, env=env or self.env, stdout=log,
                                    stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True)
        self.procs[name] = proc
        return proc

    def cli(self, *args: str, cwd: Path, timeout: float = 120) -> str:
        result = subprocess.run([str(PREFECT), *args], cwd=cwd, env=self.env, capture_output=True, text=True,
                                timeout=timeout, stdin=subprocess.DEVNULL)
        output = result.stdout + result.stderr
        assert result.returncode == 0, f"prefect {' '.join(args)} exited {result.returncode}:\n{output}"
        return output

    def logs(self) -> str:
        return "\n".join(f"----- {log.name} -----\n{log.read_text(errors='replace')[-6000:]}"
                         for log in sorted(self.folder.glob("*.log")))

    def stop(self) -> None:
        for proc in reversed(list(self.procs.values())):  # the worker before the server
            _stop(proc)


@pytest.fixture
def services(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "FACTWIRE_"))}
    env.update({
        "PREFECT_HOME": str(tmp_path / "prefect-home"),
        "PREFECT_API_URL": f"http://127.0.0.1:{port}/api",
        "DO_NOT_TRACK": "1",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        # Test-only: no scheduled runs from the wall clock (06:00 UTC could fall inside the test),
        # no UI to build, and a worker that polls every second instead of every ten.
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_WORKER_QUERY_SECONDS": "1",
    })
    logs = tmp_path / "logs"
    logs.mkdir()
    running = Services(logs, env, port)
    try:
        yield running
    finally:
        running.stop()
        print(running.logs())  # pytest shows it when the test failed


def _wait_for_health(services: Services, timeout: float = 90) -> None:
    server = services.procs["server"]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert server.poll() is None, f"the Prefect server exited {server.returncode}"
        try:
            if httpx.get(f"{services.env['PREFECT_API_URL']}/health", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.5)
    pytest.fail(f"the Prefect server did not answer within {timeout} s")


def test_worker_runs_the_daily_deployment_into_the_checkout_warehouse(services, tmp_path):
    checkout = _checkout(tmp_path / "checkout")
    api = services.env["PREFECT_API_URL"]

    services.start("server", "server", "start", "--host", "127.0.0.1", "--port", str(services.port), cwd=tmp_path)
    _wait_for_health(services)
    services.cli("work-pool", "create", "factwire", "--type", "process", cwd=checkout)
    services.cli("--no-prompt", "deploy", "--all", cwd=checkout)

    deployment = httpx.get(f"{api}/deployments/name/{DEPLOYMENT}", timeout=10).json()
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 6 * * *"]
    assert deployment["work_pool_name"] == "factwire"
    # one run at a time: a second one waits in the queue
    limit = deployment.get("global_concurrency_limit") or {}
    assert (limit.get("limit"), (deployment.get("concurrency_options") or {}).get("collision_strategy")) == (1, "ENQUEUE")
    # the pull step is resolved by the worker at run time: no path of this machine is stored
    assert deployment["pull_steps"] == [
        {"prefect.deployments.steps.set_working_directory": {"directory": "{{ $FACTWIRE_HOME }}"}}]

    # The worker starts outside the checkout: only FACTWIRE_HOME leads the run there.
    services.start("worker", "worker", "start", "--pool", "factwire", cwd=tmp_path,
                   env={**services.env, "FACTWIRE_HOME": str(checkout)})
    output = services.cli("deployment", "run", DEPLOYMENT, "--watch", "--watch-timeout", str(RUN_TIMEOUT),
                          cwd=checkout, timeout=RUN_TIMEOUT + 30)
    flow_run_id = next(line.split("UUID:")[1].strip() for line in output.splitlines() if "UUID:" in line)
    state = httpx.get(f"{api}/flow_runs/{flow_run_id}", timeout=10).json()["state"]
    assert state["type"] == "COMPLETED", state

    # default settings, relative to the checkout the pull step moved into
    warehouse = checkout / "data" / "warehouse.duckdb"
    assert warehouse.exists()
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == len(list(SEEDS.glob("*.txt")))
        assert con.execute("SELECT count(*) FROM actors WHERE name = ?", ["Russia"]).fetchone()[0] == 1
        assert con.execute("SELECT status FROM runs").fetchall() == [("succeeded",)]
    finally:
        con.close()
