"""Score web page extraction (`factwire.sources.html`) on trafilatura's English evaluation set.

Each page lists text chunks the main text must contain (``with``) and chunks it must not
(``without``); matching is a whitespace-normalised substring test, as in trafilatura's own
benchmark. Dates and titles are scored by exact match over the pages that have gold for them.
"""

from __future__ import annotations

import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factwire.evaluation.core import ScoreRow, accuracy_row
from factwire.sources.html import extract_page

DATASET = "trafilatura-eval-en"
TEXT_F1_TARGET = 0.90
DATE_TARGET = 0.80
TITLE_TARGET = 0.90


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class PageScore:
    """Counts for one page; kept so a failing page can be looked at."""

    file: str
    true_pos: int
    false_neg: int
    false_pos: int
    date_ok: bool | None  # None: no gold date
    title_ok: bool | None


def score_pages(dataset_dir: Path, **options: Any) -> list[PageScore]:
    """Per-page counts; ``options`` are passed to `extract_page` (for tuning)."""
    gold = json.loads((dataset_dir / "evaldata-en.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in gold.items():
        html = gzip.decompress((dataset_dir / "html" / (item["file"] + ".gz")).read_bytes())
        page = extract_page(html, url, **options)
        text = _norm(page.text) if page else ""
        true_pos = sum(1 for chunk in item["with"] if _norm(chunk) in text)
        false_pos = sum(1 for chunk in item["without"] if _norm(chunk) in text)
        gold_date, gold_title = item.get("date"), _norm(item.get("title") or "")
        pages.append(PageScore(
            file=item["file"],
            true_pos=true_pos,
            false_neg=len(item["with"]) - true_pos,
            false_pos=false_pos,
            date_ok=None if not gold_date else bool(page and page.published
                                                    and page.published.isoformat() == gold_date),
            title_ok=None if not gold_title else bool(page and page.title
                                                      and _norm(page.title) == gold_title),
        ))
    return pages


def rows_from_pages(pages: list[PageScore]) -> list[ScoreRow]:
    true_pos = sum(p.true_pos for p in pages)
    false_pos = sum(p.false_pos for p in pages)
    false_neg = sum(p.false_neg for p in pages)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    dated = [p.date_ok for p in pages if p.date_ok is not None]
    titled = [p.title_ok for p in pages if p.title_ok is not None]
    return [
        ScoreRow(DATASET, "main text chunks", "f1-substring", f1, true_pos + false_neg,
                 precision, recall, TEXT_F1_TARGET),
        accuracy_row(DATASET, "publication date", sum(dated), len(dated), DATE_TARGET),
        accuracy_row(DATASET, "title", sum(titled), len(titled), TITLE_TARGET),
    ]


def score(dataset_dir: Path) -> list[ScoreRow]:
    return rows_from_pages(score_pages(dataset_dir))
