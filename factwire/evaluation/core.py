"""Shared pieces of `factwire eval`: score rows, targets, span matching."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

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


# Mention kinds that are not names of their actor: pronouns, common-noun phrases ("the company")
# and demonyms ("Russian" resolves to Russia, but is not a named mention of it).
NOT_NAMES = ("pronoun", "nominal", "demonym")


# Each dataset folder in the eval data, and the modules that score it. Each module exposes
# ``score(dataset_dir: pathlib.Path) -> list[ScoreRow]``.
SCORERS: dict[str, list[str]] = {
    "gum-news": ["factwire.evaluation.gum"],
    "meantime-en": ["factwire.evaluation.meantime"],
    "duckling-en-corpus": ["factwire.evaluation.duckling_money", "factwire.evaluation.duckling_time"],
    "price-parser-tests": ["factwire.evaluation.price_parser"],
    "quantulum3-quantities": ["factwire.evaluation.quantulum"],
    "dateparser-search-en": ["factwire.evaluation.dateparser_search"],
    "trafilatura-eval-en": ["factwire.evaluation.trafilatura_eval"],
}
