"""Score factwire's extraction against NewsReader MEANTIME (English, intra-document CAT XML).

MEANTIME annotates only the title, the date line and the first four body sentences of each
Wikinews article (token attribute ``sentence`` 0 to 5), so the text handed to the extractor is
rebuilt from those tokens only: title and date line on their own lines, then the body sentences,
detokenised by a few spacing rules. Every gold token keeps its exact character offsets in that
text, so gold spans are compared with predicted spans in the same coordinates. The article date
is the ``CREATION_TIME`` TIMEX3 value.

What is scored (span matching from :mod:`factwire.evaluation.core`: "overlap" = same type and
at least one shared character, "strict" = same start, end and type):

* named mentions: ENTITY_MENTIONs with ``syntactic_type`` NAM or PRE.NAM (a name used as a
  modifier, "*Apple* shares") whose entity is PER, ORG or LOC. MEANTIME marks the whole noun
  phrase ("large insurance firm AIG", "the United States"); the gold span is the name: the
  mention's ``head`` words when given, else the mention less a leading determiner. Our actor types map person -> PER,
  organization/group -> ORG, country/place -> LOC. Names of PRO (products), FIN (indices,
  shares) and MIX entities are outside our actor types and are left out of both sides: a
  predicted mention overlapping one of them and no scored gold name is ignored. Predicted
  mentions that are not names (pronouns, "the company": see :func:`looks_named`) are ignored.
* VALUE spans typed MONEY, QUANTITY and PERCENT against our ``amounts`` (money -> MONEY,
  count/quantity -> QUANTITY, percent -> PERCENT).
* TIMEX3 DATE spans against our ``dates``, and value accuracy: a gold DATE counts correct when
  an overlapping predicted date has the same normalised value (ISO prefix, e.g. ``2007-01``).
* transaction events: gold EVENT_MENTIONs whose trigger lemma is in :data:`TRANSACTION_LEMMAS`
  and that have an Arg0 and/or Arg1 HAS_PARTICIPANT; each becomes a tuple (trigger span, Arg0
  head span or None, Arg1 head span or None). The head span of an entity-mention argument is
  the tokens of its ``head`` attribute inside the mention (the whole mention if the head is not
  found; the whole span for values, timexes and events). Predictions come from our ``deals``
  and ``events`` whose trigger text is a transaction word (same list, matched by word stem, so
  both sides are filtered alike); see :func:`predicted_transactions` for the keys read.
  A predicted tuple matches a gold tuple when the triggers overlap and, for each of Arg0/Arg1
  that the gold tuple has, the predicted argument span overlaps the gold head span. Each gold
  and each predicted tuple is used at most once (greedy, in text order). Precision = matched
  predictions / predictions, recall = matched gold / gold.
* deal sentences: the scored sentences (title, date line, body sentences as MEANTIME numbers
  them) holding the trigger of a gold transaction (as above: a transaction lemma with an Arg0
  or Arg1) against the sentences holding the
  trigger of one of our ``deals`` (its own or one of its mentions'). Precision = sentences with
  a deal that hold a gold transaction / sentences with a deal; recall = sentences with a gold
  transaction that hold a deal / sentences with a gold transaction.
* transaction agent among the parties: of the gold transactions with an Arg0, the share for
  which a deal whose trigger overlaps the gold trigger has a party (``parties``, ``buyer``,
  ``seller``) with a mention overlapping the Arg0's head or a name of the same entity.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable

from factwire.evaluation.core import (NOT_NAMES, ScoreRow, Span, SpanCounts, accuracy_row, precision_row,
                                      recall_row)

DATASET = "meantime-en"
SCORED_SENTENCES = range(0, 6)  # title, date line, first four body sentences

ACTOR_TYPE_TO_MEANTIME = {
    "person": "PER",
    "organization": "ORG",
    "group": "ORG",
    "country": "LOC",
    "place": "LOC",
}
NAMED_SYNTACTIC_TYPES = {"NAM", "PRE.NAM"}
SCORED_ENTITY_TYPES = {"PER", "ORG", "LOC"}

AMOUNT_KIND_TO_MEANTIME = {
    "money": "MONEY",
    "count": "QUANTITY",
    "quantity": "QUANTITY",
    "percent": "PERCENT",
}
VALUE_TYPES = ("MONEY", "QUANTITY", "PERCENT")

# Trigger lemmas of purchases, sales, orders, agreements and loans, chosen from the lemmas
# (``pred``) annotated in the corpus. "sell-off" (a market fall) is deliberately not a sale.
# "sell-off" (a market fall) is not a sale, and "order" and "contract" are left out because
# every MEANTIME use of them is a command ("ordered to suspend") or a shrinking economy.
TRANSACTION_LEMMAS = frozenset({
    "buy", "purchase", "acquire", "acquisition", "sell", "selling", "sale", "deal",
    "agreement", "agree", "arrangement", "license", "loan", "merge", "merger", "invest",
    "investment", "settle", "settlement", "bailout", "bail out",
})
# The same words as they appear in text (predicted triggers are matched on these).
_TRANSACTION_WORD = re.compile(
    r"\b(buy|buys|buying|bought|purchas\w*|acquir\w*|acquisition\w*|sell|sells|selling|sold|"
    r"sales?|deals?|agree|agrees|agreed|agreeing|agreements?|arrangements?|licen[cs]\w*|"
    r"loans?|loaned|merg\w*|invest\w*|settle\w*|bail(?:ed|s|ing)?[- ]?outs?)\b",
    re.IGNORECASE)

TARGETS = {
    ("named PER/ORG/LOC mentions", "overlap"): 0.94,
    ("named PER/ORG/LOC mentions", "strict"): 0.88,
    ("MONEY spans", "overlap"): 0.98,
    ("MONEY spans", "strict"): 0.85,
    ("QUANTITY spans", "overlap"): 0.93,
    ("QUANTITY spans", "strict"): 0.70,
    ("PERCENT spans", "overlap"): 0.98,
    ("PERCENT spans", "strict"): 0.95,
    ("DATE spans", "overlap"): 0.97,
    ("DATE value", "accuracy"): 0.92,
    ("transaction (trigger, Arg0, Arg1)", "overlap"): 0.60,
    ("deal sentences", "precision"): 0.85,
    ("deal sentences", "recall"): 0.70,
    ("transaction agent (Arg0) found among the deal's parties", "recall"): 0.70,
}

Offsets = tuple[int, int]

_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
                "our", "my", "your"}


@dataclass(frozen=True)
class GoldTransaction:
    """A gold transaction event. An argument is the spans that name it (None: not annotated)."""

    lemma: str
    trigger: Offsets
    arg0: tuple[Offsets, ...] | None
    arg1: tuple[Offsets, ...] | None


@dataclass(frozen=True)
class PredictedTransaction:
    trigger: Offsets
    arg0: tuple[Offsets, ...] = ()  # spans naming the agent; any of them may match
    arg1: tuple[Offsets, ...] = ()


@dataclass
class MeantimeDoc:
    doc_id: str
    text: str
    published: dt.date | None
    names: list[Span] = field(default_factory=list)  # (start, end, PER|ORG|LOC)
    unscored_names: list[Offsets] = field(default_factory=list)  # PRO/FIN/MIX/untyped names
    values: list[Span] = field(default_factory=list)  # (start, end, MONEY|QUANTITY|PERCENT)
    dates: list[Span] = field(default_factory=list)  # (start, end, normalised value)
    other_timexes: list[Offsets] = field(default_factory=list)  # TIME, DURATION, SET
    transactions: list[GoldTransaction] = field(default_factory=list)
    # triggers of transaction events annotated without an Arg0 or Arg1 of their own ("violates
    # an agreement reached between the two companies": the sides are on "reached")
    unlinked_transactions: list[Offsets] = field(default_factory=list)
    sentences: list[Offsets] = field(default_factory=list)  # each scored sentence's span


# ---------------------------------------------------------------------------------------------
# Parsing


_NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "'s", "’s", "n't", "'ve",
                    "'re", "'ll", "'d", "'m", "''", "”", "’", "'", "..."}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "£", "¥", "€", "#", "``", "“", "`", "‘"}


def detokenise(tokens: list[str]) -> tuple[str, list[Offsets]]:
    """Join one sentence's tokens with English spacing; return text and each token's offsets."""
    parts: list[str] = []
    offsets: list[Offsets] = []
    pos = 0
    glue_next = True  # no space before the first token
    open_quote = False
    for tok in tokens:
        glue = glue_next or tok in _NO_SPACE_BEFORE
        glue_next = tok in _NO_SPACE_AFTER
        if tok == '"':
            if open_quote:
                glue = True
            else:
                glue_next = True
            open_quote = not open_quote
        if not glue:
            parts.append(" ")
            pos += 1
        offsets.append((pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
    return "".join(parts), offsets


def parse_document(path: Path) -> MeantimeDoc:
    """Parse one MEANTIME CAT XML file into the text we extract from and its gold facts."""
    root = ET.parse(path).getroot()
    by_sentence: dict[int, list[tuple[str, str]]] = {}
    for tok in root.iter("token"):
        sentence = int(tok.get("sentence"))
        if sentence in SCORED_SENTENCES:
            by_sentence.setdefault(sentence, []).append((tok.get("t_id"), tok.text or ""))

    # Title and date line on lines of their own, then the body sentences.
    text_parts: list[str] = []
    token_offsets: dict[str, Offsets] = {}
    token_words: dict[str, str] = {}
    pos = 0
    sentence_spans: list[Offsets] = []
    for sentence in sorted(by_sentence):
        if text_parts:
            sep = "\n" if sentence <= 2 else " "
            text_parts.append(sep)
            pos += len(sep)
        ids, words = zip(*by_sentence[sentence])
        sentence_text, offsets = detokenise(list(words))
        for t_id, word, (s, e) in zip(ids, words, offsets):
            token_offsets[t_id] = (pos + s, pos + e)
            token_words[t_id] = word
        text_parts.append(sentence_text)
        sentence_spans.append((pos, pos + len(sentence_text)))
        pos += len(sentence_text)
    text = "".join(text_parts)

    markables = root.find("Markables")
    relations = root.find("Relations")
    by_id = {m.get("m_id"): m for m in markables}

    def anchors(m: ET.Element) -> list[str]:
        """Token ids of a markable that lie in the scored sentences, in document order."""
        ids = {a.get("t_id") for a in m.findall("token_anchor")} & token_offsets.keys()
        return sorted(ids, key=lambda i: token_offsets[i])

    def span_of(m: ET.Element | None) -> Offsets | None:
        ids = anchors(m) if m is not None else []
        if not ids:
            return None
        return token_offsets[ids[0]][0], token_offsets[ids[-1]][1]

    def head_span(m: ET.Element | None) -> Offsets | None:
        """Offsets of an argument's head: the ``head`` words inside an entity mention."""
        span = span_of(m)
        head = (m.get("head") or "").split() if m is not None else []
        if span is None or m.tag != "ENTITY_MENTION" or not head:
            return span
        ids = anchors(m)
        words = [token_words[i] for i in ids]
        for i in range(len(ids) - len(head), -1, -1):  # English heads come last: search back
            if words[i:i + len(head)] == head:
                return token_offsets[ids[i]][0], token_offsets[ids[i + len(head) - 1]][1]
        return span

    def name_span(m: ET.Element) -> Offsets | None:
        """A named mention's name: its ``head`` words, else the mention less a determiner."""
        if (m.get("head") or "").strip():
            return head_span(m)
        ids = anchors(m)
        while len(ids) > 1 and token_words[ids[0]].lower() in _DETERMINERS:
            ids = ids[1:]
        return token_offsets[ids[0]][0], token_offsets[ids[-1]][1]

    # A mention's entity (and so its type) is the ENTITY its REFERS_TO relation points at.
    entity_of: dict[str, ET.Element] = {}
    for rel in relations.findall("REFERS_TO") if relations is not None else []:
        target = by_id.get(rel.find("target").get("m_id"))
        if target is not None and target.tag == "ENTITY":
            for source in rel.findall("source"):
                entity_of[source.get("m_id")] = target
    entity_type = {mid: e.get("ent_type") for mid, e in entity_of.items()}
    names_of_entity: dict[str, list[Offsets]] = {}
    for m in markables.findall("ENTITY_MENTION"):
        entity = entity_of.get(m.get("m_id"))
        if entity is not None and m.get("syntactic_type") in NAMED_SYNTACTIC_TYPES:
            span = name_span(m) if anchors(m) else None
            if span is not None:
                names_of_entity.setdefault(entity.get("m_id"), []).append(span)

    def argument_spans(m: ET.Element | None) -> tuple[Offsets, ...] | None:
        """The argument's head, then the names of the same entity in the text ("it" -> Apple)."""
        head = head_span(m)
        if head is None:
            return None
        entity = entity_of.get(m.get("m_id"))
        others = names_of_entity.get(entity.get("m_id"), []) if entity is not None else []
        return (head, *sorted(set(others) - {head}))

    doc = MeantimeDoc(doc_id=root.get("doc_id"), text=text, published=None,
                      sentences=sentence_spans)
    for m in markables:
        span = span_of(m)
        if m.tag == "TIMEX3" and m.get("functionInDocument") == "CREATION_TIME":
            doc.published = _parse_iso_date(m.get("value"))
        if span is None:
            continue
        if m.tag == "ENTITY_MENTION" and m.get("syntactic_type") in NAMED_SYNTACTIC_TYPES:
            span = name_span(m)
            etype = entity_type.get(m.get("m_id"))
            if etype in SCORED_ENTITY_TYPES:
                doc.names.append((*span, etype))
            else:
                doc.unscored_names.append(span)
        elif m.tag == "VALUE" and m.get("type") in VALUE_TYPES:
            doc.values.append((*span, m.get("type")))
        elif m.tag == "TIMEX3" and m.get("type") == "DATE":
            doc.dates.append((*span, m.get("value") or ""))
        elif m.tag == "TIMEX3":
            doc.other_timexes.append(span)

    doc.transactions = _gold_transactions(markables, relations, by_id, span_of, argument_spans)
    doc.unlinked_transactions = [
        span for m in markables.findall("EVENT_MENTION")
        if (m.get("pred") or "").strip().lower() in TRANSACTION_LEMMAS and (span := span_of(m)) is not None
        and not any(_overlap(span, t.trigger) for t in doc.transactions)]
    return doc


def _parse_iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _gold_transactions(markables, relations, by_id, span_of, argument_spans
                       ) -> list[GoldTransaction]:
    args: dict[str, dict[str, str]] = {}
    for rel in relations.findall("HAS_PARTICIPANT") if relations is not None else []:
        role = rel.get("sem_role")
        if role in ("Arg0", "Arg1"):
            # A second argument with the same role (rare) is dropped: the first one is kept.
            args.setdefault(rel.find("source").get("m_id"), {}).setdefault(
                role, rel.find("target").get("m_id"))
    out = []
    for m in markables.findall("EVENT_MENTION"):
        lemma = (m.get("pred") or "").strip().lower()
        roles = args.get(m.get("m_id"))
        trigger = span_of(m)
        if lemma not in TRANSACTION_LEMMAS or not roles or trigger is None:
            continue
        heads = {role: argument_spans(by_id.get(mid)) for role, mid in roles.items()}
        if heads.get("Arg0") is None and heads.get("Arg1") is None:
            continue
        out.append(GoldTransaction(lemma, trigger, heads.get("Arg0"), heads.get("Arg1")))
    return sorted(out, key=lambda t: t.trigger)


@lru_cache(maxsize=4)
def load_corpus(dataset_dir: Path) -> tuple[MeantimeDoc, ...]:
    """All documents under ``intra-doc_annotation``, parsed once per process."""
    files = sorted((dataset_dir / "intra-doc_annotation").glob("*/*.xml"))
    if not files:
        raise FileNotFoundError(f"no MEANTIME XML files under {dataset_dir}/intra-doc_annotation")
    return tuple(parse_document(f) for f in files)


# ---------------------------------------------------------------------------------------------
# Predictions: what the extractor's output is compared as


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "them", "us", "me", "who",
             "which", "itself", "himself", "herself", "themselves", "one"}


def looks_named(text: str) -> bool:
    """Whether a predicted mention is a name rather than a pronoun or "the company"."""
    words = re.findall(r"[\w'’.&-]+", text)
    while words and words[0].lower() in _DETERMINERS:
        words = words[1:]
    rest = " ".join(words)
    if not words or (rest.lower() in _PRONOUNS and not (len(rest) > 1 and rest.isupper())):
        return False  # "it", "He"; but "US" is the country
    return any(ch.isupper() for w in words for ch in w)


def predicted_names(prediction: dict) -> list[Span]:
    """Named actor mentions typed PER / ORG / LOC; pronoun and nominal mentions are left out."""
    actor_type = {a["id"]: ACTOR_TYPE_TO_MEANTIME.get(a.get("type")) for a in prediction["actors"]}
    out = []
    for m in prediction["mentions"]:
        etype = actor_type.get(m["actor_id"])
        if etype and m.get("kind") not in NOT_NAMES and looks_named(m["text"]):
            out.append((m["start"], m["end"], etype))
    return out


def predicted_values(prediction: dict) -> list[Span]:
    return [(a["start"], a["end"], AMOUNT_KIND_TO_MEANTIME[a["kind"]])
            for a in prediction["amounts"] if a.get("kind") in AMOUNT_KIND_TO_MEANTIME]


def normalise_date_value(value: Any, precision: str | None = None) -> str:
    """ISO text of a predicted date, cut to its precision: day "2007-01-10", month "2007-01"."""
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value or "")
    if re.fullmatch(r"\d{4}-\d\d-\d\d", text):
        cut = {"year": 4, "month": 7}.get((precision or "").lower())
        text = text[:cut] if cut else text
    return text


def predicted_dates(prediction: dict) -> list[Span]:
    """(start, end, normalised value) of each predicted date."""
    return [(d["start"], d["end"], normalise_date_value(d.get("value"), d.get("precision")))
            for d in prediction["dates"]]


def predicted_transactions(prediction: dict, text: str) -> list[PredictedTransaction]:
    """Transaction tuples from ``deals``, ``events`` and ``transactions`` (the extractor's
    predicate-argument list of every transaction trigger).

    Trigger: ``trigger: {start, end}`` (or flat ``trigger_start``/``trigger_end``) when given
    and its text is a transaction word; otherwise the transaction words (see ``_TRANSACTION_WORD``) inside the deal's ``mentions``
    spans or the event's ``start``/``end``. Arg0/Arg1: ``arg0``/``arg1`` as ``{start, end}`` (or
    ``arg0_start``/``arg0_end``, ``arg1_start``/``arg1_end``) when given; otherwise
    every mention of the actor in that role: for events subject -> Arg0 and object -> Arg1; for
    deals Arg0 is the seller after a sell/sale word and the buyer otherwise (the PropBank agent),
    falling back to the parties, and Arg1 is the ``item`` (an actor id or text found in the
    deal's span). Predictions with the same trigger are merged into one.
    """
    spans_of_actor: dict[Any, list[Offsets]] = {}
    for m in prediction["mentions"]:
        spans_of_actor.setdefault(m["actor_id"], []).append((m["start"], m["end"]))

    def actor_spans(*actor_ids) -> list[Offsets]:
        return [s for a in actor_ids if a is not None for s in spans_of_actor.get(a, [])]

    def explicit(record: dict, key: str) -> list[Offsets]:
        """``key: {start, end}`` or ``key_start`` / ``key_end`` on the record, if given."""
        nested = record.get(key)
        if isinstance(nested, dict):
            start, end = nested.get("start"), nested.get("end")
        else:
            start, end = record.get(f"{key}_start"), record.get(f"{key}_end")
        return [(start, end)] if start is not None and end is not None else []

    def triggers(record: dict, spans: Iterable[Offsets]) -> list[Offsets]:
        given = explicit(record, "trigger")
        if given:  # kept only when it is a transaction word, as the gold is filtered
            return [t for t in given if _TRANSACTION_WORD.search(text[t[0]:t[1]])]
        return [(s + w.start(), s + w.end()) for s, e in spans
                for w in _TRANSACTION_WORD.finditer(text[s:e])]

    merged: dict[Offsets, tuple[set, set]] = {}

    def add(trigger: Offsets, arg0: Iterable[Offsets], arg1: Iterable[Offsets]) -> None:
        a0, a1 = merged.setdefault(trigger, (set(), set()))
        a0.update(arg0)
        a1.update(arg1)

    for deal in prediction.get("deals", []):
        deal_spans = [(m["start"], m["end"]) for m in deal.get("mentions", [])]
        for trig in triggers(deal, deal_spans):
            selling = re.match(r"(sell|sold|sale)", text[trig[0]:trig[1]], re.IGNORECASE)
            agent = deal.get("seller") if selling else deal.get("buyer")
            arg0 = explicit(deal, "arg0") or actor_spans(agent) or actor_spans(*deal.get("parties", []))
            arg1 = explicit(deal, "arg1") or _item_spans(deal.get("item"), deal_spans, text,
                                                         actor_spans)
            add(trig, arg0, arg1)
    for record in prediction.get("transactions", []):  # every trigger, actors or not
        for trig in triggers(record, []):
            add(trig, explicit(record, "arg0"), explicit(record, "arg1"))
    for event in prediction.get("events", []):
        own_span = [(event["start"], event["end"])] if event.get("start") is not None else []
        for trig in triggers(event, own_span):
            add(trig, explicit(event, "arg0") or actor_spans(event.get("subject_actor_id")),
                explicit(event, "arg1") or actor_spans(event.get("object_actor_id")))
    return [PredictedTransaction(t, tuple(sorted(a0)), tuple(sorted(a1)))
            for t, (a0, a1) in sorted(merged.items())]


def _item_spans(item, deal_spans, text, actor_spans) -> list[Offsets]:
    if item is None:
        return []
    found = actor_spans(item)
    if found or not isinstance(item, str) or not item.strip():
        return found
    for s, e in deal_spans or [(0, len(text))]:
        at = text.find(item, s, e)
        if at >= 0:
            found.append((at, at + len(item)))
    return found


# ---------------------------------------------------------------------------------------------
# Scoring


def _overlap(a: Offsets, b: Offsets) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _drop_unscored(pred: list[Span], scored: Iterable[Span], unscored: Iterable[Offsets]) -> list[Span]:
    """Leave out predictions that only touch gold spans outside the scored types."""
    scored, unscored = list(scored), list(unscored)
    return [p for p in pred
            if not any(_overlap(p[:2], u) for u in unscored)
            or any(_overlap(p[:2], g[:2]) for g in scored)]


def _transaction_matches(gold: GoldTransaction, pred: PredictedTransaction) -> bool:
    if not _overlap(gold.trigger, pred.trigger):
        return False
    for gold_arg, pred_arg in ((gold.arg0, pred.arg0), (gold.arg1, pred.arg1)):
        if gold_arg is not None and not any(_overlap(g, p) for g in gold_arg for p in pred_arg):
            return False
    return True


def match_transactions(gold: list[GoldTransaction], pred: list[PredictedTransaction]) -> int:
    """Number of one-to-one matches, pairing greedily in text order."""
    used: set[int] = set()
    matched = 0
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and _transaction_matches(g, p):
                used.add(i)
                matched += 1
                break
    return matched


def deal_triggers(deal: dict) -> list[Offsets]:
    """A deal's trigger and its mentions' triggers."""
    found = []
    for holder in (deal, *deal.get("mentions", [])):
        trigger = holder.get("trigger")
        if isinstance(trigger, dict) and trigger.get("start") is not None:
            found.append((trigger["start"], trigger["end"]))
        elif holder.get("trigger_start") is not None:
            found.append((holder["trigger_start"], holder["trigger_end"]))
    return found


def _sentence_numbers(sentences: list[Offsets], spans: Iterable[Offsets]) -> set[int]:
    return {i for span in spans for i, (s, e) in enumerate(sentences) if s <= span[0] < e}


# Agent phrases that name no one by themselves: a party read from them is checked by its name.
_PRONOUNS = {"it", "its", "he", "his", "she", "her", "him", "they", "their", "them", "we", "our", "who", "which", "that"}


def agent_among_parties(gold: GoldTransaction, prediction: dict, text: str | None = None) -> bool:
    """Whether a deal on the gold trigger has a party named where the gold Arg0 is: a party's
    mention overlaps it, or (given the text) the deal's agent phrase the parties were read from
    is the gold Arg0 and is not a pronoun ("the two companies" after the sentence naming both)."""
    spans_of: dict[Any, list[Offsets]] = {}
    for m in prediction.get("mentions", []):
        spans_of.setdefault(m["actor_id"], []).append((m["start"], m["end"]))
    for deal in prediction.get("deals", []):
        if not any(_overlap(t, gold.trigger) for t in deal_triggers(deal)):
            continue
        parties = [*deal.get("parties", []), deal.get("buyer"), deal.get("seller")]
        if any(_overlap(s, a) for p in parties if p is not None for s in spans_of.get(p, [])
               for a in gold.arg0 or ()):
            return True
        if text is not None and deal.get("parties"):
            phrases = [(m["arg0"]["start"], m["arg0"]["end"]) for m in (deal, *deal.get("mentions", []))
                       if isinstance(m.get("arg0"), dict)]
            if any(_overlap(p, a) and text[p[0]:p[1]].strip().lower() not in _PRONOUNS
                   for p in phrases for a in gold.arg0 or ()):
                return True
    return False


def score_documents(docs: Iterable[MeantimeDoc], predictions: Iterable[dict]) -> list[ScoreRow]:
    """Score extractor outputs (one dict per document, same order) against the gold."""
    names = {mode: SpanCounts() for mode in ("overlap", "strict")}
    names_by_type = {t: SpanCounts() for t in sorted(SCORED_ENTITY_TYPES)}
    values = {(t, mode): SpanCounts() for t in VALUE_TYPES for mode in ("overlap", "strict")}
    date_spans = {mode: SpanCounts() for mode in ("overlap", "strict")}
    dates_right = dates_total = 0
    trans = SpanCounts()
    deal_sentences = gold_sentences = both_sentences = 0
    agents_found = agents_total = 0
    judged = []

    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    for doc, pred in zip(docs, predictions):
        pred_names = _drop_unscored(predicted_names(pred), doc.names, doc.unscored_names)
        for mode, counts in names.items():
            counts.add(doc.names, pred_names, mode)
        for t, counts in names_by_type.items():
            counts.add([g for g in doc.names if g[2] == t], [p for p in pred_names if p[2] == t],
                       "overlap")

        pred_values = predicted_values(pred)
        for (t, mode), counts in values.items():
            counts.add([g for g in doc.values if g[2] == t], [p for p in pred_values if p[2] == t],
                       mode)

        pred_dates = _drop_unscored(predicted_dates(pred), doc.dates, doc.other_timexes)
        for mode, counts in date_spans.items():
            counts.add([(s, e, "DATE") for s, e, _ in doc.dates],
                       [(s, e, "DATE") for s, e, _ in pred_dates], mode)
        for s, e, value in set(doc.dates):
            dates_total += 1
            dates_right += any(_overlap((s, e), p[:2]) and p[2] == value for p in pred_dates)

        pred_trans = predicted_transactions(pred, doc.text)
        matched = match_transactions(doc.transactions, pred_trans)
        trans.gold_total += len(doc.transactions)
        trans.gold_found += matched
        trans.pred_total += len(pred_trans)
        trans.pred_correct += matched

        with_deal = _sentence_numbers(doc.sentences, [t for deal in pred.get("deals", [])
                                                      for t in deal_triggers(deal)])
        with_gold = _sentence_numbers(doc.sentences, [t.trigger for t in doc.transactions])
        deal_sentences += len(with_deal)
        gold_sentences += len(with_gold)
        both_sentences += len(with_deal & with_gold)
        judged += [(f"{DATASET}/{doc.doc_id}", deal["confidence"], right) for deal, right in labelled_deals(doc, pred)
                   if deal.get("confidence") is not None]  # predictions before 0.4.0 carry none
        for gold in doc.transactions:
            if gold.arg0 is not None:
                agents_total += 1
                agents_found += agent_among_parties(gold, pred, doc.text)

    def row(counts: SpanCounts, kind: str, mode: str) -> ScoreRow:
        return counts.row(DATASET, kind, mode, TARGETS.get((kind, mode)))

    rows = [row(names[m], "named PER/ORG/LOC mentions", m) for m in ("overlap", "strict")]
    rows += [row(names_by_type[t], f"named {t} mentions", "overlap") for t in names_by_type]
    rows += [row(values[t, m], f"{t} spans", m) for t in VALUE_TYPES for m in ("overlap", "strict")]
    rows += [row(date_spans[m], "DATE spans", m) for m in ("overlap", "strict")]
    rows.append(accuracy_row(DATASET, "DATE value", dates_right, dates_total,
                             TARGETS[("DATE value", "accuracy")]))
    rows.append(row(trans, "transaction (trigger, Arg0, Arg1)", "overlap"))
    sentence_recall = both_sentences / gold_sentences if gold_sentences else 0.0
    rows.append(precision_row(DATASET, "deal sentences", both_sentences, deal_sentences,
                              sentence_recall, gold_sentences,
                              TARGETS[("deal sentences", "precision")]))
    rows.append(recall_row(DATASET, "deal sentences", both_sentences, gold_sentences,
                           TARGETS[("deal sentences", "recall")],
                           both_sentences / deal_sentences if deal_sentences else 0.0))
    agent_kind = "transaction agent (Arg0) found among the deal's parties"
    rows.append(recall_row(DATASET, agent_kind, agents_found, agents_total,
                           TARGETS[(agent_kind, "recall")]))
    if judged:
        from factwire.evaluation.rams import confidence_rows

        rows.extend(confidence_rows(DATASET, judged))
    return rows


def extract_documents(docs: Iterable[MeantimeDoc], extract: Callable | None = None) -> list[dict]:
    """Run the extractor on every document (the spaCy model is loaded once and cached)."""
    if extract is None:
        from factwire.extract import extract
    return [extract(doc.text, doc.published) for doc in docs]


def score(dataset_dir: Path) -> list[ScoreRow]:
    docs = load_corpus(Path(dataset_dir).resolve())
    return score_documents(docs, extract_documents(docs))


def labelled_deals(doc: MeantimeDoc, prediction: dict) -> list[tuple[dict, bool]]:
    """The deals of a document the gold can judge, with whether each is right. Judged: deals
    with a trigger in a scored sentence that is a transaction word (the gold annotates every
    event there). Right: on a gold transaction, two sides or more (or one and a value when the
    gold Arg1 is no actor), the gold Arg0 among them (when annotated), and not denied, failed
    or cancelled. A deal on a transaction event the gold annotates without an Arg0 or Arg1 of
    its own is not judged: the gold names no side to check ours against."""
    spans_of: dict[Any, list[Offsets]] = {}
    for m in prediction.get("mentions", []):
        spans_of.setdefault(m["actor_id"], []).append((m["start"], m["end"]))
    found = []
    for deal in prediction.get("deals", []):
        triggers = [t for t in deal_triggers(deal)
                    if _sentence_numbers(doc.sentences, [t]) and _TRANSACTION_WORD.search(doc.text[t[0]:t[1]])]
        if not triggers:
            continue
        golds = [g for g in doc.transactions if any(_overlap(t, g.trigger) for t in triggers)]
        if not golds and all(any(_overlap(t, u) for u in doc.unlinked_transactions) for t in triggers):
            continue  # an event the gold names no side of: it cannot say whether ours are right
        parties = [p for p in dict.fromkeys([*deal.get("parties", []), deal.get("buyer"), deal.get("seller")])
                   if p is not None]
        # the agent named where the gold Arg0 is: by a party's mention, or by the agent phrase
        # the parties were read from ("the two companies" after a sentence naming both)
        agent_spans = [(m["arg0"]["start"], m["arg0"]["end"]) for m in (deal, *deal.get("mentions", []))
                       if isinstance(m.get("arg0"), dict)]
        # one side is enough when it says how much and the gold's Arg1 is no actor (as RAMS)
        mentioned = [s for spans in spans_of.values() for s in spans]
        one_sided_ok = deal.get("value") is not None and not any(
            g.arg1 and any(_overlap(a, s) for a in g.arg1 for s in mentioned) for g in golds)
        right = bool(golds) and (len(parties) >= 2 or (parties and one_sided_ok)) \
            and deal.get("status") not in ("denied", "failed", "cancelled") \
            and any(g.arg0 is None or agent_among_parties(g, {"mentions": prediction.get("mentions", []),
                                                              "deals": [deal]})
                    or any(_overlap(a, s) for a in g.arg0 for s in agent_spans) for g in golds)
        found.append((deal, right))
    return found
