"""Cheap rules over one parsed article that correct the statistical NER's actor mentions.

Each rule reads tokens, labels and the dependency parse already computed by spaCy; none runs
another pass of the model or a regular expression over the whole text.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources
from typing import Callable

from spacy.tokens import Doc, Span, Token

from factwire.extract.amounts import ISO_CODES
from factwire.extract.syntax import entities, text_of, token_texts


def _per_doc(key: str):
    """Compute a function of a doc once per doc (kept in ``doc.user_data``, as
    `factwire.extract.syntax` keeps its token arrays): the actor rules ask the same questions
    of an article several times. The value is shared: callers read it, never change it."""
    def decorate(function):
        @functools.wraps(function)
        def cached(doc: Doc):
            name = "factwire.entity_rules." + key
            value = doc.user_data.get(name)
            if value is None:
                value = doc.user_data[name] = function(doc)
            return value
        return cached
    return decorate

# Codes NER mistakes for organisations: currencies ("$99 (USD)"), time zones, units ("60 GB").
TIME_ZONES = frozenset({"UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT",
                        "CST", "CDT", "MST", "MDT", "PST", "PDT", "AEST", "AEDT", "JST", "KST",
                        "IST", "HKT", "SGT", "MSK"})
UNITS = frozenset({"KB", "MB", "GB", "TB", "PB", "GHz", "MHz", "kHz", "Hz", "mph", "kph", "km",
                   "kg", "mm", "cm", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "bpd"})
# Letters of an era or a time of day written after a number ("400 BCE", "AD 842", "6 P.M."):
# NER types them organisations.
ERAS = frozenset({"BC", "BCE", "CE", "AD", "B.C.", "B.C.E.", "C.E.", "A.D.", "A.M.", "P.M."})
# Capitals that abbreviate common nouns of technology, not names ("the SDK", "an API", "DIY",
# "AI"): NER types them organisations or places.
TECH_ABBREVIATIONS = frozenset({"SDK", "SDKs", "API", "APIs", "GUI", "CPU", "CPUs", "GPU", "GPUs", "OS",
                                "PDF", "URL", "URLs", "HTML", "CSS", "USB", "HDMI", "LED", "LEDs", "LCD",
                                "DIY", "FAQ", "FAQs", "SMS", "GPS", "AI", "VPN", "RAM", "SSD", "IoT",
                                "DNS", "HTTP", "HTTPS", "JSON", "XML", "SQL", "UI", "UX", "QR"})
NOT_ACTORS = frozenset(ISO_CODES) | TIME_ZONES | UNITS | ERAS | TECH_ABBREVIATIONS
# Last words of the names of models of a product ("MacBook Pro", "Parallels Desktop", "Intel
# Core Duo", "Switch Lite"): a made thing, not its maker.
MODEL_WORDS = frozenset({"Pro", "Desktop", "Duo", "Mini", "Ultra", "Lite", "Nano"})


def is_model_name(name: str) -> bool:
    """A name of two words or more ending with a model's word: "Coinbase Pro", "Intel Core Duo"."""
    words = name.split()
    return len(words) >= 2 and words[-1] in MODEL_WORDS

# Letters written after a person's name ("Mark Tedeschi, QC"): a rank or degree, not an actor.
POST_NOMINALS = frozenset({"QC", "KC", "SC", "MP", "MSP", "MEP", "OBE", "MBE", "CBE", "KBE", "DBE",
                           "PhD", "MD", "Esq", "Jr", "Sr"})

# Last words that make a name an organisation's or a place's whatever NER typed it
# ("Saudi Gazette", "Convention Centre", "NTU Hospital Station").
ORG_HEAD_WORDS = frozenset({"gazette", "times", "herald", "tribune", "journal", "chronicle", "bank",
                            "university", "college", "council", "party", "committee", "commission",
                            "company", "corporation", "corp", "inc", "ltd", "plc", "llc", "agency",
                            "ministry", "department", "foundation", "institute", "association",
                            "federation", "gallery", "club", "society", "league", "authority", "railway",
                            "railways", "rail", "airline", "airlines", "airways", "underground", "museum",
                            "police", "schools", "brothers", "bros", "partners", "associates",
                            "international", "capital", "managers", "holdings", "industries",
                            "enterprises", "ventures", "securities", "motors", "lab", "labs",
                            "laboratory", "laboratories", "studio", "studios", "magazine",
                            "bureau", "army", "navy", "technologies"})
# (not "network": "Intelligent Network", "neural network" are techniques)
PLACE_HEAD_WORDS = frozenset({"station", "airport", "stadium", "cave", "street", "road", "avenue",
                              "square", "bridge", "river", "lake", "mountain", "mountains", "island",
                              "islands", "valley", "bay", "beach", "harbour", "harbor", "palace",
                              "castle", "tower", "plaza", "boulevard", "canyon", "desert", "peninsula",
                              "hotel", "resort", "reserve", "motel", "mosque", "cathedral", "cemetery",
                              "drive", "highway", "turnpike", "parkway", "expressway", "freeway",
                              "building", "theater", "theatre", "mall", "tunnel", "ave", "blvd"})
# (not "area": "Central European Free Trade Area" is a body)
# (not "hall", "park": surnames too, "Stuart Hall", "Nick Park")
# Words that end the place in "University of Texas Arlington Muslim Student Association".
_NOT_PLACE_WORDS = ORG_HEAD_WORDS | {"student", "students", "alumni", "medical", "school", "hospital",
                                     "press", "law", "business", "muslim", "christian", "jewish",
                                     "catholic", "islamic", "buddhist", "hindu"}

# Common nouns for people: a name right after one ("fashion designer Halston") or with one in
# apposition ("Valeska Paris, an Australian woman") is a person's.
PERSON_NOUNS = frozenset({
    "man", "woman", "boy", "girl", "person", "resident", "citizen", "student", "teacher", "actor",
    "actress", "singer", "musician", "artist", "painter", "photographer", "designer", "writer",
    "author", "novelist", "poet", "journalist", "reporter", "editor", "publisher", "athlete",
    "player", "footballer", "goalkeeper", "striker", "midfielder", "defender", "coach", "manager",
    "captain", "founder", "co-founder", "creator", "inventor", "scientist", "researcher",
    "professor", "lecturer", "doctor", "nurse", "lawyer", "attorney", "prosecutor", "judge",
    "politician", "lawmaker", "activist", "campaigner", "blogger", "entrepreneur", "businessman",
    "businesswoman", "billionaire", "husband", "wife", "son", "daughter", "father", "mother",
    "brother", "sister", "widow", "mayor", "curator", "architect", "chef", "comedian", "director",
    "producer", "rapper", "model", "pilot", "soldier", "officer", "farmer", "worker", "survivor",
    "victim", "suspect", "spokesman", "spokeswoman", "spokesperson", "scientologist", "priest",
    "child", "baby", "infant", "toddler", "teenager", "patient",
    "star", "superstar", "winger", "quarterback", "pitcher", "boxer", "golfer", "cyclist",
    "sprinter", "swimmer", "jockey", "dancer", "drummer", "guitarist", "vocalist", "frontman",
    "songwriter", "teammate", "youngster",
})
# Title words that end a phrase naming an office, not an organisation ("Home Secretary",
# "Shadow Home Secretary", "Emeritus Professor") or begin one ("Secretary of State").
OFFICE_WORDS = frozenset({"secretary", "minister", "undersecretary", "professor", "chancellor",
                          "commissioner", "director", "chairman", "chairwoman", "chair"})

# Offices a person holds in a body, which NER may glue onto the body's name before the person's
# ("Baark Volunteer Coordinator Bonnie Smith").
ROLE_WORDS = OFFICE_WORDS | {"coordinator", "manager", "spokesman", "spokeswoman", "spokesperson", "president",
                             "officer", "editor", "founder", "ceo", "chief", "executive", "leader", "coach",
                             "adviser", "advisor", "head", "organizer", "organiser"}
# Common nouns for companies and other bodies: a name right after one ("animation studio Pixar",
# "the animation company Pixar") is an organisation's, whatever NER typed it.
ORGANISATION_NOUNS = frozenset({"company", "firm", "studio", "startup", "start-up", "maker", "manufacturer",
                                "retailer", "carrier", "airline", "bank", "charity", "organisation",
                                "organization", "publisher", "broadcaster", "newspaper", "agency", "group",
                                "band", "label", "conglomerate", "insurer", "lender", "chain"})


def office_before_person(ent: Span) -> int | None:
    """Where the office ends a "name" NER typed a person though a person's name follows it:
    "Baark Volunteer Coordinator" + "Bonnie Smith". The index of the office's first word, or
    None when the name is no such office."""
    doc = ent.doc
    if ent.label_ != "PERSON" or len(ent) < 2 or ent[-1].lower_ not in ROLE_WORDS:
        return None
    if ent.end >= len(doc) or doc[ent.end].ent_type_ != "PERSON" or doc[ent.end].ent_iob_ != "B":
        return None
    i = ent.end - 1
    while i > ent.start and (doc[i].lower_ in ROLE_WORDS or doc[i].is_title and doc[i - 1].is_title
                             and doc[i].head.i == ent.end - 1 and doc[i].dep_ == "compound"):
        i -= 1
    return i + 1 if i + 1 < ent.end else None


# Of those, the nouns that never name a person's trade, for a name set beside one by commas:
# "Smith, a publisher" and "a letter carrier" are people, "Gousto, the meal-kit firm" is not.
APPOSITIVE_BODY_NOUNS = ORGANISATION_NOUNS - {"publisher", "maker", "carrier"}


def organisation_context(span: Span) -> bool:
    """A common noun for a company or body stands right before the name and governs it or is
    governed by it ("animation studio Pixar", "the animation company Pixar"), or stands in
    apposition with it, with an article ("Gousto, the meal-kit firm", "Zorbly, a software
    company based in Austin", "the company, Lockheed Martin,")."""
    doc = span.doc
    root = span.root
    if any(_body_noun_apposed(child) for child in root.children if child.dep_ == "appos" and child.i >= span.end):
        return True
    if root.dep_ == "appos" and root.head.i < span.start and _body_noun_apposed(root.head):
        return True
    if span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.pos_ == "NOUN" and before.lemma_.lower() in ORGANISATION_NOUNS \
        and (before.head.i in range(span.start, span.end) or span.root.head.i == before.i)


def _body_noun_apposed(noun: Token) -> bool:
    """A singular common noun for a body, with an article: "a software company", "the firm"."""
    return noun.tag_ == "NN" and noun.lemma_.lower() in APPOSITIVE_BODY_NOUNS \
        and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in noun.children)


# Last words of names of events, which are not actors ("Google Science Fair", "Fan Expo").
EVENT_WORDS = frozenset({"fair", "expo", "festival", "olympics", "games", "cup", "championship",
                         "championships", "awards", "prize", "prizes", "marathon", "tournament", "open", "prix",
                         "exhibition", "biennale", "week", "day"})

# Words of a picture or media credit ("Image: Nick Moreau.") that NER glues onto the name before.
CAPTION_WORDS = frozenset({"image", "images", "photo", "photos", "picture", "video", "audio",
                           "file", "source", "credit"})

# Verbs whose subject or object, when it is a country, is that country's team.
MATCH_VERBS = frozenset({"defeat", "beat", "face", "play", "draw", "lose", "win", "thrash",
                         "edge", "tie", "eliminate", "knock", "outplay", "overcome", "equalise",
                         "equalize", "concede", "score", "host", "trounce", "rout", "whitewash"})
# Words that only sports reports use often; two of them make an article a sports report.
SPORTS_WORDS = frozenset({"match", "goal", "goalkeeper", "striker", "midfielder", "defender",
                          "referee", "penalty", "kick", "cup", "tournament", "championship",
                          "league", "innings", "wicket", "try", "medal", "semi", "final",
                          "quarterfinal", "semifinal", "half-time", "halftime", "stadium",
                          "coach", "squad", "fixture", "scorer", "substitute", "striker",
                          "captain", "points", "group", "debutant", "qualifier", "inning",
                          "baseball", "basketball", "soccer", "hockey", "pitcher", "pitching", "baseman",
                          "outfielder", "quarterback", "playoff", "champion", "homer", "rbi"})
_DASHES = frozenset({"-", "–", "—", ":"})
# "in Brazil" is the place even in a match report; "lost to England" is the team.
LOCATIVES = frozenset({"in", "at", "from", "near", "across", "inside", "throughout", "within",
                       "around", "outside", "to", "into"})
_LOCATIVE = LOCATIVES - {"to", "into"}  # "lost to England" is the team
_SCORE = re.compile(r"^\d{1,3}$")


@functools.lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names across languages, from the packaged ``given_names.txt``."""
    path = resources.files("factwire.data").joinpath("given_names.txt")
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and not line.startswith("#"))


@functools.lru_cache(maxsize=1)
def first_names() -> frozenset[str]:
    """Lower-cased first names of either packaged table: ``given_names.txt`` and the names of
    ``first_name_genders.tsv`` (built by `make train`; the names a gender is known for)."""
    path = resources.files("factwire.data").joinpath("first_name_genders.tsv")
    with path.open(encoding="utf-8") as handle:
        known = {line.split("\t", 1)[0] for line in handle if line.strip() and not line.startswith("#")}
    return frozenset(known | {name.lower() for name in given_names()})


_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")  # "K.C.", "J."


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" and token.is_title and token.text.replace("-", "").isalpha()


# Letters of a club's or company's name that read as a person's initials ("F.C. Valletta").
CLUB_LETTERS = frozenset({"F.C.", "A.F.C.", "C.F.", "S.C.", "A.C.", "F.K.", "S.K.", "N.V.", "S.A."})


def looks_like_person_name(tokens: Span) -> bool:
    """Two or three capitalised words that start with a known given name or initials and do not
    end with an organisation's or place's word: "Dean Kamen", "K.C. Maurer", not "Jordan Valley"."""
    if not 2 <= len(tokens) <= 3:
        return False
    first, rest = tokens[0], tokens[1:]
    if not (first.text in given_names() or _INITIALS.match(first.text) and first.text not in CLUB_LETTERS):
        return False
    if not all(_name_word(t) for t in rest):
        return False
    last = rest[-1].lower_
    return last not in ORG_HEAD_WORDS and last not in PLACE_HEAD_WORDS and last not in EVENT_WORDS


# Endings of German and Dutch street and square names, written as one word with the name
# ("Petersallee", "Nachtigalplatz", "Manga-Bell-Platz", "Lüderitzstrasse", "Damstraat").
STREET_ENDINGS = ("allee", "platz", "strasse", "straße", "gasse", "straat", "plein", "gracht")


def head_word_label(name: str) -> str | None:
    """"ORG" or "FAC" when the name's last word says what it is, else None."""
    words = name.split()
    if words and len(words[-1]) > 7 and words[-1].lower().endswith(STREET_ENDINGS):
        return "FAC"
    if len(words) < 2:
        return None
    last = words[-1].lower().rstrip(".")
    if last in ORG_HEAD_WORDS or words[0] == "Team":  # "Team Estonia", "Team Sky": a team
        return "ORG"
    if last in PLACE_HEAD_WORDS and "of" not in words:
        return "FAC"  # (not "Friends of Pelham Parkway": a name "X of Y" is an X)
    # (not "center": "Wolstein Center" is a building, but "Woodrow Wilson Center" a think tank
    # and "Crisis Management Centre" an agency)
    return None


def person_context(span: Span) -> bool:
    """A common noun for a person stands right before the name ("designer Halston") or in
    apposition with it ("Paris, an Australian woman", "their child, Gloria")."""
    doc = span.doc
    if span.start > 0:
        before = doc[span.start - 1]
        if before.tag_ in ("NN", "NNS") and before.lemma_.lower() in PERSON_NOUNS and before.head.i in range(span.start, span.end):
            return True
    root = span.root
    if root.dep_ == "appos" and root.head.i < span.start and root.head.tag_ == "NN" \
            and root.head.lemma_.lower() in PERSON_NOUNS:
        return True  # "their nine-month-old child, Gloria"
    if span.end < len(doc) and doc[span.end].text == ",":
        if _age_after(span):
            return True
        return any(child.dep_ == "appos" and child.i > span.end and child.tag_ == "NN"
                   and child.lemma_.lower() in PERSON_NOUNS for child in root.children)
    return False


def _age_after(span: Span) -> bool:
    """A person's age set off by commas after the name, as news gives it ("Jorginho, 26,
    joined", "Mekhi Gbedey, 20, was diagnosed"): bodies and places are given no age so. Not in
    a run of numbers (a list or table: "Apple, 12, Google, 5")."""
    doc = span.doc
    i = span.end + 1
    if i + 1 >= len(doc) or doc[i + 1].text != "," or not re.fullmatch(r"[1-9]\d?|1[01]\d", doc[i].text):
        return False
    after = doc[i + 2] if i + 2 < len(doc) else None
    before = doc[span.start - 1] if span.start else None
    return not (after is not None and after.like_num) and not (before is not None and before.like_num) \
        and (after is None or after.pos_ in ("VERB", "AUX") or after.lower_ in ("who", "from", "of"))


def in_office_title(span: Span) -> bool:
    """The name is part of an office's title: "Home Secretary", "Secretary of State",
    "Undersecretary for Education", "Emeritus Professor"."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in OFFICE_WORDS and doc[span.end].is_title:
        return True
    i = span.start - 1  # only a one-word subject: "Chairman of the Australian Centre ..." is an organisation
    if len(span) == 1 and i >= 1 and doc[i].lower_ == "of" and span[0].lower_ == "state" \
            and doc[i - 1].lower_ in OFFICE_WORDS | {"head"}:
        return True  # "secretary of State", "head of state": the office, whatever the case
    return len(span) == 1 and i >= 1 and doc[i].lower_ in ("of", "for") \
        and doc[i - 1].lower_ in OFFICE_WORDS and doc[i - 1].is_title


def is_post_nominal(span: Span) -> bool:
    """Letters after a comma after a person's name: "Tom Molomby, SC"."""
    doc = span.doc
    return span.text in POST_NOMINALS and span.start >= 2 and doc[span.start - 1].text == "," \
        and doc[span.start - 2].ent_type_ == "PERSON"


_PLACE_IN_NAME = (
    # (words before the place, words after it): "University of Texas", "Colorado State University"
    (("university", "of"), ()),
    ((), ("state", "university")),
    ((), ("police", "department")),
    ((), ("fire", "department")),
    ((), ("independent", "school", "district")),
    ((), ("school", "district")),
    ((), ("city", "council")),
    ((), ("county", "council")),
    ((), ("institute", "of", "technology")),
)


def place_in_org_name(span: Span) -> tuple[int, int] | None:
    """Token range of the place an organisation is named for, by the shape of its name:
    "University of Southern Indiana", "Colorado State University", "Irving Police Department"."""
    if span[0].lower_ == "the":
        span = span[1:]
    lower = [t.lower_ for t in span]
    for before, after in _PLACE_IN_NAME:
        if before and lower[:len(before)] == list(before):
            start = span.start + len(before)
            end = start
            while end < span.end and _name_word(span.doc[end]) and span.doc[end].lower_ not in _NOT_PLACE_WORDS:
                end += 1
            if start < end <= start + 3:
                return start, end
        if after and len(lower) > len(after):
            for k in range(1, len(lower) - len(after) + 1):
                if lower[k:k + len(after)] == list(after):
                    start = span.start + k
                    while start > span.start and _name_word(span.doc[start - 1]):
                        start -= 1
                    if start < span.start + k:
                        return start, span.start + k
                    break
    return None


# Common nouns for made things: a name right after one ("cruise ship Freewinds", "web browser
# Safari", "programming language Python") or with one in apposition ("Freewinds, a cruise ship")
# names a product or a work, not an actor (the kind noun says what the name is, as a person
# noun does for people).
PRODUCT_NOUNS = frozenset({
    "ship", "vessel", "boat", "yacht", "liner", "ferry", "tanker", "submarine", "browser",
    "software", "program", "programme", "language", "framework", "device", "phone", "smartphone",
    "handset", "laptop", "notebook", "computer", "tablet", "console", "game", "car", "vehicle",
    "truck", "aircraft", "airliner", "plane", "jet", "helicopter", "drone", "satellite", "rocket",
    "missile", "drug", "vaccine", "album", "song", "film", "movie", "book", "novel", "painting",
    "sculpture", "opera", "musical", "chip", "processor", "camera", "headset",
    # not "player", "carrier", "platform", "app", "library", "engine": people ("letter carrier
    # Bob Mason"), airlines, and companies are called so too ("platform Twitter")
})
_ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_VERSION = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,2}$")  # "4.0", "3.6.0"


def _edition_number(token: Token) -> bool:
    """A version or edition number: "4.0", "3.6.0", or a small whole number (1 to 20)."""
    return bool(_VERSION.match(token.text)) or (token.text.isdecimal() and 1 <= int(token.text) <= 20)


# Nouns for a religion: a name said to be one names the body of its believers, an organisation.
FAITH_NOUNS = frozenset({"religion", "faith", "church", "denomination", "sect", "cult"})
# Nouns for gods: a god is a character of stories and cults, not a person the news reports.
DEITY_NOUNS = frozenset({"god", "goddess", "deity"})
# Kinds of named things that are no actors: a name said to be one of them ("religions such
# as Wicca", "the god Quetzalcoatl", "languages like Python") names no person, body or place.
NOT_ACTOR_KINDS = PRODUCT_NOUNS | frozenset({
    "language", "sport", "disease", "ideology",
    "theory", "index", "currency", "product", "protocol", "format"}) | DEITY_NOUNS
# (not "platform", "website", "app", "service": companies are called so too, "platform Twitter")


def said_kind(ent: Span) -> str | None:
    """The common noun the text says the name is one of: "religions such as Wicca" (and each
    name coordinated there: "gods such as Zeus, Hera and Poseidon"), "languages like Python",
    "the god Quetzalcoatl" (the noun right before the name and governing... or governed by it)."""
    doc = ent.doc
    root = ent.root
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    head = first.head
    if first.dep_ == "pobj" and (head.lower_ == "as" and (any(c.lower_ == "such" for c in head.children)
                                                         or head.i > 0 and doc[head.i - 1].lower_ == "such")
                                 or head.lower_ == "like"):
        noun = head.head
        if noun.pos_ == "NOUN" and noun.tag_ in ("NNS", "NN"):
            return noun.lemma_.lower()
    if ent.start > 0:
        before = doc[ent.start - 1]
        if before.pos_ == "NOUN" and before.dep_ == "compound" and before.head.i in range(ent.start, ent.end):
            return before.lemma_.lower()
    return None


@_per_doc("product_names")
def product_names(doc: Doc) -> set[str]:
    """Names the article writes as products or works, by how English writes made things:

    - numbered as editions: a version right after the name ("Safari 4.0", "Python 3.6"), or a
      small number after a name the article also writes bare or with another number ("Python
      3" beside "Python 2" or "Python"; "Internet Explorer 6" beside "Internet Explorer 9").
      People and organisations are not numbered so: a number always written with a name is
      part of it ("Ginbot 7", "Channel 4"); a number before a unit is a measure ("Trump 47.3
      percent"), and a person's age is no edition (a name NER calls a person needs a version or
      two numbers: "Python 3" beside "Python 2"); one before or after
      another name is a score ("Pohang 3 Ulsan 2"), and tables and sports reports have scores;
    - called a kind of made thing: a product noun right before the name and governed by it
      ("cruise ship Freewinds"), in apposition right after it ("Freewinds, a cruise ship") or
      as what the name is ("Internet Explorer is the #2 browser").
    """
    found: set[str] = set()
    numbers: dict[str, set[str]] = {}  # name -> the numbers written after it
    bare: set[str] = set()  # names written without a number after them
    not_people: set[str] = set()  # numbered names NER did not call people
    numbered: dict[int, list[str]] = {}  # sentence start -> names numbered in it
    sports = None
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"):
            continue
        if not any(t.pos_ == "PROPN" for t in ent):
            continue
        if _called_a_thing(ent):
            found.add(ent.text)  # "Internet Explorer is the #2 browser"
            continue
        after = doc[ent.end] if ent.end < len(doc) else None
        if after is not None and _edition_number(after) and after.dep_ == "nummod" \
                and (after.head.i in range(ent.start, ent.end)
                     or after.head.lower_ in PRODUCT_NOUNS and after.head == ent.root.head != ent.root) \
                and not ent.text.isupper() and not _score_beside(doc, ent) and not _table_line(ent.sent):
            if sports is None:
                sports = is_sports_report(doc)
            if not sports:  # "Ulsan 2 Pohang 1": a result, not an edition
                numbered.setdefault(ent.sent.start, []).append(ent.text)
                numbers.setdefault(ent.text, set()).add(after.text)
                if ent.label_ != "PERSON":
                    not_people.add(ent.text)
            continue
        if after is None or not after.like_num:
            bare.add(ent.text)
        if len(ent) > 1 and _edition_number(ent[-1]) and ent.label_ not in _ACTOR_LABELS:
            found.add(ent[:-1].text)  # "Windows 7" a group or a product to NER: "Windows" is it too
            continue
        if ent.start > 0:
            before = doc[ent.start - 1]
            if before.tag_ == "NN" and before.lemma_.lower() in PRODUCT_NOUNS \
                    and before.head.i in range(ent.start, ent.end) and before.dep_ == "compound":
                found.add(ent.text)
                continue
        if ent.end + 1 < len(doc) and doc[ent.end].text == "," and ent.label_ != "GPE" \
                and not (ent.root.dep_ == "pobj" and ent.root.head.lower_ in _LOCATIVE):  # "In Florida, a ... program"
            if any(child.dep_ == "appos" and child.left_edge.i == ent.end + 1 and child.tag_ == "NN"
                   and child.lemma_.lower() in PRODUCT_NOUNS for child in ent.root.children):
                found.add(ent.text)
    # a given name or surname of a person the article names in full is that person's
    people_words = {w for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for w in ent.text.split()}
    for names in numbered.values():
        if len(set(names)) != 1 or names[0] in people_words:  # two names numbered in one sentence: results ("Pohang 3 Ulsan 2")
            continue
        name = names[0]
        versions = numbers[name]
        # a person's age follows the name too ("and Barron 9"): a name NER calls a person needs
        # a version or two numbers
        if any("." in n for n in versions) or len(versions) > 1 or (name in bare and name in not_people):
            found.add(name)  # "Safari 4.0"; "Python 3" beside "Python 2"; "Windows 7" beside "Windows"
    return found


# Nouns only a made thing is said to have or be handled by: software and devices have versions,
# editions, users and installers, and a language is spoken or written in; no company, person or
# place has them ("Windows users", "the latest version of Python", "the Python language").
# "Update", "release" and "owner" are left out: companies issue updates and press releases,
# and a company has owners.
THING_ATTRIBUTE_NOUNS = frozenset({"version", "edition", "user", "installer", "installation",
                                   "download", "interpreter", "plugin", "plug-in", "language"})
# Made things and fields a name before them names the kind of ("Mac apps", "Windows machines",
# "the AI industry"). A maker's name stands there too ("Dell laptops"), so these count only
# against what the article says of the name as an actor (see `thing_and_actor_cues`), and a
# place's name before a field never counts ("the Texas industry"; NER types "Mac" a place too).
FIELD_NOUNS = frozenset({"industry", "sector"})
KIND_HEAD_NOUNS = frozenset({"app", "application", "software", "computer", "machine", "pc",
                             "laptop", "device", "camera", "format"}) | FIELD_NOUNS
# (not "photo": "a Reuters photo" is the agency's)
# Verbs whose object is software or a device: one installs, downloads or boots a thing.
THING_VERBS = frozenset({"install", "uninstall", "reinstall", "download", "emulate", "reboot", "boot"})
# Verbs whose object is a tool: what is used is a thing ("people who use WordPress"), unless its
# name says it is a body ("use London Underground": see `head_word_label`).
TOOL_VERBS = frozenset({"use"})
# Words before a name that make it a model of a thing ("the new MacBook Pro", "the latest
# Windows", "the recently released Google Chrome"). Not "old": "54-year-old Bharrat Ramdehol".
EDITION_WORDS = frozenset({"new", "newest", "latest", "original", "updated", "upcoming", "forthcoming",
                           "redesigned", "released", "launched", "unveiled"})
# Of those, what is said of things only, never of people ("the new Ronaldo"): made, not born.
MADE_WORDS = frozenset({"updated", "redesigned", "released", "launched", "unveiled"})
_ARTICLES = frozenset({"a", "an"})
_POSSESSIVE_PRONOUNS = frozenset({"my", "your", "his", "her", "its", "our", "their"})
# Verbs only someone who speaks, decides or acts does: their subject is an actor.
ACTOR_VERBS = frozenset({"say", "tell", "announce", "state", "claim", "argue", "deny", "confirm", "report",
                         "warn", "accuse", "sue", "hire", "acquire", "buy", "purchase", "invest",
                         "agree", "decide", "refuse", "want", "believe", "plan", "promise", "pledge",
                         "urge", "insist", "admit", "negotiate", "employ", "donate", "thank", "respond",
                         "reply", "apologize", "apologise", "object", "welcome", "criticize", "criticise"})
# People and bodies an actor has: "Apple's chief executive", "a Docker employee", "Google spokesman".
ROLE_NOUNS = frozenset({"ceo", "chief", "executive", "spokesman", "spokeswoman", "spokesperson",
                        "chairman", "chairwoman", "president", "founder", "co-founder", "cofounder",
                        "employee", "staff", "staffer", "shareholder", "investor", "board", "lawyer",
                        "official", "director", "boss", "headquarters", "subsidiary", "company",
                        "firm", "startup", "corporation"})


@_per_doc("thing_and_actor_cues")
def thing_and_actor_cues(doc: Doc) -> tuple[dict[str, int], dict[str, int]]:
    """How often the article writes each name as a made thing and as an actor, by syntax.

    A made thing is counted, bought and owned: an article or a possessive before the name ("a
    Mac", "your Mac"), a word of newness or of its model ("the new MacBook Pro", "the recently
    released Google Chrome"); it has versions, editions and users ("Windows users", "the
    latest version of Python"), is a kind of made thing or field ("Mac apps", "the AI
    industry"), is used, installed, downloaded or booted ("install Python"), and runs
    on a platform ("available for Windows", "runs on Linux"). An actor speaks, decides and
    acts (the subject of "said", "announced", "sued", "hired") and has people and offices
    ("Apple's chief executive", "a Docker employee", "the Docker company"). Places are left out:
    "a new Iraq", "our America" are still the country.
    """
    things: dict[str, int] = {}
    actors: dict[str, int] = {}
    for ent in _uses_of_names(doc):
        root = ent.root
        if _made_thing_cue(ent, root):
            things[ent.text] = things.get(ent.text, 0) + 1
        elif _actor_cue(ent, root):
            actors[ent.text] = actors.get(ent.text, 0) + 1
    return things, actors


_CUE_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "FAC", "GPE", "LOC"})


def uses_of_names(doc: Doc) -> list[Span]:
    """Every use of a name NER tagged somewhere in the article (see `_uses_of_names`)."""
    return _uses_of_names(doc)


@_per_doc("_uses_of_names")
def _uses_of_names(doc: Doc) -> list[Span]:
    """Every use of a name NER tagged somewhere in the article, tagged there or not ("IE6" is
    a place once and untagged in "IE6 users"), labelled as NER labelled its first use."""
    names: dict[str, list[tuple[str, ...]]] = {}
    labels: dict[tuple[str, ...], str] = {}
    for ent in doc.ents:
        end = ent.end
        while end - ent.start > 1 and doc[end - 1].is_punct:
            end -= 1  # "MacBook Pro -": NER ran on over a dash
        if ent.label_ in _CUE_LABELS and any(t.pos_ == "PROPN" for t in ent) and end - ent.start <= 6:
            words = tuple(t.text for t in doc[ent.start:end])
            if words not in labels:
                labels[words] = ent.label_
                names.setdefault(words[0], []).append(words)
    uses = []
    i, n = 0, len(doc)
    while i < n:
        found = None
        for words in sorted(names.get(doc[i].text, ()), key=len, reverse=True):
            if i + len(words) <= n and all(doc[i + k].text == w for k, w in enumerate(words)):
                found = words
                break
        if found is None:
            i += 1
            continue
        label = doc[i].ent_type_ if doc[i].ent_type_ in _CUE_LABELS else labels[found]
        uses.append(Span(doc, i, i + len(found), label=label))
        i += len(found)
    return uses


def name_use_counts(doc: Doc) -> dict[str, int]:
    """How often the article writes each name NER tagged somewhere (see `uses_of_names`)."""
    counts: dict[str, int] = {}
    for ent in _uses_of_names(doc):
        counts[ent.text] = counts.get(ent.text, 0) + 1
    return counts


# Prepositions that put something inside or about a place ("in Fort Lee", "across Łódź").
PLACE_PREPOSITIONS = frozenset({"in", "near", "throughout", "across", "outside", "inside", "within"})
# What a place is said to be ("Fort Lee is a city in Bergen County").
PLACE_NOUNS = frozenset({"city", "town", "village", "country", "region", "island", "state", "province",
                         "capital", "county", "district", "neighborhood", "neighbourhood", "suburb",
                         "municipality", "port", "borough", "settlement", "archipelago"})


@_per_doc("place_cues")
def place_cues(doc: Doc) -> dict[str, int]:
    """How often the article writes each name as a place: something is in, near or across it,
    or it is said to be a city, a town or an island ("Fort Lee is a city in Bergen County")."""
    found: dict[str, int] = {}
    for ent in _uses_of_names(doc):
        root = ent.root
        head = root.head
        placed = root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS
        if not placed and root.dep_ == "nsubj" and head.lemma_ == "be":
            placed = any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in head.children)
        if not placed and root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in ("locate", "situate"):
            placed = True
        if placed:
            found[ent.text] = found.get(ent.text, 0) + 1
    return found


# Nouns for a part of a place or for what only a place has: "the capital of Isfahan Province",
# "the eastern point of Guadeloupe", "the mayor of Oakland", "the streets of Tulsa". A body has
# offices and members, not a coast, a capital or suburbs.
PLACE_PART_NOUNS = frozenset({
    "capital", "outskirts", "suburb", "coast", "coastline", "shore", "map", "mainland", "interior",
    "countryside", "downtown", "street", "neighborhood", "neighbourhood", "district", "village",
    "town", "city", "province", "region", "north", "south", "east", "west", "northeast", "northwest",
    "southeast", "southwest", "tip", "point", "border", "resident", "inhabitant", "native", "mayor",
    "climate", "population", "landscape", "skyline", "harbour", "harbor", "port", "desert", "diocese"})
# Verbs of where one lives: what one lives, settles, is born or grows up "in" is a place
# ("settled in Trier"); one works or invests "in" a company, never lives in it.
RESIDE_VERBS = frozenset({"live", "settle", "reside", "bear", "grow", "dwell", "emigrate", "immigrate",
                          "relocate", "retire"})
# Nouns of a kind of place a name is written beside: "the Pláka district", "the village
# Djilapaor", "a quarter called Jolfa". (Not "state" or "capital": "Kansas State", "Apple capital".)
_KIND_OF_PLACE_NOUNS = frozenset({"city", "town", "village", "hamlet", "island", "province", "county",
                                  "district", "neighborhood", "neighbourhood", "suburb", "municipality",
                                  "borough", "quarter", "region", "settlement", "archipelago", "parish"})
# Of those, what a place is said to have ("Socotra has an arid climate", "Tulsa has a mayor"):
# not a capital, a map or a point, which companies and people have too.
_HAD_BY_PLACES = frozenset({"climate", "coast", "coastline", "shore", "population", "mayor", "inhabitant",
                            "skyline", "landscape", "countryside", "mainland", "downtown", "suburb",
                            "outskirts", "harbour", "harbor"})
# Words of a compass point that make a place of the name after them ("North Oakland").
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "downtown", "old", "greater", "upper", "lower"})
# The points of the compass, by which a place is said to lie from another ("south of Tulsa").
_COMPASS_POINTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                             "southwest"})
# Prepositions of a way somewhere: what one travels to, from or via is a place ("travelled to
# Gaul", "flights from Sana'a via Al Mukalla"), when the word they hang on is one of travel.
_ROUTE_PREPOSITIONS = frozenset({"to", "from", "via", "into", "toward", "towards"})
# Verbs and nouns of travel. One is sent or writes "to" a person, and moves "to" a company, so
# only going, flying or sailing somewhere counts (not "move", "return", "go back to").
TRAVEL_VERBS = frozenset({"travel", "fly", "sail", "drive", "journey", "emigrate", "immigrate",
                          "migrate", "flee", "commute", "voyage", "trek", "hike", "cruise"})
TRAVEL_NOUNS = frozenset({"flight", "trip", "journey", "voyage", "route", "road", "highway", "ferry",
                          "train", "bus", "drive", "ride", "cruise", "crossing", "pilgrimage", "expedition"})


def _travelled(word) -> bool:
    """The word a route's preposition hangs on is one of travel ("travelled to", "flights via")."""
    lemma = word.lemma_.lower()
    return word.pos_ == "VERB" and lemma in TRAVEL_VERBS or word.pos_ == "NOUN" and lemma in TRAVEL_NOUNS


def _first_conjunct(token):
    """The first of coordinated words, whose attachment the others share ("in Tempe and Mesa")."""
    first = token
    while first.dep_ == "conj" and first.head is not first and first.head.pos_ == "PROPN":
        first = first.head
    if any(t.like_num for t in token.doc[min(first.i, token.i):max(first.i, token.i)]):
        return token  # a table's line, "Detroit 10 Kansas City 3", is no list of names
    return first


# Verbs whose subject is placed: "Isfahan is located on ...", "the river flows through X".
_PLACED_VERBS = frozenset({"locate", "situate", "border", "lie"})


def place_uses(doc: Doc) -> dict[str, int]:
    """How often the article writes each name as a place, by what English says only of places:
    something is in, near or across it ("in Isfahan"); it is a city, an island or a region, or
    located somewhere ("Guadeloupe is an island", "Isfahan is located on"); it has a capital, a
    coast, streets, residents or a mayor ("the capital of X", "the eastern point of X"); or a
    compass word before it names a part of it ("North Oakland", "West Oakland").

    A name after "the" is left out of the "in" cue: bodies are "in the Senate", "in the party";
    cities and islands take no article.
    """
    return {name: n for name, (n, _) in place_use_kinds(doc).items()}


@_per_doc("place_use_kinds")
def place_use_kinds(doc: Doc) -> dict[str, tuple[int, int]]:
    """Per name, the place uses (see `place_uses`) and how many of them are more than a
    preposition: software and bodies are "in" things too ("run in Docker"), but have no
    capital, no coast, no climate and no north, are not located or called a city, nobody lives
    or is born in them, travels to them or flies via them, and nothing lies south of them.
    Names coordinated with a placed name share its use ("in Tempe and Mesa")."""
    found: dict[str, int] = {}
    strong: dict[str, int] = {}
    sports = is_sports_report(doc)  # (its lists are of teams: "Bristol Rovers v Stockport, Bury v ...")
    for ent in _uses_of_names(doc):
        # "the cities of Scottsdale, Tempe and Mesa": each is one
        root = ent.root if sports else _first_conjunct(ent.root)
        head = root.head
        bare = ent.start == 0 or doc[ent.start - 1].lower_ != "the"
        placed = bare and root.dep_ == "pobj" and head.lower_ in PLACE_PREPOSITIONS
        # (one lives, settles or is born "in" a place: more than a preposition, counted below)
        if placed and not (head.lower_ == "in" and head.head.lemma_ in RESIDE_VERBS and head.head.pos_ == "VERB"):
            found[ent.text] = found.get(ent.text, 0) + 1
            continue
        if bare and root.dep_ == "pobj" and head.lower_ in _ROUTE_PREPOSITIONS:
            placed = _travelled(head.head)  # "travelled to Gaul", "flights via Al Mukalla"
        if not placed and bare and root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in _COMPASS_POINTS:
            placed = True  # "South of Rockridge", "northeast of Temescal"
        if not placed and bare and root.dep_ in ("dobj", "attr", "nsubj") and head.lemma_ == "lie" \
                and root.i > head.i and any(c.dep_ == "prep" and c.i < head.i for c in head.children):
            placed = True  # "near the border lies Rockridge": what lies somewhere, named after the verb
        if not placed and bare and ent.end < len(doc) and doc[ent.end].text == "," and any(
                c.dep_ == "appos" and c.i > root.i and c.is_lower and c.lemma_ in PLACE_NOUNS
                and any(d.dep_ == "det" for d in c.children) for c in root.children):
            placed = True  # "Rockridge, a neighborhood mixed with ..."
        if not placed and bare and root.dep_ == "compound" and head.is_lower and head.lemma_ in _KIND_OF_PLACE_NOUNS:
            placed = True  # "the Thissio and Pláka districts", "Isfahan province"
        if not placed and ent.start > 0 and doc[ent.start - 1].is_lower \
                and doc[ent.start - 1].lemma_ in _KIND_OF_PLACE_NOUNS and ent.start > 1 \
                and doc[ent.start - 2].lower_ in ("the", "a", "an"):
            placed = True  # "from the village Djilapaor"
        if not placed and root.dep_ == "oprd" and head.lemma_ in ("call", "name") \
                and head.head.lemma_.lower() in _KIND_OF_PLACE_NOUNS:
            placed = True  # "an Armenian Quarter called Jolfa"
        if not placed and root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
            placed = any(c.dep_ == "attr" and c.lemma_.lower() in PLACE_NOUNS for c in head.children)
        if not placed and root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ in _PLACED_VERBS:
            placed = True
        if not placed and bare and root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN" \
                and head.head.lemma_.lower() in PLACE_PART_NOUNS | PLACE_NOUNS:
            placed = True  # "the capital of X", "the main island of Utu Vava'u"
        if not placed and root.dep_ == "nsubj" and head.lemma_ == "have" and any(
                c.dep_ == "dobj" and c.lemma_.lower() in _HAD_BY_PLACES for c in head.children):
            placed = True  # "Vava'u has a tropical climate"
        if not placed and root.dep_ == "poss" and head.pos_ == "NOUN" and head.lemma_.lower() in PLACE_PART_NOUNS:
            placed = True  # "Socotra's arid climate", "Oakland's streets"
        if not placed and root.dep_ in ("nsubj", "nsubjpass") and head.lemma_ == "be":
            placed = any(c.dep_ == "attr" and c.lemma_.lower() in ("destination", "archipelago", "peninsula")
                         for c in head.children)  # "Socotra is a perfect destination"
        if placed:
            found[ent.text] = found.get(ent.text, 0) + 1
            strong[ent.text] = strong.get(ent.text, 0) + 1
    for ent in entities(doc):  # "North Oakland": the name after the compass word is a place
        if ent.label_ in ("GPE", "LOC") and len(ent) >= 2 and ent[0].lower_ in COMPASS_WORDS:
            rest = ent[1:].text
            found[rest] = found.get(rest, 0) + 1
            strong[rest] = strong.get(rest, 0) + 1
    return {name: (n, strong.get(name, 0)) for name, n in found.items()}


# What only a person has: kin, a birth, a death, a life written down ("Byron's memoirs").
PERSON_ONLY_NOUNS = frozenset({
    "wife", "husband", "son", "daughter", "mother", "father", "brother", "sister", "widow", "widower",
    "parents", "girlfriend", "boyfriend", "grandfather", "grandmother", "uncle", "aunt", "nephew",
    "niece", "cousin", "birth", "death", "funeral", "childhood", "boyhood", "girlhood", "marriage",
    "memoir", "memoirs", "autobiography", "biography", "grave", "deathbed"})
# (not "birthday": "Wikipedia's 19th birthday")
# Verbs only a person is the subject of.
PERSON_ONLY_VERBS = frozenset({"die", "marry", "bear"})  # "was born"
_GENDERED_POSSESSIVES = frozenset({"his", "her", "himself", "herself"})
# Verbs of reporting: their subject tells of another's ("Reuters reported his death").
_REPORT_VERBS = frozenset({"say", "tell", "report", "announce", "confirm", "deny", "claim", "state",
                           "reveal", "write", "publish", "note", "add", "explain"})
# What a body has and a person has not: staff, shareholders, a headquarters, subsidiaries.
ORGANISATION_ONLY_NOUNS = frozenset({"employee", "staff", "staffer", "shareholder", "subsidiary",
                                     "headquarters", "board", "ceo", "spokesman", "spokeswoman",
                                     "spokesperson", "member", "members", "stock", "shares", "share"})


@_per_doc("person_and_body_uses")
def person_and_body_uses(doc: Doc) -> tuple[dict[str, int], dict[str, int]]:
    """How often the article writes each name as a person's and as a body's, by what English
    says only of one of them.

    A person is "he" or "she": the subject of a clause whose object is "his" or "her" thing
    (a possessive: "her" as an object is someone else, "Radar Online calling her skinny")
    ("Byron received his early education", "Jobs has not mentioned what prompted his
    decision"); a person has kin, a birth, a death and memoirs ("Byron's memoirs"), is born,
    dies and marries. A body is "it" and has staff, shareholders, members and a headquarters
    ("Apple's shareholders", "a Docker employee"). Verbs of reporting are left out: "Reuters
    reported his death" tells of someone else.
    """
    people: dict[str, int] = {}
    bodies: dict[str, int] = {}
    for ent in _uses_of_names(doc):
        root, head = ent.root, ent.root.head
        person = body = False
        if root.dep_ in ("poss", "compound") and head.pos_ == "NOUN":
            lemma = head.lemma_.lower()
            person = root.dep_ == "poss" and (lemma in PERSON_ONLY_NOUNS or head.lower_ in PERSON_ONLY_NOUNS)
            body = lemma in ORGANISATION_ONLY_NOUNS or head.lower_ in ORGANISATION_ONLY_NOUNS
        elif root.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            if head.lemma_ in PERSON_ONLY_VERBS and (head.lemma_ != "bear" or root.dep_ == "nsubjpass"):
                person = True
            elif head.lemma_ not in _REPORT_VERBS:
                # "his"/"her" in the verb's clause ("In his keynote, Jobs announced"), or after the
                # name in a clause below with no subject of its own ("Jobs has not mentioned what
                # prompted his decision", "will continue to steer the company from his position")
                person = any(t.lower_ in _GENDERED_POSSESSIVES and not ent.start <= t.i < ent.end
                             and (t.dep_ == "poss" and t.head.pos_ == "NOUN" or t.lower_ in ("himself", "herself"))
                             and _own_reference(t, head, ent.end) for t in head.subtree)
        if person:
            people[ent.text] = people.get(ent.text, 0) + 1
        elif body:
            bodies[ent.text] = bodies.get(ent.text, 0) + 1
    return people, bodies


# What only a company has, of the nouns a name owns or is "of": shares and a share price,
# shareholders, subsidiaries, a chief executive ("Broadcom's shares", "shares of Splunk", "the
# chief executive of Lockheed Martin", "a subsidiary of Activision Blizzard"). Not staff, a
# spokesman, a board or employees: a person has those too ("Trump's spokesman").
# ("shares" only: a person has a share of the vote.)
COMPANY_ONLY_NOUNS = frozenset({"shares", "stock", "stocks", "shareholder", "shareholders", "stockholder",
                                "stockholders", "subsidiary", "subsidiaries", "ceo"})
# Verbs whose object is a company only (a person is not acquired, merged or taken over, save a
# player in a sports report), and the nouns of the same acts ("the takeover of X").
TAKEOVER_VERBS = frozenset({"acquire"})
TAKEOVER_NOUNS = frozenset({"acquisition", "takeover", "buyout"})
# Verbs whose subject and object are companies when the other side is one: "Broadcom agreed to
# buy VMware", "X will merge with Y".
DEAL_VERBS = frozenset({"acquire", "buy", "purchase", "merge"})
# Verbs of reporting and acting a coordination of companies is the subject of ("Pfizer and
# BioNTech said").
_GROUP_SUBJECT_VERBS = ACTOR_VERBS | DEAL_VERBS | {"sign", "launch", "develop", "partner", "team"}


def _chief_executive(token: Token) -> bool:
    """"CEO", or "executive" with "chief" before it: a company's head."""
    lemma = token.lemma_.lower()
    return lemma in ("ceo", "c.e.o.") or lemma == "executive" and any(
        c.lower_ == "chief" for c in token.children) or lemma == "executive" and token.i > 0 \
        and token.doc[token.i - 1].lower_ == "chief"


def company_cue(root: Token) -> bool:
    """The name headed by ``root`` stands where English puts only a company: its shares move,
    it has shareholders, a subsidiary or a chief executive, or is "of" them ("Broadcom's shares rose",
    "shares of Splunk", "the CEO of Lockheed Martin"); it is acquired or taken over ("agreed to
    acquire Activision Blizzard", "the takeover of Splunk"). Sports reports are left out: a club
    acquires players."""
    head = root.head
    if root.dep_ in ("poss", "compound") and head.pos_ == "NOUN" and head.i > root.i:
        if head.lower_ in ("shares", "stock", "stocks"):
            # a person holds shares too ("Zhang's shares in the firm were sold"): only a
            # company's shares trade and move ("Splunk's shares rose 21%")
            return head.dep_ == "nsubj" and head.head.lemma_ in MOVE_VERBS | {"trade", "open"}
        if head.lower_ in COMPANY_ONLY_NOUNS or _chief_executive(head):
            return True  # "Splunk shareholders", "Apple's chief executive"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.pos_ == "NOUN":
        noun = head.head
        lemma = noun.lemma_.lower()
        if noun.lower_ in COMPANY_ONLY_NOUNS or _chief_executive(noun):
            return True  # "shares of Splunk", "the chief executive of Lockheed Martin"
        if lemma in TAKEOVER_NOUNS and not is_sports_report(root.doc):
            return True  # "the takeover of Splunk"
    if root.dep_ in ("dobj", "nsubjpass") and head.pos_ == "VERB" and head.lemma_ in TAKEOVER_VERBS \
            and not is_sports_report(root.doc):
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in root.children):  # "acquire a Chardin": a work
            return True  # "agreed to acquire Activision Blizzard", "Splunk was acquired"
    if root.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_ in ("merge", "merger"):
        return True  # "merge with Time Warner"
    return False


def conjuncts(token: Token) -> list[Token]:
    """The words coordinated with ``token`` ("Pfizer and BioNTech", "Gigabyte, MSI, Asus"),
    itself left out."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    group = [first, *(t for t in first.subtree if t.dep_ == "conj" and _conj_of(t, first))]
    return [t for t in group if t.i != token.i] if len(group) > 1 else []


def group_subject_of_actor_verb(token: Token) -> bool:
    """The coordination ``token`` is in is the subject of a verb of saying, deciding or dealing
    ("Pfizer and BioNTech said", "Gigabyte and Asus agreed")."""
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ == "nsubj" and first.head.pos_ == "VERB" and first.head.lemma_ in _GROUP_SUBJECT_VERBS


def deal_sides(token: Token) -> list[Token]:
    """The other side of a verb of buying or merging whose subject or object ``token`` is ("X
    agreed to buy Y": Y for X and X for Y), through the verb of wanting or agreeing a subject
    shares with it."""
    head = token.head
    if token.dep_ == "nsubj":
        verbs = [head] + [c for c in head.children if c.dep_ == "xcomp"]
        return [c for v in verbs if v.lemma_ in DEAL_VERBS and v.pos_ == "VERB"
                for c in v.children if c.dep_ == "dobj" or c.dep_ == "prep" and c.lower_ == "with"
                for c in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
    if token.dep_ == "dobj" and head.lemma_ in DEAL_VERBS and head.pos_ == "VERB":
        verb = head
        while verb.dep_ == "xcomp" and verb.head.i != verb.i:
            verb = verb.head
        return [c for c in verb.children if c.dep_ == "nsubj"] + [c for c in head.children if c.dep_ == "nsubj"]
    return []


def _clause_verb(token: Token) -> Token:
    """The verb of the clause a token is in: its nearest verb ancestor."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _own_reference(pronoun: Token, verb: Token, after: int) -> bool:
    """The pronoun in ``verb``'s subtree refers back to that verb's subject: it is in the
    verb's own clause, or after the subject in clauses below that name no subject of their own
    but a relative or interrogative word ("what prompted his decision")."""
    clause = _clause_verb(pronoun)
    if clause == verb:
        return True
    if pronoun.i < after:
        return False
    while clause != verb and clause.head.i != clause.i:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WP", "WDT") for c in clause.children):
            return False
        clause = _clause_verb(clause)
    return clause == verb


def _made_thing_cue(ent: Span, root: Token) -> bool:
    doc = ent.doc
    place = ent.label_ in ("GPE", "LOC")  # only what no place has: versions, users, installing
    if not place and root.dep_ not in ("compound", "poss") and ent.start > 0 and root.pos_ == "PROPN":
        # the name heads its noun phrase: what stands before it is said of the name itself
        before = doc[ent.start - 1]
        if before.head == root and before.dep_ in ("amod", "acl") \
                and before.lower_ in (MADE_WORDS if ent.label_ == "PERSON" else EDITION_WORDS):
            return True  # "the new MacBook Pro", "the recently released Google Chrome"
        if ent.label_ != "PERSON" and len(ent) == 1 and before.head == root and (
                before.dep_ == "det" and before.lower_ in _ARTICLES
                or before.dep_ == "poss" and before.lower_ in _POSSESSIVE_PRONOUNS):
            return True  # "a Mac", "your Mac" (not a person, "a Kennedy", nor a body: "a Future
            # British Standards Coalition is launched")
    head = root.head
    if root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.lemma_.lower() in THING_ATTRIBUTE_NOUNS:
        return True  # "Windows users", "Python interpreter"
    if root.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and head.lemma_.lower() in KIND_HEAD_NOUNS \
            and not (place and head.lemma_.lower() in FIELD_NOUNS):
        return True  # "Mac apps", "Windows machines", "the AI industry" (not "the Texas industry")
    if not place and ent.label_ != "NORP" and root.dep_ == "dobj" and head.lemma_.lower() in TOOL_VERBS:
        return True  # "people who use WordPress"
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in THING_ATTRIBUTE_NOUNS \
            and not (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
        return True  # "a version of Python" (not "a tougher version of the Commission")
    if root.dep_ == "dobj" and head.lemma_.lower() in THING_VERBS:
        return True  # "install Python"
    if not place and root.dep_ == "appos" and _kind_of_thing(head):
        return True  # "a computer (Mac and Windows)"
    if not place and root.dep_ == "pobj" and head.lower_ in ("on", "for") and ent.label_ != "PERSON":
        governor = head.head
        lemma = governor.lemma_.lower()
        if lemma in ("available", "compatible") or lemma in THING_VERBS \
                or lemma == "run" and head.lower_ == "on":
            return True  # "available for Windows", "runs on Windows" (not "run for Senate")
    return False


def _actor_cue(ent: Span, root: Token) -> bool:
    head = root.head
    if root.dep_ == "nsubj" and head.pos_ == "VERB" and head.lemma_.lower() in ACTOR_VERBS:
        return True  # "SDK announced"
    if root.dep_ in ("poss", "compound") and head.pos_ == "NOUN" and head.lemma_.lower() in ROLE_NOUNS:
        return True  # "Apple's chief executive", "Google spokesman", "the Docker company"
    if root.dep_ == "appos" and head.lemma_.lower() in ("company", "firm", "startup", "corporation"):
        return True  # "Japanese company Showa Denko"
    return False


def coordinated_with_things(doc: Doc, things: set[str], actor_cues: dict[str, int]) -> set[str]:
    """Names joined by "and", "or" or a comma to a made thing: one of the same kind.

    English coordinates like with like ("Mac and Windows", "Firefox and Google Chrome",
    "Windows, Linux, or another operating system"): a name in a coordination with a thing (a
    name of ``things``, a use NER labels a product, a name styled as one, "iMac", or "other"
    things of a kind: "Safari, Opera and other browsers") is a thing too,
    unless the article writes it as an actor somewhere (``actor_cues``). Places are left out
    ("Mac sales in Japan and Europe").
    """
    by_token = {t.i: ent for ent in doc.ents for t in ent}
    found: set[str] = set()
    seen: set[int] = set()
    for token in doc:
        if token.dep_ != "conj" or token.head.i in seen:
            continue
        first = token.head
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        group = [first, *(t for t in first.subtree if t.dep_ == "conj" and _conj_of(t, first))]
        seen.update(t.i for t in group)
        if len(group) < 2:
            continue
        members = [(t, by_token.get(t.i)) for t in group]
        thingly = any(
            (ent is not None and (ent.text in things or ent.label_ == "PRODUCT" or is_product_name(ent.text)))
            or (ent is None and _kind_of_thing(t) and any(c.lower_ in ("other", "another") for c in t.children))
            for t, ent in members)
        if not thingly:
            continue
        for t, ent in members:
            if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "FAC") and ent.root == t \
                    and not actor_cues.get(ent.text):
                found.add(ent.text)
    return found


def _kind_of_thing(token: Token) -> bool:
    """A common noun for a kind of made thing: "browser", "another operating system"."""
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in PRODUCT_NOUNS
                                     or lemma == "system" and any(c.lower_ == "operating" for c in token.children))


def _conj_of(token: Token, first: Token) -> bool:
    """The token is a conjunct of ``first`` through a chain of conjuncts only."""
    while token.dep_ == "conj" and token.i != first.i:
        token = token.head
    return token.i == first.i


def _called_a_thing(ent: Span) -> bool:
    """The name is the subject of "be" whose complement is a kind of made thing: "Internet
    Explorer is the #2 browser", "... is one of the most successful software products"."""
    root = ent.root
    if root.dep_ != "nsubj" or root.head.lemma_ != "be":
        return False
    for attr in root.head.children:
        if attr.dep_ != "attr":
            continue
        if attr.tag_ == "NN" and attr.lemma_.lower() in PRODUCT_NOUNS:
            return True
        if attr.lower_ == "one":  # "one of the ... products"
            for prep in attr.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    if any(obj.dep_ == "pobj" and obj.lemma_.lower() in PRODUCT_NOUNS | {"product"}
                           for obj in prep.children):
                        return True
    return False


def _near_token(doc: Doc, i: int, step: int) -> Token | None:
    """The first token from ``i`` on in direction ``step`` that is not white space."""
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


def _score_beside(doc: Doc, ent: Span) -> bool:
    """A score around a numbered name: a dash, a number or another name after the number, or a
    number before the name ("Pohang 3 Ulsan 2", "DETROIT 4 Kansas City 1", "3-1")."""
    after = _near_token(doc, ent.end + 1, 1)
    before = _near_token(doc, ent.start - 1, -1)
    return (after is not None and (after.text in _DASHES or after.like_num or after.pos_ == "PROPN")) \
        or (before is not None and before.like_num)


def _table_line(sent: Span) -> bool:
    """A sentence a third or more of whose words are numbers: a table, a scorecard."""
    words = [t for t in sent if not t.is_space and not t.is_punct]
    return sum(1 for t in words if any(c.isdigit() for c in t.text)) * 3 >= len(words)


def inside_product_name(ent: Span) -> bool:
    """The name is the tail of a product's name whose first word NER left out, a word styled
    like a product ("Music Store" of "iTunes Music Store")."""
    if ent.start == 0:
        return False
    before = ent.doc[ent.start - 1]
    return is_product_name(before.text) and before.head.i in range(ent.start, ent.end)


def trim_unit(ent: Span) -> Span:
    """The entity less a unit NER took in after a number: "GB iPod" of "30GB iPod"."""
    doc = ent.doc
    if len(ent) > 1 and ent[0].text in UNITS and ent.start > 0 and doc[ent.start - 1].like_num:
        return Span(doc, ent.start + 1, ent.end, label=ent.label)
    return ent


# Words that open an English sentence as an adverb, a conjunction or a preposition: closed
# classes, lower-case inside a sentence. Capitalised at a sentence's start, NER glues them to the
# name that follows ("Afterwards Penny went home", "Meanwhile Angela Merkel met"). Left out are
# words that also open names ("Per Gessle", "Via Rail", "Beyond Meat", "Under Armour", "Will").
SENTENCE_OPENERS = frozenset({
    "afterwards", "afterward", "meanwhile", "however", "then", "also", "still", "thus", "hence",
    "now", "so", "yet", "nevertheless", "nonetheless", "otherwise", "moreover", "furthermore",
    "besides", "instead", "later", "earlier", "today", "yesterday", "tonight", "unlike", "like",
    "despite", "although", "though", "while", "whilst", "since", "until", "after", "before",
    "during", "when", "whereas", "because", "if", "unless", "but", "and", "or", "nor", "perhaps",
    "again", "already", "always", "never", "often", "sometimes", "finally", "eventually",
    "initially", "recently", "previously", "separately", "similarly", "additionally",
    "ultimately", "currently", "soon", "among", "amongst", "within", "without", "upon", "towards",
    "toward", "against", "as", "for", "with", "from", "by", "of", "in", "on", "at", "to", "into",
    "about", "through", "throughout", "across", "between", "according", "beneath", "underneath",
    "behind", "amid", "amidst", "alongside",
    # auxiliaries that open a question or an inverted condition ("Had Klein known", "Did Smith")
    "had", "has", "have", "did", "does", "was", "were", "is", "are", "should", "would", "could",
    "might", "must", "shall"})


def trim_sentence_opener(ent: Span, known: Callable[[str], bool]) -> Span:
    """The entity less an adverb, conjunction or preposition that opens its sentence ("Penny" of
    "Afterwards Penny"), unless the whole is a name the article writes inside a sentence too or
    ``known`` knows it (the alias table)."""
    doc = ent.doc
    first = ent[0]
    if (len(ent) < 2 or not first.is_sent_start or not first.is_title
            or first.lower_ not in SENTENCE_OPENERS or not ent[1].text[:1].isupper() or known(ent.text)):
        return ent
    text = doc.text
    at = text.find(ent.text)
    while at >= 0:
        if at != ent.start_char:
            return ent  # written elsewhere whole: a name that opens so
        at = text.find(ent.text, at + 1)
    return Span(doc, ent.start + 1, ent.end, label=ent.label)


# Last words of names that are a gathering when the text places something at it or in time: the
# same words also name bodies ("Organisation of the Islamic Conference", "Big Ten Conference").
GATHERING_WORDS = frozenset({"conference", "summit", "convention"})


def is_gathering(ent: Span) -> bool:
    """A conference, summit or convention the text treats as a time and place: something
    happens at or during it ("revealed at the company's annual Worldwide Developers
    Conference", "at Worldwide Developers Conference 2010"), or it is annual or numbered."""
    words = ent.text.split()
    if len(words) < 2 or words[-1].lower() not in GATHERING_WORDS:
        return False
    root, doc = ent.root, ent.doc
    if root.dep_ == "pobj" and root.head.lower_ in ("at", "during"):
        return True
    if ent.end < len(doc) and doc[ent.end].like_num and len(doc[ent.end].text) == 4:
        return True  # "Worldwide Developers Conference 2010"
    return any(t.lower_ == "annual" or t.tag_ == "JJ" and t.ent_type_ == "ORDINAL"
               for t in doc[max(0, ent.start - 3):ent.start])


# Words an abbreviation skips when it spells a phrase's initials ("soil moisture and ocean
# salinity (SMOS)", "Department of Energy (DOE)").
_ABBREVIATION_SKIPS = frozenset({"and", "of", "the", "for", "in", "on", "to", "&", "-", "a", "an"})


@_per_doc("term_abbreviations")
def term_abbreviations(doc: Doc) -> frozenset[str]:
    """Abbreviations the article defines for a common noun phrase: "ground reaction force
    (GRF)", "initial public offering (IPO)", "sea surface salinity (SSS)".

    English capitalises names, not terms: an abbreviation whose letters are the initials of
    the lower-case words right before its bracket abbreviates a term, and names no actor
    wherever the article uses it (NER types such letters an organisation). The abbreviation
    of a capitalised name ("European Space Agency (ESA)") is left to the name.
    """
    found = set()
    words = token_texts(doc)
    for i in range(1, len(words) - 2):
        if words[i] != "(" or words[i + 2] != ")":
            continue
        abbreviation = words[i + 1]
        letters = [c.lower() for c in abbreviation if c.isupper() or c.isdigit()]
        if not 2 <= len(letters) <= 6 or not abbreviation[:1].isupper():
            continue
        initials: list[str] = []
        j = i - 1
        lower = True
        while j >= 0 and len(initials) < len(letters):
            word = words[j]
            if word.lower() in _ABBREVIATION_SKIPS and initials:
                j -= 1
                continue
            if not word[:1].isalpha():
                break
            initials.insert(0, word[0].lower())
            lower = lower and word.islower()
            j -= 1
        if initials == letters and lower:
            found.add(abbreviation)
    return frozenset(found)


_COMMON_NOUN_DETERMINERS = frozenset({"a", "an", "another", "every", "each", "any", "no"})


@_per_doc("common_noun_abbreviations")
def common_noun_abbreviations(doc: Doc) -> frozenset[str]:
    """Capitals the article uses as a common noun: the head of a phrase after "a", "another",
    "each" or "no" ("a PAC", "a super PAC", "an EP"). English puts no article "a" before a body's
    name it heads, so the letters name a kind (a political action committee), no actor,
    wherever the article writes them alone."""
    found, bare = set(), set()
    for token in doc:
        text = token.text
        if not (2 <= len(text) <= 5 and text.isupper() and text.isalpha()) or token.i == 0:
            continue
        if token.dep_ == "compound" or token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper():
            continue  # "an NRA member", "the AFL CIO": the letters qualify or open a name
        # (a noun before the capitals names the kind they are the name of: "organisation TED";
        # an adjective alone may be the parser's misreading: "the ongoing ASUU ( ... ) strike")
        if any(child.dep_ == "det" and child.lower_ in _COMMON_NOUN_DETERMINERS and child.i < token.i
               for child in token.children):
            found.add(text)
        elif token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "poss") and not any(
                c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children):
            bare.add(text)
    # A name the article also writes bare, as a name is written ("at HP", "HP's spokesman"),
    # is a body's even after "a" and an adjective: "a desperate HP asked workers", "a resurgent
    # GE" describe the body at a moment (a kind is never written bare: "a super PAC", "the PAC")
    return frozenset(found - bare)


# Words after a name that make it a market index's ("the Nasdaq composite", "the S&P 500
# index", "Dow futures"): a number a market computes, not a body that acts.
INDEX_WORDS = frozenset({"index", "indexes", "indices", "composite", "average", "futures"})
# Verbs of a price's move: an index rises and falls by points or per cent.
MOVE_VERBS = frozenset({"rise", "fall", "gain", "lose", "drop", "climb", "slip", "slide", "jump",
                        "surge", "tumble", "plunge", "close", "end", "finish", "add", "shed", "edge",
                        "dip", "rally", "sink", "soar", "reach", "decline", "advance", "retreat"})
_MOVE_UNITS = frozenset({"point", "points", "%", "percent", "per", "pct"})


def is_index_use(span: Span, is_index: Callable[[str], bool] = lambda name: False) -> bool:
    """This use of a name is a market index's, by how English writes an index:

    - an index word after the name, a number between ("the Nasdaq composite", "the S&P 500
      index", "the Standard & Poor's 500 Index");
    - the name and the number after it form an index's name ``is_index`` knows ("S&P" + "500");
    - after "the", it is the subject of a price's move by points or per cent ("the Nasdaq was
      up almost 5%", "the S&P fell 9.48 points"): a company's shares move, the company does not
      take "the" ("Apple fell 2%" is left as it is).
    """
    doc = span.doc
    i = span.end
    if i < len(doc) and doc[i].lower_ in ("'s", "’s"):
        i += 1  # "Standard & Poor" + "'s 500 index"
    while i < len(doc) and doc[i].like_num and i - span.end < 2:
        i += 1
    if i < len(doc) and doc[i].lower_ in INDEX_WORDS:
        return True
    if i > span.end and doc[i - 1].like_num and is_index(f"{span.text}{doc[span.end:i].text_with_ws}".strip()
                                                         if doc[span.end].lower_ in ("'s", "’s")
                                                         else f"{span.text} {doc[span.end:i].text}"):
        return True
    if span.start == 0 or doc[span.start - 1].lower_ != "the":
        return False
    root = span.root
    verb = root.head
    if root.dep_ != "nsubj":
        return False
    moved = verb.lemma_ in MOVE_VERBS or verb.lemma_ == "be" and any(
        c.lower_ in ("up", "down", "higher", "lower", "flat") for c in verb.children)
    return moved and any(t.lower_ in _MOVE_UNITS for t in verb.subtree if t.i >= span.end)


_YEAR = re.compile(r"^(?:1[5-9]|20)\d\d[a-z]?$")
# Words a citation opens with or joins names by, which are no part of a name.
_CITATION_WORDS = frozenset({"see", "e.g.", "e.g", "eg", "cf.", "cf", "for", "example", "also", "and",
                             "&", ",", "in", "i.e.", "et", "al", "al.", "ibid", "ibid."})
_NAME_PARTICLES = frozenset({"de", "van", "von", "del", "der", "da", "di", "la", "le", "du", "dos", "y"})


@_per_doc("citation_authors")
def citation_authors(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the authors' names in author–year citations, as scholarly English cites
    a work: "(Bassène, 2007)", "(Lewis, Simons, & Fennig, 2014; Milekic 2010)", "Navarro's
    (2016) analyses", "Carrano & Biewener (2011)", "Binderman et al., 2005". A name cited so
    is a person's, whatever NER typed it."""
    words = token_texts(doc)
    n = len(words)
    found: list[tuple[int, int]] = []
    i = 0
    while i < n:
        if words[i] != "(":
            i += 1
            continue
        close = next((j for j in range(i + 1, min(n, i + 80)) if words[j] in (")", "(")), None)
        if close is None or words[close] != ")":
            i += 1
            continue
        if close == i + 2 and _YEAR.match(words[i + 1]):
            found.extend(_names_before(doc, i))  # "Navarro's (2016)"
        else:
            start = i + 1
            for j in range(i + 1, close + 1):
                if words[j] in (";", ")"):
                    years = [k for k in range(start, j) if _YEAR.match(words[k])]
                    if years:
                        found.extend(_name_runs(doc, start, years[0]))
                    start = j + 1
        i = close + 1
    return found


def _name_runs(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Runs of capitalised words between ``start`` and ``end``, cut at commas, "&" and "and"."""
    runs, run_start = [], None
    for k in range(start, end + 1):
        token = doc[k] if k < end else None
        word_ok = token is not None and (token.is_title and token.is_alpha or token.text == "-"
                                         or "-" in token.text and token.text[:1].isupper()
                                         or token.lower_ in _NAME_PARTICLES and run_start is not None)
        if word_ok and token.lower_ not in _CITATION_WORDS:
            if run_start is None:
                run_start = k
            continue
        if run_start is not None:
            runs.append((run_start, k))
            run_start = None
    return [(a, b) for a, b in runs if _author_name(doc[a:b])]


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _author_name(span: Span) -> bool:
    """A cited author's name: one or two capitalised words (particles aside: "van der
    Maaten"), a proper noun among them, no month or common word ("(Nov 2008)", "(The 2020
    map)"). A longer name is a body's ("World Meteorological Organization, 2023")."""
    words = [t for t in span if t.lower_ not in _NAME_PARTICLES and t.text != "-"]
    return 1 <= len(words) <= 2 and span[-1].lower_ not in _NAME_PARTICLES \
        and any(t.pos_ == "PROPN" for t in words) \
        and not any(t.is_stop or t.lower_.rstrip(".") in _MONTHS for t in words)


def _names_before(doc: Doc, bracket: int) -> list[tuple[int, int]]:
    """The names right before "(year)": "Navarro's (2016)", "Carrano & Biewener (2011)",
    "Binderman et al. (2005)"."""
    k = bracket - 1
    if k >= 0 and doc[k].lower_ in ("'s", "’s"):
        k -= 1
    if k >= 1 and doc[k].lower_ in ("al.", "al") and doc[k - 1].lower_ == "et":
        k -= 2
    end = k + 1
    while k >= 0 and (doc[k].is_title and doc[k].is_alpha or "-" in doc[k].text and doc[k].text[:1].isupper()) \
            and end - k <= 3:
        k -= 1
    if k + 1 >= end or not _author_name(doc[k + 1:end]):
        return []
    found = [(k + 1, end)]
    if k >= 1 and doc[k].lower_ in ("&", "and"):
        found.extend(_name_runs(doc, max(0, k - 3), k)[-1:])  # "Carrano" of "Carrano & Biewener"
    return found


# Common nouns for a polity that English capitalises when they name one country ("the State
# will have to find new resources", "the Union army", "the Confederacy", "our Nation").
POLITY_WORDS = frozenset({"state", "nation", "union", "confederacy", "republic",
                          "kingdom", "empire", "realm"})
# (not "Commonwealth": "a Commonwealth country" is the Commonwealth of Nations, a body)


def names_a_polity(name: str) -> bool:
    """A capitalised one-word polity noun: "State", "Nation", "Union", "Confederacy"."""
    return " " not in name and name[:1].isupper() and name.lower() in POLITY_WORDS


def is_heading(ent: Span) -> bool:
    """The name is a whole line by itself, a heading or a title ("Previous Research",
    "LIMITATIONS", "Creamy Sweet Chocolate Peanut Butter Balls"), and has no verb: a heading
    names a section or a dish, not who acts. (A heading that names an actor the article writes
    elsewhere is met again in its text.)"""
    doc = ent.doc
    i = ent.start - 1
    while i >= 0 and doc[i].is_space and "\n" not in doc[i].text:
        i -= 1
    if i >= 0 and not (doc[i].is_space and "\n" in doc[i].text) and doc[i].text != "\n":
        return False
    j = ent.end
    while j < len(doc) and (doc[j].is_punct and doc[j].text not in ("(", "[") or doc[j].is_space and "\n" not in doc[j].text):
        j += 1
    return j == len(doc) or doc[j].is_space and "\n" in doc[j].text


def is_dateline(ent: Span) -> bool:
    """The name is a news dateline: capitals at the start of a paragraph, before a dash or a
    comma and a region then a dash ("KHAN YOUNIS, Gaza Strip —", "DUBAI —"). A dateline names
    the place the story was filed from."""
    doc = ent.doc
    letters = [c for c in ent.text if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return False
    before = doc[ent.start - 1] if ent.start else None
    if before is not None and not (before.is_space and "\n" in before.text) and before.text not in ("\n",):
        return False
    for token in doc[ent.end:ent.end + 8]:
        if token.text in ("—", "–", "-", "--"):
            return True
        if not (token.text in (",", ".", "(", ")") or token.is_title or token.is_upper):
            return False
    return False


def is_section_label(ent: Span) -> bool:
    """Capitals before a dash at a paragraph's start that are common words the article writes
    lower-case too ("ARRESTS – Chad Hull, 37, ...", "WEATHER —"): a section's label, as police
    logs and briefs set them, no dateline's place and no actor. A place's name is never written
    lower-case ("TAYLORVILLE —" stays a dateline)."""
    if not is_dateline(ent) or len(ent) > 2:
        return False
    doc = ent.doc
    lower = {t.lower_ for t in doc if t.is_alpha and t.text.islower()}
    lemmas = {t.lemma_ for t in doc if t.is_alpha and t.text.islower()}
    for token in ent:
        word = token.lower_
        forms = {word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word}
        if not token.is_alpha or not (word in lower or forms & lemmas):
            return False
    return True


_REGION_ADJECTIVES = frozenset({"northern", "southern", "eastern", "western", "central", "middle", "far",
                                "near", "south", "north", "east", "west", "northeastern", "northwestern",
                                "southeastern", "southwestern", "midwestern"})


def not_a_people(ent: Span, name: str) -> bool:
    """A word NER typed a nationality or a people that names none: one with a lower-case part
    ("Windows-only", "non-Covid", "pan-Asian"); a region's adjective ("Southern", "Middle
    Eastern"); an adjective made of a person's name the article writes ("Trumpian" beside
    "Trump"); or a common word capitalised only where it opens a sentence or in a title, which
    the article also writes lower-case ("Partisans" beside "partisan")."""
    pieces = [p for p in (re.sub(r"[^\w]", "", p) for p in re.split(r"[\s-]+", name)) if p.isalpha()]
    if any(p.islower() for p in pieces):
        return True
    if not pieces:
        return False
    if all(p.lower() in _REGION_ADJECTIVES for p in pieces):
        return True
    if len(pieces) != 1:
        return False
    doc = ent.doc
    lowered = name.lower()
    if lowered.endswith(("ian", "ean", "esque")):
        stems = {name[:-3], name[:-5], name[:-1]}  # "Trump-ian", "Stallman-esque", "Victoria-n"
        # of a person the article names by a given name and a surname ("Donald Trump"), not a
        # faith's founder's ("Jesus Christ": Christians are a people)
        surnames = {e[-1].text for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and e[0].text in given_names()}
        if stems & surnames:
            return True
    lower = lower_case_words(doc)
    forms = {lowered, lowered[:-1] if lowered.endswith("s") else lowered}
    if not forms & lower:
        return False
    return all(t.is_sent_start or in_title_case(t.sent) for t in doc if t.text == name)


# Endings that make an adjective of a name ("EEG-based", "US-led", "state-owned").
_ADJECTIVE_ENDINGS = ("-based", "-led", "-backed", "-owned", "-funded", "-born", "-run", "-style",
                      "-like", "-era", "-made", "-bound", "-linked", "-focused", "-sponsored", "-area", "-wide",
                      "-mediated", "-brokered", "-held", "-controlled", "-occupied", "-allied", "-affiliated",
                      "-supported", "-dominated", "-trained", "-armed", "-registered", "-flagged", "-headquartered")


def is_adjective_of_name(name: str) -> bool:
    """A name with an adjective's ending: "EEG-based", "Iranian-backed"; no actor."""
    return name.lower().endswith(_ADJECTIVE_ENDINGS)


def mixes_scripts(name: str) -> bool:
    """A word spelled in two alphabets at once, Latin and Cyrillic or Greek look-alikes
    ("Аdvеrtіѕе", "Веlіzе"): text disguised from filters, never a name as written."""
    for word in name.split():
        scripts = {unicodedata.name(c, "?").split()[0] for c in word if c.isalpha()}
        if len(scripts & {"LATIN", "CYRILLIC", "GREEK"}) > 1:
            return True
    return False


def is_event_name(name: str) -> bool:
    """A multi-word name whose last word names an event ("Worldwide Developers Fair")."""
    words = name.split()
    return len(words) > 1 and words[-1].lower() in EVENT_WORDS


_PRODUCT = re.compile(r"^[a-z]{1,2}[A-Z]")


def is_product_name(name: str) -> bool:
    """Product names styled with a lowercase prefix ("iPod", "iPhone Classic")."""
    return bool(_PRODUCT.match(name))


def is_acronym_of(acronym: str, name: str) -> bool:
    """Whether an all-capitals word abbreviates a name by its capitalised words' initials
    ("ECB" of "European Central Bank", "M5S" of "Movimento 5 Stelle")."""
    if len(acronym) < 2 or not acronym[0].isupper() or acronym.lower() == acronym:
        return False
    initials = "".join(w[0] for w in name.split() if w[0].isupper() or w[0].isdigit())
    letters = [c for c in acronym if c.isupper() or c.isdigit()]
    return len(letters) >= 2 and "".join(letters) == initials[:len(letters)] and len(letters) >= len(initials) - 1


_NAME_END_WORDS = ORG_HEAD_WORDS | PLACE_HEAD_WORDS | {"county", "hospital", "clinic", "school", "city"}


def trim_symbols(ent: Span) -> Span:
    """The entity less marks before or after its words: a name starts and ends with a letter
    or a digit, and a bullet, dash or star NER took in ("• Embiid", "* Nic Batum") is the
    page's layout, not the name. A name NER ended at a hyphen joined to a word it left untagged
    ends after that word ("Miami-" of "Miami-Dade")."""
    start, end = ent.start, ent.end
    doc = ent.doc
    if end < len(doc) and doc[end - 1].text == "-" and not doc[end - 1].whitespace_ and doc[end].is_alpha \
            and doc[end].is_title and not doc[end].ent_type_:
        end += 1  # "Miami-" + "Dade": a word goes on past its hyphen
        # and on to a body's or place's word NER left out with it ("Youssef Al-" + "Najjar Hospital")
        for more in range(end + 1, min(end + 3, len(doc)) + 1):
            words = doc[end:more]
            if any(not t.is_title or t.ent_type_ or not t.whitespace_ and t.i < more - 1 for t in words):
                break
            if words[-1].lower_ in _NAME_END_WORDS:
                end = more
                break
    while end - start > 1 and not any(c.isalnum() for c in ent.doc[start].text):
        start += 1
    while end - start > 1 and not any(c.isalnum() for c in ent.doc[end - 1].text) \
            and ent.doc[end - 1].text not in (".", ")"):
        end -= 1
    return ent if (start, end) == (ent.start, ent.end) else Span(ent.doc, start, end, label=ent.label)


def trim_caption(ent: Span) -> Span:
    """The entity less a trailing credit word: "Washington D.C. Image" -> "Washington D.C."."""
    end = ent.end
    while end - ent.start > 1 and ent.doc[end - 1].lower_ in CAPTION_WORDS and (
            end == len(ent.doc) or ent.doc[end].text in (":", ".", "\n") or ent.doc[end].is_space):
        end -= 1
    return ent if end == ent.end else Span(ent.doc, ent.start, end, label=ent.label)


def _beside_score(doc: Doc, start: int, end: int) -> bool:
    """A score touches the name: "Sweden 1 – 0 Korea Republic", "Belgium 3 – 0 Panama"."""
    after = [t.text for t in doc[end:end + 3]]
    before = [t.text for t in doc[max(0, start - 3):start]]
    return (len(after) == 3 and _SCORE.match(after[0]) and after[1] in _DASHES and _SCORE.match(after[2])) \
        or (len(before) == 3 and _SCORE.match(before[0]) and before[1] in _DASHES and _SCORE.match(before[2]))


def _in_match_role(span: Span) -> bool:
    """The name is the subject or object of a match verb, or follows "against"/"for" a goal."""
    root = span.root
    if root.dep_ in ("nsubj", "dobj", "nsubjpass", "conj") and root.head.lemma_ in MATCH_VERBS:
        return True
    if root.dep_ == "conj":  # "Sweden, Belgium, England win"
        first = root.head
        while first.dep_ == "conj":
            first = first.head
        return first.dep_ == "nsubj" and first.head.lemma_ in MATCH_VERBS
    return root.dep_ == "pobj" and root.head.lower_ == "against"


def is_sports_report(doc: Doc) -> bool:
    """Whether the article reads as a sports report (a cheap count over lemmas)."""
    seen = set()
    for token in doc:
        if token.lemma_.lower() in SPORTS_WORDS:
            seen.add(token.lemma_.lower())
            if len(seen) >= 3:
                return True
    return False


def team_spans(doc: Doc, country_spans: list[Span]) -> set[int]:
    """Indices of the country mentions that name a sports team in a match report.

    A country is a team when a score sits beside it or it plays a match verb's subject/object
    ("Belgium defeated Panama"). Once two such uses are seen in a sports report, every mention
    of those countries counts as the team except where it is plainly a place ("in Brazil").
    """
    if len(country_spans) < 2:
        return set()
    signals = [i for i, span in enumerate(country_spans)
               if _beside_score(doc, span.start, span.end) or _in_match_role(span)]
    if len(signals) < 2 or not is_sports_report(doc):
        return set()
    teams = {country_spans[i].text for i in signals}
    team_words = {word for team in teams for word in team.split()}
    out = set()
    for i, span in enumerate(country_spans):
        root = span.root
        if i in signals:
            out.add(i)
        elif (span.text in teams or span.text in team_words) \
                and not (root.dep_ == "pobj" and root.head.lower_ in _LOCATIVE):
            out.add(i)  # "Korea" after "South Korea" and "Korea Republic" played
    return out


# Dependencies of a subject: a verb that has one is a clause's predicate, not a command.
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# What follows a verb used as a command ("Cook the quinoa", "Bake for 20 minutes"): its
# object's determiner, a preposition or a particle; a name is followed by its verb, or, in
# tables and results, by its numbers ("Pohang 3 Ulsan 2").
_AFTER_COMMAND = frozenset({"DET", "ADP", "PRON", "PART"})


def is_command_verb(ent: Span) -> bool:
    """One capitalised word that opens its sentence as a command ("Cook the quinoa.", "Serve and
    enjoy!"): the parse's root, with no subject, read as a verb or followed by its object or
    preposition. Instructions (recipes, manuals, how-tos) open sentences with the bare verb; a
    person's or a body's name that opens a sentence is its subject or stands alone."""
    if len(ent) != 1:
        return False
    token = ent[0]
    doc = ent.doc
    opens = token.is_sent_start or (token.i > 0 and doc[token.i - 1].like_num and doc[token.i - 1].is_sent_start)
    if not opens or token.dep_ != "ROOT" or any(child.dep_ in _SUBJECTS for child in token.children):
        return False
    following = doc[token.i + 1] if token.i + 1 < token.sent.end else None
    if following is None or following.is_punct or following.like_num or not token.is_title:
        return False  # a word alone ("Marcie" signing a letter), a table's row, a dateline
    if token.pos_ == "VERB":
        return True
    return following.pos_ in _AFTER_COMMAND and following.head.i == token.i


# Nouns that introduce a word as a word ("the word Tiger", "the term Geofence"): what follows is
# language talked about, no one acting.
WORD_NOUNS = frozenset({"word", "words", "term", "terms", "phrase", "expression", "spelling", "noun",
                        "verb", "adjective", "suffix", "prefix", "acronym", "abbreviation"})
_QUOTES = frozenset({'"', "'", "“", "‘", "«"})


_OPENING_QUOTES = frozenset({'"', "“", "‘", "'", "«"})
_CLOSING_QUOTES = frozenset({'"', "”", "’", "'", "»"})


def is_quoted_title(ent: Span) -> bool:
    """A name between quotation marks and nothing else: the title of a work or a nickname, as
    English sets them ("Will Trump Write His Own ‘Mein Kampf’?", "a memoir, “My Struggle”"),
    not a person or body named as an actor (a quoted remark holds more than a name)."""
    doc = ent.doc
    if ent.label_ not in ("PERSON", "ORG") or ent.start == 0 or ent.end >= len(doc):
        return False
    before, after = doc[ent.start - 1], doc[ent.end]
    return before.text in _OPENING_QUOTES and after.text in _CLOSING_QUOTES \
        and not before.whitespace_ and not doc[ent.end - 1].whitespace_


def is_word_mentioned(ent: Span) -> bool:
    """A name written as a word under discussion: "the word Tiger", "the term 'Geofence'"."""
    doc = ent.doc
    i = ent.start - 1
    if i >= 0 and doc[i].text in _QUOTES:
        i -= 1
    return i >= 0 and doc[i].lower_ in WORD_NOUNS and ent.label_ in ("PERSON", "ORG", "GPE", "LOC", "NORP")


def opens_sentence(token: Token) -> bool:
    """The token is capitalised by its place: a sentence's, a numbered step's or a list item's
    first word, or the first word after a colon. Its capital says nothing of a name."""
    if token.is_sent_start:
        return True
    if token.i == 0:
        return True
    before = token.doc[token.i - 1]
    return before.text in (":", "•", "-", "–", "—") or (before.like_num and before.is_sent_start)


# How a page's furniture line opens: a byline or a credit ("By Jane Doe", "Written by: Jane
# Doe", "Courtesy of Forests News"), a share or follow bar ("Follow us: Google News | Reddit").
FURNITURE_OPENERS = ("by", "written by", "words by", "story by", "text by", "reporting by",
                     "additional reporting by", "edited by", "posted by", "published by",
                     "photo by", "photos by", "photograph by", "image by", "images by",
                     "illustration by", "courtesy of", "follow us", "follow", "share", "share this",
                     "share on", "subscribe", "subscribe to")
_OPENERS_LONGEST_FIRST = tuple(sorted(FURNITURE_OPENERS, key=len, reverse=True))
# What separates the items of a menu, a share bar or a tag list on one line.
_ITEM_SEPARATORS = ("|", "•", "·", "»")


_SHARE_WORDS = frozenset({"share", "follow"})


def _in_share_bar(ent: Span) -> bool:
    """The name is one of a run of three or more capitalised names right after "Share" or
    "Follow", run into the text where a page's lines were joined ("Share Facebook Twitter
    WhatsApp Email Telegram A senior official said"): the share bar's buttons."""
    doc = ent.doc
    i = ent.start
    while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].is_alpha and doc[i - 1].lower_ not in _SHARE_WORDS \
            and ent.start - i < 8:
        i -= 1
    if i == 0 or doc[i - 1].lower_ not in _SHARE_WORDS or not doc[i - 1].text[:1].isupper():
        return False
    j = ent.end
    while j < len(doc) and doc[j].text[:1].isupper() and doc[j].is_alpha and j - ent.end < 8:
        j += 1
    return j - i >= 3


def on_page_furniture(ent: Span) -> bool:
    """The name stands on a line of page furniture: a byline or credit, a menu, share bar or tag
    list of names ("Google News | Reddit | Facebook"), or a field's label ("Release Date:"),
    and the line says nothing (no verb past its opening). Who wrote, shot or shares a story
    is no actor of it, and a label names no one."""
    doc = ent.doc
    if _in_share_bar(ent):
        return True
    text = text_of(doc)
    start = text.rfind("\n", 0, ent.start_char) + 1
    end = text.find("\n", ent.end_char)
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or len(line) > 160:
        return False
    lowered = line.lower()
    opener = next((o for o in _OPENERS_LONGEST_FIRST
                   if lowered.startswith(o) and lowered[len(o):len(o) + 1] in (" ", ":")), None)
    listed = any(sep in line for sep in _ITEM_SEPARATORS)
    line_start = start + (len(text[start:end]) - len(text[start:end].lstrip()))
    label = line.endswith(":") and ent.start_char <= line_start and ent.end_char >= line_start + len(line.rstrip(": ")) - 1
    if opener is None and not listed and not label:
        return False
    span = doc.char_span(line_start + (len(opener) if opener else 0), line_start + len(line),
                         alignment_mode="expand")
    if span is None:
        return False
    return not any(t.pos_ in ("VERB", "AUX") and t.i not in range(ent.start, ent.end) for t in span)


@_per_doc("lower_words")
def lower_case_words(doc: Doc) -> frozenset[str]:
    """Every word the article writes in lower case: its common words."""
    return frozenset(w for w in token_texts(doc) if w.islower())


# Last words of institutions' names that NER may type a person ("Shifa Hospital"): a body or
# a place, typed elsewhere, never a phrase to drop.
INSTITUTION_WORDS = frozenset({"hospital", "school", "clinic", "church", "prison", "court", "academy",
                               "center", "centre", "library", "market", "theatre", "theater",
                               "observatory", "zoo", "arena", "mosque", "temple"})


def is_common_noun_phrase(ent: Span, name: str) -> bool:
    """A name of two or more capitalised words whose head, the last word, the article writes as
    a common noun elsewhere, and whose first word is no first name: a phrase capitalised as a
    heading, a product or a list item ("Plain Flour" beside "the flour", "Bed Sheets" beside
    "sheets"), not a person's name. English writes a person's surname in lower case only
    when it is also a word, and then the name opens with a first name ("Bill Powers")."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words) or words[0].lower() in first_names():
        return False
    if head_word_label(name) is not None or words[0].lower() in _POSSESSIVE_PRONOUNS \
            or words[-1].lower() in INSTITUTION_WORDS:
        return False  # "Socotra Hotel", "Main Plaza": a place or a body its last word says; "Your Honor"
    head = words[-1].lower()
    lower = lower_case_words(ent.doc)
    if not (head in lower or (head.endswith("s") and head[:-1] in lower) or head + "s" in lower):
        return False
    # a name the article repeats or makes act is a body NER typed a person ("Patriot Coal")
    return text_of(ent.doc).count(name) <= 2 and name not in names_as_subjects(ent.doc)


_FUNCTION_WORDS = frozenset({"of", "and", "the", "&", "in", "for", "on", "to", "a", "an", "at", "with"})


@_per_doc("subject_names")
def names_as_subjects(doc: Doc) -> frozenset[str]:
    """Names the article makes the subject of a verb somewhere: names that act."""
    return frozenset(ent.text for ent in entities(doc) if ent.root.dep_ == "nsubj" and ent.root.head.pos_ == "VERB")


def is_common_words_body(ent: Span, name: str) -> bool:
    """A name typed an organisation in a title, heading or caption, whose every word the article
    also writes in lower case, and which does nothing in the article: a capitalised phrase of
    common words ("Second Language Research", "Spacetime Diagram", "Location of the Data"), not
    a body. Bodies named with common words have a word that says what they are ("Party",
    "Council"), act ("Human Rights Watch said"), or are met again in the text's prose."""
    words = [w for w in name.split() if w.lower() not in _FUNCTION_WORDS]
    if len(words) < 2 or not all(w[:1].isupper() and w[1:].islower() for w in words):
        return False
    if head_word_label(name) is not None:
        return False
    lower = lower_case_words(ent.doc)
    if not all(w.lower() in lower or (w.lower().endswith("s") and w.lower()[:-1] in lower) for w in words):
        return False
    if name in names_as_subjects(ent.doc) or ent.text in names_as_subjects(ent.doc):
        return False
    return in_title_case(ent.sent)


def in_title_case(sent: Span) -> bool:
    """A title, a heading or a caption: most content words of the sentence are capitalised."""
    words = [t.text for t in sent if t.is_alpha and t.lower_ not in _FUNCTION_WORDS]
    return len(words) >= 2 and sum(1 for w in words if w[0].isupper()) * 5 >= len(words) * 4


def is_counted_unit(ent: Span) -> bool:
    """Capital letters counted by the number before them, and heading no noun after them
    ("3 RBI", "between 15 - 25 CUC"): a unit or a statistic, not a body ("10 NFL teams" is
    NFL's teams, and stays)."""
    if len(ent) != 1 or ent.start == 0:
        return False
    token = ent[0]
    letters = [c for c in token.text if c.isalpha()]
    if not 2 <= len(letters) <= 5 or not all(c.isupper() for c in letters):
        return False
    doc = ent.doc
    if not doc[ent.start - 1].like_num or _table_line(ent.sent):
        return False  # in a table of results, "LG 2 OB 0", the letters are a team
    following = doc[ent.end] if ent.end < len(doc) else None
    return following is None or following.pos_ not in ("NOUN", "PROPN")


# Plural nouns whose list names the variants of a made thing ("two colors: Black and White",
# "four variations (Rye, Buttered, White and Burnt)"): each item is a variant, no actor.
VARIANT_NOUNS = frozenset({"color", "colour", "flavor", "flavour", "shade", "size", "finish",
                           "variation", "variant", "scent", "fragrance", "colorway", "colourway"})


def listed_variant(ent: Span) -> bool:
    """The name is an item of a list introduced by a kind of variant and a colon or a bracket
    ("It comes in two colors: Black (2 GHz model only) and White")."""
    doc = ent.doc
    start = ent.sent.start
    i = ent.start - 1
    while i > start and i >= ent.start - 15:
        text = doc[i].text
        if text in (".", ";", "!", "?"):
            return False
        if text in (":", "(") and doc[i - 1].pos_ == "NOUN" and doc[i - 1].lemma_.lower() in VARIANT_NOUNS:
            return True
        i -= 1
    return False


def is_code_name(ent: Span) -> bool:
    """The text calls the name a code name ("Tiger, the code name for this release", "codenamed
    Tiger"): the name of a product or a project in the making, no actor."""
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and (child.lemma_.lower() in ("codename", "code-name")
                                      or child.lemma_.lower() == "name" and any(
                                          c.lower_ == "code" for c in child.children)):
            return True
    head = root.head
    return root.dep_ in ("oprd", "dobj", "attr", "npadvmod") and head.lemma_.lower() in ("codename", "code-name")
