"""The article record every source produces and every later stage consumes."""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date


def normalise_text(text: str) -> str:
    """Text as compared for identity: NFC, whitespace folded, stripped."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def text_sha256(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass
class Article:
    """One news article, cleaned and ready for extraction.

    ``text`` is the body exactly as extraction sees it: every fact offset points into it.
    """

    text: str
    source_uri: str
    source_format: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    author: str | None = None
    site: str | None = None
    language: str | None = None
    cited_sources: list[str] = field(default_factory=list)

    @functools.cached_property
    def text_hash(self) -> str:
        return text_sha256(self.text)

    @functools.cached_property
    def simhash(self) -> int:
        """64-bit SimHash of the text, for near-duplicate detection."""
        from factwire.sources.feeds import simhash

        return simhash(self.text)

    @property
    def article_id(self) -> str:
        """Stable key: the same text is the same article, wherever it was found."""
        return self.text_hash[:16]


@dataclass
class Rejected:
    """An input that could not become an article, and why (it lands in quarantine)."""

    source_uri: str
    reason: str
    detail: str = ""
    article_id: str | None = None  # set when the input was an article that failed later on
