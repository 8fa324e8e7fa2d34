"""The fetcher, feeds, sources file and `collect`, against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import html
import socket
from datetime import date, datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from webfixtures import (ACME, BIG_BODY_BYTES, PORT, PRIVATE, RATES, SYNDICATED_PATH,  # noqa: F401
                         FixtureServer, web_server)

from factwire.sources.feeds import (FeedError, collect, hamming_distance, is_near_duplicate,
                                    parse_feed, simhash)
from factwire.sources.sourcesfile import (FeedSource, PageSource, Sources, SourcesFileError,
                                          load_sources, parse_sources)
from factwire.sources.web import (DEFAULT_USER_AGENT, FetchConfig, Fetcher, FetchError, FetchResult,
                                  JsonFileValidatorStore, _retry_after, decode_body,
                                  is_public_address)

LOCAL = frozenset({"127.0.0.1"})


def make_fetcher(sleeps: list[float] | None = None, validators=None, **overrides) -> Fetcher:
    """A fetcher for the fixture server: loopback allowed, no politeness delay, tiny backoff;
    sleeps are recorded instead of slept, so retry tests neither wait nor depend on the clock."""
    config = FetchConfig(**{"allow_hosts": LOCAL, "politeness_delay": 0.0, "backoff_base": 0.01,
                            "read_timeout": 0.5, "connect_timeout": 0.5, "retries": 2,
                            **overrides})
    record = sleeps.append if sleeps is not None else (lambda seconds: None)
    return Fetcher(config, validators, sleep=record)


def ok(result: FetchResult | FetchError) -> FetchResult:
    assert isinstance(result, FetchResult), result
    return result


def failed(result: FetchResult | FetchError, reason: str) -> FetchError:
    assert isinstance(result, FetchError), result
    assert result.reason == reason, result
    return result


# -- fetcher ----------------------------------------------------------------------------------

def test_page_is_fetched_with_our_user_agent(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        result = ok(fetcher.fetch(web_server.url(ACME.path)))
    assert result.status == 200 and result.content_type == "text/html"
    assert result.final_url == result.url == web_server.url(ACME.path)
    assert html.escape(ACME.paragraphs[0]) in result.text and result.encoding == "utf-8"
    assert DEFAULT_USER_AGENT.startswith("factwire/")
    assert DEFAULT_USER_AGENT.endswith("(+https://github.com/factwire/factwire)")
    assert web_server.headers_of(ACME.path)[0]["user-agent"] == DEFAULT_USER_AGENT
    assert web_server.headers_of("/robots.txt")[0]["user-agent"] == DEFAULT_USER_AGENT


def test_second_fetch_is_conditional_and_not_modified(web_server: FixtureServer, tmp_path) -> None:
    store_path = tmp_path / "validators.json"
    with make_fetcher(validators=JsonFileValidatorStore(store_path)) as fetcher:
        first = ok(fetcher.fetch(web_server.url("/feeds/rss.xml"), kind="feed"))
    assert not first.not_modified and first.content
    # A new fetcher (a later run) reads the validators back from the file.
    with make_fetcher(validators=JsonFileValidatorStore(store_path)) as fetcher:
        second = ok(fetcher.fetch(web_server.url("/feeds/rss.xml"), kind="feed"))
    assert second.not_modified and second.status == 304 and second.content == b""
    sent = web_server.headers_of("/feeds/rss.xml")
    assert "if-none-match" not in sent[0]
    assert sent[1]["if-none-match"] == first.headers["etag"]
    assert sent[1]["if-modified-since"] == first.headers["last-modified"]


def test_last_modified_alone_gives_not_modified(web_server: FixtureServer) -> None:
    class LastModifiedOnly(dict):
        def set(self, url, validators):
            self[url] = {"last_modified": validators["last_modified"]}

    with make_fetcher(validators=LastModifiedOnly()) as fetcher:
        ok(fetcher.fetch(web_server.url(PORT.path)))
        assert ok(fetcher.fetch(web_server.url(PORT.path))).not_modified
        assert not ok(fetcher.fetch(web_server.url(PORT.path), conditional=False)).not_modified


def test_server_error_once_is_retried(web_server: FixtureServer) -> None:
    sleeps: list[float] = []
    with make_fetcher(sleeps) as fetcher:
        result = ok(fetcher.fetch(web_server.url("/flaky")))
    assert result.status == 200 and html.escape(PORT.paragraphs[0]) in result.text
    assert web_server.hits["/flaky"] == 2
    assert sleeps == [0.01]  # one backoff, the first step of the exponential series


def test_429_waits_as_long_as_retry_after_says(web_server: FixtureServer) -> None:
    sleeps: list[float] = []
    with make_fetcher(sleeps) as fetcher:
        result = ok(fetcher.fetch(web_server.url("/throttled")))
    assert html.escape(RATES.paragraphs[0]) in result.text
    assert web_server.hits["/throttled"] == 2
    assert sleeps == [1.0]


def test_retries_are_bounded_and_back_off_exponentially(web_server: FixtureServer) -> None:
    sleeps: list[float] = []
    with make_fetcher(sleeps, retries=3) as fetcher:
        error = failed(fetcher.fetch(web_server.url("/always-503")), "http_status")
    assert error.status == 503
    assert web_server.hits["/always-503"] == 4
    assert sleeps == [0.01, 0.02, 0.04]


def test_slow_response_times_out(web_server: FixtureServer) -> None:
    with make_fetcher(read_timeout=0.2, retries=1) as fetcher:
        error = failed(fetcher.fetch(web_server.url("/slow")), "timeout")
    # Both attempts timed out: neither waited for the page the server sends after SLOW_SECONDS
    # (no clock is read here, so a busy machine cannot fail the test).
    assert web_server.hits["/slow"] == 2  # timeouts are retried, within the bound
    assert "2 attempts" in error.detail


def test_redirect_is_followed(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        result = ok(fetcher.fetch(web_server.url("/go/acme")))
    assert result.url == web_server.url("/go/acme")
    assert result.final_url == web_server.url(ACME.path)


def test_redirect_loop_is_detected(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        error = failed(fetcher.fetch(web_server.url("/loop/a")), "redirect_loop")
    assert "/loop/a" in error.detail
    assert web_server.hits["/loop/a"] == 1 and web_server.hits["/loop/b"] == 1


def test_redirect_limit(web_server: FixtureServer) -> None:
    with make_fetcher(max_redirects=0) as fetcher:
        error = failed(fetcher.fetch(web_server.url("/go/acme")), "redirect_loop")
    assert "more than 0 redirects" in error.detail
    assert web_server.hits[ACME.path] == 0


@pytest.mark.parametrize("path, detail", [("/big", "Content-Length"), ("/big-unannounced", "body exceeds")])
def test_body_over_the_limit_is_abandoned(web_server: FixtureServer, path: str, detail: str) -> None:
    with make_fetcher(max_bytes=1024 * 1024) as fetcher:
        error = failed(fetcher.fetch(web_server.url(path)), "too_large")
    assert detail in error.detail  # refused on the header, or as soon as the body passed the limit
    assert BIG_BODY_BYTES > 1024 * 1024


def test_pdf_is_refused_by_content_type(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        error = failed(fetcher.fetch(web_server.url("/report.pdf")), "content_type")
    assert "application/pdf" in error.detail and error.status == 200


def test_broken_charset_is_decoded_without_crashing(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        result = ok(fetcher.fetch(web_server.url("/broken-charset.html")))
    # Declared UTF-8, sent Latin-1: the declared charset fails, detection takes over.
    assert result.encoding != "utf-8"
    assert "Le café de la gare a rouvert ses portes après des travaux" in result.text
    assert "\ufffd" not in result.text


def test_robots_txt_disallow_is_honoured_and_read_once(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        error = failed(fetcher.fetch(web_server.url(PRIVATE.path)), "robots_disallowed")
        ok(fetcher.fetch(web_server.url(ACME.path)))  # allowed for factwire, not for "*"
        ok(fetcher.fetch(web_server.url(PORT.path)))
    assert PRIVATE.path in error.detail
    assert web_server.hits[PRIVATE.path] == 0
    assert web_server.hits["/robots.txt"] == 1


def test_feeds_are_not_subject_to_robots(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        ok(fetcher.fetch(web_server.url("/feeds/rss.xml"), kind="feed"))
    assert web_server.hits["/robots.txt"] == 0


def test_private_addresses_are_blocked_unless_allowed(web_server: FixtureServer) -> None:
    port = web_server.base_url.rsplit(":", 1)[1]
    with make_fetcher(allow_hosts=frozenset()) as fetcher:
        failed(fetcher.fetch(web_server.url(ACME.path)), "blocked_address")
        failed(fetcher.fetch(f"http://localhost:{port}{ACME.path}"), "blocked_address")
        failed(fetcher.fetch("http://169.254.169.254/latest/meta-data/"), "blocked_address")
        failed(fetcher.fetch("http://[::1]/"), "blocked_address")
    assert sum(web_server.hits.values()) == 0


def test_redirects_are_vetted_again(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        metadata = failed(fetcher.fetch(web_server.url("/go/metadata")), "blocked_address")
        scheme = failed(fetcher.fetch(web_server.url("/go/file")), "scheme")
    assert "169.254.169.254" in metadata.detail
    assert "file" in scheme.detail


@pytest.mark.parametrize("url, reason", [
    ("file:///etc/passwd", "scheme"),
    ("ftp://example.com/feed.xml", "scheme"),
    ("javascript:alert(1)", "scheme"),
    ("http://", "invalid_url"),
    ("http://example.com:99999/", "invalid_url"),
])
def test_bad_urls_are_refused_without_a_request(url: str, reason: str) -> None:
    with make_fetcher() as fetcher:
        failed(fetcher.fetch(url), reason)


def test_connection_refused_is_a_connection_error() -> None:
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with make_fetcher() as fetcher:
        failed(fetcher.fetch(f"http://127.0.0.1:{port}/", kind="feed"), "connection")


def test_per_host_concurrency_is_limited(web_server: FixtureServer) -> None:
    urls = [web_server.url(f"/slow-10?i={i}") for i in range(6)]
    with make_fetcher(per_host_concurrency=2) as fetcher:
        results = fetcher.fetch_many(urls, workers=6)
    assert all(isinstance(r, FetchResult) for r in results)
    assert [r.url for r in results] == urls
    assert web_server.max_in_flight == 2  # both slots used, never a third


def test_politeness_delay_between_requests_to_one_host(web_server: FixtureServer) -> None:
    sleeps: list[float] = []
    with make_fetcher(sleeps, politeness_delay=5.0) as fetcher:
        ok(fetcher.fetch(web_server.url("/feeds/rss.xml"), kind="feed"))
        ok(fetcher.fetch(web_server.url("/feeds/atom.xml"), kind="feed"))
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0


def test_retry_after_forms() -> None:
    later = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=30), usegmt=True)
    assert _retry_after("7", 60) == 7.0
    assert _retry_after("3600", 60) == 60.0
    assert 25 < _retry_after(later, 60) <= 30
    assert _retry_after("Wed, 21 Oct 2015 07:28:00 GMT", 60) == 0.0
    assert _retry_after("soon", 60) is None and _retry_after(None, 60) is None


@pytest.mark.parametrize("address, public", [
    ("93.184.216.34", True), ("2606:2800:220:1::1", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("192.168.0.1", False), ("172.16.5.5", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False), ("224.0.0.1", False),
    ("::1", False), ("fe80::1", False), ("fd00:ec2::254", False), ("::ffff:127.0.0.1", False),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_decode_body_never_raises() -> None:
    assert decode_body("é".encode("utf-8"), "no-such-charset") == ("é", "utf-8")
    assert decode_body('<meta charset="iso-8859-1"><p>\xe9t\xe9</p>'.encode("latin-1"), None)[0] \
        .endswith("<p>été</p>")
    assert decode_body(b"\xef\xbb\xbfhello", "latin-1") == ("hello", "utf-8")
    text, _ = decode_body(bytes(range(256)) * 4, "utf-8")
    assert isinstance(text, str)


# -- feeds ------------------------------------------------------------------------------------

def test_rss_atom_and_rdf_feeds_parse(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        rss, atom, rdf = (ok(fetcher.fetch(web_server.url(p), kind="feed"))
                          for p in ("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/rdf.xml"))
    feed = parse_feed(rss.content, rss.final_url)
    assert feed.format == "rss20" and feed.title == "The Daily Ledger - Business"
    assert [e.link for e in feed.entries] == [web_server.url(s.path) for s in (ACME, PORT, PRIVATE)]
    first = feed.entries[0]
    assert first.title == ACME.title and first.published == date(2024, 3, 12)
    assert first.published_at == datetime(2024, 3, 12, 8, 30, tzinfo=timezone.utc)
    assert first.summary == ACME.paragraphs[0]  # HTML description as plain text

    feed = parse_feed(atom.content, atom.final_url)
    assert feed.format == "atom10"
    assert [(e.title, e.link, e.published) for e in feed.entries] == [
        (RATES.title, web_server.url(RATES.path), date(2024, 3, 14)),
        (ACME.title, web_server.url(SYNDICATED_PATH), date(2024, 3, 12)),  # from <updated>
    ]
    assert feed.entries[1].summary == "Acme Corp agreed to buy WidgetCo."

    feed = parse_feed(rdf.content, rdf.final_url)
    assert feed.format == "rss10"
    assert [(e.title, e.link, e.published) for e in feed.entries] == [
        (PORT.title, web_server.url(PORT.path), date(2024, 3, 13))]


def test_billion_laughs_is_refused_before_parsing(web_server: FixtureServer) -> None:
    with make_fetcher() as fetcher:
        bomb = ok(fetcher.fetch(web_server.url("/feeds/bomb.xml"), kind="feed"))
    with pytest.raises(FeedError) as caught:
        parse_feed(bomb.content)
    assert caught.value.reason == "unsafe_xml"  # refused on its entity declarations, before expanding them


def test_feed_entity_declaration_in_utf16_is_refused() -> None:
    doc = '\ufeff<?xml version="1.0" encoding="utf-16"?><!DOCTYPE x [<!ENTITY a "b">]><rss/>'
    with pytest.raises(FeedError, match="unsafe_xml"):
        parse_feed(doc.encode("utf-16-le"))


def test_parse_feed_never_fetches(web_server: FixtureServer) -> None:
    # feedparser would treat a bare URL string as something to download; we hand it a stream.
    with pytest.raises(FeedError) as caught:
        parse_feed(web_server.url("/feeds/rss.xml").encode())
    assert caught.value.reason == "not_a_feed"
    with pytest.raises(FeedError):
        parse_feed(b"/etc/hostname")
    assert web_server.hits["/feeds/rss.xml"] == 0


def test_html_is_not_a_feed() -> None:
    with pytest.raises(FeedError, match="not_a_feed"):
        parse_feed(b"<html><body><p>Moved.</p></body></html>")


# -- near duplicates ---------------------------------------------------------------------------

def test_simhash_near_duplicates() -> None:
    text = " ".join(ACME.paragraphs)
    assert simhash(text) == simhash(text.upper().replace(",", " ,"))
    assert is_near_duplicate(text, text + " Reporting by Jane Porter.")
    assert is_near_duplicate(text, " ".join(ACME.paragraphs[:-1]))
    assert not is_near_duplicate(text, " ".join(PORT.paragraphs))
    assert hamming_distance(simhash(text), simhash(" ".join(RATES.paragraphs))) > 10
    assert simhash("") == 0 and simhash("two words") == simhash("Two, words!")


# -- sources file -----------------------------------------------------------------------------

def test_sources_file_loads(tmp_path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("""
feeds:
  - url: https://example.com/rss.xml
    name: Example
    language: en
    schedule: "0 * * * *"
  - https://example.org/atom.xml
pages:
  - url: https://example.com/story.html
settings:
  allow_hosts: [127.0.0.1]
  timeout: 3
  max_bytes: 1000000
  politeness_delay: 0
""", encoding="utf-8")
    sources = load_sources(path)
    assert sources.feeds == (FeedSource("https://example.com/rss.xml", "Example", "en", "0 * * * *"),
                             FeedSource("https://example.org/atom.xml"))
    assert sources.pages == (PageSource("https://example.com/story.html"),)
    config = sources.fetch_config()
    assert config.allow_hosts == LOCAL and config.read_timeout == 3.0
    assert config.max_bytes == 1_000_000 and config.politeness_delay == 0.0
    assert config.retries == FetchConfig().retries
    assert parse_sources(None) == Sources()


@pytest.mark.parametrize("text, message", [
    ("feeds: [{url: https://a.com/x, nmae: A}]", "feeds[0]: unknown key 'nmae'"),
    ("feeds: [{name: A}]", "feeds[0]: missing url"),
    ("feeds: [{url: 'ftp://a.com/x'}]", "feeds[0].url: 'ftp://a.com/x' is not an http(s) URL"),
    ("pages: [{url: https://a.com/x, language: English}]", "pages[0].language"),
    ("feeds: [https://a.com/x]\npages: [https://a.com/x]", "pages[0].url: https://a.com/x is listed twice"),
    ("settings: {timeout: fast}", "settings.timeout: unexpected value 'fast'"),
    ("settings: {retry: 3}", "settings: unknown key 'retry'"),
    ("feeds: https://a.com/x", "feeds: expected a list"),
    ("- just a list", "expected a mapping"),
    ("feeds: [url: x", "not valid YAML"),
])
def test_sources_file_errors_say_where(tmp_path, text: str, message: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourcesFileError) as caught:
        load_sources(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


# -- collect ----------------------------------------------------------------------------------

def fixture_sources(server: FixtureServer) -> Sources:
    return Sources(
        feeds=(FeedSource(server.url("/feeds/rss.xml"), "Ledger", "en"),
               FeedSource(server.url("/feeds/atom.xml"), "Partner"),
               FeedSource(server.url("/feeds/bomb.xml")),
               FeedSource(server.url("/feeds/missing.xml"))),
        pages=(PageSource(server.url("/report.pdf")), PageSource(server.url("/empty.html"))),
    )


def test_collect_from_feeds(web_server: FixtureServer) -> None:
    now = datetime(2024, 3, 15, 12, 0, tzinfo=timezone.utc)
    with make_fetcher() as fetcher:
        articles, failures, stats = collect(fixture_sources(web_server), fetcher,
                                            seen_urls={web_server.url(PORT.path)}, now=lambda: now)

    by_url = {a.url: a for a in articles}
    assert list(by_url) == [web_server.url(ACME.path), web_server.url(RATES.path)]
    acme = by_url[web_server.url(ACME.path)]
    assert acme.published == date(2024, 3, 12) and acme.author == "Jane Porter"
    assert acme.source_format == "html" and acme.source_uri == web_server.url(ACME.path)
    rates = by_url[web_server.url(RATES.path)]
    assert rates.published == date(2024, 3, 14)  # the page has no date: the Atom entry's
    assert rates.title == RATES.title and rates.language == "en"

    assert web_server.hits[PORT.path] == 0 and stats.skipped_seen == 1  # already ingested
    assert web_server.hits[SYNDICATED_PATH] == 1  # fetched, then dropped as the same story
    assert stats.near_duplicates == 1
    assert stats.duplicates == [(web_server.url(SYNDICATED_PATH), web_server.url(ACME.path), True)]

    assert {(f.url.removeprefix(web_server.base_url), f.stage, f.reason, f.status) for f in failures} == {
        (PRIVATE.path, "page", "robots_disallowed", None),
        ("/feeds/bomb.xml", "feed", "unsafe_xml", 200),
        ("/feeds/missing.xml", "feed", "http_status", 404),
        ("/report.pdf", "page", "content_type", 200),
        ("/empty.html", "extract", "too_short", 200),  # trafilatura keeps only "Home"
    }
    assert all(f.time == now and f.detail for f in failures)
    assert next(f for f in failures if f.reason == "robots_disallowed").source == \
        web_server.url("/feeds/rss.xml")
    assert web_server.hits[PRIVATE.path] == 0
    assert (stats.feeds, stats.entries, stats.pages_fetched, stats.articles, stats.failures) == \
        (4, 5, 4, 2, 5)


def test_collect_again_fetches_nothing_new(web_server: FixtureServer) -> None:
    sources = Sources(feeds=(FeedSource(web_server.url("/feeds/rss.xml")),
                             FeedSource(web_server.url("/feeds/atom.xml"))))
    with make_fetcher() as fetcher:
        first = collect(sources, fetcher)
        second = collect(sources, fetcher, seen_urls=lambda url: False)
    assert first.stats.articles == 3 and first.stats.near_duplicates == 1
    assert second.stats.feeds_not_modified == 2
    assert second.articles == [] and second.failures == []
    assert web_server.hits[ACME.path] == 1
