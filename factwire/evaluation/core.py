"""Shared pieces of `factwire eval`: score rows, targets, span matching."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date
from typing import Iterable, Iterator, Sequence, TypeVar

Span = tuple[int, int, str]  # (start, end exclusive, type)


@dataclass
class ScoreRow:
    """One line of the eval table."""

    dataset: str
    kind: str  # what is scored, e.g. "money spans", "money value+currency"
    metric: str  # "f1-overlap", "f1-strict" or "accuracy"
    score: float
    items: int  # gold items scored
    precision: float | None = None
    recall: float | None = None
    target: float | None = None

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.score >= self.target - 1e-9


@dataclass
class SpanCounts:
    """Micro-averaged counts for span precision and recall."""

    pred_correct: int = 0
    pred_total: int = 0
    gold_found: int = 0
    gold_total: int = 0

    def add(self, gold: Iterable[Span], pred: Iterable[Span], mode: str) -> None:
        gold, pred = list(set(gold)), list(set(pred))
        match = _overlaps if mode == "overlap" else _same
        self.pred_total += len(pred)
        self.gold_total += len(gold)
        self.pred_correct += sum(1 for p in pred if any(match(p, g) for g in gold))
        self.gold_found += sum(1 for g in gold if any(match(p, g) for p in pred))

    @property
    def precision(self) -> float:
        return self.pred_correct / self.pred_total if self.pred_total else 0.0

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold_total if self.gold_total else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, dataset: str, kind: str, mode: str, target: float | None = None) -> ScoreRow:
        return ScoreRow(dataset, kind, f"f1-{mode}", self.f1, self.gold_total,
                        self.precision, self.recall, target)


def _same(a: Span, b: Span) -> bool:
    return a == b


def _overlaps(a: Span, b: Span) -> bool:
    return a[2] == b[2] and a[0] < b[1] and b[0] < a[1]


def accuracy_row(dataset: str, kind: str, correct: int, total: int,
                 target: float | None = None) -> ScoreRow:
    return ScoreRow(dataset, kind, "accuracy", correct / total if total else 0.0, total, target=target)


def recall_row(dataset: str, kind: str, found: int, total: int, target: float | None = None,
               precision: float | None = None) -> ScoreRow:
    """A score that is a recall ("gold X found"): the score is the recall; a precision is shown
    beside it when one is defined."""
    recall = found / total if total else 0.0
    return ScoreRow(dataset, kind, "recall", recall, total, precision, recall, target)


def precision_row(dataset: str, kind: str, right: int, predicted: int, recall: float | None = None,
                  items: int = 0, target: float | None = None) -> ScoreRow:
    """A score that is a precision; ``items`` is the gold count its recall is over."""
    precision = right / predicted if predicted else 0.0
    return ScoreRow(dataset, kind, "precision", precision, items, precision, recall, target)


# ---------------------------------------------------------------------------------------------
# Train and dev splits

T = TypeVar("T")


def sample_documents(docs: Sequence[T], limit: int | None, seed: str) -> list[T]:
    """``limit`` documents drawn at random with a fixed ``seed`` (the same ones on every run and
    machine), in their corpus order; all of them when ``limit`` is None or not smaller."""
    if limit is None or limit >= len(docs):
        return list(docs)
    chosen = sorted(random.Random(seed).sample(range(len(docs)), limit))
    return [docs[i] for i in chosen]


def split_label(dataset: str, split: str, scored: int, total: int) -> str:
    """The dataset cell of a split's rows: ``polnear/dev``, or ``polnear/train 200/840`` when
    only a sample of the split's documents was scored."""
    return f"{dataset}/{split}" + (f" {scored}/{total}" if scored < total else "")


def side_by_side(dev: list[ScoreRow], train: list[ScoreRow]) -> list[ScoreRow]:
    """Dev rows, each followed by the train row of the same score. Targets are set on dev: a
    train row carries none (a train score far above dev shows a method fitted to its examples)."""
    by_key = {(r.kind, r.metric): r for r in train}
    out = []
    for row in dev:
        out.append(row)
        twin = by_key.pop((row.kind, row.metric), None)
        if twin is not None:
            out.append(replace(twin, target=None))
    out.extend(replace(r, target=None) for r in by_key.values())
    return out


def extract_texts(items: Iterable[tuple[str, date | None]]) -> Iterator[dict]:
    """The extractor's facts for each (text, published date), in order, with one batched spaCy
    pass (the model is loaded once per process)."""
    from factwire.extract import extract_many

    return extract_many((text, published, None) for text, published in items)


# Mention kinds that are not names of their actor: pronouns, common-noun phrases ("the company")
# and demonyms ("Russian" resolves to Russia, but is not a named mention of it).
NOT_NAMES = ("pronoun", "nominal", "demonym")


# Each dataset folder in the eval data, and the modules that score it. Each module exposes
# ``score(dataset_dir: pathlib.Path) -> list[ScoreRow]``; a module that scores a train split
# besides dev also takes ``train_docs`` (how many train documents to score, None: all).
SCORERS: dict[str, list[str]] = {
    "gum-news": ["factwire.evaluation.gum"],
    "gum-other": ["factwire.evaluation.gum"],
    "meantime-en": ["factwire.evaluation.meantime"],
    "conll2003-conllpp": ["factwire.evaluation.conll"],
    "polnear": ["factwire.evaluation.polnear"],
    "rams-dev": ["factwire.evaluation.rams"],
    "wikievents-dev": ["factwire.evaluation.wikievents"],
    "duckling-en-corpus": ["factwire.evaluation.duckling_money", "factwire.evaluation.duckling_time"],
    "price-parser-tests": ["factwire.evaluation.price_parser"],
    "quantulum3-quantities": ["factwire.evaluation.quantulum"],
    "dateparser-search-en": ["factwire.evaluation.dateparser_search"],
    "trafilatura-eval-en": ["factwire.evaluation.trafilatura_eval"],
}
