"""One article's text and published date in, its facts out, as one JSON-ready dict.

The contract (names and meanings fixed; more keys are welcome): ``actors``, ``mentions``,
``amounts``, ``dates``, ``quotes``, ``citations``, ``deals``, ``events``; also ``transactions``,
every transaction trigger with its agent and theme spans whether or not they are actors. Every offset is a
Python string index into the text exactly as given, end exclusive.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Iterator

from spacy.tokens import Doc

from factwire.extract import actors as _actors
from factwire.extract.amounts import find_amounts
from factwire.extract.citations import find_citations
from factwire.extract.dates import find_dates
from factwire.extract.deals import described_actor, find_deals, find_transactions
from factwire.extract.events import find_events
from factwire.extract.quotes import find_quotes
from factwire.extract.syntax import MentionIndex, text_of

# Bump when a rule change can change the facts of an already-loaded article.
EXTRACTOR_VERSION = "0.4.0"

FACT_KINDS = ("actors", "mentions", "amounts", "dates", "quotes", "citations", "deals", "events")


def extract(text: str, published: date | None = None, cited_sources: list[str] | None = None) -> dict:
    """Facts of one article (loads the shared spaCy pipeline on first use)."""
    from factwire.nlp import parse

    return facts_from_doc(next(parse([text])), published, cited_sources)


def extract_many(items: Iterable[tuple[str, date | None, list[str] | None]],
                 batch_size: int | None = None, n_process: int | None = None) -> Iterator[dict]:
    """Facts of many articles, in order, with one batched spaCy pass over their texts."""
    from factwire.nlp import parse

    items = list(items)
    docs = parse((text for text, _, _ in items), batch_size=batch_size, n_process=n_process)
    for doc, (_, published, cited) in zip(docs, items):
        yield facts_from_doc(doc, published, cited)


def facts_from_doc(doc: Doc, published: date | None, cited_sources: list[str] | None = None,
                   max_facts: int | None = None) -> dict:
    """Facts of one parsed article. Each fact table keeps at most ``max_facts`` facts (default:
    the FACTWIRE_MAX_FACTS_PER_ARTICLE setting), the first in the text; ``facts_dropped``
    counts the rest. The time budget (`factwire.budget`) is checked between the rules."""
    from factwire.budget import check

    actors, mentions = _actors.find_actors(doc)
    check()
    actor_rows = {a.id: a.as_dict() for a in actors}
    amounts = find_amounts(doc)
    check()
    dates = find_dates(doc, published)
    check()
    citations = find_citations(doc, mentions, cited_sources)
    for citation in citations:
        if citation["actor_id"] is None and citation.get("named", True):  # "officials": no actor
            citation["actor_id"] = _source_actor(citation["source"], actor_rows)
    check()
    quotes = find_quotes(doc, mentions, actor_rows)
    check()
    index = MentionIndex(doc, mentions)
    index.actor_types = {a: row["type"] for a, row in actor_rows.items()}  # who each actor is, for the rules
    _speakers_described(doc, quotes, index, mentions, index.actor_types)
    # The deal and event rules look facts up by position: give them lists in text order.
    amounts.sort(key=lambda fact: fact["start"])
    dates.sort(key=lambda fact: fact["start"])
    placed = sorted((c for c in citations if c.get("start") is not None), key=lambda fact: fact["start"])
    deals = find_deals(doc, index, amounts, dates, placed)
    check()
    events = find_events(doc, index, dates, {a: row["type"] for a, row in actor_rows.items()})
    check()
    transactions = find_transactions(doc, index)
    check()
    facts = {
        "extractor_version": EXTRACTOR_VERSION,
        "published": published.isoformat() if published else None,
        "actors": list(actor_rows.values()),
        "mentions": mentions,
        "amounts": amounts,
        "dates": dates,
        "quotes": quotes,
        "citations": citations,
        "deals": deals,
        "events": events,
        "transactions": transactions,
    }
    facts["facts_dropped"] = _limit(facts, max_facts)
    _add_evidence(doc, facts["amounts"], facts["dates"], facts["quotes"], facts["citations"],
                  facts["mentions"], facts["deals"], facts["events"])
    return facts


# Titles of an office, which name one holder in a story ("the governor", "the prime minister").
OFFICE_TITLES = frozenset(_actors.TITLES - {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady",
                                            "former", "late", "vice", "supreme", "foreign", "defence", "defense",
                                            "crown", "prime", "leader", "chief", "officer", "journalist", "influencer",
                                            "deputy", "comrade", "gen", "col", "lt", "capt", "sen", "rep", "gov",
                                            "sgt", "rev", "speaker", "delegate", "representative", "trustee"})
# How near two people of one role may be named for "the <role>" to be neither.
ROLE_AMBIGUITY_CHARS = 600
_ROLE = re.compile(r"(?i)the\s+(?:former\s+|then-?\s*)?((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)")


def _titled_person(text: str, said_by: str, before: int, mentions: list[dict], actor_types: dict) -> str | None:
    """The person a role names ("the governor said", "the former mayor said"): the last person
    named before it with that role written as a title before the name ("Governor John Rankin")
    or set beside it ("Rankin, the governor,"), when only one person so named comes last."""
    m = _ROLE.fullmatch(said_by.strip())
    if m is None:
        return None
    role = m.group(1).lower().split()
    if role[-1] not in OFFICE_TITLES:
        return None  # "the singer", "the star": a description any person of the story may fit
    found: list[tuple[int, str]] = []
    for mention in mentions:
        if mention["start"] >= before or actor_types.get(mention["actor_id"]) != "person":
            continue
        ahead = text[max(0, mention["start"] - 60):mention["start"]].lower().split()
        after = text[mention["end"]:mention["end"] + 60].lower().replace(",", " , ").split()
        titled = ahead[-len(role):] == role or ahead[-len(role) - 1:-1] == role
        beside = after[:1] == [","] and (after[1:2] in (["the"], ["a"]) and after[2:2 + len(role)] == role)
        if titled or beside:
            found.append((mention["start"], mention["actor_id"]))
    if not found:
        return None
    last_at, last = found[-1]
    if any(actor != last and last_at - at < ROLE_AMBIGUITY_CHARS for at, actor in found):
        return None  # "Governor DeSantis met Governor Newsom. '...,' the governor said": which one?
    return last


def _speakers_described(doc: Doc, quotes: list[dict], index: MentionIndex, mentions: list[dict],
                        actor_types: dict[str, str]) -> None:
    """A quote's speaker written as a definite description ("the company said", "the bank
    said in a statement") is the organisation it points back at, read as a deal's side is
    ("Apple said it would appeal. '...,' the company said": Apple)."""
    text = None
    for quote in quotes:
        said_by = quote.get("speaker_text") or ""
        if quote.get("speaker_actor_id") is not None or not said_by.lower().startswith("the "):
            continue
        span = doc.char_span(quote["start"], quote["end"], alignment_mode="expand")
        if span is None:
            continue
        text = text if text is not None else text_of(doc)  # doc.text is built anew on each access
        for token in span.sent:
            if token.text == said_by.split()[-1] and text[token.left_edge.idx:token.idx + len(token)] == said_by:
                quote["speaker_actor_id"] = described_actor(index, token)
                break
        if quote["speaker_actor_id"] is None:
            quote["speaker_actor_id"] = _titled_person(text, said_by, quote["start"], mentions, actor_types)


# Fact lists a stored article keeps at most ``max_facts`` of (actors are kept whole: every kept
# fact may point at any of them).
LIMITED_KINDS = ("mentions", "amounts", "dates", "quotes", "citations", "deals", "events", "transactions")


def _limit(facts: dict, max_facts: int | None) -> int:
    """Cut each fact list to its first ``max_facts`` facts in text order; how many were cut."""
    if max_facts is None:
        from factwire.settings import get_settings

        max_facts = get_settings().max_facts_per_article
    dropped = 0
    for kind in LIMITED_KINDS:
        found = facts[kind]
        if max_facts >= 0 and len(found) > max_facts:
            dropped += len(found) - max_facts
            facts[kind] = found[:max_facts]
    return dropped


def _source_actor(source: str, actor_rows: dict[str, dict]) -> str | None:
    """A cited source is an actor too (usually a news organisation), unless the alias table
    knows the name as a thing no actor is ("according to the S&P 500" cites an index's level)."""
    entry = _actors.lookup_alias(source)
    if entry is not None and entry.type == _actors.THING:
        return None
    name, kind, country = (entry.canonical, entry.type, entry.country) if entry else (source, "organization", None)
    key = _actors.actor_id(name)
    actor_rows.setdefault(key, {"id": key, "name": name, "type": kind, "country": country,
                                "name_source": "alias table" if entry else "text"})
    return key


# The evidence a fact keeps beside its offsets: its sentence, or the SNIPPET_CHARS of the
# sentence around it when the sentence is longer (the article's text is stored once, in full).
SNIPPET_CHARS = 1000


def _add_evidence(doc: Doc, *fact_lists: list[dict]) -> None:
    """The sentence each fact stands in, bounded to SNIPPET_CHARS, for readers checking a fact
    against its source."""
    import bisect

    from factwire.extract.syntax import sentences as doc_sentences, text_of

    sentences = [(s.start_char, s.end_char) for s in doc_sentences(doc)]
    text = text_of(doc)
    starts = [s for s, _ in sentences]
    for facts in fact_lists:
        for fact in facts:
            where = fact if fact.get("start") is not None else (fact.get("mentions") or [{}])[0]  # a deal
            start = where.get("start")
            if start is None:
                continue
            position = bisect.bisect_right(starts, start) - 1
            if position < 0:
                continue
            s, e = sentences[position]
            fact["sentence"] = snippet(text, s, e, start, where.get("end") or start)


def snippet(text: str, start: int, end: int, fact_start: int, fact_end: int, limit: int = SNIPPET_CHARS) -> str:
    """``text[start:end]`` if at most ``limit`` long, else the ``limit`` characters of it
    centred on the fact at ``fact_start:fact_end``."""
    if end - start <= limit:
        return text[start:end]
    centre = (fact_start + min(fact_end, fact_start + limit)) // 2
    first = min(max(start, centre - limit // 2), end - limit)
    return text[first:first + limit]
