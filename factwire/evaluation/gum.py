"""Score factwire's named actor mentions and date values against GUM documents (CoNLL-U):
``gum-news`` (Wikinews) and ``gum-other`` (the genres outside news, scored the same way: a check
that the actor rules are not tuned to news alone).

The text handed to the extractor is rebuilt from the word forms: a space after each token
unless its MISC says ``SpaceAfter=No`` (for a multi-word token such as "Mecca's" the flag and
the surface form are on its range line; its words get offsets inside that form when their
forms spell it, else the whole form), sentences of one paragraph joined by a space, paragraphs
(``# newpar``) by a newline. The first paragraph is the title. The article date is
``# meta::dateCreated``.

Gold mentions come from ``Entity=`` in MISC, bracket notation of the CorefUD export:
``(id-etype-infstat-salience-centering-minspan-link[-identity]`` opens a mention on a word,
``id)`` closes it, and ``(...)`` is a one-word mention. Only *named* mentions of type person,
organization and place are scored. A mention is named when

* its syntactic head (the word of the span whose dependency head lies outside the span) is a
  proper noun (UPOS PROPN): the gold span is the mention less a final possessive "'s"; or
* it ends with proper nouns that belong to no nested mention, the name in apposition after a
  title ("Facebook co-founder *Mark Zuckerberg*", "debutants *Panama*"): the gold span is
  that run of proper nouns (hyphens inside it allowed).

The Wikidata/Wikipedia ``identity`` is not used for this: GUM repeats it on every mention of
a linked entity, pronouns and "the team" included. Our actor types map person -> person,
organization/group -> organization, country/place -> place. Predicted mentions that are not
names (see :func:`factwire.evaluation.meantime.looks_named`) are ignored, and so are predicted
mentions that touch only gold named mentions of other types (events, works, objects).

Date values come from GUM's TEI markup kept in MISC (``XML=<date when:::"2015-09-11">`` on the
first word of a date, ``</date>`` on its last; both on one word for a one-word date). A date
with a ``when`` value that is a calendar year, month or day (``2015``, ``2015-09``,
``2015-09-11``) is scored: right when a predicted date overlapping it has that value, our value
cut to its precision as for MEANTIME (:func:`factwire.evaluation.meantime.normalise_date_value`);
a part of a day ("this morning", TIMEX3's ``2015-09-11TMO``) counts as its day, which is all a
``when`` of a day says.
The article date is the document's ``dateCreated``, which GUM's relative dates ("yesterday")
are resolved against. Ranges (``from``/``to``), bounds (``notBefore``/``notAfter``) and
yearless or BCE values (``--09``, ``-0500``) are not scored.

Halves: the prose NER learns from half of each GUM folder (`factwire.training.ner`), so each
folder is cut once, by document: its documents ranked by the sha256 of their id (``# newdoc id``,
else the file name), the first half (rounded down) is the *fit* half, the rest *held out*. Beside
the whole-set rows (the targets are on them), the names are scored on each half
(``gum-news/held-out``, ``gum-news/fit``): what was learned generalises when the held-out half
moves with the fitted one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable

from factwire.evaluation.core import NOT_NAMES, ScoreRow, Span, SpanCounts, accuracy_row, extract_texts
from factwire.evaluation.meantime import looks_named, predicted_dates

DATASET = "gum-news"
SCORED_TYPES = ("person", "organization", "place")
ACTOR_TYPE_TO_GUM = {
    "person": "person",
    "organization": "organization",
    "group": "organization",
    "country": "place",
    "place": "place",
}
NAMES_KIND = "named person/organization/place mentions"
DATES_KIND = "date values"
# Targets per dataset folder.
TARGETS = {
    "gum-news": {(NAMES_KIND, "f1-overlap"): 0.92, (NAMES_KIND, "f1-strict"): 0.78,
                 (DATES_KIND, "accuracy"): 0.85},
    "gum-other": {(NAMES_KIND, "f1-overlap"): 0.82, (DATES_KIND, "accuracy"): 0.85},
}
# A calendar year, month or day: the `when` values scored.
_CALENDAR_VALUE = re.compile(r"\d{4}(?:-\d\d(?:-\d\d)?)?")
_XML_PART = re.compile(r"<(/?)(\w+)([^>]*)>")
_WHEN = re.compile(r'\bwhen:::"([^"]*)"')

_ENTITY_PART = re.compile(r"\(([^()]+)(\))?|(\d+)\)")


@dataclass
class GumMention:
    start: int
    end: int
    etype: str
    named: bool
    identity: str | None  # Wikipedia title of the entity, when linked


@dataclass
class GumDoc:
    doc_id: str
    text: str
    published: dt.date | None
    title: str = ""
    mentions: list[GumMention] = field(default_factory=list)  # every entity mention
    dates: list[Span] = field(default_factory=list)  # (start, end, `when` value) scored dates

    @property
    def names(self) -> list[Span]:
        """The scored gold: named person / organization / place mentions."""
        return [(m.start, m.end, m.etype) for m in self.mentions
                if m.named and m.etype in SCORED_TYPES]

    @property
    def other_names(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.mentions
                if m.named and m.etype not in SCORED_TYPES]


@dataclass
class _Word:
    index: int  # position in the document
    form: str
    head: int | None  # document position of its syntactic head, None for the root
    upos: str
    xpos: str
    entity: str  # the Entity= value, "" if none
    xml: str = ""  # the XML= value (TEI markup opened or closed at this word), "" if none
    start: int = 0
    end: int = 0


def _misc(misc: str) -> dict[str, str]:
    return dict(item.split("=", 1) for item in misc.split("|") if "=" in item)


def parse_conllu(text: str) -> GumDoc:
    """Parse one GUM CoNLL-U document into the text we extract from and its gold mentions."""
    meta: dict[str, str] = {}
    paragraphs: list[list[list[str]]] = []  # paragraph -> sentence -> raw lines
    sentence: list[str] = []
    new_par = False
    for line in text.splitlines() + [""]:
        if line.startswith("# "):
            key, _, value = line[2:].partition(" = ")
            if key.startswith("meta::") or key == "newdoc id":
                meta[key.removeprefix("meta::")] = value.strip()
            if key.startswith("newpar"):
                new_par = True
        elif line.strip():
            sentence.append(line)
        elif sentence:
            if new_par or not paragraphs:
                paragraphs.append([])
                new_par = False
            paragraphs[-1].append(sentence)
            sentence = []

    words: list[_Word] = []
    out: list[str] = []
    pos = 0
    for p_i, paragraph in enumerate(paragraphs):
        for s_i, lines in enumerate(paragraph):
            if out:
                sep = " " if s_i else "\n"
                out.append(sep)
                pos += len(sep)
            base = len(words)  # document index of this sentence's word 1 is base
            rows = [line.split("\t") for line in lines]
            mwt_end = 0
            sentence_words = []
            pending_space = ""
            for i, cols in enumerate(rows):
                ident = cols[0]
                if "." in ident:  # empty node: no surface form
                    continue
                if "-" in ident:
                    first, last = (int(x) for x in ident.split("-"))
                    parts = [r for r in rows if r[0].isdigit() and first <= int(r[0]) <= last]
                    form = cols[1]
                    out.append(pending_space)
                    pos += len(pending_space)
                    start = pos
                    forms = [r[1] for r in parts]
                    sub = start
                    for r in parts:
                        w = _word(r, base)
                        if "".join(forms) == form:
                            w.start, w.end = sub, sub + len(r[1])
                            sub += len(r[1])
                        else:
                            w.start, w.end = start, start + len(form)
                        sentence_words.append(w)
                    out.append(form)
                    pos += len(form)
                    pending_space = "" if _misc(cols[9]).get("SpaceAfter") == "No" else " "
                    mwt_end = last
                    continue
                if int(ident) <= mwt_end:
                    continue
                w = _word(cols, base)
                out.append(pending_space)
                pos += len(pending_space)
                w.start, w.end = pos, pos + len(cols[1])
                out.append(cols[1])
                pos += len(cols[1])
                pending_space = "" if _misc(cols[9]).get("SpaceAfter") == "No" else " "
                sentence_words.append(w)
            words.extend(sentence_words)
        if p_i == 0:
            title_end = pos
    doc_text = "".join(out)

    published = None
    if meta.get("dateCreated"):
        published = dt.date.fromisoformat(meta["dateCreated"][:10])
    doc = GumDoc(doc_id=meta.get("newdoc id", ""), text=doc_text, published=published,
                 title=doc_text[:title_end] if paragraphs else "")
    doc.mentions = _mentions(words)
    doc.dates = _dates(words)
    return doc


def _word(cols: list[str], base: int) -> _Word:
    head = int(cols[6]) if cols[6].isdigit() else 0
    return _Word(index=base + int(cols[0]) - 1, form=cols[1],
                 head=None if head == 0 else base + head - 1, upos=cols[3], xpos=cols[4],
                 entity=_misc(cols[9]).get("Entity", ""), xml=_misc(cols[9]).get("XML", ""))


def _dates(words: list[_Word]) -> list[Span]:
    """Scored gold dates: ``<date when=...>`` elements with a calendar value (see above)."""
    open_: list[tuple[int, str]] = []  # (first word's start, when value or "") of open <date>s
    out: list[Span] = []
    for w in words:
        for closing, tag, attributes in _XML_PART.findall(w.xml):
            if tag != "date":
                continue
            if not closing:
                when = _WHEN.search(attributes)
                open_.append((w.start, when.group(1) if when else ""))
            elif open_:
                start, value = open_.pop()
                if _CALENDAR_VALUE.fullmatch(value):
                    out.append((start, w.end, value))
    return out


def _mentions(words: list[_Word]) -> list[GumMention]:
    open_: list[tuple[str, int, list[str]]] = []  # (entity id, first word, fields)
    spans: list[tuple[int, int, list[str]]] = []
    for w in words:
        for m in _ENTITY_PART.finditer(w.entity):
            if m.group(1) is not None:
                fields = m.group(1).split("-")
                if m.group(2):
                    spans.append((w.index, w.index, fields))
                else:
                    open_.append((fields[0], w.index, fields))
            else:
                for k in range(len(open_) - 1, -1, -1):
                    if open_[k][0] == m.group(3):
                        _, first, fields = open_.pop(k)
                        spans.append((first, w.index, fields))
                        break
                else:
                    raise ValueError(f"Entity closes {m.group(3)!r} that was never opened")
    if open_:
        raise ValueError(f"Entity mentions never closed: {[o[0] for o in open_]}")

    out = []
    for first, last, fields in sorted(spans, key=lambda s: (s[0], -s[1])):
        identity = fields[7].replace("%2D", "-").replace("%2C", ",") if len(fields) > 7 else None
        name = _name_span(words, first, last, spans)
        start, end = (words[name[0]].start, words[name[1]].end) if name else \
            (words[first].start, words[last].end)
        out.append(GumMention(start=start, end=end, etype=fields[1], named=name is not None,
                              identity=identity))
    return out


def _name_span(words: list[_Word], first: int, last: int, spans) -> tuple[int, int] | None:
    """First and last word of the name in a mention, None when the mention is not named."""
    inside = range(first, last + 1)
    heads = [i for i in inside if words[i].head is None or words[i].head not in inside]
    if words[heads[0] if heads else first].upos == "PROPN":
        if last > first and words[last].xpos == "POS":  # "Mecca's" -> "Mecca"
            last -= 1
        return first, last
    nested = {i for a, b, _ in spans if first <= a and b <= last and (a, b) != (first, last)
              for i in range(a, b + 1)}
    start = last + 1
    while start > first and start - 1 not in nested and (
            words[start - 1].upos == "PROPN"
            or (words[start - 1].form == "-" and start - 1 > first
                and words[start - 2].upos == "PROPN")):
        start -= 1
    if start > last or words[start].upos != "PROPN":
        return None
    return start, last


@lru_cache(maxsize=4)
def load_corpus(dataset_dir: Path) -> tuple[GumDoc, ...]:
    """All ``*.conllu`` documents of the folder, parsed once per process (a document without
    ``# newdoc id`` takes its file name as id)."""
    files = sorted(Path(dataset_dir).glob("*.conllu"))
    if not files:
        raise FileNotFoundError(f"no .conllu files in {dataset_dir}")
    docs = []
    for f in files:
        doc = parse_conllu(f.read_text(encoding="utf-8"))
        doc.doc_id = doc.doc_id or f.stem
        docs.append(doc)
    return tuple(docs)


FIT, HELD_OUT = "fit", "held-out"


def _rank_key(doc_id: str) -> str:
    return hashlib.sha256(doc_id.encode("utf-8")).hexdigest()


def fit_ids(doc_ids: Iterable[str]) -> frozenset[str]:
    """The fit half of a set of document ids: the first half (rounded down) by sha256 of the id.
    Fixed by the ids alone, whatever their order; the rest is held out."""
    ranked = sorted(set(doc_ids), key=lambda i: (_rank_key(i), i))
    return frozenset(ranked[:len(ranked) // 2])


def predicted_names(prediction: dict) -> list[Span]:
    actor_type = {a["id"]: ACTOR_TYPE_TO_GUM.get(a.get("type")) for a in prediction["actors"]}
    return [(m["start"], m["end"], actor_type[m["actor_id"]]) for m in prediction["mentions"]
            if actor_type.get(m["actor_id"]) and m.get("kind") not in NOT_NAMES
            and looks_named(m["text"])]


def _calendar_value(value: str) -> str:
    """A predicted value as GUM's ``when`` can write it: a part of a day is the day."""
    return value[:10] if re.fullmatch(r"\d{4}-\d\d-\d\dT(?:MO|AF|EV|NI|DT)", value) else value


def score_documents(docs: Iterable[GumDoc], predictions: Iterable[dict],
                    dataset: str = DATASET, by_half: bool = False) -> list[ScoreRow]:
    """Score extractor outputs (one dict per document, same order) against the gold; with
    ``by_half``, the names also on the held-out and the fitted half (see `fit_ids`)."""
    counts = {mode: SpanCounts() for mode in ("overlap", "strict")}
    half_counts = {h: {t: SpanCounts() for t in ("all",) + SCORED_TYPES} for h in (HELD_OUT, FIT)}
    by_type = {t: SpanCounts() for t in SCORED_TYPES}
    dates_right = dates_total = 0
    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    fit = fit_ids(d.doc_id for d in docs)
    for doc, pred in zip(docs, predictions):
        gold, other = doc.names, doc.other_names
        pred_names = [p for p in predicted_names(pred)
                      if not any(_overlap(p, o) for o in other)
                      or any(_overlap(p, g) for g in gold)]
        for mode, c in counts.items():
            c.add(gold, pred_names, mode)
        for t, c in by_type.items():
            c.add([g for g in gold if g[2] == t], [p for p in pred_names if p[2] == t], "overlap")
        half = half_counts[FIT if doc.doc_id in fit else HELD_OUT]
        half["all"].add(gold, pred_names, "overlap")
        for t in SCORED_TYPES:
            half[t].add([g for g in gold if g[2] == t], [p for p in pred_names if p[2] == t], "overlap")
        found = predicted_dates(pred) if "dates" in pred else []
        for start, end, value in set(doc.dates):
            dates_total += 1
            dates_right += any(_overlap((start, end), p) and _calendar_value(p[2]) == value for p in found)
    targets = TARGETS.get(dataset, {})
    rows = [counts[m].row(dataset, NAMES_KIND, m, targets.get((NAMES_KIND, f"f1-{m}")))
            for m in ("overlap", "strict")]
    rows += [by_type[t].row(dataset, f"named {t} mentions", "overlap") for t in SCORED_TYPES]
    rows.append(accuracy_row(dataset, DATES_KIND, dates_right, dates_total,
                             targets.get((DATES_KIND, "accuracy"))))
    if by_half:
        for h in (HELD_OUT, FIT):
            rows.append(half_counts[h]["all"].row(f"{dataset}/{h}", NAMES_KIND, "overlap"))
            rows += [half_counts[h][t].row(f"{dataset}/{h}", f"named {t} mentions", "overlap")
                     for t in SCORED_TYPES]
    return rows


def _overlap(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def extract_documents(docs: Iterable[GumDoc], extract: Callable | None = None) -> list[dict]:
    if extract is None:
        return list(extract_texts((doc.text, doc.published) for doc in docs))
    return [extract(doc.text, doc.published) for doc in docs]


def score(dataset_dir: Path) -> list[ScoreRow]:
    """Score a GUM folder; its name (``gum-news``, ``gum-other``) names the rows."""
    dataset_dir = Path(dataset_dir).resolve()
    docs = load_corpus(dataset_dir)
    return score_documents(docs, extract_documents(docs), dataset_dir.name, by_half=True)
