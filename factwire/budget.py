"""A time budget per article: extraction that runs over it is stopped, not waited for.

The work per article is already bounded in size (`factwire.nlp` hands spaCy bounded pieces; the
rules are linear in the text), so the budget is the last guard, for inputs nobody foresaw.
It is cooperative: `check()` is called between the pieces spaCy parses and inside the rules'
loops, so an article over its deadline is stopped at the next check, in any thread (a Prefect
task runs in a thread, where signals cannot interrupt it). A deadline lives in a context
variable, so each thread and each article has its own.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from typing import Iterator

_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("factwire_deadline", default=None)


class ExtractionTimeout(Exception):
    """An article's extraction ran over its time budget (quarantined as ``extraction_timeout``)."""

    reason = "extraction_timeout"

    def __init__(self, budget: float | None, elapsed: float | None = None):
        self.budget = budget
        self.elapsed = elapsed
        # The message names the budget, not the time taken, so a re-run quarantines the same row.
        super().__init__(f"extraction stopped: over the budget of {budget:g} s per article "
                         "(FACTWIRE_ARTICLE_TIMEOUT)" if budget is not None else "extraction stopped: over its budget")


@contextlib.contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Run the block under a deadline ``seconds`` from now (None: no deadline)."""
    if seconds is None:
        yield
        return
    token = _deadline.set(time.monotonic() + seconds)
    budget_token = _budget.set(seconds)
    try:
        yield
    finally:
        _deadline.reset(token)
        _budget.reset(budget_token)


_budget: contextvars.ContextVar[float | None] = contextvars.ContextVar("factwire_budget", default=None)


def check() -> None:
    """Raise `ExtractionTimeout` if the current deadline has passed (cheap: one clock read)."""
    limit = _deadline.get()
    if limit is not None and time.monotonic() > limit:
        raise ExtractionTimeout(_budget.get())
