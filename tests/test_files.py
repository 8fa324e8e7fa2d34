"""Reading local article files: the seed layout, JSON, JSON lines, and what gets rejected."""

from __future__ import annotations

import json
from datetime import date

from factwire.articles import Article, Rejected
from factwire.pipeline import read_inputs
from factwire.sources.files import parse_text_article, read_path

from conftest import SAMPLE, SEEDS


def test_seed_file_yields_date_title_clean_body_and_sources():
    article = parse_text_article(SAMPLE.read_text(encoding="utf-8"), str(SAMPLE))
    assert isinstance(article, Article)
    assert article.published == date(2026, 3, 12)
    assert article.title.startswith("Putin could send troops to Iran")
    assert article.cited_sources == ["Ukrainska Pravda", "Financial Times", "Washington Post", "Digi24"]
    assert "Others are reading now" not in article.text
    assert "Also read" not in article.text
    assert "Sources:" not in article.text
    assert article.text.startswith("Russia and Iran have significantly strengthened")
    assert article.text.endswith("in the Middle East.")


def test_every_seed_reads_as_a_dated_titled_article():
    inputs = read_inputs([SEEDS])
    assert inputs.rejected == []
    assert len(inputs.articles) == len([p for p in SEEDS.glob("*.txt")]) >= 11
    assert all(a.published and a.title for a in inputs.articles)


def test_plain_text_without_header_keeps_all_text(tmp_path):
    path = tmp_path / "plain.txt"
    path.write_text("Apple bought NeXT for $400 million.\n", encoding="utf-8")
    [article] = list(read_path(path))
    assert article.text == "Apple bought NeXT for $400 million."
    assert article.published is None and article.title is None


def test_json_and_jsonl_records(tmp_path):
    single = tmp_path / "one.json"
    single.write_text(json.dumps({"text": "Body one.", "title": "T", "published": "2024-05-01",
                                  "url": "https://example.org/a"}), encoding="utf-8")
    lines = tmp_path / "many.jsonl"
    lines.write_text("\n".join([json.dumps({"text": "Body two."}), "{not json", json.dumps({"title": "no text"}),
                                json.dumps({"text": "Body three.", "published": "yesterday"})]), encoding="utf-8")
    inputs = read_inputs([tmp_path])
    texts = sorted(a.text for a in inputs.articles)
    assert texts == ["Body one.", "Body two."]
    one = next(a for a in inputs.articles if a.text == "Body one.")
    assert (one.title, one.published, one.url) == ("T", date(2024, 5, 1), "https://example.org/a")
    reasons = sorted((r.source_uri.rsplit("#", 1)[-1], r.reason) for r in inputs.rejected)
    assert reasons == [("L2", "invalid_json"), ("L3", "invalid_record"), ("L4", "invalid_record")]


def test_html_file_yields_main_text(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("""<html><head><title>Deal signed</title></head><body>
        <nav>Home | World | Business</nav>
        <article><h1>Deal signed</h1>
        <p>Acme Corp agreed on Tuesday to buy Widget Ltd for $2 billion in cash, the companies said.</p>
        <p>The acquisition is expected to close next year, pending approval by regulators in Europe.</p>
        </article><footer>Copyright 2024</footer></body></html>""", encoding="utf-8")
    [article] = list(read_path(page))
    assert isinstance(article, Article)
    assert "Acme Corp agreed on Tuesday to buy Widget Ltd" in article.text
    assert "Copyright" not in article.text and "Home | World" not in article.text


def test_bad_inputs_are_rejected_with_reasons(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "spaces.txt").write_text("  \n\n \t", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 cr\xe8me".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "list.json").write_text(json.dumps([{"text": 3}]), encoding="utf-8")
    inputs = read_inputs([tmp_path, tmp_path / "missing.txt"])
    assert inputs.articles == []
    reasons = {r.source_uri.split("/")[-1]: r.reason for r in inputs.rejected}
    assert reasons == {"empty.txt": "empty", "spaces.txt": "empty", "latin1.txt": "invalid_encoding",
                       "binary.txt": "binary", "image.png": "unsupported_format",
                       "list.json": "invalid_record", "missing.txt": "not_found"}
    assert all(isinstance(r, Rejected) and r.detail for r in inputs.rejected)


def test_the_same_text_twice_is_one_article(tmp_path):
    (tmp_path / "a.txt").write_text("Same story, told once.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Same   story,\ntold once.\n", encoding="utf-8")
    inputs = read_inputs([tmp_path])
    assert len(inputs.articles) == 1 and inputs.duplicates == 1
