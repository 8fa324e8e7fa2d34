"""Shared fixtures: a warehouse built once from seeds/, and a quiet, local Prefect setup."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Prefect reads these at import: keep it off the network and out of the home directory.
_PREFECT_HOME = tempfile.mkdtemp(prefix="factwire-prefect-home-")
os.environ.setdefault("PREFECT_HOME", _PREFECT_HOME)
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SAMPLE = SEEDS / "000_1c867d16ef486664.txt"
EVAL_DATA = ROOT.parent / "shared" / "eval"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_warehouse(tmp_path_factory):
    """A warehouse built from seeds/ by the library path; tests only read it."""
    from factwire.pipeline import run_pipeline, warehouse_from
    from factwire.settings import Settings

    settings = Settings.in_folder(tmp_path_factory.mktemp("seed-warehouse"))
    summary = run_pipeline([SEEDS], settings)
    assert summary.status == "succeeded"
    return warehouse_from(settings)


@pytest.fixture
def sql(seed_warehouse):
    """Run a query against the seed warehouse's published snapshot, as a dashboard does."""
    con = seed_warehouse.connect_snapshot()

    def run(query: str, params=None):
        return con.execute(query, params or []).fetchall()

    yield run
    con.close()


from webfixtures import web_server  # noqa: E402,F401  (the fixture HTTP server, for every test module)
