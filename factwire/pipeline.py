"""The pipeline as plain library calls: read, skip what is loaded, extract, write Parquet, load.

`run_pipeline` chains the steps for the CLI; the Prefect flow calls the same steps as tasks.
"""

from __future__ import annotations

import secrets
import traceback
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from factwire.articles import Article, Rejected
from factwire.extract import EXTRACTOR_VERSION, extract_many
from factwire.settings import Settings, get_settings
from factwire.sources.files import discover, read_path
from factwire.warehouse.rows import article_row, fact_rows, quarantine_row
from factwire.warehouse.store import Warehouse, batch_key

DEFAULT_BATCH_SIZE = 200


@dataclass
class Inputs:
    """What a run read: articles to consider, inputs rejected with their reasons."""

    articles: list[Article] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: int = 0  # the same text met twice in this run


@dataclass
class RunSummary:
    run_id: str
    status: str
    articles_seen: int
    articles_new: int
    articles_unchanged: int
    articles_duplicate: int
    inputs_quarantined: int
    rows_inserted: dict[str, int]
    error: str | None = None

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def warehouse_from(settings: Settings | None = None) -> Warehouse:
    settings = settings or get_settings()
    return Warehouse(settings.warehouse_path, settings.lake_dir)


def read_inputs(paths: Iterable[str | Path]) -> Inputs:
    """Every article in the given files and folders; what cannot be read is rejected, not lost."""
    files, rejected = discover(paths)
    inputs = Inputs(rejected=list(rejected))
    seen: set[str] = set()
    for path in files:
        for item in read_path(path):
            if isinstance(item, Rejected):
                inputs.rejected.append(item)
            elif item.article_id in seen:
                inputs.duplicates += 1
            else:
                seen.add(item.article_id)
                inputs.articles.append(item)
    return inputs


def select_new(articles: list[Article], warehouse: Warehouse) -> tuple[list[Article], int]:
    """The articles the warehouse does not hold yet, and how many it already holds."""
    known = warehouse.known_article_ids([a.article_id for a in articles])
    new = [a for a in articles if a.article_id not in known]
    return new, len(articles) - len(new)


def extract_batch(articles: list[Article], run_id: str, now: datetime) -> tuple[dict[str, list[dict]], list[Rejected]]:
    """Rows for every table from one batch of articles (one spaCy pass over the batch)."""
    rows: dict[str, list[dict]] = {"articles": []}
    failed: list[Rejected] = []
    items = [(a.text, a.published, a.cited_sources) for a in articles]
    for article, facts in zip(articles, _safe_extract(items)):
        if isinstance(facts, Exception):
            failed.append(Rejected(article.source_uri, "extraction_error", f"{type(facts).__name__}: {facts}"))
            continue
        rows["articles"].append(article_row(article, EXTRACTOR_VERSION, run_id, now))
        for table, table_rows in fact_rows(article.article_id, facts, run_id).items():
            rows.setdefault(table, []).extend(table_rows)
    return rows, failed


def _safe_extract(items):
    """Extraction per article, where one article's failure is that article's alone."""
    try:
        yield from extract_many(items)
        return
    except Exception:  # a failure inside the batch: redo one by one to find the culprit
        pass
    from factwire.extract import extract

    for text, published, cited in items:
        try:
            yield extract(text, published, cited)
        except Exception as exc:  # noqa: BLE001 - quarantined with its reason
            yield exc


@dataclass
class RunPlan:
    """A run's identity and the work it found: what is new, what is loaded already."""

    run_id: str
    started: datetime
    inputs: list[str]
    new: list[Article]
    unchanged: int
    seen: int
    duplicates: int
    rejected: list[Rejected]

    def batches(self, batch_size: int = DEFAULT_BATCH_SIZE) -> list[list[Article]]:
        return [self.new[i: i + batch_size] for i in range(0, len(self.new), batch_size)]


@dataclass
class BatchResult:
    files: dict[str, Path]
    rejected: list[Rejected]


def plan_run(paths: Iterable[str | Path], warehouse: Warehouse) -> RunPlan:
    """Read the inputs and decide what this run has to extract."""
    started = datetime.now(timezone.utc)
    paths = [str(p) for p in paths]
    inputs = read_inputs(paths)
    new, unchanged = select_new(inputs.articles, warehouse)
    return RunPlan(new_run_id(started), started, paths, new, unchanged,
                   len(inputs.articles) + inputs.duplicates, inputs.duplicates, list(inputs.rejected))


def process_batch(plan: RunPlan, batch: list[Article], warehouse: Warehouse) -> BatchResult:
    """Extract one batch and write its Parquet files (nothing is loaded yet)."""
    rows, failed = extract_batch(batch, plan.run_id, plan.started)
    key = batch_key([a.article_id for a in batch], EXTRACTOR_VERSION)
    return BatchResult(warehouse.write_lake(rows, key, plan.started.date()), failed)


def finish_run(plan: RunPlan, results: list[BatchResult], warehouse: Warehouse) -> RunSummary:
    """Quarantine what was rejected and load every batch with the run's row, in one transaction."""
    rejected = plan.rejected + [r for result in results for r in result.rejected]
    files: dict[str, list[Path]] = {}
    for result in results:
        for table, path in result.files.items():
            files.setdefault(table, []).append(path)
    if rejected:
        quarantine = [quarantine_row(r, plan.run_id, plan.started) for r in rejected]
        key = batch_key([q["quarantine_id"] for q in quarantine], "quarantine")
        written = warehouse.write_lake({"quarantine": quarantine}, key, plan.started.date())
        files.setdefault("quarantine", []).append(written["quarantine"])
    failed_extractions = sum(1 for result in results for _ in result.rejected)
    summary = RunSummary(plan.run_id, "succeeded", plan.seen, len(plan.new) - failed_extractions,
                         plan.unchanged, plan.duplicates, len(rejected), {})
    summary.rows_inserted = warehouse.load(files, run_row(summary, plan.inputs, plan.started))
    return summary


def record_failure(plan: RunPlan, warehouse: Warehouse, error: BaseException) -> RunSummary:
    """Log a run that failed before it could load (its facts are not loaded, nothing half-way)."""
    summary = RunSummary(plan.run_id, "failed", plan.seen, 0, plan.unchanged, plan.duplicates,
                         len(plan.rejected), {}, error=f"{type(error).__name__}: {error}")
    try:
        warehouse.record_run(run_row(summary, plan.inputs, plan.started))
    except Exception:  # noqa: BLE001 - the original error matters more
        traceback.print_exc()
    return summary


def run_pipeline(paths: Iterable[str | Path], settings: Settings | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, wait_seconds: float = 0.0) -> RunSummary:
    """Read, extract and load; one transaction per run, so a run lands whole or not at all."""
    warehouse = warehouse_from(settings)
    with warehouse.writer_lock(wait_seconds=wait_seconds):
        plan = plan_run(paths, warehouse)
        try:
            results = [process_batch(plan, batch, warehouse) for batch in plan.batches(batch_size)]
            return finish_run(plan, results, warehouse)
        except Exception as exc:
            record_failure(plan, warehouse, exc)
            raise


def run_row(summary: RunSummary, inputs: list[str], started: datetime) -> dict:
    return {
        "run_id": summary.run_id, "started_at": started, "finished_at": datetime.now(timezone.utc),
        "status": summary.status, "inputs": inputs, "articles_seen": summary.articles_seen,
        "articles_new": summary.articles_new, "articles_unchanged": summary.articles_unchanged,
        "articles_duplicate": summary.articles_duplicate, "inputs_quarantined": summary.inputs_quarantined,
        "facts_loaded": 0, "extractor_version": EXTRACTOR_VERSION, "error": summary.error,
    }
