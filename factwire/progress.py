"""What a run tells whoever watches it: inputs read, pages fetched, articles planned and extracted.

The pipeline calls a `Progress` object as it works; the default does nothing, so the library
never prints and knows nothing of terminals. The `factwire` command passes a bar on a terminal
(``factwire.cli``) or a `LogProgress` that writes a plain line every few seconds; the Prefect flow
passes a `LogProgress` that writes to the run's log. Methods may be called from any thread
(fetches complete in a thread pool), so implementations lock what they share.
"""

from __future__ import annotations

import threading
import time
from typing import Callable


class Progress:
    """The protocol, and the default that ignores everything."""

    def phase(self, name: str) -> None:
        """The run moved on to ``name``: "read", "fetch", "extract", "load"."""

    def inputs_read(self, count: int) -> None:
        """``count`` inputs (articles and rejected files or lines) read so far."""

    def fetched(self, url: str, ok: bool) -> None:
        """One feed or page fetch ended (``ok`` False: it failed; the failure is recorded)."""

    def planned(self, articles: int) -> None:
        """The run will extract ``articles`` articles (what is new, or what to re-extract)."""

    def batch_done(self, articles: int) -> None:
        """A batch of ``articles`` articles was extracted and written (in plan order)."""

    def close(self) -> None:
        """The run is over (whether it succeeded or not)."""


NO_PROGRESS = Progress()


class Counts:
    """Where a run is, shared by the implementations: counts, rate and time left."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.lock = threading.RLock()
        self.phase = "read"
        self.inputs: int | None = None  # None: the run reads no inputs (a re-extraction)
        self.fetches = 0
        self.fetch_failures = 0
        self.planned: int | None = None
        self.done = 0
        self.extract_started: float | None = None

    def rate(self) -> float | None:
        """Articles extracted per second since extraction began."""
        if self.extract_started is None or self.done == 0:
            return None
        elapsed = self.clock() - self.extract_started
        return self.done / elapsed if elapsed > 0 else None

    def seconds_left(self) -> float | None:
        rate = self.rate()
        if rate is None or self.planned is None:
            return None
        return max(0, self.planned - self.done) / rate

    def line(self) -> str:
        """One line saying where the run is."""
        parts = []
        if self.inputs is not None:
            parts.append(f"read {self.inputs:,} input{'s' if self.inputs != 1 else ''}")
        if self.fetches:
            parts.append(f"fetched {self.fetches:,}" + (f" ({self.fetch_failures:,} failed)"
                                                        if self.fetch_failures else ""))
        if self.planned is not None:
            extracted = f"extracted {self.done:,} of {self.planned:,} articles"
            if self.planned:
                extracted += f" ({100 * self.done // self.planned}%)"
            rate, left = self.rate(), self.seconds_left()
            if rate is not None:
                extracted += f", {rate:,.1f} articles/s"
            if left is not None and self.done < self.planned:
                extracted += f", {duration(left)} left"
            parts.append(extracted)
        if self.phase == "load":
            parts.append("loading")
        return "; ".join(parts)


def duration(seconds: float) -> str:
    """``75`` -> "1 min 15 s"."""
    if seconds < 1:
        return "under 1 s"
    seconds = int(round(seconds))
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes} min {seconds} s"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min"


class LogProgress(Progress):
    """A plain line through ``write`` at most every ``interval`` seconds (0: at every event), and
    at the start of each phase and when extraction ends: for logs and pipes, where a bar would be
    noise."""

    def __init__(self, write: Callable[[str], None], interval: float = 5.0, prefix: str = "",
                 clock: Callable[[], float] = time.monotonic):
        self.write = write
        self.interval = interval
        self.prefix = prefix
        self.counts = Counts(clock)
        self._last: float | None = None

    def _emit(self, force: bool = False) -> None:
        counts = self.counts
        with counts.lock:
            now = counts.clock()
            if not force and self._last is not None and now - self._last < self.interval:
                return
            self._last = now
            line = self.prefix + (counts.line() or "starting")
        self.write(line)

    def phase(self, name: str) -> None:
        with self.counts.lock:
            changed = name != self.counts.phase
            self.counts.phase = name
        if changed and name == "load":
            self._emit(force=True)

    def inputs_read(self, count: int) -> None:
        with self.counts.lock:
            self.counts.inputs = count
        self._emit()

    def fetched(self, url: str, ok: bool) -> None:
        with self.counts.lock:
            self.counts.fetches += 1
            self.counts.fetch_failures += not ok
        self._emit()

    def planned(self, articles: int) -> None:
        with self.counts.lock:
            self.counts.planned = articles
            self.counts.phase = "extract"
            self.counts.extract_started = self.counts.clock()
        self._emit(force=True)

    def batch_done(self, articles: int) -> None:
        with self.counts.lock:
            self.counts.done += articles
            last = self.counts.planned is not None and self.counts.done >= self.counts.planned
        self._emit(force=last)
