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

from factwire.extract import entity_rules

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


@dataclass
class _Candidate:
    """One name in the text before it is resolved to an actor."""

    start: int
    end: int
    name: str  # cleaned: no title, leading "the" or possessive
    label: str  # spaCy label, or the label a rule gave it
    span: Span | None
    kind: str | None = None  # "demonym" for nationality / religious / political group words
    team: bool = False  # a country named for its sports team


def find_actors(doc: Doc) -> tuple[list[Actor], list[dict]]:
    """Actors of one article and their mentions (``actor_id``, ``text``, ``start``, ``end``).

    A mention of a nationality, religious or political group word ("Russian", "Afghans",
    "Muslims") carries ``"kind": "demonym"``: it names the actor but is not a name of it.
    """
    candidates = _entity_candidates(doc)
    candidates.extend(_alias_only_mentions(doc, candidates))
    candidates.sort(key=lambda c: (c.start, c.end))
    full_people = _full_people(candidates)
    _relabel_people(candidates, full_people)
    _mark_teams(doc, candidates)

    actors: dict[str, Actor] = {}
    votes: dict[str, dict[str, int]] = {}  # actor id -> type -> mentions (names not in the table)
    mentions: list[dict] = []
    for cand in candidates:
        resolved = _resolve(cand.name, cand.label, full_people)
        if resolved is None:
            continue
        canonical, kind, country, from_table = resolved
        if cand.team:
            canonical, kind = f"{canonical} national team", "organization"
        key = actor_id(canonical)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(key, canonical, kind, country)
        if not from_table and not cand.team:
            counts = votes.setdefault(key, {})
            counts[kind] = counts.get(kind, 0) + 1
        mention = {"actor_id": key, "text": doc.text[cand.start:cand.end], "start": cand.start,
                   "end": cand.end}
        if cand.kind:
            mention["kind"] = cand.kind
        actor.mentions.append(mention)
        mentions.append(mention)
    # A name spaCy types differently along the article takes its most frequent type
    # ("Gloria" once a place, seven times a person); the first one seen wins a tie.
    for key, counts in votes.items():
        actors[key].type = max(counts, key=lambda k: (counts[k], k == actors[key].type))
    return list(actors.values()), mentions


def _entity_candidates(doc: Doc) -> list[_Candidate]:
    out = []
    for ent in doc.ents:
        if ent.label_ not in ENTITY_TYPES:
            continue
        ent = entity_rules.trim_caption(ent)
        start, end, name = _name_span(ent)
        if not name or not any(c.isalpha() for c in name):
            continue
        entry = lookup_alias(name) or lookup_alias(ent.text)
        if ent.label_ == "ORG" and entry is None and name.lower() in TITLES:
            continue  # "Supreme" of "Supreme Leader" tagged as an organisation
        kind = "demonym" if ent.label_ == "NORP" or _is_demonym(ent, name, entry) else None
        out.append(_Candidate(start, end, name, ent.label_, ent, kind))
    return out


def _is_demonym(span: Span, name: str, entry: AliasEntry | None) -> bool:
    """An adjective or plural people-word of a country or place ("Iranian", "Afghans")."""
    if entry is None or entry.type not in ("country", "place") or _fold(name) == _fold(entry.canonical):
        return False
    return len(span) == 1 and span[0].tag_ in ("JJ", "NNPS", "NNS")


def _full_people(candidates: list[_Candidate]) -> list[str]:
    """Full person names seen in this article, for surname / short-form mentions."""
    full = []
    for cand in candidates:
        entry = lookup_alias(cand.name)
        if cand.label == "PERSON" and (entry is None or entry.type == "person") \
                and len(cand.name.split()) >= 2 and cand.name not in full:
            full.append(cand.name)
    return full


def _relabel_people(candidates: list[_Candidate], full_people: list[str]) -> None:
    """A name NER typed as a place or organisation that is a person of the article ("Wilkins"
    after "Kristen Wilkins", "Jobs" after "Steve Jobs") becomes that person."""
    if not full_people:
        return
    surnames = {name.split()[-1] for name in full_people}
    names = set(full_people)
    for cand in candidates:
        if cand.label in ("PERSON", "NORP") or cand.kind or lookup_alias(cand.name) is not None:
            continue
        if cand.name in names or (" " not in cand.name and cand.name in surnames):
            cand.label = "PERSON"


def _mark_teams(doc: Doc, candidates: list[_Candidate]) -> None:
    """Countries that stand for their sports teams in a match report."""
    countries = []
    for cand in candidates:
        if cand.kind or cand.span is None:
            continue
        entry = lookup_alias(cand.name)
        if (entry is not None and entry.type == "country") or (entry is None and cand.label == "GPE"):
            countries.append(cand)
    for i in entity_rules.team_spans(doc, [c.span for c in countries]):
        countries[i].team = True


def _resolve(name: str, label: str, full_people: list[str]) -> tuple[str, str, str | None, bool] | None:
    """Canonical name, type, country and whether the alias table gave them."""
    entry = lookup_alias(name)
    if entry is not None:
        return entry.canonical, entry.type, entry.country, True
    kind = ENTITY_TYPES[label]
    if label == "PERSON":
        words = name.split()
        if len(words) == 1 or len(words) == 2 and words[0].rstrip(".").lower() in TITLES:
            for full in full_people:
                if full.split()[-1] == words[-1]:
                    entry = lookup_alias(full)
                    return (entry.canonical, entry.type, entry.country, True) if entry \
                        else (full, "person", None, False)
    if label == "NORP":
        return None if name.islower() else (name, "group", None, False)
    return name, kind, None, False


def _alias_only_mentions(doc: Doc, taken: list[_Candidate]) -> list[_Candidate]:
    """Metonyms and demonyms the statistical NER misses ("the Kremlin", "the White House")."""
    found = []
    occupied = [(c.start, c.end) for c in taken]
    for match in _metonym_pattern().finditer(doc.text):
        start, end = match.span()
        if any(s < end and start < e for s, e in occupied):
            continue
        name = match.group(0)
        if name[0].islower():
            continue
        name = _LEADING_THE.sub("", name)
        start = end - len(name)
        span = doc.char_span(start, end, alignment_mode="expand")
        entry = lookup_alias(name)
        kind = "demonym" if span is not None and _is_demonym(span, name, entry) else None
        found.append(_Candidate(start, end, name, "ORG", span, kind))
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
