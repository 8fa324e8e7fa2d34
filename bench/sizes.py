"""Seconds of extraction per 100 KB of text, for ordinary news and for the shapes that used to
explode (a run-on sentence full of facts, a bracket storm, a wall of quotation marks).

    .venv/bin/python -m bench.sizes            # prints a table; README "Reliability" quotes it

Each text is extracted in one process (parsing and rules, as `factwire run` does per article)
at two sizes; time that grows in proportion to the size is what bounded work means.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from factwire.extract import facts_from_doc
from factwire.nlp import load_nlp, parse

ROOT = Path(__file__).resolve().parents[1]
RUN_ON = "Moscow and Tehran signed deals worth $5 million with Beijing and "


def ordinary(size: int) -> str:
    """News prose: the seed articles' paragraphs, repeated to the size."""
    paragraphs = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()[1:]
        paragraphs += [line for line in lines if len(line) > 80 and not line.startswith("Sources:")]
    text = "\n\n".join(paragraphs)
    return (text * (size // len(text) + 1))[:size]


SHAPES = {
    "ordinary news paragraphs": ordinary,
    "one run-on sentence full of facts": lambda size: (RUN_ON * (size // len(RUN_ON) + 1))[:size],
    "bracket storm": lambda size: "(" * (size // 2 - 3) + "Russia" + ")" * (size // 2 - 3),
    "quotation-mark storm": lambda size: "\u201c" * size,
}


def measure(text: str) -> tuple[float, float]:
    started = time.perf_counter()
    doc = next(parse([text]))
    parsed = time.perf_counter()
    facts_from_doc(doc, None)
    return parsed - started, time.perf_counter() - parsed


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--sizes", type=int, nargs="+", default=[100_000, 400_000])
    options.add_argument("--json", type=Path)
    args = options.parse_args()
    load_nlp()
    measure(ordinary(5_000))  # warm up
    rows = []
    for name, make in SHAPES.items():
        for size in args.sizes:
            nlp, rules = measure(make(size))
            per = 100_000 / size
            rows.append({"text": name, "chars": size, "nlp_s": round(nlp, 2), "rules_s": round(rules, 2),
                         "s_per_100k": round((nlp + rules) * per, 2)})
            print(f"{name:36} {size:>9,} chars  spaCy {nlp:7.2f} s  rules {rules:6.2f} s  "
                  f"{(nlp + rules) * per:6.2f} s per 100 KB", flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
