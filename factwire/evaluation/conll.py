"""Score factwire's named actor mentions against CoNLL-2003 English (the CoNLL++ release).

Each ``-DOCSTART-`` document becomes one text: its tokens joined by single spaces, its sentences
by newlines (the corpus is tokenised and keeps no original spacing, so this is the text; every
token's offsets in it are kept exactly). The article date is unknown (None).

Gold entities come from the IOB2 tags: ``B-X`` opens an entity of type X, ``I-X`` continues it
(an ``I-X`` after ``O`` or after another type opens one, as conlleval reads it). PER, ORG and LOC
are scored with entity-level exact span F1 (start, end and type all equal), per type and
micro-averaged; MISC is not scored (none of our actor types is MISC), but a prediction on a MISC
entity counts against precision, as in the CoNLL evaluation.

Our actors map by type: person -> PER, organization and group -> ORG, country and place -> LOC.
CoNLL annotates flat, outermost names ("University of Sheffield" is one ORG, with no LOC inside),
so names our extractor finds inside another name (mention ``kind`` "nested") are left out, and so
are demonyms ("German" is MISC) and mentions that are not names.

"the NER model alone" scores the entities of the spaCy model the pipeline loads
(``FACTWIRE_SPACY_MODEL``: the trained ``models/en_factwire_ner`` by default), with the extractor's
label mapping (``factwire.extract.actors.ENTITY_TYPES``): PERSON -> PER, ORG -> ORG,
GPE / LOC / FAC -> LOC; NORP (nationalities, religious and political groups) is what the
pipeline keeps as demonyms, not names, so it is left out as there. The difference between the
two rows is what the actor rules add.

Dev (216 documents) is always scored whole, and so is train (946 documents) by default, beside
it; ``train_docs`` (``factwire eval --train-docs N``) scores a seeded sample of train documents
instead, for a quicker look.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import (NOT_NAMES, ScoreRow, Span, SpanCounts, sample_documents,
                                      side_by_side, split_label)
from factwire.evaluation.meantime import looks_named

DATASET = "conll2003-conllpp"
SCORED_TYPES = ("PER", "ORG", "LOC")
ACTOR_TYPE_TO_CONLL = {
    "person": "PER",
    "organization": "ORG",
    "group": "ORG",
    "country": "LOC",
    "place": "LOC",
}
# The base model's labels as the extractor reads them (actors.ENTITY_TYPES), in CoNLL types.
SPACY_LABEL_TO_CONLL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
KIND = "PER/ORG/LOC entities"
SPACY_KIND = "PER/ORG/LOC entities, the NER model alone"
TARGETS = {(KIND, "strict"): 0.85}
SPLIT_FILES = {"dev": "conllpp_dev.txt", "train": "conllpp_train.txt"}
# Train documents scored by default (None: the whole split, a few minutes of `make eval`).
DEFAULT_TRAIN_DOCS: int | None = None


@dataclass
class ConllDoc:
    doc_id: str
    text: str
    tokens: list[tuple[int, int]] = field(default_factory=list)  # offsets of every token
    entities: list[Span] = field(default_factory=list)  # (start, end, PER|ORG|LOC|MISC)
    sentences: int = 0

    @property
    def names(self) -> list[Span]:
        """The scored gold: PER, ORG and LOC entities."""
        return [e for e in self.entities if e[2] in SCORED_TYPES]


def parse_conll(text: str, name: str = "doc") -> list[ConllDoc]:
    """The documents of one CoNLL file (``token POS chunk NER`` lines), with their gold entities."""
    docs: list[ConllDoc] = []
    sentences: list[list[tuple[str, str]]] = []
    sentence: list[tuple[str, str]] = []

    def close_document() -> None:
        if sentences:
            docs.append(_build(f"{name}-{len(docs) + 1:04d}", sentences))
        sentences.clear()

    for line in text.splitlines() + [""]:
        cols = line.split()
        if not cols:
            if sentence:
                sentences.append(sentence)
                sentence = []
            continue
        if cols[0] == "-DOCSTART-":
            if sentence:
                sentences.append(sentence)
                sentence = []
            close_document()
            continue
        sentence.append((cols[0], cols[-1]))
    close_document()
    return docs


def _build(doc_id: str, sentences: list[list[tuple[str, str]]]) -> ConllDoc:
    doc = ConllDoc(doc_id=doc_id, text="", sentences=len(sentences))
    parts: list[str] = []
    pos = 0
    for s_i, sentence in enumerate(sentences):
        if s_i:
            parts.append("\n")
            pos += 1
        open_type: str | None = None
        open_start = 0
        last_end = pos
        for t_i, (token, tag) in enumerate(sentence):
            if t_i:
                parts.append(" ")
                pos += 1
            start, end = pos, pos + len(token)
            parts.append(token)
            pos = end
            doc.tokens.append((start, end))
            prefix, _, etype = tag.partition("-")
            continues = prefix == "I" and etype == open_type
            if open_type is not None and not continues:
                doc.entities.append((open_start, last_end, open_type))
                open_type = None
            if prefix in ("B", "I") and not continues:
                open_type, open_start = etype, start
            last_end = end
        if open_type is not None:
            doc.entities.append((open_start, last_end, open_type))
    doc.text = "".join(parts)
    return doc


@lru_cache(maxsize=4)
def load_split(dataset_dir: Path, split: str) -> tuple[ConllDoc, ...]:
    """One split's documents, parsed once per process."""
    path = Path(dataset_dir) / SPLIT_FILES[split]
    if not path.is_file():
        raise FileNotFoundError(f"CoNLL file missing: {path}")
    return tuple(parse_conll(path.read_text(encoding="utf-8"), split))


def predicted_names(prediction: dict) -> list[Span]:
    """Our named actor mentions as flat CoNLL entities: outermost names only."""
    actor_type = {a["id"]: ACTOR_TYPE_TO_CONLL.get(a.get("type")) for a in prediction["actors"]}
    spans = [(m["start"], m["end"], actor_type[m["actor_id"]]) for m in prediction["mentions"]
             if actor_type.get(m["actor_id"]) and m.get("kind") not in (*NOT_NAMES, "nested")
             and looks_named(m["text"])]
    return _outermost(spans)


def spacy_names(entities: Iterable[tuple[int, int, str]]) -> list[Span]:
    """The base model's entities (start, end, spaCy label) as CoNLL entities."""
    return [(s, e, SPACY_LABEL_TO_CONLL[label]) for s, e, label in entities
            if label in SPACY_LABEL_TO_CONLL]


def _outermost(spans: list[Span]) -> list[Span]:
    spans = sorted(set(spans), key=lambda s: (s[0], -s[1]))
    out: list[Span] = []
    for span in spans:
        if out and span[0] < out[-1][1]:  # inside (or overlapping) a name already kept
            continue
        out.append(span)
    return out


def score_documents(docs: Iterable[ConllDoc], predictions: Iterable[dict],
                    spacy_entities: Iterable[list[tuple[int, int, str]]] | None = None,
                    dataset: str = DATASET) -> list[ScoreRow]:
    """Score extractor outputs (one dict per document, same order) against the gold; with
    ``spacy_entities`` (the base model's (start, end, label) per document), the reference row."""
    docs, predictions = list(docs), list(predictions)
    if len(docs) != len(predictions):
        raise ValueError(f"{len(docs)} documents but {len(predictions)} predictions")
    strict, overlap = SpanCounts(), SpanCounts()
    by_type = {t: SpanCounts() for t in SCORED_TYPES}
    for doc, pred in zip(docs, predictions):
        gold, found = doc.names, predicted_names(pred)
        strict.add(gold, found, "strict")
        overlap.add(gold, found, "overlap")
        for t, counts in by_type.items():
            counts.add([g for g in gold if g[2] == t], [p for p in found if p[2] == t], "strict")
    rows = [strict.row(dataset, KIND, "strict", TARGETS.get((KIND, "strict"))),
            overlap.row(dataset, KIND, "overlap")]
    rows += [by_type[t].row(dataset, f"{t} entities", "strict") for t in SCORED_TYPES]
    if spacy_entities is not None:
        spacy_entities = list(spacy_entities)
        if len(spacy_entities) != len(docs):
            raise ValueError(f"{len(docs)} documents but {len(spacy_entities)} spaCy entity lists")
        reference = SpanCounts()
        for doc, ents in zip(docs, spacy_entities):
            reference.add(doc.names, spacy_names(ents), "strict")
        rows.append(reference.row(dataset, SPACY_KIND, "strict"))
    return rows


def extract_documents(docs: Iterable[ConllDoc]) -> tuple[list[dict], list[list[tuple[int, int, str]]]]:
    """The extractor's facts and the base model's entities of every document, from one parse."""
    from factwire.extract import facts_from_doc
    from factwire.nlp import parse

    docs = list(docs)
    facts, entities = [], []
    for parsed in parse(doc.text for doc in docs):
        entities.append([(e.start_char, e.end_char, e.label_) for e in parsed.ents])
        facts.append(facts_from_doc(parsed, None))
    return facts, entities


def _score_split(dataset_dir: Path, split: str, limit: int | None) -> list[ScoreRow]:
    every = load_split(dataset_dir, split)
    docs = sample_documents(every, limit, f"{DATASET}/{split}")
    facts, entities = extract_documents(docs)
    return score_documents(docs, facts, entities, split_label(DATASET, split, len(docs), len(every)))


def score(dataset_dir: Path, train_docs: int | None = DEFAULT_TRAIN_DOCS) -> list[ScoreRow]:
    """Dev whole and ``train_docs`` train documents (None: all), side by side."""
    dataset_dir = Path(dataset_dir).resolve()
    return side_by_side(_score_split(dataset_dir, "dev", None),
                        _score_split(dataset_dir, "train", train_docs))
