"""Older DuckDB releases, each in an environment of its own, as the BI tools that open the
published snapshot bring them (Superset's duckdb-engine, an old DuckDB CLI).

Each environment is a venv under ``.venv/old-duckdb/<name>`` made from PyPI on first use and kept:
it is rebuilt only when its requirements below change, so later test runs start at once.
``make old-duckdb`` (part of ``make test``) makes them up front; the tests make any that is missing.
"""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOME = ROOT / ".venv" / "old-duckdb"

# The oldest DuckDB the snapshot supports, with the SQLAlchemy of Superset 4 (1.4); and the last
# DuckDB before 2.0, with its CLI and SQLAlchemy 2. (DuckDB 1.x hands TIMESTAMPTZ values to Python
# through pytz.)
ENVIRONMENTS: dict[str, list[str]] = {
    "duckdb-1.1.3": ["duckdb==1.1.3", "duckdb-engine==0.17.0", "sqlalchemy==1.4.54", "pytz==2025.2"],
    "duckdb-1.5.5": ["duckdb==1.5.5", "duckdb-cli==1.5.5", "duckdb-engine==0.17.0", "sqlalchemy==2.0.44",
                     "pytz==2025.2"],
}


def python(name: str) -> Path:
    """The interpreter of environment ``name``, made first if it is missing or out of date."""
    folder = HOME / name
    stamp = folder / "requirements.txt"
    wanted = "\n".join(ENVIRONMENTS[name]) + "\n"
    if _read(stamp) == wanted:
        return folder / "bin" / "python"
    HOME.mkdir(parents=True, exist_ok=True)
    with open(HOME / ".lock", "a") as lock:  # two test runs at once make it once
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _read(stamp) != wanted:
            shutil.rmtree(folder, ignore_errors=True)
            _run([sys.executable, "-m", "venv", str(folder)])
            _run([str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                  *ENVIRONMENTS[name]])
            stamp.write_text(wanted, encoding="utf-8")  # last: a half-made environment has no stamp
    return folder / "bin" / "python"


def cli(name: str) -> Path:
    """The DuckDB CLI of environment ``name`` (only those that list ``duckdb-cli``)."""
    return python(name).with_name("duckdb")


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None


def _run(command: list[str]) -> None:
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"could not make an old-DuckDB environment ({' '.join(command)}): "
                           f"{result.stderr[-3000:]}")


if __name__ == "__main__":
    for environment in ENVIRONMENTS:
        print(environment, python(environment))
