"""The scheduled `news_etl` flow: the library pipeline (plan, extract per batch, load) as Prefect tasks.

The flow only orchestrates; every step is a `factwire.pipeline` call that also runs without Prefect.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from factwire.articles import Article
from factwire.pipeline import (DEFAULT_BATCH_SIZE, BatchResult, RunPlan, RunSummary, finish_run, is_url,
                               plan_run, process_batch, record_failure, warehouse_from)
from factwire.settings import Settings, get_settings
from factwire.warehouse.store import Warehouse

# Re-runs are made safe by the warehouse's keys, not by Prefect: its default cache would hash
# every article passed to each task and keep results nobody reads, so no task caches.


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def plan(paths: list[str], warehouse: Warehouse) -> RunPlan:
    """Read the inputs and find the articles the warehouse does not hold yet."""
    return plan_run(paths, warehouse)


@task(cache_policy=NO_CACHE)  # pure CPU: a retry would fail the same way
def extract_batch(run_plan: RunPlan, batch: list[Article], warehouse: Warehouse) -> BatchResult:
    """Extract one batch of articles and write its Parquet files."""
    return process_batch(run_plan, batch, warehouse)


@task(retries=2, retry_delay_seconds=2, cache_policy=NO_CACHE)
def load(run_plan: RunPlan, results: list[BatchResult], warehouse: Warehouse) -> RunSummary:
    """Load every batch and the run's row into DuckDB in one transaction (safe to retry)."""
    return finish_run(run_plan, results, warehouse)


@flow(name="news_etl")
def news_etl(paths: list[str] = ["seeds"], warehouse: str | None = None, lake: str | None = None,  # noqa: B006
             batch_size: int = DEFAULT_BATCH_SIZE) -> dict:
    """Ingest articles from files, folders and page URLs into the DuckDB warehouse; re-runs add nothing.

    Relative paths resolve against the working directory (a deployment's pull step sets it to
    the checkout). `warehouse` and `lake` override FACTWIRE_WAREHOUSE and FACTWIRE_LAKE.
    """
    logger = get_run_logger()
    store = warehouse_from(_settings(warehouse, lake))
    with store.writer_lock():
        run_plan = plan([p if is_url(p) else str(Path(p).resolve()) for p in paths], store)
        try:
            results = [extract_batch(run_plan, batch, store) for batch in run_plan.batches(batch_size)]
            summary = load(run_plan, results, store)
        except Exception as exc:
            record_failure(run_plan, store, exc)
            raise
    logger.info("run %s: %d articles seen, %d new, %d unchanged, %d quarantined; rows inserted into %s: %s",
                summary.run_id, summary.articles_seen, summary.articles_new, summary.articles_unchanged,
                summary.inputs_quarantined, store.path, summary.rows_inserted or "none")
    return summary.as_dict()


def _settings(warehouse: str | None, lake: str | None) -> Settings:
    """The environment's settings with the flow's overrides, every path made absolute."""
    settings = get_settings()
    return dataclasses.replace(
        settings,
        warehouse_path=Path(warehouse or settings.warehouse_path).resolve(),
        lake_dir=Path(lake or settings.lake_dir).resolve(),
    )
