"""A test hook for fault injection: make a run stop at a named stage, so a test can kill it there.

``checkpoint(stage)`` does nothing unless the environment variable ``FACTWIRE_TEST_PAUSE_AT``
names that stage ("fetch", "extract", "parquet", "load", "publish"). Then the process writes
its pid and the stage to the file ``FACTWIRE_TEST_PAUSED`` (when set) and waits until that file
is deleted (or forever, without one): the test kills it, or deletes the file to let it go on.
A process pauses once: the stages a run passes again (one fetch per URL) run on after that.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PAUSE_AT = "FACTWIRE_TEST_PAUSE_AT"
PAUSED_FILE = "FACTWIRE_TEST_PAUSED"
STAGES = ("fetch", "extract", "parquet", "load", "publish")
_paused: set[str] = set()


def checkpoint(stage: str) -> None:
    """Pause here if the environment asks to pause at ``stage`` (tests only)."""
    if os.environ.get(PAUSE_AT) != stage or stage in _paused:
        return
    _paused.add(stage)
    marker = os.environ.get(PAUSED_FILE)
    if marker:
        partial = Path(marker + ".partial")
        partial.write_text(f"{os.getpid()} {stage}\n", encoding="utf-8")
        os.replace(partial, marker)  # the test never reads a half-written marker
    while marker is None or os.path.exists(marker):
        time.sleep(0.05)
