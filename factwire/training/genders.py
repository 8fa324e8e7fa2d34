"""The first-name step: the usual gender of common first names, so that a pronoun is not read
as a person it cannot stand for ("Sarah Lane met Tom Reyes. “...,” he said": he is Tom Reyes).

Read from the name data of the `nomquamgender` package (MIT licence, (c) 2022 Ian Van Buskirk;
counts of first names with a known gender gathered from many public sources), written to
``factwire/data/first_name_genders.tsv``, which `factwire.extract.gender` reads. Only names
seen at least ``MIN_COUNT`` times whose share of one gender is at least ``MIN_SHARE`` are kept:
a name borne by both (Kim, Jordan, Alex) says nothing. Deterministic: sorted, no sampling.

The thresholds: news names people the name data counts rarely ("Oprah" 205 times, "Narendra"
240), so a name counts from 100 bearers; a share of 95% keeps out the names news often gives
the rarer sex (at 90%, "Lindsey" would be a woman's name, and "he" never Lindsey Graham).
On PolNeAR train (300 articles) quote speakers are as often right with 300 / 97%, 100 / 95%
and 100 / 90% (0.944 of all sources): the table's reach, not its thresholds, is what changes.
"""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

from factwire.extract.gender import TABLE_PATH

PACKAGE = "nomquamgender"
MIN_COUNT = 100
MIN_SHARE = 0.95
_NAME = re.compile(r"[a-z]+(?:-[a-z]+)?")

HEADER = """\
# First names and their usual gender (f or m), one per line, tab-separated.
# Derived by `make train` (factwire.training.genders) from the name data of nomquamgender 0.1.4:
# names seen at least {min_count} times, at least {share:.0%} of them of one gender.
# nomquamgender: Copyright (c) 2022 Ian Van Buskirk, MIT licence
# (https://github.com/ianvanbuskirk/nomquamgender): permission is hereby granted, free of charge,
# to deal in the data without restriction, provided this notice is kept; it comes WITHOUT
# WARRANTY OF ANY KIND.
"""


def _name_data() -> dict:
    """The package's data file, read without importing the package (which imports pandas)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the first-name step needs the {PACKAGE} package: make install")
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return json.loads(path.read_text(encoding="utf-8"))


def genders(data: dict, min_count: int = MIN_COUNT, min_share: float = MIN_SHARE) -> dict[str, str]:
    """{first name: "f" or "m"} for the names that are nearly always one gender."""
    out = {}
    for name, (_, count, share_female, *_) in data.items():
        if not _NAME.fullmatch(name) or count < min_count:
            continue
        if share_female >= min_share:
            out[name] = "f"
        elif share_female <= 1 - min_share:
            out[name] = "m"
    return out


def train(data_dir=None, out: Path = TABLE_PATH) -> Path:
    """Write the table (the eval data folder is not needed: the names come from the package)."""
    table = genders(_name_data())
    lines = [HEADER.format(min_count=MIN_COUNT, share=MIN_SHARE)]
    lines += [f"{name}\t{gender}\n" for name, gender in sorted(table.items())]
    out.write_text("".join(lines), encoding="utf-8")
    print(f"first names: {len(table)} ({sum(g == 'f' for g in table.values())} f) -> {out}")
    return out
