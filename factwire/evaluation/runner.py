"""`factwire eval`: run the scorers over the eval data and print a table of scores and targets."""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import sys
from pathlib import Path
from typing import Iterable

from factwire.evaluation.core import SCORERS, ScoreRow

COLUMNS = ("dataset", "kind", "metric", "precision", "recall", "score", "items", "target", "result")


def default_data_dir() -> Path:
    """``../shared/eval`` beside the repository: the folder holding pyproject.toml, found from
    this file (editable install) or else from the working directory."""
    for here in (Path(__file__).resolve(), Path.cwd().resolve()):
        for folder in (here, *here.parents):
            if (folder / "pyproject.toml").is_file():
                return folder.parent / "shared" / "eval"
    return Path.cwd() / ".." / "shared" / "eval"


def _not_written_yet(error: ModuleNotFoundError, module: str) -> bool:
    """True when the missing module is a factwire module still being written (not a bug)."""
    return error.name is not None and (error.name == module or error.name.startswith("factwire."))


# ``train_docs`` when it is not given: each module's own default (its whole train split).
MODULE_DEFAULT = object()


def run_eval(data_dir: Path, only: list[str] | None = None,
             log=lambda message: print(message, file=sys.stderr),
             train_docs: int | None | object = MODULE_DEFAULT) -> list[ScoreRow]:
    """Score every dataset folder (or those named in ``only``) with its scorer modules.

    A dataset folder that is missing is an error. A scorer module, or a factwire module it
    needs, that does not exist yet is skipped with a message through ``log``. ``train_docs``
    is how many documents of a train split to score (None: all; a number: a seeded sample); by
    default each scorer's own, the whole split.
    """
    data_dir = Path(data_dir)
    names = list(SCORERS) if not only else list(dict.fromkeys(only))
    unknown = [n for n in names if n not in SCORERS]
    if unknown:
        raise ValueError(f"unknown dataset(s) {unknown}; known: {sorted(SCORERS)}")
    missing = [n for n in names if not (data_dir / n).is_dir()]
    if missing:
        raise FileNotFoundError(f"dataset folder(s) missing under {data_dir}: {missing}")

    rows: list[ScoreRow] = []
    for name in names:
        for module_name in SCORERS[name]:
            try:
                module = importlib.import_module(module_name)
                takes_train = "train_docs" in inspect.signature(module.score).parameters
                if takes_train and train_docs is not MODULE_DEFAULT:
                    rows.extend(module.score(data_dir / name, train_docs=train_docs))
                else:
                    rows.extend(module.score(data_dir / name))
            except ModuleNotFoundError as error:
                if not _not_written_yet(error, module_name):
                    raise
                log(f"skipped {module_name} for {name}: module {error.name} does not exist yet")
    return rows


def _fmt(value: float | None) -> str:
    return "" if value is None else f"{value:.3f}"


def _result(row: ScoreRow) -> str:
    return {None: "", True: "pass", False: "FAIL"}[row.passed]


def format_table(rows: Iterable[ScoreRow]) -> str:
    """An aligned text table, one line per score row."""
    lines = [COLUMNS]
    for r in rows:
        lines.append((r.dataset, r.kind, r.metric, _fmt(r.precision), _fmt(r.recall),
                      _fmt(r.score), str(r.items), _fmt(r.target), _result(r)))
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS))]
    numeric = {3, 4, 5, 6, 7}
    out = []
    for line in lines:
        cells = [c.rjust(w) if i in numeric else c.ljust(w)
                 for i, (c, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def summary(rows: Iterable[ScoreRow]) -> str:
    rows = list(rows)
    met = sum(1 for r in rows if r.passed is True)
    missed = [r for r in rows if r.passed is False]
    return (f"{len(rows)} scores, targets met {met}/{met + len(missed)}"
            + (f", missed: {', '.join(f'{r.dataset} {r.kind} {r.metric}' for r in missed)}"
               if missed else ""))


def to_json(rows: Iterable[ScoreRow]) -> dict:
    """The rows as JSON-ready data, with counts of targets met and missed."""
    rows = list(rows)
    return {
        "rows": [
            {"dataset": r.dataset, "kind": r.kind, "metric": r.metric, "precision": r.precision,
             "recall": r.recall, "score": r.score, "items": r.items, "target": r.target,
             "passed": r.passed}
            for r in rows
        ],
        "targets_met": sum(1 for r in rows if r.passed is True),
        "targets_missed": sum(1 for r in rows if r.passed is False),
    }


def _train_docs(value: str) -> int | None:
    if value == "all":
        return None
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("give a number of documents (1 or more) or 'all'")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factwire eval",
                                     description="Score factwire's extraction on the eval data.")
    parser.add_argument("--data", type=Path, default=None,
                        help="eval data folder (default: ../shared/eval beside the repository)")
    parser.add_argument("--only", nargs="+", metavar="NAME", choices=sorted(SCORERS),
                        help="dataset folders to score (default: all)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the scores as JSON")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--train-docs", type=_train_docs, default=MODULE_DEFAULT, metavar="N|all",
                        help="score only N documents of each train split, drawn with a fixed seed, "
                             "for a quicker look ('all', the default, scores whole splits); "
                             "dev splits are always scored whole")
    args = parser.parse_args(argv)

    data_dir = args.data if args.data is not None else default_data_dir()
    if args.train_docs is MODULE_DEFAULT:
        rows = run_eval(data_dir, args.only)
    else:
        rows = run_eval(data_dir, args.only, train_docs=args.train_docs)
    print(format_table(rows))
    print(summary(rows))
    if args.json:
        args.json.write_text(json.dumps(to_json(rows), indent=2) + "\n", encoding="utf-8")
    missed = any(r.passed is False for r in rows)
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
