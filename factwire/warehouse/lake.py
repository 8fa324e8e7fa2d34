"""The Parquet lake: a copy of every warehouse table that stands on its own.

``<lake>/<table>/published_month=YYYY-MM/data.parquet`` for tables of facts about articles
(hive-partitioned by the article's publication month; ``unknown`` when undated), and
``<lake>/<table>/data.parquet`` for the rest. Each file has exactly the table's declared schema
and is replaced atomically, so DuckDB, pyarrow or Spark read the lake without factwire:

    SELECT * FROM read_parquet('data/lake/amounts/*/*.parquet', hive_partitioning = true)

The lake follows the warehouse: after a load commits, the partitions the run touched are
rewritten from DuckDB. A run that committed but stopped before its export is found by its
``runs.lake_exported = false`` and exported by the next run.

Runs stage their batches under ``<lake>/_batches/`` before loading; those files are removed
once their rows are committed.
"""

from __future__ import annotations

import os
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from factwire.warehouse.schema import Table, tables

STAGING = "_batches"
UNDATED = "unknown"
EXPORT_THREADS = 4


def article_grained(declared: Table) -> bool:
    return "article_id" in declared.column_names and declared.name != "article_urls"


def month_expression(alias: str = "a") -> str:
    return f"coalesce(strftime({alias}.published_date, '%Y-%m'), '{UNDATED}')"


def export(con: duckdb.DuckDBPyConnection, lake_dir: Path, run_ids: list[str]) -> None:
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
            jobs.append((f'SELECT {columns} FROM "{declared.name}"', [], lake_dir / declared.name / "data.parquet",
                         declared))
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


def _partition_job(declared: Table, lake_dir: Path, month: str) -> tuple:
    columns = ", ".join(f't."{c}"' for c in declared.column_names)
    if declared.name == "articles":
        query = f"SELECT {columns} FROM articles t WHERE {month_expression('t')} = ?"
    else:
        query = (f'SELECT {columns} FROM "{declared.name}" t JOIN articles a USING (article_id) '
                 f"WHERE {month_expression()} = ?")
    return query, [month], lake_dir / declared.name / f"published_month={month}" / "data.parquet", declared


def _copy(con, query: str, params: list, target: Path, declared: Table) -> None:
    """Write a query's rows as one Parquet file of exactly the declared schema, atomically."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    rows = con.sql(query, params=params).to_arrow_table()
    pq.write_table(rows.cast(declared.arrow_schema), partial, compression="zstd")
    os.replace(partial, target)


def clear_staging(lake_dir: Path) -> None:
    """Remove staged batches (called once their rows are committed, or before a new run)."""
    shutil.rmtree(lake_dir / STAGING, ignore_errors=True)
