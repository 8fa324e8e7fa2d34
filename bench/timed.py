"""One measured run in its own process, for `bench.run`: `factwire run` as the CLI runs it, or
the `news_etl` flow under a temporary Prefect server. Prints one JSON line: the seconds of the
run itself (the interpreter's start and imports are timed by the caller, from outside).

    python -m bench.timed cli KEEP_STAGING -- run --json PATHS...
    python -m bench.timed flow PATHS... --warehouse W --lake L

``cli`` keeps the staged batch files and their manifests (the staging folder is moved to
KEEP_STAGING instead of deleted once loaded), so the load can be measured again on exactly
these files; moving a folder costs less than deleting it, so the run is not slowed by this.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path


def run_cli(keep_staging: Path, argv: list[str]) -> dict:
    from factwire import cli
    from factwire.warehouse import lake

    def keep(staging: Path) -> None:
        staged = Path(staging)
        if staged.exists():
            shutil.rmtree(keep_staging, ignore_errors=True)
            keep_staging.parent.mkdir(parents=True, exist_ok=True)
            staged.rename(keep_staging)

    lake.clear_staging = keep
    started = time.perf_counter()
    status = cli.main(argv)
    return {"seconds": time.perf_counter() - started, "status": status}


def run_flow(paths: list[str], warehouse: str, lake_dir: str) -> dict:
    from prefect.testing.utilities import prefect_test_harness

    sys.path.insert(0, str(Path.cwd()))  # flows/ is imported from the checkout, as a worker does
    from flows.news_etl import news_etl

    with prefect_test_harness(server_startup_timeout=120):
        started = time.perf_counter()
        summary = news_etl(paths=paths, warehouse=warehouse, lake=lake_dir)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "summary": summary}


def main(argv: list[str]) -> int:
    mode, rest = argv[0], argv[1:]
    if mode == "cli":
        keep, separator, *cli_argv = rest
        assert separator == "--"
        result = run_cli(Path(keep), cli_argv)
    elif mode == "flow":
        paths = rest[:rest.index("--warehouse")]
        result = run_flow(paths, rest[rest.index("--warehouse") + 1], rest[rest.index("--lake") + 1])
    else:
        raise SystemExit(f"unknown mode {mode!r}")
    print("BENCH-RESULT " + json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
