"""Extracting batches in worker processes, so a run uses every core.

Each worker loads the spaCy model once and does the whole per-batch job (parse, rules, Parquet
files); only the small batch results travel back. Workers are spawned, not forked, so they
never inherit the parent's threads (a Prefect flow runs tasks in threads). One pool serves a
whole run: `BatchWorkers` is opened once and takes batches from `map` (the library path) or
from `run`, called by each Prefect task in its thread (the flow).
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Callable, Sequence, TypeVar

from factwire import stages

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


def _call(fn: Callable[..., R], args: tuple, kwargs: dict) -> tuple[R, dict[str, float]]:
    """Run in a worker: the result, and the worker's stage times since its last batch."""
    result = fn(*args, **kwargs)
    return result, stages.take() if stages.enabled() else {}


class BatchWorkers:
    """``processes`` worker processes for a run's batches (with 1 or fewer, batches run in the
    calling process). Use as a context manager: the workers stop when the block ends."""

    def __init__(self, processes: int):
        self.processes = max(1, processes)
        self._pool: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        return self.processes > 1

    def __enter__(self) -> "BatchWorkers":
        if self.parallel:
            self._pool = ProcessPoolExecutor(self.processes, mp_context=multiprocessing.get_context("spawn"),
                                             initializer=_warm_up)
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _submit(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> Future:
        if self._pool is None:
            raise RuntimeError("BatchWorkers is not open (use it in a with block)")
        return self._pool.submit(_call, fn, args, kwargs)

    @staticmethod
    def _result(future: Future) -> Any:
        result, seconds = future.result()
        stages.merge(seconds)
        return result

    def run(self, fn: Callable[..., R], *args: Any, **kwargs: Any) -> R:
        """``fn(*args, **kwargs)`` in a worker; blocks the calling thread until it is done."""
        if not self.parallel:
            return fn(*args, **kwargs)
        return self._result(self._submit(fn, *args, **kwargs))

    def map(self, fn: Callable[[T], R], batches: Sequence[T],
            on_result: Callable[[int, R], None] | None = None) -> list[R]:
        """``[fn(b) for b in batches]``, in order. Only a few batches are queued ahead of the
        workers, so what is in flight stays small however long the run. ``on_result(index,
        result)`` is called as each result is taken, in order (for progress reports)."""
        if not self.parallel:
            return _in_order(fn, batches, on_result)
        results: list[R] = []

        def take(future: Future) -> None:
            results.append(self._result(future))
            if on_result is not None:
                on_result(len(results) - 1, results[-1])

        pending: deque[Future] = deque()
        for batch in batches:
            if len(pending) >= 2 * self.processes:
                take(pending.popleft())
            pending.append(self._submit(fn, batch))
        while pending:
            take(pending.popleft())
        return results


def _in_order(fn: Callable[[T], R], batches: Sequence[T], on_result: Callable[[int, R], None] | None) -> list[R]:
    results: list[R] = []
    for index, batch in enumerate(batches):
        results.append(fn(batch))
        if on_result is not None:
            on_result(index, results[-1])
    return results


def map_batches(fn: Callable[[T], R], batches: Sequence[T], processes: int,
                on_result: Callable[[int, R], None] | None = None) -> list[R]:
    """``[fn(b) for b in batches]``, in order, over ``processes`` worker processes;
    ``on_result(index, result)`` as each result is taken, in order."""
    if processes <= 1 or len(batches) <= 1:
        return _in_order(fn, batches, on_result)
    with BatchWorkers(min(processes, len(batches))) as workers:
        return workers.map(fn, batches, on_result)
