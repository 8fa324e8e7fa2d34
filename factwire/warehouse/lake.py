"""The Parquet lake: a copy of every warehouse table that stands on its own.

``<lake>/<table>/published_month=YYYY-MM/data.parquet`` for tables of facts about articles
(hive-partitioned by the article's publication month; ``unknown`` when undated), and
``<lake>/<table>/data.parquet`` for the rest. Each file has exactly the table's declared schema
and is replaced atomically, so DuckDB, pyarrow or Spark read the lake without factwire:

    SELECT * FROM read_parquet('data/lake/amounts/*/*.parquet', hive_partitioning = true)

The lake follows the warehouse: after a load commits, the partitions the run touched are
rewritten from DuckDB. A run that committed but stopped before its export is found by its
``runs.lake_exported = false`` and exported by the next run.

The lake may be a local folder or ``s3://bucket/prefix`` (`factwire.warehouse.storage`); every
file is written whole, so a reader never meets a half-written one.

Runs stage their batches under ``<lake>/_batches/`` (or the staging location of the settings)
before loading; those files are removed once their rows are committed. A batch is staged as
its Parquet files and then a manifest naming them (write, then publish): a batch whose writer
died half-way has no manifest, and the load refuses what no manifest vouches for.
"""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor

import duckdb

from factwire.warehouse import storage
from factwire.warehouse.schema import Table, tables
from factwire.warehouse.storage import Location

STAGING = "_batches"
MANIFESTS = "_manifests"
UNDATED = "unknown"
EXPORT_THREADS = 4


def article_grained(declared: Table) -> bool:
    return "article_id" in declared.column_names and declared.name != "article_urls"


def month_expression(alias: str = "a") -> str:
    return f"coalesce(strftime({alias}.published_date, '%Y-%m'), '{UNDATED}')"


def export(con: duckdb.DuckDBPyConnection, lake_dir: Location, run_ids: list[str]) -> None:
    """Rewrite the lake partitions that runs ``run_ids`` touched, then mark those runs exported.

    The files are independent, so they are written by a few threads, each on its own cursor
    (DuckDB's queries and Parquet's compression both release the GIL)."""
    if not run_ids:
        return
    months = [r[0] for r in con.execute(
        f"SELECT DISTINCT {month_expression()} FROM articles a WHERE list_contains(?, a.run_id)",
        [run_ids]).fetchall()]
    jobs = []
    for declared in tables().values():
        if article_grained(declared):
            jobs.extend(_partition_job(declared, lake_dir, month) for month in months)
        else:
            columns = ", ".join(f'"{c}"' for c in declared.column_names)
            jobs.append((f'SELECT {columns} FROM "{declared.name}"', [],
                         storage.join(lake_dir, declared.name, "data.parquet"), declared))
    local = threading.local()
    cursors: list[duckdb.DuckDBPyConnection] = []  # one per thread, closed at the end

    def write(job) -> None:
        if not hasattr(local, "cursor"):
            local.cursor = con.cursor()
            cursors.append(local.cursor)
        _copy(local.cursor, *job)

    try:
        with ThreadPoolExecutor(max_workers=min(EXPORT_THREADS, len(jobs))) as pool:
            list(pool.map(write, jobs))  # raises the first failure
    finally:
        for cursor in cursors:
            cursor.close()
    con.execute("UPDATE runs SET lake_exported = true WHERE list_contains(?, run_id)", [run_ids])


def _partition_job(declared: Table, lake_dir: Location, month: str) -> tuple:
    columns = ", ".join(f't."{c}"' for c in declared.column_names)
    if declared.name == "articles":
        query = f"SELECT {columns} FROM articles t WHERE {month_expression('t')} = ?"
    else:
        query = (f'SELECT {columns} FROM "{declared.name}" t JOIN articles a USING (article_id) '
                 f"WHERE {month_expression()} = ?")
    target = storage.join(lake_dir, declared.name, f"published_month={month}", "data.parquet")
    return query, [month], target, declared


# Rows per Arrow batch when a partition is streamed from DuckDB to its Parquet file.
EXPORT_BATCH_ROWS = 100_000


def _copy(con, query: str, params: list, target: Location, declared: Table) -> None:
    """Write a query's rows as one Parquet file of exactly the declared schema, atomically,
    streamed batch by batch (a partition need not fit in memory)."""
    reader = con.sql(query, params=params).to_arrow_reader(EXPORT_BATCH_ROWS)
    storage.write_parquet_batches(target, declared.arrow_schema, reader)


def clear_staging(staging: Location) -> None:
    """Remove staged batches (called once their rows are committed, or before a new run)."""
    storage.delete_tree(staging)


# -- staged batches: files, then the manifest that publishes them -------------------------------

def manifest_path(staging: Location, batch_id: str) -> Location:
    return storage.join(staging, MANIFESTS, f"{batch_id}.json")


def publish_batch(staging: Location, batch_id: str, files: dict[str, tuple[Location, int]]) -> None:
    """Publish a staged batch: its manifest names each table's file (relative to the staging
    location, which may be moved whole) and its size in bytes. It is written last, in one piece, so it exists only once every file it names is whole."""
    body = {"batch": batch_id, "files": {table: {"path": storage.relative(path, staging), "bytes": size}
                                         for table, (path, size) in sorted(files.items())}}
    storage.write_bytes(manifest_path(staging, batch_id), json.dumps(body, indent=1).encode("utf-8"))


class UnpublishedBatch(RuntimeError):
    """Staged files that no complete manifest vouches for: the load refuses them."""


def published_files(staging: Location, files_by_table: dict[str, list[Location]]) -> dict[str, list[Location]]:
    """The staged files to load, each checked against its batch's manifest: the manifest exists,
    names this file for its table, and the file has the size the manifest says. Anything else
    (a batch whose writer died before publishing, a file replaced or cut short since, a staging
    folder that is not shared by the machines that wrote it) raises `UnpublishedBatch`."""
    manifests: dict[str, dict] = {}
    checked: dict[str, list[Location]] = {}
    for table, paths in files_by_table.items():
        for path in paths:
            batch_id = storage.name(path).removesuffix(".parquet")
            if batch_id not in manifests:
                target = manifest_path(staging, batch_id)
                try:
                    manifests[batch_id] = json.loads(storage.read_bytes(target))
                except FileNotFoundError:
                    raise UnpublishedBatch(
                        f"staged batch {batch_id} has no manifest at {storage.describe(target)}: it was not "
                        f"written completely (or the staging location is not shared by every machine that "
                        f"extracts); it is not loaded") from None
            listed = manifests[batch_id]["files"].get(table)
            if listed is None or listed["path"] != storage.relative(path, staging):
                raise UnpublishedBatch(f"{path} is not the {table} file the manifest of batch {batch_id} names")
            found = storage.size(path)
            if found != listed["bytes"]:
                raise UnpublishedBatch(f"{path} has {found} bytes, the manifest of batch {batch_id} says "
                                       f"{listed['bytes']}: it was changed or cut short; it is not loaded")
            checked.setdefault(table, []).append(path)
    return checked
