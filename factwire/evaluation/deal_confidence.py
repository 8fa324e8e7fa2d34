"""The deal confidence model's fit and its check: a logistic model over a deal row's signals
(:data:`factwire.extract.deals.SIGNALS`), labelled by the annotated news of RAMS and MEANTIME
(``labelled_deals`` in :mod:`factwire.evaluation.rams` and :mod:`factwire.evaluation.meantime`).

The fit is L2-regularised Newton steps (deterministic); the check scores every document's rows
with a model fitted without that document's fold (folds of whole documents, drawn with a fixed
seed), so the precision and reliability reported are on rows the model was not fitted on.
"""

from __future__ import annotations

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
    Rows that did not happen are left out: a rule, not the fit, keeps them from display."""
    from factwire.extract.deals import SIGNALS

    rows = [r for r in rows if "did not happen" not in r[1]]

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


def rows_for_eval(dataset: str, scored: list[tuple[float, bool]], threshold: float) -> list[ScoreRow]:
    """Precision of the deal rows at the display threshold, then one row per confidence bin:
    the mean predicted confidence (in the kind) against the observed precision (the score)."""
    shown = [r for c, r in scored if c >= threshold]
    rows = [precision_row(dataset, f"deals at display confidence >= {threshold:g} (shipped model)",
                          sum(shown), len(shown), None, len(shown), DISPLAY_PRECISION_TARGET)]
    for line in reliability(scored):
        rows.append(precision_row(dataset, f"deals confidence {line['bin']}: mean predicted {line['mean_confidence']:.2f}",
                                  round(line["precision"] * line["rows"]), line["rows"], None, line["rows"]))
    return rows
