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

Every mention of a row is judged on its own trigger. WikiEvents ships no event coreference (its
``coref/dev.jsonlines`` clusters entity mentions only), so a later mention of a right event
("the attack" after "the bombing") that its annotators left unmarked counts as wrong: nothing
in the gold says it names the same event, and the scorer does not guess it does. The precision
by row (the first mention, the one a row cites) is reported beside.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import ScoreRow, extract_texts, precision_row, recall_row

DATASET = "wikievents-dev"
KIND = "events of the types mapped to ours"
TARGETS = {"precision": 0.75, "recall": 0.50, "display precision": 0.85}

# KAIROS type (or the start of one, up to a dot) -> our event types it covers.
KAIROS_TO_OURS: dict[str, frozenset[str]] = {
    # Attacks, bombings and shootings: our "attack" (attack, strike, bomb, shoot, raid, invade...).
    "Conflict.Attack": frozenset({"attack"}),
    # "kill" and "massacre" are attacks of ours; KAIROS types a killing as a death with a Killer.
    "Life.Die": frozenset({"attack"}),
    # "meet", "visit", "host", "talks", "summit".
    "Contact.Contact.Meet": frozenset({"meet"}),
    # "request", "ask" (to act or for something), "urge", "demand"; KAIROS also files orders here.
    "Contact.RequestCommand": frozenset({"request"}),
    # "threaten"; a warning is KAIROS's threat too.
    "Contact.ThreatenCoerce": frozenset({"threaten", "warn"}),
    # "arrest", "detain", "jail", "imprison"; a person captured is detained.
    "Justice.ArrestJailDetain": frozenset({"arrest", "capture"}),
    # "release", "free" (a person).
    "Justice.ReleaseParole": frozenset({"release"}),
    # "accuse", "blame": KAIROS files accusations with charges; "sue" opens a case.
    "Justice.ChargeIndict": frozenset({"accuse", "sue"}),
    # "appoint", "elect".
    "Personnel.StartPosition": frozenset({"appoint"}),
    # "buy", "purchase", "acquire", "sell".
    "Transaction.ExchangeBuySell": frozenset({"purchase", "sale", "acquisition"}),
    # "give", "provide", "supply", "deliver" goods or aid: our supply events.
    "Transaction.Donation": frozenset({"supply"}),
    # "send", "deploy", "dispatch" troops; "deliver", "ship" goods; "fly", "travel", "arrive":
    # a transporter moves something or itself.
    "Movement.Transportation": frozenset({"deploy", "supply", "travel"}),
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
    """(trigger span, our type) of each mention of a predicted event of a scored type, once each
    (an event the article names three times - "an explosion ... the blast ... the explosion" -
    is one row with three mentions, each a trigger WikiEvents annotates)."""
    found = set()
    for event in prediction.get("events", []):
        if event.get("type") not in OUR_SCORED_TYPES:
            continue
        for mention in event.get("mentions") or [event.get("trigger") or {}]:
            if mention.get("start") is not None:
                found.add(((mention["start"], mention["end"]), event["type"]))
    return sorted(found)


def _scored_events(prediction: dict) -> list[tuple[tuple[Offsets, str], dict]]:
    """((trigger span, type), first event with them) of each scored event, in text order."""
    found: dict[tuple[Offsets, str], dict] = {}
    for event in prediction.get("events", []):
        trigger = event.get("trigger") or {}
        if event.get("type") in OUR_SCORED_TYPES and trigger.get("start") is not None:
            found.setdefault(((trigger["start"], trigger["end"]), event["type"]), event)
    return list(found.items())


def judged_events(doc: WikiEventsDoc, prediction: dict) -> list[tuple[dict, bool]]:
    """Each scored event row of a document (once per trigger and type) and whether it is right:
    its trigger (the first mention, the one the row cites) overlaps a gold trigger of a KAIROS
    type that maps to its type."""
    gold = [(e.trigger, ours_for(e.event_type)) for e in doc.events]
    return [(event, any(kind in types and _overlap(trigger, g) for g, types in gold))
            for (trigger, kind), event in _scored_events(prediction)]


# ---------------------------------------------------------------------------------------------
# Confidence: fitted on one fixed half of the documents, reported on the other

BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)


def is_fit_document(doc_id: str) -> bool:
    """The fixed split by document: the confidence is fitted on the documents whose id hashes
    even (sha256), and reported on the others, which it never saw. A hash, not an order, so a
    document's side never depends on which others are in the file."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 0


def fit_logistic(rows: list[list[float]], labels: list[int], l2: float = 10.0, steps: int = 50) -> list[float]:
    """Weights of a logistic regression by Newton's method with an L2 penalty (the bias, the
    first column, nearly unpenalised): deterministic, no learning rate to tune. The penalty is
    strong (a prior worth about ten events per weight): the fitting data judges a few dozen
    events, and a weight only moves away from the base rate when they clearly say so."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    y = np.asarray(labels, dtype=float)
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 1e-6
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x.T * (p * (1 - p))) @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return [round(float(v), 6) for v in w]


def reliability_rows(scored: list[tuple[float, bool]], threshold: float, dataset: str = DATASET,
                     what: str = "events", part: str = "held-out documents",
                     target: float | None = TARGETS["display precision"]) -> list[ScoreRow]:
    """Precision at the display threshold, then one row per confidence bin: the mean predicted
    confidence (in the kind) against the observed precision (the score)."""
    shown = [y for c, y in scored if c >= threshold]
    rows = [precision_row(dataset, f"{what} at display confidence >= {threshold:g} ({part})",
                          sum(shown), len(shown), None, len(shown), target)]
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(c, y) for c, y in scored if lo <= c < hi or hi == 1.0 and c == 1.0]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        rows.append(precision_row(dataset, f"{what} confidence {lo:.1f}-{hi:.1f} ({part}): mean predicted {mean:.2f}",
                                  sum(y for _, y in inside), len(inside), None, len(inside)))
    return rows


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


def row_precision_rows(docs: Iterable[WikiEventsDoc], predictions: Iterable[dict],
                       dataset: str = DATASET) -> list[ScoreRow]:
    """The same precision by row (the first mention, the one a row cites), reported beside the
    precision by mention: WikiEvents leaves many later mentions of an event unannotated ("the
    attack" after "the bombing"), which the mention precision counts against a row that is right."""
    judged = [right for doc, pred in zip(docs, predictions) for _, right in judged_events(doc, pred)]
    return [precision_row(dataset, f"{KIND}, by row (its first mention)", sum(judged), len(judged), None, len(judged))]


def confidence_rows(docs: Iterable[WikiEventsDoc], predictions: Iterable[dict], dataset: str = DATASET,
                    threshold: float | None = None, weights: list[float] | None = None) -> list[ScoreRow]:
    """Precision at the display threshold and the reliability table of the shipped confidence
    (``event_confidence.json``, or ``weights``), on the documents it was not fitted on (the
    measure) beside those it was fitted on (:func:`is_fit_document`)."""
    from factwire.extract.events import confidence_of

    if threshold is None:
        from factwire.settings import get_settings

        threshold = get_settings().display_confidence
    judged = [(doc.doc_id, event, right) for doc, pred in zip(docs, predictions)
              for event, right in judged_events(doc, pred)]
    held_out = [(confidence_of(e, weights), y) for d, e, y in judged if not is_fit_document(d)]
    fitted = [(confidence_of(e, weights), y) for d, e, y in judged if is_fit_document(d)]
    rows = reliability_rows(held_out, threshold, dataset) if held_out else []
    if fitted:
        rows += reliability_rows(fitted, threshold, dataset, part="fitted documents", target=None)
    return rows


def score(dataset_dir: Path) -> list[ScoreRow]:
    docs = load_corpus(Path(dataset_dir).resolve())
    facts = list(extract_texts((doc.text, None) for doc in docs))
    return score_documents(docs, facts) + row_precision_rows(docs, facts) + confidence_rows(docs, facts)
