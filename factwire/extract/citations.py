"""Sources an article cites: "according to the Financial Times", "according to officials",
"according to a poll by Gallup", "The Washington Post reported", "... told Reuters", and the
closing "Sources:" line of the article file.

A citation keeps the source as the article words it (``text``, with its offsets) and, when the
source is named, the actor it names (``actor_id``): "a poll by Gallup" cites Gallup, "NYPD
Commissioner James O'Neill" the person. An unnamed source ("officials", "the poll", "a campaign
aide") is a citation too, with no actor (``named`` is False): PolNeAR's annotators mark these as
sources as often as named ones, and a reader wants to know a claim rests on "officials".
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from factwire.extract.actors import clean_name
from factwire.extract.syntax import entities, lower_lemmas, sentence_of, text_of

# Phrases that introduce a named source; the source is the named entity right after them.
_INTRODUCERS = re.compile(
    r"\b(?:as\s+reported\s+by|reported\s+by|cited\s+by|quoted\s+by|told|"
    r"in\s+an\s+interview\s+with|citing)\s+(?:(?:reports?|a\s+report|an\s+article|sources|data|figures)\s+"
    r"(?:by|in|from|of)\s+)?",
    re.IGNORECASE,
)
REPORT_VERBS = {"report", "cite", "publish", "quote"}
# "Reveal" carries a report when a record reveals it ("the survey revealed that ..."); a person
# or a company that reveals something is news about itself ("the pair revealed that they were
# expecting", "Apple revealed a phone").
REVEAL_VERBS = {"reveal", "show"}
RECORDS = {"survey", "poll", "report", "study", "research", "record", "records", "data", "document",
           "documents", "filing", "filings", "analysis", "investigation", "figures", "statistics",
           "review", "audit", "census", "papers", "emails", "letter", "letters", "memo", "footage"}
SOURCE_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "GPE", "NORP"}
# A source phrase longer than this (in tokens) has taken in a clause the parser hung on it: it is
# cut at its first comma.
MAX_SOURCE_TOKENS = 30
# Prepositions through which a source phrase names who stands behind it: "a poll by Gallup",
# "data from the Census Bureau", "a statement of the ministry".
_BEHIND = {"by", "from", "of", "at", "with"}
# Writings that name their publisher with "in": "an article in Healthline", "a report in the
# Times" (where "officials in Washington" names a place, not who speaks).
_PUBLISHED = {"article", "report", "story", "study", "interview", "editorial", "piece", "column",
              "op-ed", "paper", "survey", "post", "letter", "review", "analysis", "essay", "feature"}
# "According to" also means "in a way that depends on": "adjust according to taste", "went
# according to plan", "sorted according to size". Right after a verb of arranging or varying
# (no comma: an attribution is set off, "prices vary, according to the report"), or with a
# measure, a plan or a wish as its object, it cites no one.
_MANNER_VERBS = {"adjust", "vary", "sort", "rank", "classify", "group", "arrange", "divide", "season",
                 "proceed", "act", "behave", "tailor", "differ", "organize", "organise",
                 "categorize", "categorise", "distribute", "scale", "grade", "adapt"}
_MANNER_NOUNS = {"plan", "plans", "preference", "preferences", "taste", "tastes", "need", "needs",
                 "liking", "wish", "wishes", "instruction", "instructions", "direction",
                 "directions", "size", "sizes", "schedule", "script", "ability", "abilities",
                 "means", "merit", "merits", "age", "weight", "height",
                 # norms a thing is done by, not sources: "used according to the license below"
                 "license", "licence", "terms", "rules", "guidelines", "protocol", "protocols",
                 "procedure", "procedures", "recipe", "regulations", "custom", "tradition"}
# Verbs after which "told X" and "in an interview with X" name a listener: a news organisation
# that carries the words is a source the article cites; a person who heard them ("Meghan told
# Winfrey") is not.
_LISTENER_INTRODUCERS = re.compile(r"^(?:told|in\s+an\s+interview\s+with)\b", re.IGNORECASE)


def find_citations(doc: Doc, mentions: list[dict], cited_sources: list[str] | None = None) -> list[dict]:
    """Inline citations with their offsets, then the listed sources (no offsets)."""
    text = text_of(doc)
    mention_by_start = {m["start"]: m for m in mentions}
    ordered = sorted(mentions, key=lambda m: m["start"])
    citations: list[dict] = []
    taken: list[tuple[int, int]] = []  # the citations' spans, disjoint, sorted

    def add(start: int, end: int, source: str, how: str, actor_id: str | None = None,
            named: bool = True) -> None:
        at = bisect.bisect_left(taken, (start, end))
        if (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
            return  # one place in the text cites one source
        taken.insert(at, (start, end))
        if actor_id is None and named:
            mention = mention_by_start.get(start)
            # a name that covers the source ("Nevada" does not cover "Nevada Current Daily")
            actor_id = mention["actor_id"] if mention and mention["end"] >= end else None
        citations.append({"source": source, "actor_id": actor_id, "start": start, "end": end,
                          "text": text[start:end], "kind": how, "named": named})

    for found in _according_to(doc, text, ordered):
        add(*found)
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
        if ent.label_ == "PERSON" and _LISTENER_INTRODUCERS.match(match.group(0)):
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
    for found, subject in _unnamed_reporters(doc):
        # "Data published by OpenAI shows that ...", "a poll by Gallup revealed": the record's
        # publisher, named after it, is the source
        start, end = found[0], min(subject.right_edge.idx + len(subject.right_edge), subject.head.idx)
        if subject.head.i > subject.i and end - start < 200:
            within = [m for m in ordered if start <= m["start"] and m["end"] <= end]
            mention = _source_mention(doc, start, end, subject, within) if within else None
            if mention is not None and mention["start"] > subject.idx:
                add(mention["start"], mention["end"], clean_name(mention["text"], person=None) or mention["text"],
                    "inline", mention["actor_id"], True)
                continue
        add(*found)
    citations.sort(key=lambda c: c["start"])
    for source in cited_sources or []:
        citations.append({"source": source, "actor_id": None, "start": None, "end": None,
                          "text": source, "kind": "sources_line", "named": True})
    return citations


def _according_to(doc: Doc, text: str, mentions: list[dict]):
    """(start, end, source, kind, actor id, named) of every "according to X", named or not."""
    mention_starts = [m["start"] for m in mentions]
    ents = [e for e in entities(doc) if e.label_ in ("ORG", "PERSON")]
    ent_starts = [e.start_char for e in ents]
    for match in re.finditer(r"\baccording\s+to\s+", text, re.IGNORECASE):
        phrase = _object_phrase(doc, match.end())
        if phrase is None:
            continue
        start, end, head = phrase
        if _in_manner(doc, start, head):
            continue
        # The names inside the phrase, found by bisection (the cost stays linear in the article).
        within = mentions[bisect.bisect_left(mention_starts, start):bisect.bisect_left(mention_starts, end)]
        mention = _source_mention(doc, start, end, head, within)
        if mention is not None:
            name = clean_name(mention["text"], person=None) or mention["text"]
            yield mention["start"], mention["end"], name, "inline", mention["actor_id"], True
            continue
        ent = _entity_in(ents[bisect.bisect_left(ent_starts, start):bisect.bisect_left(ent_starts, end)], end)
        if ent is not None:
            s, e, name = _name_of(ent)
            yield s, e, name, "inline", None, True
            continue
        # Unnamed: the words up to the phrase's head ("a campaign aide", "federal statistics").
        # A head that is itself a proper noun is a name the tagger did not type ("Iowa Starting
        # Line"): the source is the whole name, not the place name inside it.
        head_end = head.idx + len(head.text) if head is not None else end
        named = head is not None and head.pos_ == "PROPN" and head.text[:1].isupper()
        if named:
            first = head
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].idx >= start:
                first = doc[first.i - 1]
            yield first.idx, head_end, text[first.idx:head_end], "inline", None, True
            continue
        yield start, max(head_end, start + 1), text[start:head_end] or text[start:end], "inline", None, False


def _unnamed_reporters(doc: Doc):
    """"..., the newspaper reported." / "State media reported that ...": a common noun as the
    subject of a report verb that carries a report (a clause, or the sentence it closes), not
    an object ("the company reported a loss" is a fact about the company). Yields the citation
    and the subject's head."""
    lemmas = lower_lemmas(doc)
    for i, lemma in enumerate(lemmas):
        if lemma not in REPORT_VERBS and lemma not in REVEAL_VERBS:
            continue
        verb = doc[i]
        if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "attr") for c in verb.children):
            continue
        if not (verb.dep_ in ("parataxis", "ccomp") or any(c.dep_ == "ccomp" for c in verb.children)):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ == "xcomp":
            continue  # "I want the record to show that ...": wished for, nothing reported yet
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
                continue
            if subject.text[:1].isupper() and not subject.is_sent_start:
                continue  # a capitalised word within a sentence is a name ("Dion revealed")
            if lemma in REVEAL_VERBS and subject.lower_ not in RECORDS:
                continue
            start = subject.left_edge.idx
            end = subject.idx + len(subject.text)
            if start < end:
                yield (start, end, text_of(doc)[start:end], "inline", None, False), subject


def _object_phrase(doc: Doc, at: int) -> tuple[int, int, Token | None] | None:
    """Start, end and head of the noun phrase that begins at character ``at`` (after "according
    to"): the object of "to" as parsed, bounded to its sentence and cut at its first comma when
    the parser hung a clause on it; without a parsed object, the words up to the next comma."""
    span = doc.char_span(at, min(len(text_of(doc)), at + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0]
    sent = sentence_of(first)
    to = doc[first.i - 1] if first.i > 0 else None
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None and to.lower_ == "to" else []
    if objects:
        head = objects[0]
        last = min(head.right_edge.i, sent.end - 1)
    else:
        head, last = None, first.i
        while last + 1 < sent.end and doc[last + 1].text not in {",", ".", ";", ":", "—", "–", "(", "\n"} \
                and not doc[last + 1].is_space and last - first.i < MAX_SOURCE_TOKENS:
            last += 1
    if last - first.i >= MAX_SOURCE_TOKENS:
        commas = [t.i for t in doc[first.i:last + 1] if t.text == ","]
        if commas and commas[0] > first.i:
            last = commas[0] - 1
    while last > first.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if head is not None and not first.i <= head.i <= last:
        head = None
    return first.idx, doc[last].idx + len(doc[last].text), head


def _source_mention(doc: Doc, start: int, end: int, head: Token | None, mentions: list[dict]) -> dict | None:
    """The named actor a source phrase stands for: the one its head names ("the Federal Bureau of
    Prisons"), else one hung on the head by "by", "from"... ("a poll by Gallup"), else one that
    modifies the head ("a Washington Post database"). A pronoun or a common noun is no name."""
    inside = [m for m in mentions if m["start"] >= start and m["end"] <= end
              and m.get("kind") not in ("pronoun", "nominal", "demonym", "nested")]
    if not inside:
        return None
    if head is None:
        return inside[0]
    for m in inside:
        if m["start"] <= head.idx < m["end"]:
            return m
    behind = [m for m in inside if _hangs_on(doc, m, head)]
    if behind:
        return behind[0]
    if head.pos_ == "PROPN":
        return None  # "Iowa Starting Line": a place at the start of a name is not the source
    before_head = [m for m in inside if m["end"] <= head.idx]
    return before_head[0] if before_head else None


def _hangs_on(doc: Doc, mention: dict, head: Token) -> bool:
    """Whether a mention's words hang on the head through a preposition of _BEHIND."""
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "pobj":
        return False
    holder = root.head.head
    if holder.dep_ == "acl" and holder.tag_ == "VBN" and holder.head.i == head.i:
        holder = head  # "data published by OpenAI", "a poll conducted by Gallup"
    if holder.i != head.i:
        return False
    return root.head.lower_ in _BEHIND or (root.head.lower_ == "in" and head.lower_ in _PUBLISHED)


def _in_manner(doc: Doc, start: int, head: Token | None) -> bool:
    """Whether an "according to" at ``start`` means "depending on" rather than citing. An
    attribution is set off from its clause (it opens the sentence, or follows a comma, a
    parenthesis or a dash: "According to the plan, firms must repay"); the manner sense runs on
    from what it qualifies, after a verb of arranging or varying ("adjust according to taste"),
    or with a plan, a wish, a measure or the reader's own taste as its object ("went according
    to plan", "add water according to your desired thickness")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    according = doc[span.start - 2]
    if according.lower_ != "according" or according.is_sent_start or according.i == 0 \
            or doc[according.i - 1].text in {",", "(", "—", "–", ";", ":", "\n"} or doc[according.i - 1].is_space:
        return False
    if head is not None and head.lower_ in _MANNER_NOUNS:
        return True
    if span[0].lower_ in ("your", "one's", "own"):
        return True
    verb = according.head
    return verb.i != according.i and verb.pos_ == "VERB" and verb.lemma_.lower() in _MANNER_VERBS \
        and verb.i < according.i and not any(t.text in {",", "(", "—", "–"} for t in doc[verb.i:according.i])


def _entity_in(ents: list[Span], end: int) -> Span | None:
    """The first person or organisation entity (of those starting in a phrase) that ends in it."""
    for ent in ents:
        if ent.end_char <= end:
            return ent
    return None


def _name_of(ent) -> tuple[int, int, str]:
    name = clean_name(ent.text, person=ent.label_ == "PERSON")
    offset = ent.text.rfind(name)
    start = ent.start_char + max(offset, 0)
    return start, start + len(name), name
