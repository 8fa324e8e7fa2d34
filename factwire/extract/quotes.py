"""Direct quotes and who said them.

A quote is text between straight or curly double quotation marks that reads as speech: a few
words at least, and not a title, a slogan or a sign ("the song “Born in the U.S.A.”", "a sign
reading “...”", a Title Case phrase with no sentence punctuation).

Its speaker is picked among the noun phrases around it (the sentence before and the one after,
the quote's own sentence, never a word inside a quotation) by a small linear model trained on
PolNeAR's attribution annotations (`factwire.training.quote_speakers`, weights in
``factwire/data/quote_speakers.json``): its features say on which side of the quote a phrase
stands and how far, its grammatical role, whether it is the subject of an attribution verb (a
lexicon read from PolNeAR's cues), whether that verb governs the quote (so a partial quote
inside an indirect quote keeps that quote's speaker), and whether the phrase is a name, a
pronoun or a common noun. A quote whose best phrase scores too low goes on with the speaker of
the quote just before when the two are consecutive (one speech in several paragraphs).

A pronoun speaker ("he said") is the last person named before it outside quotations, as a reader
resolves it; ``speaker_text`` keeps the words the article uses.
"""

from __future__ import annotations

import bisect
import functools
import json
import math
import re
from pathlib import Path
from typing import Iterator

from spacy.tokens import Doc, Token

from factwire.budget import check
from factwire.extract import gender
from factwire.extract.actors import TITLES
from factwire.extract.syntax import MentionIndex, sentences, text_of, token_starts

MIN_QUOTE_WORDS = 4
# A direct quotation is at most a few paragraphs: a longer stretch between quotation marks is a
# stray mark, not a quote.
MAX_QUOTE_CHARS = 5000
# Opening mark -> (closing mark, whether the quote may span a line break).
_MARKS = {"“": ("”", True), '"': ('"', False), "«": ("»", True)}
MODEL_PATH = Path(__file__).resolve().parents[1] / "data" / "quote_speakers.json"
# Characters that border a table's cells in text taken from a page.
CELL_BORDERS = frozenset({"|", "||", "¦"})
# Noun phrases looked at on each side of a quote, nearest first.
MAX_CANDIDATES_PER_SIDE = 8
PERSON_PRONOUNS = {"he", "she", "i", "we", "they", "him", "her"}
# Pronouns for an unnamed speaker ("said someone at the meeting", "wrote another").
SOMEONE = {"someone", "somebody", "another", "others"}
# How far back a pronoun speaker looks for a person named as a subject (else the last person
# named), and how far back "it" looks for an organisation.
SUBJECT_WINDOW_CHARS = 1500
NAMED_WINDOW_CHARS = 5000  # and how far for any person named (a bound on the cost too)
RESOLVE_IT_CHARS = 600
# Words right before a quotation that make it a title, a slogan or a sign, not speech ("called"
# and "named" are left out: "which he called “a cartel”" is a partial quote; the names they
# introduce are Title Case).
_TITLE_CUE = re.compile(
    r"\b(?:titled|entitled|headlined|hashtag|slogan|song|album|book|film|movie|show|series|sign|"
    r"signs|banner|banners|placard|placards|shirts?|hats?|reading|read|motto|tagline|headline|"
    r"seeing|saw|watching|watched|exhibitions?|exhibits?|podcast|episode|play|documentary|"
    r"novel|poem|painting|sculpture|installation|article|commentary|column|op-ed|essay|editorial|"
    # a work named after what was done with it: "her performance of “Ne partez pas sans moi”"
    r"(?:performance|rendition|cover|recording|version|remix|staging|production|screening)\s+of)"
    r"[\s,:]*$", re.IGNORECASE)
_SENTENCE_PUNCTUATION = re.compile(r"[.!?,;:…]$")
_ABBREVIATION_END = re.compile(r"(?:\b[A-Z]\.){2,}$")  # "Born in the U.S.A."
# A short quotation that is a whole utterance (see `opens_sentence`).
MIN_UTTERANCE_WORDS = 2
_UTTERANCE_END = re.compile(r"[,.!?…]$")
_SENTENCE_BEFORE = re.compile(r"(?:^|\n|[.!?:][”\"’)]?\s+)\s*$")
_SMALL_WORDS = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by",
                "from", "is", "it", "as", "but", "nor", "vs", "vs.", "de", "la", "le"}


def _quote_spans(text: str) -> Iterator[tuple[int, int, int, int]]:
    """(outer start, outer end, inner start, inner end) of each quotation, left to right: an
    opening mark, at least two characters, and the first closing mark after them (a straight
    quote within its line). Linear in the text: each mark is found by bisection in the sorted
    positions of its closing mark, so a text made of quotation marks costs no more than prose."""
    positions: dict[str, list[int]] = {}
    for mark in {"“", "”", '"', "«", "»", "\n"}:
        positions[mark] = [m.start() for m in re.finditer(re.escape(mark), text)]
    breaks = positions["\n"]
    openings = sorted([p for mark in _MARKS for p in positions[mark]] + _wrong_way_openings(text, positions))
    resume = 0
    for start in openings:
        if start < resume:
            continue
        closing, multiline = _MARKS.get(text[start], ("”", False))  # "”" opening a line: see below
        b = bisect.bisect_left(breaks, start)
        line_end = breaks[b] if b < len(breaks) else len(text)
        ends = positions[closing]
        at = bisect.bisect_left(ends, start + 1)
        end = ends[at] if at < len(ends) else None
        if not multiline and (end is None or end > line_end):
            # A straight opening mark closed by a curly one on its line: pages mix the two.
            # (not a curly mark that closes a curly opening one after it: '"He said “No.”')
            curly = positions["”"]
            c = bisect.bisect_left(curly, start + 1)
            end = curly[c] if c < len(curly) and curly[c] < line_end else None
            if end is not None and "“" in text[start:end]:
                end = None
        if end is None:
            continue
        if closing != text[start] and (start + 1 >= len(text) or text[start + 1].isspace()):
            # A curly opening mark stands against the word it opens: one followed by a space is
            # a stray mark (a table cell holding one, a closing mark typed the wrong way round).
            continue
        if end - start < 3 or end - start - 1 > MAX_QUOTE_CHARS:
            continue
        resume = end + 1
        yield start, end + 1, start + 1, end


def _wrong_way_openings(text: str, positions: dict[str, list[int]]) -> list[int]:
    """Closing marks that open a paragraph: typed the wrong way round ("”Mr. Trump embodies ...”
    ― Sonya Herridge"), they open a quotation when another closes it on the same line."""
    found = []
    closings, breaks = positions["”"], positions["\n"]
    for i, at in enumerate(closings):
        b = bisect.bisect_left(breaks, at)  # the line's ends by bisection: linear in the text
        line_start = breaks[b - 1] + 1 if b else 0
        line_end = breaks[b] if b < len(breaks) else len(text)
        if text[line_start:at].strip() or at + 1 >= line_end:
            continue
        if i + 1 < len(closings) and closings[i + 1] < line_end:
            found.append(at)
    return found


def _open_paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraphs of a speech that runs over paragraphs: each opens with a quotation mark and
    has none after it, and the next paragraph opens with one too (news writing closes only the
    last paragraph of a long quotation)."""
    found = []
    for m in re.finditer(r'(?m)^[ \t]*["“][^"“”\n]*$', text):
        following = text[m.end():m.end() + 8].lstrip()
        if following[:1] in ('"', "“"):
            found.append((m.start(), m.end()))
    return found


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint spans covering the same characters."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def is_title(text: str, outer_start: int, inner: str) -> bool:
    """Whether a quotation is a title, a name or a slogan rather than speech: words before it
    that say so ("a song titled", "signs reading"), or a short phrase in Title Case (every word
    but the small ones capitalised) with no sentence punctuation, as titles of songs, books and
    shows are written."""
    cue = _TITLE_CUE.search(text[max(0, outer_start - 30):outer_start])
    if cue and len(inner.split()) <= 12:
        return True
    if cue and re.match(r"(?i)(?:titled|entitled|headlined)", cue.group(0)) and len(inner.split()) <= 40:
        return True  # "a paper titled “...”" names a title however long it is
    words = inner.strip().split()
    # American punctuation puts the comma or period that follows a title inside its marks
    # ("on “The Steve Harvey Morning Show,” the former secretary said"): a phrase of two
    # capitalised words or more with only that mark at its end is still a title.
    bare = _ABBREVIATION_END.sub("", inner.strip())
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) >= 2 and bare[-1:] in (",", ".") and not re.search(r"[.!?,;:…]", bare[:-1]) \
            and not opens_sentence(text, outer_start, inner):
        bare = bare[:-1]  # (one that opens its sentence is said: "“Your Honor,” I said")
    if len(words) > 10 or _SENTENCE_PUNCTUATION.search(bare):
        return False
    return bool(content) and all(_capitalised(w) for w in content)


def _capitalised(word: str) -> bool:
    """A word as Title Case writes it: a capital first, or a name whose capital is inside
    ("t-SNE", "iPhone", "eBay"), or no letter first at all ("3D", "(The")."""
    return word[0].isupper() or not word[0].isalpha() or any(c.isupper() for c in word[1:])


def opens_sentence(text: str, outer_start: int, inner: str) -> bool:
    """Whether a short quotation is a whole utterance: it opens its sentence or paragraph and
    ends with its own punctuation inside the marks ("“That’s perfect,” Boudreau said"), where a
    scare-quoted word stands inside a sentence ("the so-called “peace plan”")."""
    if not _UTTERANCE_END.search(inner.rstrip()) or len(inner.split()) < MIN_UTTERANCE_WORDS:
        return False
    before = text[max(0, outer_start - 3):outer_start]
    return outer_start == 0 or bool(_SENTENCE_BEFORE.search(before))


# Words a phrase in quotation marks may hold and still be a term, not a partial quote.
MAX_TERM_WORDS = 12


def is_term(text: str, outer_start: int, inner: str) -> bool:
    """Whether a quotation nobody is said to have spoken is a term or a scare-quoted phrase (the
    "tip of the iceberg", a "do this, not that" style): a few words inside a sentence, neither
    opening it nor ending with a sentence's punctuation. News writing attributes a partial quote
    to its speaker in the same sentence; a phrase in quotation marks with no one to say it is the
    writer's own wording set apart, not speech."""
    stripped = inner.strip()
    if not stripped or len(stripped.split()) > MAX_TERM_WORDS or opens_sentence(text, outer_start, inner):
        return False
    return not re.search(r"[.!?…]$", stripped)


# Words that introduce a quotation as an example ("comments such as “...”", "a phrase like
# “...”", "messages including “...” and “...”"), each example after the first joined by a comma,
# "and" or "or". "Like" only after words for words ("it felt like “a betrayal,” she said" is
# said).
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:such\s+as|(?:something|anything|things?|words?|phrases?|comments?|messages?|remarks?|"
    r"lines?|questions?|statements?|slogans?|chants?|posts?|tweets?|passwords?|passphrases?)\s+like|"
    r"including|e\.g\.)[\s,:]*(?:[“\"][^“”\"\n]{0,300}[”\"][\s,]*(?:and|or)?\s*)*$",
    re.IGNORECASE)


def is_example(text: str, outer_start: int) -> bool:
    """Whether a quotation stands as an example of words ("she received comments including “Eat
    something please” and “...”", "a passphrase like “...”"): they are someone's, but the
    sentence's subject said them only when it is the subject of the verb of saying they hang on
    ("he said things like “...”"), never because it received or allows them, nor because it
    "posted photos" in a clause beside them."""
    return bool(_EXAMPLE_BEFORE.search(text, max(0, outer_start - 400), outer_start))


# A bibliography entry's title: authors, "(2009). " and the title in quotation marks, as
# reference lists write them ('Wallach, I.; Liliean, R. (2009). "The Protein-Small-Molecule ...').
_REFERENCE_BEFORE = re.compile(r"\((?:19|20)\d\d[a-z]?\)[.,:]?\s*$")


# Words that introduce speech imagined, not spoken: "looking at each other as if to say, “...”";
# what the reader, addressed as "you", would say or think ("when you say, “...”", "if you're
# wondering “...”"), as how-to and lifestyle writing puts it; a passing thought ("suddenly
# thinking “...”", where "he was thinking" reports one); words only meant ("I wanted to ask “...”").
_IMAGINED_BEFORE = re.compile(
    r"(?:\bas\s+(?:if|though)\s+(?:to\s+say|saying)"
    r"|\byou(?:['’]re|['’]ll|['’]d|\s+are|\s+will|\s+would|\s+might|\s+may|\s+can|\s+could)?"
    r"(?:\s+\w+ly)?\s+(?:say|ask|wonder|think|tell|yell|shout|scream|type|hear)\w*(?:\s+(?:to\s+)?yourself)?"
    r"|(?<!\bwas)(?<!\bwere)(?<!\bis)(?<!\bam)(?<!\bare)(?<![’']m)(?<![’']re)\s(?:\w+ly\s+)?(?:thinking|wondering)"
    r"|\b(?:want|wanted|wants|wanting)\s+to\s+(?:ask|say|tell|shout|scream)(?:\s+\w+)?)"
    r"[\s,:]*$", re.IGNORECASE)


# A string in code is assigned or compared ('USER_AGENT = "Mozilla/5.0 ..."'); speech never is.
_CODE_BEFORE = re.compile(r"[=!<>]?=>?\s*$")


def quotations(text: str) -> list[tuple[int, int, int, int]]:
    """Every quotation that reads as speech: (outer start, outer end, inner start, inner end)."""
    found = []
    for outer_start, outer_end, start, end in _quote_spans(text):
        inner = text[start:end]
        if len(inner.split()) < MIN_QUOTE_WORDS and not opens_sentence(text, outer_start, inner):
            continue
        if is_title(text, outer_start, inner) or _CODE_BEFORE.search(text, max(0, outer_start - 4), outer_start) \
                or _REFERENCE_BEFORE.search(text, max(0, outer_start - 10), outer_start) \
                or _IMAGINED_BEFORE.search(text, max(0, outer_start - 60), outer_start):
            continue
        found.append((outer_start, outer_end, start, end))
    return found


@functools.lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> dict:
    """The speaker model: feature weights, bias, threshold and the attribution-verb lexicon."""
    return json.loads(Path(path).read_text(encoding="utf-8"))


def find_quotes(doc: Doc, mentions: list[dict], actors_by_id: dict[str, dict],
                model: dict | None = None, index: MentionIndex | None = None) -> list[dict]:
    """The article's direct quotes with their speakers. With the article's mention ``index``, a
    speaker written as "the company" is read as the deal rules read such a side."""
    model = model or load_model()
    text = text_of(doc)
    spans = quotations(text)
    context = SpeakerContext(doc, mentions, actors_by_id, spans, set(model["cues"]), index)
    weights, bias = model["weights"], model["bias"]
    quotes: list[dict] = []
    previous: dict | None = None
    for number, (outer_start, outer_end, start, end) in enumerate(spans):
        check()
        best, best_score = None, -math.inf
        example = is_example(text, outer_start)
        for token, features in context.candidates(number):
            if not _may_speak(token, features):
                continue
            if example and not ("role=cue_subject" in features and "above" in features
                                and token.head.lemma_.lower() in SPEECH_VERBS):
                continue  # "she received comments including “...”": the commenters' words
            score = bias + sum(weights.get(f, 0.0) for f in features)
            if score > best_score:
                best, best_score = token, score
        speaker = context.signed(outer_end)
        if speaker is None and best is not None and best_score >= model["threshold"]:
            speaker = context.speaker_of(best)
        if speaker is None and previous is not None and previous["speaker_text"] and not example \
                and _consecutive(text, previous["_outer_end"], outer_start):
            speaker = (previous["speaker_actor_id"], previous["speaker_text"])
        actor, speaker_text = speaker if speaker else (None, None)
        if speaker is None and is_term(text, outer_start, text[start:end]):
            continue
        quote = {"text": text[start:end], "start": start, "end": end, "speaker_actor_id": actor,
                 "speaker_text": speaker_text, "_outer_end": outer_end}
        quotes.append(quote)
        previous = quote
    for quote in quotes:
        del quote["_outer_end"]
    return quotes


# Verbs whose subject the attribution lexicon counts ("the answer is", "her view has been") but
# that say nothing of speech by themselves: copulas and light verbs.
LIGHT_VERBS = frozenset({"be", "have", "do", "go", "get", "make", "come", "become", "keep", "let",
                         "put", "take", "give", "seem", "appear", "look", "remain"})


def _may_speak(token: Token, features: list[str]) -> bool:
    """A phrase that is neither a name nor a pronoun ("the official", "critics") speaks only as
    the subject of an attribution verb or after "according to": a common noun elsewhere near a
    quote is what the sentence is about ("the answer is “...”", "for some reason"), not who
    said it; nor does the subject of a passive, which is acted on ("fines can be imposed for
    “...”"). "According to X" attributes the sentence it stands in, not a quotation in another
    ("... crowns it the “fastest GPU.” It performs well, according to new benchmarks")."""
    according = "role=according" in features
    if according and not any(f.startswith("same_sentence=") for f in features):
        return False
    if token.pos_ == "PRON" or "kind=none" not in features:
        return True
    if according:
        return True
    if token.head.lemma_.lower() in LIGHT_VERBS:
        return False
    if token.dep_ == "nsubjpass" and not _says(token.head):
        return False  # (the subject of a passive is acted on: "fines can be imposed for “...”",
        # unless it is heard or quoted saying something: "the man could be heard saying")
    # the subject of a verb of saying or writing ("the court explained", "critics wrote"), or of
    # the clause such a verb hangs from ("a woman rallied supporters, saying: “...”"); a common
    # noun beside any other verb is what the sentence is about ("those brands would not pay
    # for “...”", "the next round may include “...”")
    if not ("role=cue_subject" in features or ("above" in features and token.dep_ in ("nsubj", "nsubjpass"))):
        return False
    return _says(token.head)


# Verbs of saying, writing and stating: the only verbs whose common-noun subject ("the court",
# "a spokesperson", "the report") is taken for the speaker of a quote.
SPEECH_VERBS = frozenset("""
say tell add write state explain note claim argue ask answer reply respond insist warn declare
announce describe report comment remark complain admit acknowledge concede confirm deny suggest
recall predict testify tweet post email text quip joke shout yell cry chant scream whisper
affirm charge accuse indicate reveal disclose signal outline detail highlight underscore
reaffirm hint point
recount conclude find allege assert contend maintain stress emphasize emphasise observe mention
urge promise pledge vow boast caution counter rule hold wonder think believe speak talk put
continue repeat reiterate agree disagree proclaim opine muse lament complain plead demand
question query interject retort snap sigh laugh begin sing greet write publish cite quote
""".split())


# Nouns for one person by role: the common-noun heads of the sources in PolNeAR's training
# articles that name a person ("a campaign aide", "the governor", "a spokesman"), with a few
# common words of the same kind they happen not to hold ("spokesperson", "teacher", "doctor").
# A reader takes "he said" after "a spokesperson for the employers said ..." for that
# spokesperson, not for a person named further back.
# Titles of an office, which name one holder in a story ("the governor", "the prime minister").
OFFICE_TITLES = frozenset(TITLES - {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "former",
                                    "late", "vice", "supreme", "foreign", "defence", "defense", "crown", "prime",
                                    "leader", "chief", "officer", "journalist", "influencer", "deputy", "comrade",
                                    "gen", "col", "lt", "capt", "sen", "rep", "gov", "sgt", "rev", "speaker",
                                    "delegate", "representative", "trustee"})
# Nouns that describe one person by what they do ("the singer said", "the actress added"): the
# occupations and sports roles news writing refers back to the person it is about with. Not the
# nouns for a part in the story (victim, suspect, lawyer, the official, the source: often someone
# else than the one named last), nor family words (the mother of the one named), nor "the man".
PERSON_NOUNS = frozenset("""
singer songwriter actress actor star rapper musician artist guitarist drummer pianist bassist
vocalist frontman frontwoman composer conductor dancer comedian comic entertainer celebrity
presenter broadcaster filmmaker producer writer author novelist poet playwright screenwriter
photographer designer chef athlete striker midfielder defender goalkeeper quarterback pitcher
boxer fighter wrestler golfer swimmer sprinter skier cyclist jockey champion veteran rookie
newcomer youngster teenager entrepreneur billionaire millionaire tycoon mogul heiress
astronaut historian philosopher economist scientist researcher professor candidate nominee
politician businessman businesswoman founder co-founder cofounder expert
""".split())
# Nouns for a person by what they are to another ("Hadvar's uncle", "Trump's lawyer"), with the
# pronoun their gender takes where the noun says one.
RELATION_NOUNS: dict[str, str | None] = {
    **dict.fromkeys("""uncle father dad brother son husband boyfriend grandfather nephew fiance
                       stepfather stepson grandson spokesman""".split(), "he"),
    **dict.fromkeys("""aunt mother mom mum sister daughter wife girlfriend grandmother niece fiancee
                       widow stepmother stepdaughter granddaughter spokeswoman""".split(), "she"),
    **dict.fromkeys("""friend lawyer attorney spokesperson aide adviser advisor assistant manager
                       agent publicist partner colleague teammate coach boss doctor cousin child
                       parent bodyguard driver secretary deputy""".split(), None),
}
# Person nouns that say where one stands, not what one does: they fit a person of any trade
# ("the veteran" after "quarterback Tom Brady").
STATUS_NOUNS = frozenset({"star", "celebrity", "champion", "veteran", "rookie", "newcomer", "youngster",
                          "teenager", "billionaire", "millionaire", "tycoon", "mogul", "heiress",
                          "entrepreneur", "candidate", "nominee", "politician"})
FEMALE_NOUNS = frozenset({"actress", "frontwoman", "heiress", "businesswoman", "spokeswoman",
                          "chairwoman", "congresswoman", "queen", "princess", "duchess"})
MALE_NOUNS = frozenset({"frontman", "businessman", "spokesman", "chairman", "congressman", "king",
                        "prince", "duke"})
# Words in a description that say it is not the one named last: "the other actor", "the second".
_WHICH_ONE = frozenset({"other", "another", "second", "third", "latter", "new", "fellow", "each",
                        "both", "opposing", "rival"})


def _person_description(head: Token) -> bool:
    """Whether a singular common noun describes one person: a person noun ("the singer",
    "the actress") or an age ("the 45-year-old")."""
    noun = head.lemma_.lower()
    return _age_description(head) or (head.tag_ == "NN" and (noun in PERSON_NOUNS or noun.endswith(_TRADE_ENDINGS)))


# Endings of nouns for a trade ("dermatologist", "pediatrician", "psychiatrist").
_TRADE_ENDINGS = ("ologist", "ician", "iatrist")


def _age_description(head: Token) -> bool:
    """"the 45-year-old": an age standing for the person it is the age of."""
    return head.lower_ == "old" and any(c.lower_ in ("year", "years") for c in head.children) \
        and head.dep_ == "nsubj"


def _description_pronoun(head: Token) -> str:
    """The pronoun a description's noun would take where the noun says a gender, else ""."""
    noun = head.lemma_.lower()
    if noun in FEMALE_NOUNS:
        return "she"
    if noun in MALE_NOUNS:
        return "he"
    return ""


# How near two holders of one office may be named for "the <office>" to be neither.
ROLE_AMBIGUITY_CHARS = 600
ROLE_NOUNS = frozenset("""
official candidate voter leader supporter senator aide president adviser advisor expert source
member spokesman spokeswoman spokesperson nominee governor strategist friend executive woman
judge ally lawmaker analyst reporter politician man critic manager secretary rival employee
advocate businessman businesswoman lawyer host activist opponent insider person delegate wife
husband donor organizer economist director prosecutor chairman chairwoman chair chief attorney
researcher protester backer moderator diplomat mayor pollster investor observer attendee
contender father mother brother sister son daughter columnist operative worker staffer
commentator journalist narrator actor representative officer scientist professor teacher doctor
resident witness owner founder
""".split())


def _says(verb: Token) -> bool:
    """A verb of saying, or one a verb of saying hangs on ("rallied supporters, saying"). A text
    that "reads" says its words ("the sign reads “...”"); one who reads something does not."""
    if verb.lemma_.lower() in SPEECH_VERBS:
        return True
    if verb.lemma_.lower() == "read" and not any(c.dep_ == "dobj" for c in verb.children):
        return True
    return any(child.dep_ in ("advcl", "xcomp", "ccomp", "conj") and child.lemma_.lower() in SPEECH_VERBS
               for child in verb.children)


# Prepositions that never open a finite clause: a noun phrase right after one is its object.
_PREPOSITIONS = frozenset({"for", "with", "in", "at", "on", "from", "by", "of", "about", "despite",
                           "without", "during", "among", "under", "into", "through"})
_FINITE = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _after_preposition(token: Token) -> bool:
    """A "subject" whose phrase follows a preposition is that preposition's object, misparsed:
    in "then for some reason adds, “...”" the one who adds is not "some reason". English puts no
    preposition before the subject of a finite verb ("for him to say" has an infinitive)."""
    left = token.left_edge.i
    if left == 0:
        return False
    before = token.doc[left - 1]
    return before.lower_ in _PREPOSITIONS and before.head.i == token.head.i \
        and token.head.tag_ in _FINITE


def _binds_other(subject: Token, pronoun: str) -> bool:
    """Whether a subject's own verb has an object pronoun of the gender ``pronoun`` names
    ("Wootton asked her"): a clause's object pronoun is never its subject, and the "she" that
    follows ("She answered") goes on with the one asked."""
    wanted = gender.PRONOUNS.get(pronoun)
    if wanted is None:
        return False
    verb = subject.head if subject.dep_ != "pobj" else subject.head.head
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ == "PRON" \
                and gender.PRONOUNS.get(child.lower_) == wanted and child.i > subject.i:
            return True
    return False


def _in_gerund(subject: Token) -> bool:
    """Whether a subject is a gerund's, inside a phrase of another clause ("about Alley being
    welcomed back"): a reader takes a pronoun that follows for the subject of a clause of its
    own ("the officer ... spoke"), not for a name the sentence says something about."""
    verb = subject.head
    if verb.dep_ not in ("pcomp", "pobj"):
        return False
    return verb.tag_ == "VBG" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBG" for c in verb.children)


def _appositions(token: Token) -> list[Token]:
    """The appositions of a noun phrase: on its head, or on a noun its prepositions hang on it
    ("the Chief Marketing Officer for Jenny Craig, Leesa Eichberger,"), not inside a clause that
    describes it ("Cuban, who is a host on the show “Shark Tank”")."""
    found, stack = [], [token]
    while stack:
        t = stack.pop()
        for child in t.children:
            if child.dep_ == "appos":
                found.append(child)
            elif child.dep_ in ("prep", "pobj"):
                stack.append(child)
    return found


def _consecutive(text: str, previous_end: int, start: int) -> bool:
    """True when only the rest of the previous quote's sentence (its attribution) and at most one
    paragraph break separate two quotes: the same speaker goes on. So it does over paragraphs
    that each open with a quotation mark and do not close it: news writing quotes a speech of
    several paragraphs so, closing only the last."""
    between = text[previous_end:start]
    if len(between) < 80 and not re.search(r"\n\s*\n.*\n\s*\n", between, re.S):
        return True
    lines = [line.strip() for line in between.split("\n")]
    if lines and not lines[0]:
        lines = lines[1:]
    paragraphs = [line for line in lines if line]
    return bool(paragraphs) and len(lines) > 1 and all(
        line[0] in "\"“" and not re.search("[\"”]", line[1:]) for line in paragraphs)


def _bucket(n: int, edges=(0, 1, 2, 4, 8, 16)) -> str:
    for edge in edges:
        if n <= edge:
            return str(edge)
    return "more"


# A title written just before a name: "Prince Harry", "Mrs. Clinton".
_TITLE_BEFORE = re.compile(r"\b([A-Z][a-z]+)\.?\s+$")


# A dash that signs a quotation with the name after it: "“...” ― Sonya Herridge".
_SIGNATURE = re.compile(r"[ \t\u00a0]*[―—–-][ \t\u00a0]*")


class SpeakerContext:
    """The noun phrases around each quotation of one article, with the features the speaker
    model scores them on (shared by extraction and training)."""

    def __init__(self, doc: Doc, mentions: list[dict], actors_by_id: dict[str, dict],
                 spans: list[tuple[int, int, int, int]], cues: set[str], index: MentionIndex | None = None):
        self.doc, self.text, self.cues, self.index = doc, text_of(doc), cues, index
        self.spans = spans
        self.actors_by_id = actors_by_id
        self.mentions = sorted(mentions, key=lambda m: m["start"])
        self.mention_starts = [m["start"] for m in self.mentions]
        # Every quotation, speech or not: no word between quotation marks is a speaker; nor is
        # a word of a paragraph that opens a speech running over paragraphs.
        self.quoted = _merged([(q[0], q[1]) for q in _quote_spans(self.text)] + _open_paragraphs(self.text))
        self.quoted_starts = [q[0] for q in self.quoted]
        self.sents = sentences(doc)
        self.sent_starts = [s.start for s in self.sents]
        self.starts = token_starts(doc)

    # -- positions ------------------------------------------------------------------------
    def _token_at(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.starts, char) - 1)

    def _sent_index(self, i: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, i) - 1)

    def inside_quote(self, char: int) -> bool:
        at = bisect.bisect_right(self.quoted_starts, char) - 1
        return at >= 0 and char < self.quoted[at][1]

    def mention_at(self, token: Token) -> dict | None:
        """The name a word is part of (the outer one, not a name nested in it)."""
        last = bisect.bisect_right(self.mention_starts, token.idx)
        for at in range(last - 1, max(-1, last - 5), -1):  # names that start at most 4 back
            m = self.mentions[at]
            if m["start"] <= token.idx < m["end"] and m.get("kind") not in ("demonym", "nested"):
                return m
        return None

    # -- candidates -----------------------------------------------------------------------
    def candidates(self, number: int) -> list[tuple[Token, list[str]]]:
        """(token, features) of each noun phrase head around quotation ``number``."""
        doc = self.doc
        if not len(doc):
            return []
        outer_start, outer_end = self.spans[number][:2]
        first = self._token_at(outer_start)
        last = self._token_at(max(outer_start, outer_end - 1))
        s_first, s_last = self._sent_index(first), self._sent_index(last)
        lo = self.sents[max(0, s_first - 1)].start
        hi = self.sents[min(len(self.sents) - 1, s_last + 1)].end
        if number > 0:
            lo = max(lo, self._token_at(self.spans[number - 1][1] - 1) + 1)
        if number + 1 < len(self.spans):
            hi = min(hi, self._token_at(self.spans[number + 1][0]))
        quote_heads = {t.head.i for t in doc[first:last + 1] if not first <= t.head.i <= last}
        above = set()  # every word the quotation hangs from, up to its sentence's root
        for i in quote_heads:
            steps = 0
            while i not in above and steps < 30:
                above.add(i)
                if doc[i].head.i == i:
                    break
                i, steps = doc[i].head.i, steps + 1
        colon = self.text[max(0, outer_start - 3):outer_start].strip().endswith(":")
        out = []
        before = [doc[i] for i in range(first - 1, lo - 1, -1)]
        after = [doc[i] for i in range(last + 1, hi)]
        for side, tokens in (("before", before), ("after", after)):
            rank = 0
            verbs = 0
            for token in tokens:
                if token.text in CELL_BORDERS:
                    break  # a table's cell ends here: the next cell's words are not the speaker
                if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
                    verbs += 1
                if not self._is_candidate(token) or self._in_question(token):
                    continue
                if token.lower_ in SOMEONE and side == "before":
                    continue  # news names an unnamed speaker after the quote ("said someone")
                rank += 1
                if rank > MAX_CANDIDATES_PER_SIDE:
                    break
                distance = first - token.i - 1 if side == "before" else token.i - last - 1
                out.append((token, self._features(token, side, rank, distance, verbs, first, last,
                                                  quote_heads, above, colon)))
        return out

    def _in_question(self, token: Token) -> bool:
        """Whether a word stands in a question the article asks in its own voice ("What does
        leadership mean to you?" before an interview's answer): the one who asks is the writer,
        and the question's words name what it is about, not who answers."""
        sent = self.sents[self._sent_index(token.i)]
        end = sent.end_char
        while end > sent.start_char and (self.text[end - 1].isspace() or self.text[end - 1] in "”\"’)"):
            end -= 1
        return end > sent.start_char and self.text[end - 1] == "?" and not self.inside_quote(end - 1)

    def _is_candidate(self, token: Token) -> bool:
        if token.pos_ == "ADJ" and _age_description(token):
            return not self.inside_quote(token.idx)  # "the 45-year-old said": a person by age
        if token.pos_ not in ("PROPN", "PRON", "NOUN") or not token.text[:1].isalpha():
            return False
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and not token.whitespace_ and following.text in {"-", "–"}:
            return False  # "ex-president": a prefix, not a phrase
        if token.dep_ in ("compound", "flat", "nmod", "npadvmod", "amod", "nummod") \
                and token.head.pos_ in ("PROPN", "NOUN"):
            return False
        if token.pos_ == "PRON" and token.lower_ not in PERSON_PRONOUNS | {"it", "who", "you", "one"} | SOMEONE:
            return False
        return not self.inside_quote(token.idx)

    def _features(self, token: Token, side: str, rank: int, distance: int, verbs: int,
                  first: int, last: int, quote_heads: set[int], above: set[int],
                  colon: bool) -> list[str]:
        doc = self.doc
        head = token.head
        dep = token.dep_ if token.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj", "poss", "appos",
                                           "conj", "ROOT", "attr", "dative", "npadvmod") else "other"
        cue = head.lemma_.lower() in self.cues and head.pos_ in ("VERB", "AUX", "NOUN")
        subject = dep in ("nsubj", "nsubjpass") and not _after_preposition(token)
        according = head.lower_ == "to" and head.i > 0 and doc[head.i - 1].lower_ == "according"
        governs = head.i in quote_heads or (head.dep_ in ("conj", "advcl", "relcl") and head.head.i in quote_heads)
        cue_near = cue and (head.i < first and first - head.i <= 3 or head.i > last and head.i - last <= 3)
        same_sentence = self._sent_index(token.i) == self._sent_index(first if side == "before" else last)
        lo, hi = (token.idx, doc[first].idx) if side == "before" else (doc[last].idx, token.idx)
        breaks = self.text.count("\n", lo, hi) > 0
        mention = self.mention_at(token)
        kind = "none"
        if mention is not None:
            kind = self.actors_by_id.get(mention["actor_id"], {}).get("type") or "other"
        if token.pos_ == "PRON":
            kind = "pron_" + token.lower_
        role = ("cue_subject" if subject and cue else "subject" if subject else
                "according" if according else "other")
        features = [
            f"side={side}", f"rank={side}:{min(rank, 4)}", f"dist={side}:{_bucket(distance)}",
            f"verbs={side}:{min(verbs, 3)}", f"dep={dep}", f"dep={side}:{dep}", f"pos={token.pos_}",
            f"kind={kind}", f"role={role}", f"role={side}:{role}", f"role_kind={role}:{kind}",
            f"rank_role={side}:{min(rank, 4)}:{role}",
        ]
        if cue:
            features.append("cue_head")
        if governs:
            features += ["governs", f"governs={role}", f"governs={side}:{role}"]
        if head.i in above:  # "X said the bill was “a disaster”": said, then was, hold the quote
            features += ["above", f"above={role}", f"above_cue={cue}:{role}"]
        if head.dep_ in ("ccomp", "xcomp") and head.head.lemma_.lower() in self.cues:
            features += ["reported_clause", f"reported_clause={role}"]  # the bill, in X's words
        if cue_near:
            features += ["cue_near", f"cue_near={side}:{role}"]
        if same_sentence:
            features.append(f"same_sentence={side}")
        if breaks:
            features += [f"paragraph_break={side}", f"paragraph_break={side}:{role}"]
        if colon and side == "before":
            features += ["colon", f"colon:{role}", f"colon_rank:{min(rank, 4)}"]
        if token.is_sent_start or (token.i > 0 and doc[token.i - 1].text in {"\n", "-", "—", "–", "―"}):
            features.append("starts")
        return features

    # -- speaker --------------------------------------------------------------------------
    def signed(self, outer_end: int) -> tuple[str | None, str] | None:
        """The name a quotation is signed with: a dash after it and a name that ends the line
        ("”… our greatest shame.” ― Sonya Herridge"), as letters to the editor and collected
        reactions attribute their words."""
        m = _SIGNATURE.match(self.text, outer_end)
        if m is None:
            return None
        at = bisect.bisect_left(self.mention_starts, m.end())
        if at < len(self.mentions) and self.mentions[at]["start"] == m.end():
            mention = self.mentions[at]
            rest = self.text[mention["end"]:mention["end"] + 200].split("\n", 1)[0]
            if re.fullmatch(r"[\s.,;]*", rest) and self.actors_by_id.get(mention["actor_id"], {}).get("type") == "person":
                return mention["actor_id"], mention["text"]
        return None

    def speaker_of(self, token: Token) -> tuple[str | None, str] | None:
        """(actor id or None, the article's words) for a chosen noun phrase head."""
        doc = self.doc
        if token.lower_ == "who" and token.head.dep_ == "relcl":
            token = token.head.head  # "Smith, who said ...": Smith
        mention = self.mention_at(token)
        if mention is not None:
            return mention["actor_id"], mention["text"]
        if token.pos_ == "PRON":
            if token.lower_ == "i":  # outside quotation marks "I" is the writer, named nowhere
                return None, token.text
            if token.lower_ in PERSON_PRONOUNS:
                wanted = {"person", "organization"} if token.lower_ in ("we", "they") else {"person"}
                return self._antecedent(token.idx, wanted, pronoun=token.lower_), token.text
            if token.lower_ == "it":  # "it said in a statement": a company, a ministry
                found = self._antecedent(token.idx, {"organization"}, window=RESOLVE_IT_CHARS)
                return (found, token.text) if found else None
            if token.lower_ in SOMEONE and token.dep_ in ("nsubj", "nsubjpass"):
                return None, doc[token.i:token.right_edge.i + 1].text if token.right_edge.i - token.i < 6 \
                    else token.text  # "said someone at the meeting": unnamed, in the article's words
            return None
        for child in token.children:  # "the candidate, Donald Trump,"
            if child.dep_ == "appos":
                found = self.mention_at(child)
                if found is not None:
                    return found["actor_id"], found["text"]
        left = token.left_edge.i
        while left < token.i and (self.inside_quote(doc[left].idx) or doc[left].is_punct):
            left += 1
        for i in range(token.i - 1, left, -1):  # an article opens its noun phrase: words before
            if doc[i].dep_ == "det" and doc[i].head.i == token.i:  # it are another's ("Share
                left = i  # Email A senior official")
                break
        described = self._described(token) if doc[left].lower_ == "the" else None
        return described, doc[left:token.i + 1].text

    def _described(self, head: Token) -> str | None:
        """Who "the <noun>" that says something is: an organisation ("the company said", "the
        bank said"), the one the article's deal rules read the description as; an office ("the
        governor said", "the former mayor said"), the person last named with that title before
        the name ("Governor John Rankin") or beside it ("Rankin, the governor,"), unless two
        holders are named near each other. A description of a person by what they do, their
        age or their family ("the singer", "the 45-year-old", "the actress") with no one named
        so is the person the story is about at that point (see `_described_person`)."""
        if self.index is not None:
            from factwire.extract.deals import described_actor  # the deal rules' reading

            found = described_actor(self.index, head)
            if found is not None:
                return found
        office = head.lemma_.lower() in OFFICE_TITLES
        if not office and not _person_description(head):
            return None
        role = [t.lower_ for t in head.lefts if t.dep_ in ("compound", "amod") and t.lower_ not in ("former", "then")]
        role.append(head.lower_)
        if _age_description(head):
            return self._described_person(head)  # "the 45-year-old": no one is titled so
        holders: list[tuple[int, str]] = []
        for mention in self.mentions:
            if mention["start"] >= head.idx:
                break
            if self.actors_by_id.get(mention["actor_id"], {}).get("type") != "person":
                continue
            ahead = self.text[max(0, mention["start"] - 60):mention["start"]].lower().split()
            after = self.text[mention["end"]:mention["end"] + 60].lower().replace(",", " , ").split()
            titled = ahead[-len(role):] == role or ahead[-len(role) - 1:-1] == role
            beside = after[:1] == [","] and after[1:2] in (["the"], ["a"]) and after[2:2 + len(role)] == role
            if titled or beside:
                holders.append((mention["start"], mention["actor_id"]))
        if not office:  # a trade names many ("R&B singer Peabo Bryson" in a story on Dion):
            return self._described_person(head, holders[-1][1] if holders else None)  # one reading
        if not holders:
            return self._described_person(head)
        last_at, last = holders[-1]
        if any(actor != last and last_at - at < ROLE_AMBIGUITY_CHARS for at, actor in holders):
            return None  # "Governor DeSantis met Governor Newsom. '...,' the governor said": which one?
        return last

    def _described_person(self, head: Token, titled: str | None = None) -> str | None:
        """The person a description of one ("the singer said", "the 45-year-old told
        reporters", "the actress added", "the prime minister said") points back at when no one
        is named with its noun: as with "she said", the last person named as the subject of a
        clause before it, of the description's gender where its noun says one ("actress",
        "spokeswoman") and the name says one too. A subject is a weaker guess for a description
        than for a pronoun, so it is taken only when a second reading agrees: it is also the
        person named last, or the one named most often so far (the one the article is about),
        or, for a trade, the last person named with it ("singer Peabo Bryson"); and not when the
        article names it with another trade or office ("quarterback Tom Brady" is not "the
        singer"). None when the description is not the subject of a verb of saying, when it
        says which one it is itself ("the singer who ...", "the band's singer", "the other
        actor"), or when the article introduced someone unnamed by the same noun ("a spokesman
        for the union said ...", "the prime minister's spokesman said ... the spokesman added")."""
        if head.dep_ != "nsubj" or not _says(head.head) or self.inside_quote(head.idx):
            return None
        for child in head.children:
            if child.dep_ in ("relcl", "acl") and self.doc[child.left_edge.i - 1].text == ",":
                continue  # "said the 58-year-old, who wore a suit": said of the one meant
            if child.dep_ in ("poss", "relcl", "acl", "appos", "prep", "conj", "cc") \
                    or child.lower_ in _WHICH_ONE or child.ent_type_ == "PERSON":
                return None
        noun = head.lemma_.lower()
        limit = head.idx - SUBJECT_WINDOW_CHARS
        i = head.i - 1
        while i >= 0 and self.doc[i].idx >= limit:
            t = self.doc[i]
            i -= 1
            if t.lemma_.lower() == noun and any((c.dep_ == "det" and c.lower_ in ("a", "an", "another"))
                                                or c.dep_ == "poss" for c in t.children):
                return None  # the unnamed one introduced so ("the prime minister's spokesman said")
        pronoun = _description_pronoun(head)
        subject = self._antecedent(head.idx, {"person"}, pronoun=pronoun)
        nearest, main = self._nearest_and_main_person(head.idx, pronoun)
        found = subject if subject is not None and subject in (nearest, main, titled) else None
        if found is not None and noun not in STATUS_NOUNS and self._titled_otherwise(found, noun):
            return None  # "the singer said" after "quarterback Tom Brady threw ...": not Brady
        return found

    def _nearest_and_main_person(self, position: int, pronoun: str) -> tuple[str | None, str | None]:
        """The person named last before ``position`` (outside quotations) and the one named most
        often before it (None on a tie): the two other readings of a description besides the
        subject before it."""
        counts: dict[str, int] = {}
        nearest = None
        for m in self.mentions:
            if m["start"] >= position:
                break
            if self.actors_by_id.get(m["actor_id"], {}).get("type") != "person" \
                    or m.get("kind") in ("demonym", "nested") or self.inside_quote(m["start"]) \
                    or not self._agrees(pronoun, m["actor_id"]):
                continue
            counts[m["actor_id"]] = counts.get(m["actor_id"], 0) + 1
            if position - m["start"] <= NAMED_WINDOW_CHARS:
                nearest = m["actor_id"]
        ranked = sorted(counts.values(), reverse=True)
        main = None
        if ranked and (len(ranked) == 1 or ranked[0] > ranked[1]):
            main = next(a for a, n in counts.items() if n == ranked[0])
        return nearest, main

    def _titled_otherwise(self, actor_id: str, noun: str) -> bool:
        """Whether the article names a person with another role noun than ``noun``, before the
        name ("quarterback Tom Brady") or in apposition after it ("Brady, the quarterback,")."""
        roles = (PERSON_NOUNS | ROLE_NOUNS | OFFICE_TITLES) - STATUS_NOUNS
        for m in self.mentions:
            if m["actor_id"] != actor_id:
                continue
            ahead = self.text[max(0, m["start"] - 40):m["start"]].lower().split()[-2:]
            after = self.text[m["end"]:m["end"] + 60].lower().replace(",", " , ").split()
            words = ahead + (after[3:5] if after[:2] in ([",", "the"], [",", "a"]) else [])
            if any(w in roles and w != noun for w in words):
                return True
        return False

    def _antecedent(self, position: int, wanted: set[str], window: int | None = None,
                    pronoun: str = "") -> str | None:
        """The actor a pronoun at ``position`` stands for, as a reader takes it: the last name
        before it, outside quotations, that is the subject of its clause (the one the sentences
        before were about), when it names an actor of a wanted type; none when that subject is
        a name no actor was made of (better no actor than the object of its sentence); with no
        named subject within reach, the last actor of a wanted type named. ``window`` bounds how
        far back (characters). A person whose first name or title says another gender than the
        ``pronoun`` is passed over ("he" is not Sarah Lane)."""
        limit = position - (window or SUBJECT_WINDOW_CHARS)
        i = self._token_at(position) - 1
        doc = self.doc
        while i >= 0 and doc[i].idx >= limit:
            token = doc[i]
            i -= 1
            named = token.pos_ == "PROPN" or (token.pos_ == "NOUN" and token.text[:1].isupper())
            # The agent of a passive is its clause's subject in sense ("as noted by dietitian
            # Trista Best"), and the source of "according to" speaks as a subject of "said" does.
            agent = token.dep_ == "pobj" and (token.head.dep_ == "agent" or (
                token.head.lower_ == "to" and token.head.i > 0 and doc[token.head.i - 1].lower_ == "according"))
            if not named and token.dep_ in ("nsubj", "nsubjpass") and token.pos_ == "NOUN" and any(
                    c.dep_ == "appos" and self.mention_at(c) is not None for c in token.children):
                named = True  # "Trump's lawyer, John Dowd, said": named beside the subject
            if named and token.pos_ == "NOUN" and pronoun in ("he", "she") \
                    and (RELATION_NOUNS.get(token.lemma_.lower()) or _description_pronoun(token)) not in (None, "", pronoun):
                continue  # "the star's brother, Daniel, lost ... she told": a brother is no "she"
            if token.dep_ in ("nsubj", "nsubjpass") and pronoun in ("he", "she") and any(
                    c.dep_ == "poss" and gender.PRONOUNS.get(c.lower_) == gender.PRONOUNS.get(pronoun)
                    for c in token.children):
                continue  # "His opponent, Hillary Clinton, won ... He told": "he" is the one "his" is
            if self._unnamed_speaker(token, pronoun, named) or self._relation_of_named(token, pronoun, named):
                return None  # "a spokesperson for UCEA said ... “...,” he said": that unnamed person
            if (token.dep_ not in ("nsubj", "nsubjpass") and not agent) or not named \
                    or self.inside_quote(token.idx):
                continue  # (a name the tagger took for a noun, "Trump attacked", is a name)
            if not agent and _in_gerund(token):
                continue  # "spoke to Ad Age about Alley being welcomed back": not who spoke
            if not agent and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.head.children):
                continue  # "he found Trump to be “very charming”": the one found so, not who spoke
            mention = self.mention_at(token)
            if mention is None:  # "the former Chief Marketing Officer, Leesa Eichberger, spoke"
                mention = next((m for m in map(self.mention_at, _appositions(token)) if m is not None), None)
            if mention is None:
                return None
            if not self._agrees(pronoun, mention["actor_id"]) or _binds_other(token, pronoun):
                continue
            if self.actors_by_id.get(mention["actor_id"], {}).get("type") in wanted:
                return mention["actor_id"]
        at = bisect.bisect_left(self.mention_starts, position) - 1
        while at >= 0:
            m = self.mentions[at]
            at -= 1
            if position - m["start"] > (window or NAMED_WINDOW_CHARS):
                break
            if self.actors_by_id.get(m["actor_id"], {}).get("type") in wanted \
                    and not self.inside_quote(m["start"]) and m.get("kind") not in ("demonym", "nested") \
                    and self._agrees(pronoun, m["actor_id"]):
                return m["actor_id"]
        return None

    def _relation_of_named(self, token: Token, pronoun: str, named: bool) -> bool:
        """Whether a subject is a person named only by what they are to a named one ("Hadvar's
        uncle", "Trump's lawyer"): English introduces another person so, and a "he" or "she"
        that follows, of their gender, stands for them, not for the one named in the possessive
        ("Hadvar's uncle turns to the bandit ... “...,” he reiterates": the uncle). Not when the
        relation is named beside it ("Trump's lawyer, John Dowd,")."""
        if named or pronoun not in ("he", "she") or token.dep_ != "nsubj" or token.tag_ != "NN" \
                or self.inside_quote(token.idx):
            return False
        noun = token.lemma_.lower()
        if noun not in RELATION_NOUNS:
            return False
        if not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children) \
                or any(c.dep_ == "appos" or (c.dep_ == "compound" and c.pos_ == "PROPN") for c in token.children):
            return False
        if token.i + 1 < len(token.doc) and token.doc[token.i + 1].pos_ == "PROPN":
            return False  # "Trump's lawyer John Dowd"
        said = RELATION_NOUNS[noun]
        return said is None or said == pronoun

    def _unnamed_speaker(self, token: Token, pronoun: str, named: bool) -> bool:
        """Whether a subject is a person English introduces unnamed, whom a "he" or "she" that
        follows stands for: a role noun with an indefinite article ("a spokesperson for UCEA
        said"; "the former mayor" refers back to one named before) as the subject of a verb of
        saying that has no one as its object ("a reporter asked Montoya-Lewis" is followed by
        the answer of the one asked)."""
        if named or pronoun not in ("he", "she") or token.dep_ != "nsubj" or token.tag_ != "NN" \
                or token.lemma_.lower() not in ROLE_NOUNS or not _says(token.head) \
                or self.inside_quote(token.idx):
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children):
            return False
        return not any(c.dep_ in ("dobj", "dative", "iobj") and c.pos_ in ("PROPN", "PRON")
                       for c in token.head.children)

    def _agrees(self, pronoun: str, actor_id: str) -> bool:
        actor = self.actors_by_id.get(actor_id, {})
        if actor.get("type") != "person":
            return True
        name = actor.get("name") or ""
        if gender.name_gender(name) is None and actor_id in self._titled_genders:
            name = f"{self._titled_genders[actor_id]} {name}"  # "Harry", once "Prince Harry"
        return gender.agrees(pronoun, name)

    @functools.cached_property
    def _titled_genders(self) -> dict[str, str]:
        """A title the article writes before a person's name ("Prince Harry", "Mrs. Clinton"),
        for a person whose name alone says no gender; none where the titles disagree."""
        found: dict[str, set[str]] = {}
        for m in self.mentions:
            title = _TITLE_BEFORE.search(self.text, max(0, m["start"] - 12), m["start"])
            word = title.group(1) if title else m["text"].split()[0].rstrip(".")
            if word.lower() in gender.TITLES and self.actors_by_id.get(m["actor_id"], {}).get("type") == "person":
                found.setdefault(m["actor_id"], set()).add(word)
        return {a: next(iter(words)) for a, words in found.items()
                if len({gender.TITLES[w.lower()] for w in words}) == 1}
