"""The scheduled `news_etl` flow: the library pipeline (plan, extract per batch, load) as Prefect tasks.

The flow only orchestrates; every step is a `factwire.pipeline` call that also runs without Prefect.
Given a Dask scheduler's address, the `extract_batch` tasks run on that cluster's workers through
Prefect's own Dask integration (`prefect_dask.DaskTaskRunner`); planning and the load, one DuckDB
transaction, stay in the flow's process, on the machine that holds the warehouse file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import sys
from collections import deque
from pathlib import Path
from typing import Iterator

import duckdb
from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from factwire import cluster
from factwire.articles import Article
from factwire.parallel import BatchWorkers, worker_count
from factwire.pipeline import (DEFAULT_BATCH_SIZE, BatchResult, RunContext, RunPlan, RunSummary,
                               default_fetch_config, finish_run, is_url, plan_reextract, plan_run, process_batch,
                               record_failure, warehouse_from)
from factwire.progress import LogProgress
from factwire.settings import Settings, get_settings
from factwire.sources.sourcesfile import load_sources
from factwire.warehouse import storage
from factwire.warehouse.checks import run_checks
from factwire.warehouse.store import Warehouse

# Re-runs are made safe by the warehouse's keys, not by Prefect: its default cache would hash
# every article passed to each task and keep results nobody reads, so no task caches.


def _io_failure(task, task_run, state) -> bool:
    """Retry only what a second attempt can fix: I/O errors, not bad data or bugs."""
    error = state.result(raise_on_failure=False)
    return isinstance(error, (OSError, duckdb.IOException))


@task(retries=2, retry_delay_seconds=2, retry_condition_fn=_io_failure, cache_policy=NO_CACHE)
def plan(paths: list[str], warehouse: Warehouse, sources_file: str | None = None,
         reextract: bool = False) -> RunPlan:
    """Read the inputs (and fetch the sources file's feeds and pages); find what is new. With
    ``reextract``, plan instead to extract again the stored articles of older extractor versions."""
    if reextract:
        return plan_reextract(warehouse)
    sources = load_sources(sources_file) if sources_file else None
    progress = LogProgress(get_run_logger().info, interval=5.0)  # inputs read and fetches, every few seconds
    return plan_run(paths, warehouse, sources=sources, fetch_config=default_fetch_config(), progress=progress)


@task(cache_policy=NO_CACHE)  # pure CPU: a retry would fail the same way
def extract_batch(run: RunContext, batch: list[Article], warehouse: Warehouse,
                  workers: BatchWorkers | None = None) -> BatchResult:
    """Extract one batch of articles and write its Parquet files: in one of the run's worker
    processes (the task's thread waits for it), or, with no ``workers`` (a task on a Dask
    worker), in this process, whose spaCy model is loaded once and kept for its next batches."""
    if workers is None:
        return process_batch(run, batch, warehouse)
    return workers.run(process_batch, run, batch, warehouse)


def extract_batches(run_plan: RunPlan, batch_size: int, warehouse: Warehouse, processes: int,
                    dask_scheduler: str | None = None) -> list[BatchResult]:
    """One `extract_batch` task per batch, over the run's worker processes (one per core for a
    large run, as `factwire run`), or on the Dask cluster of ``dask_scheduler``. A few tasks are
    submitted ahead of the workers, not all: what is in flight stays small however large the
    run. Each batch done is logged with the articles extracted of those planned, the rate and
    the time left."""
    batches = run_plan.batches(batch_size)
    results: list[BatchResult] = []
    progress = LogProgress(get_run_logger().info, interval=0)
    progress.planned(len(run_plan.new))

    def take(future) -> None:
        results.append(future.result())
        progress.batch_done(len(batches[len(results) - 1]))

    def submit_all(submit, ahead: int) -> None:
        pending: deque = deque()
        for batch in batches:
            if len(pending) >= ahead:
                take(pending.popleft())
            pending.append(submit(batch))
        while pending:
            take(pending.popleft())

    if dask_scheduler and batches:
        with _dask_runner(dask_scheduler) as runner:
            on_workers = warehouse.for_workers()
            submit_all(lambda batch: runner.submit(extract_batch, parameters={
                "run": run_plan.context, "batch": batch, "warehouse": on_workers, "workers": None}),
                2 * cluster.worker_threads(runner.client))
        return results
    with BatchWorkers(min(worker_count(processes, len(run_plan.new)), len(batches))) as workers:
        ahead = 2 * workers.processes if workers.parallel else 1  # one process: one batch at a time
        submit_all(lambda batch: extract_batch.submit(run_plan.context, batch, warehouse, workers), ahead)
    return results


@contextlib.contextmanager
def _dask_runner(address: str) -> Iterator:
    """Prefect's Dask task runner on the cluster at ``address``, connected and with a worker.

    Dask workers need only factwire installed, not this checkout: the task is sent by value
    (cloudpickle), the library code it calls by reference."""
    import cloudpickle
    from prefect_dask import DaskTaskRunner

    if "{{" in address:
        raise cluster.ClusterError(
            f"dask_scheduler is the unfilled template {address!r}: set FACTWIRE_DASK_SCHEDULER=tcp://host:8786 "
            "before `prefect deploy`, or start the run with --param dask_scheduler=tcp://host:8786")
    address = cluster.check_address(address)
    cloudpickle.register_pickle_by_value(sys.modules[extract_batch.fn.__module__])
    with DaskTaskRunner(address=address, client_kwargs={"timeout": cluster.CONNECT_SECONDS,
                                                        "set_as_default": False}) as runner:
        try:
            client = runner.client
        except (OSError, TimeoutError) as exc:
            raise cluster.ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        cluster.wait_for_workers(client, address)
        yield runner


@task(retries=2, retry_delay_seconds=2, retry_condition_fn=_io_failure, cache_policy=NO_CACHE)
def load(run_plan: RunPlan, results: list[BatchResult], warehouse: Warehouse) -> RunSummary:
    """Load every batch and the run's row into DuckDB in one transaction (safe to retry)."""
    return finish_run(run_plan, results, warehouse)


@task(cache_policy=NO_CACHE)
def check(warehouse: Warehouse) -> list[str]:
    """Run the warehouse's constraint checks on the published snapshot; names of failed checks."""
    con = warehouse.connect_snapshot()
    try:
        return [f"{r.name} ({r.violations})" for r in run_checks(con) if not r.passed]
    finally:
        con.close()


@flow(name="news_etl")
def news_etl(paths: list[str] = ["seeds"], warehouse: str | None = None, lake: str | None = None,  # noqa: B006
             batch_size: int = DEFAULT_BATCH_SIZE, sources_file: str | None = None, reextract: bool = False,
             staging: str | None = None, dask_scheduler: str | None = None) -> dict:
    """Ingest articles from files, folders, page URLs and a sources file's feeds into the DuckDB
    warehouse; re-runs add nothing.

    Relative paths resolve against the working directory (a deployment's pull step sets it to
    the checkout). `warehouse`, `lake` and `staging` override FACTWIRE_WAREHOUSE, FACTWIRE_LAKE
    and FACTWIRE_STAGING; the lake and staging may be s3://bucket/prefix. With `reextract`, no
    input is read: stored articles of older extractor versions get new facts. With
    `dask_scheduler` (tcp://host:8786) the batches are extracted on that Dask cluster.
    """
    logger = get_run_logger()
    settings = _settings(warehouse, lake, staging)
    store = warehouse_from(settings)
    with store.writer_lock():
        run_plan = plan([p if is_url(p) else str(Path(p).resolve()) for p in paths], store,
                        str(Path(sources_file).resolve()) if sources_file else None, reextract)
        try:
            results = extract_batches(run_plan, batch_size, store, settings.processes, dask_scheduler)
            summary = load(run_plan, results, store)
        except Exception as exc:
            record_failure(run_plan, store, exc)
            raise
    failed_checks = check(store)
    if failed_checks:
        raise RuntimeError(f"run {summary.run_id} loaded, but warehouse checks failed: {', '.join(failed_checks)}")
    logger.info("run %s: %d articles seen, %d new, %d unchanged, %d quarantined; rows inserted into %s: %s",
                summary.run_id, summary.articles_seen, summary.articles_new, summary.articles_unchanged,
                summary.inputs_quarantined, store.path, summary.rows_inserted or "none")
    return summary.as_dict()


def _settings(warehouse: str | None, lake: str | None, staging: str | None = None) -> Settings:
    """The environment's settings with the flow's overrides, every local path made absolute."""
    settings = get_settings()
    staging_dir = staging or settings.staging_dir
    return dataclasses.replace(
        settings,
        warehouse_path=Path(warehouse or settings.warehouse_path).resolve(),
        lake_dir=storage.absolute(storage.location(lake or settings.lake_dir)),
        staging_dir=storage.absolute(storage.location(staging_dir)) if staging_dir else None,
    )
