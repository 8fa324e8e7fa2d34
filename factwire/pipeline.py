"""The pipeline as plain library calls: read, skip what is loaded, extract, write Parquet, load.

`run_pipeline` chains the steps for the CLI; the Prefect flow calls the same steps as tasks.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from factwire.articles import Article, Rejected
from factwire.extract import EXTRACTOR_VERSION
from factwire.progress import NO_PROGRESS, Progress
from factwire.settings import Settings, get_settings
from factwire.sources.files import discover, read_path
from factwire.stages import stage
from factwire.warehouse.rows import article_row, fact_key, fact_rows, quarantine_row, url_rows
from factwire.warehouse.store import Warehouse, WarehouseReader, batch_key

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
    articles_near_duplicate: int = 0
    pages_fetched: int = 0
    fetch_failures: int = 0

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def new_run_id(now: datetime) -> str:
    return now.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)


def warehouse_from(settings: Settings | None = None) -> Warehouse:
    settings = settings or get_settings()
    return Warehouse(settings.warehouse_path, settings.lake_dir, settings.staging_dir)


def read_inputs(paths: Iterable[str | Path], progress: Progress = NO_PROGRESS) -> Inputs:
    """Every article in the given files and folders; what cannot be read is rejected, not lost."""
    files, rejected = discover(paths)
    inputs = Inputs(rejected=list(rejected))
    seen: set[str] = set()
    for path in files:
        items = read_path(path)
        while True:
            with stage("read"):
                item = next(items, None)
            if item is None:
                break
            with stage("clean"):  # the text's identity (normalised, hashed) and duplicates
                if isinstance(item, Rejected):
                    inputs.rejected.append(item)
                elif item.article_id in seen:
                    inputs.duplicates += 1
                else:
                    seen.add(item.article_id)
                    inputs.articles.append(item)
            progress.inputs_read(len(inputs.articles) + len(inputs.rejected) + inputs.duplicates)
    return inputs


def is_url(value: str | Path) -> bool:
    return isinstance(value, str) and value.startswith(("http://", "https://"))


def extract_batch(articles: list[Article], run_id: str, now: datetime,
                  budget: float | None | object = ..., max_facts: int | None = None,
                  ) -> tuple[dict[str, list[dict]], list[Rejected]]:
    """Rows for every table from one batch of articles (one spaCy pass over the batch).

    Extraction is English-only: an article in another language is loaded without facts, its
    ``extraction_skipped`` saying why; one whose language is not known is extracted. An article
    whose extraction fails, runs over ``budget`` seconds (default: the FACTWIRE_ARTICLE_TIMEOUT
    setting) or whose rows cannot be built is rejected with the reason, and the rest go on.
    """
    from factwire.faults import checkpoint
    from factwire.sources.html import english_or_unknown

    checkpoint("extract")
    if budget is ...:
        budget = get_settings().article_timeout
    budget = budget if budget is not None and budget > 0 else None
    rows: dict[str, list[dict]] = {"articles": []}
    failed: list[Rejected] = []
    english = [a for a in articles if english_or_unknown(a.language)]
    for article in articles:
        if not english_or_unknown(article.language):
            rows["articles"].append(article_row(article, EXTRACTOR_VERSION, run_id, now,
                                                extraction_skipped=f"language {article.language}: "
                                                                   "extraction is English-only"))
            rows.setdefault("article_urls", []).extend(url_rows(article, article.article_id, "source", run_id))
    items = [(a.text, a.published, a.cited_sources) for a in english]
    for article, facts in zip(english, _safe_extract(items, budget, max_facts)):
        if isinstance(facts, Exception):
            failed.append(Rejected(article.source_uri, getattr(facts, "reason", "extraction_error"),
                                   f"{type(facts).__name__}: {facts}", article.article_id))
            continue
        try:
            own = {"articles": [article_row(article, EXTRACTOR_VERSION, run_id, now,
                                            facts_dropped=facts.get("facts_dropped", 0))],
                   "article_urls": url_rows(article, article.article_id, "source", run_id),
                   **fact_rows(article.article_id, facts, run_id)}
        except Exception as exc:  # noqa: BLE001 - this article's alone: quarantined with the error
            failed.append(Rejected(article.source_uri, "row_error", f"{type(exc).__name__}: {exc}",
                                   article.article_id))
            continue
        for table, table_rows in own.items():
            rows.setdefault(table, []).extend(table_rows)
    return rows, failed


def _safe_extract(items, budget: float | None = None, max_facts: int | None = None):
    """Facts per (text, published, cited sources), in order, where one article's failure is that
    article's alone: an `ExtractionTimeout` or the exception in its place. One batched spaCy pass;
    if the pass itself fails, the articles not done yet are redone one by one to find the culprit.
    Each article has ``budget`` seconds for parsing and rules together."""
    from factwire.nlp import parse

    done = 0
    try:
        docs = parse((text for text, _, _ in items), budget=budget)
        for _, published, cited in items:
            with stage("nlp"):
                doc = next(docs)
            done += 1
            yield _rules(doc, published, cited, budget, max_facts)
        return
    except Exception:  # noqa: BLE001 - the shared pass failed: found again below, one at a time
        pass
    for text, published, cited in items[done:]:
        try:
            doc = next(parse([text], budget=budget))
        except Exception as exc:  # noqa: BLE001 - quarantined with its reason
            yield exc
            continue
        yield _rules(doc, published, cited, budget, max_facts)


def _rules(doc, published, cited, budget: float | None, max_facts: int | None = None):
    """One article's facts from its Doc, within what parsing left of its ``budget``; its error,
    if any, in their place (a Doc whose parsing ran over the budget is that `ExtractionTimeout`)."""
    from factwire.budget import ExtractionTimeout, deadline
    from factwire.extract import facts_from_doc
    from factwire.nlp import PARSE_SECONDS_KEY

    if isinstance(doc, ExtractionTimeout):
        return doc
    left = None if budget is None else max(0.0, budget - doc.user_data.get(PARSE_SECONDS_KEY, 0.0))
    try:
        with stage("rules"), deadline(left):
            return facts_from_doc(doc, published, cited, max_facts)
    except Exception as exc:  # noqa: BLE001 - quarantined with its reason
        return exc


@dataclass
class RunPlan:
    """A run's identity and the work it found: what is new, what is held already, and the rows
    that record what the run met on the way (duplicate URLs, fetch failures, HTTP validators)."""

    run_id: str
    started: datetime
    inputs: list[str]
    new: list[Article]
    unchanged: int
    seen: int
    duplicates: int
    rejected: list[Rejected]
    near_duplicates: int = 0
    pages_fetched: int = 0
    extra_rows: dict[str, list[dict]] = field(default_factory=dict)
    reextract: bool = False  # the new facts replace the facts these articles have

    def batches(self, batch_size: int = DEFAULT_BATCH_SIZE) -> list[list[Article]]:
        return [self.new[i: i + batch_size] for i in range(0, len(self.new), batch_size)]

    @property
    def context(self) -> RunContext:
        return RunContext(self.run_id, self.started)

    @property
    def fetch_failures(self) -> int:
        return len(self.extra_rows.get("fetch_failures", []))


@dataclass(frozen=True)
class RunContext:
    """What a batch needs to know of its run (small: it travels to worker processes)."""

    run_id: str
    started: datetime


@dataclass
class BatchResult:
    files: dict[str, Path]
    rejected: list[Rejected]


def plan_run(paths: Iterable[str | Path], warehouse: Warehouse, sources=None, fetch_config=None,
             progress: Progress = NO_PROGRESS) -> RunPlan:
    """Read the inputs (files, folders, URLs and the feeds and pages of ``sources``) and decide
    what this run has to extract. Nothing is written yet."""
    started = datetime.now(timezone.utc)
    run_id = new_run_id(started)
    paths = [str(p) for p in paths]
    urls = [p for p in paths if is_url(p)]
    local = [p for p in paths if not is_url(p)]
    progress.phase("read")
    inputs = read_inputs(local, progress) if local else Inputs()
    plan = RunPlan(run_id, started, paths + ([f"sources:{len(sources.feeds)} feeds, {len(sources.pages)} pages"]
                                             if sources else []),
                   [], 0, 0, inputs.duplicates, list(inputs.rejected))
    with warehouse.reader() as reader, stage("plan"):
        candidates = list(inputs.articles)
        web_articles: set[str] = set()
        if sources is not None or urls:
            for article in _collect_web(plan, reader, urls, sources, fetch_config, progress):
                candidates.append(article)
                web_articles.add(article.article_id)
        known = reader.known_article_ids([a.article_id for a in candidates])
        chosen: dict[str, Article] = {}
        for article in candidates:
            article_id = article.article_id
            if article_id in known:
                plan.unchanged += 1
                _add(plan, "article_urls", url_rows(article, article_id, "duplicate", run_id))
            elif article_id in chosen:
                plan.duplicates += 1
                _add(plan, "article_urls", url_rows(article, article_id, "duplicate", run_id))
            elif article_id in web_articles and (held := reader.near_duplicate_of(article.simhash, NEAR_DUPLICATE_BITS)):
                plan.near_duplicates += 1
                _add(plan, "article_urls", url_rows(article, held, "near_duplicate", run_id))
            else:
                chosen[article_id] = article
        plan.new = list(chosen.values())
        plan.seen = len(candidates) + inputs.duplicates
        if reader.validator_updates:
            _add(plan, "http_validators", [{"url": url, "etag": v.get("etag"), "last_modified": v.get("last_modified"),
                                            "updated_at": started} for url, v in reader.validator_updates.items()])
    return plan


NEAR_DUPLICATE_BITS = 8


def _add(plan: RunPlan, table: str, rows: list[dict]) -> None:
    plan.extra_rows.setdefault(table, []).extend(rows)


def _collect_web(plan: RunPlan, reader: WarehouseReader, urls: list[str], sources, fetch_config,
                 progress: Progress = NO_PROGRESS) -> list[Article]:
    """Fetch feeds and pages; record failures and syndicated copies on the plan."""
    from factwire.sources.feeds import collect
    from factwire.sources.sourcesfile import PageSource, Sources
    from factwire.sources.web import Fetcher

    sources = sources or Sources()
    if urls:
        sources = Sources(sources.feeds, sources.pages + tuple(PageSource(u) for u in urls), sources.settings)
    config = sources.fetch_config(fetch_config or default_fetch_config())
    progress.phase("fetch")
    with Fetcher(config, validators=reader) as fetcher:
        articles, failures, stats = collect(sources, fetcher, seen_urls=reader.knows_url, on_fetch=progress.fetched)
    plan.pages_fetched += stats.pages_fetched
    _add(plan, "fetch_failures", [
        {"failure_id": fact_key(plan.run_id, f.url, f.stage), "run_id": plan.run_id, "url": f.url,
         "stage": f.stage, "reason": f.reason, "detail": f.detail, "http_status": f.status,
         "source": f.source, "failed_at": f.time} for f in failures])
    by_uri = {a.source_uri: a for a in articles}
    for duplicate_url, kept_uri, same_text in stats.duplicates:
        kept = by_uri.get(kept_uri)
        if kept is not None:
            if same_text:
                plan.duplicates += 1
            else:
                plan.near_duplicates += 1
            _add(plan, "article_urls", [{"url": duplicate_url, "article_id": kept.article_id,
                                         "relation": "duplicate" if same_text else "near_duplicate",
                                         "first_run_id": plan.run_id}])
    return articles


def default_fetch_config():
    """The fetcher's defaults, with hosts allowed by FACTWIRE_ALLOW_HOSTS (comma-separated)."""
    import os
    from dataclasses import replace

    from factwire.sources.web import FetchConfig

    allowed = {h.strip().lower() for h in os.environ.get("FACTWIRE_ALLOW_HOSTS", "").split(",") if h.strip()}
    return replace(FetchConfig(), allow_hosts=frozenset(allowed))


def process_batch(plan: RunPlan | RunContext, batch: list[Article], warehouse: Warehouse) -> BatchResult:
    """Extract one batch and write its Parquet files (nothing is loaded yet). An article whose
    rows cannot be written is rejected (``write_error``) and the batch written without it; an
    error of the storage itself (OSError: a full disk, a missing folder) fails the batch."""
    with stage("extract"):  # nlp + rules + rows
        rows, failed = extract_batch(batch, plan.run_id, plan.started)
    key = batch_key([a.article_id for a in batch], EXTRACTOR_VERSION)
    with stage("parquet"):
        try:
            return BatchResult(warehouse.write_lake(rows, f"batch-{key}", plan.started.date()), failed)
        except OSError:
            raise
        except Exception:  # noqa: BLE001 - found below, one article at a time
            rows, unwritable = _without_unwritable(rows, batch)
            if not unwritable:
                raise  # no one article is the cause: the run fails with the error
            return BatchResult(warehouse.write_lake(rows, f"batch-{key}", plan.started.date()), failed + unwritable)


def _without_unwritable(rows: dict[str, list[dict]], batch: list[Article]) -> tuple[dict[str, list[dict]], list[Rejected]]:
    """The batch's rows less those of every article whose rows do not fit their declared schema
    (and the articles naming an actor whose row does not), with a rejection for each."""
    from factwire.warehouse.schema import tables

    problems: dict[str, str] = {}
    bad_actors: dict[str, str] = {}
    for table, table_rows in rows.items():
        declared = tables()[table]
        if "article_id" in declared.column_names:
            by_article: dict[str, list[dict]] = {}
            for row in table_rows:
                by_article.setdefault(row["article_id"], []).append(row)
            for article_id, own in by_article.items():
                try:
                    declared.to_arrow(own)
                except Exception as exc:  # noqa: BLE001 - reported as the article's reason
                    problems.setdefault(article_id, f"{table}: {type(exc).__name__}: {exc}")
        elif table == "actors":
            for row in table_rows:
                try:
                    declared.to_arrow([row])
                except Exception as exc:  # noqa: BLE001
                    bad_actors[row["actor_id"]] = f"actors: {type(exc).__name__}: {exc}"
    if bad_actors:
        for table, table_rows in rows.items():
            for row in table_rows:
                for column in ("actor_id", "subject_actor_id", "object_actor_id", "speaker_actor_id",
                               "buyer_actor_id", "seller_actor_id", "place_actor_id"):
                    if row.get(column) in bad_actors and "article_id" in row:
                        problems.setdefault(row["article_id"], bad_actors[row[column]])
    cleaned = {table: [row for row in table_rows
                       if row.get("article_id") not in problems and row.get("actor_id") not in bad_actors]
               for table, table_rows in rows.items()}
    by_id = {a.article_id: a for a in batch}
    rejected = [Rejected(by_id[a].source_uri if a in by_id else a, "write_error", detail, a)
                for a, detail in problems.items()]
    return cleaned, rejected


def process_batches(plan: RunPlan, warehouse: Warehouse, batch_size: int = DEFAULT_BATCH_SIZE,
                    processes: int = 0, progress: Progress = NO_PROGRESS,
                    dask_scheduler: str | None = None) -> list[BatchResult]:
    """Every batch of the plan through `process_batch`, over worker processes for a large run,
    or as tasks on the Dask cluster of ``dask_scheduler`` (`factwire.cluster`); ``progress`` is
    told of each batch done."""
    from functools import partial

    from factwire.parallel import map_batches, worker_count

    batches = plan.batches(batch_size)
    if dask_scheduler:
        from factwire import cluster

        return cluster.map_batches(partial(process_batch, plan.context, warehouse=warehouse.for_workers()),
                                   batches, dask_scheduler,
                                   on_result=lambda index, _: progress.batch_done(len(batches[index])))
    workers = worker_count(processes, len(plan.new))
    return map_batches(partial(process_batch, plan.context, warehouse=warehouse), batches, workers,
                       on_result=lambda index, _: progress.batch_done(len(batches[index])))


def finish_run(plan: RunPlan, results: list[BatchResult], warehouse: Warehouse) -> RunSummary:
    """Quarantine what was rejected and load every batch with the run's row, in one transaction."""
    rejected = plan.rejected + [r for result in results for r in result.rejected]
    files: dict[str, list[Path]] = {}
    for result in results:
        for table, path in result.files.items():
            files.setdefault(table, []).append(path)
    extra = {table: list(rows) for table, rows in plan.extra_rows.items()}
    if rejected:
        extra["quarantine"] = [quarantine_row(r, plan.run_id, plan.started) for r in rejected]
    if extra:
        keys = [f"{table}:{row[k]}" for table, rows in extra.items()
                for row in rows for k in _key_columns(table)]
        written = warehouse.write_lake(extra, "records-" + batch_key(keys, "run-records"), plan.started.date())
        for table, path in written.items():
            files.setdefault(table, []).append(path)
    failed_extractions = sum(1 for result in results for _ in result.rejected)
    summary = RunSummary(plan.run_id, "succeeded", plan.seen, len(plan.new) - failed_extractions,
                         plan.unchanged, plan.duplicates, len(rejected), {},
                         articles_near_duplicate=plan.near_duplicates, pages_fetched=plan.pages_fetched,
                         fetch_failures=plan.fetch_failures)
    failed_ids = {r.article_id for result in results for r in result.rejected}
    replaces = [a.article_id for a in plan.new if a.article_id not in failed_ids] if plan.reextract else []
    with stage("load"):
        summary.rows_inserted = warehouse.load(files, run_row(summary, plan.inputs, plan.started), replaces)
    return summary


def plan_reextract(warehouse: Warehouse, everything: bool = False,
                   article_ids: list[str] | None = None) -> RunPlan:
    """A run over stored articles whose facts came from another extractor version (or all, or the
    given ones): their stored text is extracted again, nothing is fetched."""
    started = datetime.now(timezone.utc)
    with warehouse.reader() as reader:
        stored = reader.stored_articles(None if everything or article_ids else EXTRACTOR_VERSION, article_ids)
    label = "reextract:" + ("all" if everything else ",".join(article_ids) if article_ids else f"not {EXTRACTOR_VERSION}")
    return RunPlan(new_run_id(started), started, [label], stored, 0, len(stored), 0, [], reextract=True)


def reextract(settings: Settings | None = None, everything: bool = False, article_ids: list[str] | None = None,
              batch_size: int = DEFAULT_BATCH_SIZE, wait_seconds: float = 0.0,
              progress: Progress = NO_PROGRESS) -> RunSummary:
    """Recompute the facts of stored articles with this extractor, replacing their old facts in
    one transaction; nothing is fetched again. ``progress`` is told how the run goes."""
    settings = settings or get_settings()
    warehouse = warehouse_from(settings)
    with warehouse.writer_lock(wait_seconds=wait_seconds):
        plan = plan_reextract(warehouse, everything, article_ids)
        progress.planned(len(plan.new))
        try:
            results = process_batches(plan, warehouse, batch_size, settings.processes, progress)
            progress.phase("load")
            return finish_run(plan, results, warehouse)
        except Exception as exc:
            record_failure(plan, warehouse, exc)
            raise


def _key_columns(table: str) -> tuple[str, ...]:
    from factwire.warehouse.schema import tables

    return tables()[table].key


def record_failure(plan: RunPlan, warehouse: Warehouse, error: BaseException) -> RunSummary:
    """Log a run that failed before it could load (its facts are not loaded, nothing half-way)."""
    summary = RunSummary(plan.run_id, "failed", plan.seen, 0, plan.unchanged, plan.duplicates,
                         len(plan.rejected), {}, error=f"{type(error).__name__}: {error}")
    try:
        warehouse.record_run(run_row(summary, plan.inputs, plan.started))
    except Exception as exc:  # noqa: BLE001 - the original error matters more: one line, no traceback
        logging.getLogger(__name__).warning("the failed run %s could not be recorded in the warehouse: %s: %s",
                                            plan.run_id, type(exc).__name__, exc)
    return summary


def run_pipeline(paths: Iterable[str | Path], settings: Settings | None = None,
                 batch_size: int = DEFAULT_BATCH_SIZE, wait_seconds: float = 0.0,
                 sources=None, fetch_config=None, progress: Progress = NO_PROGRESS,
                 dask_scheduler: str | None = None) -> RunSummary:
    """Read, extract and load; one transaction per run, so a run lands whole or not at all.

    ``paths`` are files, folders or http(s) URLs of pages; ``sources`` (a
    `factwire.sources.sourcesfile.Sources`) adds feeds and pages to fetch. ``progress`` (a
    `factwire.progress.Progress`) is told how the run goes. With ``dask_scheduler``
    (``tcp://host:8786``) the batches are extracted on that Dask cluster's workers.
    """
    warehouse = warehouse_from(settings)
    with warehouse.writer_lock(wait_seconds=wait_seconds):
        plan = plan_run(paths, warehouse, sources=sources, fetch_config=fetch_config, progress=progress)
        progress.planned(len(plan.new))
        try:
            results = process_batches(plan, warehouse, batch_size, (settings or get_settings()).processes, progress,
                                      dask_scheduler)
            progress.phase("load")
            return finish_run(plan, results, warehouse)
        except Exception as exc:
            record_failure(plan, warehouse, exc)
            raise


def run_row(summary: RunSummary, inputs: list[str], started: datetime) -> dict:
    return {
        "run_id": summary.run_id, "started_at": started, "finished_at": datetime.now(timezone.utc),
        "status": summary.status, "inputs": inputs, "articles_seen": summary.articles_seen,
        "articles_new": summary.articles_new, "articles_unchanged": summary.articles_unchanged,
        "articles_duplicate": summary.articles_duplicate,
        "articles_near_duplicate": summary.articles_near_duplicate,
        "inputs_quarantined": summary.inputs_quarantined, "pages_fetched": summary.pages_fetched,
        "fetch_failures": summary.fetch_failures,
        "facts_loaded": 0, "extractor_version": EXTRACTOR_VERSION, "error": summary.error,
        "lake_exported": summary.status != "succeeded",  # a failed run has nothing to export
    }
