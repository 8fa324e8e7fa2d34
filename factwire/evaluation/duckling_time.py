"""Score the date resolver (:func:`factwire.extract.dates.resolve_date`) on Duckling's English Time corpus.

Each Duckling group is a list of strings that must all resolve to one value, relative to Tuesday
2013-02-12 04:30 (UTC-2). What is scored:

* only groups of kind ``datetime`` whose grain is day, week, month, quarter or year: the grains
  factwire's dates have. Times of day (hour, minute, second grains) are not dates.
* intervals (``datetimeInterval``, open intervals "since 2014") are skipped: factwire's dates are
  single calendar periods, not ranges.
* holidays (``datetimeHoliday``, "thanksgiving 2016", "super tuesday") are scored in a row of their
  own, without a target: factwire knows the few holidays news dates refer to, not Duckling's
  hundreds of observances.
* the ``GB`` corpus is skipped: its day-first "15/2" contradicts the month-first reading of the
  main and ``US`` corpora, and one resolver cannot serve both.

A string counts correct when its value, read as the first day of its period, and its grain equal
Duckling's. Duckling reads an ambiguous expression ("monday", "march", "third quarter") as its next
occurrence, so the strings are resolved with ``direction="future"``; in articles the tense of the
sentence decides instead.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from factwire.evaluation.core import ScoreRow, accuracy_row
from factwire.extract.dates import resolve_date

DATASET = "duckling-en-corpus"
REFERENCE = dt.datetime(2013, 2, 12, 4, 30)
# Duckling's "diffCorpus" section is resolved against another moment.
SECTION_REFERENCE = {"diffCorpus": dt.datetime(2013, 2, 15, 4, 30)}
SCORED_FILES = ("Time/EN/Corpus.hs", "Time/EN/US/Corpus.hs")
SCORED_GRAINS = {"day", "week", "month", "quarter", "year"}
TARGET = 0.80


def period_start(value: str, precision: str) -> str | None:
    """The first day of a resolved period as ISO text ("2013-W07" -> "2013-02-11"); None if unknown."""
    if precision == "day":
        return value[:10]  # a part of a day (TIMEX3's 2013-02-12TMO) starts on that day
    if precision == "month":
        return f"{value}-01"
    if precision == "year":
        return f"{value}-01-01"
    if precision == "quarter":
        year, quarter = value.split("-Q")
        return f"{year}-{3 * int(quarter) - 2:02d}-01"
    if precision == "week":
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).isoformat()
    if precision == "decade":
        return f"{value}0-01-01"
    return None


Item = tuple[str, str, str, dt.datetime]  # text, gold first day, gold grain, reference time


def scored_items(dataset_dir: Path) -> dict[str, list[Item]]:
    """(text, gold first day, gold grain, reference) per scored row: "dates" and "holidays"."""
    corpus = json.loads((dataset_dir / "duckling-en-examples.json").read_text(encoding="utf-8"))
    items: dict[str, list[Item]] = {"dates": [], "holidays": []}
    for name in SCORED_FILES:
        for group in corpus["files"][name]["groups"]:
            parsed = group.get("parsed") or {}
            grain = (parsed.get("grain") or "").lower()
            if grain not in SCORED_GRAINS:
                continue
            row = {"datetime": "dates", "datetimeHoliday": "holidays"}.get(parsed.get("kind"))
            if row is None:
                continue
            day = re.match(r"-?\d+-\d\d-\d\d", parsed["value"]).group()
            reference = SECTION_REFERENCE.get(group.get("section"), REFERENCE)
            items[row].extend((text, day, grain, reference) for text in group["texts"])
    return items


def is_correct(text: str, gold_day: str, gold_grain: str, reference: dt.datetime = REFERENCE) -> bool:
    resolved = resolve_date(text, reference, direction="future")
    if resolved is None:
        return False
    value, precision = resolved
    return precision == gold_grain and _same_day(period_start(value, precision), gold_day)


def _same_day(predicted: str | None, gold: str) -> bool:
    if predicted is None:
        return False
    # Duckling writes years before 1000 with four digits and BC years with a minus sign.
    return re.sub(r"^(-?)0*", r"\1", predicted) == re.sub(r"^(-?)0*", r"\1", gold)


def score(dataset_dir: Path) -> list[ScoreRow]:
    items = scored_items(dataset_dir)
    rows = []
    for row, target in (("dates", TARGET), ("holidays", None)):
        correct = sum(is_correct(*item) for item in items[row])
        kind = ("time value+grain (day..year)" if row == "dates"
                else "holiday value+grain (day)")
        rows.append(accuracy_row(DATASET, kind, correct, len(items[row]), target))
    return rows
