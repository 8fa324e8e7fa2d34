"""Progress: what a run tells its watcher (`factwire.progress`), the log lines `factwire run` and
`factwire reextract` write when stderr is not a terminal, --quiet, and the bar on a terminal."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
import threading
from pathlib import Path

from factwire.parallel import BatchWorkers, map_batches
from factwire.pipeline import reextract, run_pipeline
from factwire.progress import Counts, LogProgress, Progress, duration
from factwire.settings import Settings

from conftest import ROOT, SAMPLE, SEEDS
from webfixtures import ACME

FACTWIRE = str(Path(sys.executable).parent / "factwire")
SEED_FILES = sorted(SEEDS.glob("*.txt"))


class Recorder(Progress):
    """Every call, in order (fetches arrive from the fetching threads)."""

    def __init__(self):
        self.calls: list[tuple] = []
        self.lock = threading.Lock()

    def _add(self, *call):
        with self.lock:
            self.calls.append(call)

    def phase(self, name):
        self._add("phase", name)

    def inputs_read(self, count):
        self._add("inputs_read", count)

    def fetched(self, url, ok):
        self._add("fetched", url, ok)

    def planned(self, articles):
        self._add("planned", articles)

    def batch_done(self, articles):
        self._add("batch_done", articles)


def test_a_run_tells_its_progress_in_order(web_server, tmp_path):
    from factwire.sources.sourcesfile import parse_sources

    sources = parse_sources({"settings": {"allow_hosts": ["127.0.0.1"], "politeness_delay": 0},
                             "pages": [{"url": web_server.url(ACME.path)}, {"url": web_server.url("/no-such-page")}]})
    recorder = Recorder()
    settings = Settings.in_folder(tmp_path)
    summary = run_pipeline(SEED_FILES[:3], settings, batch_size=2, sources=sources, progress=recorder)
    assert summary.status == "succeeded" and summary.articles_new == 4
    calls = recorder.calls
    kinds = [c[0] for c in calls]
    assert [c for c in calls if c[0] == "phase"] == [("phase", "read"), ("phase", "fetch"), ("phase", "load")]
    assert [c[1] for c in calls if c[0] == "inputs_read"] == [1, 2, 3]
    assert sorted((c[1].removeprefix(web_server.base_url), c[2]) for c in calls if c[0] == "fetched") == [
        (ACME.path, True), ("/no-such-page", False)]
    assert [c for c in calls if c[0] == "planned"] == [("planned", 4)]
    assert [c[1] for c in calls if c[0] == "batch_done"] == [2, 2]
    assert kinds.index("phase") < kinds.index("inputs_read") < kinds.index("planned") < kinds.index("batch_done")
    assert kinds[-1] == "phase" and calls[-1] == ("phase", "load")

    again = Recorder()
    assert reextract(settings, everything=True, batch_size=3, progress=again).articles_new == 4
    assert again.calls == [("planned", 4), ("batch_done", 3), ("batch_done", 1), ("phase", "load")]


def test_log_lines_come_at_most_every_interval():
    now = [100.0]
    lines: list[str] = []
    progress = LogProgress(lines.append, interval=5, clock=lambda: now[0])
    progress.phase("read")
    for count in range(1, 4):  # the first line at once, then none within 5 s
        progress.inputs_read(count)
    assert lines == ["read 1 input"]
    now[0] += 5
    progress.inputs_read(4)
    assert lines[-1] == "read 4 inputs"
    progress.planned(100)  # a new phase always says so
    assert lines[-1] == "read 4 inputs; extracted 0 of 100 articles (0%)"
    now[0] += 2
    progress.batch_done(20)
    assert len(lines) == 3  # 2 s after the last line: quiet
    now[0] += 3
    progress.batch_done(20)
    assert lines[-1] == "read 4 inputs; extracted 40 of 100 articles (40%), 8.0 articles/s, 8 s left"
    now[0] += 1
    progress.batch_done(60)  # the last batch always says so
    assert lines[-1] == "read 4 inputs; extracted 100 of 100 articles (100%), 16.7 articles/s"
    progress.phase("load")
    assert lines[-1].endswith("; loading") and len(lines) == 6


def test_counts_and_durations():
    counts = Counts(clock=lambda: 0.0)
    assert counts.line() == "" and counts.rate() is None and counts.seconds_left() is None
    assert [duration(s) for s in (0.2, 59, 75, 3 * 3600 + 120)] == ["under 1 s", "59 s", "1 min 15 s", "3 h 2 min"]


def test_map_batches_reports_each_result_in_order():
    seen: list[tuple[int, int]] = []
    batches = [[1, 2], [3], [4, 5, 6]]
    assert map_batches(sum, batches, 1, on_result=lambda i, r: seen.append((i, r))) == [3, 3, 15]
    assert seen == [(0, 3), (1, 3), (2, 15)]
    seen.clear()
    with BatchWorkers(2) as workers:  # worker processes: results still come back in order
        assert workers.map(sum, batches * 3, on_result=lambda i, r: seen.append((i, r))) == [3, 3, 15] * 3
    assert seen == list(enumerate([3, 3, 15] * 3))


def _store(tmp_path: Path) -> list[str]:
    return ["--warehouse", str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake")]


def test_run_and_reextract_log_progress_when_stderr_is_not_a_terminal(tmp_path):
    run = subprocess.run([FACTWIRE, "run", *map(str, SEED_FILES[:5]), *_store(tmp_path), "--batch-size", "2",
                          "--progress-interval", "0"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr
    lines = run.stderr.splitlines()
    assert lines and all(line.startswith("factwire run: read ") for line in lines), run.stderr
    assert "factwire run: read 5 inputs" in lines
    for done in (2, 4, 5):
        assert any(f"extracted {done} of 5 articles ({100 * done // 5}%)" in line for line in lines), run.stderr
    assert any(re.search(r"\d+\.\d articles/s, (\d+ s|under 1 s) left", line) for line in lines), run.stderr
    assert lines[-1].endswith("; loading")
    assert "new 5" in run.stdout and "extracted" not in run.stdout  # stdout keeps the summary only

    again = subprocess.run([FACTWIRE, "reextract", "--all", *_store(tmp_path), "--batch-size", "2",
                            "--progress-interval", "0"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "factwire reextract: extracted 5 of 5 articles (100%)" in again.stderr
    assert "read " not in again.stderr  # a re-extraction reads no inputs


def test_quiet_prints_no_progress(tmp_path):
    for command in (["run", str(SAMPLE)], ["reextract", "--all"]):
        result = subprocess.run([FACTWIRE, *command, *_store(tmp_path), "--quiet", "--progress-interval", "0"],
                                capture_output=True, text=True, cwd=ROOT, timeout=300)
        assert result.returncode == 0 and result.stderr == "", result.stderr
        assert "succeeded" in result.stdout


def test_a_terminal_shows_a_progress_bar(tmp_path):
    """stderr on a pseudo-terminal: rich draws its bar there (ANSI codes, carriage returns)."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([FACTWIRE, "run", *map(str, SEED_FILES[:3]), *_store(tmp_path), "--batch-size", "1"],
                               stdout=subprocess.PIPE, stderr=terminal, stdin=subprocess.DEVNULL, cwd=ROOT,
                               env={**os.environ, "COLUMNS": "120", "TERM": "xterm"})
    os.close(terminal)
    received = bytearray()

    def drain():  # a terminal's buffer is small: read it while the run writes
        while True:
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # EIO: the run closed its end
                return
            if not chunk:
                return
            received.extend(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    stdout, _ = process.communicate(timeout=300)
    reader.join(timeout=30)
    os.close(controller)
    assert process.returncode == 0, received.decode("utf-8", "replace")
    screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", received.decode("utf-8", "replace"))
    assert "\x1b[" in received.decode("utf-8", "replace")  # drawn with terminal codes, not log lines
    assert "factwire run: read" not in screen
    final = screen.replace("\r\n", "\n").split("\n")
    assert any(re.match(r"\s*read\s.*━.*3/3 inputs", line) for line in final), screen
    assert any(re.match(r"\s*extract\s.*━.*3/3 articles, [\d.]+/s", line) for line in final), screen
    assert any(re.match(r"\s*load\s.*1/1 into the warehouse", line) for line in final), screen
    assert b"new 3" in stdout
