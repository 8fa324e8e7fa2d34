"""Hostile input: every input of the corpus ends loaded, quarantined or refused, with its reason,
through `factwire run` and through `run_pipeline`; and what untrusted sources cannot reach."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import duckdb
import httpx
import pytest

from factwire.extract import SNIPPET_CHARS
from factwire.pipeline import run_pipeline
from factwire.warehouse.checks import run_checks
from factwire.settings import Settings
from factwire.sources.files import MAX_ARTICLE_BYTES, read_path
from factwire.sources.html import article_from_html, english_or_unknown
from factwire.sources.sourcesfile import load_sources
from factwire.sources.web import FetchConfig, Fetcher, FetchError, FetchResult, resolve_host
from factwire.warehouse.schema import tables

from conftest import ROOT
from hostile.corpus import FILE_CASES, INJECTION, WEB_CASES, all_outcomes, readme_section, write_corpus
from webfixtures import ACME, FixtureServer

FACTWIRE = str(Path(sys.executable).parent / "factwire")
FACT_TABLES = ("actor_mentions", "amounts", "dates", "quotes", "citations", "deals", "events")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("hostile") / "inputs")


@pytest.fixture(scope="module")
def light_corpus(tmp_path_factory) -> Path:
    """The corpus without the texts that test the extractor's bounds (the command gets those)."""
    return write_corpus(tmp_path_factory.mktemp("hostile-light") / "inputs", heavy=False)


def write_sources(server: FixtureServer, folder: Path) -> Path:
    lines = ["feeds:"] + [f"  - url: {server.url(path)}" for kind, path, _ in WEB_CASES if kind == "feed"]
    lines += ["pages:"] + [f"  - url: {server.url(path)}" for kind, path, _ in WEB_CASES if kind == "page"]
    lines += ["settings:", "  allow_hosts: [127.0.0.1]", "  timeout: 5", "  retries: 0", "  politeness_delay: 0"]
    path = folder / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def check_outcomes(warehouse: Path, corpus: Path, server: FixtureServer, heavy: bool = True) -> None:
    """Every input where the corpus says it must end, and nothing anywhere else."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        def rows(sql):
            return con.execute(sql).fetchall()

        def name(uri: str) -> str:
            return str(Path(uri.split("#")[0]).relative_to(corpus)) + ("#" + uri.split("#")[1] if "#" in uri else "")

        articles = {name(u): (lang, skipped, title, text) for u, lang, skipped, title, text in
                    rows("SELECT source_uri, language, extraction_skipped, title, text FROM articles")}
        quarantined = {name(u): reason for u, reason in rows("SELECT source_uri, reason FROM quarantine")}
        failed = {(u.removeprefix(server.base_url), reason) for u, reason in
                  rows("SELECT url, reason FROM fetch_failures")}
        facts = {name(u): n for u, n in rows(
            "SELECT a.source_uri, count(f.article_id) FROM articles a LEFT JOIN ("
            + " UNION ALL ".join(f'SELECT article_id FROM "{t}"' for t in FACT_TABLES)
            + ") f USING (article_id) GROUP BY a.source_uri")}
        run = rows("SELECT status, inputs_quarantined, fetch_failures, error FROM runs")
        table_names = {r[0] for r in rows("SELECT table_name FROM information_schema.tables")}
        amounts_in_numbers = rows("SELECT count(*) FROM amounts JOIN articles USING (article_id) "
                                  "WHERE source_uri LIKE '%numbers.txt'")[0][0]
        longest_evidence = max(rows(f'SELECT coalesce(max(length(sentence)), 0) FROM "{t}"')[0][0] for t in FACT_TABLES)
        failed_checks = [c.name for c in run_checks(con) if c.violations]
    finally:
        con.close()

    outcomes = all_outcomes(heavy)
    expected_loaded = {o.input: o for o in outcomes if o.where == "loaded"}
    expected_quarantined = {o.input: o.reason for o in outcomes if o.where == "quarantined"}
    expected_failed = {(o.input, o.reason) for o in outcomes if o.where == "fetch_failed"}
    assert set(articles) == set(expected_loaded)
    assert quarantined == expected_quarantined
    assert failed == expected_failed
    # Nothing lost: every file of the corpus is accounted for, whole or line by line.
    accounted = {n.split("#")[0] for n in [*articles, *quarantined]}
    assert accounted == {p.name for p in corpus.iterdir()}
    assert run == [("succeeded", len(expected_quarantined), len(expected_failed), None)]

    for key, outcome in expected_loaded.items():
        language, skipped, _, _ = articles[key]
        if outcome.language is not None:
            assert language == outcome.language, key
        if english_or_unknown(language):
            assert skipped is None, key
        else:  # kept, with its language, and no facts: extraction is English-only
            assert skipped == f"language {language}: extraction is English-only"
            assert facts[key] == 0, key
    assert facts["utf16.txt"] > 0 and amounts_in_numbers > 0
    assert "root:" not in articles["xxe.html"][3]  # the external entity was never read
    assert articles["injection.json"][2] == INJECTION  # stored as given, the table still there
    assert set(tables()) <= table_names
    assert failed_checks == []  # `factwire check` passes after the corpus
    assert 0 < longest_evidence <= SNIPPET_CHARS  # no fact carries an unbounded sentence
    if heavy:
        assert facts["run-on.txt"] > 0 and facts["money-storm.txt"] > 0


# Each input's outcome must not depend on the machine's speed: the time budget per article is
# tested on its own (tests/test_bounded.py); here it is set far above any input's need.
NO_TIMEOUT = {"FACTWIRE_ARTICLE_TIMEOUT": "0"}


def test_hostile_corpus_through_the_command(corpus, web_server, tmp_path):
    sources = write_sources(web_server, tmp_path)
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen([FACTWIRE, "run", str(corpus), "--sources", str(sources),
                                    "--warehouse", str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake")],
                                   cwd=ROOT, stdout=stdout, stderr=stderr, env={**os.environ, **NO_TIMEOUT})
        _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    assert process.returncode == 0, err.read_text()
    assert "Traceback" not in err.read_text()
    # The 50 MB file, the 5 MB lines and the 10 GiB bombs never came into memory whole.
    assert usage.ru_maxrss < 1_500_000, f"peak memory {usage.ru_maxrss} KiB"
    check_outcomes(tmp_path / "w.duckdb", corpus, web_server)


def test_hostile_corpus_through_the_library(light_corpus, web_server, tmp_path, monkeypatch):
    monkeypatch.setenv("FACTWIRE_ARTICLE_TIMEOUT", NO_TIMEOUT["FACTWIRE_ARTICLE_TIMEOUT"])
    settings = Settings.in_folder(tmp_path / "warehouse")
    summary = run_pipeline([light_corpus], settings, sources=load_sources(write_sources(web_server, tmp_path)))
    assert summary.status == "succeeded"
    check_outcomes(settings.warehouse_path, light_corpus, web_server, heavy=False)
    again = run_pipeline([light_corpus], settings, sources=load_sources(write_sources(web_server, tmp_path)))
    assert (again.articles_new, again.rows_inserted.get("quarantine", 0)) == (0, 0)


def test_readme_reliability_section_is_the_corpus_as_tested():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme_section() in readme, "regenerate it: .venv/bin/python -m tests.hostile.corpus"


# -- the reader's limits, one at a time ------------------------------------------------------------

def test_an_article_just_under_the_limit_is_read_and_just_over_is_not(tmp_path):
    under, over = tmp_path / "under.txt", tmp_path / "over.txt"
    under.write_text("a" * MAX_ARTICLE_BYTES, encoding="utf-8")
    over.write_text("a" * (MAX_ARTICLE_BYTES + 1), encoding="utf-8")
    assert len(next(read_path(under)).text) == MAX_ARTICLE_BYTES
    assert next(read_path(over)).reason == "too_large"
    # Measured in UTF-8 bytes of the text, whatever the file's encoding.
    wide = tmp_path / "wide.json"
    wide.write_text('{"text": "' + "é" * (MAX_ARTICLE_BYTES // 2 + 1) + '"}', encoding="utf-8")
    assert next(read_path(wide)).reason == "too_large"


def test_utf16_and_utf32_with_a_byte_order_mark_are_text(tmp_path):
    text = "Acme Corp bought WidgetCo for $2 billion on Tuesday, the companies said."
    for encoding in ("utf-16", "utf-16-be", "utf-32", "utf-32-be"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(("\ufeff" + text).encode(encoding) if encoding.endswith("be") else text.encode(encoding))
        assert next(read_path(path)).text == text, encoding
    lines = tmp_path / "utf16.jsonl"
    lines.write_bytes(('{"text": "one article about Acme Corp"}\r\n{bad\r\n{"text": "two"}\r\n').encode("utf-16"))
    assert [getattr(r, "reason", "ok") for r in read_path(lines)] == ["ok", "invalid_json", "ok"]


def test_a_jsonl_line_of_bad_utf8_is_rejected_alone(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"text": "fine"}\n{"text": "caf\xe9"}\n{"text": "also fine"}\n')
    assert [getattr(r, "reason", "ok") for r in read_path(path)] == ["ok", "invalid_encoding", "ok"]


def test_deep_markup_is_refused_at_any_depth_past_the_parser_limit():
    body = "<p>" + "Acme Corp said on Tuesday that it had agreed to buy WidgetCo for cash. " * 4 + "</p>"
    for levels in (300, 100_000):
        page = "<html><body>" + "<div>" * levels + body + "</div>" * levels + "</body></html>"
        assert article_from_html(page, None, "deep").reason == "too_deep"
    page = "<html><body>" + "<div>" * 200 + body + "</div>" * 200 + "</body></html>"
    assert article_from_html(page, None, "ok").text.startswith("Acme Corp")


# -- fetching: decoded size, addresses ---------------------------------------------------------

def fetcher(**overrides) -> Fetcher:
    config = {"allow_hosts": frozenset({"127.0.0.1"}), "politeness_delay": 0.0, "retries": 0,
              "read_timeout": 5.0, "respect_robots": False, **overrides}
    return Fetcher(FetchConfig(**config), sleep=lambda s: None)


@pytest.mark.parametrize("path", ["/gzip-bomb.html", "/deflate-bomb.html"])
def test_a_compression_bomb_stops_at_max_bytes_decoded(web_server, path):
    limit = 1_000_000
    tracemalloc.start()
    try:
        with fetcher(max_bytes=limit) as f:
            result = f.fetch(web_server.url(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(result, FetchError) and result.reason == "too_large", result
    assert peak < 4 * limit, f"{peak} bytes allocated while reading"
    with fetcher(max_bytes=limit) as f:  # the same encoding, within the limit, decodes exactly
        small = f.fetch(web_server.url(path + "?bytes=300000"))
    assert isinstance(small, FetchResult) and small.content == bytes(300_000)


@pytest.mark.parametrize("host", [
    "2130706433",  # 127.0.0.1 as one decimal number
    "0x7f000001", "0177.0.0.1", "127.1", "127.000.000.001",
    "[::1]", "[::ffff:127.0.0.1]", "[0:0:0:0:0:0:0:1]", "0.0.0.0", "[::]",
    "localhost", "LOCALHOST", "localhost.", "169.254.169.254", "[fd00:ec2::254]", "10.0.0.1", "100.100.100.200",
])
def test_loopback_private_and_metadata_addresses_are_refused_in_any_spelling(web_server, host):
    port = web_server.base_url.rsplit(":", 1)[1]
    with fetcher(allow_hosts=frozenset()) as f:
        result = f.fetch(f"http://{host}:{port}{ACME.path}", kind="feed")
    assert isinstance(result, FetchError) and result.reason in ("blocked_address", "invalid_url", "connection"), result
    assert sum(web_server.hits.values()) == 0


@pytest.mark.parametrize("target", ["http://2130706433:{port}/", "http://[::1]:{port}/", "http://localhost:{port}/",
                                    "gopher://127.0.0.1:{port}/", "data:text/html,<p>hi</p>"])
def test_redirects_to_refused_addresses_are_refused(web_server, target):
    """A public page that redirects inward: the hop is vetted like the first URL."""
    port = web_server.base_url.rsplit(":", 1)[1]
    location = target.format(port=port)
    server_hits_before = sum(web_server.hits.values())

    def resolver(host, port):  # "news.example" is public; anything else resolves for real
        return ["93.184.216.34"] if host == "news.example" else resolve_host(host, port)

    def public_page(request: httpx.Request) -> httpx.Response:  # stands in for the public server
        return httpx.Response(302, headers={"Location": location})

    f = Fetcher(FetchConfig(politeness_delay=0.0, retries=0, respect_robots=False), resolver=resolver,
                sleep=lambda s: None)
    f.close()
    f._client = httpx.Client(transport=httpx.MockTransport(public_page), follow_redirects=False)
    with f:
        result = f.fetch("http://news.example/story", kind="feed")
    assert isinstance(result, FetchError) and result.reason in ("blocked_address", "scheme", "invalid_url"), result
    assert sum(web_server.hits.values()) == server_hits_before


def test_a_name_that_rebinds_to_loopback_after_vetting_is_refused(web_server):
    """DNS rebinding: the vetting resolver says public, the connection lands on 127.0.0.1."""
    port = web_server.base_url.rsplit(":", 1)[1]
    with Fetcher(FetchConfig(politeness_delay=0.0, retries=0, respect_robots=False),
                 resolver=lambda host, p: ["93.184.216.34"], sleep=lambda s: None) as f:
        result = f.fetch(f"http://localhost:{port}{ACME.path}")
    assert isinstance(result, FetchError) and result.reason == "blocked_address", result
    assert "127.0.0.1" in result.detail


def test_html_entities_are_never_resolved_from_files_or_the_network(web_server):
    page = (f'<!DOCTYPE html [<!ENTITY net SYSTEM "{web_server.url("/robots.txt")}">'
            '<!ENTITY file SYSTEM "file:///etc/hostname">]>'
            "<html><body><article><p>&net; &file;</p><p>"
            + "Acme Corp said on Tuesday that it had agreed to buy WidgetCo for cash. " * 3
            + "</p></article></body></html>")
    article = article_from_html(page, None, "entities")
    assert "Disallow" not in article.text and "&net;" in article.text
    assert sum(web_server.hits.values()) == 0
