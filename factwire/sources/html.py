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
    subheadings = [_clean(h.text_content()) for h in tree.xpath("//h2")]
    page_title = next(filter(None, (_clean(t) for t in tree.xpath("//head/title//text()"))), None)
    language = markup_language(tree)
    doc = trafilatura.bare_extraction(tree, url=url, with_metadata=True,
                                      **{**EXTRACTION_OPTIONS, **options})
    if doc is None or not (doc.text or "").strip():
        return None
    site = _clean(doc.sitename) or _clean(doc.hostname)
    return PageContent(
        text=doc.text.strip(),
        title=headline(_clean(doc.title), [h for h in headings if h], site, page_title=page_title,
                       h2s=[h for h in subheadings if h], host=_clean(doc.hostname)),
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
# What separates a section label or a site name from a headline inside one heading or title.
_SEGMENT_BREAK = re.compile(r"\s*[|\-–—:«»·•]")


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def _names_site(segment: str, site: str | None) -> bool:
    """Whether a title segment is the site's name: the same words as ``site`` (one holding the
    other), or, for a host name ("fouryears.eu"), a short segment (four words at most: a
    name, not a product's description) whose letters run on from its label."""
    words, site_words = _words(segment), _words(site or "")
    if not words or not site_words:
        return False
    if words <= site_words or site_words <= words:
        return True
    label = _letters(re.sub(r"^www\.", "", (site or "").lower()).split(".")[0]) if "." in (site or "") \
        and " " not in (site or "").strip() else ""
    return len(label) >= 4 and len(words) <= 4 and _letters(segment).startswith(label)


def strip_site_name(title: str, site: str | None) -> str:
    """``title`` without a leading or trailing segment that names the site."""
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2 or not _words(site or ""):
        return title
    last, first = parts[-1], parts[0]
    if _names_site(last, site):
        return title[:title.rfind(last)].rstrip(_SEPARATOR_CHARS)
    if _names_site(first, site):
        return title[len(first):].lstrip(_SEPARATOR_CHARS)
    return title


def _same_headline(heading: str, base: str) -> str | None:
    """The headline when a visible heading and a metadata title say the same thing, else None.

    A heading holding the title whole and more is either the title with a label beside it
    ("Local News | Storm hits coast": the title) or the headline the title cut short ("How to
    Care for Hydrangeas" under "How to Care for Hydrangeas to Get the Most ...": the heading,
    when it runs on in lower case, as a sentence does). A heading inside the title is the
    headline less the title's chrome ("Storm hits coast" in "Storm hits coast - Weather").
    """
    h, b = heading.lower(), base.lower()
    if b in h:
        rest = heading[h.index(b) + len(b):]
        if h.startswith(b) and re.match(r"\s+[a-z]", rest) and not _SEGMENT_BREAK.match(rest):
            return heading
        return base
    if h in b and len(heading) >= 10:
        return heading
    h_words, b_words = _words(heading), _words(base)
    if h_words and b_words and len(h_words & b_words) / len(h_words | b_words) >= 0.5:
        return heading
    return None


def _is_banner(heading: str, base: str, page_title: str | None) -> bool:
    """Whether a heading is the site's own name as the ``<title>`` gives it: the ``<title>``
    reads "<name>: <metadata title>" (or the other way round) and the heading is that name."""
    if not page_title or base.lower() not in page_title.lower() or page_title.lower() == base.lower():
        return False
    at = page_title.lower().index(base.lower())
    rest = (page_title[:at] + " " + page_title[at + len(base):]).strip(" " + _SEPARATOR_CHARS)
    return (bool(rest) and not _TITLE_SEPARATOR.search(rest) and len(rest) < len(base)
            and rest.lower() == heading.lower())


def _reads_as_headline(heading: str, site: str | None, title_segments: list[str]) -> bool:
    """A lone ``<h1>`` that is a headline, not the site's banner ("POLITICO") or a menu label:
    four words or more, and neither the site's name nor a title segment naming it."""
    if len(re.findall(r"\w+", heading)) < 4 or not 3 <= len(heading) <= 300:
        return False
    return not _names_site(heading, site)


def headline(title: str | None, h1s: list[str], site: str | None, *, page_title: str | None = None,
             h2s: list[str] = (), host: str | None = None) -> str | None:
    """The article's headline, as the page shows it to readers (and as gold data calls it).

    ``title`` is the metadata title (``og:title`` first), ``page_title`` the ``<title>``
    element, ``h1s`` and ``h2s`` the page's visible headings. In order:

    1. an ``<h1>`` that says what the metadata title or the ``<title>`` says (less the site's
       name), in the words of whichever is fuller (see `_same_headline`);
    2. the one ``<h1>`` of a page, when it reads as a headline and no title agrees with it:
       social titles are often rewritten for sharing ("Carrie Lam should study ...") while the
       heading is the story's own;
    3. the segment of the ``<title>`` that the page also shows as a heading ("Blog name »
       Blog Archive » Post title" with the post title as an ``<h2>``);
    4. when the title's template lost its headline ("National Rail Enquiries -": a separator
       with nothing after it) and no ``<h1>`` has one, the first ``<h2>`` that reads as one;
    5. the metadata title less the site's name, in the letter case a visible heading confirms.
    """
    if not title:
        return None
    base = strip_site_name(title, site)
    segments = _TITLE_SEPARATOR.split(page_title) if page_title else []
    stripped = strip_site_name(page_title, site) if page_title else base
    if len(segments) >= 2 and base in segments and _names_site(base, site) and stripped != base:
        base = stripped  # the metadata title is the banner: "Four Years Remaining » ... » Post"
    bases = [base] + ([stripped] if stripped.lower() != base.lower() else [])
    heads = [h for h in h1s if 3 <= len(h) <= 300 and not _is_banner(h, base, page_title)]
    for candidate in bases:
        for h1 in heads:
            found = _same_headline(h1, candidate)
            if found:
                return found
    if len(heads) == 1 and _reads_as_headline(heads[0], site, segments):
        return heads[0]
    shown = {h.lower(): h for h in [*heads, *h2s] if h}
    if len(segments) >= 3:
        inner = [s for s in segments if not _names_site(s, site) and s.lower() in shown
                 and _reads_as_headline(s, site, segments) and s.lower() not in {h.lower() for h in heads}]
        if len(inner) == 1:
            return inner[0]
    if not heads and re.search(r"(?:^|\s)[|\-–—:«»·•]$|^[|\-–—:«»·•](?:\s|$)", base.strip()):
        for heading in h2s:
            if _reads_as_headline(heading, site, segments) and not _names_site(heading, host):
                return heading
    return shown.get(base.lower(), base)  # the same words in the letter case the page shows


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
