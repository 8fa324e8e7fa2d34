"""Score the date finder (:func:`factwire.extract.dates.find_dates`) on dateparser's English search tests.

Each case is a short text and the dates dateparser's ``search_dates`` must find in it: the exact
substring and its resolved datetime, relative to ``RELATIVE_BASE`` where the test sets one.

* cases whose expected values depended on the wall clock (``expected`` is null in the data) are
  skipped; cases without ``RELATIVE_BASE`` expect absolute dates only and are resolved against
  :data:`DEFAULT_REFERENCE`.
* a gold item counts found when a predicted date has exactly its substring and, where the gold
  gives a value, a period whose first day is the gold's date (time of day is not compared:
  factwire's dates have no time).
* rows: gold items found (accuracy), and cases whose predictions equal the gold list exactly
  (no extra and no missing dates).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factwire.evaluation.core import ScoreRow, accuracy_row
from factwire.evaluation.duckling_time import period_start
from factwire.extract.dates import find_dates

DATASET = "dateparser-search-en"
DEFAULT_REFERENCE = dt.date(2000, 1, 1)
TARGET = None  # reported; the misses left are dateparser conventions (see the report)


def load_cases(dataset_dir: Path) -> list[dict]:
    """The cases that can be scored offline, with their reference date."""
    data = json.loads((dataset_dir / "dateparser_search_en.json").read_text(encoding="utf-8"))
    cases = []
    for case in data["cases"]:
        if case["expected"] is None:
            continue
        base = (case.get("settings") or {}).get("RELATIVE_BASE")
        reference = dt.datetime.fromisoformat(base).date() if base else DEFAULT_REFERENCE
        cases.append({"text": case["text"], "expected": [tuple(e) for e in case["expected"]],
                      "reference": reference})
    return cases


def item_found(gold: tuple[str, str | None], predicted: list[dict]) -> bool:
    text, value = gold
    for p in predicted:
        if p["text"] != text:
            continue
        if value is None:
            return True
        if p["value"] is not None and period_start(p["value"], p["precision"]) == value[:10]:
            return True
    return False


def score(dataset_dir: Path, nlp=None) -> list[ScoreRow]:
    if nlp is None:
        from factwire.nlp import load_nlp

        nlp = load_nlp()
    items_right = items_total = cases_right = 0
    cases = load_cases(dataset_dir)
    for case in cases:
        predicted = find_dates(nlp(case["text"]), case["reference"])
        found = [item_found(gold, predicted) for gold in case["expected"]]
        items_right += sum(found)
        items_total += len(found)
        cases_right += all(found) and len(predicted) == len(case["expected"])
    return [
        accuracy_row(DATASET, "date substring+value", items_right, items_total, TARGET),
        accuracy_row(DATASET, "cases with exactly the gold dates", cases_right, len(cases)),
    ]
