"""CoNLL-2003 sentences as spaCy training Docs in the base model's OntoNotes labels.

CoNLL annotates four types (PER, ORG, LOC, MISC); the base model knows eighteen, and the
extractor needs the ones CoNLL lacks (MONEY, DATE, CARDINAL feed amounts and dates; PRODUCT,
WORK_OF_ART, EVENT tell what is *not* an actor). Training on CoNLL's labels alone would teach the
model that a date or a sum of money is outside any entity. So each sentence is also read by the
base model (pseudo-rehearsal) and its entities of the other types are kept where they do not
touch a gold entity; the gold entities are mapped onto OntoNotes labels:

- PER -> PERSON, ORG -> ORG;
- LOC -> the base model's GPE, LOC or FAC when it finds the same span, else GPE (most CoNLL
  places are countries and cities);
- MISC -> the base model's label when it finds the same span with a label that is not an actor
  (NORP, EVENT, PRODUCT, WORK_OF_ART, LAW, LANGUAGE, FAC); else NORP when the name is an
  adjective or a plural proper noun (CoNLL's POS column: "German", "Democrats"); else the span
  is left *missing* (no loss either way): a MISC name is not a person, organisation or place,
  but which OntoNotes type it is cannot be told.

The text is rebuilt from the tokens with ordinary English spacing (no space before a comma or
after an opening bracket), so spaCy's tokenizer sees what it sees on a news page, and training
aligns its tokens to CoNLL's.

Register: CoNLL is 1996 Reuters wire copy with all-caps headlines and sports result tables
("Barnsley 3 Stoke 1"). News pages have neither, and a model taught on them learns that capitals
and digits around a word make it a name. Sentences with no lower-case letter and sentences that
are mostly numbers are left out (`news_like`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from factwire.nlp import reads_as_prose

# What the extractor takes as actors; the base model's entities of these types are never kept
# from rehearsal (CoNLL's gold decides them).
ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
PLACE_LABELS = ("GPE", "LOC", "FAC")
MISC_LABELS = frozenset({"NORP", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE", "FAC"})
GOLD_LABEL = {"PER": "PERSON", "ORG": "ORG"}

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re",
                    "'ve", "'ll", "'d", "'m", "..."}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``"}


@dataclass
class Sentence:
    """One CoNLL sentence: its tokens, their POS tags and gold entities as (start, end, type)
    token spans (end exclusive)."""

    words: list[str]
    tags: list[str]
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    document: int = 0


def read_conll(path: Path | str) -> list[Sentence]:
    """The sentences of a CoNLL-2003 file (word, POS, chunk, IOB tag per line), numbered by
    ``-DOCSTART-`` document. IOB is read as conlleval reads it: ``I-X`` after another type opens."""
    sentences: list[Sentence] = []
    document = -1
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            sentences.append(_sentence(rows, max(document, 0)))
            rows.clear()

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            flush()
        elif parts[0] == "-DOCSTART-":
            flush()
            document += 1
        else:
            rows.append(parts)
    flush()
    return sentences


def _sentence(rows: list[list[str]], document: int) -> Sentence:
    words = [row[0] for row in rows]
    tags = [row[1] if len(row) > 1 else "" for row in rows]
    entities: list[tuple[int, int, str]] = []
    start, kind = None, None
    for i, row in enumerate(rows + [["", "", "", "O"]]):
        tag = row[-1]
        prefix, _, label = tag.partition("-")
        opens = prefix == "B" or (prefix == "I" and label != kind)
        if start is not None and (tag == "O" or opens):
            entities.append((start, i, kind))
            start, kind = None, None
        if prefix in ("B", "I") and start is None:
            start, kind = i, label
    return Sentence(words, tags, entities, document)


def spaces_for(words: list[str]) -> list[bool]:
    """Whether each token is followed by a space, as the words would be written."""
    spaces = [True] * len(words)
    quote_open = False
    for i, word in enumerate(words):
        if word == '"':
            quote_open = not quote_open
            if quote_open:
                spaces[i] = False  # no space after an opening quote
            elif i > 0:
                spaces[i - 1] = False  # none before a closing one
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
        if i > 0 and (word in _NO_SPACE_BEFORE or word.startswith("'") and len(word) <= 3
                      and word[1:].isalpha() and word != "'"):
            spaces[i - 1] = False
    if spaces:
        spaces[-1] = False
    return spaces


def news_like(sentence: Sentence) -> bool:
    """Whether a sentence is prose a news page could hold (see `reads_as_prose`)."""
    return reads_as_prose(sentence.words)


def to_doc(sentence: Sentence, base: Language | None, base_doc: Doc | None = None) -> Doc:
    """The sentence as a Doc with gold entities in OntoNotes labels, the base model's other
    entities kept where they touch no gold entity, and unknowable MISC spans missing."""
    doc = Doc(base.vocab if base is not None else Vocab(), words=sentence.words,
              spaces=spaces_for(sentence.words))
    if base_doc is None and base is not None:
        base_doc = base(doc.text)
    predicted = {}
    rehearsal: list[Span] = []
    if base_doc is not None:
        for ent in base_doc.ents:
            span = doc.char_span(ent.start_char, ent.end_char, label=ent.label_)
            if span is None:
                continue  # the base model's tokens cut a CoNLL token: not alignable
            predicted[(span.start, span.end)] = ent.label_
            if ent.label_ not in ACTOR_LABELS:
                rehearsal.append(span)
    entities: list[Span] = []
    missing: list[Span] = []
    for start, end, kind in sentence.entities:
        guess = predicted.get((start, end))
        if kind in GOLD_LABEL:
            label = GOLD_LABEL[kind]
        elif kind == "LOC":
            label = guess if guess in PLACE_LABELS else "GPE"
        elif guess in MISC_LABELS:
            label = guess
        elif all(tag in ("JJ", "NNPS") for tag in sentence.tags[start:end]):
            label = "NORP"
        else:
            missing.append(doc[start:end])
            continue
        entities.append(Span(doc, start, end, label=label))
    taken = [(s.start, s.end) for s in entities + missing]
    for span in rehearsal:
        if all(span.end <= a or span.start >= b for a, b in taken):
            entities.append(Span(doc, span.start, span.end, label=span.label))
            taken.append((span.start, span.end))
    doc.set_ents(entities, missing=missing, default="outside")
    return doc


def convert(sentences: Iterable[Sentence], base: Language, batch_size: int = 256) -> Iterator[Doc]:
    """`to_doc` for many sentences, the base model run over them in batches (its NER only:
    in the small English model the NER has its own token vectors)."""
    sentences = list(sentences)
    texts = ["".join(w + (" " if s else "") for w, s in zip(x.words, spaces_for(x.words)))
             for x in sentences]
    keep = [p for p in base.pipe_names if p == "ner"]
    with base.select_pipes(enable=keep):
        for sentence, base_doc in zip(sentences, base.pipe(texts, batch_size=batch_size)):
            yield to_doc(sentence, base, base_doc)
