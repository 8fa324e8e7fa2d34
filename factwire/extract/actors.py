"""Actors: named entities resolved to one canonical actor per article and across articles.

Resolution order for a mention: the alias table (``factwire/data/aliases.csv``, editable data),
then a longer person name in the same article that ends with this one ("Zelensky" after
"Volodymyr Zelensky"), then the mention's own cleaned name.
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources

from spacy.tokens import Doc, Span

ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "NORP": "group", "FAC": "place"}

# Titles and roles written before a name; kept apart from the name itself.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "vice",
    "prime", "minister", "chancellor", "king", "queen", "prince", "princess", "sheikh", "ayatollah",
    "supreme", "leader", "general", "gen", "colonel", "col", "lt", "captain", "capt", "admiral",
    "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge", "justice",
    "pope", "cardinal", "bishop", "rabbi", "imam", "chairman", "chairwoman", "ceo", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "commander", "marshal", "foreign", "defence",
    "defense", "deputy", "ambassador", "envoy", "chief", "director", "officer", "former", "late",
    "st", "saint", "comrade", "premier", "emir", "sultan", "crown", "journalist", "influencer",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")


@dataclass(frozen=True)
class AliasEntry:
    canonical: str
    type: str
    country: str | None


@dataclass
class Actor:
    id: str
    name: str
    type: str
    country: str | None
    mentions: list[dict] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def actor_id(name: str) -> str:
    """The cross-article key of an actor: its canonical name, folded into a slug."""
    return re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-") or "unknown"


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, AliasEntry]:
    """Folded alias -> canonical actor, from the packaged CSV."""
    table: dict[str, AliasEntry] = {}
    with resources.files("factwire.data").joinpath("aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            entry = AliasEntry(row["canonical"].strip(), row["type"].strip(), (row.get("country") or "").strip() or None)
            alias = _fold(row["alias"])
            table.setdefault(alias, entry)
            table.setdefault(_fold(_LEADING_THE.sub("", row["alias"])), entry)
    return table


def lookup_alias(text: str) -> AliasEntry | None:
    table = alias_table()
    folded = _fold(text)
    return table.get(folded) or table.get(_fold(_LEADING_THE.sub("", text)))


def clean_name(span_text: str) -> str:
    """The name without a leading article, titles or a possessive ending."""
    text = _POSSESSIVE.sub("", span_text.strip())
    text = _LEADING_THE.sub("", text)
    words = text.split()
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return " ".join(words)


def _name_span(ent: Span) -> tuple[int, int, str]:
    """Character span of the name proper inside an entity (titles, 'the', possessive dropped)."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    poss = _POSSESSIVE.search(text)
    if poss and ent.label_ in ("PERSON", "ORG"):
        end -= len(poss.group(0))
        text = text[: len(text) - len(poss.group(0))]
    cleaned = clean_name(text)
    if cleaned and cleaned != text:
        offset = text.rfind(cleaned)
        if offset >= 0:
            start += offset
            end = start + len(cleaned)
    return start, end, cleaned


def find_actors(doc: Doc) -> tuple[list[Actor], list[dict]]:
    """Actors of one article and their mentions (``actor_id``, ``text``, ``start``, ``end``)."""
    candidates: list[tuple[int, int, str, str]] = []  # start, end, name text, spaCy label
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        start, end, name = _name_span(ent)
        if not name or not any(c.isalpha() for c in name):
            continue
        entry = lookup_alias(name) or lookup_alias(ent.text)
        if ent.label_ == "ORG" and entry is None and name.lower() in TITLES:
            continue  # "Supreme" of "Supreme Leader" tagged as an organisation
        candidates.append((start, end, name, ent.label_))
    candidates.extend(_alias_only_mentions(doc, candidates))
    candidates.sort()

    # Full person names seen in this article, for surname / short-form mentions.
    full_people: list[str] = []
    for _, _, name, label in candidates:
        entry = lookup_alias(name)
        if label == "PERSON" and entry is None and len(name.split()) >= 2:
            full_people.append(name)

    actors: dict[str, Actor] = {}
    mentions: list[dict] = []
    for start, end, name, label in candidates:
        resolved = _resolve(name, label, full_people)
        if resolved is None:
            continue
        canonical, kind, country = resolved
        key = actor_id(canonical)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(key, canonical, kind, country)
        mention = {"actor_id": key, "text": doc.text[start:end], "start": start, "end": end}
        actor.mentions.append(mention)
        mentions.append(mention)
    return list(actors.values()), mentions


def _resolve(name: str, label: str, full_people: list[str]) -> tuple[str, str, str | None] | None:
    entry = lookup_alias(name)
    if entry is not None:
        return entry.canonical, entry.type, entry.country
    kind = ENTITY_TYPES[label]
    if label == "PERSON":
        words = name.split()
        if len(words) == 1 or len(words) == 2 and words[0].rstrip(".").lower() in TITLES:
            for full in full_people:
                if full.split()[-1] == words[-1]:
                    entry = lookup_alias(full)
                    return (entry.canonical, entry.type, entry.country) if entry else (full, "person", None)
    if label == "NORP":
        return None if name.islower() else (name, "group", None)
    return name, kind, None


def _alias_only_mentions(doc: Doc, taken: list[tuple[int, int, str, str]]) -> list[tuple[int, int, str, str]]:
    """Metonyms and demonyms the statistical NER misses ("the Kremlin", "the White House")."""
    found = []
    occupied = [(s, e) for s, e, _, _ in taken]
    for match in _metonym_pattern().finditer(doc.text):
        start, end = match.span()
        if any(s < end and start < e for s, e in occupied):
            continue
        name = match.group(0)
        if name[0].islower():
            continue
        found.append((start, end, _LEADING_THE.sub("", name), "ORG"))
        occupied.append((start, end))
    return found


@functools.lru_cache(maxsize=1)
def _metonym_pattern() -> re.Pattern[str]:
    """Multi-word or capitalised aliases of organisations and governments, as one regex."""
    names = set()
    with resources.files("factwire.data").joinpath("aliases.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            alias = _LEADING_THE.sub("", row["alias"].strip())
            if row["type"] in ("organization", "country") and alias[:1].isupper() and len(alias) > 3:
                names.add(alias)
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?:the|The)\s+)?(?:{alternation})(?![\w-])")
