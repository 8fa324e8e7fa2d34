"""Actors: named entities resolved to one canonical actor per article and across articles.

Resolution order for a mention: the alias table (``factwire/data/aliases.csv``, editable data),
then a longer person name in the same article that ends with this one ("Zelensky" after
"Volodymyr Zelensky"), then the mention's own cleaned name. Rules in
:mod:`factwire.extract.entity_rules` and below correct NER: names repeated where NER missed
them, bracketed acronyms, surnames NER typed as places, countries playing as sports teams,
names nested in organisation names, codes and event names dropped; people found by a known
given name (``factwire/data/given_names.txt``) or a person noun beside the name, whose surname
then outranks a place's alias ("Paris" after "Valeska Paris"); types fixed by a name's last word
and by what the text says of a name (a place has a capital and is "in" things, a person is "he"
or "she", an author is cited with a year). Names of the alias table's type ``thing`` (products,
market indices, gods) and names written as products, indices, terms or headings are no actors.
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
from factwire.extract.gender import name_gender
from factwire.extract.syntax import entities, text_of, token_starts, token_texts

ENTITY_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
                "NORP": "group", "FAC": "place"}

# Entity labels whose names may hold other names ("University of Sheffield").
NESTING_LABELS = {"ORG", "FAC", "GPE", "LOC"}

# Titles and roles written before a name; kept apart from the name itself.
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "president", "vice",
    "prime", "minister", "chancellor", "king", "queen", "prince", "princess", "sheikh", "ayatollah",
    "supreme", "leader", "general", "gen", "colonel", "col", "lt", "captain", "capt", "admiral",
    "senator", "sen", "rep", "representative", "governor", "gov", "mayor", "judge", "justice",
    "pope", "cardinal", "bishop", "rabbi", "imam", "chairman", "chairwoman", "ceo", "secretary",
    "spokesman", "spokeswoman", "spokesperson", "commander", "marshal", "foreign", "defence",
    "defense", "deputy", "ambassador", "envoy", "chief", "director", "officer", "former", "late",
    "comrade", "premier", "emir", "sultan", "crown", "journalist", "influencer",
    "speaker", "taoiseach", "tánaiste", "tanaiste", "mp", "mep", "councillor", "councilman",
    "councilwoman", "congressman", "congresswoman", "assemblyman", "assemblywoman", "sheriff",
    "detective", "sergeant", "sgt", "inspector", "constable", "attorney",
    "supervisor", "commissioner", "trustee", "alderman", "alderwoman", "superintendent", "treasurer",
    "lieutenant", "corporal", "reverend", "rev", "pastor", "delegate", "magistrate", "prosecutor",
}
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# Words an English name never ends with: conjunctions, articles, prepositions.
_NOT_LAST_WORDS = frozenset({"and", "or", "nor", "but", "the", "a", "an", "of", "for", "in", "at",
                             "to", "by", "with", "from", "on", "&", ",", "-"})
_TITLE_WORD = re.compile(r"(?:(?:the|The|THE)\s+)?(?i:%s)\.?(?=\s)" % "|".join(sorted(TITLES, key=len, reverse=True)))
# "St." and "Saint" open names of places and institutions named for saints ("St. Louis Park",
# "St. Mary's Hospital"), which news writes far more often than a saint as an actor: part of
# the name, no title.
_SAINT = re.compile(r"(?:St\.?|Saint|Ste\.?)\s")
# First words of names of places of a kind ("Port Hutt", "Mount Hood", "Lake Placid", "Cape
# Town", "Fort Lee", "Puerto Morelos"), which open no person's name: a name so opened that NER
# types a person's is the place. (A club may be named so, "Port Vale": NER types it a body.)
_PLACE_OPENERS = re.compile(r"(?:Port|Mount|Mt\.?|Lake|Cape|Fort|Isle|Puerto|Porto|Lago|Cerro)\s")
# Last words of institutions named for people ("Shifa Hospital", "Youssef Al-Najjar Hospital",
# "Martin Luther King Jr. Academy"), never of a person's name.
_INSTITUTION_HEADS = frozenset({"hospital", "clinic", "school", "academy", "prison", "library", "infirmary"})
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_ET_AL = re.compile(r"\s+et\.?\s+al\.?$")


# The alias table's type for names that are no actor: products and product lines ("MacBook",
# "Python"), market indices ("S&P 500", "Dow Jones Industrial Average", which are numbers a
# market computes, not bodies that act), the gods of mythologies ("Zeus", "Athena", who
# are characters of stories and cults, not people or bodies the news reports as acting), and
# awards and their ceremonies ("Oscars", "Golden Globes": a prize is given, it does not act),
# and weather patterns and virus variants ("El Niño", "Omicron"), which news writes as acting.
THING = "thing"


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
    # "alias table": the curated canonical name; "text": a spelling from the article, which the
    # warehouse may replace by the spelling most articles use.
    name_source: str = "text"

    def as_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "name_source": self.name_source}


@functools.lru_cache(maxsize=65536)
def _fold(text: str) -> str:
    """The text as compared for names: accents and case folded, whitespace collapsed."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def actor_id(name: str) -> str:
    """The cross-article key of an actor: its canonical name, folded into a slug."""
    return re.sub(r"[^a-z0-9]+", "-", _fold(name)).strip("-") or "unknown"


@functools.lru_cache(maxsize=1)
def _alias_rows() -> tuple[dict[str, str], ...]:
    """The rows of the packaged alias table, read once per process."""
    with resources.files("factwire.data").joinpath("aliases.csv").open(encoding="utf-8") as handle:
        return tuple(csv.DictReader(handle))


@functools.lru_cache(maxsize=1)
def alias_table() -> dict[str, AliasEntry]:
    """Folded alias -> canonical actor, from the packaged CSV."""
    table: dict[str, AliasEntry] = {}
    for row in _alias_rows():
        entry = AliasEntry(row["canonical"].strip(), row["type"].strip(), (row.get("country") or "").strip() or None)
        alias = _fold(row["alias"])
        table.setdefault(alias, entry)
        table.setdefault(_fold(_LEADING_THE.sub("", row["alias"])), entry)
    return table


@functools.lru_cache(maxsize=65536)
def lookup_alias(text: str) -> AliasEntry | None:
    table = alias_table()
    folded = _fold(text)
    return table.get(folded) or table.get(_fold(_LEADING_THE.sub("", text)))


def _is_thing(name: str) -> bool:
    entry = lookup_alias(name)
    return entry is not None and entry.type == THING


def clean_name(span_text: str, person: bool | None = None) -> str:
    """The name without a leading article, titles or a possessive ending.

    A title word before a person's name is no part of the name ("President Obama"); before
    other words it is part of an organisation's ("General Motors", "Supreme Court", "Foreign
    Office"). So titles go when the name is a person's (``person``), or, for a name typed as
    something else (``person=False``), when what follows them is a person's name: a person of
    the alias table or a known given name and a surname. ``None``: titles always go.
    """
    text = _POSSESSIVE.sub("", span_text.strip())
    text = _LEADING_THE.sub("", text)
    text = _ET_AL.sub("", text)  # "Do-Pham G et al": the first author of a cited work
    words = text.split()
    while len(words) > 1 and words[-1].lower() in _NOT_LAST_WORDS:
        words = words[:-1]  # "Bank of America Corp. and": NER ran past the name
    titled = words
    while len(titled) > 1 and titled[0].lower().rstrip(".") in TITLES:
        titled = titled[1:]
    if titled is not words and person is False and not _names_a_person(titled):
        return " ".join(words)
    if person:
        # letters of a rank or degree after a person's name are no part of it ("Neil Ford QC",
        # "Jane Roe OBE"); "Jr." and "Sr." are, telling a son from his father
        while len(titled) > 2 and titled[-1].replace(".", "") in _RANK_LETTERS:
            titled = titled[:-1]
    return " ".join(titled)


_RANK_LETTERS = entity_rules.POST_NOMINALS - {"Jr", "Sr"} | {"PhD", "MD", "DPhil"}


def _names_a_person(words: list[str]) -> bool:
    """Words that name a person: a person of the alias table, or a given name and a surname."""
    entry = lookup_alias(" ".join(words))
    if entry is not None:
        return entry.type == "person"
    return len(words) >= 2 and words[0] in entity_rules.given_names() and words[-1][:1].isupper()


def _name_span(ent: Span, label: str) -> tuple[int, int, str]:
    """Character span of the name proper inside an entity (titles, 'the', possessive dropped)."""
    text = ent.text
    start, end = ent.start_char, ent.end_char
    poss = _POSSESSIVE.search(text)
    kept = ""
    if poss and label in ("PERSON", "ORG"):
        end -= len(poss.group(0))
        text = text[: len(text) - len(poss.group(0))]
        if _keeps_possessive(ent, label, text + poss.group(0), text):
            kept = poss.group(0)
    cleaned = clean_name(text, person=label == "PERSON")
    if kept and cleaned:
        offset = text.rfind(cleaned)
        start = start + offset if offset >= 0 else start
        return start, start + len(cleaned) + len(kept), cleaned + kept
    if cleaned and cleaned != text:
        offset = text.rfind(cleaned)
        if offset >= 0:
            start += offset
            end = start + len(cleaned)
    return start, end, cleaned


def _keeps_possessive(ent: Span, label: str, whole: str, stripped: str) -> bool:
    """The "'s" is part of a company's name, not a possessive: the alias table knows the name
    with it ("Moody's", "McDonald's"), or, for an organisation, no noun follows for it to
    own: a verb, a preposition, a conjunction or a stop does ("Moody's said", "instead of
    Bloomingdale's,", "at Macy's on Friday"), as English writes shops named for their founders."""
    if lookup_alias(whole) is not None and lookup_alias(stripped) is None:
        return True
    if label != "ORG" or lookup_alias(stripped) is not None or not _always_with_s(ent.doc, stripped):
        return False
    doc = ent.doc
    if ent.end >= len(doc):
        return True
    after = doc[ent.end]
    return after.text in (",", ".", ";", ":", ")", "?", "!") or after.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ")


def _always_with_s(doc: Doc, name: str) -> bool:
    """The article never writes the name without an "'s" after it: a name it also writes bare
    ("NPHET said", "NPHET's advice") is the name, its "'s" a possessive."""
    uses = re.findall(r"(?<![\w-])%s(?![\w-])(['’]s\b)?" % re.escape(name), text_of(doc))
    return bool(uses) and all(uses)


def _with_name_possessive(ent: Span) -> Span:
    """The entity with the "'s" NER left out where it is part of a company's name (see
    `_keeps_possessive`: "McDonald" + "'s" is McDonald's, "at Macy" + "'s on Friday")."""
    doc = ent.doc
    if ent.end < len(doc) and doc[ent.end].text in ("'s", "’s") and not doc[ent.end - 1].whitespace_ \
            and ent.label_ in ("ORG", "PERSON"):
        longer = Span(doc, ent.start, ent.end + 1, label=ent.label)
        entry = lookup_alias(longer.text)
        if entry is not None and entry.type == "organization" and lookup_alias(ent.text) is None:
            return Span(doc, ent.start, ent.end + 1, label="ORG")
        if ent.label_ == "ORG" and _keeps_possessive(longer, "ORG", longer.text, ent.text):
            return longer
    return ent


_PAIR_DASH = re.compile(r"[-–]")


def _split_pairs(text: str, candidates: list["_Candidate"]) -> list["_Candidate"]:
    """A name made of two names the alias table knows, joined by a hyphen, is both: English
    joins the sides of a relation so ("the U.S.-Mexico border", "Israel-Hamas talks"), and
    no name is spelled so. A name the table knows whole ("Guinea-Bissau") stays one. Two
    nationality words so joined ("Israeli-Syrian talks") are the two countries' demonyms."""
    out = []
    alone = _names_alone(candidates)
    for cand in candidates:
        parts = _PAIR_DASH.split(cand.name)
        if (len(parts) < 2 or cand.kind not in (None, "demonym") or lookup_alias(cand.name) is not None
                or text[cand.start:cand.end] != cand.name):
            out.append(cand)
            continue
        sides = _sides_named_alone(cand, parts, alone)
        if sides is not None:
            at = cand.start
            for part, label in zip(parts, sides):
                out.append(_Candidate(at, at + len(part), part, label, None))
                at += len(part) + 1
            continue
        entries = [lookup_alias(part) if part[:1].isupper() else None for part in parts]
        kinds = ("country",) if cand.kind else ("country", "place", "organization")
        if not all(e is not None and e.type in kinds for e in entries) or cand.kind and not (
                _names_a_relation(cand.span) and all(e.canonical != part for e, part in zip(entries, parts))):
            out.append(cand)
            continue
        at = cand.start
        for part, entry in zip(parts, entries):
            label = "NORP" if cand.kind else "ORG" if entry.type == "organization" else "GPE"
            out.append(_Candidate(at, at + len(part), part, label, None, kind=cand.kind))
            at += len(part) + 1
    return out


_ALIAS_LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE", "place": "GPE"}


def _names_alone(candidates: list["_Candidate"]) -> dict[str, str]:
    """The names the article writes on their own, with no hyphen, and the label of their first
    such use: "PLO" in "the PLO said" beside "Israel-PLO talks"."""
    alone: dict[str, str] = {}
    for cand in candidates:
        if not cand.kind and "-" not in cand.name and "–" not in cand.name and cand.label in ENTITY_TYPES:
            alone.setdefault(cand.name, cand.label)
    return alone


def _sides_named_alone(cand: "_Candidate", parts: list[str], alone: dict[str, str]) -> list[str] | None:
    """The labels of the two sides of a hyphenated pair of names before a noun of relations
    ("Israel-PLO talks", "Tikhomirov-Maskhadov talks"), when the article names each side on
    its own elsewhere, or the alias table knows it by that name: English joins the two sides of
    talks, a border or a treaty so. A pair one side of which is never named alone stays one
    name ("Coca-Cola", "Rolls-Royce", "Hewlett-Packard", "Mercedes-Benz"), and so does a pair
    that is no side of a relation ("Zeta-Jones"). None when the pair is not split so."""
    if len(parts) != 2 or not _names_a_relation(cand.span):
        return None
    labels = []
    for part in parts:
        if not part[:1].isupper() or not any(c.isalpha() for c in part):
            return None
        entry = lookup_alias(part)
        if part in alone:
            label = _ALIAS_LABELS.get(entry.type) if entry is not None else alone[part]
        elif entry is not None and _fold(entry.canonical) == _fold(part) and not cand.kind:
            label = _ALIAS_LABELS.get(entry.type)  # the country's or body's own name: "Israel"
            # (not in a pair NER read as a nationality and the article names nowhere alone:
            # "Croatia-Yugoslavia treaty" stays as the tagger saw it)
        else:
            return None
        if label not in ("PERSON", "ORG", "GPE", "LOC", "FAC"):
            return None
        labels.append(label)
    return labels


# Nouns of what passes between two countries or two sides: "Israeli-Syrian talks", "Sino-Indian
# border", "the Exxon-Mobil merger", "the Clinton-Dole debate".
_RELATION_NOUNS = frozenset({
    "talk", "negotiation", "relation", "relationship", "tie", "border", "frontier", "treaty", "accord",
    "agreement", "pact", "deal", "summit", "meeting", "dialogue", "war", "conflict", "dispute", "tension",
    "rivalry", "clash", "fighting", "ceasefire", "truce", "peace", "alliance", "partnership", "cooperation",
    "trade", "commission", "rapprochement", "exercise", "drill", "declaration", "statement", "initiative",
    "merger", "venture", "debate", "match", "race", "call", "feud", "standoff", "showdown"})


def _names_a_relation(span: Span | None) -> bool:
    """Two nationality words joined by a hyphen name two countries when they modify what passes
    between them ("Israeli-Syrian peace talks"); before a person or a group ("Indian-American
    voters", "a Chinese-American scientist") they name one person's origin and country."""
    if span is None:
        return False
    head = span.root.head
    while head.dep_ == "compound" and head.head is not head and head.head.pos_ in ("NOUN", "PROPN"):
        if head.lemma_.lower() in _RELATION_NOUNS:
            return True
        head = head.head
    return head is not span.root and head.lemma_.lower() in _RELATION_NOUNS


def _unify_possessive_names(text: str, candidates: list["_Candidate"]) -> None:
    """A company named with its "'s" somewhere ("Bloomingdale's said") is the same company where
    a possessive took the "'s" away ("Bloomingdale's shoppers")."""
    whole = {_fold(_POSSESSIVE.sub("", c.name)): c.name for c in candidates
             if c.label == "ORG" and _POSSESSIVE.search(c.name) and _POSSESSIVE.search(text[c.start:c.end])}
    if not whole:
        return
    for cand in candidates:
        if cand.label in ("ORG", "PERSON") and not cand.kind and _fold(cand.name) in whole:
            cand.name, cand.label = whole[_fold(cand.name)], "ORG"


def _shared_surnames(doc: Doc, candidates: list["_Candidate"]) -> None:
    """A given name before "and" and a full name shares its surname: "Bill and Hillary
    Clinton" names Bill Clinton, as English writes a couple or siblings ("Venus and Serena
    Williams"). Both are typed people and read as given names (of either packaged table), no
    title stands before the given name ("Prince Harry and Oprah Winfrey" are two people named
    as each is known), and the name so made is a person of the alias table: a one-name person
    beside a full name ("Meghan and Oprah Winfrey") is read so too often otherwise. The given
    name's mention keeps its text."""
    given = entity_rules.first_names()
    by_start = {c.start: c for c in candidates}
    for cand in candidates:
        span = cand.span
        if cand.label != "PERSON" or cand.kind or span is None or " " in cand.name or cand.name.lower() not in given:
            continue
        if span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("and", "&"):
            continue
        other = by_start.get(doc[span.end + 1].idx)
        words = other.name.split() if other is not None else []
        if other is None or other.label != "PERSON" or len(words) != 2 or words[0].lower() not in given \
                or not words[1][:1].isupper():
            continue
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES or span[0].lower_.rstrip(".") in TITLES:
            continue
        entry = lookup_alias(f"{cand.name} {words[1]}")
        if entry is not None and entry.type == "person":
            cand.name = f"{cand.name} {words[1]}"


# Relatives news names by their given name alone after the person they are kin to
# ("Clinton's husband, Bill,"), who most often share that person's surname.
_KIN_NOUNS = frozenset({"husband", "wife", "son", "daughter", "brother", "sister", "father", "mother"})


def _kin_by_given_name(doc: Doc, candidates: list["_Candidate"]) -> None:
    """A given name set after "X's husband" (wife, son, daughter, brother, sister, father,
    mother) names the relative by X's surname: "Clinton's husband, Bill," is Bill Clinton. X
    is a surname when the article writes it as the last word of a person's full name, or the
    alias table knows the name so made; never a given name alone ("Diana's son, Harry")."""
    given = entity_rules.first_names()
    people = [c.name.split() for c in candidates if c.label == "PERSON" and not c.kind]
    surnames = {words[-1] for words in people if len(words) >= 2}
    # (the owner NER may type a body's: "Schilling" of "Schilling's son", "Curt Schilling" named)
    by_end = {c.span.end: c for c in candidates if c.span is not None and c.label in ("PERSON", "ORG")}
    for cand in candidates:
        span = cand.span
        if cand.label != "PERSON" or cand.kind or span is None or " " in cand.name or cand.name.lower() not in given:
            continue
        i = span.start - 1
        if i >= 0 and doc[i].text == ",":
            i -= 1
        if i < 2 or doc[i].lower_ not in _KIN_NOUNS or doc[i - 1].text not in ("'s", "’s"):
            continue
        owner = by_end.get(i - 1)
        if owner is None or owner is cand:
            continue
        surname = owner.name.split()[-1]
        if owner.label != "PERSON" and (" " in owner.name or surname not in surnames):
            continue
        full = f"{cand.name} {surname}"
        entry = lookup_alias(full)
        if surname == cand.name or surname.lower() in given and surname not in surnames:
            continue
        if surname in surnames and (entry is None or entry.type == "person") or entry is not None and entry.type == "person":
            cand.name = full


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
    person: bool = False  # a person by a rule: the alias table does not make it a place


def find_actors(doc: Doc) -> tuple[list[Actor], list[dict]]:
    """Actors of one article and their mentions (``actor_id``, ``text``, ``start``, ``end``).

    A mention of a nationality, religious or political group word ("Russian", "Afghans",
    "Muslims") carries ``"kind": "demonym"``: it names the actor but is not a name of it.
    """
    text = text_of(doc)  # doc.text is built from the tokens on every access
    candidates = _split_pairs(text, _entity_candidates(doc))
    _unify_possessive_names(text, candidates)
    _shared_surnames(doc, candidates)
    _kin_by_given_name(doc, candidates)
    candidates = _publications(doc, candidates)
    candidates.extend(_alias_only_mentions(doc, text, candidates))
    candidates.extend(_acronyms(doc, candidates))
    candidates.extend(_citation_candidates(doc, candidates))
    full_people = _full_people(candidates)
    candidates = _drop_common_words(doc, candidates, full_people)
    candidates.extend(_untagged_companies(doc, candidates, full_people))
    candidates.extend(_repeated_names(doc, text, candidates, full_people))
    candidates.sort(key=lambda c: (c.start, c.end))
    candidates = _rejoin_full_names(text, candidates, full_people)
    full_people = _places_typed_as_people(doc, candidates, full_people)
    _places_typed_as_organisations(doc, candidates)
    full_people = _places_named_as_people(doc, candidates, full_people)
    _people_typed_as_bodies_or_places(doc, candidates)
    full_people = _bodies_typed_as_people(doc, candidates, full_people)
    _relabel_people(doc, candidates, full_people)
    _mark_teams(doc, candidates)
    _expand_acronyms(text, candidates)
    _expand_head_words(candidates)
    _expand_web_names(candidates)
    _team_nicknames(candidates)
    context = _Context.of(text, candidates, full_people)

    actors: dict[str, Actor] = {}
    votes: dict[str, dict[str, int]] = {}  # actor id -> type -> mentions (names not in the table)
    ruled_people: set[str] = set()  # actors a rule found a person in one use at least
    shouted_votes: dict[str, dict[str, int]] = {}  # the same, of mentions written in capitals
    mentions: list[dict] = []
    for cand in candidates:
        if not any(c.isupper() for c in text[cand.start:cand.end]):
            continue  # English capitalises names: "devs", "bee" written so are common words
        resolved = _resolve(cand.name, cand.label, context, cand.person, cand.start)
        if resolved is None:
            continue
        canonical, kind, country, from_table = resolved
        if cand.team:
            canonical, kind = f"{canonical} national team", "organization"
        key = actor_id(canonical)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(key, canonical, kind, country,
                                        name_source=_name_source(from_table and not cand.team))
        if not from_table and not cand.team:
            # a name in capitals (a headline, a results table) votes apart: capitals hide the
            # case NER reads names by, so they decide only an actor written nowhere else
            shouted = text[cand.start:cand.end].isupper() and len(text[cand.start:cand.end]) > 4 \
                and not (cand.span is not None and _opens_dateline(cand.span))  # (a dateline's place is sure)
            counts = (shouted_votes if shouted else votes).setdefault(key, {})
            counts[kind] = counts.get(kind, 0) + 1
            if cand.person and kind == "person":
                ruled_people.add(key)
        mention = {"actor_id": key, "text": text[cand.start:cand.end], "start": cand.start,
                   "end": cand.end}
        if cand.kind:
            mention["kind"] = cand.kind
        actor.mentions.append(mention)
        mentions.append(mention)
    indices = _index_actors(doc, actors)
    if indices:
        mentions = [m for m in mentions if m["actor_id"] not in indices]
        for key in indices:
            del actors[key]
            votes.pop(key, None)
            shouted_votes.pop(key, None)
    nested_mentions = []
    for cand in _nested_names(candidates, full_people):
        resolved = _resolve(cand.name, cand.label, context)
        if resolved is None:
            continue
        canonical, kind, country, from_table = resolved
        key = actor_id(canonical)
        actor = actors.get(key)
        if actor is None:
            actor = actors[key] = Actor(key, canonical, kind, country, name_source=_name_source(from_table))
        mention = {"actor_id": key, "text": text[cand.start:cand.end], "start": cand.start,
                   "end": cand.end, "kind": "nested"}
        actor.mentions.append(mention)
        nested_mentions.append(mention)
    # Nested names go first: readers that index mentions by position keep the outer name.
    mentions[:0] = nested_mentions
    # A name spaCy types differently along the article takes its most frequent type
    # ("Gloria" once a place, seven times a person); the first one seen wins a tie.
    # A known given name alone that is typed a person once is a person throughout ("Gloria"
    # typed an organisation elsewhere): a given name names a person far more often than a body.
    # So is a one-word name the text shows to be a person's once (a person noun before it, an
    # age after it: "striker Neymar", "Jorginho, 26,"): what the words say of a name outweighs
    # NER's guesses at its other uses, and one-name footballers and artists are people; unless
    # the text also puts things in it ("visit Bonn", "in Bonn"): a place.
    for key, counts in shouted_votes.items():
        votes.setdefault(key, counts)
    placed = entity_rules.place_uses(doc) if ruled_people else {}
    for key, counts in votes.items():
        actor = actors[key]
        if counts.get("person") and " " not in actor.name and (
                actor.name in entity_rules.given_names() or key in ruled_people
                and not any(placed.get(m["text"]) for m in actor.mentions)):
            actor.type = "person"
            continue
        if counts.get("place") and _PLACE_OPENERS.match(actor.name):
            actor.type = "place"  # "Port Hutt" typed a body twice: its first word says what it is
            continue
        actor.type = max(counts, key=lambda k: (counts[k], k == actor.type))
    return list(actors.values()), mentions


# Match verbs a player is the subject of as often as a team ("Laurent Cabannes scoring").
_PLAYERS_VERBS = frozenset({"score", "concede", "equalise", "equalize"})


def _opens_dateline(span: Span) -> bool:
    """The name opens its line and a comma or a date follows: "ROCHESTER , N.H. 1996-08-30",
    "BONN 1996-08-30", where a news story was filed."""
    doc = span.doc
    first = span.start == 0 or "\n" in doc[span.start - 1].text or "\n" in doc[span.start - 1].whitespace_
    return first and span.end < len(doc) and (doc[span.end].text == "," or doc[span.end].text[:1].isdigit()) \
        or entity_rules.is_dateline(span)


def _index_actors(doc: Doc, actors: dict[str, Actor]) -> set[str]:
    """Actors the article writes as a market index somewhere and never as an actor: the
    "S&P" of "the Standard & Poor's 500 (S&P)" is the index in "the S&P had seen its fourth
    loss" too. An article that makes the name speak or act ("Nasdaq said") keeps it."""
    used = {ent.text for ent in entity_rules.uses_of_names(doc) if entity_rules.is_index_use(ent, _is_thing)}
    if not used:
        return set()
    acting = entity_rules.thing_and_actor_cues(doc)[1]
    keys = set()
    for text in used:
        name = clean_name(text, person=False)
        entry = lookup_alias(name)
        keys.add(actor_id(entry.canonical if entry is not None else name))
    found = set()
    for key in keys & set(actors):
        if not any(acting.get(m["text"]) for m in actors[key].mentions):
            found.add(key)
    return found


def _name_source(from_table: bool) -> str:
    return "alias table" if from_table else "text"


def _nested_names(candidates: list[_Candidate], full_people: list[str]) -> list[_Candidate]:
    """Countries, places and the article's people named inside a longer organisation or place
    name: "U.S." in "U.S. Department of Agriculture", "Andy Warhol" in "Andy Warhol Foundation",
    "Warhol" in "Warhol Factory", "Texas Arlington" in "University of Texas Arlington"."""
    people = set(full_people)
    surnames = {name.split()[-1]: name for name in full_people}
    out = []
    for cand in candidates:
        span = cand.span
        if span is None or cand.kind or cand.team or len(span) < 2 or cand.label not in NESTING_LABELS:
            continue
        if lookup_alias(cand.name) is not None:
            continue
        shaped = entity_rules.place_in_org_name(span) if cand.label == "ORG" else None
        if shaped is not None:
            sub = span.doc[shaped[0]:shaped[1]]
            entry = lookup_alias(sub.text)
            if entry is None or entry.type in ("country", "place"):
                out.append(_Candidate(sub.start_char, sub.end_char, sub.text, "GPE", sub))
                continue
        i = span.start
        while i < span.end:
            for n in (4, 3, 2, 1):
                j = i + n
                if j > span.end or (i == span.start and j == span.end):
                    continue
                sub = span.doc[i:j]
                if not sub[0].is_title and not sub[0].is_upper:
                    continue
                text = sub.text
                entry = lookup_alias(text)
                if entry is not None and entry.type in ("country", "place") and _is_place_name(text, entry):
                    out.append(_Candidate(sub.start_char, sub.end_char, text, "GPE", sub))
                elif text in people or (n == 1 and text in surnames and sub.start_char == cand.start):
                    out.append(_Candidate(sub.start_char, sub.end_char, text, "PERSON", sub))  # "Warhol Factory"
                else:
                    continue
                i = j - 1
                break
            i += 1
    return out


def _part_of_a_place(name: str) -> bool:
    """A compass word and a country or place the alias table knows ("Northeast Ohio", "Western
    Australia", "Central Asia"): English names a region of a place so, never a body or a person."""
    words = name.split()
    if len(words) < 2 or words[0].lower() not in entity_rules.COMPASS_WORDS | {"northeast", "northwest",
                                                                             "southeast", "southwest"}:
        return False
    entry = lookup_alias(" ".join(words[1:]))
    return entry is not None and entry.type in ("country", "place") and _is_place_name(" ".join(words[1:]), entry)


def _acting_person(ent: Span, name: str) -> bool:
    """A name of two words opened by a known given name and ended by a place's word, that the
    text makes speak or act, whole or by its last word ("Sharon Street argues", "Street
    claims"): a person whose surname is a place's word, whatever NER typed, for no street argues."""
    words = name.split()
    if len(words) != 2 or words[0] not in entity_rules.given_names() \
            or words[1].lower() not in entity_rules.PLACE_HEAD_WORDS:
        return False
    acting = entity_rules.thing_and_actor_cues(ent.doc)[1]
    return bool(acting.get(ent.text) or acting.get(name) or acting.get(words[-1]))


def _is_place_name(text: str, entry: AliasEntry) -> bool:
    """The country's or place's own name or its letter code ("Canada", "U.S."), not a demonym,
    capital or nickname: "Swiss" and "America" in "Swiss National Bank", "Captain America"."""
    return _fold(text) == _fold(entry.canonical) or text.replace(".", "").isupper()


def _entity_candidates(doc: Doc) -> list[_Candidate]:
    out = []
    merged_up_to = 0  # tokens before this index were taken into a person name built by a rule
    things = _names_of_things(doc)
    written = _names_written(doc)
    terms = entity_rules.term_abbreviations(doc) | entity_rules.common_noun_abbreviations(doc)
    # a name the article calls a company once is a company wherever NER typed it a person
    # ("animation studio Pixar"), unless it reads as a person's name ("Dean Kamen")
    companies = {ent.text for ent in entities(doc) if ent.label_ in ("PERSON", "ORG")
                 and entity_rules.organisation_context(ent) and not entity_rules.looks_like_person_name(ent)}
    # and so is a body an office is held in ("Baark Volunteer Coordinator Bonnie Smith")
    companies |= {doc[ent.start:office].text for ent in entities(doc)
                  for office in [entity_rules.office_before_person(ent)] if office is not None}
    authors = entity_rules.citation_authors(doc)
    # a body a sports report makes play a match ("Gloria Bistrita beat F.C. Valletta", "Gloria
    # Bistrita 2 Valletta 1") is a club wherever else it is named, though named as a person or
    # typed a place there
    clubs = {ent.text.lower() for ent in entities(doc) if ent.label_ == "ORG" and (
        entity_rules._in_match_role(ent) and ent.root.head.lemma_ not in _PLAYERS_VERBS
        or ent.end < len(doc) and doc[ent.end].like_num and entity_rules._table_line(ent.sent))} \
        if entity_rules.is_sports_report(doc) else set()
    for ent in (cited for whole in _join_hyphenated(entities(doc)) for dashed in _split_at_dash(whole)
                for part in _split_at_legal_forms(dashed)
                for joined in _split_at_and(part, written)
                for piece in _split_glued(_body_named_for_a_people(joined), written)
                for cited in _cited_authors(piece, authors)):
        if ent.label_ not in ENTITY_TYPES and ent.label_ != "PRODUCT":
            continue
        if ent.start < merged_up_to:
            continue
        ent = _with_name_possessive(entity_rules.trim_unit(entity_rules.trim_caption(entity_rules.trim_symbols(ent))))
        ent = entity_rules.trim_sentence_opener(ent, lambda name: lookup_alias(name) is not None)
        office = entity_rules.office_before_person(ent)
        if office is not None:
            # "Baark Volunteer Coordinator" before a person: the body whose office it is, when
            # the article writes it alone ("Baark"); else only a title, no actor
            body = doc[ent.start:office]
            if body.text not in written:
                continue
            ent = Span(doc, ent.start, office, label="ORG")
        if ent.label_ == "PERSON" and ent.text in companies:
            ent = Span(doc, ent.start, ent.end, label="ORG")
        elif ent.label_ in ("GPE", "LOC", "PERSON") and entity_rules.said_kind(ent) in entity_rules.FAITH_NOUNS:
            ent = Span(doc, ent.start, ent.end, label="ORG")  # "religions such as Wicca": its body of believers
        label, person = ent.label_, False
        if label in ("GPE", "LOC") and ent.text.lower() in clubs and lookup_alias(ent.text) is None \
                and not entity_rules.is_dateline(ent) and not (ent.start and doc[ent.start - 1].lower_ in entity_rules.LOCATIVES):
            label = "ORG"  # "Olimpija ( Slovenia ) 0" beside "Olimpija won 4-3": the club
        if label != "PERSON" and ent.text.lower() not in clubs:
            named = _person_name(doc, ent)
            if named is not None:
                ent, label, person = named, "PERSON", True
        if label not in ENTITY_TYPES:
            continue  # products are kept only when they are people ("Dries Mertens")
        start, end, name = _name_span(ent, label)
        if not name or not any(c.isalpha() for c in name):
            continue
        if entity_rules.on_page_furniture(ent):
            continue  # a byline, a share bar, a field's label
        if label == "PERSON" and not person and lookup_alias(name) is None \
                and name.split()[0].lower().rstrip(".") not in TITLES and entity_rules.is_common_noun_phrase(ent, name):
            continue  # "Plain Flour", "Bed Sheets": common words capitalised
        if label == "ORG" and lookup_alias(name) is None and entity_rules.is_common_words_body(ent, name):
            continue  # "Property Rights", "Persian Architecture": a phrase, no body
        title = _TITLE_WORD.match(text_of(doc), ent.start_char) if label != "PERSON" else None
        if title is not None and start >= title.end():
            label, person = "PERSON", True  # "President Joe Smith" typed as an organisation
        entry = lookup_alias(name) or lookup_alias(ent.text)
        if entry is not None and entry.type == THING:
            continue  # a product, an index or a god the alias table knows: named, no actor
        if label == "ORG" and entity_rules.is_index_use(ent, _is_thing):
            continue  # "the Nasdaq composite", "S&P" of "the S&P 500": an index here
        if person and entry is not None and entry.type != "person" and " " not in name:
            entry = None  # "Paris, an Australian woman" is no capital
        if entry is None and _not_an_actor(ent, name, label):
            continue
        if entry is None and label == "NORP" and entity_rules.not_a_people(ent, name):
            continue  # "Trumpian", "Middle Eastern", "Windows-only": no people named
        if entry is None and not person and label == "ORG" and entity_rules.head_word_label(name) is None \
                and entity_rules.is_heading(ent) and text_of(doc).count(name) == 1:
            continue  # "Previous Research", "LIMITATIONS": a heading, named nowhere else
        if entry is None and not person and name in terms:
            continue  # "ground reaction force (GRF)": a term's letters, no actor
        if entry is None and not person and (ent.text in things or name in things
                                             or label == "NORP" and any(c.isdigit() for c in name)):
            continue  # a product, work or event: "Windows" beside "Windows" the product; "Windows 10"
        if entry is None and label == "PERSON" and not person and len(name.split()) >= 2 \
                and (_SAINT.match(name) or _PLACE_OPENERS.match(name)):
            label = "GPE"  # "St. Louis Park", "St Kitts": "St." opens the name of a place named for a saint
        if entry is None and label in ("PERSON", "ORG") and not person and _part_of_a_place(name) \
                and not entity_rules.is_sports_report(doc) and not entity_rules._table_line(ent.sent):
            # (not "North Queensland" the team, in a match report or a table of results)
            label = "GPE"  # "Northeast Ohio", "Western Australia": a part of a known place
        if entry is None and label in ("PERSON", "ORG") and not person and (_hometown(ent) or _town_after_age(ent)):
            label = "GPE"  # "Chad Hull of Kincaid", "Jamie Miller, 35, of Macon": where a person is from
        if entry is None and label in ("PERSON", "ORG") and entity_rules.names_a_polity(name):
            label, person = "GPE", False  # "the State", "the Union army": a country
        if entry is None and entity_rules.is_section_label(ent):
            continue  # "ARRESTS – Chad Hull, 37, ...": a section's label
        if entry is None and label in ("PERSON", "ORG") and entity_rules.is_dateline(ent):
            label, person = "GPE", False  # "KHAN YOUNIS, Gaza Strip —": where the story was filed
        if entry is None and not person:
            if label in ("PERSON", "GPE", "LOC", "FAC") and _acting_person(ent, name):
                label = "PERSON"  # "Sharon Street argues", typed a place for its last word
            else:
                label = entity_rules.head_word_label(name) or label
            if label == "PERSON" and " " in name and name.split()[-1].lower() in _INSTITUTION_HEADS:
                label = "ORG"  # "Youssef Al-Najjar Hospital": named for a person, no person
            if label == "ORG" and _before_its_region(doc, ent):
                label = "GPE"  # "Evansville, Indiana"
        kind = "demonym" if label == "NORP" or _is_demonym(ent, name, entry) else None
        if out and out[-1].span is not None and ent.start < out[-1].span.end:
            out.pop()  # a first name NER typed apart ("Valeska" of "Valeska Paris")
        out.append(_Candidate(start, end, name, label, ent, kind, person=person))
        merged_up_to = ent.end
    return out


# Last words of newspapers' names ("the Sydney Morning Herald", "The Globe and Mail").
PUBLICATION_WORDS = frozenset({"herald", "times", "tribune", "journal", "gazette", "chronicle", "post",
                               "mail", "telegraph", "guardian", "observer", "mirror", "inquirer",
                               "examiner", "courier", "bulletin", "dispatch", "argus", "sentinel"})


def _publications(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Newspapers NER left untagged: "the" and capitalised proper nouns ending with a
    newspaper's word ("according to the Sydney Morning Herald", "Matthew Ingram of The Globe
    and Mail"). English names a newspaper so; it is an organisation, and the place in its name
    is a nested name (see `_nested_names`). Names NER tagged inside it give way to it."""
    found: list[_Candidate] = []
    words = token_texts(doc)  # the texts first: a Token only for a newspaper's word
    for token in (doc[i] for i, word in enumerate(words) if word.lower() in PUBLICATION_WORDS):
        if not token.is_title or token.pos_ != "PROPN" \
                or token.ent_iob_ != "O" and token.ent_type_ not in ("GPE", "LOC", "NORP"):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].is_title:
            continue  # not the last word of the name
        start = token.i
        while start > 0 and start > token.i - 5:
            before = doc[start - 1]
            if before.pos_ == "PROPN" and (before.is_title or before.is_upper) and before.text[:1].isalpha():
                start -= 1
            elif before.lower_ == "and" and start - 2 >= 0 and doc[start - 2].pos_ == "PROPN" \
                    and doc[start - 2].is_title and start - 1 > token.i - 3:
                start -= 1  # "The Globe and Mail"
            else:
                break
        if start == token.i or doc[start].lower_ == "and":
            continue
        the = doc[start - 1] if start > 0 else None
        if the is None or the.lower_ != "the":
            continue
        span = doc[start:token.i + 1]
        if lookup_alias(span.text) is not None and lookup_alias(span.text).type != "organization":
            continue
        found.append(_Candidate(span.start_char, span.end_char, span.text, "ORG", span))
    if not found:
        return candidates
    kept = [c for c in candidates if not any(f.start <= c.start and c.end <= f.end for f in found)
            and not any(c.start < f.end and f.start < c.end for f in found)]
    return kept + [f for f in found if not any(c.start < f.end and f.start < c.end for c in kept)]


def _cited_authors(ent: Span, authors: list[tuple[int, int]]) -> list[Span]:
    """An entity made of the authors of a citation is those people, one by one: "Baron &
    Beresford" of "(Baron & Beresford 2014)", "Lewis" of "(Lewis, Simons, & Fennig, 2014)"."""
    if not authors or ent.label_ not in ENTITY_TYPES:
        return [ent]
    inside = [(a, b) for a, b in authors if ent.start <= a and b <= ent.end]
    if not inside:
        return [ent]
    covered = {i for a, b in inside for i in range(a, b)}
    if any(i not in covered and ent.doc[i].text not in ("&", ",", "and", "'s", "’s") for i in range(ent.start, ent.end)):
        return [ent]
    return [Span(ent.doc, a, b, label="PERSON") for a, b in inside]


def _covered(candidates: list[_Candidate]) -> set[int]:
    """The character offsets the candidates' names cover."""
    return {i for cand in candidates for i in range(cand.start, cand.end)}


def _citation_candidates(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """Authors of author–year citations NER did not tag ("(Bassène, 2007)"): people."""
    authors = entity_rules.citation_authors(doc)
    if not authors:
        return []
    taken = _covered(candidates)
    found = []
    for a, b in authors:
        span = doc[a:b]
        if any(i in taken for i in range(span.start_char, span.end_char)) or lookup_alias(span.text) is not None:
            continue
        found.append(_Candidate(span.start_char, span.end_char, span.text, "PERSON", span, person=True))
        taken.update(range(span.start_char, span.end_char))
    return found


def _split_at_legal_forms(ent: Span) -> list[Span]:
    """An organisation NER ran on past a company's legal form, which ends a company's name:
    "Bank of America Corp. and Citigroup Inc." is two companies, cut after "Corp." and the
    "and", comma or "&" that follows it."""
    if ent.label_ != "ORG" or len(ent) < 4:
        return [ent]
    doc, parts, start = ent.doc, [], ent.start
    i = ent.start + 1
    while i < ent.end - 2:
        if doc[i].lower_.rstrip(".") in LEGAL_FORM_ABBREVIATIONS and doc[i + 1].lower_ in (",", "and", "&"):
            after = i + 2 if doc[i + 2].lower_ not in ("and", "&") else i + 3
            if after < ent.end and doc[after].is_title:
                parts.append(Span(doc, start, i + 1, label=ent.label))
                start = i = after
                continue
        i += 1
    return [ent] if not parts else [*parts, Span(doc, start, ent.end, label=ent.label)]


def _join_hyphenated(ents: tuple[Span, ...]) -> list[Span]:
    """Two names of one type NER cut at a hyphen are one: "Mohamed El-" + "Hassan Mohamed" is
    "Mohamed El-Hassan Mohamed" (no name ends with a hyphen touching the next word)."""
    out: list[Span] = []
    for ent in ents:
        prev = out[-1] if out else None
        if prev is not None and prev.end == ent.start and prev.label_ == ent.label_ \
                and prev[-1].text == "-" and not prev[-1].whitespace_:
            out[-1] = Span(ent.doc, prev.start, ent.end, label=ent.label)
            continue
        out.append(ent)
    return out


_DASHES = frozenset({"-", "–", "—", "--"})


def _split_at_dash(ent: Span) -> list[Span]:
    """A name NER ran on across a dash set off by spaces is two: a dash between spaces parts
    phrases, never the words of one name ("San Jose - Cisco Systems sued", a dateline and the
    sentence it opens). It is cut only where the right part's own words say what it is (a
    person's name, a company's last word) or the alias table knows it; the left part keeps
    NER's type."""
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].text in _DASHES and doc[i - 1].whitespace_ and doc[i].whitespace_:
            left = Span(doc, ent.start, i, label=ent.label)
            right = doc[i + 1:ent.end]
            entry = lookup_alias(right.text)
            if entry is not None:
                label = {"person": "PERSON", "organization": "ORG", "group": "NORP", THING: "ORG"}.get(entry.type, "GPE")
            elif entity_rules.looks_like_person_name(right):
                label = "PERSON"
            else:
                label = entity_rules.head_word_label(right.text)
            if label is None:
                return [ent]  # "Wal - Mart" as some texts space it: nothing says it is two
            return [left, Span(doc, right.start, right.end, label=label)]
    return [ent]


def _names_written(doc: Doc) -> frozenset[str]:
    """The texts of the article's entities: names it writes on their own somewhere."""
    return frozenset(ent.text for ent in entities(doc) if ent.label_ in ENTITY_TYPES or ent.label_ in THING_LABELS)


def _split_at_and(ent: Span, named: frozenset[str]) -> list[Span]:
    """Two names NER took for one across an "and": "Apple and Apple Corps" is two companies.

    Many names hold an "and" ("Securities and Exchange Commission", "Antigua and Barbuda"),
    so the name is cut only where both sides stand as names on their own: each is the alias
    table's or written alone elsewhere in the article; or where the right side repeats the left
    one and adds to it ("Apple and Apple Corps", "the Macbook and Macbook Pro": a name does not
    repeat its own first words across its "and"). A name the alias table knows whole stays whole.
    """
    if ent.label_ not in NESTING_LABELS or len(ent) < 3 or lookup_alias(ent.text) is not None:
        return [ent]
    doc = ent.doc
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].lower_ != "and":
            continue
        left, right = doc[ent.start:i], doc[i + 1:ent.end]
        if left[0].lower_ == "the":
            left = left[1:]
        if right[0].lower_ == "the" and len(right) > 1:
            right = right[1:]
        if not left or not (left[0].is_title or left[0].is_upper) or not (right[0].is_title or right[0].is_upper):
            return [ent]
        if left.text == right.text:
            return [ent]  # "Johnson and Johnson"
        left_known = lookup_alias(left.text) is not None or left.text in named
        right_known = lookup_alias(right.text) is not None or right.text in named
        if left_known and right_known or right.text.startswith(left.text + " "):
            return [Span(doc, ent.start, i, label=ent.label), Span(doc, i + 1, ent.end, label=ent.label)]
        return [ent]
    return [ent]


# Verbs a headline writes in the present between or before names, capitalised like them ("Trump
# Calls Clinton a Liar", "Leaves Pierre"): no word of a name. Verbs only, none a common surname.
HEADLINE_VERBS = frozenset({
    "says", "calls", "slams", "blasts", "urges", "warns", "vows", "rips", "hits", "joins", "meets",
    "sees", "leaves", "walks", "takes", "gets", "makes", "wins", "loses", "beats", "asks", "tells",
    "claims", "denies", "defends", "attacks", "praises", "mocks", "accuses", "sues", "fires", "hires",
    "endorses", "rejects", "dismisses", "responds", "admits", "reveals", "announces", "unveils",
    "quits", "visits", "faces", "wants", "thinks", "knows", "slammed", "blasted", "bashes", "touts",
    "trolls", "taunts", "insults", "questions", "criticizes", "criticises", "jabs", "lashes", "defeats",
    "trumps", "tops", "trails", "leads", "picks", "taps", "dumps", "ditches", "snubs", "thanks"})


def _names_on_their_own(span: Span, written: frozenset[str]) -> bool:
    """Words that name someone on their own: a person's name by its words, a person or a body
    of the alias table, or a name the article writes alone."""
    if not span or not span[0].text[:1].isupper():
        return False
    entry = lookup_alias(span.text)
    if entry is not None:
        return entry.type in ("person", "organization")
    return span.text in written or entity_rules.looks_like_person_name(span) \
        or len(span) == 1 and (span[0].text in entity_rules.given_names()
                               or any(name.endswith(" " + span.text) for name in written))


def _common_noun_word(token, doc: Doc) -> bool:
    """A capitalised word that is a common noun of a person's trade or role ("Chefs", "Hacker",
    "Guru"): one of the lexicon's, or written lower-case in the article (its plural's singular
    too), and no given name."""
    if token.text in entity_rules.given_names() or not token.is_alpha or not token.text[:1].isupper():
        return False
    lower = token.lower_
    forms = {lower, lower[:-1] if lower.endswith("s") else lower, lower[:-2] if lower.endswith("es") else lower}
    if forms & _KIN_NOUNS:
        return False  # "Mother Teresa", "Father Brown", "Sister Mary": a religious title, part of the name
    if forms & (entity_rules.PERSON_NOUNS | entity_rules.ROLE_WORDS | TITLES | {"guru", "hacker", "tycoon", "mogul",
                                                                             "host", "anchor", "pundit", "legend"}):
        return True
    return lower not in entity_rules.first_names() and any(
        t.text == t.lower_ and (t.lower_ in forms or t.lemma_ in forms) for t in doc if t.is_alpha)


_NAME_JOINERS = frozenset({"of", "and", "the", "&", "for"})


def _body_named_for_a_people(ent: Span) -> Span:
    """A people's plural before "for" or "against" and capitalised words opens a body's name
    ("Americans for Prosperity", "Veterans for Peace", "Mothers Against Drunk Driving"): English
    capitalises the words after the preposition only in a name. The whole is the organisation,
    no mention of the people's country."""
    doc = ent.doc
    if ent.label_ != "NORP" or len(ent) != 1 or not ent[0].is_title or not ent.text.endswith("s") \
            or ent.end + 1 >= len(doc) or doc[ent.end].lower_ not in ("for", "against") \
            or not doc[ent.end + 1].is_title:
        return ent
    end = ent.end + 2
    while end < len(doc) and (doc[end].is_title or doc[end].is_upper and doc[end].is_alpha
                              or doc[end].lower_ in _NAME_JOINERS and end + 1 < len(doc) and doc[end + 1].is_title):
        end += 1
    return Span(doc, ent.start, end, label="ORG")


# A lower-case prefix of stance or time joined to a name makes an adjective of it ("pro-Christie",
# "anti-Trump", "ex-Google"): no word of the name that follows.
_STANCE_PREFIXES = frozenset({"pro", "anti", "ex", "non", "post", "pre"})


def _split_glued(ent: Span, written: frozenset[str]) -> list[Span]:
    """What NER glued onto the front of a name, cut off: news sets a role's common noun before
    a name without a comma ("Chefs Jamie Oliver", "Hacker Guccifer"), a body before its person
    ("Fox News Sean Hannity"), a kind before a name that ends with it ("PAC Patriot Majority
    PAC"), and a headline's verb between names ("Trump Calls Clinton"). Each cut keeps only
    parts that name someone on their own (see `_names_on_their_own`); a name the alias table
    knows whole stays whole."""
    if ent.label_ not in ("PERSON", "ORG") or len(ent) < 2 or lookup_alias(ent.text) is not None:
        return [ent]
    doc = ent.doc
    written = written - {ent.text}  # the glued whole names nothing on its own
    if len(ent) >= 3 and ent[0].text == ent[-1].text and ent[0].is_upper and ent[0].is_alpha:
        return [Span(doc, ent.start + 1, ent.end, label="ORG")]  # "PAC Patriot Majority PAC"
    if len(ent) >= 4 and ent[0].lower_ in _STANCE_PREFIXES and ent[0].is_lower and ent[1].text == "-" \
            and not ent[0].whitespace_ and not ent[1].whitespace_ and ent[3].is_title:
        return [Span(doc, ent.start + 3, ent.end, label=ent.label)]  # "the pro-Christie Union Leader"
    for i in range(ent.start + 1, ent.end - 1):
        if doc[i].text in ("'s", "’s") and not doc[i - 1].whitespace_:
            # "Breitbart's Joel Pollak", "Obama's Initial Briefing" of a headline: the owner named
            # on its own, and what it owns only when that names someone too ("Moody's Analytics",
            # "Emily's List": no owner written alone, one name)
            owner, owned = doc[ent.start:i], doc[i + 1:ent.end]
            if owner.text not in written or ent.text in written - {ent.text} \
                    or any(t.lower_ == "of" for t in owned):
                break  # "Berkeley's Department of Linguistics": a body's part, named so whole
            owner_entry = lookup_alias(owner.text)
            owner_label = {"person": "PERSON", "organization": "ORG"}.get(owner_entry.type, "GPE") \
                if owner_entry is not None else next((e.label_ for e in entities(doc) if e.text == owner.text
                                                      and e.label_ in ENTITY_TYPES), ent.label_)
            parts = [Span(doc, owner.start, owner.end, label=owner_label)]
            if entity_rules.looks_like_person_name(owned):
                parts.append(Span(doc, owned.start, owned.end, label="PERSON"))
            elif _names_on_their_own(owned, written):
                parts.append(Span(doc, owned.start, owned.end, label=ent.label))
            elif len(owned) >= 2 and entity_rules.head_word_label(owned.text) is not None:
                # a body its last word says ("U-M's Smart and Sustainable Automation Research Lab")
                parts.append(Span(doc, owned.start, owned.end, label=entity_rules.head_word_label(owned.text)))
            return parts
    kinds = {k for k in entity_rules.common_noun_abbreviations(doc) if lookup_alias(k) is None}
    if ent[0].text in kinds and (ent[1].is_title or ent[1].is_upper) and len(ent) > 2 - (ent[1].lower_.rstrip(".") not in LEGAL_FORM_ABBREVIATIONS) \
            and not all(t.lower_ in entity_rules.lower_case_words(doc) for t in ent[1:]):
        return [Span(doc, ent.start + 1, ent.end, label="ORG")]  # "super PAC Priorities USA"
    if ent[-1].text in kinds and all(t.lower_ in entity_rules.lower_case_words(doc) for t in ent[:-1]):
        return []  # "Super PAC" opening a sentence: the kind
    for i in range(ent.start, ent.end):
        token = doc[i]
        if token.lower_ in HEADLINE_VERBS and token.is_title and not (i == ent.start and ent.label_ == "ORG") \
                and entity_rules.in_title_case(ent.sent):
            parts = [p for p in (doc[ent.start:i], doc[i + 1:ent.end]) if len(p)]
            if not parts and ent.label_ == "PERSON":
                return []  # "Calls" alone: a headline's verb
            kept = [p for p in parts if _names_on_their_own(p, written)]
            if kept and (len(kept) == len(parts) or kept[0] is parts[0]):
                # the name before the verb is the subject; what follows it may be the
                # headline's object phrase ("Paul Ryan Joins Growing List")
                return [Span(doc, p.start, p.end, label=ent.label) for p in kept]
            return [ent]
    for k in range(1, len(ent)):
        head, tail = ent[:k], ent[k:]
        if not (entity_rules.looks_like_person_name(tail) or len(tail) == 1 and ent.label_ == "PERSON"
                and tail[0].is_title and tail.text in written and lookup_alias(tail.text) is None and k == 1
                and head[0].lower_ in (entity_rules.PERSON_NOUNS | entity_rules.ROLE_WORDS | {"hacker", "guru"}) - _KIN_NOUNS):
            continue
        if ent.label_ == "PERSON" and all(_common_noun_word(t, doc) for t in head):
            return [Span(doc, tail.start, tail.end, label="PERSON")]  # "Chefs Jamie Oliver"
        entry = lookup_alias(head.text)
        if len(tail) >= 2 and (entry is not None and entry.type == "organization"
                               or entry is None and head.text in written and head.text != ent.text
                               and entity_rules.head_word_label(head.text) == "ORG"):
            return [Span(doc, head.start, head.end, label="ORG"), Span(doc, tail.start, tail.end, label="PERSON")]
    return [ent]


THING_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT"})


def _names_of_things(doc: Doc) -> frozenset[str]:
    """Names the article writes as products, works or events: not actors.

    An article uses one name for one thing. What English syntax says of a name's uses decides
    first (see `entity_rules.thing_and_actor_cues`: "a Mac", "Windows users", "install
    Python" against "SDK announced", "the Docker company"); where it says nothing either way,
    the article's NER labels vote: a name labelled both ways ("Windows" a product here, a place
    there) is the thing unless the actor labels are the majority. Numbered editions and names
    called a kind of made thing are things however NER typed them, and a name coordinated with
    a thing is one of the same kind ("Mac and Windows", "Firefox and Google Chrome"). A name
    whose last word says it is a body or a place ("Great Western Railway") is never a thing.
    """
    votes: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ in THING_LABELS:
            votes[ent.text] = votes.get(ent.text, 0) + 1
    named = set(entity_rules.product_names(doc))  # numbered editions, kind nouns: however NER typed them
    # said to be a kind of thing that acts not: "religions such as Wicca", "the god Zeus"
    named |= {ent.text for ent in entities(doc) if ent.label_ in ENTITY_TYPES
              for kind in [entity_rules.said_kind(ent)] if kind in entity_rules.NOT_ACTOR_KINDS
              and (ent.label_ != "PERSON" or kind in entity_rules.DEITY_NOUNS)}
    named |= {ent.text for ent in entities(doc) if ent.label_ in ENTITY_TYPES and entity_rules.is_code_name(ent)}
    thing_cues, actor_cues = entity_rules.thing_and_actor_cues(doc)
    if not votes and not named and not thing_cues:
        return frozenset()
    labelled = dict(votes)
    for ent in entities(doc):
        if ent.label_ in ENTITY_TYPES and ent.text in votes:
            votes[ent.text] -= 1
    things = set(named)
    for name in set(votes) | set(thing_cues) | set(actor_cues):
        said, acts = thing_cues.get(name, 0), actor_cues.get(name, 0)
        if said != acts:
            if said > acts:
                things.add(name)
        elif labelled.get(name, 0) and votes[name] >= 0:
            things.add(name)
    things |= entity_rules.coordinated_with_things(doc, things, actor_cues)
    # a name whose last word says it is a body or a place is none ("University of Surrey expert",
    # "use London Underground or Great Western Railway")
    things = {name for name in things if entity_rules.head_word_label(name) is None}
    # An article shortens a thing's name as it shortens a person's, to its last word: "Chrome"
    # after "Google Chrome" is the browser too.
    things |= {name.split()[-1] for name in things if " " in name and name.split()[-1][:1].isupper()
               and lookup_alias(name.split()[-1]) is None and not actor_cues.get(name.split()[-1])}
    return frozenset(things)


def _person_name(doc: Doc, ent: Span) -> Span | None:
    """The person's name NER typed as something else, by a known given name ("Dean Kamen",
    "Dries" + "Mertens") or by a person noun beside it ("fashion designer Halston",
    "Valeska Paris, an Australian woman"); a first name before it joins the name."""
    if lookup_alias(ent.text) is not None and " " in ent.text or entity_rules.head_word_label(ent.text):
        return None  # "Morgan Stanley", "Hong Kong"; "lead manager Lehman Brothers International"
    end = ent.end
    while end - ent.start < 3 and end < len(doc) and entity_rules._name_word(doc[end]) \
            and doc[end].ent_iob_ != "I" and (doc[end].ent_iob_ != "B" or doc[end].ent_type_ in ("PRODUCT", "GPE", "ORG")) \
            and not (doc[end].ent_iob_ == "B" and end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I"):
        end += 1
    for stop in range(end, ent.end - 1, -1):
        candidate = doc[ent.start:stop]
        first = lookup_alias(candidate[0].text)
        if entity_rules.looks_like_person_name(candidate) and (first is None or first.type == "person"):
            return candidate
    if entity_rules.person_context(ent):
        start = ent.start
        while start > 0 and ent.start - start < 2 and entity_rules._name_word(doc[start - 1]) \
                and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i in range(ent.start, ent.end):
            start -= 1
        return doc[start:ent.end]
    return None


def _hometown(ent: Span) -> bool:
    """One or two capitalised words after "of" after a person's name, or after the name and its
    age set off by commas: news gives a person's home town so ("Chad Hull of Kincaid", "Jamie
    L. Miller, 35, of Macon, was arrested"). A person is never "of" another person; a body
    ("John Smith of Acme Corp") says what it is by its last word or its alias, and so is left."""
    doc = ent.doc
    if len(ent) > 2 or ent.start < 2 or doc[ent.start - 1].lower_ != "of" or entity_rules.head_word_label(ent.text):
        return False
    if _after_name_and_age(doc, ent.start - 2):
        return True  # ", 35, of": after a person's age, a town whatever NER typed it
    return doc[ent.start - 2].ent_type_ == "PERSON" and ent.label_ == "PERSON"


def _town_after_age(ent: Span) -> bool:
    """A name between commas right after a person's name and age: "Hayley N. Hull, 30, Bulpitt,
    was arrested", as police reports give a person's home town; or a name before "police",
    "residents" or "firefighters" ("arrested by Kincaid police"): a town's, not a person's."""
    doc = ent.doc
    i = ent.start
    if len(ent) <= 2 and ent.end < len(doc) and doc[ent.end].lower_ in ("police", "residents", "firefighters") \
            and doc[ent.end].is_lower:
        return True
    return len(ent) <= 2 and _after_name_and_age(doc, i - 1) and ent.end < len(doc) and doc[ent.end].text == "," \
        and not entity_rules.head_word_label(ent.text)


def _after_name_and_age(doc: Doc, k: int) -> bool:
    """Tokens ``k - 2 .. k`` are a person's age set off by commas right after the name (",
    35,"), as news and police reports write it."""
    return k >= 3 and doc[k].text == "," and doc[k - 1].like_num and doc[k - 2].text == "," \
        and doc[k - 3].ent_type_ == "PERSON"


def _before_its_region(doc: Doc, ent: Span) -> bool:
    """The name is followed by a comma and a state or country: "Evansville, Indiana"."""
    if ent.end + 1 >= len(doc) or doc[ent.end].text != ",":
        return False
    for n in (3, 2, 1):
        region = doc[ent.end + 1:ent.end + 1 + n]
        if len(region) == n and (region[-1].is_title or region.text.isupper()):
            entry = lookup_alias(region.text)
            if entry is not None and entry.type in ("country", "place") and _is_place_name(region.text, entry):
                after = ent.end + 1 + n
                return after == len(doc) or doc[after].is_punct or doc[after].is_space
    return False


# Characters no name of a person, organisation or place holds: e-mail addresses, paths, code.
# (A slash between names is two names or one, "Radio Free Europe/Radio Liberty": kept.)
_NOT_NAME_CHARACTERS = re.compile(r"[@\\()\[\]{}<>=_|#~^]|&&|^/|//")
# Parts of speech a one-word name never has ("Essentially" opening a sentence, tagged a person).
# Verbs are left out: many surnames are verbs too, and the tagger reads "Trump said" so.
_NOT_NAME_POS = frozenset({"ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "INTJ", "PART"})


def _not_an_actor(ent: Span, name: str, label: str) -> bool:
    """Codes, events, products, offices' titles, handles, post-nominal letters, text that is not
    a name at all (addresses, code) and one word the tagger reads as no noun."""
    if label == "ORG" and name.lower().replace(".", "") in TITLES:
        return True  # "Supreme" of "Supreme Leader", "C.E.O." tagged as an organisation
    if _NOT_NAME_CHARACTERS.search(name) or entity_rules.mixes_scripts(name):
        return True
    if name.lower().rstrip(".") == "al" and ent.start and ent.doc[ent.start - 1].lower_.rstrip(".") == "et":
        return True  # the "al." of "et al."
    if label in ("PERSON", "ORG") and len(ent) == 1 and ent[0].pos_ in _NOT_NAME_POS:
        return True
    if label != "NORP" and len(ent) == 1 and ent[0].pos_ == "ADJ" and ent[0].dep_ in ("amod", "acomp") \
            and not ent[0].is_upper:  # (a headline's capitals are parsed as anything)
        return True  # "White soldiers", "were Protestant": an adjective capitalised, no one named
    if label in ("PERSON", "ORG") and _capitalised_plural_noun(ent):
        return True
    if _a_companys_product(ent):
        return True
    if entity_rules.is_command_verb(ent) or entity_rules.is_word_mentioned(ent) or entity_rules.is_counted_unit(ent) \
            or entity_rules.is_quoted_title(ent) and not _ends_in_legal_form(ent) \
            or entity_rules.listed_variant(ent):
        return True
    return (name in entity_rules.NOT_ACTORS or entity_rules.is_event_name(name) or entity_rules.is_gathering(ent)
            or entity_rules.is_adjective_of_name(name) or entity_rules.is_model_name(name)
            or entity_rules.is_product_name(name) or entity_rules.inside_product_name(ent)
            or (label != "PERSON" and entity_rules.in_office_title(ent))
            or entity_rules.is_post_nominal(ent))


def _ends_in_legal_form(ent: Span) -> bool:
    """The name ends in a company's legal form ("Klein, Ltd."): a company, even between
    quotation marks, where a name alone is otherwise a title ("an entity called ‘Klein, Ltd.’")."""
    return ent[-1].lower_.rstrip(".") in LEGAL_FORM_ABBREVIATIONS


def _a_companys_product(ent: Span) -> bool:
    """"a" or "an" before a company's name and another word: one of the company's products
    ("a Toyota Starlet", "a Nissan Latio", "an Apple Watch"); a company is not counted so, and
    "a Goldman Sachs banker" (the name before a noun) is left."""
    doc = ent.doc
    if len(ent) < 2 or ent.start == 0 or ent.root.dep_ in ("compound", "poss"):
        return False
    before = doc[ent.start - 1]
    if before.lower_ not in ("a", "an") or before.head != ent.root:
        return False
    first = lookup_alias(ent[0].text)  # the company by its own name (not "a Democratic House")
    return first is not None and first.type == "organization" and _fold(first.canonical) == _fold(ent[0].text) \
        and lookup_alias(ent.text) is None


def _capitalised_plural_noun(ent: Span) -> bool:
    """A common noun or participle capitalised only because it opens its sentence, line or
    list item ("Shoppers queued", "Protesters marched", "Alcohol is banned", "Reached for
    comment, ..."): the tagger reads it as a common noun or a verb's participle, and the
    article never writes it capitalised elsewhere. People so named are a group, no named actor."""
    if len(ent) != 1 or ent[0].tag_ not in ("NNS", "NN", "VBN") or not ent[0].is_title \
            or not entity_rules.opens_sentence(ent[0]) or ent[0].lower_ in entity_rules.first_names() \
            or any(e.label_ == "PERSON" and len(e) > 1 and ent[0].text in (e[0].text, e[-1].text)
                   for e in entities(ent.doc)):
        return False  # (a name of a person the tagger misread: "Nicki" of "Nicki Case Haulman")
    token = ent[0]
    if token.i + 1 < len(ent.doc) and ent.doc[token.i + 1].like_num or entity_rules._table_line(token.sent):
        return False  # a results table's line: its names open "sentences" of numbers ("Wycombe 4 0 3")
    return not any(t.text == ent[0].text and not entity_rules.opens_sentence(t) for t in ent.doc)


def _is_demonym(span: Span, name: str, entry: AliasEntry | None) -> bool:
    """An adjective or plural people-word of a country or place ("Iranian", "Afghans"): tagged
    so, or the plural of another alias of the same place ("Thais" beside "Thai", whatever its
    tag), unless the text puts things in it ("in Marseilles" is the city)."""
    if entry is None or entry.type not in ("country", "place") or _fold(name) == _fold(entry.canonical):
        return False
    if len(span) != 1:
        return False
    if span[0].tag_ in ("JJ", "NNPS", "NNS"):
        return True
    singular = lookup_alias(name[:-1]) if name.endswith("s") and len(name) > 3 else None
    return singular is not None and singular.canonical == entry.canonical \
        and _fold(name[:-1]) != _fold(entry.canonical) and not entity_rules.place_uses(span.doc).get(name)


def _acronyms(doc: Doc, candidates: list[_Candidate]) -> list[_Candidate]:
    """An acronym in brackets after an organisation's name, "European Central Bank (ECB)",
    is a mention of it; later uses of the acronym are found as repeated names."""
    taken = {c.start for c in candidates}
    found = []
    for cand in candidates:
        span = cand.span
        if span is None or cand.label != "ORG" or cand.kind or span.end + 2 >= len(doc):
            continue
        opening, acronym, closing = doc[span.end], doc[span.end + 1], doc[span.end + 2]
        if opening.text == "(" and closing.text == ")" and acronym.idx not in taken \
                and entity_rules.is_acronym_of(acronym.text, cand.name):
            found.append(_Candidate(acronym.idx, acronym.idx + len(acronym.text), cand.name, "ORG",
                                    doc[acronym.i:acronym.i + 1]))
    return found


def _repeated_names(doc: Doc, text: str, candidates: list[_Candidate], full_people: list[str]) -> list[_Candidate]:
    """Later uses of a name that NER tagged elsewhere in the article but missed here
    ("Twitter", a surname "Sunak" after "Rishi Sunak"): one pass over the tokens. A use NER
    typed as something that is not an actor ("Windows" the product) stays what NER said."""
    labels: dict[str, str] = {}
    for cand in candidates:
        surface = text[cand.start:cand.end]
        if cand.kind is None and " " not in surface and surface[:1].isupper():
            labels.setdefault(surface, (cand.label, cand.name))
    for name in full_people:
        labels[name.split()[-1]] = ("PERSON", name.split()[-1])
    if not labels:
        return []
    taken = _covered(candidates)
    found = []
    surnames = {name.split()[-1] for name in full_people}
    starts = token_starts(doc)
    for i, word in enumerate(token_texts(doc)):  # the texts first: a Token only for a known name
        label, name = labels.get(word, (None, None))
        if label is None or starts[i] in taken:
            continue
        token = doc[i]
        if token.ent_type_ and token.ent_type_ not in ENTITY_TYPES:
            continue  # NER read this use as something else: a product, a work, an event
        if token.ent_iob_ == "I" or token.ent_iob_ == "B" and i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I":
            continue  # a word of a longer name NER tagged ("MacBook" of "MacBook Pro")
        # A surname that is also a word ("Jobs") still counts after the full name, and so does a
        # body's name the tagger reads as a common noun inside a sentence ("after Splunk's shares
        # rose"; "Naphtha inventories" opening one may be the word), unless the article
        # writes the word in lower case or a number stands beside it ("Figure 1", "six RBI"). (Not
        # capitals the tagger reads so: letters of a term, "UV", "DRESS syndrome".)
        if token.pos_ != "PROPN" and not (token.text in surnames and token.is_title and not token.is_stop) \
                and not (label == "ORG" and token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_upper
                         and not entity_rules.opens_sentence(token)
                         and token.lower_ not in entity_rules.lower_case_words(doc)
                         and not (i + 1 < len(doc) and doc[i + 1].like_num or i and doc[i - 1].like_num)):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and not doc[token.i + 1].is_punct:
            continue  # part of a longer name NER did not tag ("Google Chrome")
        if token.i > 0 and doc[token.i - 1].pos_ == "PROPN" and doc[token.i - 1].is_title:
            continue
        if label == "ORG" and entity_rules.is_index_use(doc[token.i:token.i + 1], _is_thing):
            continue
        found.append(_Candidate(token.idx, token.idx + len(token.text), name, label, doc[token.i:token.i + 1]))
    return found


def _full_people(candidates: list[_Candidate]) -> list[str]:
    """Full person names seen in this article, for surname / short-form mentions.

    Not a name NER types a body or a place more than twice as often as a person's, with no
    rule finding a person in it: "Pittsburgh Pirates" typed a body six times and a person
    twice (a heading "Pittsburgh Pirates (2012)" reads like a cited author) is the club, and
    taking it for a person would make its every use one."""
    person_uses: dict[str, int] = {}
    other_uses: dict[str, int] = {}
    ruled = set()
    for cand in candidates:
        if cand.kind:
            continue
        uses = person_uses if cand.label == "PERSON" else other_uses
        uses[cand.name] = uses.get(cand.name, 0) + 1
        if cand.person:
            ruled.add(cand.name)
    full = []
    for cand in candidates:
        entry = lookup_alias(cand.name)
        if cand.label == "PERSON" and (entry is None or entry.type == "person") \
                and len(cand.name.split()) >= 2 and cand.name not in full \
                and (cand.name in ruled or other_uses.get(cand.name, 0) <= 2 * person_uses.get(cand.name, 0)):
            full.append(cand.name)
    return full


def _places_typed_as_people(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> list[str]:
    """A name NER types a place in some uses and a person in others is the place when the text
    puts things in it or calls it a town more often than it makes it speak or act ("Fort Lee
    is a city in Bergen County", "in Fort Lee", beside "Fort Lee" typed a person); its uses
    become the place's and it is no full name of a person. The people of the article less them."""
    labels: dict[str, set[str]] = {}
    for cand in candidates:
        if not cand.kind and not cand.person:
            labels.setdefault(cand.name, set()).add(cand.label)
    mixed = {name for name, found in labels.items() if "PERSON" in found and found & {"GPE", "LOC"}
             and lookup_alias(name) is None}
    if not mixed:
        return full_people
    placed = entity_rules.place_cues(doc)
    acting = entity_rules.thing_and_actor_cues(doc)[1]
    places = {name for name in mixed if placed.get(name, 0) > acting.get(name, 0)}
    if not places:
        return full_people
    for cand in candidates:
        if cand.name in places and not cand.person:
            cand.label = "GPE"
    return [name for name in full_people if name not in places]


def _places_typed_as_organisations(doc: Doc, candidates: list[_Candidate]) -> None:
    """A name NER types an organisation that the text writes as a place more often than as an
    actor, twice at least or in its every use, once by more than a preposition (software is
    "in" things too; see `_placed_enough`), is the place ("Guadeloupe is an island", "the
    capital of Isfahan", "in Oakland", "North Oakland"): NER often types a city or island it does not know as a
    body. Names of the alias table, names whose last word says they are a body ("Bank",
    "University") and capitals-only names (codes, acronyms) are left as they are."""
    names = {c.name for c in candidates if c.label in ("ORG", "GPE") and not c.kind and not c.person
             and lookup_alias(c.name) is None and entity_rules.head_word_label(c.name) is None
             and not c.name.isupper()}
    if not names:
        return
    placed = entity_rules.place_use_kinds(doc)
    acting = entity_rules.thing_and_actor_cues(doc)[1]
    uses = entity_rules.name_use_counts(doc)
    places = {name for name in names if _placed_enough(name, placed, uses) and placed[name][1]
              and placed[name][0] > acting.get(name, 0)}
    for cand in candidates:
        if cand.name in places and cand.label == "ORG" and not cand.kind:
            cand.label = "GPE"


def _placed_enough(name: str, placed: dict[str, tuple[int, int]], uses: dict[str, int]) -> bool:
    """The text writes the name as a place twice, once by more than a preposition, or writes it
    only as a place, once by more than a preposition ("flights via Al Mukalla", "travelled to
    Gaul"): a name every use of which travels to it or lies somewhere is a place's, whatever
    NER guessed. A lone "in" is not enough ("in Brown v. United States")."""
    found, strong = placed.get(name, (0, 0))
    return strong > 0 and (found >= 2 or found >= uses.get(name, 0))


def _places_named_as_people(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> list[str]:
    """A name NER types a person's that the text writes as a place, as for an organisation's
    (see `_places_typed_as_organisations`: "Socotra is an island", "the capital of Mérida", "in
    Broken Arrow"), and never as a person's ("his", kin), is the place, unless it reads as a
    person's name (a known given name first) or is the surname of a person the article names.
    The people of the article less them."""
    surnames = {name.split()[-1] for name in full_people}
    names = {c.name for c in candidates if c.label == "PERSON" and not c.kind and not c.person
             and lookup_alias(c.name) is None and c.name not in surnames and not c.name.isupper()
             and c.name.split()[0] not in entity_rules.given_names()
             and not (c.span is not None and entity_rules.looks_like_person_name(c.span))}
    if not names:
        return full_people
    placed = entity_rules.place_use_kinds(doc)
    if not any(name in placed for name in names):
        return full_people
    acting = entity_rules.thing_and_actor_cues(doc)[1]
    people = entity_rules.person_and_body_uses(doc)[0]
    uses = entity_rules.name_use_counts(doc)
    places = {name for name in names if _placed_enough(name, placed, uses)
              and placed[name][0] > acting.get(name, 0) and not people.get(name)}
    if not places:
        return full_people
    for cand in candidates:
        if cand.name in places and cand.label == "PERSON" and not cand.kind:
            cand.label = "GPE"
    return [name for name in full_people if name not in places]


def _people_typed_as_bodies_or_places(doc: Doc, candidates: list[_Candidate]) -> None:
    """A name NER types an organisation or a place that the text writes as a person's ("Byron
    received his early education", "Byron's memoirs", "Stalin died in his bed") and never as a
    body's or a place's is the person's: NER often types a surname alone so. Names of the alias table, names
    whose last word says they are a body or a place, and capitals-only names are left."""
    names = {c.name for c in candidates if c.label in ("ORG", "GPE") and not c.kind and not c.person
             and lookup_alias(c.name) is None and entity_rules.head_word_label(c.name) is None
             and not c.name.isupper() and not entity_rules.is_event_name(c.name)}
    if not names:
        return
    people, bodies = entity_rules.person_and_body_uses(doc)
    if not any(people.get(name) for name in names):
        return
    placed = entity_rules.place_uses(doc)
    found = {name for name in names if people.get(name, 0) and not bodies.get(name) and not placed.get(name)}
    for cand in candidates:
        if cand.name in found and cand.label in ("ORG", "GPE") and not cand.kind:
            cand.label = "PERSON"


def _legal_form_after(span: Span) -> bool:
    """A company's legal form right after the name, or after a comma: "Coinbase Global, Inc."."""
    doc = span.doc
    i = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    return i < len(doc) and doc[i].lower_.rstrip(".") in LEGAL_FORM_ABBREVIATIONS - {"co"} \
        and (doc[i].text[:1].isupper() or doc[i].text == "plc")  # (not "Co.": a county too, "Co. Cork")


def _coordinated_labels(span: Span, labels: dict[int, str]) -> tuple[int, int]:
    """How many of the names coordinated with this one are bodies and how many are people, by
    the labels of the article's candidates (``labels``: token index -> label)."""
    bodies = people = 0
    for token in entity_rules.conjuncts(span.root):
        label = labels.get(token.i)
        bodies += label == "ORG"
        people += label == "PERSON"
    return bodies, people


def _labels_by_token(candidates: list[_Candidate]) -> dict[int, str]:
    """Candidate labels by the index of their span's head token, the alias table's type first
    ("Pfizer" typed a person by NER is the table's company)."""
    labels = {}
    for cand in candidates:
        if cand.span is None or cand.kind:
            continue
        entry = lookup_alias(cand.name)
        label = _ALIAS_LABELS.get(entry.type) if entry is not None else cand.label
        if label is not None:
            labels[cand.span.root.i] = label
    return labels


def _company_evidence(span: Span, labels: dict[int, str]) -> bool:
    """One use of a name that English writes only of a company: see `entity_rules.company_cue`,
    a legal form after it, or a list of names most of which are bodies and none a person
    ("cards from Gigabyte, Asus, PNY, EVGA and MSI"): English coordinates like with like."""
    if entity_rules.company_cue(span.root) or _legal_form_after(span):
        return True
    bodies, people = _coordinated_labels(span, labels)
    return bodies >= 2 and people == 0


def _person_signals(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> set[str]:
    """Names the article shows to be a person's somewhere: a rule found a person in a use, a
    person noun, a title or an age stands beside it, or it is "he" or "she" (see
    `entity_rules.person_and_body_uses`)."""
    people = set(entity_rules.person_and_body_uses(doc)[0])
    for cand in candidates:
        span = cand.span
        if cand.person:
            people.add(cand.name)
        if span is None:
            continue
        before = doc[span.start - 1] if span.start else None
        if before is not None and before.lower_.rstrip(".") in TITLES or entity_rules.person_context(span):
            people.add(cand.name)
    return people


_AUTHOR_INITIALS = re.compile(r"^[A-Z]{1,3}$|^(?:[A-Z]\.){1,3}$")


def _reads_as_a_persons_name(name: str, full_people: list[str]) -> bool:
    """A name that opens with a known first name ("Martin", not "Lockheed Martin"), or one word
    of a person's full name the article gives ("Jobs" after "Steve Jobs")."""
    words = name.split()
    if words[0].lower() in entity_rules.first_names() or words[0] in entity_rules.given_names():
        return True
    if len(words) >= 2 and _AUTHOR_INITIALS.match(words[-1]):
        return True  # "Treanor JJ", "Gravenstein S": an author cited by surname and initials
    return len(words) == 1 and any(name in other.split() for other in full_people if other != name)


def _bodies_typed_as_people(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> list[str]:
    """A name NER types a person's that the text writes as a company's (see
    `_company_evidence`: "Lockheed Martin's shares", "agreed to acquire Activision Blizzard",
    "Coinbase Global, Inc.") and never as a person's (no first name, title, person noun, age, or
    "he"/"she": see `_person_signals`) is the company's. The alias table's names are left as
    the table says. The people of the article less them."""
    names = {c.name for c in candidates if c.label == "PERSON" and not c.kind and not c.person
             and c.span is not None and lookup_alias(c.name) is None}
    if not names:
        return full_people
    people = None
    found: set[str] = set()
    for _ in range(3):  # a list's other names found bodies make it a list of bodies
        labels = _labels_by_token(candidates)
        more = {c.name for c in candidates if c.name in names - found and c.span is not None
                and _company_evidence(c.span, labels)}
        if people is None and more:
            people = _person_signals(doc, candidates, full_people)
        more = {name for name in more - (people or set()) if not _reads_as_a_persons_name(name, full_people)}
        if not more:
            break
        found |= more
        _retype_as_bodies(doc, candidates, more)
    if not found:
        return full_people
    # a word of such a name NER types a person's alone is a short form of the body, not of a
    # person ("Blizzard" after "Activision Blizzard"), unless a person's name reads so ("Martin")
    words = {w for name in found if " " in name for w in name.split() if w[:1].isupper()}
    short = {name for name in names & words - found - (people or set())
             if not _reads_as_a_persons_name(name, [p for p in full_people if p not in found])}
    if short:
        found |= short
        _retype_as_bodies(doc, candidates, short)
    _unify_possessive_names(text_of(doc), candidates)
    return [name for name in full_people if name not in found]


def _retype_as_bodies(doc: Doc, candidates: list[_Candidate], found: set[str]) -> None:
    """The names' uses NER typed a person's become a body's."""
    for cand in candidates:
        if cand.name in found and cand.label == "PERSON" and not cand.kind:
            cand.label = "ORG"
            if cand.span is not None and cand.end == cand.span.end_char:
                # a company's "'s" is its name's ("Boatmen's was the prize"; see `_keeps_possessive`)
                longer = _with_name_possessive(Span(doc, cand.span.start, cand.span.end, label="ORG"))
                if longer.end > cand.span.end:
                    cand.span, cand.end, cand.name = longer, longer.end_char, longer.text


def _untagged_companies(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> list[_Candidate]:
    """Capitalised proper nouns NER left untagged that stand where English puts a company:

    - a company's slot (see `_company_evidence`: "Broadcom's shares", "agreed to acquire
      Splunk", "Coinbase Global, Inc.", a list of bodies);
    - beside a body the article names, coordinated as the subject of a verb of saying,
      deciding or dealing ("Pfizer and BioNTech said");
    - the other side of a purchase or merger with a body ("Broadcom agreed to buy VMware").

    Not a name that opens with a first name or is a word of a person's name the article gives,
    the alias table's names, words the article also writes in lower case, products and works.
    Later uses are found as repeated names."""
    labels = _labels_by_token(candidates)
    if "ORG" not in labels.values() and not any(t.lower_ in entity_rules.COMPANY_ONLY_NOUNS for t in doc):
        return []  # (a cheap way out: every cue needs a body or a company's noun)
    taken = _covered(candidates)
    lower = None
    things = None
    found: list[_Candidate] = []
    i, n = 0, len(doc)
    while i < n:
        token = doc[i]
        if not _untagged_name_word(token) or token.idx in taken:
            i += 1
            continue
        j = i + 1
        while j < n and j - i < 3 and _untagged_name_word(doc[j]) and doc[j].idx not in taken:
            j += 1
        span = doc[i:j]
        i = j
        if (span.start and doc[span.start - 1].pos_ == "PROPN" and doc[span.start - 1].text[:1].isupper()) \
                or span.root.i != span.end - 1 and len(span) > 1:
            continue  # part of a longer name NER tagged in part
        root = span.root
        evidence = entity_rules.company_cue(root) or _legal_form_after(span)
        if not evidence:
            bodies, people = _coordinated_labels(span, labels)
            evidence = bodies >= 1 and people == 0 and entity_rules.group_subject_of_actor_verb(root) \
                or any(labels.get(side.i) == "ORG" for side in entity_rules.deal_sides(root))
        if not evidence:
            continue
        name = span.text
        if lookup_alias(name) is not None or _reads_as_a_persons_name(name, full_people) \
                or name in entity_rules.NOT_ACTORS or entity_rules.is_product_name(name) \
                or entity_rules.is_model_name(name) or entity_rules.opens_sentence(span[0]) and len(span) == 1 \
                and span[0].is_stop:
            continue
        if lower is None:
            lower, things = entity_rules.lower_case_words(doc), _names_of_things(doc)
        if any(t.lower_ in lower for t in span) or name in things:
            continue  # "Shares", "Coach": common words capitalised
        if _legal_form_after(span) and doc[span.end].text != ",":
            span = doc[span.start:span.end + 1]  # the legal form is the name's: "Venantius AB"
            name = span.text
        found.append(_Candidate(span.start_char, span.end_char, name, "ORG", span))
        taken.update(range(span.start_char, span.end_char))
    if not found:
        return found
    # the name's other uses, however the tagger read them ("Splunk" a common noun)
    words = {tuple(c.name.split()): c.name for c in found}
    texts = token_texts(doc)
    for k in range(n):
        for size in (3, 2, 1):
            name = words.get(tuple(texts[k:k + size]))
            if name is not None and doc[k].idx not in taken and not doc[k].ent_type_ \
                    and not (k + size < n and doc[k + size].pos_ == "PROPN" and doc[k + size].text[:1].isupper()):
                span = doc[k:k + size]
                found.append(_Candidate(span.start_char, span.end_char, name, "ORG", span))
                taken.update(range(span.start_char, span.end_char))
                break
    return found


def _untagged_name_word(token) -> bool:
    """A word of a name NER left untagged: a capitalised proper noun, or a capitalised word the
    tagger read as a common noun though it does not open its sentence or is cased inside
    ("Splunk's shares", "BioNTech")."""
    text = token.text
    if token.ent_type_ or not text[:1].isupper() or not text[:1].isalpha() or len(text) < 2:
        return False
    if token.pos_ == "PROPN":
        return token.is_title or token.is_upper or any(c.isupper() for c in text[1:])
    return token.pos_ == "NOUN" and (any(c.isupper() for c in text[1:]) and not text.isupper()
                                     or token.is_title and not entity_rules.opens_sentence(token))


def _relabel_people(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> None:
    """A name NER typed as a place or organisation that is a person of the article ("Wilkins"
    after "Kristen Wilkins", "Jobs" after "Steve Jobs", "Paris" after "Valeska Paris" unless
    "in Paris") becomes that person; so does a family by its plural surname ("the Sams").
    Not a name the text writes as a place (see `_places_typed_as_organisations`: "Mérida is
    the capital of Yucatán" beside "Tourist Information (Turismo Mérida)")."""
    if not full_people:
        return
    placed = entity_rules.place_use_kinds(doc)
    people_uses = entity_rules.person_and_body_uses(doc)[0]
    surnames = {name.split()[-1] for name in full_people}
    # (a surname typed a group is read so only after a name that opens with a first name: not
    # "Afrikaners" after a headline's "S. African Afrikaners")
    bearers_surnames = {name.split()[-1] for name in full_people
                        if name.split()[0].lower() in entity_rules.first_names()}
    names = set(full_people)
    for cand in candidates:
        if cand.label == "NORP" and cand.name in bearers_surnames and lookup_alias(cand.name) is None \
                and cand.span is not None and cand.span[-1].tag_ not in ("NNS", "NNPS"):
            cand.label, cand.kind = "PERSON", None  # "Montoya-Lewis" after "Raquel Montoya-Lewis"
            continue
        if cand.label in ("PERSON", "NORP") or cand.kind:
            continue
        entry = lookup_alias(cand.name)
        if entry is not None and (entry.type == "person" or " " in cand.name or _after_locative(cand)):
            continue
        uses, strong = placed.get(cand.name, (0, 0))
        if uses >= 2 and strong and not people_uses.get(cand.name):
            continue
        if cand.name in names or (" " not in cand.name and (
                cand.name in surnames or (cand.name.endswith("s") and cand.name[:-1] in surnames))):
            cand.label = "PERSON"
            cand.person = entry is not None


def _after_locative(cand: _Candidate) -> bool:
    span = cand.span
    return span is not None and span.start > 0 and span.doc[span.start - 1].lower_ in entity_rules.LOCATIVES


def _rejoin_full_names(text: str, candidates: list[_Candidate], full_people: list[str]) -> list[_Candidate]:
    """Two neighbouring names that spell a person of the article ("Valeska" + "Paris") are one."""
    names = set(full_people)
    out: list[_Candidate] = []
    for cand in candidates:
        prev = out[-1] if out else None
        if prev is not None and prev.span is not None and cand.span is not None and not prev.kind \
                and not cand.kind and text[prev.start:cand.end] in names:
            span = prev.span.doc[prev.span.start:cand.span.end]
            out[-1] = _Candidate(prev.start, cand.end, span.text, "PERSON", span, person=True)
            continue
        out.append(cand)
    return out


def _drop_common_words(doc: Doc, candidates: list[_Candidate], full_people: list[str]) -> list[_Candidate]:
    """One-word names the article writes more often in lower case ("Iodine" beside "iodine"):
    a sentence-initial or headline capital, not a name. Aliases and surnames are kept."""
    words_or_given = {c.name for c in candidates if " " not in c.name and not c.kind}
    words_or_given -= {name.split()[-1] for name in full_people}
    words_or_given -= {name.split()[0] for name in full_people}
    capitals = {w for w in words_or_given if len(w) >= 5 and w.isupper() and w.isalpha() and lookup_alias(w) is None}
    words_or_given = {w for w in words_or_given if w.istitle() and lookup_alias(w) is None}
    words = words_or_given - {c.name for c in candidates if c.person}
    if capitals:
        # a long word in capitals the article also writes in lower case is a label or a heading
        # set in capitals ("ACCIDENT –" beside "a traffic accident"); an acronym is never a word
        lower = entity_rules.lower_case_words(doc)
        shouting = {w for w in capitals if w.lower() in lower}
        if shouting:
            candidates = [c for c in candidates if c.name not in shouting]
    if not words_or_given:
        return candidates
    lowered = {w.lower(): w for w in words_or_given}
    counts: dict[str, int] = {}
    for word in token_texts(doc):
        if word in words_or_given or word in lowered:
            counts[word] = counts.get(word, 0) + 1
    common = {w for w in words if counts.get(w.lower(), 0) > counts.get(w, 0)}
    # Capitals a word has only by opening a sentence, a step or a quotation are no evidence of
    # a name: a word the article writes lower case and capitalises nowhere else is a common
    # word ("Basil is easy to grow" beside "the basil seeds"), given names included.
    rest = {w for w in words_or_given if w not in common and counts.get(w.lower(), 0)}
    if rest:
        inside = {w: 0 for w in rest}
        for i, word in enumerate(token_texts(doc)):
            if word in inside and not entity_rules.opens_sentence(doc[i]):
                inside[word] += 1
        common |= {w for w, n in inside.items() if n == 0}
    return [c for c in candidates if c.name not in common] if common else candidates


def _mark_teams(doc: Doc, candidates: list[_Candidate]) -> None:
    """Countries that stand for their sports teams in a match report."""
    countries = []
    for cand in candidates:
        if cand.kind or cand.span is None:
            continue
        entry = lookup_alias(cand.name)
        if (entry is not None and entry.type in ("country", "place")) or (entry is None and cand.label == "GPE"):
            countries.append(cand)
    for i in entity_rules.team_spans(doc, [c.span for c in countries]):
        countries[i].team = True


def _resolve(name: str, label: str, context: "_Context",
             person: bool = False, start: int | None = None) -> tuple[str, str, str | None, bool] | None:
    """Canonical name, type, country and whether the alias table gave them (None: no actor).

    A person's one-word name is first a short form of a person the article names in full
    (see `_Context.person_named`), then an alias; a name a rule found to be a person's ("Paris"
    after "Valeska Paris") does not take a place's alias. Other names lose a company's legal
    form when what remains is known (see `_without_legal_suffix`).
    """
    entry = lookup_alias(name)
    if entry is not None and entry.type == THING:
        return None
    if label == "PERSON" or entry is not None and entry.type == "person":  # the table's people too
        words = name.split()
        if len(words) == 1 or len(words) == 2 and words[0].rstrip(".").lower() in TITLES:
            honorific = words[0].rstrip(".").lower() if len(words) == 2 else None
            if honorific is None and start is not None:
                before = _HONORIFIC_BEFORE.search(context.text, max(0, start - 12), start)
                honorific = before.group(1).lower() if before is not None else None
            full = context.person_named(words[-1], entry, start, honorific, by_table=label != "PERSON")
            if full is _AMBIGUOUS:
                return words[-1], "person", None, False  # a Clinton, but which one is not said
            if full is not None:
                found = lookup_alias(full)
                return (found.canonical, found.type, found.country, True) if found is not None \
                    and found.type == "person" else (full, "person", None, False)
        elif entry is None and len(words) >= 2:
            # a surname of two words or more, after the full name ("Abu Hatab" after "Walid Abu
            # Hatab", "Van Dyke" after "Dick Van Dyke"): the one person whose name ends so
            longer = {_person_canonical(n) for n in context.full_people
                      if len(n.split()) > len(words) and n.split()[-len(words):] == words}
            if len(longer) == 1:
                return next(iter(longer)), "person", None, False
    if entry is not None and not (person and entry.type != "person"):
        return entry.canonical, entry.type, entry.country, True
    kind = ENTITY_TYPES[label]
    if label == "NORP":
        return None if name.islower() else (name, "group", None, False)
    short = _without_legal_suffix(name, context.names)
    if short != name:
        entry = lookup_alias(short)
        if entry is not None:
            return entry.canonical, entry.type, entry.country, True
        return short, "organization", None, False
    return name, kind, None, False


_AMBIGUOUS = object()


@dataclass
class _Context:
    """What an article says that its short forms are read against."""

    text: str
    full_people: list[str]  # person names written in full, in order of first appearance
    full_counts: dict[str, int]  # canonical person -> times named in full
    names: frozenset[str]  # folded names of the article's organisations and places
    # (offset, canonical person) of every full-name mention, in text order
    full_mentions: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, candidates: list[_Candidate], full_people: list[str]) -> "_Context":
        people = set(full_people)
        counts: dict[str, int] = {}
        full_mentions: list[tuple[int, str]] = []
        for cand in candidates:
            if cand.label == "PERSON" and cand.name in people:
                canonical = _person_canonical(cand.name)
                counts[canonical] = counts.get(canonical, 0) + 1
                full_mentions.append((cand.start, canonical))
        names = frozenset(_fold(c.name) for c in candidates if c.label not in ("PERSON", "NORP") and not c.kind)
        full_mentions.sort()
        return cls(text, full_people, counts, names, full_mentions)

    def _latest_bearer(self, bearers: list[str], start: int) -> str | None:
        """The bearer named in full last before ``start`` within its paragraph, if any."""
        paragraph = self.text.rfind("\n", 0, start) + 1
        latest = None
        for offset, canonical in self.full_mentions:
            if offset >= start:
                break
            if offset >= paragraph and canonical in bearers:
                latest = canonical
        return latest

    def person_named(self, word: str, entry: AliasEntry | None, start: int | None = None,
                     honorific: str | None = None, by_table: bool = False):
        """The full name a one-word name of a person stands for, None, or _AMBIGUOUS.

        News names a person in full once and by surname after ("Zelensky" after "Volodymyr
        Zelensky"), less often by given name ("Matt" after "Matt Damon"). A surname is read
        first, then the alias table, then a given name.

        When several people bear the surname (Hillary and Bill Clinton), the bare surname is
        the article's subject: the bearer named in full first (or the alias table's bearer, who
        needs no introduction: "Obama" beside "Michelle Obama"), since news names the other
        bearers in full whenever it means them. That holds while each other bearer is named in
        full at most SECONDARY_FULL_NAMES times, in passing; a second bearer named in full more
        often is a second subject, and the surname is given to none of them (it stays an actor
        of its own, "Clinton"). On PolNeAR train (2016 election news), checked against the
        honorific before the surname ("Mrs. Clinton", "Mr. Clinton"), this rule is right 93% of
        the time it decides (179 of 192), where the bearer named in full last in the paragraph
        is right 10 times in 16.

        When the article names two bearers in full, a surname written after the other
        bearer's full name, in the same paragraph and with the subject not named in full since
        ("Donald Trump ... Ivanka Trump said ... Trump added"), could be either: the reader
        takes the nearer one as often as the subject (10 times in 16 above), so the surname is
        left ambiguous there rather than given to the wrong one. An honorific says the bearer's sex
        ("Mrs. Clinton" after "Bill Clinton" is Hillary Clinton): bearers whose first name is of
        the other sex are left out first. A name the alias scan found (``by_table``: "Trump"
        with no NER label) keeps the table's bearer when a second bearer is named often, as
        before; only the paragraph rule above applies to it.
        """
        if word.isupper() and len(word) > 2 and word.isalpha():
            # a headline's capitals ("KEANE SIGNS") after a name written in full in the story
            word = next((n.split()[-1] for n in self.full_people if n.split()[-1].upper() == word), word)
        bearers = list(dict.fromkeys(_person_canonical(n) for n in self.full_people if n.split()[-1] == word))
        # "Rip Donald Trump" of a headline is "Donald Trump": a full name that ends with another
        bearers = [b for b in bearers if not any(o != b and b.endswith(" " + o) for o in bearers)]
        if bearers and entry is not None and entry.type == "person" and entry.canonical.split()[-1] == word \
                and entry.canonical not in bearers:
            bearers.insert(0, entry.canonical)  # the famous bearer of the surname
        if not bearers:
            if entry is not None:
                return None  # the alias table decides
            bearers = list(dict.fromkeys(_person_canonical(n) for n in self.full_people if n.split()[0] == word))
        if not bearers and len(word) > 1 and word.isalpha():
            # a word inside a full name, neither its first nor its last: a second given name or
            # the first of two surnames ("Etienne said" after "Camille Etienne Gbedey", "López"
            # after "Andrés Manuel López Obrador"). News writes a person in full before any short
            # form, so with one such person in the article the word is that person.
            inside = list(dict.fromkeys(_person_canonical(n) for n in self.full_people
                                        if word in n.split()[1:-1]))
            return inside[0] if len(inside) == 1 else None
        sex = HONORIFIC_SEX.get(honorific or "")
        if sex is not None and len(bearers) > 1:
            exact = [b for b in bearers if name_gender(b) == sex]
            fitting = [b for b in bearers if name_gender(b) in (sex, None)]
            if len(exact) == 1 or len(fitting) == 1:
                return exact[0] if len(exact) == 1 else fitting[0]
            bearers = fitting or bearers
        if len(bearers) <= 1:
            return bearers[0] if bearers else None
        if by_table or all(self.full_counts.get(other, 0) <= SECONDARY_FULL_NAMES for other in bearers[1:]):
            named = [b for b in bearers if self.full_counts.get(b)]
            if start is not None and len(named) > 1 and self._latest_bearer(named, start) not in (None, bearers[0]):
                return _AMBIGUOUS
            return bearers[0]
        return _AMBIGUOUS


_HONORIFIC_BEFORE = re.compile(r"\b(Mrs|Mr|Ms|Miss|Sir|Lady|Lord|Dame)\.?\s+$")
# The sex an honorific before a surname says its bearer is.
HONORIFIC_SEX = {"mr": "m", "sir": "m", "lord": "m", "king": "m", "prince": "m",
                 "mrs": "f", "ms": "f", "miss": "f", "lady": "f", "dame": "f", "queen": "f", "princess": "f"}


# How many times an article may name in full a second bearer of its subject's surname and still
# mean its subject by the bare surname (learned on PolNeAR train; see _Context.person_named).
SECONDARY_FULL_NAMES = 2


def _person_canonical(full_name: str) -> str:
    entry = lookup_alias(full_name)
    return entry.canonical if entry is not None and entry.type == "person" else full_name


# A company's legal form after its name ("General Motors Corp.", "Citigroup Inc.", "Deutsche
# Bank AG"). The abbreviations are only ever legal forms; the words can be part of a name
# ("East India Company", "Carlyle Group").
LEGAL_FORM_ABBREVIATIONS = frozenset({
    "inc", "corp", "co", "ltd", "plc", "llc", "l.l.c", "lp", "l.p", "llp", "ag", "sa", "s.a", "nv",
    "n.v", "bv", "b.v", "gmbh", "spa", "s.p.a", "pty", "bhd", "oyj", "asa", "ab", "kk", "k.k"})
LEGAL_FORM_WORDS = frozenset({"corporation", "company", "limited", "incorporated", "group", "holdings"})
_LEGAL_SUFFIX = re.compile(r"(?:,?\s+&)?,?\s+(?P<form>[A-Za-z.]+?)\.?$")


def _without_legal_suffix(name: str, known: frozenset[str]) -> str:
    """The name less a company's legal form, when the rest is known to name the company.

    A legal form says how a company is registered, not who it is: news writes "General Motors
    Corp." once and "General Motors" after. The form goes when the rest is an actor of the alias
    table or a name the article uses by itself, or, for the abbreviations that are only ever
    legal forms ("Inc.", "Corp.", "plc"), when the rest has two words or more: one word alone
    may be a common word the form was distinguishing ("News Corp", "Time Inc.").
    """
    match = _LEGAL_SUFFIX.search(name)
    if match is None:
        return name
    form = match.group("form").lower().rstrip(".")
    if form not in LEGAL_FORM_ABBREVIATIONS and form not in LEGAL_FORM_WORDS:
        return name
    rest = name[:match.start()].rstrip(" ,&")
    if not rest or not rest[:1].isupper():
        return name
    if lookup_alias(rest) is not None or _fold(rest) in known:
        return rest
    if form in LEGAL_FORM_ABBREVIATIONS and len(rest.split()) >= 2:
        return rest
    return name


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&]*[A-Z0-9]")


def _expand_acronyms(text: str, candidates: list[_Candidate]) -> None:
    """Acronyms of organisations the article names in full become those organisations.

    An acronym defined in brackets ("American International Group (AIG)") means the name it
    follows wherever it recurs; one that spells the initials of exactly one organisation the
    article names ("GM" beside "General Motors") means that organisation, unless the alias
    table knows it as something else.
    """
    defined: dict[str, str] = {}
    initials: dict[str, set[str]] = {}
    for cand in candidates:
        surface = text[cand.start:cand.end]
        if cand.label == "ORG" and _ACRONYM.fullmatch(surface) and cand.name != surface:
            defined.setdefault(surface, cand.name)  # "(AIG)" after its name (see _acronyms)
        elif cand.label == "ORG" and not cand.kind and " " in cand.name:
            full = _without_legal_suffix(cand.name, frozenset())
            key = _initials(full)
            if key:
                initials.setdefault(key, set()).add(_fold(full))
    by_initials = {}
    for cand in candidates:
        if cand.label == "ORG" and " " in cand.name:
            full = _without_legal_suffix(cand.name, frozenset())
            if initials.get(_initials(full) or "") == {_fold(full)}:
                by_initials.setdefault(_initials(full), full)
    if not defined and not by_initials:
        return
    for cand in candidates:
        surface = text[cand.start:cand.end]
        if cand.name != surface or cand.kind == "demonym" and cand.label != "NORP":
            continue
        full = defined.get(surface)
        if full is None and lookup_alias(surface) is None:
            full = by_initials.get(surface)
        if full is not None:
            cand.name, cand.label, cand.kind = full, "ORG", None


def _expand_head_words(candidates: list[_Candidate]) -> None:
    """"The Church" after "the Church of Scientology" is that church.

    English names an organisation "X of Y" by its head word X, and a news article, having named
    it in full, calls it "the X" after ("the Bank", "the University", "the Church"). A one-word
    organisation after "the" that no alias defines becomes the one organisation "X of ..." the
    article named before it; with none or several ("the Church" beside two churches), it stays.
    """
    full: dict[str, list[tuple[int, str]]] = {}
    for cand in candidates:
        words = cand.name.split()
        if cand.label == "ORG" and not cand.kind and len(words) >= 3 and words[1] == "of" and words[0].istitle():
            full.setdefault(words[0], []).append((cand.start, cand.name))
    if not full:
        return
    for cand in candidates:
        span = cand.span
        named = full.get(cand.name)
        if not named or cand.label != "ORG" or cand.kind or span is None or lookup_alias(cand.name) is not None:
            continue
        before = span[0] if span[0].lower_ == "the" else (span.doc[span.start - 1] if span.start else None)
        if before is None or before.lower_ != "the":
            continue
        earlier = {name for start, name in named if start < cand.start}
        if len(earlier) == 1 and len(set(name for _, name in named)) == 1:
            cand.name = earlier.pop()


_WEB_NAME = re.compile(r"([A-Z][\w-]*)\.(?:com|net|org|io|co\.uk)\b")


def _team_nicknames(candidates: list[_Candidate]) -> None:
    """A plural name NER typed a group or a body that ends the name of one organisation the
    article names is that organisation: news names a team by its nickname after its full name ("the
    Celtics" after "Boston Celtics", "the Yankees" after "New York Yankees"). Not a name of
    the alias table ("Democrats", "Israelis" are what the table says)."""
    full: dict[str, set[str]] = {}
    for cand in candidates:
        words = cand.name.split()
        if cand.label == "ORG" and not cand.kind and len(words) >= 2 and words[-1].endswith("s") and "of" not in words:
            full.setdefault(words[-1], set()).add(cand.name)
    if not full:
        return
    for cand in candidates:
        names = full.get(cand.name)
        if names and len(names) == 1 and cand.label in ("NORP", "ORG") and lookup_alias(cand.name) is None \
                and (cand.label == "NORP" or not cand.kind):
            cand.name, cand.label, cand.kind = next(iter(names)), "ORG", None


def _expand_web_names(candidates: list[_Candidate]) -> None:
    """A company the article names by its web address ("Amazon.com", "Amazon.com Inc.") is the
    company the address's name means there ("Amazon sold the battery"): one company. Not a name
    the alias table knows as something else, nor a person's or a place's."""
    full: dict[str, set[str]] = {}
    for cand in candidates:
        web = _WEB_NAME.match(cand.name) if cand.label == "ORG" and not cand.kind else None
        if web is not None:
            full.setdefault(web.group(1), set()).add(cand.name)
    if not full:
        return
    for cand in candidates:
        names = full.get(cand.name)
        if not names or len(names) != 1 or cand.kind or cand.person or cand.label != "ORG":
            continue
        entry = lookup_alias(cand.name)
        if entry is None or entry.type == "organization":
            cand.name = next(iter(names))


def _initials(name: str) -> str | None:
    """The capitals an acronym of the name would spell: "General Motors" -> "GM"."""
    letters = "".join(w[0] for w in name.split() if w[:1].isupper() or w[:1].isdigit())
    return letters if len(letters) >= 2 else None


def _alias_only_mentions(doc: Doc, text: str, taken: list[_Candidate]) -> list[_Candidate]:
    """Metonyms and demonyms the statistical NER misses ("the Kremlin", "the White House").

    Aliases are looked up by the word a token starts with, then compared in place: one pass
    over the tokens instead of a regular expression of every alias over the whole text.
    """
    found = []
    occupied = set()
    for cand in taken:
        occupied.update(range(cand.start, cand.end))
    by_word = _aliases_by_first_word()
    for token_text, start in zip(token_texts(doc), token_starts(doc)):
        if not token_text[:1].isupper():
            continue  # every alias here starts with a capital (see _aliases_by_first_word)
        word = _FIRST_WORD.match(token_text)
        names = by_word.get(word.group(0)) if word else None
        if not names or start in occupied or (start and (text[start - 1].isalnum() or text[start - 1] in "-_")):
            continue
        for name in names:  # longest first
            end = start + len(name)
            if text.startswith(name, start) and (end == len(text) or not (text[end].isalnum() or text[end] in "-_")):
                break
        else:
            continue
        if any(i in occupied for i in range(start, end)):
            continue
        entry = lookup_alias(name)
        if _inside_longer_name(text, end, name, entry):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        kind = "demonym" if span is not None and _is_demonym(span, name, entry) else None
        if span is not None and (entity_rules.is_index_use(span, _is_thing) or entity_rules.on_page_furniture(span)):
            continue
        found.append(_Candidate(start, end, name, "ORG", span, kind))
        occupied.update(range(start, end))
    return found


_FIRST_WORD = re.compile(r"\w+")


def _inside_longer_name(text: str, end: int, name: str, entry: AliasEntry) -> bool:
    """An adjective or by-name of an actor that starts a longer name is part of that name, not
    a mention: "European" of "European Space Agency", "Democratic" of "Democratic Unionist
    Party", "Moscow" of "Moscow State University". A name in its own form still names its
    bearer inside a longer one ("Google Science Fair"); so does a place before a title
    ("Moscow Mayor") or "City" ("Taipei City")."""
    longer = _NEXT_NAME_WORD.match(text, end)
    if longer is None or longer.group(1).lower().rstrip(".") in TITLES or longer.group(1) == "City":
        return False
    return _fold(name) != _fold(entry.canonical) and not name.isupper()
_NEXT_NAME_WORD = re.compile(r"[ \t]+([A-Z][\w.'’-]*)")


@functools.lru_cache(maxsize=1)
def _aliases_by_first_word() -> dict[str, list[str]]:
    """Multi-word or capitalised aliases of organisations and governments, by their first word."""
    names = set()
    for row in _alias_rows():
        alias = _LEADING_THE.sub("", row["alias"].strip())
        if row["type"] in ("organization", "country") and alias[:1].isupper() and len(alias) > 3:
            names.add(alias)
    by_word: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        by_word.setdefault(_FIRST_WORD.match(name).group(0), []).append(name)
    return by_word
