"""Loading the spaCy pipeline once per process, with only the components factwire uses."""

from __future__ import annotations

import functools
import importlib

import spacy
from spacy.language import Language

from factwire.settings import get_settings

# The extractor reads entities, part-of-speech tags, lemmas and the dependency parse;
# nothing else in the model is run.
USED_COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


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
