"""`make bench`: factwire's throughput, stage costs, memory and load speed on 10,000 articles.

Measures, on the corpus of `bench.corpus` (built once, cached under data/bench/):

1. the floor: reading the files and spaCy's pipeline alone (the components factwire uses, the
   pieces and batch size it parses, as many processes as its run uses): what factwire cannot avoid;
2. `factwire run` end to end into a fresh warehouse: articles/s, seconds per stage (summed over
   processes, from `factwire.stages`), peak RSS of the whole process tree;
3. the same run again (nothing new);
4. the `news_etl` flow under a temporary Prefect server on the 2,000-article subset, against
   the library path on the same subset;
5. the DuckDB load alone on the run's staged Parquet files, against DuckDB reading the same
   files into plain tables;
6. scaling out: `factwire run --dask-scheduler` on the subset, its batches on a local Dask
   cluster of one single-threaded worker process per core, against the process pool's run of the
   same subset (step 4's library run). `python -m bench.run --dask` measures only this: the
   subset on the process pool, then on the cluster.

Prints a table with the ratios and their targets and writes data/bench/report.json. The machine
should be otherwise idle: the numbers are wall-clock times.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from bench.corpus import CorpusPaths, ensure_corpus

ROOT = Path(__file__).resolve().parents[1]

# Targets of the performance issue; a ratio passes when it is on the right side of its bound.
TARGETS = {
    "end_to_end_over_floor": (">=", 0.80),
    "articles_per_second": (">=", 12.0),
    "rerun_over_first": ("<=", 0.02),
    "flow_over_library": ("<=", 1.15),
    "load_over_plain": (">=", 0.5),
    "peak_rss_full_over_subset": ("<=", 1.2),
    "peak_rss_full_gb": ("<", 2.0),
}


# -- report maths (pure; tested in tests/test_bench.py) ---------------------------------------

def ratios(m: dict) -> dict[str, float]:
    """The ratios the targets are stated in, from the measurements ``m``."""
    full = m["end_to_end"]
    return {
        "end_to_end_over_floor": (full["articles"] / full["seconds"]) / (m["floor"]["articles"] / m["floor"]["seconds"]),
        "articles_per_second": full["articles"] / full["seconds"],
        "rerun_over_first": m["rerun"]["seconds"] / full["seconds"],
        "flow_over_library": m["flow"]["seconds"] / m["library"]["seconds"],
        # both read the same rows from the same files: the ratio of their throughputs
        "load_over_plain": m["plain_read"]["seconds"] / m["load"]["seconds"],
        "peak_rss_full_over_subset": full["peak_rss_bytes"] / m["library"]["peak_rss_bytes"],
        "peak_rss_full_gb": full["peak_rss_bytes"] / 1e9,
    }


# Target of the scale-out issue: the cluster's throughput against the process pool's on the same cores.
SCALE_OUT_TARGETS = {"cluster_over_pool": (">=", 0.85)}


def scale_out_ratios(m: dict) -> dict[str, float]:
    """The cluster's throughput over the process pool's on the same subset (both measured)."""
    if "cluster" not in m:
        return {}
    pool, on_cluster = m.get("pool") or m["library"], m["cluster"]
    return {"cluster_over_pool": (on_cluster["articles"] / on_cluster["seconds"]) / (pool["articles"] / pool["seconds"])}


def verdicts(values: dict[str, float]) -> dict[str, bool]:
    checks = {">=": lambda v, t: v >= t, "<=": lambda v, t: v <= t, "<": lambda v, t: v < t}
    return {name: checks[op](values[name], bound) for name, (op, bound) in {**TARGETS, **SCALE_OUT_TARGETS}.items()
            if name in values}


def format_scale_out(m: dict, values: dict[str, float], passed: dict[str, bool]) -> str:
    pool, on_cluster = m.get("pool") or m["library"], m["cluster"]
    lines = [f"{'6. process pool, ' + str(pool['articles']) + ' articles':44} {pool['seconds']:9.1f} "
             f"{pool['articles'] / pool['seconds']:11.1f}",
             f"{'   Dask cluster, ' + str(on_cluster['workers']) + ' workers, same articles':44} "
             f"{on_cluster['seconds']:9.1f} {on_cluster['articles'] / on_cluster['seconds']:11.1f}"]
    for name, (op, bound) in SCALE_OUT_TARGETS.items():
        lines.append(f"{name:28} {values[name]:8.3f}   {op} {bound:<5}  {'pass' if passed[name] else 'FAIL'}")
    return "\n".join(lines)


def stage_shares(seconds: dict[str, float]) -> dict[str, float]:
    """Each stage's share of the time the stages took (summed over processes). ``extract`` holds
    nlp, rules and the building of rows: it is replaced by ``rows``, what is left of it."""
    seconds = dict(seconds)
    if "extract" in seconds:
        seconds["rows"] = max(0.0, seconds.pop("extract") - seconds.get("nlp", 0.0) - seconds.get("rules", 0.0))
    total = sum(seconds.values())
    return {name: value / total for name, value in seconds.items()} if total else {}


STAGE_ORDER = ("read", "clean", "plan", "nlp", "rules", "rows", "parquet", "load")


def format_report(m: dict, values: dict[str, float], passed: dict[str, bool]) -> str:
    full, floor = m["end_to_end"], m["floor"]
    lines = [
        f"factwire benchmark, {m['corpus']['articles']:,} articles of {m['corpus']['bytes_mean']:,} bytes on average, "
        f"{m['machine']['cpus']} CPUs, {m['machine']['processes']} worker processes, load average before: "
        f"{m['machine']['load_before']}",
        "",
        f"{'measurement':44} {'seconds':>9} {'articles/s':>11} {'peak RSS':>10}",
    ]

    def row(name, part, count_key="articles"):
        rate = f"{part[count_key] / part['seconds']:.1f}" if part.get(count_key) else ""
        rss = f"{part['peak_rss_bytes'] / 1e6:,.0f} MB" if part.get("peak_rss_bytes") else ""
        lines.append(f"{name:44} {part['seconds']:9.1f} {rate:>11} {rss:>10}")

    row(f"1. floor: read + spaCy ({floor['articles']:,})", floor)
    row(f"2. factwire run, fresh warehouse ({full['articles']:,})", full)
    row("3. factwire run again, nothing new", m["rerun"])
    row(f"4. news_etl flow ({m['flow']['articles']:,})", m["flow"])
    row(f"   library run_pipeline ({m['library']['articles']:,})", m["library"])
    load, plain = m["load"], m["plain_read"]
    lines.append(f"{'5. DuckDB load of the staged files':44} {load['seconds']:9.1f} "
                 f"{load['input_rows'] / load['seconds']:>11,.0f} rows/s ({load['fact_rows_inserted'] / load['seconds']:,.0f} "
                 f"fact rows inserted/s)")
    for part, seconds in load["parts"].items():
        lines.append(f"{'   of which ' + part:44} {seconds:9.1f}")
    lines.append(f"{'   plain read of the same files':44} {plain['seconds']:9.1f} "
                 f"{plain['input_rows'] / plain['seconds']:>11,.0f} rows/s")
    lines += ["", "stages of the factwire run (seconds summed over its processes):"]
    shares = stage_shares(full["stages"])
    stage_seconds = dict(full["stages"])
    if "extract" in stage_seconds:
        stage_seconds["rows"] = max(0.0, stage_seconds.pop("extract") - stage_seconds.get("nlp", 0.0)
                                    - stage_seconds.get("rules", 0.0))
    for name in sorted(shares, key=lambda n: STAGE_ORDER.index(n) if n in STAGE_ORDER else 99):
        per_article = 1000 * stage_seconds[name] / full["articles"]
        lines.append(f"  {name:10} {stage_seconds[name]:8.1f} s {100 * shares[name]:5.1f} %  {per_article:7.2f} ms/article")
    lines += ["", f"{'ratio':28} {'value':>8}   target   verdict"]
    for name, (op, bound) in TARGETS.items():
        lines.append(f"{name:28} {values[name]:8.3f}   {op} {bound:<5}  {'pass' if passed[name] else 'FAIL'}")
    return "\n".join(lines)


# -- measuring ---------------------------------------------------------------------------------

class TreeMemory:
    """Peak of the summed RSS of a process and all its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.2):
        self.pid, self.interval, self.peak = pid, interval, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "TreeMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(self.interval)


def tree_rss(pid: int) -> int:
    """Bytes resident in process ``pid`` and its descendants now."""
    total = 0
    for current in (pid, *descendants(pid)):
        try:
            with open(f"/proc/{current}/statm") as handle:
                total += int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run_measured(argv: list[str], env: dict[str, str], log: Path) -> dict:
    """Run a command; its wall seconds, the peak RSS of its process tree, its largest process's
    peak RSS (getrusage of the waited-for tree), and the BENCH-RESULT line it printed."""
    started = time.perf_counter()
    with open(log, "w", encoding="utf-8") as out:
        process = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        with TreeMemory(process.pid) as memory:
            _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - started
    text = log.read_text(encoding="utf-8", errors="replace")
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({process.returncode}); see {log}:\n{text[-3000:]}")
    result = next(json.loads(line.split(" ", 1)[1]) for line in text.splitlines() if line.startswith("BENCH-RESULT "))
    return {"wall_seconds": seconds, "peak_rss_bytes": memory.peak,
            "largest_process_rss_bytes": usage.ru_maxrss * 1024, "result": result}


def _floor_batch(texts: list[str]) -> int:
    """In a worker: spaCy over the pieces factwire parses, nothing else; the tokens seen."""
    from factwire.nlp import load_nlp, split_pieces
    from factwire.settings import get_settings

    pieces = [piece for text in texts for piece in split_pieces(text)]
    nlp = load_nlp()
    return sum(len(doc) for doc in nlp.pipe(pieces, batch_size=get_settings().spacy_batch_size * 8))


def measure_floor(folder: Path, batch_size: int, processes: int) -> dict:
    """Read the JSON lines and run spaCy alone, over the same worker pool as a factwire run."""
    from factwire.parallel import BatchWorkers

    started = time.perf_counter()
    texts = []
    for path in sorted(folder.glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            texts.extend(json.loads(line)["text"] for line in handle if line.strip())
    batches = [texts[i:i + batch_size] for i in range(0, len(texts), batch_size)]
    with BatchWorkers(min(processes, len(batches))) as workers:
        tokens = sum(workers.map(_floor_batch, batches))
    return {"seconds": time.perf_counter() - started, "articles": len(texts), "tokens": tokens}


def staged_files(folder: Path) -> dict[str, list[Path]]:
    """The staged Parquet files per table (not the manifests, kept beside them in ``_manifests``)."""
    return {table.name: sorted(table.rglob("*.parquet")) for table in sorted(folder.iterdir())
            if table.is_dir() and not table.name.startswith("_")}


def measure_load(staged: dict[str, list[Path]], work: Path, staging: Path) -> dict:
    """`Warehouse.load` of the staged files into a fresh warehouse (with its parts: the keyed
    inserts, the lake export, publishing the snapshot), and DuckDB reading the same files into
    plain tables of a fresh file."""
    import duckdb

    from factwire.pipeline import RunSummary, run_row
    from factwire.warehouse import lake
    from factwire.warehouse.store import Warehouse

    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    # A load removes the staged files it committed: load a copy (with its manifests), so that
    # the plain read below reads the same files.
    copy = work / "staged"
    shutil.copytree(staging, copy)
    to_load = {table: [copy / p.relative_to(staging) for p in paths] for table, paths in staged.items()}
    with duckdb.connect() as con:
        input_rows = sum(con.execute("SELECT count(*) FROM read_parquet(?)", [[str(p) for p in paths]]).fetchone()[0]
                         for paths in staged.values() if paths)
    parts: dict[str, float] = {}

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                parts[name] = parts.get(name, 0.0) + time.perf_counter() - started
        return wrapper

    warehouse = Warehouse(work / "warehouse.duckdb", work / "lake", copy)  # the manifests are there
    now = datetime.now(timezone.utc)
    # The run row of the run that staged the files: the lake export after the commit rewrites
    # the partitions of that run's articles, as it did in the run.
    with duckdb.connect() as con:
        [(run_id,)] = con.execute("SELECT DISTINCT run_id FROM read_parquet(?)",
                                  [[str(p) for p in staged["articles"]]]).fetchall()
    summary = RunSummary(run_id, "succeeded", 0, 0, 0, 0, 0, {})
    original_export, original_publish = lake.export, Warehouse.publish
    lake.export, Warehouse.publish = timed("lake export", lake.export), timed("publish snapshot", Warehouse.publish)
    try:
        started = time.perf_counter()
        inserted = warehouse.load(to_load, run_row(summary, ["bench"], now))
        seconds = time.perf_counter() - started
    finally:
        lake.export, Warehouse.publish = original_export, original_publish
    parts = {"keyed inserts": seconds - sum(parts.values()), **parts}

    started = time.perf_counter()
    con = duckdb.connect(str(work / "plain.duckdb"))
    for table, paths in staged.items():
        if paths:
            con.execute(f'CREATE TABLE "{table}" AS SELECT * FROM read_parquet(?, union_by_name = true)',
                        [[str(p) for p in paths]])
    con.execute("CHECKPOINT")
    con.close()
    plain_seconds = time.perf_counter() - started
    return {
        "load": {"seconds": seconds, "input_rows": input_rows, "files": sum(len(p) for p in staged.values()),
                 "rows_inserted": sum(inserted.values()),
                 "fact_rows_inserted": sum(v for k, v in inserted.items() if k != "articles"), "parts": parts},
        "plain_read": {"seconds": plain_seconds, "input_rows": input_rows},
    }


def bench_env(work: Path, name: str) -> dict[str, str]:
    env = dict(os.environ)
    for key in ("FACTWIRE_DATA_DIR", "FACTWIRE_WAREHOUSE", "FACTWIRE_LAKE", "PREFECT_API_URL"):
        env.pop(key, None)
    env.update({"FACTWIRE_DATA_DIR": str(work / name), "FACTWIRE_STAGE_TIMES": str(work / f"{name}.stages.json"),
                "PREFECT_HOME": str(work / "prefect-home"), "DO_NOT_TRACK": "1",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PYTHONPATH": str(ROOT)})
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("data/bench"), help="corpus, work folders and report")
    parser.add_argument("--eval-dir", type=Path, default=Path("../shared/eval"))
    parser.add_argument("--articles", type=int, default=None,
                        help="a smaller corpus for trying the benchmark out (not the benchmark)")
    parser.add_argument("--dask", action="store_true",
                        help="only step 6: the subset on the process pool and on a local Dask cluster")
    args = parser.parse_args(argv)
    if args.dask:
        return main_dask(args)

    from factwire.parallel import worker_count
    from factwire.pipeline import DEFAULT_BATCH_SIZE
    from factwire.settings import get_settings

    out = args.out if args.out.is_absolute() else ROOT / args.out
    eval_dir = args.eval_dir if args.eval_dir.is_absolute() else ROOT / args.eval_dir
    sizes = {} if args.articles is None else {"full": args.articles, "subset": max(1, args.articles // 5)}
    print("corpus ...", flush=True)
    corpus = ensure_corpus(out / ("" if not sizes else f"trial-{args.articles}"), eval_dir, **sizes)
    paths = CorpusPaths(out / ("" if not sizes else f"trial-{args.articles}"), corpus["articles"], corpus["subset_articles"])
    work = out / "work"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    python = sys.executable
    processes = worker_count(get_settings().processes, corpus["articles"])
    m: dict = {
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "corpus": corpus,
        "machine": {"cpus": len(os.sched_getaffinity(0)), "processes": processes, "python": platform.python_version(),
                    "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg())},
        "batch_size": DEFAULT_BATCH_SIZE, "spacy_batch_size": get_settings().spacy_batch_size,
    }

    print("1. floor ...", flush=True)
    m["floor"] = measure_floor(paths.full, DEFAULT_BATCH_SIZE, processes)

    def factwire_run(name: str, folder: Path, tag: str) -> dict:
        """`factwire run` of ``folder`` into warehouse ``name``; files of this run are ``tag.*``."""
        argv = [python, "-m", "bench.timed", "cli", str(work / f"{tag}.staged"), "--", "run", "--json", str(folder)]
        env = {**bench_env(work, name), "FACTWIRE_STAGE_TIMES": str(work / f"{tag}.stages.json")}
        measured = run_measured(argv, env, work / f"{tag}.log")
        stages_file = work / f"{tag}.stages.json"
        return {"seconds": measured["wall_seconds"], "run_seconds": measured["result"]["seconds"],
                "peak_rss_bytes": measured["peak_rss_bytes"],
                "largest_process_rss_bytes": measured["largest_process_rss_bytes"],
                "stages": json.loads(stages_file.read_text()) if stages_file.exists() else {}}

    print("2. factwire run ...", flush=True)
    m["end_to_end"] = {**factwire_run("full", paths.full, "first"), "articles": corpus["articles"]}
    print("3. factwire run again ...", flush=True)
    m["rerun"] = {**factwire_run("full", paths.full, "rerun"), "articles": corpus["articles"]}

    print("4. flow and library on the subset ...", flush=True)
    library = factwire_run("subset", paths.subset, "subset")
    m["library"] = {"seconds": library["run_seconds"], "wall_seconds": library["seconds"],
                    "peak_rss_bytes": library["peak_rss_bytes"], "articles": corpus["subset_articles"]}
    flow_dir = work / "flow"
    argv = [python, "-m", "bench.timed", "flow", str(paths.subset),
            "--warehouse", str(flow_dir / "warehouse.duckdb"), "--lake", str(flow_dir / "lake")]
    flow = run_measured(argv, bench_env(work, "flow"), work / "flow.log")
    m["flow"] = {"seconds": flow["result"]["seconds"], "wall_seconds": flow["wall_seconds"],
                 "peak_rss_bytes": flow["peak_rss_bytes"], "articles": corpus["subset_articles"],
                 "articles_new": flow["result"]["summary"]["articles_new"]}

    print("5. DuckDB load ...", flush=True)
    m.update(measure_load(staged_files(work / "first.staged"), work / "load", work / "first.staged"))

    print("6. the subset on a local Dask cluster ...", flush=True)
    m["cluster"] = measure_cluster(paths.subset, work, processes, corpus["subset_articles"])

    values = {**ratios(m), **scale_out_ratios(m)}
    passed = verdicts(values)
    report = {**m, "ratios": values, "passed": passed, "all_passed": all(passed.values())}
    (out / ("report.json" if not sizes else f"trial-{args.articles}/report.json")).write_text(
        json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print()
    print(format_report(m, values, passed))
    print(format_scale_out(m, values, passed))
    return 0


class LocalCluster:
    """A `dask scheduler` and ``workers`` `dask worker` processes (one thread each) on 127.0.0.1,
    each in its own session, stopped with their children on exit."""

    def __init__(self, workers: int, env: dict[str, str], logs: Path):
        self.workers, self.env, self.logs = workers, env, logs
        self.procs: list[subprocess.Popen] = []

    def __enter__(self) -> "LocalCluster":
        import socket

        from distributed import Client

        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        dask = str(Path(sys.executable).parent / "dask")
        self._start([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], "scheduler")
        for n in range(self.workers):
            self._start([dask, "worker", self.address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                         "--name", f"bench-{n}", "--local-directory", str(self.logs / f"worker-{n}")], f"worker-{n}")
        with Client(self.address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(self.workers, timeout=120)
        return self

    def _start(self, argv: list[str], name: str) -> None:
        with open(self.logs / f"{name}.log", "wb") as log:
            self.procs.append(subprocess.Popen(argv, env=self.env, cwd=self.logs, stdout=log, stderr=subprocess.STDOUT,
                                               stdin=subprocess.DEVNULL, start_new_session=True))

    def __exit__(self, *exc) -> None:
        import signal

        for proc in reversed(self.procs):
            family = [proc.pid, *descendants(proc.pid)]
            for pid in family:
                try:
                    os.kill(pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                for pid in family:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                proc.wait(timeout=15)


def descendants(pid: int) -> list[int]:
    """Every process below ``pid``, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as handle:
                    ppid = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def measure_cluster(folder: Path, work: Path, workers: int, articles: int) -> dict:
    """`factwire run --dask-scheduler` of ``folder`` into a fresh warehouse, on a local cluster of
    ``workers`` single-threaded worker processes started beforehand, as a standing cluster is:
    their start is not timed, their first batch (importing factwire, loading the model) is."""
    logs = work / "cluster"
    logs.mkdir(parents=True, exist_ok=True)
    env = bench_env(work, "cluster")
    with LocalCluster(workers, env, logs) as cluster:
        argv = [sys.executable, "-m", "bench.timed", "cli", str(work / "cluster.staged"), "--", "run", "--json",
                "--dask-scheduler", cluster.address, str(folder)]
        measured = run_measured(argv, env, work / "cluster.log")
    return {"seconds": measured["result"]["seconds"], "wall_seconds": measured["wall_seconds"],
            "articles": articles, "workers": workers, "address": cluster.address}


def measure_pool(folder: Path, work: Path, articles: int) -> dict:
    """`factwire run` of ``folder`` on its own process pool, into a fresh warehouse."""
    argv = [sys.executable, "-m", "bench.timed", "cli", str(work / "pool.staged"), "--", "run", "--json", str(folder)]
    measured = run_measured(argv, bench_env(work, "pool"), work / "pool.log")
    return {"seconds": measured["result"]["seconds"], "wall_seconds": measured["wall_seconds"], "articles": articles}


def main_dask(args) -> int:
    """`python -m bench.run --dask`: the subset on the process pool, then on a local Dask cluster."""
    from factwire.parallel import worker_count
    from factwire.settings import get_settings

    out = args.out if args.out.is_absolute() else ROOT / args.out
    eval_dir = args.eval_dir if args.eval_dir.is_absolute() else ROOT / args.eval_dir
    sizes = {} if args.articles is None else {"full": args.articles, "subset": max(1, args.articles // 5)}
    folder = out / ("" if not sizes else f"trial-{args.articles}")
    print("corpus ...", flush=True)
    corpus = ensure_corpus(folder, eval_dir, **sizes)
    paths = CorpusPaths(folder, corpus["articles"], corpus["subset_articles"])
    work = out / "work-dask"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    processes = worker_count(get_settings().processes, corpus["subset_articles"])
    m: dict = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
               "corpus": {k: corpus[k] for k in ("articles", "subset_articles", "bytes_mean")},
               "machine": {"cpus": len(os.sched_getaffinity(0)), "processes": processes,
                           "python": platform.python_version(),
                           "load_before": " ".join(f"{x:.2f}" for x in os.getloadavg())}}
    print(f"6. the subset ({corpus['subset_articles']:,} articles) on the process pool ...", flush=True)
    m["pool"] = measure_pool(paths.subset, work, corpus["subset_articles"])
    print(f"   and on a local Dask cluster of {processes} workers ...", flush=True)
    m["cluster"] = measure_cluster(paths.subset, work, processes, corpus["subset_articles"])
    values = scale_out_ratios(m)
    passed = verdicts(values)
    report = {**m, "ratios": values, "passed": passed}
    (folder / "report-dask.json").write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print()
    print(f"{m['corpus']['subset_articles']:,} articles, {m['machine']['cpus']} CPUs, load average before: "
          f"{m['machine']['load_before']}")
    print(f"{'measurement':44} {'seconds':>9} {'articles/s':>11}")
    print(format_scale_out(m, values, passed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
