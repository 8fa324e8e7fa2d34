"""Score `parse_money` on Duckling's English AmountOfMoney corpus: whole string -> (value, currency)."""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

from factwire.evaluation.core import ScoreRow, accuracy_row
from factwire.extract.amounts import parse_money

DATASET = "duckling-en-corpus"
CORPUS_FILE = "AmountOfMoney/EN/Corpus.hs"

# Duckling keeps some currencies unresolved; these are the ISO codes (or None) each may stand
# for. "Cent" amounts are in hundredths of an unnamed currency.
GENERIC_CURRENCIES: dict[str, set[str | None]] = {
    "Dollar": {"USD"},
    "Pound": {"GBP"},
    "Cent": {None, "USD", "EUR"},
    "Dinar": {None, "KWD", "IQD", "JOD", "BHD", "DZD", "LYD", "TND", "RSD"},
    "Riyal": {None, "SAR", "QAR", "OMR", "YER"},
    "Rial": {None, "IRR", "OMR", "YER"},
    "Unnamed": {None, "USD"},  # "42 bucks"
}


def _unescape(text: str) -> str:
    """Undo Haskell escapes that the corpus conversion left without their backslash
    ("20x20ac" is "20\\x20ac", i.e. "20€"; "\\&" is Haskell's empty separator)."""
    return re.sub(r"x([0-9a-f]{4})&?", lambda m: chr(int(m.group(1), 16)), text)


def _expected(parsed: dict) -> tuple[float, set[str | None]] | None:
    if parsed is None:
        return None
    value = parsed["min"] if parsed["kind"] == "between" else parsed["value"]
    currency = parsed["currency"]
    if currency == "Cent":
        value = value / 100
    return value, GENERIC_CURRENCIES.get(currency, {currency})


def _correct(got, expected) -> bool:
    if got is None or expected is None:
        return got is None and expected is None
    value, currencies = expected
    return math.isclose(got[0], value, rel_tol=1e-9) and got[1] in currencies


def score(dataset_dir: Path) -> list[ScoreRow]:
    data = json.loads((dataset_dir / "duckling-en-examples.json").read_text(encoding="utf-8"))
    corpus = data["files"][CORPUS_FILE]
    correct = total = 0
    neg_correct = neg_total = 0
    for group in corpus["groups"]:
        expected = _expected(group["parsed"])
        for text in group["texts"]:
            got = parse_money(_unescape(text))
            if group["section"] == "latentCorpus":
                # Latent readings ("five", "about 5") are numbers, not money, for factwire.
                neg_total += 1
                neg_correct += got is None
            else:
                total += 1
                correct += _correct(got, expected)
    for text in corpus.get("negative", []):
        neg_total += 1
        neg_correct += parse_money(text) is None
    return [
        accuracy_row(DATASET, "money value+currency", correct, total, target=0.95),
        accuracy_row(DATASET, "not money (negative + latent numerals)", neg_correct, neg_total),
    ]


def failures(dataset_dir: Path) -> list[tuple[str, object, object]]:
    """The strings `parse_money` gets wrong, for looking at."""
    data = json.loads((dataset_dir / "duckling-en-examples.json").read_text(encoding="utf-8"))
    out = []
    for group in data["files"][CORPUS_FILE]["groups"]:
        if group["section"] == "latentCorpus":
            continue
        expected = _expected(group["parsed"])
        for text in group["texts"]:
            got = parse_money(_unescape(text))
            if not _correct(got, expected):
                out.append((text, got, expected))
    return out
