"""Turn one web page (HTML) into an `Article`: main text, title, date, author, site, language.

Extraction is trafilatura's (with htmldate for the publication date); the page language comes
from the markup (``<html lang>``, ``og:locale``, ``content-language``) or, failing that, a
stopword count over the extracted text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
import trafilatura
from trafilatura.utils import load_html

from factwire.articles import Article, Rejected
from factwire.sources.files import MAX_ARTICLE_BYTES

SOURCE_FORMAT = "html"

# Chosen on ../shared/eval/trafilatura-eval-en (see factwire.evaluation.trafilatura_eval):
# comments are never article text; tables often are (results, figures).
EXTRACTION_OPTIONS: dict[str, Any] = {
    "include_comments": False,
    "include_tables": True,
    "favor_precision": False,
    "favor_recall": False,
    "deduplicate": False,
}

# An extracted body shorter than this is a cookie wall, an index page or a failed extraction.
MIN_TEXT_CHARS = 100

# libxml2 stops parsing HTML nested this deep (the rest of the page is lost), so a tree that
# reaches it was cut short: such a page is refused rather than read in part.
MAX_MARKUP_DEPTH = 256


class UnusablePage(ValueError):
    """A page that cannot be read whole; ``reason`` is a quarantine reason ("too_deep")."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


@dataclass
class PageContent:
    """What extraction found on a page; any field may be missing."""

    text: str
    title: str | None = None
    published: date | None = None
    author: str | None = None
    site: str | None = None
    url: str | None = None
    language: str | None = None


def extract_page(html: str | bytes, url: str | None = None, **options: Any) -> PageContent | None:
    """Main text and metadata of a page, or None when trafilatura finds no main text.

    ``options`` override `EXTRACTION_OPTIONS` (any `trafilatura.bare_extraction` keyword).
    Raises `UnusablePage` for markup nested deeper than the parser reads.
    """
    if not html.strip():
        return None
    tree = load_html(html)
    if tree is None:
        return None
    depth = markup_depth(tree)
    if depth >= MAX_MARKUP_DEPTH:
        raise UnusablePage("too_deep", f"markup nested {depth} or more levels deep; "
                                       f"the parser stops at {MAX_MARKUP_DEPTH}")
    # Read these before trafilatura, which prunes the tree as it goes.
    headings = [_clean(h.text_content()) for h in tree.xpath("//h1")]
    language = markup_language(tree)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                      **{**EXTRACTION_OPTIONS, **options})
    if doc is None or not (doc.text or "").strip():
        return None
    site = _clean(doc.sitename) or _clean(doc.hostname)
    return PageContent(
        text=doc.text.strip(),
        title=headline(_clean(doc.title), [h for h in headings if h], site),
        published=_unless_year_only(parse_iso_date(doc.date), html),
        author=_clean(doc.author),
        site=site,
        url=_clean(doc.url) or url,
        language=language or guess_language(doc.text),
    )


def article_from_html(html: str | bytes, url: str | None, source_uri: str, *,
                      min_text_chars: int = MIN_TEXT_CHARS) -> Article | Rejected:
    """The page as an `Article`, or `Rejected` with reason "no_main_text", "too_short",
    "too_deep" or "unparseable_html"."""
    try:
        page = extract_page(html, url)
    except UnusablePage as exc:
        return Rejected(source_uri, exc.reason, exc.detail)
    except RecursionError:  # a parser that lets deeper trees through than libxml2 does today
        return Rejected(source_uri, "too_deep", "markup nested too deep to extract")
    except (ValueError, lxml.etree.ParserError) as exc:  # unparseable markup: quarantine it
        return Rejected(source_uri, "unparseable_html", f"{type(exc).__name__}: {exc}")
    if page is None:
        return Rejected(source_uri, "no_main_text", "trafilatura found no main text")
    if len(page.text) < min_text_chars:
        return Rejected(source_uri, "too_short",
                        f"main text is {len(page.text)} characters, need {min_text_chars}")
    size = len(page.text.encode("utf-8", errors="surrogatepass"))
    if size > MAX_ARTICLE_BYTES:
        return Rejected(source_uri, "too_large",
                        f"main text is {size} bytes, more than the limit of {MAX_ARTICLE_BYTES}")
    return Article(text=page.text, source_uri=source_uri, source_format=SOURCE_FORMAT,
                   title=page.title, published=page.published, url=page.url,
                   author=page.author, site=page.site, language=page.language)


def page_json(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """What `factwire page` prints: title, published, author, site, url, language, text."""
    try:
        page = extract_page(html, url)
    except (UnusablePage, RecursionError):
        page = None
    page = page or PageContent(text="", url=url)
    return {
        "title": page.title,
        "published": page.published.isoformat() if page.published else None,
        "author": page.author,
        "site": page.site,
        "url": page.url,
        "language": page.language,
        "text": page.text,
    }


def markup_depth(tree: lxml.html.HtmlElement) -> int:
    """How deep the element tree is nested (iteratively: no recursion on hostile markup)."""
    depth = deepest = 0
    for event, _ in lxml.etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def parse_iso_date(value: str | None) -> date | None:
    """``YYYY-MM-DD`` (optionally followed by a time) as a date; anything else is None."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def _unless_year_only(published: date | None, html: str | bytes) -> date | None:
    """None for 1 January that the page never writes as a full date: htmldate's guess from a
    bare year (often the footer's copyright line), not a publication date."""
    if published is None or (published.month, published.day) != (1, 1):
        return published
    raw = html.decode("latin-1") if isinstance(html, bytes) else html
    year = published.year
    full_forms = (rf"{year}-0?1-0?1\b", rf"{year}/0?1/0?1\b", rf"\b0?1[/.]0?1[/.]{year}",
                  rf"\bJan(?:uary|\.)? 0?1(?:st)?,? {year}", rf"\b0?1(?:st)? Jan(?:uary|\.)? {year}")
    return published if any(re.search(f, raw, re.I) for f in full_forms) else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


_LANG_CODE = re.compile(r"^([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*$")


def markup_language(tree: lxml.html.HtmlElement) -> str | None:
    """The language the page declares (ISO 639 code, lower case), or None."""
    candidates = tree.xpath("/html/@lang | /html/@xml:lang"
                            " | //meta[@property='og:locale']/@content"
                            " | //meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
                            "='content-language']/@content",
                            namespaces={"xml": "http://www.w3.org/XML/1998/namespace"})
    for value in candidates:
        match = _LANG_CODE.match(value.strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


# Title separators before a site name: "Headline | The Daily Paper", "Paper - Headline".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|«|»|·|•)\s+")
_SEPARATOR_CHARS = " |-–—:«»·•"


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def strip_site_name(title: str, site: str | None) -> str:
    """``title`` without a leading or trailing segment that names the site."""
    parts = _TITLE_SEPARATOR.split(title)
    site_words = _words(site or "")
    if len(parts) < 2 or not site_words:
        return title
    last, first = parts[-1], parts[0]
    if _words(last) and (_words(last) <= site_words or site_words <= _words(last)):
        return title[:title.rfind(last)].rstrip(_SEPARATOR_CHARS)
    if _words(first) and (_words(first) <= site_words or site_words <= _words(first)):
        return title[len(first):].lstrip(_SEPARATOR_CHARS)
    return title


def headline(title: str | None, h1s: list[str], site: str | None) -> str | None:
    """The article's headline: the metadata title without the site name, or the visible
    ``<h1>`` that says the same thing (it is what readers, and gold data, call the title)."""
    if not title:
        return None
    base = strip_site_name(title, site)
    for h1 in h1s:
        if not 3 <= len(h1) <= 300:
            continue
        h1_lower, base_lower = h1.lower(), base.lower()
        if base_lower in h1_lower:  # the h1 carries extra chrome ("Local News | ...")
            return base
        if h1_lower in base_lower and len(h1) >= 10:
            return h1
        h1_words, base_words = _words(h1), _words(base)
        if h1_words and base_words and len(h1_words & base_words) / len(h1_words | base_words) >= 0.5:
            return h1
    return base


# A few very frequent function words per language: enough to tell the common news languages apart.
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is that for was with on as by are it said".split()),
    "de": frozenset("der die und das ist nicht mit den von zu sich auf für ein eine".split()),
    "fr": frozenset("le la les et des est une dans pour que qui sur pas au du".split()),
    "es": frozenset("el la los las y que del en por una para con se es al".split()),
    "it": frozenset("il la che di e per una con non sono gli della del le è".split()),
    "nl": frozenset("de het een en van is dat op niet met voor zijn te ook".split()),
    "pt": frozenset("o a os as e que do da em para um uma com não por".split()),
}


ENGLISH = frozenset({"en", "eng", "english"})


def english_or_unknown(language: str | None) -> bool:
    """Whether extraction (English-only) should run: English ("en", "en-GB") or not known."""
    if not language or not language.strip():
        return True
    return re.split(r"[-_]", language.strip().lower())[0] in ENGLISH


def guess_language(text: str, min_hits: int = 5) -> str | None:
    """The language whose stopwords occur most in ``text``, if clearly ahead; else None."""
    words = re.findall(r"[^\W\d_]+", text.lower())[:2000]
    counts = Counter(words)
    scores = {lang: sum(counts[w] for w in stops) for lang, stops in _STOPWORDS.items()}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    (best, best_hits), (_, second_hits) = ranked[0], ranked[1]
    if best_hits < min_hits or best_hits < 1.5 * second_hits:
        return None
    return best
