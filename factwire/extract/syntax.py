"""Helpers over the dependency parse shared by the deal and event rules."""

from __future__ import annotations

from spacy.tokens import Doc, Token

MODAL_HYPOTHETICAL = {"could", "might", "may", "would", "should", "can", "ca"}
HYPOTHETICAL_HEADS = {"threaten", "plan", "consider", "propose", "seek", "want", "intend",
                      "hope", "aim", "offer", "prepare", "expect", "mull", "weigh", "discuss"}
REPORTING_HEADS = {"say", "report", "claim", "tell", "warn", "argue", "suggest", "allege",
                   "accuse", "believe", "state", "add", "insist", "announce", "confirm", "write"}
REPORTED_ADVERBS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
NEGATIONS = {"not", "n't", "never", "no"}


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
                for child in token.children:
                    if child.dep_ in ("compound", "amod", "nmod", "poss") and self.actor(child):
                        if self.actor(child) not in found:
                            found.append(self.actor(child))
        return found

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
        if child.dep_ == "prep" and (preps is None or child.lower_ in preps):
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
    if any(t.lower_ in REPORTED_ADVERBS for t in children):
        return "reported"
    for token in chain[1:]:
        if token.lemma_ in REPORTING_HEADS:
            return "reported"
    sentence = verb.sent
    if any(t.lower_ == "according" for t in sentence) or any(t.lower_ in REPORTED_ADVERBS for t in sentence):
        return "reported"
    return "asserted"


def phrase(token: Token, max_chars: int = 160) -> tuple[int, int]:
    """Character span of a token's whole subtree (the phrase it heads), capped in length."""
    start = token.left_edge.idx
    end = token.right_edge.idx + len(token.right_edge)
    if end - start > max_chars:
        end = token.idx + len(token)
    return start, end
