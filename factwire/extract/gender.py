"""Whether a pronoun can stand for a person, by the usual gender of the person's first name or
title: "he" is not Sarah Lane, "she" is not Mr. Reyes. Unknown names agree with every pronoun.

The table of first names is ``factwire/data/first_name_genders.tsv`` (built by `make train`
from nomquamgender's name data; see `factwire.training.genders`). A one-word name is a surname
as often as a first name ("Thomas" for Helen Thomas), so only a name of two words or more, or
one with a title, has a gender here.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).resolve().parents[1] / "data" / "first_name_genders.tsv"

TITLES = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m", "duke": "m",
          "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f",
          "princess": "f", "duchess": "f"}
PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
            "she": "f", "her": "f", "hers": "f", "herself": "f"}


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    table = {}
    with TABLE_PATH.open(encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, gender = line.rstrip("\n").split("\t")
            table[name] = gender
    return table


def name_gender(name: str) -> str | None:
    """"f", "m" or None (unknown) for a person's name as written."""
    words = name.replace(".", " ").split()
    if not words:
        return None
    title = TITLES.get(words[0].lower())
    if title:
        return title
    if len(words) < 2:
        return None
    return _table().get(words[0].lower())


def agrees(pronoun: str, name: str) -> bool:
    """False only when the pronoun's gender and the name's are both known and differ."""
    wanted = PRONOUNS.get(pronoun.lower())
    if wanted is None:
        return True
    found = name_gender(name)
    return found is None or found == wanted
