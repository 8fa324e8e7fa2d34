"""`python -m factwire.training [STEP ...]`: run the training steps (all, or those named)."""

from __future__ import annotations

import argparse
import sys
import time

from factwire.training import deals, events, genders, ner, quote_speakers

# (name, function taking the eval data folder): one line per trained component.
STEPS = [
    ("ner", ner.train),
    ("deals", deals.train),
    ("quote_speakers", quote_speakers.train),
    ("events", events.train),
    ("genders", genders.train),
]


def main(argv: list[str] | None = None) -> int:
    from factwire.evaluation.runner import default_data_dir

    names = [name for name, _ in STEPS]
    parser = argparse.ArgumentParser(prog="python -m factwire.training", description=__doc__)
    parser.add_argument("steps", nargs="*", metavar="STEP",
                        help=f"steps to run (default: all of {', '.join(names)})")
    parser.add_argument("--data", help="eval data folder (default: ../shared/eval beside the repository)")
    args = parser.parse_args(argv)
    unknown = [name for name in args.steps if name not in names]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; steps: {', '.join(names)}")
    data = args.data or default_data_dir()
    for name, step in STEPS:
        if args.steps and name not in args.steps:
            continue
        started = time.monotonic()
        print(f"== training step {name}", flush=True)
        step(data)
        print(f"== step {name} done in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
