"""Score factwire's quotes, speakers and "according to" citations against PolNeAR.

PolNeAR (2016 US election news) annotates attributions in brat standoff files: Source (who),
Cue ("said", "according to") and Content (what) entities, each one or more character spans
(``T12<TAB>Content 315 448;463 553<TAB>text``), grouped into relations
(``E3<TAB>Attribution:T12 Source:T11 Cue:T10 Content:T9``; ``Attribution-no-source`` relations
have no Source). Offsets index the article's ``text/*.txt`` file, which is handed to the
extractor as it is, with its publication date from ``metadata-train-dev.tsv``. An article
annotated by several annotators is scored on one of its files, the first by name.

What is scored:

* direct quotes: a Content entity is a direct quote when it is in quotation marks: its first
  character is a double quotation mark (or one stands right before it, outside the span) and so
  is its last one before closing punctuation (or one right after it). Contents that only hold a
  quotation inside them ("called them “deplorables”") are partial quotes, scored on neither side:
  a predicted quote that overlaps one of them and no direct quote is left out. Overlap
  precision, recall and F1: a gold quote is found when a predicted quote overlaps one of its
  spans; a predicted quote is right when it overlaps a gold quote.
* speakers, on the predicted quotes that overlap a gold direct quote with a Source (each one
  is a quote row the warehouse would store): right when it has a speaker and that speaker
  matches the gold Source: a mention of the speaker actor overlaps the Source, or the speaker's
  name (the text the extractor took it from, or the actor's name) and the Source's words hold
  one another ("Trump" and "Donald Trump", "he" and "he"). A quote with no speaker is wrong.
  Judged on the quotes found, it measures attribution apart from detection; the items are those
  predicted quotes. Reported for named Sources (the Source holds a name: a capitalised word that is
  not a pronoun or determiner and, when it begins a sentence, is written capitalised inside a
  sentence elsewhere in the article) and for all Sources.
* "according to": the Sources of relations whose Cue is "according to ..."; recall of those
  overlapped by one of our citations. The precision beside it is over our citations that follow
  the words "according to": the share that overlap such a Source.

Dev (84 articles) is always scored whole, and so is train (840 articles) by default, beside it;
``train_docs`` (``factwire eval --train-docs N``) scores a seeded sample of train articles
instead, for a quicker look.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import (ScoreRow, SpanCounts, accuracy_row, extract_texts,
                                      recall_row, sample_documents, side_by_side, split_label)

DATASET = "polnear"
QUOTE_KIND = "direct quotes"
NAMED_SPEAKER_KIND = "speaker of direct quotes, named source"
ALL_SPEAKER_KIND = "speaker of direct quotes, all sources"
ACCORDING_KIND = "\"according to\" sources found"
TARGETS = {
    (QUOTE_KIND, "f1-overlap"): 0.92,
    (NAMED_SPEAKER_KIND, "accuracy"): 0.90,
    (ALL_SPEAKER_KIND, "accuracy"): 0.75,
    (ACCORDING_KIND, "recall"): 0.85,
}
# Train articles scored by default (None: the whole split, a few minutes of `make eval`).
DEFAULT_TRAIN_DOCS: int | None = None

Offsets = tuple[int, int]

# Double quotation marks, as news text writes them (a closing mark is sometimes typed to open).
QUOTE_MARKS = "“”\"«»„"
_CLOSING_PUNCTUATION = ".,;:!?…—–- \t\n\u00a0)]"
_ENTITY = re.compile(r"^(T\d+)\t([\w-]+) (\d+ \d+(?:;\d+ \d+)*)\t")
_RELATION = re.compile(r"^(E\d+)\t(.*)$")
_PRONOUNS = {"i", "he", "she", "it", "we", "they", "you", "him", "her", "them", "us", "me", "his",
             "its", "their", "our", "my", "your", "who", "one"}
_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "some", "many", "several",
                "all", "both", "each", "other", "another", "most", "few"}
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w’'.-]*")
# What comes before a word that begins a sentence: the start, a line break, a full stop (not an
# initial's: "Gregory W. Meeks"), a colon, or an opening quotation mark or bracket.
_SENTENCE_START = re.compile(r"(?:^|\n\s*|(?<![A-Z])[.!?][”\"’)]?\s+|:\s+|(?:^|\s)[“\"‘(\[])$")
_ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:\S+\s+){0,4}$", re.IGNORECASE)


@dataclass
class GoldQuote:
    spans: tuple[Offsets, ...]
    sources: list[tuple[Offsets, ...]] = field(default_factory=list)  # one per relation with a Source
    named_source: bool = False


@dataclass
class PolnearDoc:
    doc_id: str
    text: str
    published: dt.date | None
    quotes: list[GoldQuote] = field(default_factory=list)  # direct quotes
    partial_quotes: list[tuple[Offsets, ...]] = field(default_factory=list)  # quotation inside content
    according_to: list[tuple[Offsets, ...]] = field(default_factory=list)  # their Sources
    sources: list[tuple[Offsets, ...]] = field(default_factory=list)  # every Source


def parse_annotations(ann: str) -> tuple[dict[str, tuple[str, tuple[Offsets, ...]]], list[list[tuple[str, str]]]]:
    """Entities (id -> type, spans) and relations (list of (role, entity id)) of a brat file.
    The text column is not read (offsets into the article are the truth; a span across a line
    break continues the text on the next line, which is skipped)."""
    entities: dict[str, tuple[str, tuple[Offsets, ...]]] = {}
    relations: list[list[tuple[str, str]]] = []
    for line in ann.splitlines():
        m = _ENTITY.match(line)
        if m:
            spans = tuple(tuple(int(x) for x in frag.split()) for frag in m.group(3).split(";"))
            entities[m.group(1)] = (m.group(2), tuple(sorted(spans)))
            continue
        m = _RELATION.match(line)
        if m:
            relations.append([tuple(arg.split(":", 1)) for arg in m.group(2).split() if ":" in arg])
    return entities, relations


def is_direct_quote(text: str, spans: tuple[Offsets, ...]) -> bool:
    """Whether a content is in quotation marks (see the module docstring)."""
    start, end = spans[0][0], spans[-1][1]
    inner = text[start:end]
    stripped = inner.strip()
    if not stripped:
        return False
    before = text[max(0, start - 3):start].rstrip()
    opens = stripped[0] in QUOTE_MARKS or (before[-1:] in QUOTE_MARKS and before != "")
    body = stripped.rstrip(_CLOSING_PUNCTUATION)
    after = text[end:end + 4].lstrip(_CLOSING_PUNCTUATION)
    closes = (body[-1:] in QUOTE_MARKS and body != "") or after[:1] in QUOTE_MARKS
    return opens and closes


def has_quotation(text: str, spans: tuple[Offsets, ...]) -> bool:
    return any(ch in QUOTE_MARKS for s, e in spans for ch in text[s:e])


def is_named(text: str, spans: tuple[Offsets, ...]) -> bool:
    """Whether a Source holds a name (see the module docstring)."""
    for s, e in spans:
        for word in _WORD.finditer(text, s, e):
            w = word.group()
            if not w[0].isupper() or w.lower().strip(".") in _PRONOUNS | _DETERMINERS:
                continue
            if not _SENTENCE_START.search(text[max(0, word.start() - 6):word.start()]) \
                    and word.start() != 0:
                return True
            if _capitalised_inside_a_sentence(text, w):
                return True
    return False


def _capitalised_inside_a_sentence(text: str, word: str) -> bool:
    for m in re.finditer(r"(?<![\w’'])" + re.escape(word) + r"(?![\w’'])", text):
        if m.start() and not _SENTENCE_START.search(text[max(0, m.start() - 6):m.start()]):
            return True
    return False


def parse_document(doc_id: str, text: str, ann: str, published: dt.date | None = None) -> PolnearDoc:
    """One article and one annotator's file into gold quotes, speakers and citations."""
    entities, relations = parse_annotations(ann)
    doc = PolnearDoc(doc_id=doc_id, text=text, published=published)
    sources_of: dict[str, list[tuple[Offsets, ...]]] = {}
    for relation in relations:
        roles = dict(relation)
        source = entities.get(roles.get("Source", ""))
        cue = entities.get(roles.get("Cue", ""))
        if source is not None:
            doc.sources.append(source[1])
            for role, entity in relation:
                if role.startswith("Content"):
                    sources_of.setdefault(entity, []).append(source[1])
            cue_text = " ".join(text[s:e] for s, e in cue[1]).lower().split() if cue else []
            if cue_text[:2] == ["according", "to"]:
                doc.according_to.append(source[1])
    seen: set[tuple[Offsets, ...]] = set()
    for entity_id, (etype, spans) in sorted(entities.items(), key=lambda item: item[1][1]):
        if etype != "Content" or spans in seen:
            continue
        seen.add(spans)
        if is_direct_quote(text, spans):
            sources = sources_of.get(entity_id, [])
            doc.quotes.append(GoldQuote(spans, sources, any(is_named(text, s) for s in sources)))
        elif has_quotation(text, spans):
            doc.partial_quotes.append(spans)
    return doc


def _metadata(dataset_dir: Path) -> dict[str, dt.date | None]:
    out: dict[str, dt.date | None] = {}
    path = dataset_dir / "metadata-train-dev.tsv"
    if not path.is_file():
        return out
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            try:
                out[row["filename"]] = dt.date.fromisoformat(row["publication_date"][:10])
            except (KeyError, ValueError):
                out[row["filename"]] = None
    return out


@lru_cache(maxsize=4)
def load_split(dataset_dir: Path, split: str) -> tuple[PolnearDoc, ...]:
    """Every article of a split (``train`` or ``dev``) with one annotator's file, parsed once."""
    folder = Path(dataset_dir) / split
    files = sorted((folder / "attributions").glob("*.ann"))
    if not files:
        raise FileNotFoundError(f"no .ann files under {folder}/attributions")
    dates = _metadata(Path(dataset_dir))
    chosen: dict[str, Path] = {}
    for path in files:  # "<article>_<annotator>.ann": the first annotator by name
        chosen.setdefault(path.stem.rsplit("_", 1)[0], path)
    docs = []
    for article, path in chosen.items():
        text = (folder / "text" / f"{article}.txt").read_text(encoding="utf-8")
        docs.append(parse_document(article, text, path.read_text(encoding="utf-8"), dates.get(article)))
    return tuple(docs)


# ---------------------------------------------------------------------------------------------
# Scoring


def _overlap(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _touches(span: Offsets, spans: Iterable[Offsets]) -> bool:
    return any(_overlap(span, s) for s in spans)


def _words(text: str) -> set[str]:
    return {w.lower().strip(".’'") for w in _WORD.findall(text or "")} - {"the", "a", "an", "of", "s"}


def speaker_matches(quote: dict, source: tuple[Offsets, ...], text: str, prediction: dict) -> bool:
    """Whether a predicted quote's speaker is the gold Source (see the module docstring)."""
    actor = quote.get("speaker_actor_id")
    if actor is not None and any(_touches((m["start"], m["end"]), source)
                                 for m in prediction.get("mentions", []) if m["actor_id"] == actor):
        return True
    gold = _words(" ".join(text[s:e] for s, e in source))
    names = [quote.get("speaker_text")]
    names += [a.get("name") for a in prediction.get("actors", []) if actor is not None and a["id"] == actor]
    for name in names:
        words = _words(name)
        if words and gold and (words <= gold or gold <= words):
            return True
    return False


@dataclass
class _Counts:
    quotes: SpanCounts = field(default_factory=SpanCounts)
    named_right: int = 0
    named_total: int = 0
    all_right: int = 0
    all_total: int = 0
    according_found: int = 0
    according_total: int = 0
    cited_right: int = 0
    cited_total: int = 0


def _score_one(doc: PolnearDoc, pred: dict, c: _Counts) -> None:
    text = doc.text
    gold_spans = [s for q in doc.quotes for s in q.spans]
    partial = [s for spans in doc.partial_quotes for s in spans]
    quotes = [q for q in pred.get("quotes", []) if q.get("start") is not None]
    quotes = [q for q in quotes if not _touches((q["start"], q["end"]), partial)
              or _touches((q["start"], q["end"]), gold_spans)]
    c.quotes.pred_total += len(quotes)
    c.quotes.pred_correct += sum(1 for q in quotes if _touches((q["start"], q["end"]), gold_spans))
    for gold in doc.quotes:
        c.quotes.gold_total += 1
        found = [q for q in quotes if _touches((q["start"], q["end"]), gold.spans)]
        if not found:
            continue
        c.quotes.gold_found += 1
        if not gold.sources:
            continue
        for quote in found:
            right = any(speaker_matches(quote, s, text, pred) for s in gold.sources)
            c.all_total += 1
            c.all_right += right
            if gold.named_source:
                c.named_total += 1
                c.named_right += right
    citations = [x for x in pred.get("citations", []) if x.get("start") is not None]
    for source in doc.according_to:
        c.according_total += 1
        c.according_found += any(_touches((x["start"], x["end"]), source) for x in citations)
    introduced = [x for x in citations if _ACCORDING_TO.search(text[max(0, x["start"] - 60):x["start"]])]
    c.cited_total += len(introduced)
    c.cited_right += sum(1 for x in introduced
                         if any(_touches((x["start"], x["end"]), s) for s in doc.according_to))


def score_documents(docs: Iterable[PolnearDoc], predictions: Iterable[dict],
                    dataset: str = DATASET) -> list[ScoreRow]:
    """Score extractor outputs (one dict per document, same order) against the gold."""
    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    c = _Counts()
    for doc, pred in zip(docs, predictions):
        _score_one(doc, pred, c)
    precision = c.cited_right / c.cited_total if c.cited_total else None
    return [
        c.quotes.row(dataset, QUOTE_KIND, "overlap", TARGETS[(QUOTE_KIND, "f1-overlap")]),
        accuracy_row(dataset, NAMED_SPEAKER_KIND, c.named_right, c.named_total,
                     TARGETS[(NAMED_SPEAKER_KIND, "accuracy")]),
        accuracy_row(dataset, ALL_SPEAKER_KIND, c.all_right, c.all_total,
                     TARGETS[(ALL_SPEAKER_KIND, "accuracy")]),
        recall_row(dataset, ACCORDING_KIND, c.according_found, c.according_total,
                   TARGETS[(ACCORDING_KIND, "recall")], precision),
    ]


def _score_split(dataset_dir: Path, split: str, limit: int | None) -> list[ScoreRow]:
    every = load_split(dataset_dir, split)
    docs = sample_documents(every, limit, f"{DATASET}/{split}")
    facts = list(extract_texts((d.text, d.published) for d in docs))
    return score_documents(docs, facts, split_label(DATASET, split, len(docs), len(every)))


def score(dataset_dir: Path, train_docs: int | None = DEFAULT_TRAIN_DOCS) -> list[ScoreRow]:
    """Dev whole and ``train_docs`` train articles (None: all), side by side."""
    dataset_dir = Path(dataset_dir).resolve()
    return side_by_side(_score_split(dataset_dir, "dev", None),
                        _score_split(dataset_dir, "train", train_docs))
