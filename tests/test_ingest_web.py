"""Feeds and pages from a real HTTP server on 127.0.0.1 into the warehouse, checked through SQL."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from factwire.pipeline import run_pipeline
from factwire.settings import Settings
from factwire.sources.sourcesfile import load_sources

from webfixtures import ACME, PORT, PRIVATE, RATES, SHORTENED_PATH, SYNDICATED_PATH

FACTWIRE = str(Path(sys.executable).parent / "factwire")
FAILING_PAGES = {"/slow": "timeout", "/loop/a": "redirect_loop", "/big": "too_large",
                 "/report.pdf": "content_type"}


def write_sources(server, folder: Path) -> Path:
    pages = ["/flaky", "/throttled", "/broken-charset.html", SHORTENED_PATH, *FAILING_PAGES]
    lines = ["feeds:"]
    for path, name in (("/feeds/rss.xml", "Ledger"), ("/feeds/atom.xml", "Partner"), ("/feeds/rdf.xml", "RDF"),
                       ("/feeds/bomb.xml", "Bomb"), ("/feeds/missing.xml", "Gone")):
        lines += [f"  - url: {server.url(path)}", f"    name: {name}"]
    lines.append("pages:")
    lines += [f"  - url: {server.url(p)}" for p in pages]
    lines += ["settings:", "  allow_hosts: [127.0.0.1]", "  timeout: 0.5", "  retries: 1",
              "  politeness_delay: 0", "  max_bytes: 1000000"]
    path = folder / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def query(settings, sql, params=None):
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def fact_counts(settings):
    tables = ["articles", "actors", "actor_mentions", "amounts", "dates", "quotes", "citations", "deals", "events",
              "article_urls"]
    return {t: query(settings, f'SELECT count(*) FROM "{t}"')[0][0] for t in tables}


@pytest.fixture
def ingested(web_server, tmp_path):
    settings = Settings.in_folder(tmp_path / "warehouse")
    sources = load_sources(write_sources(web_server, tmp_path))
    first = run_pipeline([], settings, sources=sources)
    return web_server, settings, sources, first


def test_each_story_is_loaded_once_with_all_its_urls(ingested):
    server, settings, _, first = ingested
    assert first.status == "succeeded"
    loaded = dict(query(settings, "SELECT url, title FROM articles"))
    assert set(loaded) == {server.url(p) for p in (ACME.path, PORT.path, RATES.path)} | \
        {server.url("/broken-charset.html")}
    assert loaded[server.url(ACME.path)] == ACME.title
    urls = {u.removeprefix(server.base_url): (a, r) for u, a, r in
            query(settings, "SELECT url, article_id, relation FROM article_urls")}
    acme_id = urls[ACME.path][0]
    assert urls[SYNDICATED_PATH] == (acme_id, "duplicate")  # same story, other site's chrome
    assert urls[SHORTENED_PATH] == (acme_id, "near_duplicate")  # the same story, cut short
    assert urls["/flaky"] == (urls[PORT.path][0], "duplicate")  # 500 once, then PORT's page
    assert urls["/throttled"] == (urls[RATES.path][0], "duplicate")  # 429 once, then RATES's page
    assert query(settings, "SELECT count(*) FROM article_urls WHERE relation = 'source'")[0][0] == 4
    dated = dict(query(settings, "SELECT url, published_date::VARCHAR FROM articles"))
    assert dated[server.url(RATES.path)] == "2024-03-14"  # the page has no date: the Atom entry's
    assert query(settings, "SELECT language FROM articles WHERE url LIKE '%broken-charset%'") == [("fr",)]
    assert (first.articles_near_duplicate, first.articles_duplicate) == (1, 3)


def test_every_failure_is_in_the_failures_table_with_its_reason(ingested):
    server, settings, _, first = ingested
    failures = {(u.removeprefix(server.base_url), stage, reason)
                for u, stage, reason in query(settings, "SELECT url, stage, reason FROM fetch_failures")}
    expected = {(p, "page", r) for p, r in FAILING_PAGES.items()} | {
        (PRIVATE.path, "page", "robots_disallowed"),
        ("/feeds/bomb.xml", "feed", "unsafe_xml"),
        ("/feeds/missing.xml", "feed", "http_status"),
    }
    assert failures == expected
    assert query(settings, "SELECT count(*) FROM fetch_failures WHERE detail IS NULL OR detail = ''") == [(0,)]
    assert query(settings, "SELECT http_status FROM fetch_failures WHERE url LIKE '%missing.xml'") == [(404,)]
    assert server.hits[PRIVATE.path] == 0  # robots.txt was asked, the page never was
    run = query(settings, "SELECT articles_new, fetch_failures, pages_fetched, status FROM runs")
    assert run == [(4, len(expected), first.pages_fetched, "succeeded")]


def test_second_run_fetches_only_what_changed_and_loads_nothing(ingested):
    server, settings, sources, _ = ingested
    before = fact_counts(settings)
    hits_before = dict(server.hits)
    second = run_pipeline([], settings, sources=sources)
    assert (second.articles_new, second.rows_inserted.get("articles", 0)) == (0, 0)
    assert fact_counts(settings) == before
    conditional = server.headers_of("/feeds/rss.xml")[-1]
    assert "if-none-match" in conditional  # the remembered ETag went out, and a 304 came back
    for path in (ACME.path, PORT.path, RATES.path, "/flaky", "/throttled", SYNDICATED_PATH, SHORTENED_PATH):
        assert server.hits[path] == hits_before.get(path, 0), f"{path} fetched again"
    assert query(settings, "SELECT count(DISTINCT run_id) FROM fetch_failures") == [(2,)]


def test_cli_run_with_sources_and_page(web_server, tmp_path):
    sources = write_sources(web_server, tmp_path)
    store = ["--warehouse", str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake")]
    run = subprocess.run([FACTWIRE, "run", "--sources", str(sources), *store],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "new 4" in run.stdout and "fetch failures 7" in run.stdout
    page = subprocess.run([FACTWIRE, "page", web_server.url(ACME.path), "--allow-host", "127.0.0.1"],
                          capture_output=True, text=True, timeout=120)
    assert page.returncode == 0, page.stderr
    cleaned = json.loads(page.stdout)
    assert set(cleaned) == {"title", "published", "author", "site", "url", "language", "text"}
    assert (cleaned["title"], cleaned["published"], cleaned["author"]) == (ACME.title, "2024-03-12", "Jane Porter")
    assert ACME.paragraphs[0] in cleaned["text"] and "comment" not in cleaned["text"].lower()


def test_cli_run_takes_urls_and_refuses_private_hosts_by_default(web_server, tmp_path):
    store = ["--warehouse", str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake")]
    refused = subprocess.run([FACTWIRE, "run", web_server.url(ACME.path), *store],
                             capture_output=True, text=True, timeout=300)
    assert refused.returncode == 0 and "fetch failures 1" in refused.stdout
    con = duckdb.connect(str(tmp_path / "w.duckdb"), read_only=True)
    assert con.execute("SELECT reason FROM fetch_failures").fetchall() == [("blocked_address",)]
    con.close()
    allowed = subprocess.run([FACTWIRE, "run", web_server.url(ACME.path), "--allow-host", "127.0.0.1", *store],
                             capture_output=True, text=True, timeout=300)
    assert allowed.returncode == 0 and "new 1" in allowed.stdout, allowed.stdout + allowed.stderr


def test_a_near_duplicate_of_an_article_loaded_earlier_is_one_more_url(web_server, tmp_path):
    from factwire.sources.sourcesfile import parse_sources

    settings = Settings.in_folder(tmp_path)
    config = {"settings": {"allow_hosts": ["127.0.0.1"], "politeness_delay": 0}}
    first = run_pipeline([], settings, sources=parse_sources({**config, "pages": [{"url": web_server.url(ACME.path)}]}))
    second = run_pipeline([], settings, sources=parse_sources({**config, "pages": [{"url": web_server.url(SHORTENED_PATH)}]}))
    assert (first.articles_new, second.articles_new, second.articles_near_duplicate) == (1, 0, 1)
    rows = query(settings, "SELECT url, relation FROM article_urls ORDER BY relation DESC")
    assert [(u.removeprefix(web_server.base_url), r) for u, r in rows] == [
        (ACME.path, "source"), (SHORTENED_PATH, "near_duplicate")]
    assert query(settings, "SELECT count(DISTINCT article_id) FROM article_urls") == [(1,)]
