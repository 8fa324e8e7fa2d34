"""Load ``sources.yaml``: the feeds and pages to ingest, and how to fetch them.

Format (every key but ``url`` is optional; unknown keys are errors, so typos do not pass)::

    feeds:                        # RSS 2.0, RSS 1.0 or Atom
      - url: https://example.com/rss.xml
        name: Example News        # a label for logs and the failures table
        language: en              # ISO 639-1, used when a page does not declare one
        schedule: "0 * * * *"     # cron string, read by the flow that schedules fetching
    pages:                        # single article pages, fetched as they are
      - url: https://example.com/2024/05/01/story.html
        name: One story
        language: en
    settings:                     # overrides of factwire.sources.web.FetchConfig
      allow_hosts: [127.0.0.1]    # hosts allowed to resolve to private/loopback addresses
      max_bytes: 5000000          # largest body read, in bytes
      timeout: 20                 # read timeout, seconds
      connect_timeout: 10         # seconds
      retries: 3                  # extra attempts on timeouts, 429 and 5xx
      max_redirects: 5
      politeness_delay: 1.0       # seconds between two requests to one host
      per_host_concurrency: 2
      user_agent: "factwire/0.1.0 (+https://github.com/factwire/factwire)"

Errors are raised as `SourcesFileError` naming the file and the entry, e.g.
``sources.yaml: feeds[2].url: 'ftp://x' is not an http(s) URL``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from factwire.sources.web import FetchConfig


class SourcesFileError(ValueError):
    """A sources file that cannot be used, with where and why."""


@dataclass(frozen=True)
class FeedSource:
    url: str
    name: str | None = None
    language: str | None = None
    schedule: str | None = None


@dataclass(frozen=True)
class PageSource:
    url: str
    name: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Sources:
    feeds: tuple[FeedSource, ...] = ()
    pages: tuple[PageSource, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)  # validated FetchConfig overrides

    def fetch_config(self, base: FetchConfig = FetchConfig()) -> FetchConfig:
        """``base`` with this file's settings applied."""
        return replace(base, **self.settings)


# Sources-file setting name -> (FetchConfig field, type check, converter).
_SETTINGS: dict[str, tuple[str, type | tuple[type, ...], Any]] = {
    "allow_hosts": ("allow_hosts", list, lambda v: frozenset(str(h).lower() for h in v)),
    "max_bytes": ("max_bytes", int, int),
    "timeout": ("read_timeout", (int, float), float),
    "connect_timeout": ("connect_timeout", (int, float), float),
    "retries": ("retries", int, int),
    "max_redirects": ("max_redirects", int, int),
    "politeness_delay": ("politeness_delay", (int, float), float),
    "per_host_concurrency": ("per_host_concurrency", int, int),
    "user_agent": ("user_agent", str, str),
}
_FEED_KEYS = ("url", "name", "language", "schedule")
_PAGE_KEYS = ("url", "name", "language")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")


def load_sources(path: Path | str) -> Sources:
    """Read and validate a sources file; raises `SourcesFileError`."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourcesFileError(f"{path}: cannot read: {exc}") from None
    except yaml.YAMLError as exc:
        raise SourcesFileError(f"{path}: not valid YAML: {exc}") from None
    return parse_sources(data, origin=str(path))


def parse_sources(data: Any, origin: str = "sources.yaml") -> Sources:
    """Validate already-loaded YAML data (a mapping); raises `SourcesFileError`."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SourcesFileError(f"{origin}: expected a mapping with feeds, pages, settings")
    _no_unknown_keys(data, ("feeds", "pages", "settings"), origin, "top level")
    feeds = tuple(FeedSource(**_entry(item, f"feeds[{i}]", _FEED_KEYS, origin))
                  for i, item in enumerate(_list(data.get("feeds"), "feeds", origin)))
    pages = tuple(PageSource(**_entry(item, f"pages[{i}]", _PAGE_KEYS, origin))
                  for i, item in enumerate(_list(data.get("pages"), "pages", origin)))
    seen: dict[str, str] = {}
    for kind, items in (("feeds", feeds), ("pages", pages)):
        for i, item in enumerate(items):
            where = f"{kind}[{i}]"
            if item.url in seen:
                raise SourcesFileError(f"{origin}: {where}.url: {item.url} is listed twice "
                                       f"(also {seen[item.url]})")
            seen[item.url] = where
    return Sources(feeds, pages, _settings(data.get("settings"), origin))


def _list(value: Any, where: str, origin: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise SourcesFileError(f"{origin}: {where}: expected a list")
    return value


def _no_unknown_keys(item: dict[str, Any], allowed: tuple[str, ...], origin: str, where: str) -> None:
    unknown = sorted(set(item) - set(allowed), key=str)
    if unknown:
        raise SourcesFileError(f"{origin}: {where}: unknown key {unknown[0]!r} "
                               f"(expected one of {', '.join(allowed)})")


def _entry(item: Any, where: str, keys: tuple[str, ...], origin: str) -> dict[str, Any]:
    if isinstance(item, str):
        item = {"url": item}  # a bare URL is allowed as shorthand
    if not isinstance(item, dict):
        raise SourcesFileError(f"{origin}: {where}: expected a mapping with a url")
    _no_unknown_keys(item, keys, origin, where)
    if "url" not in item:
        raise SourcesFileError(f"{origin}: {where}: missing url")
    for key, value in item.items():
        if value is not None and not isinstance(value, str):
            raise SourcesFileError(f"{origin}: {where}.{key}: expected a string, got {value!r}")
    url = item["url"].strip() if item["url"] else ""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SourcesFileError(f"{origin}: {where}.url: {url!r} is not an http(s) URL")
    language = item.get("language")
    if language is not None and not _LANGUAGE.match(language):
        raise SourcesFileError(f"{origin}: {where}.language: {language!r} is not an ISO 639 "
                               "code like 'en'")
    return {**item, "url": url}


def _settings(value: Any, origin: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise SourcesFileError(f"{origin}: settings: expected a mapping")
    _no_unknown_keys(value, tuple(_SETTINGS), origin, "settings")
    overrides = {}
    for key, raw in value.items():
        field_name, expected, convert = _SETTINGS[key]
        if isinstance(raw, bool) or not isinstance(raw, expected):
            raise SourcesFileError(f"{origin}: settings.{key}: unexpected value {raw!r}")
        if isinstance(raw, (int, float)) and raw < 0:
            raise SourcesFileError(f"{origin}: settings.{key}: must not be negative")
        overrides[field_name] = convert(raw)
    return overrides
