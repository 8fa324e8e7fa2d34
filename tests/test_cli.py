"""The `factwire` command as a user runs it: run, query, extract, and --help on each."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE

FACTWIRE = str(Path(sys.executable).parent / "factwire")


def factwire(*args, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([FACTWIRE, *args], input=stdin, capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.mark.parametrize("command", ["run", "extract", "query", "eval"])
def test_help_says_what_each_command_does(command):
    result = factwire(command, "--help")
    assert result.returncode == 0
    assert "usage: factwire " + command in result.stdout
    assert len(result.stdout.splitlines()) > 4


def test_run_then_query_in_every_format(tmp_path):
    store = ["--warehouse", str(tmp_path / "w.duckdb")]
    run = factwire("run", str(SAMPLE), *store, "--lake", str(tmp_path / "lake"))
    assert run.returncode == 0, run.stderr
    assert "new 1" in run.stdout and "articles" in run.stdout
    sql = "SELECT name, actor_type FROM actors WHERE name IN ('Russia', 'Vladimir Putin') ORDER BY name"
    table = factwire("query", sql, *store)
    assert table.returncode == 0, table.stderr
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["name", "actor_type"] and lines[2].split() == ["Russia", "country"]
    assert lines[-1] == "(2 rows)"
    as_csv = list(csv.reader(io.StringIO(factwire("query", sql, *store, "--format", "csv").stdout)))
    assert as_csv == [["name", "actor_type"], ["Russia", "country"], ["Vladimir Putin", "person"]]
    as_json = json.loads(factwire("query", sql, *store, "--format", "json").stdout)
    assert as_json == [{"name": "Russia", "actor_type": "country"}, {"name": "Vladimir Putin", "actor_type": "person"}]
    example = factwire("query", "--file", "sql/examples/top_actors.sql", *store)
    assert example.returncode == 0 and "Russia" in example.stdout


def test_query_is_read_only_unless_asked(tmp_path):
    store = ["--warehouse", str(tmp_path / "w.duckdb")]
    assert factwire("run", str(SAMPLE), *store, "--lake", str(tmp_path / "lake")).returncode == 0
    refused = factwire("query", "DELETE FROM articles", *store)
    assert refused.returncode != 0 and "read-only" in refused.stderr.lower()
    assert factwire("query", "SELECT count(*) AS n FROM articles", *store, "--format", "csv").stdout.split() == ["n", "1"]


def test_query_without_a_warehouse_says_so(tmp_path):
    result = factwire("query", "SELECT 1", "--warehouse", str(tmp_path / "none.duckdb"))
    assert result.returncode != 0 and "run `factwire run` first" in result.stderr


def test_extract_one_article_prints_the_contract():
    result = factwire("extract", str(SAMPLE), "--published", "2026-03-12")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert set(facts) >= {"actors", "mentions", "amounts", "dates", "quotes", "citations", "deals", "events"}
    text = SAMPLE.read_text(encoding="utf-8")
    for mention in facts["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    assert {"value": "2026-02-28", "precision": "day"}.items() <= next(
        d for d in facts["dates"] if d["value"] == "2026-02-28").items()


def test_extract_jsonl_writes_one_object_per_line():
    lines = [{"text": "Apple bought NeXT for $400 million in 1996.", "published": "2007-01-18"},
             {"text": "Moscow said on Monday it would not attend.", "published": "2026-03-12"}]
    result = factwire("extract", "--jsonl", stdin="\n".join(json.dumps(x) for x in lines) + "\n")
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(out) == 2
    assert any(a["currency"] == "USD" and a["value"] == 400e6 for a in out[0]["amounts"])
    assert any(a["name"] == "Russia" for a in out[1]["actors"])


def test_extract_jsonl_reports_a_bad_line():
    result = factwire("extract", "--jsonl", stdin='{"text": "ok"}\n{"published": "2024-01-01"}\n')
    assert result.returncode != 0 and "line 2" in result.stderr
