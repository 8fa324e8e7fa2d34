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
EXTRACTOR_VERSION = "0.2.0"

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


def facts_from_doc(doc: Doc, published: date | None, cited_sources: list[str] | None = None) -> dict:
    actors, mentions = _actors.find_actors(doc)
    actor_rows = {a.id: a.as_dict() for a in actors}
    amounts = find_amounts(doc)
    dates = find_dates(doc, published)
    citations = find_citations(doc, mentions, cited_sources)
    for citation in citations:
        if citation["actor_id"] is None:
            citation["actor_id"] = _source_actor(citation["source"], actor_rows)
    quotes = find_quotes(doc, mentions, actor_rows)
    index = MentionIndex(doc, mentions)
    deals = find_deals(doc, index, amounts, dates, citations)
    events = find_events(doc, index, dates)
    transactions = find_transactions(doc, index)
    _add_evidence(doc, amounts, dates, quotes, citations, mentions)
    return {
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


def _source_actor(source: str, actor_rows: dict[str, dict]) -> str:
    """A cited source is an actor too (usually a news organisation)."""
    entry = _actors.lookup_alias(source)
    name, kind, country = (entry.canonical, entry.type, entry.country) if entry else (source, "organization", None)
    key = _actors.actor_id(name)
    actor_rows.setdefault(key, {"id": key, "name": name, "type": kind, "country": country,
                                "name_source": "alias table" if entry else "text"})
    return key


def _add_evidence(doc: Doc, *fact_lists: list[dict]) -> None:
    """The sentence each fact stands in, for readers checking a fact against its source."""
    from factwire.extract.syntax import sentences as doc_sentences, text_of

    sentences = [(s.start_char, s.end_char) for s in doc_sentences(doc)]
    text = text_of(doc)
    starts = [s for s, _ in sentences]
    import bisect

    for facts in fact_lists:
        for fact in facts:
            if fact.get("sentence") is not None or fact.get("start") is None:
                continue
            position = bisect.bisect_right(starts, fact["start"]) - 1
            if position >= 0:
                s, e = sentences[position]
                fact["sentence"] = text[s:e]
