"""Loading the spaCy pipeline once per process, and parsing article texts with it."""

from __future__ import annotations

import functools
import importlib
import re
from typing import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import get_current_ops

from factwire.settings import get_settings

# The extractor reads entities, part-of-speech tags, lemmas and the dependency parse;
# nothing else in the model is run.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")
_LINE_BREAK = re.compile(r"\n\s*")


def _load_model(name: str) -> Language:
    """Load a model by package or path name; packaged models expose ``load()``."""
    try:
        module = importlib.import_module(name)
    except ImportError:
        return spacy.load(name)
    return module.load()


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The shared spaCy pipeline (cached per process)."""
    name = model or get_settings().spacy_model
    nlp = _load_model(name)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]
    if unused:
        nlp.disable_pipes(*unused)
    return nlp


def split_paragraphs(text: str) -> list[str]:
    """The text cut after each line break, separators kept, so the pieces join back exactly.

    News text puts headings and furniture on lines of their own without a full stop; parsing
    each line on its own keeps a heading from being glued to the next sentence.
    """
    cuts = [m.end() for m in _LINE_BREAK.finditer(text) if m.end() < len(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a] or [text]


def parse(texts: Iterable[str], batch_size: int | None = None, n_process: int | None = None,
          nlp: Language | None = None) -> Iterator[Doc]:
    """One Doc per text, in order; ``doc.text`` equals the text exactly."""
    settings = get_settings()
    nlp = nlp or load_nlp()
    batch_size = batch_size or settings.spacy_batch_size
    n_process = n_process or settings.spacy_processes
    texts = list(texts)
    pieces: list[str] = []
    owners: list[int] = []
    for number, text in enumerate(texts):
        for piece in split_paragraphs(text):
            pieces.append(piece)
            owners.append(number)
    # Paragraphs are short: batch them in proportion to keep whole articles per batch.
    parsed = nlp.pipe(pieces, batch_size=batch_size * 8, n_process=n_process)
    current: list[Doc] = []
    current_owner = 0
    for owner, doc in zip(owners, parsed):
        if owner != current_owner:
            yield _join(current, texts[current_owner], nlp)
            for skipped in range(current_owner + 1, owner):
                yield nlp.make_doc(texts[skipped])
            current, current_owner = [], owner
        current.append(doc)
    if texts:
        yield _join(current, texts[current_owner], nlp)
        for skipped in range(current_owner + 1, len(texts)):
            yield nlp.make_doc(texts[skipped])


# The token attributes Doc.from_docs carries over (all of them), ORTH and SPACY included.
_ARRAY_ATTRS = list(Doc._get_array_attrs())
if SPACY not in _ARRAY_ATTRS:
    _ARRAY_ATTRS.append(SPACY)
_ORTH_COLUMN, _SPACY_COLUMN = _ARRAY_ATTRS.index(ORTH), _ARRAY_ATTRS.index(SPACY)
# Where the rules find the article text (factwire.extract.syntax.text_of): ``doc.text`` joins
# every token again on each access, and the text is known here.
_TEXT_KEY = "factwire.text"


def _join(docs: list[Doc], text: str, nlp: Language) -> Doc:
    if not docs:
        return nlp.make_doc(text)
    doc = _checked(docs[0], text) if len(docs) == 1 else _concat(docs, text)
    doc.user_data[_TEXT_KEY] = text
    return doc


def _concat(docs: list[Doc], text: str) -> Doc:
    """``Doc.from_docs(docs, ensure_whitespace=False)``, the same Doc, built from the token
    arrays alone: from_docs also makes a Token object per token twice and rebuilds each
    paragraph's text, which costs about a third of the join."""
    if any(doc.user_data or doc.spans for doc in docs):
        return _checked(Doc.from_docs(docs, ensure_whitespace=False), text)  # carries those over
    vocab = docs[0].vocab
    array = numpy.concatenate([doc.to_array(_ARRAY_ATTRS) for doc in docs])
    strings = vocab.strings
    words = [strings[orth] for orth in array[:, _ORTH_COLUMN].tolist()]
    spaces = [bool(space) for space in array[:, _SPACY_COLUMN].tolist()]
    # The new Doc's text is exactly the words and their spaces: check it before building it.
    if "".join([word + " " if space else word for word, space in zip(words, spaces)]) != text:
        raise ValueError("paragraph re-assembly changed the text")  # never expected: fail loudly
    doc = Doc(vocab, words=words, spaces=spaces)
    doc.from_array(_ARRAY_ATTRS, array)
    if any(len(piece) for piece in docs):
        ops = get_current_ops()
        doc.tensor = ops.xp.vstack([ops.asarray(piece.tensor) for piece in docs if len(piece)])
    return doc


def _checked(doc: Doc, text: str) -> Doc:
    if doc.text != text:  # never expected; offsets would be wrong, so fail loudly
        raise ValueError("paragraph re-assembly changed the text")
    return doc
