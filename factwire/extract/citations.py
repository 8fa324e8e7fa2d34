"""Sources an article cites: "according to the Financial Times", "The Washington Post reported",
and the closing "Sources:" line of the article file."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from factwire.extract.actors import clean_name
from factwire.extract.syntax import entities, text_of

# Phrases that introduce a cited source; the source is the named entity right after them.
_INTRODUCERS = re.compile(
    r"\b(?:according\s+to|as\s+reported\s+by|reported\s+by|cited\s+by|quoted\s+by|told|"
    r"in\s+an\s+interview\s+with|citing)\s+(?:(?:reports?|a\s+report|an\s+article|sources|data|figures)\s+"
    r"(?:by|in|from|of)\s+)?",
    re.IGNORECASE,
)
REPORT_VERBS = {"report", "cite", "publish", "reveal", "quote"}
SOURCE_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "GPE", "NORP"}


def find_citations(doc: Doc, mentions: list[dict], cited_sources: list[str] | None = None) -> list[dict]:
    """Inline citations with their offsets, then the listed sources (no offsets)."""
    text = text_of(doc)
    mention_by_start = {m["start"]: m for m in mentions}
    citations: list[dict] = []
    seen_spans: set[tuple[int, int]] = set()

    def add(start: int, end: int, source: str, how: str) -> None:
        if (start, end) in seen_spans:
            return
        seen_spans.add((start, end))
        mention = mention_by_start.get(start)
        citations.append({"source": source, "actor_id": mention["actor_id"] if mention else None,
                          "start": start, "end": end, "text": text[start:end], "kind": how})

    ents_by_start = {}
    for ent in entities(doc):
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART"):
            ents_by_start[ent.start_char] = ent
            if ent.text.lower().startswith("the "):
                ents_by_start[ent.start_char + 4] = ent
    for match in _INTRODUCERS.finditer(text):
        ent = ents_by_start.get(match.end())
        if ent is None:
            continue
        start, end, name = _name_of(ent)
        add(start, end, name, "inline")
    # "<Source> (has also) reported that ...": a named organisation as subject of a report verb.
    for ent in entities(doc):
        if ent.label_ != "ORG":
            continue
        root = ent.root
        if root.dep_ in ("nsubj",) and root.head.lemma_.lower() in REPORT_VERBS:
            start, end, name = _name_of(ent)
            add(start, end, name, "inline")
    citations.sort(key=lambda c: c["start"])
    for source in cited_sources or []:
        citations.append({"source": source, "actor_id": None, "start": None, "end": None,
                          "text": source, "kind": "sources_line"})
    return citations


def _name_of(ent) -> tuple[int, int, str]:
    name = clean_name(ent.text, person=ent.label_ == "PERSON")
    offset = ent.text.rfind(name)
    start = ent.start_char + max(offset, 0)
    return start, start + len(name), name
