"""Cheap rules over one parsed article that correct the statistical NER's actor mentions.

Each rule reads tokens, labels and the dependency parse already computed by spaCy; none runs
another pass of the model or a regular expression over the whole text.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from factwire.extract.amounts import ISO_CODES

# Codes NER mistakes for organisations: currencies ("$99 (USD)"), time zones, units ("60 GB").
TIME_ZONES = frozenset({"UTC", "GMT", "BST", "CET", "CEST", "EET", "EEST", "WET", "EST", "EDT",
                        "CST", "CDT", "MST", "MDT", "PST", "PDT", "AEST", "AEDT", "JST", "KST",
                        "IST", "HKT", "SGT", "MSK"})
UNITS = frozenset({"KB", "MB", "GB", "TB", "PB", "GHz", "MHz", "kHz", "Hz", "mph", "kph", "km",
                   "kg", "mm", "cm", "kW", "MW", "GW", "kWh", "MWh", "GWh", "TWh", "bpd"})
NOT_ACTORS = frozenset(ISO_CODES) | TIME_ZONES | UNITS

# Last words of names of events, which are not actors ("Google Science Fair", "Fan Expo").
EVENT_WORDS = frozenset({"fair", "expo", "festival", "olympics", "games", "cup", "championship",
                         "championships", "awards", "marathon", "tournament", "open", "prix",
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
                          "captain", "points", "group", "debutant", "qualifier", "inning"})
_DASHES = frozenset({"-", "–", "—", ":"})
# "in Brazil" is the place even in a match report; "lost to England" is the team.
_LOCATIVE = frozenset({"in", "at", "from", "near", "across", "inside", "throughout", "within",
                       "around", "outside"})
_SCORE = re.compile(r"^\d{1,3}$")


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
