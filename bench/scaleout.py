"""The costs behind README "Scaling out": what a batch costs beyond its extraction on a Dask
cluster, and what the single load costs when the staged batches are in an S3-compatible store.

    .venv/bin/python -m bench.run --dask     # first: leaves the subset's staged batches in data/bench/work-dask
    .venv/bin/python -m bench.scaleout       # then this; prints a table, writes data/bench/scaleout.json

It measures, on this machine (all on 127.0.0.1):

1. a Dask round trip per batch: a task carrying one batch of 200 corpus articles (what the run
   sends) that does nothing, on a local cluster of one single-threaded worker per core;
2. staging one batch in the store: its Parquet files and its manifest uploaded to moto's S3
   server (`moto_server`), with the requests it took;
3. the load of the subset's staged batches into a fresh warehouse from local files and from the
   S3 server (through Arrow), with the requests the load made.

moto keeps objects in memory on this machine: the S3 numbers are its request counts and a lower
bound on latency, not a real store's throughput.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from bench.corpus import CorpusPaths
from bench.run import ROOT, LocalCluster, bench_env, descendants, staged_files

BATCH = 200


def _noop(batch: list) -> int:
    return len(batch)


def measure_round_trips(corpus: Path, work: Path, workers: int, tasks: int = 40) -> dict:
    """Seconds per batch-sized task that does nothing, submitted ``2 * workers`` at a time."""
    import cloudpickle
    from distributed import Client

    from factwire.sources.files import read_path

    articles = [a for path in sorted(corpus.glob("*.jsonl")) for a in read_path(path)][:BATCH]
    payload = len(cloudpickle.dumps(articles))
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    logs = work / "roundtrip"
    logs.mkdir(parents=True, exist_ok=True)
    with LocalCluster(workers, bench_env(work, "roundtrip"), logs) as cluster:
        with Client(cluster.address, set_as_default=False) as client:
            client.submit(_noop, articles, pure=False).result()  # the workers' first import, not timed
            started = time.perf_counter()
            pending = []
            for _ in range(tasks):
                if len(pending) >= 2 * workers:
                    pending.pop(0).result()
                pending.append(client.submit(_noop, articles, pure=False))
            for future in pending:
                future.result()
            seconds = time.perf_counter() - started
    return {"tasks": tasks, "seconds": seconds, "ms_per_task": 1000 * seconds / tasks,
            "payload_bytes": payload, "articles_per_task": len(articles)}


class MotoServer:
    def __init__(self, log: Path):
        self.log = log

    def __enter__(self) -> "MotoServer":
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.endpoint = f"http://127.0.0.1:{port}"
        with open(self.log, "wb") as out:
            self.proc = subprocess.Popen([str(Path(sys.executable).parent / "moto_server"), "-H", "127.0.0.1", "-p",
                                          str(port)], stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return self
            time.sleep(0.1)
        raise RuntimeError("moto_server did not start")

    def requests(self) -> Counter:
        """Requests so far by method (moto logs one line per request)."""
        text = self.log.read_text(errors="replace")
        return Counter(line.split('"')[1].split()[0] for line in text.splitlines() if '"' in line and " HTTP/" in line)

    def __exit__(self, *exc) -> None:
        for pid in [self.proc.pid, *descendants(self.proc.pid)]:
            try:
                os.kill(pid, 15)
            except ProcessLookupError:
                pass
        self.proc.wait(timeout=30)


def measure_store(staged_dir: Path, work: Path) -> dict:
    """Upload the staged batches to moto (per batch: files then manifest), then load them from
    there and, for comparison, from the local files, each into a fresh warehouse."""
    import duckdb
    from pyarrow import fs

    from factwire.pipeline import RunSummary, run_row
    from factwire.warehouse import lake, storage
    from factwire.warehouse.store import Warehouse

    staged = staged_files(staged_dir)
    batches: dict[str, dict[str, Path]] = {}
    for table, paths in staged.items():
        for path in paths:
            batches.setdefault(path.stem, {})[table] = path
    with MotoServer(work / "moto.log") as moto:
        os.environ.update({"AWS_ENDPOINT_URL": moto.endpoint, "AWS_ACCESS_KEY_ID": "bench",
                           "AWS_SECRET_ACCESS_KEY": "bench", "AWS_REGION": "us-east-1",
                           "AWS_EC2_METADATA_DISABLED": "true"})
        fs.S3FileSystem(endpoint_override=moto.endpoint, allow_bucket_creation=True).create_dir("bench")
        remote = "s3://bench/staging"
        before = moto.requests()
        started = time.perf_counter()
        remote_files: dict[str, list[str]] = {}
        for batch_id, files in sorted(batches.items()):
            sizes = {}
            for table, path in files.items():
                target = storage.join(remote, str(path.relative_to(staged_dir)))
                data = path.read_bytes()
                storage.write_bytes(target, data)
                sizes[table] = (target, len(data))
                remote_files.setdefault(table, []).append(target)
            lake.publish_batch(remote, batch_id, sizes)
        upload_seconds = time.perf_counter() - started
        uploads = moto.requests() - before

        with duckdb.connect() as con:
            [(run_id,)] = con.execute("SELECT DISTINCT run_id FROM read_parquet(?)",
                                      [[str(p) for p in staged["articles"]]]).fetchall()
        row = run_row(RunSummary(run_id, "succeeded", 0, 0, 0, 0, 0, {}), ["bench"], datetime.now(timezone.utc))

        def load(name: str, staging, files) -> float:
            folder = work / f"load-{name}"
            shutil.rmtree(folder, ignore_errors=True)
            original = lake.clear_staging
            lake.clear_staging = lambda location: None  # keep the staged files for the other load
            try:
                started = time.perf_counter()
                Warehouse(folder / "warehouse.duckdb", folder / "lake", staging).load(files, row)
                return time.perf_counter() - started
            finally:
                lake.clear_staging = original

        local_seconds = load("local", staged_dir, staged)
        before = moto.requests()
        remote_seconds = load("s3", remote, remote_files)
        loads = moto.requests() - before
    files = sum(len(f) for f in batches.values())
    return {"batches": len(batches), "files": files,
            "upload": {"seconds": upload_seconds, "ms_per_batch": 1000 * upload_seconds / len(batches),
                       "requests": dict(uploads), "requests_per_batch": sum(uploads.values()) / len(batches)},
            "load_local_seconds": local_seconds, "load_s3_seconds": remote_seconds,
            "load_s3_requests": dict(loads), "load_s3_requests_per_file": sum(loads.values()) / files}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/bench"))
    args = parser.parse_args(argv)
    out = args.out if args.out.is_absolute() else ROOT / args.out
    staged_dir = out / "work-dask" / "pool.staged"
    if not staged_dir.is_dir():
        raise SystemExit(f"no staged batches at {staged_dir}: run `python -m bench.run --dask` first")
    from factwire.parallel import worker_count
    from factwire.settings import get_settings

    work = out / "work-scaleout"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    workers = worker_count(get_settings().processes, 2000)
    report = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg()),
              "round_trip": measure_round_trips(CorpusPaths(out).subset, work, workers),
              "store": measure_store(staged_dir, work)}
    (out / "scaleout.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    rt, store = report["round_trip"], report["store"]
    print(f"load average before: {report['load_before']}")
    print(f"Dask round trip of a {rt['articles_per_task']}-article batch ({rt['payload_bytes'] / 1e3:,.0f} KB), "
          f"{workers} workers: {rt['ms_per_task']:.1f} ms per task")
    print(f"staging a batch in the S3 server: {store['upload']['ms_per_batch']:.1f} ms, "
          f"{store['upload']['requests_per_batch']:.1f} requests ({store['upload']['requests']})")
    print(f"load of {store['batches']} batches ({store['files']} files): {store['load_local_seconds']:.2f} s from "
          f"local files, {store['load_s3_seconds']:.2f} s from the S3 server, "
          f"{store['load_s3_requests_per_file']:.1f} requests per file ({store['load_s3_requests']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
