"""Helpers over the dependency parse shared by the deal and event rules."""

from __future__ import annotations

import bisect

from spacy.attrs import IDX, LEMMA, ORTH
from spacy.tokens import Doc, Span, Token

MODAL_HYPOTHETICAL = {"could", "might", "may", "would", "should", "can", "ca"}
HYPOTHETICAL_HEADS = {"threaten", "plan", "consider", "propose", "seek", "want", "intend",
                      "hope", "aim", "offer", "prepare", "expect", "mull", "weigh", "discuss"}
REPORTING_HEADS = {"say", "report", "claim", "tell", "warn", "argue", "suggest", "allege",
                   "accuse", "believe", "state", "add", "insist", "announce", "confirm", "write"}
REPORTED_ADVERBS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
NEGATIONS = {"not", "n't", "never", "no"}
# Heads that deny what they govern: "refused to sell", "the refusal of the Fed to bail out".
NEGATING_HEADS = {"refuse", "refusal", "decline", "reject", "rejection", "fail", "failure", "deny"}


class SpanIndex:
    """Character spans (start, end) that answer "does any span overlap / cover (a, b)?" by
    bisection, so checking every fact against every entity stays linear-logarithmic."""

    def __init__(self, spans):
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []  # the largest end among the spans up to each position
        best = -1
        for _, end in ordered:
            best = max(best, end)
            self._max_end.append(best)

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has s < end and start < e."""
        at = bisect.bisect_left(self._starts, end) - 1
        return at >= 0 and self._max_end[at] > start

    def covers(self, start: int, end: int) -> bool:
        """Some span has s <= start and end <= e."""
        at = bisect.bisect_right(self._starts, start) - 1
        return at >= 0 and self._max_end[at] >= end


def _start(fact: dict) -> int:
    return fact["start"]


def starting_between(facts: list[dict], lo: int, hi: int) -> list[dict]:
    """The facts that start in ``[lo, hi)``, by bisection in a list sorted by ``start`` (looking a
    sentence's facts up in a whole article's list stays logarithmic)."""
    return facts[bisect.bisect_left(facts, lo, key=_start): bisect.bisect_left(facts, hi, key=_start)]


def text_of(doc: Doc) -> str:
    """The doc's text, read once (``doc.text`` joins every token again on each access)."""
    text = doc.user_data.get("factwire.text")
    if text is None:
        text = doc.user_data["factwire.text"] = doc.text
    return text


def token_texts(doc: Doc) -> list[str]:
    """Every token's text, by token index, read once per doc from the token array
    (``for token in doc`` makes a Token object per token on every pass)."""
    cached = doc.user_data.get("factwire.token_texts")
    if cached is None:
        strings = doc.vocab.strings
        cached = doc.user_data["factwire.token_texts"] = [strings[h] for h in doc.to_array(ORTH).tolist()]
    return cached


def token_starts(doc: Doc) -> list[int]:
    """Every token's character offset (``token.idx``), by token index, read once per doc."""
    cached = doc.user_data.get("factwire.token_starts")
    if cached is None:
        cached = doc.user_data["factwire.token_starts"] = doc.to_array(IDX).tolist()
    return cached


def lower_lemmas(doc: Doc) -> list[str]:
    """Every token's ``lemma_.lower()``, by token index, read once per doc: the trigger rules
    look at these first and make Token objects only for the few tokens that can fire."""
    cached = doc.user_data.get("factwire.lower_lemmas")
    if cached is None:
        strings = doc.vocab.strings
        cached = doc.user_data["factwire.lower_lemmas"] = [
            strings[h].lower() for h in doc.to_array(LEMMA).tolist()]
    return cached


def entities(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, computed once per doc (the property walks every token on each access)."""
    cached = doc.user_data.get("factwire.entities")
    if cached is None:
        cached = doc.user_data["factwire.entities"] = doc.ents
    return cached


def sentences(doc: Doc) -> list[Span]:
    """The doc's sentences, computed once per doc (``doc.sents`` walks the whole doc each time)."""
    cached = doc.user_data.get("factwire.sentences")
    if cached is None:
        cached = doc.user_data["factwire.sentences"] = list(doc.sents)
        doc.user_data["factwire.sentence_starts"] = [s.start for s in cached]
    return cached


def sentence_of(token: Token) -> Span:
    """The sentence a token stands in, by bisection (``token.sent`` walks the sentence each time,
    which is quadratic on a long run-on text)."""
    found = sentences(token.doc)
    starts = token.doc.user_data["factwire.sentence_starts"]
    return found[max(0, bisect.bisect_right(starts, token.i) - 1)]


def sentences_overlapping(doc: Doc, start_char: int, end_char: int) -> list[Span]:
    """Sentences overlapping a character range, in order."""
    found = sentences(doc)
    ends = doc.user_data.setdefault("factwire.sentence_end_chars", [s.end_char for s in found])
    first = bisect.bisect_right(ends, start_char)
    result = []
    for sent in found[first:]:
        if sent.start_char >= end_char:
            break
        result.append(sent)
    return result


def _sentence_is_reported(sentence: Span) -> bool:
    cache = sentence.doc.user_data.setdefault("factwire.reported_sentences", {})
    if sentence.start not in cache:
        cache[sentence.start] = any(t.lower_ == "according" or t.lower_ in REPORTED_ADVERBS for t in sentence)
    return cache[sentence.start]


class MentionIndex:
    """Which actor, if any, each token belongs to."""

    def __init__(self, doc: Doc, mentions: list[dict]):
        self.doc = doc
        self.by_token: dict[int, str] = {}
        self.mention_by_token: dict[int, dict] = {}
        for mention in mentions:
            span = doc.char_span(mention["start"], mention["end"], alignment_mode="expand")
            if span is None:
                continue
            for token in span:
                self.by_token[token.i] = mention["actor_id"]
                self.mention_by_token[token.i] = mention

    def actor(self, token: Token) -> str | None:
        return self.by_token.get(token.i)

    def actors_of_phrase(self, head: Token, include_modifiers: bool = True) -> list[str]:
        """Actors a noun phrase names: the head, its conjuncts and, optionally, its modifiers
        ("Russian air defence systems" names Russia), in text order, without repeats."""
        found: list[str] = []
        for token in conjuncts(head):
            actor = self.actor(token)
            if actor and actor not in found:
                found.append(actor)
            elif include_modifiers or actor is None:
                # "the Beatles' record company, Apple Corps": the apposition names the head.
                named = [c for c in token.children if c.dep_ == "appos" and self.actor(c)]
                for child in named:
                    if self.actor(child) not in found:
                        found.append(self.actor(child))
                if named and actor is None:
                    continue
                for child in token.children:
                    if child.dep_ in ("compound", "amod", "nmod", "poss") and self.actor(child):
                        if self.actor(child) not in found:
                            found.append(self.actor(child))
        return found

    def actors_of_agent(self, head: Token) -> list[str]:
        """Actors acting through a noun phrase: its own actors, else the group it comes from
        ("the fifteen countries from the Eurogroup", "executives of Apple")."""
        found = self.actors_of_phrase(head, include_modifiers=False)
        if found or head.pos_ != "NOUN":
            return found
        for _, obj in prep_objects(head, {"of", "from", "at"}):
            found.extend(a for a in self.actors_of_phrase(obj, include_modifiers=False) if a not in found)
        return found

    def span_of(self, token: Token | None) -> dict | None:
        """``{start, end}`` of an argument: the actor mention it is part of, else the word itself."""
        if token is None:
            return None
        start, end = self.mention_span(token) or (token.idx, token.idx + len(token))
        appos = next((c for c in token.children if c.dep_ == "appos" and 0 < c.i - token.i <= 2), None)
        if appos is not None and self.actor(appos) and not self.actor(token):
            end = (self.mention_span(appos) or (0, appos.idx + len(appos)))[1]  # "firm AIG"
        return {"start": start, "end": end}

    def mention_span(self, token: Token) -> tuple[int, int] | None:
        mention = self.mention_by_token.get(token.i)
        return (mention["start"], mention["end"]) if mention else None


def conjuncts(token: Token) -> list[Token]:
    """The token and every token coordinated with it ("the United States and Israel")."""
    return [token, *token.conjuncts]


def subjects(verb: Token) -> list[Token]:
    """Subjects of a verb, borrowing the subject of a coordinated or governing verb."""
    found = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    current = verb
    while not found and current.dep_ in ("conj", "xcomp", "advcl", "relcl", "acl") and current.head is not current:
        parent = current.head
        if current.dep_ == "acl" and _is_infinitive(current) and parent.pos_ in ("NOUN", "PROPN"):
            # "the Fed's refusal to bail out Lehman", "the refusal of the Fed to ...": the noun's
            # own agent; else "Iran signed a deal to purchase ...": whoever holds the deal.
            own = [c for c in parent.children if c.dep_ == "poss"]
            own = own or [o for p, o in prep_objects(parent, {"by", "of"}) if o.pos_ == "PROPN"]
            if own:
                return own[:1]
            holder = _governing_verb(parent)
            return subjects(holder) if holder is not None else []
        if current.dep_ in ("relcl", "acl") and parent.pos_ in ("NOUN", "PROPN"):
            return [parent]
        found = [c for c in parent.children if c.dep_ in ("nsubj", "nsubjpass")]
        if current.dep_ == "xcomp":
            objects = [c for c in parent.children if c.dep_ in ("dobj",)]
            found = found if not objects or parent.lemma_ not in ("help", "allow", "force") else objects
        current = parent
    return found


def direct_objects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]


def prep_objects(token: Token, preps: set[str] | None = None) -> list[tuple[str, Token]]:
    found = []
    for child in token.children:
        if (child.dep_ in ("prep", "agent") or child.dep_ == "dative" and child.pos_ == "ADP") and (
                preps is None or child.lower_ in preps):
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    found.append((child.lower_, grandchild))
                elif grandchild.dep_ == "pcomp":
                    found.extend((child.lower_, g) for g in grandchild.children if g.dep_ == "pobj")
    return found


def modality(verb: Token) -> str:
    """asserted, negated, hypothetical or reported, from the verb, its auxiliaries and what governs it."""
    children = list(verb.children)
    if any(c.dep_ == "neg" or c.lower_ in NEGATIONS and c.dep_ in ("neg", "advmod", "det") for c in children):
        return "negated"
    chain = [verb]
    current = verb
    while current.dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl") and current.head is not current:
        current = current.head
        chain.append(current)
    for token in chain[:3]:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in MODAL_HYPOTHETICAL:
                return "hypothetical"
            if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
                return "hypothetical"
        if token is not verb and token.lemma_ in HYPOTHETICAL_HEADS:
            return "hypothetical"
        if token is not verb and token.lemma_ in NEGATING_HEADS:
            return "negated"
    if any(t.lower_ in REPORTED_ADVERBS for t in children):
        return "reported"
    for token in chain[1:]:
        if token.lemma_ in REPORTING_HEADS:
            return "reported"
    if _sentence_is_reported(sentence_of(verb)):
        return "reported"
    return "asserted"


def phrase(token: Token, max_chars: int = 160) -> tuple[int, int]:
    """Character span of a token's whole subtree (the phrase it heads), capped in length."""
    start = token.left_edge.idx
    end = token.right_edge.idx + len(token.right_edge)
    if end - start > max_chars:
        end = token.idx + len(token)
    return start, end


def _is_infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun phrase hangs from, directly or through a preposition ("in talks")."""
    current = noun
    for _ in range(3):
        if current.dep_ in ("dobj", "attr", "pobj", "prep", "nsubj", "nsubjpass") and current.head != current:
            current = current.head
            if current.pos_ in ("VERB", "AUX"):
                return current
        else:
            return None
    return None


RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
# Heads of quantity phrases whose "of" object is what the phrase is about: "billions of dollars
# of bad loans" is about loans, "a large amount of stock" about stock.
QUANTITY_HEADS = {"amount", "number", "lot", "lots", "plenty", "couple", "pair", "dozen", "dozens",
                  "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion",
                  "billions", "trillion", "trillions", "worth", "dollar", "euro", "pound", "yen",
                  "yuan", "ton", "tonne", "batch", "package", "quantity", "volume", "total", "%",
                  "percent", "per cent"}
# Particles that belong to a transaction verb or noun: "bail out", "buy back", "sell off".
PARTICLES = {"out", "off", "back", "up"}


def argument_head(token: Token) -> Token:
    """The word a noun phrase is about, past quantity heads ("billions of dollars of loans")."""
    for _ in range(4):
        if not (token.pos_ == "NUM" or token.lemma_.lower() in QUANTITY_HEADS):
            break
        objects = [o for p, o in prep_objects(token, {"of"})]
        if not objects:
            break
        token = objects[0]
    return token


def is_passive(verb: Token) -> bool:
    """A passive clause ("was acquired by") or a passive participle on a noun ("shares sold by")."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def agent_of(token: Token) -> Token | None:
    """The object of a "by" phrase on a passive verb or a noun ("the bailout of AIG by the Fed")."""
    for child in token.children:
        if child.dep_ in ("agent", "prep") and child.lower_ == "by":
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if objects:
                return objects[0]
    return None


def verb_arguments(verb: Token, arg1_preps: tuple[str, ...] = ()) -> tuple[Token | None, Token | None]:
    """Agent (PropBank Arg0) and theme (Arg1) heads of a verb, active or passive.

    Handles subjects borrowed from coordinated and governing verbs, relative clauses ("the music
    it sells", "the company that sold X"), passives ("was acquired by") and quantity objects.
    ``arg1_preps`` name prepositions whose object is the theme when there is no direct object
    ("agree on a plan", "settle on prices").
    """
    theme: Token | None = None
    if is_passive(verb):
        found = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if found:
            theme = found[0]
        elif verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            theme = verb.head
        agent = agent_of(verb)
        if theme is not None and theme.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            theme = verb.head
        return agent, argument_head(theme) if theme is not None else None
    found = subjects(verb)
    agent = found[0] if found else None
    if agent is not None and agent.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        agent = verb.head
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if objects:
        theme = objects[0]
        if theme.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
            theme = verb.head
    elif verb.dep_ == "relcl" and agent != verb.head:
        theme = verb.head  # "the music it sells"
    else:
        theme = next((o for p, o in prep_objects(verb, set(arg1_preps))), None)
        if theme is None and "to" in arg1_preps:
            theme = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
    if agent == verb.head and theme == verb.head:
        agent = None
    return agent, argument_head(theme) if theme is not None else None


def extent(token: Token) -> tuple[int, int]:
    """Characters of a trigger word with its particle ("bail out", "sell off")."""
    end = token.idx + len(token)
    doc = token.doc
    nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ == "-" and token.i + 2 < len(doc):
        if doc[token.i + 2].lower_ in PARTICLES and nxt.idx == end:
            return token.idx, doc[token.i + 2].idx + len(doc[token.i + 2])
    if nxt is not None and nxt.lower_ in PARTICLES and nxt.idx == end + 1 and (
            nxt.head == token and nxt.dep_ == "prt" or token.lower_ == "bail"):
        return token.idx, nxt.idx + len(nxt)
    return token.idx, end


def is_market_move(verb: Token) -> bool:
    """"Shares sold off": a falling market, not a sale (a sell-off has no thing sold)."""
    return (verb.lemma_.lower() == "sell" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
            and not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children))


# Dates that name a point on the calendar; reference values (PAST_REF), durations (P6Y),
# seasons and fiscal years are not a deal's or an event's date.
CALENDAR_PRECISIONS = {"day", "week", "month", "quarter", "half", "year", "decade"}


def is_calendar_date(date: dict) -> bool:
    return bool(date.get("value")) and date.get("precision") in CALENDAR_PRECISIONS
