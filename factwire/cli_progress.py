"""The progress bar `factwire run` and `factwire reextract` draw on a terminal (with rich).

The library reports through `factwire.progress.Progress`; this is the terminal's side of it,
kept out of the library so that only the command line depends on rich.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
from rich.progress import Progress as RichProgress

from factwire.progress import Counts, Progress, duration


class BarProgress(Progress):
    """One line per phase on ``stream``: inputs read, fetches, articles extracted of those
    planned with the rate and time left, and the load."""

    def __init__(self, stream: TextIO):
        self.counts = Counts()
        self._bar = RichProgress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[detail]}"), TimeElapsedColumn(),
                                 console=Console(file=stream), transient=False)
        self._bar.start()
        self._read = None  # tasks appear as the run reaches them (a re-extraction reads no input)
        self._fetch = None
        self._extract = None
        self._load = None

    def inputs_read(self, count: int) -> None:
        if self._read is None:
            self._read = self._bar.add_task("read", total=None, detail="inputs")
        self._bar.update(self._read, completed=count)

    def fetched(self, url: str, ok: bool) -> None:
        with self.counts.lock:
            self.counts.fetches += 1
            self.counts.fetch_failures += not ok
            if self._fetch is None:
                self._fetch = self._bar.add_task("fetch", total=None, detail="")
            failures = self.counts.fetch_failures
            self._bar.update(self._fetch, completed=self.counts.fetches,
                             detail="feeds and pages" + (f", {failures:,} failed" if failures else ""))

    def planned(self, articles: int) -> None:
        if self._read is not None:  # reading is over: its bar is full
            self._bar.update(self._read, total=self._bar.tasks[self._read].completed)
        if self._fetch is not None:
            self._bar.update(self._fetch, total=self.counts.fetches)
        with self.counts.lock:
            self.counts.planned = articles
            self.counts.extract_started = self.counts.clock()
        self._extract = self._bar.add_task("extract", total=articles, detail="articles")

    def batch_done(self, articles: int) -> None:
        with self.counts.lock:
            self.counts.done += articles
            rate, left = self.counts.rate(), self.counts.seconds_left()
            done = self.counts.done
        detail = "articles"
        if rate is not None:
            detail += f", {rate:,.1f}/s"
        if left is not None and done < (self.counts.planned or 0):
            detail += f", {duration(left)} left"
        self._bar.update(self._extract, completed=done, detail=detail)

    def phase(self, name: str) -> None:
        if name == "load" and self._load is None:
            self._load = self._bar.add_task("load", total=None, detail="into the warehouse")

    def close(self) -> None:
        if self._load is not None:
            self._bar.update(self._load, total=1, completed=1)
        self._bar.stop()
