"""The hostile corpus: inputs made to break a reader, each with the one outcome it must have.

`write_corpus(folder)` makes the files; `WEB_CASES` are URLs of the fixture server. Each
`Outcome` says where an input must end: "loaded" (a row in `articles`), a quarantine reason (a
row in `quarantine`) or a fetch failure reason (a row in `fetch_failures`). tests/test_hostile.py
runs the corpus through `factwire run` and `run_pipeline` and asserts every outcome; the
README's Reliability section is rendered from these lists by `readme_section()`:

    .venv/bin/python -m tests.hostile.corpus     # prints the section to paste into README.md
"""

from __future__ import annotations

import codecs
import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

INJECTION = "'); DROP TABLE articles; --"

ENGLISH = (
    "Acme Corp said on Tuesday that it had agreed to buy WidgetCo, the maker of industrial sensors, "
    "for $2.1 billion in cash. The deal, which both boards have approved, is the largest in the "
    "company's history, and it is expected to close in the third quarter after regulators review it.\n\n"
    "Analysts at Northgate Securities said the purchase would give Acme a foothold in factory "
    "automation, a market that has grown faster than its core business of packaging machines."
)
FRENCH = (
    "Le gouvernement a annoncé mardi un plan de 2 milliards d'euros pour la rénovation des écoles. "
    "Les travaux doivent commencer au printemps et durer quatre ans, selon le ministre, qui a "
    "précisé que les régions les plus pauvres seront les premières servies. Les syndicats ont salué "
    "une mesure attendue depuis longtemps, mais ils demandent des garanties sur le calendrier."
)
GERMAN = (
    "Der Vorstand hat die Übernahme am Dienstag genehmigt, und die Aktie ist daraufhin um zwölf "
    "Prozent gestiegen. Die Firma will mit dem Kauf ihre Position auf dem Markt für Sensoren stärken, "
    "sagte der Chef, der sich von der Fusion Einsparungen von mehr als hundert Millionen Euro verspricht."
)
NUMBERS = (
    "Prices: $1,234.56, €12.5bn, £3m, ¥1,000,000, ₹4.2 lakh, CHF 99.-, 1.299,00 €, US$4.7 billion, "
    "0.5%, -12%, 1e9, 3/4, ½, 10,000,000,000,000,000,000,000 units, $$$, €€€ 12 34 56, 007, "
    "١٢٣ (Arabic digits), 一百 (Chinese), 12 345 678,90 kr, NaN, Infinity, -0, +-3, 1.2.3.4, "
    "$-5, 5-$, 99999999999999999999999999999999999999999999 dollars, 0x1F, 1,2,3,4,5,6,7,8,9.\n"
) * 20


RUN_ON = "Moscow and Tehran signed deals worth $5 million with Beijing and "
MONEY_SENTENCE = "The ministry paid $5 million, €3.2 billion and £700,000 to the contractors last year. "


@dataclass(frozen=True)
class Outcome:
    """Where one input must end. ``where``: "loaded", "quarantined" or "fetch_failed"."""

    input: str  # file name (with "#L2" / "#1" for a line or record), or a URL path
    what: str
    where: str
    reason: str | None = None  # the quarantine or failure reason; None when loaded
    language: str | None = None  # for loaded inputs, the language recorded


@dataclass(frozen=True)
class FileCase:
    name: str
    make: Callable[[Path], None]
    outcomes: tuple[Outcome, ...]


def _text(content: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content.encode(encoding))


def _bytes(content: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(content)


def _repeat_to(path: Path, size: int, unit: str) -> None:
    """A text file of ``size`` bytes written in pieces (never held whole in memory)."""
    piece = (unit * (1024 * 1024 // len(unit) + 1))[: 1024 * 1024].encode("utf-8")
    with path.open("wb") as handle:
        for _ in range(size // len(piece)):
            handle.write(piece)
        handle.write(piece[: size % len(piece)])


def _deep_html(path: Path, levels: int = 100_000) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("<html><head><title>Deep</title></head><body>")
        handle.write("<div>" * levels)
        handle.write("<p>" + ENGLISH + "</p>")
        handle.write("</div>" * levels)
        handle.write("</body></html>")


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _jsonl(*lines: str) -> Callable[[Path], None]:
    return _text("\n".join(lines) + "\n")


def _record(text: str, **fields) -> str:
    return json.dumps({"text": text, **fields}, ensure_ascii=False)


PDF = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
       b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n")
XXE_HTML = ("<!DOCTYPE html [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<html><head><title>XXE</title>"
            "</head><body><article><h1>Entity test</h1><p>&xxe;</p><p>" + ENGLISH + "</p></article></body></html>")

FILE_CASES: tuple[FileCase, ...] = (
    FileCase("empty.txt", _text(""), (Outcome("empty.txt", "empty file", "quarantined", "empty"),)),
    FileCase("whitespace.txt", _text(" \n\t\r\n \u00a0\u2003\n"),
             (Outcome("whitespace.txt", "whitespace only", "quarantined", "empty"),)),
    FileCase("random.txt", lambda p: p.write_bytes(random.Random(7).randbytes(64 * 1024)),
             (Outcome("random.txt", "random binary bytes named .txt", "quarantined", "binary"),)),
    FileCase("report.pdf", _bytes(PDF), (Outcome("report.pdf", "PDF file", "quarantined", "unsupported_format"),)),
    FileCase("scan.txt", _bytes(PDF), (Outcome("scan.txt", "PDF named .txt", "quarantined", "binary"),)),
    FileCase("latin1.txt", _text(ENGLISH.replace("Acme", "Acmé"), "latin-1"),
             (Outcome("latin1.txt", "invalid UTF-8 (Latin-1 bytes)", "quarantined", "invalid_encoding"),)),
    FileCase("utf16.txt", lambda p: p.write_bytes(codecs.BOM_UTF16_LE + ENGLISH.replace("Acme", "Utf Sixteen Acme")
                                                  .encode("utf-16-le")),
             (Outcome("utf16.txt", "UTF-16 with a byte order mark", "loaded", language="en"),)),
    FileCase("utf8-bom.txt", _text("\ufeff" + ENGLISH.replace("Acme", "Bom Acme")),
             (Outcome("utf8-bom.txt", "UTF-8 with a byte order mark", "loaded", language="en"),)),
    FileCase("huge.txt", lambda p: _repeat_to(p, 50 * 1024 * 1024, "All work and no play. "),
             (Outcome("huge.txt", "50 MB text file", "quarantined", "too_large"),)),
    FileCase("one-line.txt", lambda p: _repeat_to(p, 5 * 1024 * 1024, "word "),
             (Outcome("one-line.txt", "a single 5 MB line", "quarantined", "too_large"),)),
    FileCase("long-line.jsonl", lambda p: _long_line_jsonl(p),
             (Outcome("long-line.jsonl#L1", "JSON line before a 5 MB line", "loaded", language="en"),
              Outcome("long-line.jsonl#L2", "a 5 MB JSON line", "quarantined", "too_large"),
              Outcome("long-line.jsonl#L3", "JSON line after a 5 MB line", "loaded", language="en"))),
    FileCase("no-body.html", _text("<html><head><title>Nothing here</title></head></html>"),
             (Outcome("no-body.html", "HTML with no body", "quarantined", "no_main_text"),)),
    FileCase("deep.html", _deep_html,
             (Outcome("deep.html", "HTML nested 100,000 levels deep", "quarantined", "too_deep"),)),
    FileCase("xxe.html", _text(XXE_HTML),
             (Outcome("xxe.html", "HTML declaring an external entity (file:///etc/passwd)", "loaded",
                      language="en"),)),
    FileCase("bad-line.jsonl", _jsonl(_record(ENGLISH.replace("Acme", "Lineone")), '{"text": "unterminated',
                                      _record(ENGLISH.replace("Acme", "Linethree"))),
             (Outcome("bad-line.jsonl#L1", "JSON line before a bad one", "loaded", language="en"),
              Outcome("bad-line.jsonl#L2", "a line that is not JSON", "quarantined", "invalid_json"),
              Outcome("bad-line.jsonl#L3", "JSON line after a bad one", "loaded", language="en"))),
    FileCase("wrong-types.json", _text(json.dumps([
        {"text": ENGLISH.replace("Acme", "Typesok"), "published": "2024-03-12"},
        {"text": 42},
        {"text": ENGLISH, "published": 20240312},
        {"text": ENGLISH, "sources": "Reuters"},
        {"text": ENGLISH, "title": ["a", "list"]},
        "just a string",
    ])), (Outcome("wrong-types.json#0", "JSON record with the right types", "loaded", language="en"),
          Outcome("wrong-types.json#1", "JSON text as a number", "quarantined", "invalid_record"),
          Outcome("wrong-types.json#2", "JSON published as a number", "quarantined", "invalid_record"),
          Outcome("wrong-types.json#3", "JSON sources as a string", "quarantined", "invalid_record"),
          Outcome("wrong-types.json#4", "JSON title as a list", "quarantined", "invalid_record"),
          Outcome("wrong-types.json#5", "JSON record that is a string", "quarantined", "invalid_record"))),
    FileCase("surrogate.json", _text('{"text": "A lone surrogate \\ud800 in an otherwise fine article text."}'),
             (Outcome("surrogate.json", "JSON with a lone surrogate escape", "quarantined", "invalid_encoding"),)),
    FileCase("nested.json", _text("[" * 100_000 + "]" * 100_000),
             (Outcome("nested.json", "JSON nested 100,000 levels deep", "quarantined", "invalid_json"),)),
    FileCase("nul.json", _text(_record(ENGLISH.replace("Acme", "Nulchar") + "\u0000 after a NUL.")),
             (Outcome("nul.json", "JSON text holding a NUL character", "loaded", language="en"),)),
    FileCase("french.txt", _text(FRENCH),
             (Outcome("french.txt", "French article (.txt)", "loaded", language="fr"),)),
    FileCase("german.json", _text(_record(GERMAN, language="de")),
             (Outcome("german.json", "German article (.json, language given)", "loaded", language="de"),)),
    FileCase("numbers.txt", _text(NUMBERS),
             (Outcome("numbers.txt", "text full of numbers and currency symbols", "loaded"),)),
    FileCase("control.txt", _text("\x1b[31mRed alert\x1b[0m \u202eevil\u202c \u200b\ufeff " + ENGLISH.replace("Acme", "Ctrl")),
             (Outcome("control.txt", "ANSI escapes, bidi overrides, zero-width characters", "loaded", language="en"),)),
    FileCase("injection.json", _text(_record(INJECTION + " " + ENGLISH.replace("Acme", "Bobby Tables"),
                                             title=INJECTION, url="https://example.com/?q=" + INJECTION)),
             (Outcome("injection.json", f"title and text holding {INJECTION}", "loaded", language="en"),)),
    FileCase("notes.docx", _bytes(b"PK\x03\x04" + bytes(100)),
             (Outcome("notes.docx", "a .docx file", "quarantined", "unsupported_format"),)),
    FileCase("pipe.txt", _fifo, (Outcome("pipe.txt", "a FIFO named .txt", "quarantined", "unsupported_format"),)),
    FileCase("mixed.jsonl", _jsonl(_record(ENGLISH.replace("Acme", "Mixedgood")), "{not json", "", "{}",
                                   _record(""), _record(ENGLISH.replace("Acme", "Mixedlast"))),
             (Outcome("mixed.jsonl#L1", "JSON line before bad and empty ones", "loaded", language="en"),
              Outcome("mixed.jsonl#L2", "a line that is not JSON, among good ones", "quarantined", "invalid_json"),
              Outcome("mixed.jsonl#L4", "an empty JSON record", "quarantined", "invalid_record"),
              Outcome("mixed.jsonl#L5", "a JSON record with an empty text", "quarantined", "empty"),
              Outcome("mixed.jsonl#L6", "JSON line after bad and empty ones", "loaded", language="en"))),
)

# Texts whose extraction cost used to explode: each is loaded, in time linear in its length, its
# facts bounded in number and in evidence (tests/test_bounded.py measures what is kept). They
# test the extractor, which both entry points share, so only `factwire run` is given them.
HEAVY_CASES: tuple[FileCase, ...] = (
    FileCase("run-on.txt", _text((RUN_ON * (120 * 1024 // len(RUN_ON) + 1))[:120 * 1024]),
             (Outcome("run-on.txt", "a 120 KB run-on sentence full of actors, money and deals", "loaded"),)),
    FileCase("money-storm.txt", _text(MONEY_SENTENCE * (100 * 1024 // len(MONEY_SENTENCE))),
             (Outcome("money-storm.txt", "100 KB repeating one sentence with three money amounts", "loaded"),)),
    FileCase("quote-storm.txt", _text("“" * 20_000),
             (Outcome("quote-storm.txt", "20,000 opening quotation marks", "loaded"),)),
    FileCase("bracket-storm.txt", _text("(" * 15_000 + "Russia" + ")" * 15_000),
             (Outcome("bracket-storm.txt", "a word in 15,000 nested brackets", "loaded"),)),
    FileCase("one-token.txt", _text("x" * 200 * 1024),
             (Outcome("one-token.txt", "one 200 KB token", "loaded"),)),
    FileCase("short-lines.txt", _text("ok\n" * 100_000),
             (Outcome("short-lines.txt", "100,000 short lines", "loaded"),)),
)


def _long_line_jsonl(path: Path) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(_record(ENGLISH.replace("Acme", "Beforelong")) + "\n")
        handle.write('{"text": "' + "x" * (5 * 1024 * 1024) + '"}\n')
        handle.write(_record(ENGLISH.replace("Acme", "Afterlong")) + "\n")


# Fetched from the fixture server (tests/webfixtures.py) through a sources file.
WEB_CASES: tuple[tuple[str, str, Outcome], ...] = (
    ("feed", "/feeds/bomb.xml", Outcome("/feeds/bomb.xml", "feed with a billion-laughs entity expansion",
                                        "fetch_failed", "unsafe_xml")),
    ("page", "/gzip-bomb.html", Outcome("/gzip-bomb.html", "gzip bomb: 10 GiB of zeros, 10 MB on the wire",
                                        "fetch_failed", "too_large")),
    ("page", "/deflate-bomb.html", Outcome("/deflate-bomb.html", "deflate bomb: 10 GiB of zeros",
                                           "fetch_failed", "too_large")),
)


def write_corpus(folder: Path, heavy: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for case in FILE_CASES + (HEAVY_CASES if heavy else ()):
        case.make(folder / case.name)
    return folder


def all_outcomes(heavy: bool = True) -> list[Outcome]:
    return ([o for case in FILE_CASES + (HEAVY_CASES if heavy else ()) for o in case.outcomes]
            + [o for _, _, o in WEB_CASES])


def counts() -> dict[str, int]:
    outcomes = all_outcomes()
    return {"inputs": len(outcomes), "loaded": sum(o.where == "loaded" for o in outcomes),
            "quarantined": sum(o.where == "quarantined" for o in outcomes),
            "fetch_failed": sum(o.where == "fetch_failed" for o in outcomes)}


def readme_section() -> str:
    """The README's Reliability section: what the hostile corpus holds and what became of it."""
    c = counts()
    groups: dict[tuple[str, str | None], list[str]] = {}
    order = {"loaded": 0, "quarantined": 1, "fetch_failed": 2}
    for o in sorted(all_outcomes(), key=lambda o: order[o.where]):
        groups.setdefault((o.where, o.reason), []).append(o.what)
    label = {"loaded": "loaded", "quarantined": "quarantined: `{}`", "fetch_failed": "refused when fetched: `{}`"}
    rows = "\n".join(f"| {label[where].format(reason)} | {len(whats)} | {'; '.join(whats)} |"
                     for (where, reason), whats in groups.items())
    return f"""## Reliability

Bad input never stops a run and is never lost: every input ends as a loaded article, a
`quarantine` row or a `fetch_failures` row, each with its reason, and the run goes on with the
rest. `tests/test_hostile.py` runs a corpus of {c['inputs']} hostile inputs, made at test time by
`tests/hostile/corpus.py`, through both `factwire run` and `run_pipeline` (the six texts that test
the extractor's bounds, from the run-on sentence to the short lines, through `factwire run`
only) and asserts the outcome of each, and that `factwire check` passes after it: **{c['loaded']} loaded, {c['quarantined']} quarantined, {c['fetch_failed']} refused when fetched; 0 crashes,
0 lost**. (This section is generated from that corpus:
`.venv/bin/python -m tests.hostile.corpus`; a test checks it is current.)

| outcome | inputs | what |
|---|---|---|
{rows}

Limits: an article's text is at most 2 MiB (`MAX_ARTICLE_BYTES` in `factwire/sources/files.py`; a
file is measured before it is read, a JSON lines file is read a line at a time), a `.json` file
64 MiB, an HTML file or a fetched body 5 MiB once decoded (a compressed body is decompressed only
up to the limit), HTML nested at most 255 levels deep. Text is UTF-8, or UTF-16/32 with a byte
order mark. Extraction is English-only: an article in another language (declared by the page or
record, else guessed from stopwords) is loaded with its `language` and no facts, and
`articles.extraction_skipped` says why; an article whose language is unknown is extracted.

Bounded work per article: spaCy is handed pieces of at most 3,000 characters (a longer
paragraph is cut after a sentence end, else at a space) holding no run of non-space characters
over 200 (a wall of brackets or quotation marks costs spaCy's tokenizer time quadratic in the
run), in batches of at most 150,000 characters; the rules are linear in the text. On top of
that each article has a time budget, `FACTWIRE_ARTICLE_TIMEOUT` (default 60 s, parsing and
rules together, checked after every batch and inside the rules): an article over it is stopped
and quarantined as `extraction_timeout`, and the run goes on. Bounded storage per fact: the
article's text is stored once (`articles.text`); a fact keeps its offsets and, as evidence, its
sentence or the 1,000 characters of it around the fact. Each fact table keeps at most
`FACTWIRE_MAX_FACTS_PER_ARTICLE` facts per article (default 5,000, the first in the text);
`articles.facts_dropped` counts the rest. An article whose extraction fails
(`extraction_error`), whose rows cannot be built (`row_error`) or written to Parquet
(`write_error`) is quarantined with the error and the others load; a run fails as a whole
only when the warehouse or the lake cannot be written, and recording that failure never
raises a second error.

Faults: a run killed at any stage (fetching, extracting, writing Parquet, loading, after the
commit) leaves the published warehouse as it was, and the next run loads every article once with
all its facts (`tests/test_faults.py` kills `factwire run` with SIGKILL at each stage). A full disk
or an unwritable data folder fails the run with the error and the published warehouse as it was,
and the next run with room completes the work; when DuckDB's own write fails half-way and leaves
the working file unreadable, the next run sets it aside (`warehouse.duckdb.damaged`) and rebuilds
it from the published snapshot, which holds every committed run. Two runs started at once: the second
is refused ("another factwire run is writing"). Untrusted sources: only http(s) is fetched, never
a loopback, private, link-local or metadata address however it is spelled (`2130706433`, `[::1]`,
`localhost`), checked again on every redirect and on the address actually connected to; XML
entities are refused and HTML entities never resolved; article text reaches SQL only as bound
parameters. Property tests (`tests/test_properties.py`, hypothesis) give random strings to the
money, number, price and date parsers and the text reader, and check that formatted amounts and
written dates parse back and that every fact's offsets slice back to its text.
"""


if __name__ == "__main__":
    print(readme_section())
