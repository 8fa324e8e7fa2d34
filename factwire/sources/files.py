"""Reading articles from local files: seed text files, HTML pages, JSON and JSON lines.

Nothing a file holds can crash the reader or fill the memory: sizes are checked before a file
is read, binary data is recognised, and every input that cannot be an article comes back as a
`Rejected` with its reason.
"""

from __future__ import annotations

import codecs
import dataclasses
import json
import re
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from factwire.articles import Article, Rejected

SUPPORTED_SUFFIXES = (".txt", ".html", ".htm", ".json", ".jsonl")

# The largest article accepted, in bytes of UTF-8 text: a .txt file, a JSON lines line, the text
# of a JSON record or of a web page. Larger inputs are quarantined as "too_large", unread.
MAX_ARTICLE_BYTES = 2 * 1024 * 1024
# A .json file may hold a list of many articles (larger collections belong in .jsonl, read a
# line at a time).
MAX_JSON_FILE_BYTES = 64 * 1024 * 1024

# Reasons of Rejected.
TOO_LARGE = "too_large"
BINARY = "binary"
INVALID_ENCODING = "invalid_encoding"

# File signatures of formats that are not text, whatever their suffix says.
_SIGNATURES = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable"),
)
# Byte order marks, longest first (UTF-32 LE begins like UTF-16 LE).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192

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
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                if child.name.startswith(".") or child.name.lower() in {"readme.md", "license", "license.txt"}:
                    continue
                if not child.is_file():  # a FIFO, a device, a broken link: nothing to read
                    rejected.append(Rejected(str(child), "unsupported_format", "not a regular file"))
                elif child.suffix.lower() in SUPPORTED_SUFFIXES:
                    found.append(child)
                else:
                    rejected.append(Rejected(str(child), "unsupported_format",
                                             f"suffix {child.suffix or '(none)'} is not one of {', '.join(SUPPORTED_SUFFIXES)}"))
        elif path.is_file():
            found.append(path)
        elif path.exists():  # a FIFO or a device: reading it could block or never end
            rejected.append(Rejected(str(path), "unsupported_format", "not a regular file or folder"))
        else:
            rejected.append(Rejected(str(path), "not_found", "no such file or folder"))
    return found, rejected


def read_path(path: Path, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Iterator[Article | Rejected]:
    """Every article one file holds (a JSON lines file holds many), or why it holds none.

    The file's size is checked before it is read; an article over ``max_article_bytes`` is
    rejected as "too_large". Text may be UTF-8 or, with a byte order mark, UTF-16 or UTF-32.
    """
    path = Path(path)
    uri = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        yield Rejected(uri, "unsupported_format",
                       f"suffix {suffix or '(none)'} is not one of {', '.join(SUPPORTED_SUFFIXES)}")
        return
    if suffix == ".jsonl":
        yield from (_checked(item, max_article_bytes) for item in _read_jsonl(path, max_article_bytes))
        return
    limit = {".json": MAX_JSON_FILE_BYTES, ".html": _max_page_bytes(), ".htm": _max_page_bytes()}.get(
        suffix, max_article_bytes)
    try:
        data = _read_capped(path, limit)
    except OSError as exc:
        yield Rejected(uri, "unreadable", str(exc))
        return
    if data is None:
        yield Rejected(uri, TOO_LARGE, f"the file is larger than {limit} bytes, the limit for a {suffix} file")
        return
    kind = binary_kind(data)
    if kind:
        yield Rejected(uri, BINARY, f"the file holds {kind}, not text")
        return
    if suffix in (".html", ".htm"):
        from factwire.sources.html import article_from_html

        yield _checked(article_from_html(data, url=None, source_uri=uri), max_article_bytes)
        return
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        yield Rejected(uri, INVALID_ENCODING, f"not UTF-8 (and no UTF-16/32 byte order mark): {exc}")
        return
    if suffix == ".json":
        items = _read_json(text, uri)
    else:
        items = iter([parse_text_article(text, uri)])
    for item in items:
        yield _checked(_with_language(item), max_article_bytes)


def read_text(raw: str, source_uri: str, max_article_bytes: int = MAX_ARTICLE_BYTES) -> Article | Rejected:
    """A plain-text article given as a string (standard input), read as a .txt file is."""
    return _checked(_with_language(parse_text_article(raw, source_uri)), max_article_bytes)


def _max_page_bytes() -> int:
    """An HTML file may be as large as a page the fetcher accepts."""
    from factwire.sources.web import FetchConfig

    return FetchConfig.max_bytes


def _read_capped(path: Path, limit: int) -> bytes | None:
    """The file's bytes, or None when it holds more than ``limit`` (never read past that)."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def binary_kind(data: bytes) -> str | None:
    """What the bytes are when they are not text ("a PDF document"), else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    head = data[:_SNIFF_BYTES]
    if b"\x00" in head and not any(head.startswith(bom) for bom, _ in _BOMS):
        return "binary data (NUL bytes)"
    return None


def decode_text(data: bytes) -> str:
    """Text from bytes: by the byte order mark when there is one, else strict UTF-8."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    return data.decode("utf-8")


def _checked(item: Article | Rejected, max_article_bytes: int) -> Article | Rejected:
    if isinstance(item, Article):
        size = len(item.text.encode("utf-8", errors="surrogatepass"))
        if size > max_article_bytes:
            return Rejected(item.source_uri, TOO_LARGE,
                            f"the article text is {size} bytes, more than the limit of {max_article_bytes}")
    return item


def _with_language(item: Article | Rejected) -> Article | Rejected:
    """A text or JSON article without a declared language gets the guessed one (or None)."""
    if isinstance(item, Article) and not item.language:
        from factwire.sources.html import guess_language

        return dataclasses.replace(item, language=guess_language(item.text))
    return item


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
    for key in ("text", "title", "url", "published", "language", "sources"):
        if _has_lone_surrogate(record.get(key)):  # JSON may escape one ("\ud800"); UTF-8 cannot hold it
            return Rejected(source_uri, INVALID_ENCODING, f"field '{key}' holds a lone surrogate escape")
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


def _has_lone_surrogate(value: object) -> bool:
    if isinstance(value, list):
        return any(_has_lone_surrogate(v) for v in value)
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _read_json(text: str, source_uri: str) -> Iterator[Article | Rejected]:
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, RecursionError) as exc:  # RecursionError: "[[[[..." nested too deep
        yield Rejected(source_uri, "invalid_json", str(exc) or type(exc).__name__)
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        uri = source_uri if len(records) == 1 else f"{source_uri}#{index}"
        yield article_from_record(record, uri, "json")


def _read_jsonl(path: Path, max_line_bytes: int) -> Iterator[Article | Rejected]:
    """One article per line, read a line at a time: a line too long, not UTF-8 or not JSON is
    rejected on its own and the lines after it are still read."""
    uri = str(path)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield Rejected(uri, "unreadable", str(exc))
        return
    with handle:
        head = handle.read(_SNIFF_BYTES)
        kind = binary_kind(head)
        if kind:
            yield Rejected(uri, BINARY, f"the file holds {kind}, not text")
            return
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):  # also UTF-32 LE
            yield from _read_wide_jsonl(handle, head, uri)
            return
        handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
        number = 0
        while True:
            line = handle.readline(max_line_bytes + 2)
            if not line:
                break
            number += 1
            line_uri = f"{uri}#L{number}"
            content = line.rstrip(b"\r\n")
            if len(content) > max_line_bytes:
                while line and not line.endswith(b"\n"):  # skip the rest, a chunk at a time
                    line = handle.readline(1024 * 1024)
                yield Rejected(line_uri, TOO_LARGE, f"the line is longer than {max_line_bytes} bytes")
                continue
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield Rejected(line_uri, INVALID_ENCODING, f"not UTF-8: {exc}")
                continue
            yield from _jsonl_record(text, line_uri)


def _read_wide_jsonl(handle, head: bytes, uri: str) -> Iterator[Article | Rejected]:
    """A JSON lines file in UTF-16 or UTF-32 (it has a byte order mark): read whole, if small enough."""
    rest = handle.read(MAX_JSON_FILE_BYTES + 1 - len(head))
    data = head + rest
    if len(data) > MAX_JSON_FILE_BYTES:
        yield Rejected(uri, TOO_LARGE, f"a UTF-16/32 JSON lines file is limited to {MAX_JSON_FILE_BYTES} bytes")
        return
    try:
        text = decode_text(data)
    except UnicodeDecodeError as exc:
        yield Rejected(uri, INVALID_ENCODING, f"invalid UTF-16/32: {exc}")
        return
    for number, line in enumerate(text.split("\n"), start=1):
        yield from _jsonl_record(line.rstrip("\r"), f"{uri}#L{number}")


def _jsonl_record(line: str, uri: str) -> Iterator[Article | Rejected]:
    if not line.strip():
        return
    try:
        record = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        yield Rejected(uri, "invalid_json", str(exc) or type(exc).__name__)
        return
    yield _with_language(article_from_record(record, uri, "jsonl"))


def _parse_date(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
