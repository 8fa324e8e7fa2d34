"""Score factwire's events against WikiEvents (dev split: 20 news documents, KAIROS events).

The text handed to the extractor is the document's sentences (each sentence's own text, which
its tokens' offsets index) joined by a space where the source had one character between them
and by a line break where it had more (a paragraph or heading break). Every token keeps its
exact offsets; a trigger is the span of its tokens. The article date is unknown (None).

KAIROS types map to our event types (:data:`factwire.extract.events.EVENT_VERBS`) by
:data:`KAIROS_TO_OURS`; types with no counterpart among ours (sayings, injuries, crimes,
diseases...) are not scored, and neither are our types no KAIROS type maps to. A death is
mapped whole, killer or not: recall counts the deaths nobody caused against our attacks.

* precision: of our events whose type some KAIROS type maps to (counted once per trigger span
  and type: coordinated subjects make several events with one trigger), the share whose trigger
  overlaps a gold trigger of a KAIROS type that maps to that event's type;
* recall: of the gold events of mapped types, the share whose trigger is overlapped by one of
  our events of a type it maps to.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import ScoreRow, extract_texts, precision_row, recall_row

DATASET = "wikievents-dev"
KIND = "events of the types mapped to ours"
TARGETS = {"precision": 0.75, "recall": 0.50}

# KAIROS type (or the start of one, up to a dot) -> our event types it covers.
KAIROS_TO_OURS: dict[str, frozenset[str]] = {
    # Attacks, bombings and shootings: our "attack" verbs (attack, strike, bomb, shoot, raid...).
    "Conflict.Attack": frozenset({"attack"}),
    # "kill" is one of our attack verbs; KAIROS types a killing as a death with a Killer.
    "Life.Die": frozenset({"attack"}),
    # "meet", "visit", "host".
    "Contact.Contact.Meet": frozenset({"meet"}),
    # "request", "ask"; KAIROS also files orders and calls here.
    "Contact.RequestCommand": frozenset({"request"}),
    # "threaten"; a warning is KAIROS's threat too.
    "Contact.ThreatenCoerce": frozenset({"threaten", "warn"}),
    # "arrest".
    "Justice.ArrestJailDetain": frozenset({"arrest"}),
    # "release" (of a person: KAIROS's parole and release).
    "Justice.ReleaseParole": frozenset({"release"}),
    # "accuse", "blame": KAIROS files accusations with charges.
    "Justice.ChargeIndict": frozenset({"accuse"}),
    # "appoint", "elect", "choose".
    "Personnel.StartPosition": frozenset({"appoint"}),
    # "buy", "purchase", "acquire", "sell".
    "Transaction.ExchangeBuySell": frozenset({"purchase", "sale", "acquisition"}),
    # "give", "provide", "supply", "deliver" of aid: our supply events.
    "Transaction.Donation": frozenset({"supply"}),
    # "send", "deploy", "dispatch" troops; "deliver", "ship" goods: a transporter moves something.
    "Movement.Transportation": frozenset({"deploy", "supply"}),
}
OUR_SCORED_TYPES = frozenset().union(*KAIROS_TO_OURS.values())

Offsets = tuple[int, int]


def ours_for(kairos_type: str) -> frozenset[str]:
    """Our event types a KAIROS type maps to (empty: not scored); the longest key that is the
    type or a dotted prefix of it wins."""
    parts = kairos_type.split(".")
    for n in range(len(parts), 0, -1):
        found = KAIROS_TO_OURS.get(".".join(parts[:n]))
        if found is not None:
            return found
    return frozenset()


@dataclass
class WikiEvent:
    event_type: str
    trigger: Offsets


@dataclass
class WikiEventsDoc:
    doc_id: str
    text: str
    events: list[WikiEvent] = field(default_factory=list)
    tokens: list[Offsets] = field(default_factory=list)


def parse_document(record: dict) -> WikiEventsDoc:
    """One ``dev.jsonl`` record into its text and gold events, in character offsets."""
    parts: list[str] = []
    tokens: list[Offsets] = []
    pos = 0
    previous_end = None
    for token_rows, sentence_text in record["sentences"]:
        base = token_rows[0][1]
        if previous_end is not None:
            sep = " " if base - previous_end == 1 else "\n"
            parts.append(sep)
            pos += len(sep)
        for word, start, end in token_rows:
            offsets = (pos + start - base, pos + end - base)
            if sentence_text[start - base:end - base] != word:
                raise ValueError(f"{record['doc_id']}: token {word!r} not at its offsets")
            tokens.append(offsets)
        parts.append(sentence_text)
        pos += len(sentence_text)
        previous_end = token_rows[-1][2]
    doc = WikiEventsDoc(doc_id=record["doc_id"], text="".join(parts), tokens=tokens)
    for event in record["event_mentions"]:
        first, last = event["trigger"]["start"], event["trigger"]["end"] - 1  # end exclusive
        doc.events.append(WikiEvent(event["event_type"], (tokens[first][0], tokens[last][1])))
    return doc


@lru_cache(maxsize=4)
def load_corpus(dataset_dir: Path) -> tuple[WikiEventsDoc, ...]:
    """Every document of ``dev.jsonl``, parsed once per process."""
    path = Path(dataset_dir) / "dev.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"WikiEvents file missing: {path}")
    with path.open(encoding="utf-8") as handle:
        return tuple(parse_document(json.loads(line)) for line in handle if line.strip())


def _overlap(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def predicted_events(prediction: dict) -> list[tuple[Offsets, str]]:
    """(trigger span, our type) of each predicted event of a scored type, once each."""
    found = []
    for event in prediction.get("events", []):
        trigger = event.get("trigger") or {}
        if event.get("type") in OUR_SCORED_TYPES and trigger.get("start") is not None:
            found.append(((trigger["start"], trigger["end"]), event["type"]))
    return sorted(set(found))


def score_documents(docs: Iterable[WikiEventsDoc], predictions: Iterable[dict],
                    dataset: str = DATASET) -> list[ScoreRow]:
    """Score extractor outputs (one dict per document, same order) against the gold."""
    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    predicted = right = gold_total = gold_found = 0
    for doc, pred in zip(docs, predictions):
        ours = predicted_events(pred)
        gold = [(e.trigger, ours_for(e.event_type)) for e in doc.events]
        predicted += len(ours)
        right += sum(1 for trigger, kind in ours
                     if any(kind in types and _overlap(trigger, g) for g, types in gold))
        for g, types in gold:
            if not types:
                continue
            gold_total += 1
            gold_found += any(kind in types and _overlap(trigger, g) for trigger, kind in ours)
    recall = gold_found / gold_total if gold_total else 0.0
    precision_value = right / predicted if predicted else 0.0
    return [
        precision_row(dataset, KIND, right, predicted, recall, gold_total, TARGETS["precision"]),
        recall_row(dataset, KIND, gold_found, gold_total, TARGETS["recall"], precision_value),
    ]


def score(dataset_dir: Path) -> list[ScoreRow]:
    docs = load_corpus(Path(dataset_dir).resolve())
    facts = list(extract_texts((doc.text, None) for doc in docs))
    return score_documents(docs, facts)
