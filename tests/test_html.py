"""HTML -> Article and `page_json`, on fixture pages served over real HTTP, plus the eval scorer."""

from __future__ import annotations

import gzip
import json
from datetime import date

from webfixtures import (ACME, RATES, SYNDICATED_PATH, FixtureServer, news_page,  # noqa: F401
                         web_server)

from factwire.articles import Article, Rejected
from factwire.evaluation.trafilatura_eval import rows_from_pages, score, score_pages
from factwire.sources.html import (article_from_html, guess_language, headline, page_json,
                                   parse_iso_date, strip_site_name)
from factwire.sources.web import FetchConfig, Fetcher, FetchResult

CHROME = ["The Daily Ledger Media Group", "All rights reserved", "Subscribe for 1 euro",
          "Most read", "Ten gadgets", "First! This deal", "sensorfan", "pension plan", "Cookie settings"]


def fetch(server: FixtureServer, path: str) -> FetchResult:
    config = FetchConfig(allow_hosts=frozenset({"127.0.0.1"}), politeness_delay=0.0, retries=0)
    with Fetcher(config) as fetcher:
        result = fetcher.fetch(server.url(path))
    assert isinstance(result, FetchResult), result
    return result


def test_article_from_fixture_page(web_server: FixtureServer) -> None:
    page = fetch(web_server, ACME.path)
    article = article_from_html(page.text, page.final_url, source_uri=page.final_url)
    assert isinstance(article, Article)
    assert all(p in article.text for p in ACME.paragraphs)
    assert not [c for c in CHROME if c in article.text]  # no nav, sidebar, comments, footer
    assert article.title == ACME.title  # without " | The Daily Ledger"
    assert article.published == date(2024, 3, 12)
    assert article.author == "Jane Porter"
    assert article.site == "The Daily Ledger"
    assert article.url == web_server.url(ACME.path)  # the canonical link
    assert article.language == "en"
    assert (article.source_uri, article.source_format) == (page.final_url, "html")


def test_page_json_on_fixture_page(web_server: FixtureServer) -> None:
    page = fetch(web_server, ACME.path)
    result = page_json(page.content, page.final_url)
    assert list(result) == ["title", "published", "author", "site", "url", "language", "text"]
    assert {k: v for k, v in result.items() if k != "text"} == {
        "title": ACME.title,
        "published": "2024-03-12",
        "author": "Jane Porter",
        "site": "The Daily Ledger",
        "url": web_server.url(ACME.path),
        "language": "en",
    }
    assert result["text"].startswith(ACME.title + "\n" + ACME.paragraphs[0])
    json.dumps(result)  # printable as it is


def test_page_json_without_date_or_author(web_server: FixtureServer) -> None:
    page = fetch(web_server, RATES.path)
    result = page_json(page.text)
    # "Copyright 2024" in the footer is not a publication date (htmldate would say 2024-01-01).
    assert result["published"] is None and result["author"] is None
    assert result["title"] == RATES.title


def test_syndicated_copy_has_the_same_text(web_server: FixtureServer) -> None:
    original = fetch(web_server, ACME.path)
    copy = fetch(web_server, SYNDICATED_PATH)
    a = article_from_html(original.text, original.final_url, "a")
    b = article_from_html(copy.text, copy.final_url, "b")
    assert isinstance(a, Article) and isinstance(b, Article)
    assert a.article_id == b.article_id and a.site != b.site
    assert "Sponsored" not in b.text and "Log in" not in b.text


def test_broken_charset_page_becomes_an_article(web_server: FixtureServer) -> None:
    page = fetch(web_server, "/broken-charset.html")
    article = article_from_html(page.text, page.final_url, page.final_url)
    assert isinstance(article, Article)
    assert "Le café de la gare a rouvert ses portes après" in article.text
    assert article.language == "fr"


def test_pages_without_an_article_are_rejected() -> None:
    empty = article_from_html("", None, "x")
    assert isinstance(empty, Rejected) and empty.reason == "no_main_text"
    nav_only = article_from_html(b"<html><body><nav>Home</nav></body></html>", None, "y")
    assert isinstance(nav_only, Rejected) and nav_only.reason == "too_short"
    assert nav_only.source_uri == "y" and "characters" in nav_only.detail
    assert page_json("")["text"] == "" and page_json("")["title"] is None


def test_language_from_text_when_markup_is_silent() -> None:
    page = news_page(ACME, "http://example.com").replace('<html lang="en">', "<html>")
    assert page_json(page)["language"] == "en"
    assert guess_language("Der Vorstand hat die Übernahme genehmigt, und die Aktie ist "
                          "mit dem Markt für das Jahr nicht zufrieden, sagte ein Sprecher der Firma.") == "de"
    assert guess_language("Short.") is None


def test_headline_rules() -> None:
    assert strip_site_name("Storm hits coast | The Daily Ledger", "The Daily Ledger") == "Storm hits coast"
    assert strip_site_name("Daily Ledger - Storm hits coast", "The Daily Ledger") == "Storm hits coast"
    assert strip_site_name("Chapter 1: Prologue - Murdered", "Melas") == "Chapter 1: Prologue - Murdered"
    assert headline("Storm hits coast | Ledger", ["Ledger", "Storm hits the coast"], "Ledger") == \
        "Storm hits the coast"
    assert headline("Storm hits coast", ["Local News | Storm hits coast"], None) == "Storm hits coast"
    assert headline(None, ["Anything"], None) is None


def test_parse_iso_date() -> None:
    assert parse_iso_date("2024-03-12") == date(2024, 3, 12)
    assert parse_iso_date("2024-03-12T08:30:00Z") == date(2024, 3, 12)
    assert parse_iso_date("2024-02-30") is None and parse_iso_date("March 2024") is None


def test_eval_scorer_on_a_tiny_dataset(tmp_path) -> None:
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "acme.html.gz").write_bytes(
        gzip.compress(news_page(ACME, "http://example.com").encode()))
    (tmp_path / "evaldata-en.json").write_text(json.dumps({"http://example.com/acme": {
        "file": "acme.html",
        "with": [ACME.paragraphs[1], "Shares of WidgetCo rose 18 percent", "not in the page"],
        "without": ["All rights reserved", "Analysts at Northgate"],
        "date": "2024-03-12", "title": ACME.title, "author": "Jane Porter"}}))
    pages = score_pages(tmp_path)
    assert (pages[0].true_pos, pages[0].false_neg, pages[0].false_pos) == (2, 1, 1)
    assert pages[0].date_ok and pages[0].title_ok
    text, dates, titles = rows_from_pages(pages)
    assert (text.precision, text.recall, text.items) == (2 / 3, 2 / 3, 3)
    assert (dates.score, titles.score) == (1.0, 1.0)
    assert [r.kind for r in score(tmp_path)] == ["main text chunks", "publication date", "title"]
