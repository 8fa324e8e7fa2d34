"""GUM documents (CoNLL-U, `factwire.evaluation.gum`) as spaCy training Docs for the prose NER.

GUM annotates every entity mention with a type; `factwire.evaluation.gum` says which mentions are
*named* and cuts them to the name (a final possessive "'s" off, a title's apposition dropped).
Its named person, organization and place mentions become PERSON, ORG and a place label: the base
model's GPE, LOC or FAC where it reads a place overlapping the name, else GPE (most named places
are countries and cities). Only the fit half of each folder is used (`gum.fit_ids`): the other
half stays a measure of what was learned.

The spans follow the model's own convention (CoNLL and OntoNotes), which the actor rules expect
of it: no leading determiner or lower-case words ("the United States", "former president Obama"
-> "United States", "Obama"), no titles before a person's name ("Prime Minister David Cameron"
-> "David Cameron"), no possessive or punctuation at either end.

What GUM cannot tell in OntoNotes labels is left *missing* (no loss either way), never taught
as "no entity": named mentions of the other types (events, works, objects: PRODUCT, EVENT,
WORK_OF_ART or none), organizations the base model reads as a GPE (a country acting, a team:
OntoNotes' GPE, GUM's organization), and names the base model reads as NORP ("Americans", a person in GUM: the
extractor keeps demonyms and parties' adjectives out of actors), as are GUM names made only of
plural proper nouns. The base model's entities of the types GUM does not annotate as names
(dates, money, numbers, works, products, events...) are kept where they touch no gold name
(pseudo-rehearsal, as for CoNLL and PolNeAR). Every other token is outside any entity: GUM marks
every mention, so a capitalised word the base model read as a name and GUM as no named mention
is a lesson.

Each paragraph is one training Doc, tokenized by the base model as factwire tokenizes a page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from spacy.language import Language
from spacy.tokens import Doc, Span

from factwire.evaluation.gum import SCORED_TYPES, GumDoc, fit_ids, load_corpus
from factwire.extract.actors import TITLES as ACTOR_TITLES
from factwire.training.conll import ACTOR_LABELS, PLACE_LABELS

GOLD_LABEL = {"person": "PERSON", "organization": "ORG"}
# Folders of ../shared/eval whose fit halves are learned from.
FOLDERS = ("gum-news", "gum-other")
# Titles and roles written before a person's name: the actor rules' list, and the titles of
# rank and address GUM's biographies and travel guides put before names too.
TITLES = frozenset(ACTOR_TITLES | {"archbishop", "baron", "baroness", "coach", "count", "countess", "doctor",
                                   "emperor", "empress", "professor", "saint", "st"})
# Lower-case particles that belong to a name ("de Gaulle", "van Gogh").
PARTICLES = frozenset({"de", "van", "von", "da", "di", "le", "la", "al", "el", "bin", "ibn",
                       "der", "den", "du", "dos", "das", "del", "ter", "ten"})
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those"})


def fit_documents(data: Path | str) -> list[GumDoc]:
    """The fit half of every GUM folder under ``data``, in a fixed order."""
    docs: list[GumDoc] = []
    for folder in FOLDERS:
        corpus = load_corpus(Path(data) / folder)
        fit = fit_ids(d.doc_id for d in corpus)
        docs.extend(d for d in corpus if d.doc_id in fit)
    return docs


def _is_title(token) -> bool:
    return token.text.lower().rstrip(".") in TITLES


def _not_name(token) -> bool:
    """A word that cannot begin a name: punctuation, a possessive, a determiner, a lower-case
    word that is not a particle of a name."""
    text = token.text
    return (token.is_punct or token.is_space or token.tag_ in ("POS", "DT", "PRP$")
            or text.lower() in DETERMINERS
            or (text[:1].islower() and text.lower() not in PARTICLES
                and token.tag_ not in ("NNP", "NNPS")))


def _trim(span: Span, label: str, base_ents: list[tuple[int, int, str]]) -> Span | None:
    """The name proper inside a gold span, in the model's convention (see the module doc);
    None when no name is left (a title alone: "Malaysia's Prime Minister")."""
    doc = span.doc
    start, end = span.start, span.end
    while end - start > 1 and doc[end - 1].is_punct and doc[end - 1].text not in (".", ")"):
        end -= 1
    person = label == "PERSON"
    if label != "ORG":  # "New Zealand's Prime Minister John Key": the possessor is no part of it
        owner = [i for i in range(start, end - 1) if doc[i].tag_ == "POS"]
        if owner:
            start = owner[-1] + 1
    if person:
        # The base model's person ending where the gold does, when what it leaves out reads as
        # no name ("US President Barack Obama", "Executive director of ... Alia Salem").
        for s, e, lab in base_ents:
            if lab == "PERSON" and e == end and start < s < end and any(
                    _not_name(doc[i]) or _is_title(doc[i]) for i in range(start, s)):
                start = s
    while end - start > 1 and (_not_name(doc[start]) or person and _is_title(doc[start])):
        start += 1
    if _not_name(doc[start]) and not doc[start].text[:1].islower():
        return None
    if person and (_is_title(doc[end - 1]) or all(_is_title(t) for t in doc[start:end])
                   or any(t.is_alpha and t.is_lower and t.text not in PARTICLES
                          for t in doc[start:end])):
        return None  # a title, or words around a name the base model did not find
    return Span(doc, start, end, label=label)


def _coordinated(span: Span) -> bool:
    """Names joined in one mention ("Coase, North and Ostrom", "Irving, Texas")."""
    return any(t.lower_ in ("and", "or") or t.text in (",", ";") for t in span[1:-1])


def to_docs(gum_doc: GumDoc, base: Language) -> list[Doc]:
    """One training Doc per paragraph of a GUM document (see the module doc)."""
    out = []
    offset = 0
    paragraphs = gum_doc.text.split("\n")
    read = base.pipe(paragraphs, batch_size=32)
    for paragraph, base_doc in zip(paragraphs, read):
        begin, finish = offset, offset + len(paragraph)
        offset = finish + 1
        if not paragraph.strip():
            continue
        out.append(paragraph_doc(base_doc, [
            (m.start - begin, m.end - begin, m.etype) for m in gum_doc.mentions
            if m.named and begin <= m.start and m.end <= finish]))
    return out


def paragraph_doc(base_doc: Doc, named: Iterable[tuple[int, int, str]]) -> Doc:
    """A Doc of the base model's tokens with the gold names of ``named`` ((start, end, GUM type)
    character spans of named mentions) as entities, the rest as the module doc says."""
    doc = Doc(base_doc.vocab, words=[t.text for t in base_doc],
              spaces=[bool(t.whitespace_) for t in base_doc])
    for token, read in zip(doc, base_doc):
        token.tag_ = read.tag_
    base_ents = [(e.start, e.end, e.label_) for e in base_doc.ents]
    names, coordinated, others = [], [], []  # (token start, token end, label or None: missing)
    for start, end, etype in named:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        if etype not in SCORED_TYPES:
            others.append((span.start, span.end, None))
        elif _coordinated(span):
            coordinated.append((span.start, span.end, None))
        elif any(label == "NORP" and s < span.end and span.start < e for s, e, label in base_ents) \
                or all(t.tag_ == "NNPS" for t in span if not t.is_punct):
            names.append((span.start, span.end, None))
        elif etype == "organization" and any(label == "GPE" and s <= span.start and span.end <= e
                                             for s, e, label in base_ents):
            # A country or city acting ("Sweden" voted, a team, a government): GUM calls it an
            # organization, OntoNotes a GPE. Which the model should say cannot be told here.
            names.append((span.start, span.end, None))
        else:
            if etype in GOLD_LABEL:
                label = GOLD_LABEL[etype]
            else:
                places = [lab for s, e, lab in base_ents
                          if lab in PLACE_LABELS and s < span.end and span.start < e]
                label = places[0] if places else "GPE"
            trimmed = _trim(span, label, base_ents)
            names.append((span.start, span.end, None) if trimmed is None
                         else (trimmed.start, trimmed.end, label))
    taken: list[tuple[int, int]] = []
    entities: list[Span] = []
    missing: list[Span] = []

    def place(s: int, e: int, label: str | None) -> None:
        if all(e <= a or s >= b for a, b in taken):
            taken.append((s, e))
            if label is None:
                missing.append(Span(doc, s, e))
            else:
                entities.append(Span(doc, s, e, label=label))

    # Gold names first, the widest first (a name inside another, "Chicago" in "University of
    # Chicago", is part of it); then the base model's other entities (a date GUM calls a named
    # time: "Monday"); then what cannot be told: names joined in one mention (their own
    # mentions inside are taught), names of other types, NORP.
    for s, e, label in sorted(set(names), key=lambda c: (c[0] - c[1], c[0])):
        place(s, e, label)
    for s, e, label in base_ents:
        if label not in ACTOR_LABELS:
            place(s, e, label)
    for s, e, label in sorted(set(coordinated + others), key=lambda c: (c[0] - c[1], c[0])):
        place(s, e, None)
    for s, e, label in base_ents:
        if label == "NORP":
            place(s, e, None)
    doc.set_ents(entities, missing=missing, default="outside")
    return doc


def convert(docs: Iterable[GumDoc], base: Language) -> list[Doc]:
    """`to_docs` for many GUM documents, the base model's tagger and NER reading them."""
    keep = [p for p in base.pipe_names if p in ("tok2vec", "tagger", "attribute_ruler", "ner")]
    out: list[Doc] = []
    with base.select_pipes(enable=keep):
        for gum_doc in docs:
            out.extend(to_docs(gum_doc, base))
    return out
