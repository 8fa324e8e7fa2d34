"""Score `parse_price` on price-parser's test strings: exact (amount, currency as written).

The gold currency is the currency text as it appears in the input ("$", "€", "руб"), so the
scorer compares `Price.currency_text`, not the ISO code. Lists named *_XFAIL* are cases
price-parser itself fails; they are reported apart, without a target.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from factwire.evaluation.core import ScoreRow, accuracy_row
from factwire.extract.amounts import parse_price

DATASET = "price-parser-tests"


def _correct(example: dict) -> bool:
    got = parse_price(example["price_raw"], currency_hint=example["currency_raw"],
                      decimal_separator=example["decimal_separator"])
    expected_amount = example["amount_float"]
    if expected_amount is None:
        got_amount = None if got is None else got.amount
        return got_amount is None and (got is None or got.currency_text == example["currency"])
    if got is None:
        return False
    return (math.isclose(got.amount, float(expected_amount), rel_tol=1e-9)
            and got.currency_text == example["currency"])


def examples(dataset_dir: Path) -> dict[str, list[dict]]:
    data = json.loads((dataset_dir / "price_parsing_examples.json").read_text(encoding="utf-8"))
    return data["lists"]


def score(dataset_dir: Path) -> list[ScoreRow]:
    rows = []
    correct = total = 0
    for name, items in examples(dataset_dir).items():
        if "XFAIL" in name:
            ok = sum(_correct(e) for e in items)
            rows.append(accuracy_row(DATASET, f"amount+currency {name}", ok, len(items)))
        else:
            correct += sum(_correct(e) for e in items)
            total += len(items)
    rows.insert(0, accuracy_row(DATASET, "amount+currency", correct, total, target=0.90))
    return rows
