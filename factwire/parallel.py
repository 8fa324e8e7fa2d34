"""Extracting batches in worker processes, so a run uses every core.

Each worker loads the spaCy model once and does the whole per-batch job (parse, rules, Parquet
files); only the small batch results travel back. Workers are spawned, not forked, so they
never inherit the parent's threads (a Prefect flow runs tasks in threads).
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Below this many articles a run stays in one process: spawning and loading a model in each
# worker costs a few seconds.
MIN_ARTICLES_FOR_WORKERS = 200


def worker_count(requested: int, articles: int) -> int:
    """How many processes to use: ``requested``, or with 0 one per core for a large run."""
    if requested > 0:
        return requested
    if articles < MIN_ARTICLES_FOR_WORKERS:
        return 1
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def _warm_up() -> None:
    from factwire.nlp import load_nlp

    load_nlp()


def map_batches(fn: Callable[[T], R], batches: Sequence[T], processes: int) -> list[R]:
    """``[fn(b) for b in batches]``, in order, over ``processes`` worker processes."""
    if processes <= 1 or len(batches) <= 1:
        return [fn(batch) for batch in batches]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(min(processes, len(batches)), mp_context=context, initializer=_warm_up) as pool:
        return list(pool.map(fn, batches))
