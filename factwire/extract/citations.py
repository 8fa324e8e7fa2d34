"""Sources an article cites: "according to the Financial Times", "according to officials",
"according to a poll by Gallup", "The Washington Post reported", "... told Reuters", and the
closing "Sources:" line of the article file.

A citation keeps the source as the article words it (``text``, with its offsets) and, when the
source is named, the actor it names (``actor_id``): "a poll by Gallup" cites Gallup, "NYPD
Commissioner James O'Neill" the person. An unnamed source ("officials", "the poll", "a campaign
aide") is a citation too, with no actor (``named`` is False): PolNeAR's annotators mark these as
sources as often as named ones, and a reader wants to know a claim rests on "officials".
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from factwire.extract.actors import clean_name, lookup_alias
from factwire.extract.syntax import entities, lower_lemmas, sentence_of, text_of

# Phrases that introduce a named source; the source is the named entity right after them.
_INTRODUCERS = re.compile(
    r"\b(?:as\s+reported\s+by|reported\s+by|cited\s+by|quoted\s+by|told|"
    r"in\s+an\s+interview\s+with|citing)\s+(?:(?:reports?|a\s+report|an\s+article|sources|data|figures)\s+"
    r"(?:by|in|from|of)\s+)?",
    re.IGNORECASE,
)
REPORT_VERBS = {"report", "cite", "publish", "quote"}
# "Reveal" carries a report when a record reveals it ("the survey revealed that ..."); a person
# or a company that reveals something is news about itself ("the pair revealed that they were
# expecting", "Apple revealed a phone").
REVEAL_VERBS = {"reveal", "show"}
RECORDS = {"survey", "poll", "report", "study", "research", "record", "records", "data", "document",
           "documents", "filing", "filings", "analysis", "investigation", "figures", "statistics",
           "review", "audit", "census", "papers", "emails", "letter", "letters", "memo", "footage"}
SOURCE_LABELS = {"ORG", "PERSON", "WORK_OF_ART", "GPE", "NORP"}
# A source phrase longer than this (in tokens) has taken in a clause the parser hung on it: it is
# cut at its first comma.
MAX_SOURCE_TOKENS = 30
# Prepositions through which a source phrase names who stands behind it: "a poll by Gallup",
# "data from the Census Bureau", "a statement of the ministry".
_BEHIND = {"by", "from", "of", "at", "with"}
# "With" names who stands behind a conversation ("an interview with Le Figaro", "talks with
# officials"), not behind a test or a study ("benchmarking with Watch Dogs: Legion", "a survey
# with 1,000 voters"): there it names what was used or asked.
_CONVERSATIONS = {"interview", "conversation", "call", "chat", "exchange", "meeting", "talk",
                  "discussion", "briefing", "correspondence", "email", "message"}
# Writings that name their publisher with "in": "an article in Healthline", "a report in the
# Times" (where "officials in Washington" names a place, not who speaks).
_PUBLISHED = {"article", "report", "story", "study", "interview", "editorial", "piece", "column",
              "op-ed", "paper", "survey", "post", "letter", "review", "analysis", "essay", "feature"}
# "According to" also means "in a way that depends on": "adjust according to taste", "went
# according to plan", "sorted according to size". Right after a verb of arranging or varying
# (no comma: an attribution is set off, "prices vary, according to the report"), or with a
# measure, a plan or a wish as its object, it cites no one.
_MANNER_VERBS = {"adjust", "vary", "sort", "rank", "classify", "group", "arrange", "divide", "season",
                 "proceed", "act", "behave", "tailor", "differ", "organize", "organise",
                 "categorize", "categorise", "distribute", "scale", "grade", "adapt"}
_MANNER_NOUNS = {"plan", "plans", "preference", "preferences", "taste", "tastes", "need", "needs",
                 "liking", "wish", "wishes", "instruction", "instructions", "direction",
                 "directions", "size", "sizes", "schedule", "script", "ability", "abilities",
                 "means", "merit", "merits", "age", "weight", "height",
                 # norms a thing is done by, not sources: "used according to the license below"
                 "license", "licence", "terms", "rules", "guidelines", "protocol", "protocols",
                 "procedure", "procedures", "recipe", "regulations", "custom", "tradition"}
# Verbs after which "told X" and "in an interview with X" name a listener: a news organisation
# that carries the words is a source the article cites; a person who heard them ("Meghan told
# Winfrey"), or a body ("told the FBI", "told the committee"), is not.
_LISTENER_INTRODUCERS = re.compile(r"^(?:told|in\s+an\s+interview\s+with)\b", re.IGNORECASE)


# A word after a name that says it is a news organisation's ("Latina magazine", "WXYZ radio").
_NEWS_KIND_AFTER = re.compile(r"\s+(?:magazine|newspaper|news\s+site|website|radio|television|tv|"
                              r"network|podcast|news\s+agency|daily|weekly)\b", re.IGNORECASE)


def find_citations(doc: Doc, mentions: list[dict], cited_sources: list[str] | None = None) -> list[dict]:
    """Inline citations with their offsets, then the listed sources (no offsets)."""
    text = text_of(doc)
    mention_by_start = {m["start"]: m for m in mentions}
    ordered = sorted(mentions, key=lambda m: m["start"])
    citations: list[dict] = []
    taken: list[tuple[int, int]] = []  # the citations' spans, disjoint, sorted

    def add(start: int, end: int, source: str, how: str, actor_id: str | None = None,
            named: bool = True) -> None:
        at = bisect.bisect_left(taken, (start, end))
        if (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
            return  # one place in the text cites one source
        if named and _is_law(doc, start, end):
            named, actor_id = False, None  # a law is a ground, not an actor
        if named:
            whole = _whole_name(doc, start, end, text)
            if whole > end:  # the tagger's name was cut short: the actor is the whole name's
                end, actor_id = whole, None
                source = clean_name(text[start:end], person=None) or text[start:end]
        taken.insert(at, (start, end))
        if actor_id is None and named:
            mention = mention_by_start.get(start)
            # a name that covers the source ("Nevada" does not cover "Nevada Current Daily")
            actor_id = mention["actor_id"] if mention and mention["end"] >= end else None
        citations.append({"source": source, "actor_id": actor_id, "start": start, "end": end,
                          "text": text[start:end], "kind": how, "named": named})

    for found in _according_to(doc, text, ordered):
        add(*found)
    ents_by_start = {}
    for ent in entities(doc):
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART"):
            ents_by_start[ent.start_char] = ent
            if ent.text.lower().startswith("the "):
                ents_by_start[ent.start_char + 4] = ent
    for match in _INTRODUCERS.finditer(text):
        ent = ents_by_start.get(match.end())
        if ent is None:
            continue
        if _LISTENER_INTRODUCERS.match(match.group(0)) and (ent.label_ == "PERSON" or not (
                is_news_outlet(ent.text) or _NEWS_KIND_AFTER.match(text, ent.end_char))):
            continue  # one told, or interviewed by, an agency or a committee heard it: no source
        start, end, name = _name_of(ent)
        add(start, end, name, "inline")
    # "<Source> (has also) reported that ...": a named organisation as subject of a report verb.
    for ent in entities(doc):
        if ent.label_ != "ORG":
            continue
        root = ent.root
        if root.dep_ in ("nsubj",) and root.head.lemma_.lower() in REPORT_VERBS and _carries_report(ent):
            start, end, name = _name_of(ent)
            add(start, end, name, "inline")
    for found, subject in _unnamed_reporters(doc):
        # "Data published by OpenAI shows that ...", "a poll by Gallup revealed": the record's
        # publisher, named after it, is the source
        start, end = found[0], min(subject.right_edge.idx + len(subject.right_edge), subject.head.idx)
        if subject.head.i > subject.i and end - start < 200:
            within = [m for m in ordered if start <= m["start"] and m["end"] <= end]
            mention = _source_mention(doc, start, end, subject, within) if within else None
            if mention is not None and mention["start"] > subject.idx:
                add(mention["start"], mention["end"], clean_name(mention["text"], person=None) or mention["text"],
                    "inline", mention["actor_id"], True)
                continue
        add(*found)
    citations.sort(key=lambda c: c["start"])
    for source in cited_sources or []:
        citations.append({"source": source, "actor_id": None, "start": None, "end": None,
                          "text": source, "kind": "sources_line", "named": True})
    return citations


def _according_to(doc: Doc, text: str, mentions: list[dict]):
    """(start, end, source, kind, actor id, named) of every "according to X", named or not."""
    mention_starts = [m["start"] for m in mentions]
    ents = [e for e in entities(doc) if e.label_ in ("ORG", "PERSON")]
    ent_starts = [e.start_char for e in ents]
    for match in re.finditer(r"\baccording\s+to\s+", text, re.IGNORECASE):
        phrase = _object_phrase(doc, match.end())
        if phrase is None:
            continue
        start, end, head = phrase
        if _in_manner(doc, start, head):
            continue
        # The names inside the phrase, found by bisection (the cost stays linear in the article).
        within = mentions[bisect.bisect_left(mention_starts, start):bisect.bisect_left(mention_starts, end)]
        mention = _source_mention(doc, start, end, head, within)
        if mention is not None:
            name = clean_name(mention["text"], person=None) or mention["text"]
            yield mention["start"], mention["end"], name, "inline", mention["actor_id"], True
            continue
        ent = _entity_in(ents[bisect.bisect_left(ent_starts, start):bisect.bisect_left(ent_starts, end)], end)
        if ent is not None and _with_no_conversation(ent.root):
            ent = None  # what a test was run with, not who ran it ("benchmarking with Watch Dogs")
        if ent is not None:
            s, e, name = _name_of(ent)
            yield s, e, name, "inline", None, True
            continue
        # Unnamed: the words up to the phrase's head ("a campaign aide", "federal statistics").
        # A head that is itself a proper noun is a name the tagger did not type ("Iowa Starting
        # Line"): the source is the whole name, not the place name inside it.
        head_end = head.idx + len(head.text) if head is not None else end
        named = head is not None and head.pos_ == "PROPN" and head.text[:1].isupper()
        if named:
            first = head
            while first.i > 0 and doc[first.i - 1].pos_ == "PROPN" and doc[first.i - 1].idx >= start:
                first = doc[first.i - 1]
            yield first.idx, head_end, text[first.idx:head_end], "inline", None, True
            continue
        yield start, max(head_end, start + 1), text[start:head_end] or text[start:end], "inline", None, False


def _unnamed_reporters(doc: Doc):
    """"..., the newspaper reported." / "State media reported that ...": a common noun as the
    subject of a report verb that carries a report (a clause, or the sentence it closes), not
    an object ("the company reported a loss" is a fact about the company). Yields the citation
    and the subject's head."""
    lemmas = lower_lemmas(doc)
    for i, lemma in enumerate(lemmas):
        if lemma not in REPORT_VERBS and lemma not in REVEAL_VERBS:
            continue
        verb = doc[i]
        if verb.pos_ != "VERB" or any(c.dep_ in ("dobj", "attr") for c in verb.children):
            continue
        if not (verb.dep_ in ("parataxis", "ccomp") or any(c.dep_ == "ccomp" for c in verb.children)):
            continue
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or verb.dep_ == "xcomp":
            continue  # "I want the record to show that ...": wished for, nothing reported yet
        for subject in verb.children:
            if subject.dep_ != "nsubj" or subject.pos_ != "NOUN":
                continue
            if subject.text[:1].isupper() and not subject.is_sent_start:
                continue  # a capitalised word within a sentence is a name ("Dion revealed")
            if lemma in REVEAL_VERBS and subject.lower_ not in RECORDS:
                continue
            start = subject.left_edge.idx
            end = subject.idx + len(subject.text)
            if start < end:
                yield (start, end, text_of(doc)[start:end], "inline", None, False), subject


def _object_phrase(doc: Doc, at: int) -> tuple[int, int, Token | None] | None:
    """Start, end and head of the noun phrase that begins at character ``at`` (after "according
    to"): the object of "to" as parsed, bounded to its sentence and cut at its first comma when
    the parser hung a clause on it; without a parsed object, the words up to the next comma."""
    span = doc.char_span(at, min(len(text_of(doc)), at + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    first = span[0]
    sent = sentence_of(first)
    to = doc[first.i - 1] if first.i > 0 else None
    objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None and to.lower_ == "to" else []
    if objects:
        head = objects[0]
        last = min(head.right_edge.i, sent.end - 1)
    else:
        head, last = None, first.i
        while last + 1 < sent.end and doc[last + 1].text not in {",", ".", ";", ":", "—", "–", "(", "\n"} \
                and not doc[last + 1].is_space and last - first.i < MAX_SOURCE_TOKENS:
            last += 1
    if last - first.i >= MAX_SOURCE_TOKENS:
        commas = [t.i for t in doc[first.i:last + 1] if t.text == ","]
        if commas and commas[0] > first.i:
            last = commas[0] - 1
    while last > first.i and (doc[last].is_punct or doc[last].is_space):
        last -= 1
    if head is not None and not first.i <= head.i <= last:
        head = None
    return first.idx, doc[last].idx + len(doc[last].text), head


def _source_mention(doc: Doc, start: int, end: int, head: Token | None, mentions: list[dict]) -> dict | None:
    """The named actor a source phrase stands for: the one its head names ("the Federal Bureau of
    Prisons"), else one hung on the head by "by", "from"... ("a poll by Gallup"), else one that
    modifies the head ("a Washington Post database"). A pronoun or a common noun is no name."""
    inside = [m for m in mentions if m["start"] >= start and m["end"] <= end
              and m.get("kind") not in ("pronoun", "nominal", "demonym", "nested")]
    if not inside:
        return None
    if head is None:
        return inside[0]
    for m in inside:
        if m["start"] <= head.idx < m["end"]:
            return m
    behind = [m for m in inside if _hangs_on(doc, m, head)]
    if behind:
        return behind[0]
    if head.pos_ == "PROPN":
        return None  # "Iowa Starting Line": a place at the start of a name is not the source
    before_head = [m for m in inside if m["end"] <= head.idx]
    return before_head[0] if before_head else None


def _hangs_on(doc: Doc, mention: dict, head: Token) -> bool:
    """Whether a mention's words hang on the head through a preposition of _BEHIND."""
    span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    if root.dep_ != "pobj":
        return False
    holder = root.head.head
    if holder.dep_ == "acl" and holder.tag_ == "VBN" and holder.head.i == head.i:
        holder = head  # "data published by OpenAI", "a poll conducted by Gallup"
    if holder.i != head.i:
        return False
    if root.head.lower_ == "with":
        return head.lemma_.lower() in _CONVERSATIONS
    return root.head.lower_ in _BEHIND or (root.head.lower_ == "in" and head.lower_ in _PUBLISHED)


def _with_no_conversation(root: Token) -> bool:
    """Whether a name hangs by "with" on a head that is no conversation (see _CONVERSATIONS)."""
    return root.dep_ == "pobj" and root.head.lower_ == "with" \
        and root.head.head.lemma_.lower() not in _CONVERSATIONS


def _in_manner(doc: Doc, start: int, head: Token | None) -> bool:
    """Whether an "according to" at ``start`` means "depending on" rather than citing. An
    attribution is set off from its clause (it opens the sentence, or follows a comma, a
    parenthesis or a dash: "According to the plan, firms must repay"); the manner sense runs on
    from what it qualifies, after a verb of arranging or varying ("adjust according to taste"),
    or with a plan, a wish, a measure or the reader's own taste as its object ("went according
    to plan", "add water according to your desired thickness")."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or span.start < 2:
        return False
    according = doc[span.start - 2]
    if according.lower_ != "according" or according.is_sent_start or according.i == 0 \
            or doc[according.i - 1].text in {",", "(", "—", "–", ";", ":", "\n"} or doc[according.i - 1].is_space:
        return False
    if head is not None and head.lower_ in _MANNER_NOUNS:
        return True
    if span[0].lower_ in ("your", "one's", "own"):
        return True
    verb = according.head
    return verb.i != according.i and verb.pos_ == "VERB" and verb.lemma_.lower() in _MANNER_VERBS \
        and verb.i < according.i and not any(t.text in {",", "(", "—", "–"} for t in doc[verb.i:according.i])


def _entity_in(ents: list[Span], end: int) -> Span | None:
    """The first person or organisation entity (of those starting in a phrase) that ends in it."""
    for ent in ents:
        if ent.end_char <= end:
            return ent
    return None


def _name_of(ent) -> tuple[int, int, str]:
    name = clean_name(ent.text, person=ent.label_ == "PERSON")
    offset = ent.text.rfind(name)
    start = ent.start_char + max(offset, 0)
    return start, start + len(name), name


# Capitalised words that never continue a name: a weekday or a month after a name dates the
# citation ("told Reuters Monday", "reported Jan. 5"), and a capitalised function word starts
# something else (a heading, a sentence the splitter missed).
_NOT_NAME_WORDS = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
    "the", "a", "an", "this", "that", "these", "those", "he", "she", "it", "they", "we", "i",
    "you", "his", "her", "its", "their", "our", "but", "and", "or", "if", "when", "while",
    "as", "in", "on", "at", "for", "to", "by", "with", "from", "after", "before", "also",
}


def _title_word(token: Token) -> bool:
    """A word written as part of a name: capitalised, not a weekday, a month or a function word."""
    return token.text[:1].isupper() and token.text[:1].isalpha() \
        and token.lower_.rstrip(".") not in _NOT_NAME_WORDS


def _whole_name(doc: Doc, start: int, end: int, text: str) -> int:
    """The end of the name a source from ``start`` to ``end`` is part of. English writes a name
    as one run of capitalised words ("Iowa Starting Line", "Medical News Today"), so a source
    the tagger cut inside such a run ("Iowa", "Medical News") runs on to the run's end: over
    words that follow with a single space, a hyphen between two single words ("Spokesman-
    Review", where "ABC News-Washington Post" and "NBC-Wall Street Journal" join two), and
    "&" ("Johnson & Johnson"); over "of" when the name is not a person's ("Bank of America",
    where "Smith of Harvard" is a person and a place); over "and" only between two single
    words neither of which the article writes alone ("the Post and Courier", where "Reuters
    and Bloomberg", "the House and Senate" and "CNN and The New York Times" are two names). It
    stops at the sentence's end, at punctuation and at any lower-case word."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return end
    last = span[-1]
    person = any(t.ent_type_ == "PERSON" for t in span)
    sentence = sentence_of(last)
    sent_end = sentence.end
    if any(t.pos_ in ("VERB", "AUX") and t.text[:1].isupper() and not t.is_sent_start for t in sentence):
        return end  # a headline in Title Case: capitals there say nothing of where a name ends
    i = last.i
    while i + 1 < sent_end:
        following = doc[i + 1]
        gap = doc[i].whitespace_
        if following.is_sent_start or "\n" in gap:
            break
        if not gap and following.text in ("-", "–") and i + 2 < sent_end \
                and not doc[i + 1].whitespace_ and _title_word(doc[i + 2]) and i == span.start \
                and not doc[i].text.isupper() and not (i + 3 < sent_end and _title_word(doc[i + 3])):
            i += 2  # "Spokesman-Review" (where "an ABC News-Washington Post poll" has two)
            continue
        if gap == " " and _title_word(following):
            i += 1
            continue
        if gap == " " and following.lower_ in ("&", "of", "and") and i + 2 < sent_end \
                and following.whitespace_ == " " and _title_word(doc[i + 2]):
            joined = doc[i + 2]
            if following.lower_ == "of" and person:
                break
            if following.lower_ == "and" and not _one_name_in_and(doc, doc[i], joined, text):
                break
            i += 2
            continue
        break
    # a footnote's number the tokenizer left on the last word ("Iowa Starting Line.2")
    last_word = re.sub(r"\.\d+$", "", doc[i].text)
    return max(end, doc[i].idx + len(last_word))


def _one_name_in_and(doc: Doc, left: Token, right: Token, text: str) -> bool:
    """Whether "Left and Right" is one name: the tagger reads it as one, or both are single
    capitalised words under one "the" (a newspaper's name made of common nouns, "the Post and
    Courier", where brands take no article: "Reuters and Bloomberg"), neither an acronym, a
    person, a name the alias table knows, nor one the article writes alone ("the House and
    Senate" in an article that names the Senate)."""
    if left.ent_iob_ in ("B", "I") and right.ent_iob_ == "I":
        return True  # one entity over both ("Procter and Gamble")
    if left.i > 0 and _title_word(doc[left.i - 1]) or right.i + 1 < len(doc) and _title_word(doc[right.i + 1]):
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in left.children):
        return False
    for word in (left, right):
        if word.text.isupper() or word.ent_type_ == "PERSON" or lookup_alias(word.text) is not None:
            return False
    whole = f"{left.text} and {right.text}"
    for word in (left.text, right.text):
        alone = len(re.findall(r"\b" + re.escape(word) + r"\b", text))
        if alone > len(re.findall(re.escape(whole), text)):
            return False
    return True


def _is_law(doc: Doc, start: int, end: int) -> bool:
    """Whether a named source is a law the tagger reads as one ("the Affordable Care Act"): a
    ground a claim rests on, kept as a source as PolNeAR keeps "state law", but no actor."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ == "LAW"


# Writing that gives its author's opinion: published, it is no report of the news by whoever
# publishes it ("the Heritage Foundation published an editorial"), unless a news organisation does.
OPINION_WRITING = {"editorial", "column", "op-ed", "oped", "essay", "commentary", "opinion", "blog",
                   "post", "letter", "tribute", "review"}


def _carries_report(ent: Span) -> bool:
    """Whether a named organisation as subject of a verb of reporting is a source the article
    cites. A news organisation is, whatever it reported or published ("The Guardian published
    an editorial", "CNN reported the story"). Any other is when the verb reports something
    said or found: a clause ("Apple reported that sales rose"), nothing ("..., the police
    department reported") or a record ("the RNC published a report detailing ..."); not when
    its object is a fact about itself ("Apple reported a quarterly loss"), its opinion ("the
    think tank published an editorial") or what it "cited" or "quoted" as its reasons ("the
    Congressional Budget Office cited the tax")."""
    if is_news_outlet(ent.text):
        return True
    verb = ent.root.head
    if verb.lemma_.lower() in ("cite", "quote"):
        return False
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    if not objects:
        return True
    noun = objects[0].lemma_.lower()
    return noun in RECORDS and noun not in OPINION_WRITING


# Words a news organisation's name ends with, as newspapers, magazines, broadcasters and agencies
# are named ("The Washington Post", "Sahan Journal", "NBC News", "Vatican Radio").
_NEWS_NAME_ENDS = {
    "times", "post", "journal", "tribune", "herald", "gazette", "telegraph", "guardian", "observer",
    "chronicle", "courier", "examiner", "inquirer", "star", "sun", "mail", "express", "independent",
    "standard", "news", "newspaper", "magazine", "bulletin", "dispatch", "monitor", "globe", "mirror",
    "press", "weekly", "daily", "today", "tv", "television", "radio", "broadcasting", "newswire",
    "wire", "review", "record", "register", "sentinel", "ledger", "beacon", "beast", "insider",
    "recorder", "argus", "statesman", "bee", "playbook", "reporter", "intelligencer", "blade",
    "plain dealer", "picayune", "journal-constitution", "post-gazette", "star-ledger", "review-journal",
    "spokesman-review", "times-picayune", "herald-tribune", "newsroom", "news agency",
}
# News organisations whose names say nothing of what they are: wire services, broadcasters,
# newspapers and sites known by a brand.
_NEWS_BRANDS = {
    "reuters", "ap", "afp", "bloomberg", "xinhua", "tass", "ria", "interfax", "kyodo", "yonhap",
    "anadolu", "dpa", "efe", "ansa", "pti", "cnn", "bbc", "nbc", "abc", "cbs", "npr", "pbs", "msnbc",
    "cnbc", "fox", "c-span", "univision", "telemundo", "itv", "sky", "rt", "cbc", "dw", "france 24",
    "al jazeera", "euronews", "nhk", "axios", "politico", "buzzfeed", "breitbart", "vox", "slate",
    "salon", "vice", "wired", "forbes", "fortune", "newsweek", "time", "variety", "deadline", "tmz",
    "huffpost", "haaretz", "le monde", "le figaro", "liberation", "der spiegel", "spiegel", "bild",
    "el pais", "el país", "la repubblica", "corriere della sera", "vogue", "techcrunch", "the verge",
    "engadget", "gizmodo", "mashable", "anandtech", "propublica", "mother jones", "the atlantic",
    "the hill", "the intercept", "theblaze", "yahoo", "usa today", "rolling stone", "the new yorker",
    "new yorker", "people", "pc gamer", "ign", "kotaku", "polygon", "ars technica", "zdnet",
    "cnet", "the economist", "economist", "semafor", "nikkei", "caixin", "pravda", "izvestia",
    "kommersant", "vedomosti", "infobae", "clarin", "drudge report", "scmp", "newsmax", "newsy", "ndtv", "yle", "svt", "nrk",
    "rte", "abc news", "sky news", "nbc news", "cbs news", "fox news", "bbc news", "cnn international",
}
# Brands that are also common words: they name the organisation only as the whole name ("Time",
# "Variety"), not at the start of another ("Time Warner", "Fortune Brands").
_COMMON_WORD_BRANDS = {"time", "fortune", "people", "variety", "deadline", "vice", "salon", "slate",
                       "wired", "sky", "fox", "stat", "vogue", "polygon", "yahoo", "ria"}
_CALL_SIGN = re.compile(r"^[KW][A-Z]{2,3}(?:-(?:TV|FM|AM|DT))?$")  # US broadcasters: "KXAN", "WKOW-TV"


def is_news_outlet(name: str) -> bool:
    """Whether a name is a news organisation's: a wire service, broadcaster, newspaper, magazine
    or news site, by the word its name ends with ("The Washington Post", "NBC News", "Vatican
    Radio"), a brand ("Reuters", "Politico", "POLITICO Playbook") or a US call sign ("KXAN")."""
    words = re.sub(r"['’]s?$", "", name.strip()).strip(" .,:;").split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words:
        return False
    lowered = [w.lower() for w in words]
    whole = " ".join(lowered)
    if whole in _NEWS_BRANDS or (lowered[0] in _NEWS_BRANDS and (words[0].isupper() or lowered[0] not in _COMMON_WORD_BRANDS)):
        return True  # a brand before a show's or section's name: "POLITICO Playbook", "Bloomberg Politics"
    if _CALL_SIGN.match(words[-1]) or _CALL_SIGN.match(words[0]):
        return True
    return lowered[-1] in _NEWS_NAME_ENDS or " ".join(lowered[-2:]) in _NEWS_NAME_ENDS or "news" in lowered
