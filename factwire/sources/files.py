"""Reading articles from local files: seed text files, HTML pages, JSON and JSON lines."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from factwire.articles import Article, Rejected

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")

# Page furniture that news sites interleave with the article body.
FURNITURE_LINES = {
    "others are reading now",
    "also read",
    "read more",
    "read also",
    "advertisement",
    "related articles",
    "related",
    "share this article",
}

_SEED_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
_SOURCES_LINE = re.compile(r"^\s*Sources?\s*:\s*(.+?)\s*$")


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[Rejected]]:
    """Expand folders into the article files they hold, sorted; anything unusable is rejected."""
    found: list[Path] = []
    rejected: list[Rejected] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or child.name.lower() in {"readme.md", "license", "license.txt"}:
                    continue
                if child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(child)
                else:
                    rejected.append(Rejected(str(child), "unsupported_format",
                                             f"suffix {child.suffix or '(none)'} is not one of {', '.join(SUPPORTED_SUFFIXES)}"))
        elif path.is_file():
            found.append(path)
        else:
            rejected.append(Rejected(str(path), "not_found", "no such file or folder"))
    return found, rejected


def read_path(path: Path) -> Iterator[Article | Rejected]:
    """Every article one file holds (a JSON lines file holds many), or why it holds none."""
    suffix = path.suffix.lower()
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Rejected(str(path), "unreadable", str(exc))
        return
    if suffix in (".html", ".htm"):
        from factwire.sources.html import article_from_html

        yield article_from_html(data, url=None, source_uri=str(path))
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield Rejected(str(path), "invalid_encoding", f"not UTF-8: {exc}")
        return
    if suffix == ".jsonl":
        yield from _read_jsonl(text, str(path))
    elif suffix == ".json":
        yield from _read_json(text, str(path))
    elif suffix == ".txt":
        yield parse_text_article(text, str(path))
    else:
        yield Rejected(str(path), "unsupported_format", f"suffix {suffix or '(none)'}")


def parse_text_article(raw: str, source_uri: str) -> Article | Rejected:
    """A plain-text article; the seed layout (` date YYYY-MM-DD Title` first line,
    furniture lines, a closing `Sources:` line) is recognised when present."""
    if not raw.strip():
        return Rejected(source_uri, "empty", "the file holds no text")
    if "\x00" in raw:
        return Rejected(source_uri, "binary", "the file holds NUL bytes: not a text article")
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    title = None
    published = None
    header = _SEED_HEADER.match(lines[0])
    if header:
        published = _parse_date(header.group(1))
        title = header.group(2).strip() or None
        lines = lines[1:]
    cited: list[str] = []
    # The closing "Sources:" line lists what the article drew on; it is not body text.
    for index in range(len(lines) - 1, -1, -1):
        if not lines[index].strip():
            continue
        match = _SOURCES_LINE.match(lines[index])
        if match:
            cited = [s.strip() for s in match.group(1).split(",") if s.strip()]
            lines = lines[:index]
        break
    body_lines = [line.rstrip() for line in lines if line.strip().lower() not in FURNITURE_LINES]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(body_lines)).strip()
    if not text:
        return Rejected(source_uri, "empty", "no body text after removing page furniture")
    return Article(text=text, source_uri=source_uri, source_format="txt", title=title,
                   published=published, cited_sources=cited)


def article_from_record(record: object, source_uri: str, source_format: str) -> Article | Rejected:
    """A JSON object with at least ``text``; ``title``, ``url``, ``published`` optional."""
    if not isinstance(record, dict):
        return Rejected(source_uri, "invalid_record", f"expected a JSON object, got {type(record).__name__}")
    text = record.get("text")
    if not isinstance(text, str):
        return Rejected(source_uri, "invalid_record", "field 'text' is missing or not a string")
    if not text.strip():
        return Rejected(source_uri, "empty", "field 'text' is empty")
    for key in ("title", "url", "published", "language"):
        if record.get(key) is not None and not isinstance(record[key], str):
            return Rejected(source_uri, "invalid_record", f"field '{key}' must be a string")
    published = None
    if record.get("published"):
        published = _parse_date(record["published"][:10])
        if published is None:
            return Rejected(source_uri, "invalid_record", f"field 'published' is not a date: {record['published']!r}")
    sources = record.get("sources") or []
    if not isinstance(sources, list) or not all(isinstance(s, str) for s in sources):
        return Rejected(source_uri, "invalid_record", "field 'sources' must be a list of strings")
    return Article(text=text.strip(), source_uri=source_uri, source_format=source_format,
                   title=record.get("title"), published=published, url=record.get("url"),
                   language=record.get("language"), cited_sources=list(sources))


def _read_json(text: str, source_uri: str) -> Iterator[Article | Rejected]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Rejected(source_uri, "invalid_json", str(exc))
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        uri = source_uri if len(records) == 1 else f"{source_uri}#{index}"
        yield article_from_record(record, uri, "json")


def _read_jsonl(text: str, source_uri: str) -> Iterator[Article | Rejected]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        uri = f"{source_uri}#L{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejected(uri, "invalid_json", str(exc))
            continue
        yield article_from_record(record, uri, "jsonl")


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
