"""Score factwire's deals against the transaction events of RAMS 1.0 (dev split).

Each RAMS example is a five-sentence window of a news article with one annotated event: a
trigger and its role-labelled arguments, as inclusive token ranges over the window. The text
handed to the extractor is the window's sentences, each detokenised with English spacing
(:func:`factwire.evaluation.meantime.detokenise`, which keeps every token's offsets), joined by
a space. The article date is unknown (None).

Scored events are the ``transaction.*`` types, less ``*.embargosanction`` (a ban on a
transaction, not one) and ``*.payforservice`` (paying for a service, which our deals do not
cover). Their parties are the arguments with the roles giver, recipient and beneficiary, and
participant (``transaction.transaction.n/a`` names both sides so).

* "transaction found as a deal": recall of scored events where one of our deals has a trigger
  (its own or one of its mentions') overlapping the gold trigger. The precision beside it is
  over our deal triggers that overlap an annotated trigger: the share that overlap a scored
  transaction's (a deal on an attack or a death is wrong; deals on the excluded transaction
  types are left out). Deals elsewhere in a window are not judged: RAMS annotates one event
  per window.
* "transaction between two named actors found as a deal": the same recall over the scored
  events whose gold parties name two actors or more (our actors' mentions overlap them): the
  transactions a deal between identifiable parties can be found for.
* deals at the display confidence and the reliability table: the deals the gold can judge
  (:func:`labelled_deals`) and the other deals of the windows the team judged by reading them
  (:func:`all_labelled_deals`), with the confidence the extractor gave them; the shipped model
  is fitted on the documents a hash does not hold out, and the fitted and held-out documents
  are reported apart.
* "gold giver/recipient/beneficiary found among the deal's parties": recall of the gold party
  arguments of scored events that a mention of one of the parties (``parties``, ``buyer``,
  ``seller``) of a deal found for the event overlaps; an event no deal was found for finds
  none of its parties. The precision beside it is over those deals' parties: the share with a
  mention overlapping one of the event's gold party arguments.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import ScoreRow, extract_texts, recall_row
from factwire.evaluation.meantime import deal_triggers, detokenise

DATASET = "rams-dev"
EXCLUDED_SUBTYPES = ("embargosanction", "payforservice")
PARTY_ROLES = ("giver", "recipient", "beneficiary", "participant")
FOUND_KIND = "transaction found as a deal"
PARTIES_KIND = "gold giver/recipient/beneficiary found among the deal's parties"
NAMED_KIND = "transaction between two named actors found as a deal"
TARGETS = {FOUND_KIND: 0.60, PARTIES_KIND: 0.55}

Offsets = tuple[int, int]


@dataclass
class RamsEvent:
    event_type: str
    trigger: Offsets
    arguments: list[tuple[Offsets, str]] = field(default_factory=list)  # (span, role)

    @property
    def scored(self) -> bool:
        return is_scored_type(self.event_type)

    @property
    def parties(self) -> list[Offsets]:
        return [span for span, role in self.arguments if role in PARTY_ROLES]


@dataclass
class RamsDoc:
    doc_id: str
    text: str
    events: list[RamsEvent] = field(default_factory=list)


def is_scored_type(event_type: str) -> bool:
    parts = event_type.split(".")
    return parts[0] == "transaction" and parts[-1] not in EXCLUDED_SUBTYPES


def role_name(label: str) -> str:
    """``evt133arg01giver`` -> ``giver``."""
    head, _, name = label.partition("arg")
    return name.lstrip("0123456789") if head.startswith("evt") else label


def parse_example(example: dict) -> RamsDoc:
    """One RAMS JSON line into its text and its event, in character offsets."""
    parts: list[str] = []
    offsets: list[Offsets] = []
    pos = 0
    for sentence in example["sentences"]:
        if parts:
            parts.append(" ")
            pos += 1
        text, token_offsets = detokenise(sentence)
        offsets.extend((pos + s, pos + e) for s, e in token_offsets)
        parts.append(text)
        pos += len(text)
    doc = RamsDoc(doc_id=example["doc_key"], text="".join(parts))

    def span(first: int, last: int) -> Offsets:
        return offsets[first][0], offsets[last][1]

    for first, last, labels in example["evt_triggers"]:
        trigger = span(first, last)
        event = RamsEvent(labels[0][0], trigger)
        for (t_first, t_last), (a_first, a_last), label in example["gold_evt_links"]:
            if span(t_first, t_last) == trigger:
                event.arguments.append((span(a_first, a_last), role_name(label)))
        doc.events.append(event)
    return doc


@lru_cache(maxsize=4)
def load_corpus(dataset_dir: Path) -> tuple[RamsDoc, ...]:
    """Every window of ``dev.jsonlines``, parsed once per process."""
    path = Path(dataset_dir) / "dev.jsonlines"
    if not path.is_file():
        raise FileNotFoundError(f"RAMS file missing: {path}")
    with path.open(encoding="utf-8") as handle:
        return tuple(parse_example(json.loads(line)) for line in handle if line.strip())


def _overlap(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def deal_party_ids(deal: dict) -> list[str]:
    ids = [*deal.get("parties", []), deal.get("buyer"), deal.get("seller")]
    return list(dict.fromkeys(i for i in ids if i is not None))


def score_documents(docs: Iterable[RamsDoc], predictions: Iterable[dict],
                    dataset: str = DATASET) -> list[ScoreRow]:
    """Score extractor outputs (one dict per window, same order) against the gold."""
    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    events_total = events_found = 0
    triggers_judged = triggers_right = 0
    parties_total = parties_found = 0
    predicted_parties = right_parties = 0
    judged = [(row_key(deal), deal["confidence"], right) for deal, right in all_labelled_deals(docs, predictions)
              if deal.get("confidence") is not None]  # predictions before 0.4.0 carry none
    named_total = named_found = 0
    for doc, pred in zip(docs, predictions):
        spans_of: dict[str, list[Offsets]] = {}
        for m in pred.get("mentions", []):
            spans_of.setdefault(m["actor_id"], []).append((m["start"], m["end"]))
        deals = [(deal, deal_triggers(deal)) for deal in pred.get("deals", [])]
        for _, triggers in deals:
            for trigger in triggers:
                touched = [e for e in doc.events if _overlap(trigger, e.trigger)]
                if not touched or all(e.event_type.startswith("transaction.") and not e.scored
                                      for e in touched):
                    continue
                triggers_judged += 1
                triggers_right += any(e.scored for e in touched)
        for event in doc.events:
            if not event.scored:
                continue
            events_total += 1
            matched = [deal for deal, triggers in deals
                       if any(_overlap(t, event.trigger) for t in triggers)]
            events_found += bool(matched)
            named_sides = {actor for g in event.parties for actor, spans in spans_of.items()
                           if any(_overlap(g, s) for s in spans)}
            if len(named_sides) >= 2:
                named_total += 1
                named_found += bool(matched)
            party_ids = list(dict.fromkeys(p for deal in matched for p in deal_party_ids(deal)))
            party_spans = [s for p in party_ids for s in spans_of.get(p, [])]
            gold = event.parties
            parties_total += len(gold)
            parties_found += sum(1 for g in gold if any(_overlap(g, s) for s in party_spans))
            predicted_parties += len(party_ids)
            right_parties += sum(1 for p in party_ids
                                 if any(_overlap(g, s) for g in gold for s in spans_of.get(p, [])))
    return [
        recall_row(dataset, FOUND_KIND, events_found, events_total, TARGETS[FOUND_KIND],
                   triggers_right / triggers_judged if triggers_judged else None),
        recall_row(dataset, PARTIES_KIND, parties_found, parties_total, TARGETS[PARTIES_KIND],
                   right_parties / predicted_parties if predicted_parties else None),
        recall_row(dataset, NAMED_KIND, named_found, named_total),
        *confidence_rows(dataset, judged),
    ]


def row_key(deal: dict) -> str:
    """The key a judged RAMS deal is split by (fitted or held out): its sentence, since the
    windows of one article overlap and carry different ids."""
    return f"{DATASET}/{deal.get('sentence', '')}"


def confidence_rows(dataset: str, judged: list[tuple[str, float, bool]]) -> list[ScoreRow]:
    """Deal rows at the display threshold and the reliability table, from the confidence the
    extractor gave each judged deal (the shipped model, fitted on these sets with the others:
    `python -m factwire.training deals` reports the check on rows it was not fitted on)."""
    from factwire.evaluation.deal_confidence import rows_for_eval
    from factwire.settings import get_settings

    return rows_for_eval(dataset, judged, float(get_settings().display_confidence)) if judged else []


def score(dataset_dir: Path) -> list[ScoreRow]:
    docs = load_corpus(Path(dataset_dir).resolve())
    facts = list(extract_texts((doc.text, None) for doc in docs))
    return score_documents(docs, facts)


# Agreements between governments are deals too (treaties, accords): judged like transactions.
AGREEMENT_TYPES = ("government.agreements.",)


def deal_is_right(deal: dict, event: RamsEvent, spans_of: dict[str, list[Offsets]]) -> bool:
    """A deal on a scored transaction is right when every side is named where the gold has a
    giver, recipient, beneficiary, participant or artifact (the company bought), it did happen
    (not denied, failed or cancelled), and it has two sides, or one side and a value when the
    gold names no other side by an actor ("Peter Thiel donated $2 million to a group"): a
    one-sided row without an amount ("Russian families buy food") tells a reader of no deal."""
    parties = deal_party_ids(deal)
    gold = [span for span, role in event.arguments if role in (*PARTY_ROLES, "artifact")]
    if not parties or deal.get("status") in ("denied", "failed", "cancelled") or not all(
            any(_overlap(g, s) for g in gold for s in spans_of.get(p, [])) for p in parties):
        return False
    if len(parties) >= 2:
        return True
    own = spans_of.get(parties[0], [])
    others_named = [g for g in gold if not any(_overlap(g, s) for s in own)
                    and any(_overlap(g, s) for spans in spans_of.values() for s in spans)]
    return deal.get("value") is not None and not others_named


def labelled_deals(doc: RamsDoc, prediction: dict) -> list[tuple[dict, bool]]:
    """The deals of a window that the gold can judge, with whether each is right: a deal whose
    trigger overlaps the annotated event (RAMS annotates one event per window; deals elsewhere
    are not judged, nor deals on the excluded transaction types)."""
    spans_of: dict[str, list[Offsets]] = {}
    for m in prediction.get("mentions", []):
        spans_of.setdefault(m["actor_id"], []).append((m["start"], m["end"]))
    found = []
    for deal in prediction.get("deals", []):
        touched = [e for e in doc.events if any(_overlap(t, e.trigger) for t in deal_triggers(deal))]
        if not touched or all(e.event_type.startswith("transaction.") and not e.scored for e in touched):
            continue
        found.append((deal, any((e.scored or e.event_type.startswith(AGREEMENT_TYPES))
                                and deal_is_right(deal, e, spans_of) for e in touched)))
    return found


# Deals of RAMS windows the gold cannot judge (elsewhere in the window than its one annotated
# event), read and judged by the team: one JSON object a line with the sentence, the row and
# the verdict with its reason (factwire/training/deals_judged.jsonl).
JUDGED_FILE = Path(__file__).resolve().parents[1] / "training" / "deals_judged.jsonl"


def judged_key(sentence: str, deal: dict) -> tuple:
    return (sentence, deal.get("kind"), tuple(sorted(deal.get("parties", []))), deal.get("buyer"), deal.get("seller"))


@lru_cache(maxsize=1)
def judged_verdicts() -> dict[tuple, bool]:
    if not JUDGED_FILE.is_file():
        return {}
    with JUDGED_FILE.open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {judged_key(row["sentence"], row): bool(row["right"]) for row in rows if row.get("dataset") == DATASET}


def all_labelled_deals(docs: Iterable[RamsDoc], predictions: Iterable[dict]) -> list[tuple[dict, bool]]:
    """Every judged deal once: by the gold where it overlaps the annotated event, else by the
    team's verdict on the same row in the same sentence; a deal seen in several overlapping
    windows counts once."""
    verdicts = judged_verdicts()
    seen: set[tuple] = set()
    found = []
    for doc, pred in zip(docs, predictions):
        by_gold = {id(deal): right for deal, right in labelled_deals(doc, pred)}
        for deal in pred.get("deals", []):
            key = judged_key(deal.get("sentence", ""), deal)
            right = by_gold.get(id(deal), verdicts.get(key))
            if right is None or key in seen:
                continue
            seen.add(key)
            found.append((deal, right))
    return found
