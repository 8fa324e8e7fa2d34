"""News feeds (RSS 2.0, RSS 1.0, Atom) and `collect`: from a sources list to articles.

`parse_feed` reads bytes already fetched; feedparser is never given a URL or a path, so it
cannot fetch anything itself, and feeds declaring XML entities are refused before parsing
(billion laughs, external entities). `collect` fetches feeds and the pages their entries link
to, turns the pages into articles, drops near-duplicates (syndicated copies) and records every
failure with its reason; one bad source never stops the others.
"""

from __future__ import annotations

import calendar
import codecs
import hashlib
import io
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from typing import Callable, Iterable, NamedTuple

import feedparser
import numpy as np
import lxml.html

from factwire.articles import Article, Rejected, normalise_text
from factwire.sources.html import article_from_html
from factwire.sources.sourcesfile import FeedSource, Sources
from factwire.sources.web import Fetcher, FetchError, FetchResult


class FeedError(ValueError):
    """Bytes that are not a usable feed; ``reason`` is "unsafe_xml" or "not_a_feed"."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


@dataclass
class FeedEntry:
    title: str | None
    link: str | None
    published: date | None
    published_at: datetime | None  # UTC, when the feed gives a time
    summary: str | None  # plain text
    entry_id: str | None


@dataclass
class Feed:
    title: str | None
    link: str | None
    format: str  # feedparser's version: "rss20", "rss10", "atom10", ...
    entries: list[FeedEntry]


_PROLOG_BYTES = 64 * 1024  # a DOCTYPE comes before the root element, near the top


def entity_declarations(content: bytes) -> bool:
    """True when the document has a DOCTYPE and declares entities (``<!ENTITY``): such feeds
    are refused unparsed, so nothing can expand or fetch an entity. (Expat's own
    amplification limit is the second line of defence.)"""
    head = content[:_PROLOG_BYTES]
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
                          (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if head.startswith(bom):
            text = head[len(bom):].decode(encoding, errors="ignore")
            break
    else:
        text = head.decode("latin-1")  # ASCII-compatible encodings: the markup bytes are ASCII
    text = text.upper()
    return "<!DOCTYPE" in text and "<!ENTITY" in text


def parse_feed(content: bytes, url: str | None = None) -> Feed:
    """Entries of an RSS or Atom document; raises `FeedError`."""
    if entity_declarations(content):
        raise FeedError("unsafe_xml", "the document declares XML entities; refused unparsed")
    headers = {"content-location": url} if url else {}
    # A stream, never bytes or str: feedparser treats those as a URL or a file name to open.
    parsed = feedparser.parse(io.BytesIO(content), response_headers=headers)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        raise FeedError("not_a_feed", f"no RSS or Atom found{f': {problem}' if problem else ''}")
    return Feed(
        title=_plain(parsed.feed.get("title")),
        link=parsed.feed.get("link"),
        format=parsed.get("version") or "unknown",
        entries=[_entry(e) for e in parsed.entries],
    )


def _entry(entry: feedparser.FeedParserDict) -> FeedEntry:
    stamp = entry.get("published_parsed") or entry.get("updated_parsed")
    published_at = (datetime.fromtimestamp(calendar.timegm(stamp), tz=timezone.utc)
                    if stamp else None)
    return FeedEntry(
        title=_plain(entry.get("title")),
        link=(entry.get("link") or "").strip() or None,
        published=published_at.date() if published_at else None,
        published_at=published_at,
        summary=_plain(entry.get("summary")),
        entry_id=entry.get("id"),
    )


def _plain(markup: str | None) -> str | None:
    """Text of a (sanitised) HTML fragment, whitespace folded."""
    if not markup or not markup.strip():
        return None
    if "<" in markup or "&" in markup:
        try:
            markup = lxml.html.fragment_fromstring(markup, create_parent="div").text_content()
        except (ValueError, lxml.etree.ParserError):
            pass
    return normalise_text(markup) or None


# -- near duplicates ---------------------------------------------------------------------------

SIMHASH_BITS = 64
# Measured on the 167 pages of ../shared/eval/trafilatura-eval-en: unrelated pages are at least
# 16 bits apart; a page and itself less its last paragraph at most 15, median 3.
NEAR_DUPLICATE_DISTANCE = 8


def simhash(text: str, shingle_words: int = 3) -> int:
    """64-bit SimHash of ``text`` over overlapping word shingles (case and punctuation folded)."""
    words = re.findall(r"\w+", text.lower())
    if len(words) < shingle_words:
        shingles = [" ".join(words)] if words else []
    else:
        shingles = [" ".join(words[i:i + shingle_words]) for i in range(len(words) - shingle_words + 1)]
    if not shingles:
        return 0
    digests = b"".join(hashlib.blake2b(s.encode("utf-8"), digest_size=8).digest() for s in shingles)
    # One row of 64 bits per shingle, most significant bit first (as int.from_bytes(..., "big")).
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    weights = 2 * bits.sum(axis=0, dtype=np.int64) - len(shingles)
    return sum(1 << (SIMHASH_BITS - 1 - i) for i in np.flatnonzero(weights > 0).tolist())


def hamming_distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def is_near_duplicate(a: str | int, b: str | int, max_distance: int = NEAR_DUPLICATE_DISTANCE) -> bool:
    """Whether two texts (or their `simhash` values) are the same article, give or take."""
    hash_a = simhash(a) if isinstance(a, str) else a
    hash_b = simhash(b) if isinstance(b, str) else b
    return hamming_distance(hash_a, hash_b) <= max_distance


# -- collect -----------------------------------------------------------------------------------

@dataclass
class FetchFailure:
    """One thing `collect` could not use, and why (lands in quarantine / the failures table)."""

    url: str
    time: datetime
    stage: str  # "feed" (fetch or parse), "page" (fetch), "extract" (page -> article)
    reason: str  # a FetchError reason, a FeedError reason or a Rejected reason
    detail: str = ""
    status: int | None = None
    source: str | None = None  # the feed or page entry in the sources file that led here


@dataclass
class CollectStats:
    feeds: int = 0
    feeds_not_modified: int = 0
    entries: int = 0
    entries_without_link: int = 0
    pages_fetched: int = 0
    pages_not_modified: int = 0
    skipped_seen: int = 0  # URL already in the warehouse (or seen earlier in this run)
    near_duplicates: int = 0
    articles: int = 0
    failures: int = 0
    # (url, url of the kept copy, whether the text is the same to the letter)
    duplicates: list[tuple[str, str, bool]] = field(default_factory=list)


class CollectResult(NamedTuple):
    articles: list[Article]
    failures: list[FetchFailure]
    stats: CollectStats


@dataclass
class _PageJob:
    url: str
    source: str
    language: str | None = None
    entry: FeedEntry | None = None


def collect(sources: Sources, fetcher: Fetcher,
            seen_urls: Iterable[str] | Callable[[str], bool] = frozenset(), *,
            workers: int = 4, max_distance: int = NEAR_DUPLICATE_DISTANCE,
            now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
            on_fetch: Callable[[str, bool], None] | None = None) -> CollectResult:
    """Fetch every feed and page in ``sources``, and return new articles, failures and counts.

    ``seen_urls`` (a set, or a predicate) names URLs already ingested: their pages are not
    fetched. From a page without its own title or date, the feed entry's are used.
    ``on_fetch(url, ok)`` is told of each fetch as it ends (for progress reports).
    """
    def fetched(url: str, result: FetchResult | FetchError) -> None:
        if on_fetch is not None:
            on_fetch(url, not isinstance(result, FetchError))

    is_seen = seen_urls if callable(seen_urls) else set(seen_urls).__contains__
    stats, failures = CollectStats(), []

    def fail(url: str, stage: str, reason: str, detail: str, status: int | None = None,
             source: str | None = None) -> None:
        failures.append(FetchFailure(url, now(), stage, reason, detail, status, source))

    jobs: list[_PageJob] = []
    queued: set[str] = set()

    def enqueue(job: _PageJob) -> None:
        if job.url in queued or is_seen(job.url):
            stats.skipped_seen += 1
            return
        queued.add(job.url)
        jobs.append(job)

    feed_results = fetcher.fetch_many([f.url for f in sources.feeds], kind="feed", workers=workers,
                                      on_result=fetched)
    for feed_source, result in zip(sources.feeds, feed_results):
        stats.feeds += 1
        for job in _feed_jobs(feed_source, result, stats, fail):
            enqueue(job)
    for page in sources.pages:
        enqueue(_PageJob(page.url, page.url, page.language))

    page_results = fetcher.fetch_many([j.url for j in jobs], kind="page", workers=workers, on_result=fetched)
    articles: list[Article] = []
    kept: list[tuple[int, Article]] = []
    for job, result in zip(jobs, page_results):
        if isinstance(result, FetchError):
            fail(job.url, "page", result.reason, result.detail, result.status, job.source)
            continue
        if result.not_modified:
            stats.pages_not_modified += 1
            continue
        stats.pages_fetched += 1
        if result.final_url != job.url and (result.final_url in queued or is_seen(result.final_url)):
            stats.skipped_seen += 1  # a redirect to a page we already have
            continue
        article = _article(job, result)
        if isinstance(article, Rejected):
            fail(job.url, "extract", article.reason, article.detail, result.status, job.source)
            continue
        fingerprint = article.simhash
        original = next((a for h, a in kept if hamming_distance(h, fingerprint) <= max_distance), None)
        if original is not None:
            stats.near_duplicates += 1
            stats.duplicates.append((job.url, original.source_uri, original.article_id == article.article_id))
            continue
        kept.append((fingerprint, article))
        articles.append(article)
    stats.articles, stats.failures = len(articles), len(failures)
    return CollectResult(articles, failures, stats)


def _feed_jobs(source: FeedSource, result: FetchResult | FetchError, stats: CollectStats,
               fail: Callable[..., None]) -> list[_PageJob]:
    if isinstance(result, FetchError):
        fail(source.url, "feed", result.reason, result.detail, result.status, source.url)
        return []
    if result.not_modified:
        stats.feeds_not_modified += 1
        return []
    try:
        feed = parse_feed(result.content, result.final_url)
    except FeedError as exc:
        fail(source.url, "feed", exc.reason, exc.detail, result.status, source.url)
        return []
    jobs = []
    for entry in feed.entries:
        stats.entries += 1
        if not entry.link:
            stats.entries_without_link += 1
            continue
        jobs.append(_PageJob(entry.link, source.url, source.language, entry))
    return jobs


def _article(job: _PageJob, result: FetchResult) -> Article | Rejected:
    article = article_from_html(result.text, result.final_url, source_uri=result.final_url)
    if isinstance(article, Rejected):
        return article
    entry = job.entry
    return replace(
        article,
        title=article.title or (entry.title if entry else None),
        published=article.published or (entry.published if entry else None),
        language=article.language or job.language,
    )


__all__ = [
    "Feed", "FeedEntry", "FeedError", "parse_feed", "entity_declarations",
    "simhash", "hamming_distance", "is_near_duplicate",
    "FetchFailure", "CollectStats", "CollectResult", "collect",
]
