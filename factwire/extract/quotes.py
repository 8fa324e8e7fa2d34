"""Direct quotes and the actor who spoke them.

A quote is text between straight or curly double quotation marks that reads as speech (a few
words at least, not a scare-quoted title). Its speaker comes from an attribution verb in the
same sentence ("..., Zelensky said"; "Zelensky said: ..."), else from the sentence right after or
before it, else from the quote just before when the two are consecutive paragraphs of one speech.
Pronoun speakers ("he said") resolve to the last named person.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from spacy.tokens import Doc, Span

from factwire.budget import check
from factwire.extract.syntax import sentences, sentences_overlapping, text_of

SPEECH_VERBS = {
    "say", "tell", "warn", "add", "claim", "argue", "state", "insist", "note", "explain", "write",
    "ask", "declare", "announce", "stress", "say", "told", "reply", "respond", "remark", "suggest",
    "acknowledge", "admit", "emphasise", "emphasize", "comment", "observe", "continue", "recall",
    "predict", "conclude", "tweet", "post", "vow", "promise", "urge", "caution", "complain",
    "describe", "deny", "confirm", "point", "assert", "contend", "maintain", "reiterate",
}
PRONOUNS = {"he", "she", "they", "i", "we"}
MIN_QUOTE_WORDS = 4
# A direct quotation is at most a few paragraphs: a longer stretch between quotation marks is a
# stray mark, not a quote.
MAX_QUOTE_CHARS = 5000
# A quotation within a sentence (a search over one sentence only, so its cost is bounded).
_QUOTE = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|«([^»]{2,}?)»")
# Opening mark -> (closing mark, whether the quote may span a line break).
_MARKS = {"“": ("”", True), '"': ('"', False), "«": ("»", True)}


def _quote_spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of each quotation, left to right: an
    opening mark, at least two characters, and the first closing mark after them (a straight
    quote within its line). Linear in the text: each mark is found by bisection in the sorted
    positions of its closing mark, so a text made of quotation marks costs no more than prose."""
    positions: dict[str, list[int]] = {}
    for mark in {"“", "”", '"', "«", "»", "\n"}:
        positions[mark] = [m.start() for m in re.finditer(re.escape(mark), text)]
    openings = sorted(p for mark in _MARKS for p in positions[mark])
    resume = 0
    for start in openings:
        if start < resume:
            continue
        closing, multiline = _MARKS[text[start]]
        ends = positions[closing]
        at = bisect.bisect_left(ends, start + 1)
        if at >= len(ends):
            continue
        end = ends[at]
        if end - start < 3 or end - start - 1 > MAX_QUOTE_CHARS:
            continue
        if not multiline:
            breaks = positions["\n"]
            b = bisect.bisect_left(breaks, start)
            if b < len(breaks) and breaks[b] < end:
                continue
        resume = end + 1
        yield start, end + 1, start + 1, end


def find_quotes(doc: Doc, mentions: list[dict], actors_by_id: dict[str, dict]) -> list[dict]:
    text = text_of(doc)
    mention_at = sorted(mentions, key=lambda m: m["start"])
    quotes: list[dict] = []
    previous: dict | None = None
    for outer_start, outer_end, start, end in _quote_spans(text):
        check()
        inner = text[start:end]
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        speaker = _speaker_in_sentence(doc, outer_start, outer_end, mention_at, actors_by_id)
        if speaker is None and previous is not None and _consecutive(text, previous["_outer_end"], outer_start):
            speaker = (previous["speaker_actor_id"], previous["speaker_text"])
        if speaker is None:
            speaker = _speaker_nearby(doc, outer_start, outer_end, mention_at, actors_by_id)
        actor, speaker_text = speaker if speaker else (None, None)
        quote = {"text": inner, "start": start, "end": end, "speaker_actor_id": actor,
                 "speaker_text": speaker_text, "_outer_end": outer_end}
        quotes.append(quote)
        previous = quote
    for quote in quotes:
        del quote["_outer_end"]
    return quotes


def _consecutive(text: str, previous_end: int, start: int) -> bool:
    """True when only the rest of the previous quote's sentence (its attribution) and at most one
    paragraph break separate two quotes: the same speaker goes on."""
    between = text[previous_end:start]
    return len(between) < 80 and not re.search(r"\n\s*\n.*\n\s*\n", between, re.S)


def _sentences_around(doc: Doc, start: int, end: int) -> list[Span]:
    return sentences_overlapping(doc, start, end)


def _speaker_in_sentence(doc, q_start, q_end, mentions, actors_by_id):
    sentences = _sentences_around(doc, q_start, q_end)
    if not sentences:
        return None
    first, last = sentences[0], sentences[-1]
    # Attribution after the quote (to the end of its sentence), then before it.
    for lo, hi in ((q_end, last.end_char), (first.start_char, q_start)):
        found = _attribution(doc, lo, hi, mentions, actors_by_id)
        if found:
            return found
    return None


def _speaker_nearby(doc, q_start, q_end, mentions, actors_by_id):
    sents = sentences(doc)
    around = sentences_overlapping(doc, q_start, q_end)
    starts = doc.user_data["factwire.sentence_starts"]
    inside = [bisect.bisect_left(starts, s.start) for s in around]
    if not inside:
        return None
    for index in (inside[-1] + 1, inside[0] - 1):
        if 0 <= index < len(sents):
            sent = sents[index]
            if _QUOTE.search(text_of(doc), sent.start_char, sent.end_char):  # sent.text rebuilds it
                continue
            found = _attribution(doc, sent.start_char, sent.end_char, mentions, actors_by_id)
            if found:
                return found
    return None


def _attribution(doc: Doc, lo: int, hi: int, mentions, actors_by_id):
    """The subject of a speech verb between two offsets, resolved to an actor if possible."""
    if hi <= lo:
        return None
    span = doc.char_span(lo, hi, alignment_mode="expand")
    if span is None:
        return None
    for token in span:  # "according to Elon Musk, ..."
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            for obj in objects:
                phrase = doc[obj.left_edge.i: obj.right_edge.i + 1]
                actor = _actor_in(phrase.start_char, phrase.end_char, mentions, actors_by_id, person_first=True)
                if actor:
                    return actor
    for token in span:
        if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS:
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        for subj in subjects:
            head_span = doc[subj.left_edge.i: subj.right_edge.i + 1]
            actor = _actor_in(head_span.start_char, head_span.end_char, mentions, actors_by_id, person_first=True)
            if actor:
                return actor
            if subj.lower_ in PRONOUNS:
                last = _last_person_before(head_span.start_char, mentions, actors_by_id)
                if last:
                    return last[0], subj.text
            return None, head_span.text
    return None


def _actor_in(lo, hi, mentions, actors_by_id, person_first=False):
    inside = [m for m in mentions if m["start"] >= lo and m["end"] <= hi]
    if person_first:
        people = [m for m in inside if actors_by_id.get(m["actor_id"], {}).get("type") == "person"]
        inside = people or inside
    if not inside:
        return None
    mention = inside[-1] if person_first else inside[0]
    return mention["actor_id"], mention["text"]


def _last_person_before(position, mentions, actors_by_id):
    people = [m for m in mentions if m["end"] <= position
              and actors_by_id.get(m["actor_id"], {}).get("type") == "person"]
    return (people[-1]["actor_id"], people[-1]["text"]) if people else None
