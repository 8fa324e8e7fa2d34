"""Score `find_amounts` on quantulum3's test sentences: set match on (value, unit) per sentence.

Our amounts are mapped to quantulum's vocabulary: quantities already carry its unit names;
counts and unit-less numbers are "dimensionless"; percentages "percentage"; money the currency's
unit name. quantulum gives a range its midpoint, so a range is compared at its midpoint.
"""

from __future__ import annotations

import json
from pathlib import Path

from factwire.evaluation.core import ScoreRow, SpanCounts
from factwire.extract.amounts import find_amounts
from factwire.nlp import load_nlp

DATASET = "quantulum3-quantities"

# Our canonical unit -> quantulum's name for the same unit.
SAME_UNITS = {"millilitre": "cubic centimetre"}
CURRENCY_UNITS = {"USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "JPY": "yen"}


def as_quantulum(amount: dict) -> tuple[float, str]:
    """(value, quantulum unit name) for one of our amounts."""
    value = amount["value"]
    if amount.get("value_max") is not None:
        value = (value + amount["value_max"]) / 2
    kind = amount["kind"]
    if kind == "percent":
        unit = "percentage"
    elif kind == "money":
        unit = CURRENCY_UNITS.get(amount["currency"], amount["currency"] or "cent")
        if amount["currency"] is None:
            value *= 100  # money without a currency comes from cents; quantulum counts cents
        if (amount.get("unit") or "").startswith("per "):
            unit = f"{unit} {amount['unit']}"  # a price: "$15.4/hour" is "dollar per hour"
    elif kind == "count" or amount["unit"] is None:
        unit = "dimensionless"
    else:
        unit = SAME_UNITS.get(amount["unit"], amount["unit"])
    return round(value, 6), unit


def _key(value: float, unit: str) -> tuple[float, str]:
    return round(float(value), 6), unit


def score_pairs(sentences: list[tuple[list[tuple[float, str]], list[tuple[float, str]]]]) -> SpanCounts:
    """Micro counts over per-sentence sets of (value, unit): (gold, predicted) per sentence."""
    counts = SpanCounts()
    for gold, pred in sentences:
        g = {(v, u, "q") for v, u in gold}
        p = {(v, u, "q") for v, u in pred}
        counts.add(g, p, mode="strict")
    return counts


def score(dataset_dir: Path) -> list[ScoreRow]:
    nlp = load_nlp()
    data = json.loads((dataset_dir / "quantities.json").read_text(encoding="utf-8"))
    pairs = []
    for item in data:
        gold = [_key(q["value"], q["unit"]) for q in item["res"]]
        pred = [_key(*as_quantulum(a)) for a in find_amounts(nlp(item["req"]))]
        pairs.append((gold, pred))
    counts = score_pairs(pairs)
    return [counts.row(DATASET, "(value, unit) per sentence", "strict", target=0.80)]
