"""Seconds a run spends in each stage (read, clean, nlp, rules, ...), for the benchmark.

Off by default: then a timed block costs one flag test. The benchmark sets FACTWIRE_STAGE_TIMES
to a file name; the run then times its stages, worker processes send their times back with
their batches (`factwire.parallel`), and the main process writes the totals to that file as
JSON when it exits.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import multiprocessing
import os
import threading
import time
from typing import Iterator

ENV_VAR = "FACTWIRE_STAGE_TIMES"

_enabled = False
_lock = threading.Lock()
_seconds: dict[str, float] = {}


def enabled() -> bool:
    return _enabled


def enable(on: bool = True) -> None:
    global _enabled
    _enabled = on


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Add the time spent inside the block to stage ``name`` (when timing is on)."""
    if not _enabled:
        yield
        return
    started = time.perf_counter()
    try:
        yield
    finally:
        add(name, time.perf_counter() - started)


def add(name: str, seconds: float) -> None:
    with _lock:
        _seconds[name] = _seconds.get(name, 0.0) + seconds


def merge(seconds: dict[str, float]) -> None:
    """Add times measured elsewhere (a worker process's) to this process's totals."""
    for name, value in seconds.items():
        add(name, value)


def totals() -> dict[str, float]:
    with _lock:
        return dict(_seconds)


def take() -> dict[str, float]:
    """The totals so far, and start again from zero (a worker sends them with each batch)."""
    with _lock:
        taken = dict(_seconds)
        _seconds.clear()
    return taken


def _write_at_exit(path: str) -> None:
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(totals(), handle, indent=2, sort_keys=True)


if os.environ.get(ENV_VAR):
    enable()
    if multiprocessing.parent_process() is None:  # workers report through their results
        atexit.register(_write_at_exit, os.environ[ENV_VAR])
