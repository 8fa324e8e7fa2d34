"""Direct quotes and the actor who spoke them.

A quote is text between straight or curly double quotation marks that reads as speech (a few
words at least, not a scare-quoted title). Its speaker comes from an attribution verb in the
same sentence ("..., Zelensky said"; "Zelensky said: ..."), else from the sentence right after or
before it, else from the quote just before when the two are consecutive paragraphs of one speech.
Pronoun speakers ("he said") resolve to the last named person.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

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
_QUOTE = re.compile(r"“([^”]{2,}?)”|\"([^\"\n]{2,}?)\"|«([^»]{2,}?)»")


def find_quotes(doc: Doc, mentions: list[dict], actors_by_id: dict[str, dict]) -> list[dict]:
    text = text_of(doc)
    mention_at = sorted(mentions, key=lambda m: m["start"])
    quotes: list[dict] = []
    previous: dict | None = None
    for match in _QUOTE.finditer(text):
        group = next(i for i in (1, 2, 3) if match.group(i) is not None)
        start, end = match.start(group), match.end(group)
        inner = match.group(group)
        if len(inner.split()) < MIN_QUOTE_WORDS:
            continue
        speaker = _speaker_in_sentence(doc, match.start(), match.end(), mention_at, actors_by_id)
        if speaker is None and previous is not None and _consecutive(text, previous["_outer_end"], match.start()):
            speaker = (previous["speaker_actor_id"], previous["speaker_text"])
        if speaker is None:
            speaker = _speaker_nearby(doc, match.start(), match.end(), mention_at, actors_by_id)
        actor, speaker_text = speaker if speaker else (None, None)
        quote = {"text": inner, "start": start, "end": end, "speaker_actor_id": actor,
                 "speaker_text": speaker_text, "_outer_end": match.end()}
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
    position = {s.start: i for i, s in enumerate(sents)} if around else {}
    inside = [position[s.start] for s in around]
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
