"""One article's text and published date in, its facts out, as one JSON-ready dict.

The contract (names and meanings fixed; more keys are welcome): ``actors``, ``mentions``,
``amounts``, ``dates``, ``quotes``, ``citations``, ``deals``, ``events``; also ``transactions``,
every transaction trigger with its agent and theme spans whether or not they are actors. Every offset is a
Python string index into the text exactly as given, end exclusive.
"""

from __future__ import annotations

from datetime import date
from typing import Iterable, Iterator

from spacy.tokens import Doc

from factwire.extract import actors as _actors
from factwire.extract.amounts import find_amounts
from factwire.extract.citations import find_citations
from factwire.extract.dates import find_dates
from factwire.extract.deals import find_deals, find_transactions
from factwire.extract.events import find_events
from factwire.extract.quotes import find_quotes
from factwire.extract.syntax import MentionIndex

# Bump when a rule change can change the facts of an already-loaded article.
EXTRACTOR_VERSION = "0.5.0"

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
    index = MentionIndex(doc, mentions)
    index.actor_types = {a: row["type"] for a, row in actor_rows.items()}  # who each actor is, for the rules
    quotes = find_quotes(doc, mentions, actor_rows, index=index)
    check()
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
