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


def test_a_lone_h1_that_reads_as_a_headline_outranks_a_rewritten_social_title() -> None:
    # og:title rewritten for sharing; the page's one <h1> is the story's own headline
    assert headline("Airline to join alliance by spring", ["Airline sets new date for full alliance membership"],
                    "The Points Guy") == "Airline sets new date for full alliance membership"
    # but not the site's banner, nor a short menu label
    assert headline("Mayor accused of timing retirement", ["POLITICO"], "POLITICO") == \
        "Mayor accused of timing retirement"
    assert headline("Mayor accused of timing retirement", ["Sections"], "Example") == \
        "Mayor accused of timing retirement"
    # two <h1>s that say nothing of the title: no guess, the metadata title stays
    assert headline("Sixers beat Celtics", ["Visit Harford County this fall", "See wild horses at the beach"],
                    "PhillyVoice") == "Sixers beat Celtics"


def test_an_h1_agreeing_with_the_title_element_outranks_og_title() -> None:
    title_element = "Tsai's playbook should be essential reading for Hong Kong leaders | Morning Post"
    assert headline("Lam should study Tsai's playbook", ["Tsai's playbook should be essential reading for Hong Kong leaders",
                                                         "Most read"], "Morning Post",
                    page_title=title_element) == "Tsai's playbook should be essential reading for Hong Kong leaders"


def test_a_heading_that_runs_on_from_the_title_is_the_fuller_headline() -> None:
    assert headline("How to Care for Hydrangeas", ["How to Care for Hydrangeas to Get the Best Blooms"], "Real Simple") \
        == "How to Care for Hydrangeas to Get the Best Blooms"
    # a capitalised run-on is a second element glued on (a standfirst), not the headline's words
    assert headline("Deep-Fried Fish Cakes, Hot and Fresh",
                    ["Deep-Fried Fish Cakes, Hot and Fresh Welcome to the Flavor Capital"], "Tofugu") == \
        "Deep-Fried Fish Cakes, Hot and Fresh"


def test_the_blog_name_is_no_headline() -> None:
    # Blogger: "<blog name>: <post title>" with the blog name as the <h1>
    assert headline("SibenLab privacy policy", ["privacy policy", "Archives"], "sibenlab.blogspot.com",
                    page_title="privacy policy: SibenLab privacy policy") == "SibenLab privacy policy"
    # "Blog » Blog Archive » Post": the metadata title is the blog's banner; the post title is the
    # <title> segment the page shows as a heading
    assert headline("Four Years Remaining", ["Four Years Remaining"], "fouryears.eu",
                    page_title="Four Years Remaining » Blog Archive » Interning of Small Integers in Python",
                    h2s=["Interning of Small Integers in Python", "Comments"]) == \
        "Interning of Small Integers in Python"
    # a product named after its maker is no site name
    assert strip_site_name("Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac", "parallels.com") == \
        "Run Windows on Mac - Parallels Desktop 15 Virtual Machine for Mac"
    assert strip_site_name("Post title - Fouryears Blog", "fouryears.eu") == "Post title"


def test_the_title_takes_the_letter_case_the_page_shows() -> None:
    assert headline("Vessel Returning To Port With Cargo", [], "example.com",
                    page_title="Vessel Returning to Port With Cargo",
                    h2s=["Vessel Returning to Port With Cargo"]) == "Vessel Returning to Port With Cargo"
    assert headline("Vessel Returning To Port With Cargo", [], "example.com", h2s=["Other"]) == \
        "Vessel Returning To Port With Cargo"


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


def test_a_title_template_that_lost_its_headline_gives_way_to_the_first_h2() -> None:
    assert headline("National Rail Enquiries -", [], "NRE", page_title="National Rail Enquiries -",
                    h2s=["Rail Replacement Services Travel Advice", "General Information"]) == \
        "Rail Replacement Services Travel Advice"
    # a whole title keeps its place before any <h2>
    assert headline("National Rail Enquiries", [], "NRE", page_title="National Rail Enquiries",
                    h2s=["Rail Replacement Services Travel Advice"]) == "National Rail Enquiries"
