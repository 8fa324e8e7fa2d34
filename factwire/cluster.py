"""Extracting batches on a Dask cluster (`factwire run --dask-scheduler tcp://host:8786`).

The cluster is Dask's own: `dask scheduler` on one machine, `dask worker` on each machine that
has factwire installed and the same FACTWIRE_* (and AWS_*) settings. factwire submits one task
per batch through a `distributed.Client` and waits; the batch's articles travel to the worker,
only the names of the files it wrote travel back. Each worker process loads the spaCy model
once (`factwire.nlp.load_nlp` caches it per process) and writes its batch's Parquet files to
the staging location, which every machine must reach (``s3://...``, or a shared folder).

A worker that dies mid-batch loses nothing: the scheduler runs its batch again on another
worker (Dask reschedules the tasks of a lost worker, up to its ``allowed-failures`` setting),
and the batch, written under names made from its content and published by its manifest only
when whole, replaces whatever the dead worker left. Only a few batches are in flight per worker
thread, so neither the scheduler's memory nor the run's grows with the input.
"""

from __future__ import annotations

import re
from collections import deque
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")

CONNECT_SECONDS = 30
WORKERS_SECONDS = 120
_ADDRESS = re.compile(r"^(tcp|tls|ws|wss|ucx)://[^/:\s]+(:\d+)?/?$")


class ClusterError(RuntimeError):
    """The Dask scheduler cannot be reached, or has no workers."""


def check_address(address: str) -> str:
    """A scheduler address as Dask takes it (``tcp://host:8786``), or a clear error."""
    address = address.strip()
    if not _ADDRESS.match(address):
        raise ClusterError(f"{address!r} is not a Dask scheduler address; give one like tcp://host:8786")
    return address.rstrip("/")


def connect(address: str, timeout: float = CONNECT_SECONDS):
    """A `distributed.Client` of the scheduler at ``address``, once at least one worker is there."""
    from distributed import Client

    address = check_address(address)
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    try:
        wait_for_workers(client, address)
    except BaseException:
        client.close()
        raise
    return client


def wait_for_workers(client, address: str, seconds: float = WORKERS_SECONDS) -> None:
    """Return once the cluster has a worker; a clear error if none comes within ``seconds``."""
    try:
        client.wait_for_workers(1, timeout=seconds)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"the Dask scheduler at {address} has had no worker for {seconds:.0f} s; "
                           f"start `dask worker {address}` on the machines that extract") from exc


def worker_threads(client) -> int:
    """Threads over all the cluster's workers (what can run at once)."""
    return max(1, sum(client.nthreads().values()))


def map_batches(fn: Callable[[T], R], batches: Sequence[T], address: str,
                on_result: Callable[[int, R], None] | None = None) -> list[R]:
    """``[fn(b) for b in batches]``, in order, each call a task on the cluster at ``address``;
    ``on_result(index, result)`` as each result is taken, in order. A task's own error fails
    the run (it would fail the same way again); a lost worker's batch is run again by Dask."""
    if not batches:
        return []
    client = connect(address)
    try:
        ahead = 2 * worker_threads(client)
        results: list[R] = []
        pending: deque = deque()

        def take() -> None:
            results.append(pending.popleft().result())
            if on_result is not None:
                on_result(len(results) - 1, results[-1])

        for batch in batches:
            if len(pending) >= ahead:
                take()
            pending.append(client.submit(fn, batch, pure=False))
        while pending:
            take()
        return results
    finally:
        client.close()
