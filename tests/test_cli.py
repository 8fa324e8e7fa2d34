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
    text = facts["article"]["text"]
    for mention in facts["mentions"]:
        assert text[mention["start"]:mention["end"]] == mention["text"]
    assert {"value": "2026-02-28", "precision": "day"}.items() <= next(
        d for d in facts["dates"] if d["value"] == "2026-02-28").items()


def _fact_keys(facts: dict) -> dict[str, set]:
    return {"amounts": {(a["kind"], a["start"], a["end"], a.get("value"), a.get("currency")) for a in facts["amounts"]},
            "dates": {(d["start"], d["end"], d.get("value")) for d in facts["dates"]},
            "mentions": {(m["start"], m["end"], m["actor_id"]) for m in facts["mentions"]},
            "quotes": {(q["start"], q["end"]) for q in facts["quotes"]},
            "citations": {(c["source"], c.get("kind", "inline"), c.get("start")) for c in facts["citations"]}}


def test_extract_prints_the_facts_run_stores(seed_warehouse):
    """`extract FILE` reads the file as `run` does: the seed's date line is its published date,
    not text; its Sources: line gives citations; the facts are the ones the run loaded."""
    result = factwire("extract", str(SAMPLE))
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    article = facts["article"]
    assert facts["published"] == "2026-03-12" and article["title"].startswith("Putin could send troops")
    assert not article["text"].lstrip().startswith("date") and "Sources:" not in article["text"]
    assert "Others are reading now" not in article["text"]
    con = seed_warehouse.connect_snapshot()
    try:
        def rows(sql):
            return set(con.execute(sql, [article["article_id"]]).fetchall())
        stored = {
            "amounts": rows("SELECT amount_kind, start_char, end_char, value, currency FROM amounts WHERE article_id = ?"),
            "dates": rows("SELECT start_char, end_char, date_value FROM dates WHERE article_id = ?"),
            "mentions": rows("SELECT start_char, end_char, actor_id FROM actor_mentions WHERE article_id = ?"),
            "quotes": rows("SELECT start_char, end_char FROM quotes WHERE article_id = ?"),
            "citations": rows("SELECT source_name, citation_kind, start_char FROM citations WHERE article_id = ?"),
        }
        [(stored_text,)] = con.execute("SELECT text FROM articles WHERE article_id = ?", [article["article_id"]]).fetchall()
    finally:
        con.close()
    assert article["text"] == stored_text
    assert stored["amounts"] and stored["dates"] and stored["citations"]
    assert _fact_keys(facts) == stored
    cited = {c["source"] for c in facts["citations"] if c.get("kind") == "sources_line"}
    assert cited == {"Ukrainska Pravda", "Financial Times", "Washington Post", "Digi24"}
    header_date = {(d["start"], d["end"]) for d in facts["dates"] if d["text"] == "2026-03-12"}
    assert not header_date  # the date line is the published date, not a fact
    for kind in ("amounts", "dates", "mentions", "quotes"):
        for fact in facts[kind]:
            assert article["text"][fact["start"]:fact["end"]] == fact["text"]


def test_extract_published_overrides_the_files_date():
    facts = json.loads(factwire("extract", str(SAMPLE), "--published", "2025-06-30").stdout)
    assert facts["published"] == "2025-06-30"
    # "February 28" resolves against the date given, not the file's 2026-03-12
    assert any(d["value"] == "2025-02-28" for d in facts["dates"])
    assert not any(d["value"] == "2026-02-28" for d in facts["dates"])


def test_extract_reads_stdin_text_as_a_text_file():
    text = SAMPLE.read_text(encoding="utf-8")
    from_stdin = factwire("extract", "-", stdin=text)
    assert from_stdin.returncode == 0, from_stdin.stderr
    facts, from_file = json.loads(from_stdin.stdout), json.loads(factwire("extract", str(SAMPLE)).stdout)
    assert facts["published"] == "2026-03-12" and facts["article"]["source_uri"] == "<stdin>"
    assert _fact_keys(facts) == _fact_keys(from_file)


def test_extract_a_file_of_several_articles_writes_json_lines(tmp_path):
    records = [{"text": "Apple bought NeXT for $400 million in 1996.", "published": "2007-01-18", "title": "NeXT"},
               {"text": "Moscow said on Monday it would not attend.", "published": "2026-03-12",
                "sources": ["Reuters"]},
               {"title": "no text"}]
    as_json = tmp_path / "articles.json"
    as_json.write_text(json.dumps(records), encoding="utf-8")
    as_jsonl = tmp_path / "articles.jsonl"
    as_jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for path, bad_uri in ((as_json, f"{as_json}#2"), (as_jsonl, f"{as_jsonl}#L3")):
        result = factwire("extract", str(path))
        assert result.returncode == 65  # the third record is one `run` would quarantine
        assert result.stderr.strip() == f"factwire extract: {bad_uri}: invalid_record: field 'text' is missing or not a string"
        out = [json.loads(line) for line in result.stdout.splitlines()]
        assert [o["article"]["title"] for o in out] == ["NeXT", None]
        assert any(a["currency"] == "USD" and a["value"] == 400e6 for a in out[0]["amounts"])
        assert any(a["name"] == "Russia" for a in out[1]["actors"])
        assert {(c["source"], c["kind"]) for c in out[1]["citations"]} >= {("Reuters", "sources_line")}


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"  \n\n", "empty"),
    ("latin1.txt", "caf\xe9 cr\xe8me".encode("latin-1"), "invalid_encoding"),
    ("scan.txt", b"%PDF-1.7 binary", "binary"),
    ("notes.md", b"# a note", "unsupported_format"),
])
def test_extract_reports_what_run_would_quarantine(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    result = factwire("extract", str(path))
    assert result.returncode == 65 and result.stdout == ""
    assert result.stderr.startswith(f"factwire extract: {path}: {reason}: ") and "Traceback" not in result.stderr


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
