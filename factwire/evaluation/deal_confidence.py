"""The deal confidence model's fit and its check: a logistic model over a deal row's signals
(:data:`factwire.extract.deals.SIGNALS`), labelled by the annotated news of RAMS and MEANTIME
(``labelled_deals`` in :mod:`factwire.evaluation.rams` and :mod:`factwire.evaluation.meantime`).

The fit is L2-regularised Newton steps (deterministic). Rows are split once, by a hash of
their document key (:func:`is_held_out`): the shipped model is fitted on the fitted part only,
and the held-out part (about a third of the documents) is what says how well it generalises;
`factwire eval` and `python -m factwire.training deals` report both parts side by side. The
cross-fitted check (every row scored by a model fitted without its fold) is reported too.
"""

from __future__ import annotations

import hashlib
import random

import numpy as np

from factwire.evaluation.core import ScoreRow, precision_row

L2 = 0.3
SEED = 14
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
DISPLAY_PRECISION_TARGET = 0.85

Row = tuple[str, list[str], bool]  # (document, signals, right)


def fit(rows: list[Row]) -> dict:
    """Weights for :func:`factwire.extract.deals.confidence`: L2 on the weights, not the bias.
    Rows that did not happen, agreements of one side and deals only planned with one side are
    left out: a rule, not the fit, keeps them from display."""
    from factwire.extract.deals import SIGNALS, never_shown

    rows = [r for r in rows if not never_shown(r[1])]

    x = np.array([[1.0, *(float(s in signals) for s in SIGNALS)] for _, signals, _ in rows]).reshape(-1, len(SIGNALS) + 1)
    y = np.array([float(right) for *_, right in rows])
    w = np.zeros(len(SIGNALS) + 1)
    penalty = np.eye(len(w)) * L2
    penalty[0, 0] = 1e-6
    for _ in range(100):
        p = 1 / (1 + np.exp(-x @ w))
        step = np.linalg.solve(x.T @ (x * (p * (1 - p))[:, None]) + penalty, x.T @ (p - y) + penalty @ w)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return {"bias": round(float(w[0]), 4), "weights": {s: round(float(v), 4) for s, v in zip(SIGNALS, w[1:])}}


def is_held_out(document: str) -> bool:
    """Whether a document's rows are held out of the fit: a fixed hash of its key, so every run
    (and every machine) holds out the same documents."""
    return hashlib.sha256(document.encode("utf-8")).digest()[0] % 3 == 0


def folds(documents: list[str], count: int) -> dict[str, int]:
    order = sorted(set(documents))
    random.Random(SEED).shuffle(order)
    return {doc: i % count for i, doc in enumerate(order)}


def held_out(rows: list[Row], count: int = 5) -> list[tuple[float, bool]]:
    """(confidence, right) of every row, from a model fitted on the other folds' documents."""
    from factwire.extract.deals import confidence

    fold_of = folds([doc for doc, _, _ in rows], count)
    out = []
    for fold in range(count):
        train = [r for r in rows if fold_of[r[0]] != fold]
        test = [r for r in rows if fold_of[r[0]] == fold]
        if train and test:
            model = fit(train)
            out.extend((confidence(signals, model), right) for _, signals, right in test)
    return out


def reliability(scored: list[tuple[float, bool]]) -> list[dict]:
    """Predicted confidence against observed precision, in bins of :data:`BINS`."""
    table = []
    for lo, hi in zip(BINS, BINS[1:]):
        inside = [(c, r) for c, r in scored if lo <= c < hi or (hi == 1.0 and c == 1.0)]
        if inside:
            table.append({"bin": f"{lo:.1f}-{hi:.1f}", "rows": len(inside),
                          "mean_confidence": round(sum(c for c, _ in inside) / len(inside), 3),
                          "precision": round(sum(r for _, r in inside) / len(inside), 3)})
    return table


def rows_for_eval(dataset: str, judged: list[tuple[str, float, bool]], threshold: float) -> list[ScoreRow]:
    """Precision of the deal rows at the display threshold (all judged rows, then the fitted
    and the held-out documents apart), then one row per confidence bin: the mean predicted
    confidence (in the kind) against the observed precision (the score)."""
    scored = [(c, r) for _, c, r in judged]
    shown = [r for c, r in scored if c >= threshold]
    rows = [precision_row(dataset, f"deals at display confidence >= {threshold:g} (shipped model)",
                          sum(shown), len(shown), None, len(shown), DISPLAY_PRECISION_TARGET)]
    for part, held in (("fitted documents", False), ("held-out documents", True)):
        inside = [r for doc, c, r in judged if c >= threshold and is_held_out(doc) == held]
        rows.append(precision_row(dataset, f"deals at display confidence >= {threshold:g}, {part}",
                                  sum(inside), len(inside), None, len(inside)))
    for line in reliability(scored):
        rows.append(precision_row(dataset, f"deals confidence {line['bin']}: mean predicted {line['mean_confidence']:.2f}",
                                  round(line["precision"] * line["rows"]), line["rows"], None, line["rows"]))
    return rows
