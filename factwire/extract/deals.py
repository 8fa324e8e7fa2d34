"""Deals and agreements: kind, parties, buyer and seller, value, item, date, status, citation,
and a confidence.

Triggers are deal nouns ("agreement", "deal", "aid", "sale of X to Y", "X's acquisition of Y")
and transaction verbs ("buy", "sell", "acquire", "donate", "license", "bail out"). The
dependency parse gives each trigger its agent (PropBank Arg0) and theme (Arg1) heads, which need
not be actors ("the company", "shares"), and the parties, which are actors the phrases name:
never a dateline, a name that only modifies another noun ("US banks"), a region, one member
("a Republican") or an agreement's own name. Roles follow the syntax (passives, possessives,
"from", "to", the company bought being a party and not its seller); a value is the deal's only
when the grammar ties the amount to the trigger; status comes from the verb and what governs it
(tried, failed, refused, asked to, would, will). A trigger makes a deal row only when it has at
least one actor party; revenue ("Apple's sales"), bargains and figures of speech make none.

Every row carries a confidence: a logistic model over a few signals (two sides, roles filled,
value tied, planned, did not happen), fitted on the deals RAMS and MEANTIME can judge
(factwire/training/deals.py); the marts show rows at or above the display threshold. A
one-sided row ("Apple began selling movies") is kept for SQL but scores low: a deal has two
sides, and a wrong row costs a reader more than a missing one. Mentions of one deal in an
article (same kind, same parties, compatible date and value) are merged into one deal.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from factwire.extract.actors import lookup_alias
from factwire.extract.gender import agrees, name_gender
from factwire.extract.syntax import (REPORTING_HEADS, MentionIndex, text_of, starting_between, agent_of, argument_head, conjuncts, direct_objects, extent,
                                     is_calendar_date, is_market_move, is_passive, lower_lemmas, modality, phrase, prep_objects,
                                     sentence_of, subjects, token_texts, verb_arguments)

DEAL_NOUNS = {
    "agreement": "agreement", "deal": "agreement", "pact": "agreement", "treaty": "agreement",
    "accord": "agreement", "memorandum": "agreement", "mou": "agreement", "contract": "supply",
    "merger": "merger", "acquisition": "acquisition", "takeover": "acquisition", "purchase": "purchase",
    "sale": "sale", "order": "order", "loan": "loan", "investment": "investment", "stake": "investment",
    "buyout": "acquisition", "bailout": "loan", "settlement": "agreement", "partnership": "agreement",
    "arrangement": "agreement", "licence": "agreement", "license": "agreement",
    "aid": "aid", "assistance": "aid", "grant": "aid", "donation": "aid", "funding": "aid",
    "auction": "sale", "bid": "acquisition",
}
# Money moved between actors, a deal only with its giver or recipient named ("an infusion of
# funds from Klein Ltd.", "funds to Hamas"); "hedge funds" and "the funds" alone are not.
MONEY_NOUNS = {"funds": "aid"}
# Verbs whose subject is the one who gets what their object names: "Pakistan received a loan
# from the IMF", "the foundation got $2 million in funding from Goldman Sachs".
RECEIVING_VERBS = {"receive", "get", "obtain", "secure", "accept", "win", "land", "raise"}
# Nouns that are deals only with their particle: "the $700 billion bail out of the sector".
PARTICLE_NOUNS = {("bail", "out"): "loan", ("buy", "out"): "acquisition", ("buy", "back"): "purchase"}
DEAL_VERBS = {
    "buy": "purchase", "purchase": "purchase", "acquire": "acquisition", "sell": "sale",
    "order": "order", "lend": "loan", "loan": "loan", "invest": "investment", "merge": "merger",
    "supply": "supply", "borrow": "loan", "settle": "agreement", "license": "agreement",
    "licence": "agreement", "bail": "loan", "take": "acquisition", "donate": "aid", "grant": "aid", "fund": "aid", "contribute": "aid",
    "auction": "sale",
}
# Verbs that need a money value (or, for "settle", a counterpart) to be a deal rather than an event.
WEAK_DEAL_VERBS = {"supply", "order", "settle"}
# Verbs that give something: a deal only when what is given is money or aid, or with a recipient
# ("granted him asylum" and "granted the request" are not transactions).
GIVING_VERBS = {"grant", "donate", "fund", "contribute", "give", "provide", "send"}
# Giving verbs that are gifts only of money to a named recipient ("contributed $1 million to the
# Republican Governors Association"; "contributed to the decline", "contributed an essay" are not).
MONEY_GIVING_VERBS = {"contribute", "give", "provide", "send"}
# Nouns that need a money value in their sentence: "under orders of the government" is a command.
WEAK_DEAL_NOUNS = {"order"}
# Verbs that are deals only with their particle ("bail out"; "bail" alone is a court matter).
PARTICLE_VERBS = {"bail": "out", "take": "over"}
# A theme in a prepositional phrase when the verb has no object: "settle on a price".
THEME_PREPS = {"settle": ("on",), "invest": ("in",), "merge": ("with",), "agree": ("on", "to")}
STATUS_VERBS = {
    "sign": "signed", "ink": "signed", "seal": "signed", "conclude": "signed", "finalise": "signed",
    "finalize": "signed", "complete": "completed", "close": "completed", "agree": "agreed",
    "reach": "agreed", "strike": "agreed", "approve": "agreed", "announce": "announced",
    "propose": "proposed", "negotiate": "proposed", "discuss": "proposed", "plan": "proposed",
    "consider": "proposed", "seek": "proposed", "offer": "proposed", "cancel": "cancelled",
    "scrap": "cancelled", "terminate": "cancelled", "abandon": "cancelled", "block": "cancelled",
    "arrange": "agreed",
    # an order or a contract won is placed: "Airbus won an order from Qantas"
    "win": "signed", "receive": "completed", "secure": "signed", "land": "signed", "clinch": "signed", "book": "signed",
    # undone: "repudiating the Obama administration's deal with Iran", "withdraw from the treaty"
    "repudiate": "cancelled", "renounce": "cancelled", "rescind": "cancelled", "revoke": "cancelled",
    "withdraw": "cancelled", "exit": "cancelled", "quit": "cancelled",
}
# Verbs whose object is an amount of a deal noun: "approved $1 billion in military aid".
AMOUNT_VERBS = {"approve", "provide", "give", "grant", "send", "pledge", "offer", "announce", "commit",
                "promise", "lend", "extend", "deliver", "allocate", "earmark", "authorize", "authorise"}
# Light verbs whose subject makes the deal the noun names: "Apple made a purchase of ...".
LIGHT_VERBS = {"make", "enter", "secure", "clinch", "land", "win", "have", "do", "pursue", "launch",
               "receive", "get", "obtain", "grant", "give", "provide", "extend", "renew", "award"}
PARTY_PREPS = {"between", "with", "among"}
AGENTIVE_KINDS = {"agreement", "merger"}  # "an agreement between A and B": A and B agree
# A token can be a trigger only with one of these lemmas, or as the first word of a particle noun.
# Verbs of handing over that are a gift only of money to a named recipient ("Saudi Arabia gave
# $100 million to the Clinton Foundation", "Japan provided $500 million to Ukraine"; "gave a
# speech to", "provided details to" are not); with a deal noun as their object ("gave a grant",
# "provided $1bn in aid") the noun makes the row.
TRANSFER_VERBS = {"give": "aid", "provide": "aid", "send": "aid"}
_TRIGGER_LEMMAS = frozenset({*DEAL_NOUNS, *DEAL_VERBS, *TRANSFER_VERBS, "agree"})
_PARTICLE_NOUN_HEADS = frozenset(word for word, _ in PARTICLE_NOUNS)


# Nouns of an institution that act for the name before them: "the US government" is the United
# States, while "US banks" or "Russian systems" are not the country.
STANDS_FOR_NAME = {"government", "administration", "authorities", "authority", "regime", "cabinet",
                   "treasury", "leadership", "ministry", "state", "junta"}
# A group's verbs that name who acts through it: "a group led by Rosneft".
LEADING_VERBS = {"lead", "head", "back", "own", "control", "form"}
# Nouns of a share of a company: buying "98 percent of Essar Oil" buys into Essar Oil.
SHARE_NOUNS = {"percent", "%", "stake", "share", "majority", "control", "interest", "part", "portion", "half", "third"}
# Adjectives that make "deal" a figure of speech or a shopper's bargain ("a great deal of",
# "a big deal", "the best deals this Black Friday"), not a transaction.
IDIOM_ADJECTIVES = {"great", "good", "big", "raw", "sweet", "best", "better", "huge", "real", "whole",
                    "bad", "fair", "square", "hot"}
# Verbs a value reaches its deal through: "a deal valued at $5bn", "worth", "priced at".
VALUE_VERBS = {"value", "worth", "price", "cost", "total", "estimate", "pay"}
# Generic deal nouns that name the same deal as a verb they hang from ("bought X in a deal ...").
SAME_DEAL_NOUNS = {"deal", "agreement", "transaction", "contract", "pact"}
# What governs a deal that was only attempted, or that failed: "tried to buy", "bid for".
ATTEMPT_HEADS = {"try", "attempt", "seek", "bid", "want", "hope", "talk", "negotiation", "plan", "aim",
                 # a written intent, not a deal: "signed a letter of intent to sell", "an offer to buy"
                 "intent", "intention", "offer", "proposal", "option",
                 # asked of someone: "pressed Yanukovych to sign", "urged Congress to approve"
                 "press", "urge", "ask", "push", "pressure", "encourage", "lobby", "call",
                 # only thought of: "played down the idea that he had struck a deal with Kasich"
                 "idea", "notion", "speculation", "rumor", "rumour", "possibility", "prospect",
                 "suggestion", "hypothesis", "scenario",
                 }
# What a deal hangs from when it is promised or striven for, not done: "pledged to buy 100,000
# vans", "vowed to sell", "has fought to acquire a painting" (a pledge of an amount, "pledged
# $1 billion in aid", is the aid's own verb and says nothing of this kind).
PROMISE_HEADS = {"pledge", "promise", "vow", "commit", "intend", "expect", "prepare",
                 "fight", "struggle", "strive", "scramble", "race", "vie", "compete",
                 # about to be done: "were poised to sign a treaty", "is set to buy", "is due to sign"
                 "poise", "poised", "set", "due", "ready", "schedule", "slate"}
# What denies a deal said to be made: "denied a statement that the two sides had agreed to a
# ceasefire", "dismissed reports that Apple would buy".
DENYING_HEADS = {"deny", "dismiss", "refute", "rebut"}
# Auxiliaries of a deal that may come: "would broker a deal", "could buy".
MODAL_AUXILIARIES = {"would", "could", "might", "may", "should"}
FAIL_HEADS = {"fail", "failure"}
# Adjectives of a deal not made: "the proposed acquisition", "a possible merger", "a planned sale".
PLANNED_ADJECTIVES = {"proposed", "planned", "possible", "potential", "prospective", "mooted", "rumoured",
                      "rumored", "pending", "contemplated", "putative", "hypothetical", "would-be"}
HOPE_FORMS = {"hopes": "hope", "hoped": "hope", "hoping": "hope"}
# Goods whose named modifier is an issuer or a building, never the seller: securities are bought
# in a market, homes in a building ("Treasury debt", "Trump Tower condominium").
ISSUED_OR_PLACED_GOODS = {"debt", "bond", "security", "share", "stock", "note", "bill", "treasury",
                          "condominium", "condo", "apartment", "flat", "house", "home", "property",
                          "penthouse", "unit", "office", "suite", "room", "land", "estate",
                          # a building's name is no seller: "bought the Old Post Office building"
                          "building", "tower", "hotel", "mansion", "site", "plot", "complex", "resort",
                          "headquarters", "stadium", "mall", "warehouse", "factory", "plant"}
# What is lent in a figure of speech: "lending credence to", "lend a hand", "lend support".
FIGURATIVE_LOANS = {"credence", "support", "weight", "hand", "ear", "voice", "credibility", "legitimacy",
                    "name", "force", "substance", "urgency", "colour", "color", "air", "touch", "itself"}
# Reflexive objects: "sold themselves as reformers" sells an image, not goods.
REFLEXIVES = {"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves", "oneself"}
# Things "bought" in a figure of speech: "the Kremlin has not bought that argument", "buy time".
FIGURATIVE_PURCHASES = {"argument", "idea", "story", "claim", "line", "excuse", "explanation", "narrative",
                        "theory", "premise", "pitch", "spin", "rhetoric", "hype", "time", "notion", "lie"}
# What one acquires by learning or living, never by a deal: "acquire skills", "acquired a taste".
ACQUIRED_FACULTIES = {"skill", "knowledge", "experience", "expertise", "taste", "habit", "reputation", "following",
                      "fluency", "immunity", "understanding", "insight", "confidence", "competence", "accent"}
# Adjectives that make "assistance" money or goods given ("military assistance"); bare
# "assistance" is help ("Amiri's assistance to the US").
AID_ADJECTIVES = {"military", "humanitarian", "financial", "economic", "foreign", "development", "security",
                  "food", "medical", "emergency", "budget", "budgetary", "lethal", "defense", "defence"}
# Deal nouns of taking a place: "Russia's takeover of Crimea" is an annexation, not a deal.
TAKING_NOUNS = {"takeover", "acquisition"}
FAIL_ADVERBS = {"unsuccessfully", "vainly"}


# People who act for the organisation named before them: "Apple executives are in negotiations"
# is Apple negotiating ("US banks" are not the country: banks are not its people).
ACTING_PEOPLE = {"executive", "official", "negotiator", "representative", "spokesman", "spokeswoman",
                 "spokesperson", "lawyer", "attorney", "envoy", "diplomat", "delegation", "delegate",
                 "minister", "management", "board", "leader", "chief", "boss", "owner", "shareholder"}
# Parts of a company that buy, sell and invest for it: "the Google X lab buys Makani Power" is
# Google buying, "Samsung's venture arm invested" is Samsung investing.
COMPANY_UNITS = {"lab", "laboratory", "unit", "division", "subsidiary", "arm", "affiliate"}
# Nouns before "deal(s)" that make it a shop's bargain, not a transaction ("RTX 3080 bundle
# deals", "Black Friday deals", "holiday deals").
BARGAIN_MODIFIERS = {"bundle", "discount", "holiday", "doorbuster", "coupon", "promo", "shopping",
                     "clearance", "friday", "monday", "christmas", "prime", "cyber", "flash", "daily",
                     "price", "retail", "tech", "gaming", "laptop", "tv", "console", "phone", "early"}
# Verbs a shop holds its bargains with: "Newegg has numerous deals", "Amazon offers deals".
BARGAIN_HOLDERS = {"have", "offer", "run", "list", "find", "get", "grab", "score", "check", "shop", "see",
                   "feature", "include", "roll"}


# Verbs of a group a gift goes through to the one it supports ("a super PAC backing Rubio").
SUPPORTING_VERBS = {"support", "back", "help", "promote", "elect", "boost", "benefit"}


# Verbs of handing over whose passive subject is who gets, when the thing handed over stays the
# object: "Russia was sold drones by Iran", "Kenya was lent $750 million", "Ukraine was given aid".
RECIPIENT_PASSIVES = {"sell", "lend", "loan", "give", "grant", "send", "provide", "supply", "donate", "offer"}


# Verbs that buy into a company through a stake: "took a 5% stake in Tesla", "raised its stake
# in" (not "has", "holds" or "owns" a stake: a holding, no transaction).
STAKE_VERBS = {"take", "raise", "increase", "boost", "lift", "build", "double", "triple"}
HOLDING_VERBS = {"have", "hold", "own", "keep", "retain", "maintain"}


# Status verbs said by a third party (a regulator, a legislature): their subject is not a side.
THIRD_PARTY_VERBS = {"approve", "block"}


def _subjects(verb: Token) -> list[Token]:
    """Who does what a verb says: its subjects, except that an infinitive under a verb with an
    object is done by that object ("Manafort pressed Yanukovych to sign": Yanukovych signs)."""
    own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    if not own and verb.dep_ == "xcomp":
        controller = [c for c in verb.head.children if c.dep_ == "dobj"]
        if controller:
            return controller
    return subjects(verb)


def _is_place(index: MentionIndex, token: Token) -> bool:
    """Whether a token names a country or place: by the alias table when it knows the name
    ("South Carolina", "Uber" is a company), else by the entity type."""
    mention = index.mention_by_token.get(token.i)
    entry = lookup_alias(mention["text"]) if mention else None
    if entry is not None:
        return entry.type in ("country", "place")
    return token.ent_type_ in ("GPE", "LOC", "FAC")


def _who(index: MentionIndex, verb: Token, agent: Token | None) -> Token | None:
    """"who" stands for a person: a relative clause the parser hung on a company inside an
    apposition ("Altman, head of the hedge fund Evercore Partners who has donated") is the
    person's the apposition describes, and no one's when that person is no actor."""
    if (agent is None or verb.dep_ != "relcl" or agent.i != verb.head.i
            or not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in verb.children)
            or _is_person(index, agent)):
        return agent
    current = agent
    for _ in range(6):
        if current.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or current.head.i == current.i:
            break
        current = current.head
        if index.actor(current) and _is_person(index, current):
            return current
    return None  # "who" never names the firm; the person it names is no actor here


def _is_person(index: MentionIndex, token: Token) -> bool:
    """Whether a token names a person: by the alias table when it knows the name, else by the
    entity type."""
    mention = index.mention_by_token.get(token.i)
    entry = lookup_alias(mention["text"]) if mention else None
    return entry.type == "person" if entry is not None else token.ent_type_ == "PERSON"


def _names_a_deal(index: MentionIndex, token: Token) -> bool:
    """Whether the actor mention a token is in is the name of an agreement ("the Trans-Pacific
    Partnership", "the Paris Agreement"): a deal, never a side of one."""
    mention = index.mention_by_token.get(token.i)
    words = mention["text"].lower().replace("-", " ").split() if mention else []
    return bool(words) and words[-1] in DEAL_NOUNS


def _is_dateline(token: Token) -> bool:
    """A place written in capitals at the start of a sentence, before the agency or a dash
    ("DUBAI (Reuters) -", "WASHINGTON --"): where the story was filed, never a party."""
    sentence = sentence_of(token)
    if token.i - sentence.start > 3 or not token.text.isupper():
        return False
    after = token.doc[token.i + 1:min(token.i + 4, sentence.end)]
    return any(t.text in ("(", "-", "--", "—", "–", ",", ":") for t in after[:2])


def _pronoun_antecedent(index: MentionIndex, pronoun: Token) -> list[str]:
    """The actor a subject pronoun stands for when its clause reports what that actor said or
    announced ("Apple announced it has settled", "the government's announcement that it would
    buy"): the reporting clause's subject, of the pronoun's kind (a person for he/she, else
    not a person)."""
    lower = pronoun.lower_
    if lower not in ("it", "he", "she", "they"):
        return []
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ not in ("ccomp", "acl") or clause.head.i == clause.i:
        return []
    governor = clause.head
    if governor.pos_ in ("VERB", "AUX"):
        holders = [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        holders = [c for c in governor.children if c.dep_ == "poss"]
    person = lower in ("he", "she")
    found = []
    for holder in (h for first in holders for h in conjuncts(first)):
        if not person and index.actor(holder) is None and _is_description(holder):
            found.extend(a for a in _described(index, holder) if a not in found)
            continue  # "The company claims ... that it sells": it is the company
        for actor_token in (holder, *holder.children):
            actor = index.actor(actor_token)
            if actor is None or (actor_token is not holder and (
                    actor_token.dep_ not in ("compound", "poss") or holder.lemma_.lower() not in STANDS_FOR_NAME)):
                continue
            if ((actor_token.ent_type_ == "PERSON") == person and actor not in found
                    and (not person or _agrees(index, actor_token, pronoun))):
                found.append(actor)
    return found


def _reported_by_description(index: MentionIndex, pronoun: Token) -> bool:
    """Whether a subject pronoun's clause reports what a definite description said ("the company
    said it had agreed"): the pronoun is what the description points at, or no one."""
    clause = pronoun.head
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ != "ccomp" or clause.head.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.dep_ == "nsubj" and index.actor(c) is None and _is_description(c) for c in clause.head.children)


# Pronouns a side may be written as, and whether each stands for a person.
RESOLVED_PRONOUNS = {"he": True, "she": True, "him": True, "her": True, "his": True,
                     "it": False, "its": False}
# How far back a pronoun's antecedent is looked for: the sentences before, as a reader does.
PRONOUN_WINDOW_CHARS = 400


def _last_named(index: MentionIndex, pronoun: Token) -> list[str]:
    """The actor a pronoun stands for, as a reader takes it: the subject of the nearest clause
    before it, within a few sentences, that names an actor of the pronoun's kind (a person for
    he/she/his, else not a person: a company or a country for it/its); none when that subject
    is a name no actor was made of, and never a dateline. "They" is left alone: it stands for
    unnamed groups ("refugees", "the plaintiffs") as often as for named ones."""
    if pronoun.lower_ in PLURAL_PRONOUNS:
        return _coordinated_before(index, pronoun)
    person = RESOLVED_PRONOUNS.get(pronoun.lower_)
    if person is None:
        return []
    if not person and _reported_by_description(index, pronoun):
        return []  # "the company said it had agreed": it is the company, whichever that is, never an earlier name
    doc = pronoun.doc
    bound = _own_clause_subjects(index, pronoun)
    # one actor of the pronoun's kind named earlier in its own sentence, in any role, is the
    # one a reader takes ("... Alley's weight loss ... the products that she had been selling")
    here = [a for t in doc[sentence_of(pronoun).start:pronoun.i]
            if (a := index.actor(t)) and a not in bound and not _is_dateline(t) and not _names_a_deal(index, t)
            and not (person and _is_place(index, t)) and _is_person(index, t) == person
            and (not person or _agrees(index, t, pronoun))]
    if len(set(here)) == 1:
        return here[:1]
    if not here and any(
            (a := index.actor(t)) and a not in bound and not _is_dateline(t) and not _is_place(index, t)
            or (not person and t.ent_type_ == "ORG" and t.pos_ == "PROPN" and index.actor(t) is None)
            for t in doc[sentence_of(pronoun).start:pronoun.i]):
        # "It will receive $44 million for advising Salix on its sale": its is the name just
        # before it, which the actor step typed otherwise; no earlier subject is guessed
        return []
    limit = pronoun.idx - PRONOUN_WINDOW_CHARS
    i = pronoun.i - 1
    while i >= 0 and doc[i].idx >= limit:
        token = doc[i]
        i -= 1
        if token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.pos_ == "NOUN" and not person and index.actor(token) is None and _is_description(token):
            described = [a for a in _described(index, token) if a not in bound]
            if described:
                return described  # "The company ... It bought": it is the company, whom that names
            continue
        if (token.pos_ == "NOUN" and not person and token.tag_ == "NN" and index.actor(token) is None
                and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children)):
            return []  # "The center has declined to reveal its funding": its is the center's
        if token.pos_ != "PROPN":
            continue
        actor = index.actor(token)
        if actor is None:
            return []
        if actor in bound or _is_dateline(token) or _names_a_deal(index, token) or _is_place(index, token) and person:
            continue
        if person and not _agrees(index, token, pronoun):
            continue  # "he" is not Sarah Lane
        if _is_person(index, token) == person:
            return [actor]
    return []


# Plural pronouns, read only as a pair or more of actors a subject coordinated just before.
PLURAL_PRONOUNS = {"they", "them", "their"}


def _coordinated_before(index: MentionIndex, pronoun: Token) -> list[str]:
    """"They" stands for a plural subject: the actors of the nearest subject before it, within a
    few sentences, when that subject coordinates named actors ("Apple and Nokia met in May. They
    signed a licence deal"); none when the nearest subject is anything else ("refugees", "the
    plaintiffs", one company), which "they" stands for as often."""
    doc = pronoun.doc
    limit = pronoun.idx - PRONOUN_WINDOW_CHARS
    i = pronoun.i - 1
    while i >= 0 and doc[i].idx >= limit:
        token = doc[i]
        i -= 1
        if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in PLURAL_PRONOUNS:
            continue
        heads = conjuncts(token)
        actors = list(dict.fromkeys(a for h in heads if (a := index.actor(h)) and not _is_dateline(h)))
        if len(heads) >= 2 and len(actors) == len(heads):
            return actors
        return []
    return []


def _own_clause_subjects(index: MentionIndex, pronoun: Token) -> set[str]:
    """Actors a plain pronoun cannot stand for: the subject of the verb it is the object of
    ("Fugazy ... helping him to purchase": "him" is not Fugazy, who would be "himself"), also
    when it is the subject of an infinitive under that verb ("helping him to purchase")."""
    verb = pronoun.head
    if pronoun.dep_ in ("nsubj", "nsubjpass") and verb.dep_ in ("ccomp", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        verb = verb.head  # "helping him to purchase": him is help's object
    elif pronoun.dep_ not in ("dobj", "dative"):
        return set()
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {a for s in subjects(verb) if (a := index.actor(s))}


def _agrees(index: MentionIndex, name: Token, pronoun: Token) -> bool:
    """Whether a person's name can be what "he" or "she" stands for: no mention of that actor in
    the article has a first name or title of the other gender ("she" is not Mr. Reyes)."""
    actor = index.actor(name)
    texts = {m["text"] for i, m in index.mention_by_token.items() if index.by_token.get(i) == actor} or {name.text}
    return all(agrees(pronoun.lower_, text) for text in texts)


# Nouns news uses for an organisation it has named ("the company", "the bank", "the store"), and
# for a country ("the country"). A definite "the <noun>" that says no more about which one points
# back at the nearest actor of that kind: English reuses a definite description for an entity
# already in the story, and names a new one.
ORGANISATION_DESCRIPTIONS = {
    "company", "firm", "corporation", "business", "conglomerate", "bank", "lender", "insurer",
    "store", "retailer", "carrier", "airline", "maker", "manufacturer", "automaker", "carmaker",
    "chipmaker", "studio", "label", "network", "broadcaster", "publisher", "startup", "giant",
    "operator", "agency", "fund", "brewer", "miner", "utility", "supplier"}
# ("the group" and "the developer" are left out: news writes them of people, a campaign's PAC or a
# band as often as of a company named before.)
COUNTRY_DESCRIPTIONS = {"country", "nation", "kingdom"}
# How many sentences before its own a definite description looks for what it describes.
DESCRIPTION_SENTENCES = 3


def _is_description(token: Token) -> bool:
    """"the company", "the US bank": a singular definite description of an organisation or a
    country that does not itself say which one ("the company that makes it", "the bank of
    Spain", "the firm behind the app" and "the company, Apple Corps" do)."""
    if token.pos_ != "NOUN" or token.tag_ != "NN":
        return False
    if token.lemma_.lower() not in ORGANISATION_DESCRIPTIONS | COUNTRY_DESCRIPTIONS:
        return False
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in token.children):
        return False  # "the Margaritaville group": a name says which group
    return not any(c.i > token.i and (c.dep_ in ("relcl", "acl", "appos")
                                      or (c.dep_ == "prep" and c.lower_ in ("of", "behind", "called", "named")))
                   for c in token.children)


def _fits_description(index: MentionIndex, name: Token, noun: str) -> bool:
    """Whether an actor's name can be what "the <noun>" describes: a country for "the country",
    else an organisation (neither a place, a person nor goods); a name that ends with the noun
    ("the Deutsche Bank" for "the bank", "the iTunes Music Store" for "the store") always can."""
    mention = index.mention_by_token.get(name.i)
    if mention and mention["text"].lower().rstrip(".").split()[-1:] == [noun]:
        return True
    if noun in COUNTRY_DESCRIPTIONS:
        return _is_place(index, name) and not _is_person(index, name)
    return (not _is_place(index, name) and not _is_person(index, name) and not _is_product(index, name)
            and not _ever_a_person(index, index.actor(name)))


def _ever_a_person(index: MentionIndex, actor: str | None) -> bool:
    """Whether any mention of an actor in the article is typed a person ("Manafort" tagged an
    organisation once and a person elsewhere is no firm a description points at)."""
    return any(a == actor and index.doc[i].ent_type_ == "PERSON" for i, a in index.by_token.items())


def described_actor(index: MentionIndex, token: Token) -> str | None:
    """The one actor a definite description ("the company", "the bank") points back at, as
    :func:`_described` reads it for a deal's side; None when the token is no such description
    or it points at none or at more than one."""
    if not _is_description(token):
        return None
    found = _described(index, token)
    return found[0] if len(found) == 1 else None


def _described(index: MentionIndex, description: Token) -> list[str]:
    """The actor a definite description points back at, as a reader takes it: the nearest actor
    named before it, within a few sentences, whose name ends with the noun ("the store" after
    "the iTunes Music Store"); else, in the nearest sentence that names actors of the noun's kind
    (its own, before it, first), the subject among them, or else the last one named. Never the
    subject of the verb the description is the object of ("Disney bought the company": not
    Disney), a dateline or an agreement's name."""
    noun = description.lemma_.lower()
    doc = description.doc
    bound = _own_clause_subjects(index, description) | _co_arguments(index, description)
    sentences = []
    sentence = sentence_of(description)
    end = description.i
    for _ in range(DESCRIPTION_SENTENCES + 1):
        sentences.append((sentence.start, end))
        if sentence.start == 0:
            break
        sentence = sentence_of(doc[sentence.start - 1])
        end = sentence.end

    def usable(t: Token) -> str | None:
        actor = index.actor(t)
        if actor is None or actor in bound or _is_dateline(t) or _names_a_deal(index, t):
            return None
        if _reports_on_another(index, t, actor):
            return None  # "... The Washington Post reported in 1991. The firm was sold": the source is not the story's firm
        return actor

    for start, stop in sentences:
        for t in reversed(doc[start:stop]):
            mention = index.mention_by_token.get(t.i)
            if usable(t) and mention and mention["text"].lower().rstrip(".").split()[-1:] == [noun]:
                return [index.actor(t)]
            if (t.pos_ == "PROPN" and t.lower_ == noun and index.actor(t) is None
                    and t.i > 0 and doc[t.i - 1].pos_ == "PROPN"):
                return []  # "the store" after "the iTunes Music Store", a name no actor was made of
    for start, stop in sentences:
        fitting = [t for t in doc[start:stop] if usable(t) and _fits_description(index, t, noun)]
        if not fitting:
            continue
        subject = [t for t in fitting if t.dep_ in ("nsubj", "nsubjpass")]
        if not subject and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and t.pos_ == "PROPN"
                               and index.actor(t) is None and t.ent_type_ in ("ORG", "")
                               for t in doc[start:stop]):
            return []  # "BMS&K ... was investigated for grants from HUD ... The firm was sold": BMS&K, no actor
        if not subject and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT" and (
                t.lower_ in ("it", "they") or (t.pos_ == "NOUN" and t.lemma_.lower() == noun))
                for t in doc[start:stop]):
            return []  # "It is battling ISIS and ... supplied the group": the group may be "it"
        if subject and noun in COMPANY_WORDS and not _says_company(index, subject[-1]) and any(
                _says_company(index, t) and index.actor(t) != index.actor(subject[-1]) for t in fitting):
            # "The Chicago Board Options Exchange said it was investigating trading in MFS
            # Communications Co Inc shares. The company said it had agreed to be acquired": the
            # name that says it is a company may be the one meant as well as the subject; no guess
            return []
        return [index.actor((subject or fitting)[-1])]
    return []


# Descriptions of a business, and the endings of a name that say it is one ("Co Inc", "Corp.").
COMPANY_WORDS = {"company", "firm", "corporation"}
COMPANY_SUFFIXES = {"inc", "corp", "co", "ltd", "plc", "llc", "ag", "sa", "nv", "company", "corporation",
                    "incorporated", "limited", "group", "holdings"}


def _says_company(index: MentionIndex, token: Token) -> bool:
    """Whether an actor's name says it is a company: it ends with "Inc", "Co", "Corp", "Ltd",
    "plc", "Group"... ("MFS Communications Co Inc"; "the Chicago Board Options Exchange" does not)."""
    mention = index.mention_by_token.get(token.i)
    words = mention["text"].lower().replace(".", " ").replace(",", " ").split() if mention else []
    return bool(words) and words[-1] in COMPANY_SUFFIXES


def _co_arguments(index: MentionIndex, token: Token) -> set[str]:
    """Actors a phrase cannot be read as because they stand beside it in its own clause: the
    possessor or subject of a phrase it is part of ("Washington's ban on sales of weapons to the
    country": the country is not Washington)."""
    found: set[str] = set()
    current = token
    for _ in range(8):
        if current.head.i == current.i:
            break
        current = current.head
        for child in current.children:
            if child.dep_ in ("poss", "nsubj", "nsubjpass") and child.i != token.i and not token.is_ancestor(child):
                found.update(a for t in conjuncts(child) if (a := index.actor(t)))
        if current.pos_ in ("VERB", "AUX"):
            break
    return found


def _reports_on_another(index: MentionIndex, name: Token, actor: str) -> bool:
    """Whether a name is the source of a report about someone else: "Manafort acknowledged ...,
    The Washington Post reported", "according to Reuters" (not "Google said it would buy", a
    company telling of itself)."""
    top = name
    while top.head.i != top.i and index.actor(top.head) == actor:
        top = top.head  # the head word of the name ("Post" in "The Washington Post")
    root = top.head
    if top.dep_ == "pobj" and root.lower_ == "to" and root.head.lower_ == "according":
        return True
    if root.lemma_.lower() not in REPORTING_HEADS or top.dep_ != "nsubj":
        return False
    clauses = [c for c in root.children if c.dep_ in ("ccomp", "parataxis")]
    main = sentence_of(root).root
    if not clauses and main.i != root.i:
        clauses = [main]  # a reporting tag after what it reports: "Manafort acknowledged ..., the Post reported"
    for clause in clauses:
        said = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.pos_ != "PRON" and index.actor(s) != actor for s in said):
            return True
    return False


def _anaphors(index: MentionIndex, heads) -> list[dict]:
    """Where a side was written as a pronoun or a definite description ("it", "the company"),
    the phrase and the actor it was read as: ``{start, end, text, actor_id}``."""
    found = []
    for head in heads:
        if head is None or index.actor(head) is not None:
            continue
        if head.pos_ == "PRON":
            actors = _pronoun_antecedent(index, head) or _last_named(index, head)
        elif _is_description(head):
            actors = _described(index, head)
        else:
            continue
        start, end = (head.left_edge.idx if _is_description(head) else head.idx), head.idx + len(head)
        found.extend({"start": start, "end": end, "text": head.doc.text[start:end], "actor_id": a} for a in actors)
    return found


def _latter_or_former(index: MentionIndex, token: Token) -> list[str]:
    """"the latter" is the second of the two actors named last before it, "the former" the
    first, in its sentence or the one before ("Cisco sued Apple so that the latter would stop
    selling the device": Apple)."""
    doc = token.doc
    here = sentence_of(token)
    start = sentence_of(doc[here.start - 1]).start if here.start > 0 else here.start
    named: list[str] = []
    for t in doc[start:token.i]:
        actor = index.actor(t)
        if actor and not _is_dateline(t) and (not named or named[-1] != actor):
            named.append(actor)
    distinct = list(dict.fromkeys(reversed(named)))  # last named first
    if len(distinct) < 2:
        return []
    return [distinct[0]] if token.lower_ == "latter" else [distinct[1]]


# Nouns an apposition or a head uses for goods, not for who makes them ("DashPass, DoorDash's
# subscription service").
PRODUCT_NOUNS = {"service", "app", "application", "product", "device", "phone", "smartphone", "card",
                 "console", "game", "software", "platform", "feature", "subscription", "model", "car",
                 "vehicle", "chip", "tablet", "laptop", "browser", "tool", "program", "programme", "token",
                 "coin", "cryptocurrency", "currency", "brand", "series", "drug", "vaccine"}


def _is_product(index: MentionIndex, token: Token) -> bool:
    """Whether an actor mention names goods rather than someone who trades: the tagger calls it
    a product, the name carries a model number of three digits or more ("RTX 3070s", "Airbus
    A320"), or an apposition says it is someone's goods ("DashPass, DoorDash's subscription
    service"; "Uber, the ride-hailing service" is a company, owned by no one the text names).
    Goods are bought and sold; they are never a side of a deal. A name the alias table knows
    as a company is one whatever the tagger says ("“Google X lab buys Makani Power,” Verge")."""
    mention = index.mention_by_token.get(token.i)
    entry = lookup_alias(mention["text"]) if mention else None
    if token.ent_type_ in ("PRODUCT", "WORK_OF_ART") and not (entry is not None and entry.type == "organization"):
        return True  # a known company in a quoted headline the tagger took for a title is still one
    words = mention["text"].split() if mention else [token.text]
    if any(sum(ch.isdigit() for ch in w) >= 3 and not (w.isdecimal() and 1800 <= int(w) <= 2100) for w in words):
        return True
    return any(c.dep_ == "appos" and c.lemma_.lower() in PRODUCT_NOUNS and not index.actor(c)
               and any(g.dep_ == "poss" and (index.actor(g) or g.lower_ in ("its", "their")) for g in c.children)
               for c in token.children)


def _is_the_two(token: Token) -> bool:
    """"the two companies", "both countries": a phrase that points back at a pair."""
    children = {c.lower_ for c in token.children if c.dep_ in ("nummod", "det", "predet")}
    return token.pos_ == "NOUN" and token.tag_ in ("NNS", "NNPS") and (
        {"the", "two"} <= children or "both" in children)


def _the_two(index: MentionIndex, token: Token) -> list[str]:
    """The pair "the two companies" points back at: the actors of the nearest sentence before,
    within two sentences, that names exactly two (news names the pair, then says "the two")."""
    doc = token.doc
    here = sentence_of(token)
    sentence_start = here.start
    for _ in range(2):
        if sentence_start == 0:
            return []
        previous = sentence_of(doc[sentence_start - 1])
        named = list(dict.fromkeys(a for t in previous if (a := index.actor(t)) and not _is_dateline(t)))
        if len(named) != 2:
            # "The Beatles' Apple Corps has sued Apple Computer in a London court ... the two
            # companies": the pair is the two names of the noun's kind that are not only whose
            # another name is (a possessor) nor where it happened (a place, for firms).
            named = list(dict.fromkeys(
                a for t in previous if (a := index.actor(t)) and not _is_dateline(t)
                and _of_pair_kind(index, t, token) and not _only_possessor(index, t)))
        if len(named) == 2:
            return named
        sentence_start = previous.start
    return []


# Plural nouns a pair of firms is called by ("the two companies"), and a pair of states.
FIRM_NOUNS = {"company", "firm", "business", "group", "bank", "corporation", "carrier", "airline",
              "maker", "manufacturer", "producer", "giant", "conglomerate", "insurer", "lender", "rival",
              "brand", "label", "studio", "operator", "retailer", "supplier", "partner"}
STATE_NOUNS = {"country", "nation", "state", "government", "power", "neighbour", "neighbor", "ally"}


def _of_pair_kind(index: MentionIndex, name: Token, pair: Token) -> bool:
    """Whether a name is of the kind the pair's noun says: firms are neither places nor
    people, countries are places; other nouns ("the two sides") take any name."""
    if pair.lemma_.lower() in FIRM_NOUNS:
        return not _is_place(index, name) and not _is_person(index, name)
    if pair.lemma_.lower() in ("country", "nation"):  # "the two countries": not Oregon, a state of one
        mention = index.mention_by_token.get(name.i)
        entry = lookup_alias(mention["text"]) if mention else None
        return entry.type == "country" if entry is not None else name.ent_type_ == "GPE"
    if pair.lemma_.lower() in STATE_NOUNS:
        return _is_place(index, name)
    return True


def _only_possessor(index: MentionIndex, name: Token) -> bool:
    """A name that only says whose another name is ("the Beatles' Apple Corps"): the root of
    its mention is a possessor whose head is another actor's name."""
    mention = index.mention_by_token.get(name.i)
    tokens = {t.i for t in sentence_of(name) if index.mention_by_token.get(t.i) is mention}
    roots = [name.doc[i] for i in tokens if name.doc[i].head.i not in tokens or name.doc[i].head.i == i]
    return bool(roots) and all(r.dep_ == "poss" and index.actor(r.head) not in (None, index.actor(r))
                               for r in roots)


def _named(index: MentionIndex, head: Token | None) -> list[str]:
    """Actors a noun phrase names as a side of a deal: the head and its conjuncts when they are
    actor mentions, an apposition ("the Beatles' record company, Apple Corps"), the name before
    an institution noun ("the US government"), and the actor a reporting clause's pronoun
    stands for. A name that only modifies another noun ("US banks", "Russian systems") is not
    the phrase's referent, and a dateline never is."""
    if head is None:
        return []
    found: list[str] = []
    for token in conjuncts(head):
        called = _called(index, token)
        if called:  # "a Bermuda-based entity called Klein, Ltd.": the name the phrase gives
            found.extend(a for a in called if a not in found)
            continue
        if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "any", "some", "every") for c in token.children) or (
                token.pos_ == "PROPN" and token.left_edge.lower_ in ("a", "an") and token.left_edge.i < token.i):
            continue  # "a Republican" is one member, not the party; "a yellow 1977 Mercury Marquis" one car
        actor = index.actor(token)
        if actor is None:
            actor = next((index.actor(c) for c in token.children
                          if c.dep_ == "appos" and index.actor(c)), None)
        if actor is None and token.lemma_.lower() in STANDS_FOR_NAME:
            actor = next((index.actor(c) for c in token.children
                          if c.dep_ in ("compound", "poss", "amod", "nmod") and index.actor(c)), None)
        if actor is None and token.pos_ == "PRON":
            said = _pronoun_antecedent(index, token) or _last_named(index, token)
            found.extend(a for a in said if a not in found)
            continue
        if actor is None and _is_description(token):
            found.extend(a for a in _described(index, token) if a not in found)
            continue
        if actor is None and _is_the_two(token):
            found.extend(a for a in _the_two(index, token) if a not in found)
            continue
        if actor is None and token.lower_ in ("latter", "former") and any(
                c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            found.extend(a for a in _latter_or_former(index, token) if a not in found)
            continue
        if actor and _is_product(index, token):
            continue  # "RTX 3070s sold out", "purchases with DashPass": goods are no side
        if actor and token.ent_type_ == "FAC" and _is_place(index, token):
            continue  # a building, a bridge or an airport is no side: "licensed his name to Trump Tower Manila"
        if actor and _modifies_a_campaign(token):
            continue  # "Hillary Clinton's Senate and 2008 presidential campaign": a Senate campaign
        if actor and _names_a_pair(index, token):
            continue  # "the Croatia-Yugoslavia treaty": two sides the actor step read as one name
        if (actor and token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS") and _is_place(index, token)
                and not (any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)
                         and not any(c.dep_ == "nummod" or (c.dep_ == "amod" and c.ent_type_ == "NORP")
                                     for c in token.children))):
            # "19 Turkish Americans donating", "Germans buying cars": people, not their state
            # ("the Palestinians", uncounted, are the nation's side; "Democrats" are a party)
            continue
        if actor and not _is_dateline(token) and not _names_a_deal(index, token) and actor not in found:
            found.append(actor)
    return found


def _past_a_headline_word(name: Token, noun: Token) -> bool:
    """In a headline written in capitals the parser strings every word before a noun as its
    modifiers ("BRITAIN WELCOMES ROMANIA-HUNGARY TREATY ACCORD"): a name there is a side only
    when no word between it and the noun is other than a name or a deal noun."""
    sentence = sentence_of(noun)
    letters = [ch for ch in sentence.text if ch.isalpha()]
    if not letters or not all(ch.isupper() for ch in letters):
        return False
    return any(not t.ent_type_ and t.lower_ not in DEAL_NOUNS and not t.is_punct
               for t in noun.doc[name.i + 1:noun.i])


def hyphen_sides(index: MentionIndex, noun: Token, same_kind: bool = True) -> list[str]:
    """The two sides of a deal, talks or a treaty named as two countries or organisations
    joined by a hyphen before its noun ("the Croatia-Yugoslavia treaty", "US-China talks",
    "Israeli-Syrian peace talks"), when the actors read them as two names of one kind: English
    writes the parties of a relation so, where one name alone there tells where ("the Geneva
    talks"). ``same_kind``: both names or both demonyms, as events take them; a deal's sides
    may be a name and a word NER read as a nationality ("Croatia-Yugoslavia treaty")."""
    for mod in noun.children:
        if mod.dep_ not in ("compound", "amod", "nmod"):
            continue
        for first in mod.children:
            if first.i + 2 != mod.i or first.dep_ not in ("compound", "amod", "nmod") or first.nbor(1).text not in ("-", "–"):
                continue
            sides = [index.actor(first), index.actor(mod)]
            kinds = [(index.mention_by_token.get(t.i) or {}).get("kind") for t in (first, mod)]
            if (None not in sides and sides[0] != sides[1] and (kinds[0] == kinds[1] or not same_kind)
                    and all(t.ent_type_ in ("GPE", "NORP", "ORG") for t in (first, mod))):
                return sides
    return []


def _names_a_pair(index: MentionIndex, token: Token) -> bool:
    """Whether an actor mention is two names joined by a hyphen that each name a country or a
    company the alias table knows, and that together are no name it knows ("Croatia-Yugoslavia",
    "Apple-Nokia"): the two sides of what follows, never one actor."""
    mention = index.mention_by_token.get(token.i)
    if mention is None or lookup_alias(mention["text"]) is not None:
        return False
    parts = [p.strip() for p in mention["text"].replace("–", "-").split("-")]
    entries = [lookup_alias(p) for p in parts] if len(parts) == 2 and all(parts) else []
    return bool(entries) and all(e is not None and e.type in ("country", "organization") for e in entries)


# Verbs a noun phrase names its referent with: "an entity called Klein, Ltd.", "a group known as
# the Shadow Brokers", "a company named Pied Piper".
NAMING_VERBS = {"call", "name", "know", "dub"}


def _called(index: MentionIndex, token: Token) -> list[str]:
    """The actor a common noun is given the name of by a participle ("an entity called Klein")."""
    if token.pos_ != "NOUN" or index.actor(token):
        return []
    found = []
    for clause in token.children:
        if clause.dep_ != "acl" or clause.lemma_.lower() not in NAMING_VERBS or clause.tag_ != "VBN":
            continue
        names = [c for c in clause.children if c.dep_ in ("oprd", "attr", "dobj")]
        names += [o for _, o in prep_objects(clause, {"as"})]
        found.extend(a for n in names if (a := index.actor(n)) and not _is_dateline(n) and a not in found)
    return found


# What a candidate runs, whose money goes to the candidate: "donated to Hillary Clinton's campaign".
CAMPAIGN_NOUNS = {"campaign", "candidacy", "bid", "run", "race", "reelection", "re-election"}


def _modifies_a_campaign(token: Token) -> bool:
    """A name that shares a campaign noun with its conjunct ("Clinton's Senate and 2008
    presidential campaign" are two campaigns): it says which campaign, it is no side."""
    return any(c.dep_ == "poss" for c in token.children) and any(
        other.pos_ == "NOUN" and other.lemma_.lower() in CAMPAIGN_NOUNS
        and not any(c.dep_ in ("det", "poss") for c in other.children) for other in token.conjuncts)


def _campaign_owner(index: MentionIndex, obj: Token) -> str | None:
    """The person whose campaign a gift goes to: "to Hillary Clinton's campaign", "to Hillary
    Clinton's Senate and 2008 presidential campaign" (the possessor of the first conjunct)."""
    heads = conjuncts(obj)
    if not any(h.lemma_.lower() in CAMPAIGN_NOUNS and h.pos_ == "NOUN" for h in heads):
        return None
    near = [*heads, *(c for h in heads for c in h.children if c.dep_ in ("nmod", "compound"))]
    owner = next((c for h in near for c in h.children if c.dep_ == "poss" and index.actor(c)), None)
    return index.actor(owner) if owner is not None and _is_person(index, owner) else None


# People who give as themselves: "two leaders of the Turkish Cultural Center made large
# donations" are their gifts, not the center's (a political gift is a person's own).
GIVING_PEOPLE = ACTING_PEOPLE | {"member", "employee", "staff", "staffer", "worker", "founder", "partner",
                                 "donor", "supporter", "friend", "relative", "family", "wife", "husband",
                                 "son", "daughter", "associate", "lobbyist", "manager", "director"}


def _agents(index: MentionIndex, head: Token | None, gift: bool = False) -> list[str]:
    """Actors acting through a noun phrase: those it names, else the group it comes from
    ("executives of Apple", "the fifteen countries from the Eurogroup"); for a gift
    (``gift``), people of a group give as themselves, not as the group."""
    found = _named(index, head)
    if found or head is None or head.pos_ != "NOUN":
        return found
    if gift and head.lemma_.lower() in GIVING_PEOPLE:
        return found
    if head.lemma_.lower() in ACTING_PEOPLE:  # "Apple executives", "Russia's negotiators"
        found.extend(a for c in head.children if c.dep_ in ("compound", "poss")
                     for a in _named(index, c) if a not in found)
    if head.lemma_.lower() in COMPANY_UNITS:  # "Google X's lab buys", "Samsung's venture arm"
        found.extend(a for c in head.children if c.dep_ in ("compound", "poss", "nmod")
                     for t in (c, *(g for g in c.children if g.dep_ == "compound"))
                     for a in _named(index, t) if a not in found)
    for _, obj in prep_objects(head, {"of", "from", "at"}):
        found.extend(a for a in _named(index, obj) if a not in found)
    for clause in head.children:  # "a group led by Rosneft", "a consortium backed by Apple"
        if clause.dep_ == "acl" and clause.lemma_.lower() in LEADING_VERBS:
            found.extend(a for _, obj in prep_objects(clause, {"by"}) for a in _named(index, obj) if a not in found)
    return found


def _owned(index: MentionIndex, item: Token | None) -> list[str]:
    """Actors a share of is bought: "98 percent of Essar Oil", "a 20% stake in Arm"."""
    if item is None or item.lemma_.lower() not in SHARE_NOUNS:
        return []
    return [a for _, obj in prep_objects(item, {"of", "in"}) for a in _named(index, obj)]


def _candidate_triggers(doc: Doc) -> list[Token]:
    """Tokens that may be deal or transaction triggers, in order: every other token fails the
    lemma and particle tests of `find_deals` and `find_transactions` anyway (``lower_`` is the
    text in lower case). Looked for once per doc, from the lemma strings, not Token objects."""
    found = doc.user_data.get("factwire.deal_candidates")
    if found is None:
        texts = token_texts(doc)
        found = doc.user_data["factwire.deal_candidates"] = [
            i for i, lemma in enumerate(lower_lemmas(doc))
            if lemma in _TRIGGER_LEMMAS or lemma == "pay" or texts[i].lower() in _PARTICLE_NOUN_HEADS]
    return [doc[i] for i in found]


def _orders_goods(noun: Token) -> bool:
    """An order "for" a counted number of things ("an order for 50 737 MAX jets"): a purchase
    order, not a command ("under orders of the government", "an order for his arrest")."""
    holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "won an order from Qantas for 50 jets"
    return any(c.dep_ == "nummod" and c.ent_type_ != "DATE"
               for h in holders for _, o in prep_objects(h, {"for"}) for c in o.children)


def find_deals(doc: Doc, index: MentionIndex, amounts: list[dict], dates: list[dict],
               citations: list[dict]) -> list[dict]:
    found: list[dict] = []
    handled: set[int] = set()
    for token in _candidate_triggers(doc):
        if token.i in handled:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and (
                lemma in DEAL_NOUNS or _particle_noun(token) or _moved_money(token, index)):
            if lemma in WEAK_DEAL_NOUNS and not _money_in_sentence(token, amounts) and not _orders_goods(token):
                continue
            if not _is_deal_noun(token) or index.actor(token):
                continue  # not a transaction here, or the name of one ("the Paris Agreement")
            deal = _from_noun(token, index, handled)
        elif token.pos_ == "VERB" and (lemma in DEAL_VERBS or (lemma in TRANSFER_VERBS and not _names_a_deal_noun(token))):
            deal = _from_verb(token, index, amounts)
        elif token.pos_ == "VERB" and lemma == "agree" and _agreed(token, index):
            deal = _from_verb(token, index, amounts)
        elif token.pos_ == "VERB" and lemma == "pay":
            deal = _from_payment(token, index, amounts)
        else:
            continue
        if deal is None:
            continue
        _attach_context(deal, token, amounts, dates, citations)
        found.append(deal)
    return _merge(found)


def find_transactions(doc: Doc, index: MentionIndex) -> list[dict]:
    """Every transaction trigger with its agent (Arg0) and theme (Arg1) spans, whether or not
    they are actors ("the store sells music tracks"): the predicate-argument view of deals.

    One record per trigger with at least one argument: ``kind``, ``lemma``, ``trigger``,
    ``arg0`` and ``arg1`` as ``{start, end}`` or None, and ``modality``.
    """
    found = []
    for token in _candidate_triggers(doc):
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and (
                lemma in DEAL_NOUNS or _particle_noun(token) or _moved_money(token, index)):
            agent, theme, governor = noun_arguments(token)
            kind = _noun_kind(token)
            mood = modality(governor) if governor is not None else "asserted"
        elif token.pos_ == "VERB" and (lemma in DEAL_VERBS or lemma == "agree"):
            particle = PARTICLE_VERBS.get(lemma)
            if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in token.children):
                continue
            if is_market_move(token):
                continue
            agent, theme = verb_arguments(token, THEME_PREPS.get(lemma, ()))
            kind = DEAL_VERBS.get(lemma, "agreement")
            mood = modality(token)
        else:
            continue
        if agent is None and theme is None:
            continue
        start, end = extent(token)
        found.append({"kind": kind, "lemma": lemma, "trigger": {"start": start, "end": end},
                      "arg0": index.span_of(agent), "arg1": index.span_of(theme), "modality": mood})
    return found


def _money_in_sentence(token: Token, amounts: list[dict]) -> bool:
    sentence = sentence_of(token)
    return any(a["kind"] == "money" for a in starting_between(amounts, sentence.start_char, sentence.end_char))


def _particle_noun(noun: Token) -> str | None:
    if noun.lower_ not in _PARTICLE_NOUN_HEADS:
        return None  # no particle noun starts with this word: spare the look at the next tokens
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if nxt is not None and nxt.lower_ == "-" and noun.i + 2 < len(noun.doc):
        nxt = noun.doc[noun.i + 2]
    return PARTICLE_NOUNS.get((noun.lower_, nxt.lower_)) if nxt is not None else None


def _particle(trigger: Token) -> Token | None:
    """The particle token written after a trigger, if its extent takes one in."""
    _, end = extent(trigger)
    if end == trigger.idx + len(trigger):
        return None
    return next(t for t in trigger.doc[trigger.i + 1:trigger.i + 3] if t.idx + len(t) == end)


def noun_arguments(noun: Token) -> tuple[Token | None, Token | None, Token | None]:
    """Agent and theme heads of a deal noun, and the verb it is the object of when that verb
    says what became of the deal ("signed", "reached", "made")."""
    holders = [noun]
    particle = _particle(noun)
    if particle is not None:
        holders.append(particle)  # "bail out of the financial sector" hangs on "out"
    theme = next((o for h in holders for _, o in prep_objects(h, {"of", "for"})), None)
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    agent = agent_of(noun)
    if agent is None and theme is not None:
        # "the bailout of AIG by the Fed": the parser often hangs the "by" phrase lower down.
        for near in (theme, *(c for c in theme.children if c.dep_ == "appos")):
            agent = agent or agent_of(near)
    if agent is not None and possessor is not None and theme is None:
        theme = possessor  # "NeXT's acquisition by Apple"
    elif agent is None:
        agent = possessor
    governor = _status_verb(noun)
    if agent is None and governor is not None and noun.dep_ != "nsubj" and (
            governor.lemma_.lower() not in THIRD_PARTY_VERBS or DEAL_NOUNS.get(noun.lemma_.lower()) in ("aid", "loan")):
        agent, _ = verb_arguments(governor)  # "Iran signed a deal", "a deal was signed by Iran"
        if governor.dep_ == "xcomp" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in governor.children):
            agent = next(iter(_subjects(governor)), agent)  # "pressed Yanukovych to sign a deal"
        agent = None if agent == noun else agent
    kind = _noun_kind(noun)
    if agent is None and kind in AGENTIVE_KINDS:
        # "an agreement between A and B", "an agreement reached between A and B in 1991"
        holders = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in STATUS_VERBS)]
        agent = next((o for h in holders for p, o in prep_objects(h, {"between", "among"})), None)
    return agent, argument_head(theme) if theme is not None else None, governor


# What a deal did, said with it as the subject: "the merger collapsed", "the deal fell
# through", "the agreement took effect".
OUTCOME_VERBS = {"collapse": "failed", "founder": "failed", "unravel": "failed", "fail": "failed"}
OUTCOME_PARTICLES = {("fall", "through"): "failed", ("fall", "apart"): "failed", ("go", "through"): "completed"}
IN_FORCE_NOUNS = {"effect", "force"}


def _outcome(verb: Token) -> str | None:
    """The status a verb gives the deal that is its subject, beyond the verbs of making one:
    failed ("collapsed", "fell through") or completed ("went through", "took effect", "came into
    force")."""
    lemma = verb.lemma_.lower()
    if lemma in OUTCOME_VERBS:
        return OUTCOME_VERBS[lemma]
    for c in verb.children:
        if c.dep_ in ("prt", "advmod", "prep") and (lemma, c.lower_) in OUTCOME_PARTICLES:
            return OUTCOME_PARTICLES[(lemma, c.lower_)]
    if lemma == "take" and any(c.dep_ == "dobj" and c.lemma_.lower() == "effect" for c in verb.children):
        return "completed"
    if lemma in ("come", "go", "enter") and any(o.lemma_.lower() in IN_FORCE_NOUNS for _, o in prep_objects(verb, {"into"})):
        return "completed"
    return None


def _status_of(verb: Token) -> str | None:
    """The status the verb that makes, ends or undoes a deal gives it."""
    return STATUS_VERBS.get(verb.lemma_.lower()) or _outcome(verb)


def _status_verb(noun: Token) -> Token | None:
    """The verb that signs, reaches, makes or cancels the deal a noun names."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("into", "to", "on"):
        head = head.head  # "entered into an agreement", "agreed to a deal"
    elif (noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("from", "out")
          and head.head.lemma_.lower() in ("withdraw", "exit", "quit", "pull")):
        return head.head if head.head.lemma_.lower() != "pull" else None  # "withdraw from the treaty"
    elif (noun.dep_ == "pobj" and head.lower_ == "in" and head.head.pos_ == "VERB"
          and head.head.lemma_.lower() in AMOUNT_VERBS | RECEIVING_VERBS
          and any(c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in head.head.children)):
        return head.head  # "sent $400 million in aid to Ukraine": "in aid" hung on the verb
    elif (noun.dep_ == "pobj" and head.lower_ == "in" and head.head.dep_ in ("dobj", "dative")
          and head.head.head.pos_ == "VERB" and head.head.head.lemma_.lower() in AMOUNT_VERBS | RECEIVING_VERBS):
        head = head.head.head  # "approved $1 billion in military aid", "a loan": the amount's verb
        return head
    elif (noun.dep_ == "pobj" and head.lower_ in ("in", "with") and head.head.dep_ == "pobj"
          and head.head.head.lower_ == "with" and head.head.head.head.lemma_.lower() in AMOUNT_VERBS):
        return head.head.head.head  # "provided Israel with $3.8 billion in military aid"
    elif (noun.dep_ == "pobj" and head.lower_ == "with" and head.head.pos_ == "VERB"
          and head.head.lemma_.lower() in AMOUNT_VERBS):
        return head.head  # "provided Ukraine with aid"
    elif noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    outcome = noun.dep_ == "nsubj" and _outcome(head) is not None  # "the merger collapsed"
    if noun.dep_ == "nsubj" and lemma not in STATUS_VERBS and not outcome:
        return None
    if lemma in STAKE_VERBS and noun.lemma_.lower() in ("stake", "share", "interest") and noun.dep_ == "dobj":
        return head  # "Tencent took a 5% stake in Tesla", "Buffett raised his stake"
    return head if lemma in STATUS_VERBS or lemma in LIGHT_VERBS or outcome else None


# Parts of a company that it sells: "the unit of CheckFree", "the cement business of ACC".
SOLD_PARTS = COMPANY_UNITS | {"business", "asset", "operation", "brand", "portfolio", "plant", "factory", "mine"}


def _maker(index: MentionIndex, goods: Token) -> str | None:
    """The seller named before the goods: their owner ("Fox's entertainment assets"), a
    nationality ("Russian air defence systems") or a company ("Boeing jets"), not a place
    ("the Woodmont property"). A security's issuer ("Treasury debt", "Apple shares") and the
    building a home is in ("a Trump Tower condominium") are not who sold it."""
    if goods.lemma_.lower() in SOLD_PARTS:  # "the Securities Products Business unit of CheckFree Corp"
        owner = next((a for _, o in prep_objects(goods, {"of"}) for a in _named(index, o)), None)
        if owner:
            return owner
    if goods.lemma_.lower() in ISSUED_OR_PLACED_GOODS:
        return None
    owner = next((index.actor(c) for c in goods.children if c.dep_ == "poss" and index.actor(c)), None)
    # "25 Boeing 777X aircraft": the maker before the model before the goods
    modifiers = [m for c in goods.children if c.dep_ in ("amod", "compound")
                 for m in (c, *(g for g in c.children if g.dep_ == "compound" and c.dep_ == "compound"))]
    return owner or next((index.actor(c) for c in modifiers
                          if c.ent_type_ in ("NORP", "ORG") and index.actor(c)), None)


def _bids_for_a_company(noun: Token) -> bool:
    """A takeover bid: "a takeover bid", "a buyout bid", or a bid "for" an organisation or
    a company's part ("Nippon Steel's $14.9 billion bid for U.S. Steel"), not for an office, a
    contract, a nomination or to join something."""
    if any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in ("takeover", "buyout", "acquisition", "merger")
           for c in noun.children):
        return True
    def a_company(o: Token) -> bool:
        if o.lemma_.lower() in COMPANY_UNITS | {"company", "firm", "stake"}:
            return True
        if o.ent_type_ != "ORG":
            return False
        # "his bid for the White House": the alias table knows it for a state's seat, no company
        entry = lookup_alias(" ".join(t.text for t in o.subtree if t.dep_ != "det"))
        return entry is None or entry.type == "organization"

    return any(a_company(o) for _, o in prep_objects(noun, {"for"}))


def _is_deal_noun(noun: Token) -> bool:
    """Whether a deal noun names a transaction here: not a figure of speech or a bargain ("a
    great deal of", "the best deals"), and "sales" in the plural (a revenue figure, "Apple's
    sales rose") only with a buyer ("arms sales to Saudi Arabia")."""
    lemma = noun.lemma_.lower()
    if lemma == "deal" and any(c.dep_ == "amod" and c.lower_ in IDIOM_ADJECTIVES for c in noun.children):
        return False
    if lemma == "deal" and (noun.head.lemma_.lower() == "be" or noun.head.lower_ in ("'s", "’s")) and any(
            c.lower_ == "what" and c.dep_ in ("nsubj", "attr") for c in noun.head.children):
        return False  # "What's the deal with Rust?": a question about something, no transaction
    if lemma == "deal" and (
            any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in BARGAIN_MODIFIERS for c in noun.children)
            or (noun.tag_ == "NNS" and noun.dep_ == "dobj" and noun.head.lemma_.lower() in BARGAIN_HOLDERS
                and not prep_objects(noun, PARTY_PREPS) and not prep_objects(noun.head, PARTY_PREPS))):
        return False  # "Newegg has numerous bundle deals": a shop's bargains, with no one to make them with
    if lemma == "aid" and (noun.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
                           or any(c.dep_ in ("compound", "amod") and c.lower_ in ("first", "hearing", "visual", "teaching",
                                                                                  "sleep", "study", "band")
                                  for c in noun.children)):
        return False  # "an effective weight-loss aid", "hearing aids": a device; aid given is uncounted
    if lemma == "sale" and noun.lower_ == "sales" and not prep_objects(noun, {"to"}):
        return False
    if noun.tag_ == "NNS" and lemma in ("sale", "purchase", "order") and _is_a_total(noun):
        return False  # "its sales of inventory to Berlex was down", "orders rose 5%": a total, no deal
    if lemma in ("sale", "purchase") and noun.dep_ == "pobj" and noun.head.lower_ in ("on", "for") \
            and noun.head.head.lemma_.lower() in ("be", "go", "put", "available"):
        return False  # "on sale", "up for sale", "available for purchase": shop talk
    if lemma == "grant" and noun.pos_ != "NOUN":
        return False
    if lemma == "bid" and not _bids_for_a_company(noun):
        return False  # "a bid for the presidency", "Sweden's bid to join NATO": no takeover
    if lemma == "assistance" and not any(c.dep_ in ("amod", "compound") and c.lower_ in AID_ADJECTIVES
                                         for c in noun.children):
        return False  # help, unless it is military, financial, humanitarian ... assistance
    if _in_a_title(noun):
        return False  # "a paper titled ''How to Foster Long-Term Innovation Investment''": a title
    if lemma == "settlement" and any(c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC", "NORP")
                                     for c in noun.children):
        return False  # "a West Bank settlement", "Jewish settlements": a place people live in
    return True


# Verbs and predicates of a figure that changes: "sales rose", "orders were down".
CHANGE_VERBS = {"rise", "fall", "drop", "increase", "decrease", "decline", "double", "triple", "grow", "slip",
                "jump", "climb", "surge", "slump", "plunge", "soar", "dip", "ease", "edge", "tumble", "rebound", "shrink"}
CHANGE_WORDS = {"down", "up", "higher", "lower", "flat", "unchanged", "strong", "weak", "weaker", "stronger"}


def _is_a_total(noun: Token) -> bool:
    """Whether plural sales, purchases or orders are a figure said to change ("sales rose",
    "its sales to Berlex was down"), not transactions between sides."""
    if noun.dep_ != "nsubj" or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    head = noun.head
    return head.lemma_.lower() in CHANGE_VERBS or (head.lemma_.lower() == "be" and any(
        c.dep_ in ("acomp", "advmod", "attr") and c.lower_ in CHANGE_WORDS for c in head.children))


# Marks that open a quotation or a title.
OPENING_QUOTES = {"“", "''", "``", '"', "‘"}


def _in_a_title(noun: Token) -> bool:
    """Whether a deal noun is a capitalised word of a quoted title ("a paper titled ''How to
    Foster Long-Term Innovation Investment''"): the name of a work, no transaction."""
    if noun.pos_ != "PROPN" or not noun.text[:1].isupper() or noun.i == sentence_of(noun).start:
        return False
    quotes = [t for t in noun.doc[sentence_of(noun).start:noun.i] if t.text in OPENING_QUOTES or t.text in ("”", "’")]
    return len(quotes) % 2 == 1 and noun.doc[noun.i - 1].text[:1].isupper()


def _noun_kind(noun: Token) -> str | None:
    return DEAL_NOUNS.get(noun.lemma_.lower()) or _particle_noun(noun) or MONEY_NOUNS.get(noun.lower_)


def _moved_money(noun: Token, index: MentionIndex) -> bool:
    """Whether "funds" are money moved between actors: a plain plural (not "hedge funds", "the
    federal funds rate") with its giver or recipient named by "from" or "to" on it or on the
    verb that receives or gives it ("receiving a large infusion of funds from Klein Ltd.")."""
    if noun.lower_ not in MONEY_NOUNS or noun.pos_ != "NOUN" or any(
            c.dep_ in ("compound", "amod", "nmod", "poss") for c in noun.children):
        return False
    holders = [noun, *(h for h in (_receiver(noun), _measure(noun)) if h is not None)]
    return any(_named(index, obj) for h in holders for _, obj in prep_objects(h, {"from", "to"}))


def _measure(noun: Token) -> Token | None:
    """The phrase a deal noun says what of: "an infusion of funds", "$1 billion in aid"."""
    if noun.dep_ == "pobj" and noun.head.lower_ in ("of", "in") and noun.head.head.pos_ in ("NOUN", "NUM", "SYM"):
        return noun.head.head
    return None


def _receiver(noun: Token) -> Token | None:
    """The verb whose subject gets what a deal noun names: "received a loan", "received $1
    billion in military aid", "was receiving an infusion of funds"."""
    current = noun
    for _ in range(4):
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "in"):
            current = head.head
            continue
        if current.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in RECEIVING_VERBS:
            return head
        return None
    return None


# Nouns of a bar on trade: "a ban on sales of lethal weapons to Vietnam" is no sale, and
# embargoes and sanctions are not deals.
BAR_NOUNS = {"ban", "embargo", "moratorium", "prohibition", "restriction", "sanction", "cap", "limit",
             "freeze", "halt", "veto", "curb", "block", "blockade"}


def _barred(noun: Token) -> bool:
    """Whether a deal noun names what a ban, an embargo or a cap bars ("a ban on arms sales")."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in ("on", "against", "of") and head.head.lemma_.lower() in BAR_NOUNS:
        return True
    return noun.dep_ == "compound" and head.lemma_.lower() in BAR_NOUNS


def _from_noun(noun: Token, index: MentionIndex, handled: set[int]) -> dict | None:
    kind = _noun_kind(noun)
    if _barred(noun):
        return None
    agent, theme, status_verb = noun_arguments(noun)
    receiver = _receiver(noun) if kind in ("aid", "loan", "investment") else None
    if (noun.lemma_.lower() in TAKING_NOUNS and theme is not None and (
            (index.actor(theme) and _is_place(index, theme)) or theme.lemma_.lower() in COUNTRY_DESCRIPTIONS)):
        return None  # "Russia's takeover of Crimea": an annexation
    parties: list[str] = []
    buyer = seller = None
    item_token = theme
    # "a deal ... to purchase X": the purpose clause gives the kind, the item and the roles.
    purpose = None
    for child in noun.subtree:
        if (child.pos_ == "VERB" and child.lemma_.lower() in DEAL_VERBS
                and child.dep_ in ("acl", "relcl", "advcl", "xcomp")):
            kind = DEAL_VERBS[child.lemma_.lower()]
            handled.add(child.i)
            purpose = child
            objects = direct_objects(child)
            if objects:
                item_token = argument_head(objects[0])
            break
    # "a deal between Trump and Iacocca" names its sides: who helped arrange or brokered it is
    # not one of them
    between = {a for holder in (noun, status_verb) if holder is not None
               for _, obj in prep_objects(holder, {"between", "among"}) for a in _named(index, obj)}
    # "Granic arrives to sign Croatia-Yugoslavia treaty": the hyphen names the sides, as
    # "between" does; who signs for one of them is not a third
    sides_by_hyphen = hyphen_sides(index, noun, same_kind=False)
    between |= set(sides_by_hyphen)
    # who approves aid or a loan gives it ("the IMF approved a $3 billion loan to Pakistan")
    if status_verb is not None and not between and (
            status_verb.lemma_.lower() not in THIRD_PARTY_VERBS or kind in ("aid", "loan")):
        for subject in _subjects(status_verb):
            if subject == noun:
                continue
            parties.extend(a for a in _agents(index, subject, kind == "aid") if a not in parties)
    if agent is not None and (not between or any(a in between for a in _agents(index, agent))):
        parties.extend(a for a in _agents(index, agent, kind == "aid") if a not in parties)
    for _, obj in prep_objects(noun, PARTY_PREPS):
        parties.extend(a for a in _named(index, obj) if a not in parties)
    if status_verb is not None:  # "signed a deal with Russia"
        for _, obj in prep_objects(status_verb, PARTY_PREPS):
            parties.extend(a for a in _named(index, obj) if a not in parties)
    # "an order for 50 jets from United Airlines": the parser hangs the customer on the goods
    ordered = [o for _, o in prep_objects(noun, {"for"})] if kind == "order" else []
    froms = [a for holder in (noun, status_verb, *ordered) if holder is not None
             for _, obj in prep_objects(holder, {"from"}) for a in _named(index, obj)]
    supplier_subject = (kind in ("order", "supply") and status_verb is not None
                        and status_verb.lemma_.lower() in ("win", "receive", "secure", "land", "get", "clinch", "book"))
    # "The Pentagon awarded Boeing a contract": who awards buys, who is awarded supplies
    awarded = kind in ("order", "supply") and status_verb is not None and status_verb.lemma_.lower() == "award"
    parties.extend(a for a in sides_by_hyphen if a not in parties)
    for child in noun.children:
        if child.dep_ in ("compound", "nmod", "poss") or (child.dep_ == "amod" and kind in ("aid", "loan")) or (
                # "Russian arms sales", "American purchases of oil": a nationality is the country
                # trading; before the goods of a purchase it is their maker ("Russian oil purchases")
                child.dep_ == "amod" and child.ent_type_ == "NORP" and (kind in ("sale", "supply") or (
                    kind in ("purchase", "order", "investment")
                    and not any(c.dep_ == "compound" and child.i < c.i < noun.i for c in noun.children)))):
            # "the Apple-Nokia deal", "US aid": a name before the noun is a side of it; a
            # region is where it applies ("a Middle East peace agreement").
            actor = index.actor(child)
            if (actor and actor not in parties and not _is_dateline(child) and child.ent_type_ != "LOC"
                    and not _names_a_deal(index, child) and not _names_a_pair(index, child)
                    and not (child.dep_ == "compound" and _is_place(index, child)
                             and any(c.dep_ == "poss" for c in noun.children))  # "its U.S. investment": where
                    and not _past_a_headline_word(child, noun)):
                parties.append(actor)
    recipients = [a for holder in (noun, purpose) if holder is not None
                  for _, obj in prep_objects(holder, {"to", "for"}) for a in _named(index, obj)]
    if not recipients and kind in ("sale", "supply") and theme is not None and theme.i != noun.i:
        # "Vodafone's sale of its stake to Verizon": the parser hangs "to" on what is sold
        # (on what is sold itself: "the sale of charter holidays for Russians to Turkey" goes there)
        recipients = [a for _, o in prep_objects(theme, {"to"}) for a in _named(index, o)]
    if status_verb is not None and kind in ("aid", "loan"):
        # "provided $1bn in aid to Ukraine", "gave Kyiv a loan"
        recipients += [a for _, obj in prep_objects(status_verb, {"to"}) for a in _named(index, obj)]
        recipients += [a for c in status_verb.children if c.dep_ in ("dative", "dobj") and c.i != noun.i
                       for a in _named(index, c)]  # "gave Kyiv a loan", "provided Israel with aid"
    item_actors = (_named(index, item_token) or _owned(index, item_token)) if item_token is not None else []
    if item_token is not None and kind == "sale" and _is_person(index, item_token):
        item_actors = []  # "selling Trump to voters": a person is not what a deal trades
    if receiver is not None:
        # "Pakistan received a $6 billion loan from the IMF": the subject gets, "from" gives
        got = [a for s in _subjects(receiver) for a in _agents(index, s, kind == "aid")]
        givers = [a for holder in (noun, receiver, *(m for m in (_measure(noun),) if m is not None))
                  for _, obj in prep_objects(holder, {"from"}) for a in _named(index, obj)]
        if theme is not None and theme.i != noun.i:
            givers += [a for _, obj in prep_objects(theme, {"from"}) for a in _named(index, obj)]
        buyer = next(iter(got), None)
        seller = next((a for a in givers if a != buyer), None)
        parties = [a for a in (buyer, seller) if a]
        if kind == "loan" and item_token is not None and _named(index, item_token):
            item_token = None
    elif awarded:
        subject_side = next((a for s in _subjects(status_verb) for a in _agents(index, s)), None)
        if is_passive(status_verb):  # "Boeing was awarded a contract by the Pentagon"
            seller = subject_side
            by = agent_of(status_verb) or agent_of(noun)  # the parser hangs "by" on either
            buyer = next((a for a in _named(index, by) if a != seller), None)
        else:
            buyer = subject_side
            seller = next((a for c in status_verb.children if c.dep_ == "dative" or (c.dep_ == "dobj" and c.i != noun.i)
                           for a in _named(index, c) if a != buyer), None)
            seller = seller or next((a for _, o in prep_objects(status_verb, {"to"}) for a in _named(index, o)
                                     if a != buyer), None)
        parties = [a for a in dict.fromkeys((*parties, buyer, seller)) if a]
    elif kind == "investment" and parties and not (
            status_verb is not None and status_verb.lemma_.lower() in HOLDING_VERBS) and (
            noun.lemma_.lower() not in SHARE_NOUNS or status_verb is not None):
        # "SoftBank's investment in Uber", "Tencent took a 5% stake in Tesla": the investor buys
        # into the company ("in South Carolina" is where; a stake only held is no transaction)
        buyer = parties[0]
        seller = next((a for holder in (noun, status_verb) if holder is not None
                       for _, o in prep_objects(holder, {"in"}) if not _is_place(index, o)
                       for a in _named(index, o) if a != buyer), None)
    elif supplier_subject:
        # "Airbus won an order from Qantas": the subject supplies, "from" names the customer.
        seller = parties[0] if parties else None
        buyer = next((a for a in froms if a != seller), None)
    elif kind in ("purchase", "acquisition", "order"):
        buyer = parties[0] if parties else None
        # what is bought is a target, not the seller ("Apple's purchase of NeXT"); a seller is
        # named by "from" or, for goods, by the maker's name before them ("Russian systems").
        seller = next((a for holder in (noun, purpose) if holder is not None
                       for _, obj in prep_objects(holder, {"from"}) for a in _named(index, obj)), None)
        if seller is None and item_token is not None and not item_actors and item_token.pos_ == "NOUN":
            seller = _maker(index, item_token)
        if seller == buyer:
            seller = None
    elif kind in ("sale", "supply"):
        seller = parties[0] if parties else None
        # "a deal with the European Commission to supply doses": the other side buys
        withs = [a for holder in (noun, status_verb) if holder is not None
                 for _, obj in prep_objects(holder, {"with"}) for a in _named(index, obj)]
        buyer = next((a for a in (*recipients, *withs) if a != seller), None)
    elif kind in ("loan", "aid") and parties and any(a not in parties[:1] for a in froms) and not recipients:
        # "Trump's loans from Deutsche Bank", "donations from Saudi Arabia": "from" names the
        # lender or giver, and the other side gets
        seller = next(a for a in froms if a not in parties[:1])
        buyer = next((a for a in parties if a != seller), None)
    elif kind in ("loan", "aid") and parties:
        seller = parties[0]  # the lender or giver
        buyer = next((a for a in (*recipients, *item_actors) if a != seller), None)
        if buyer in item_actors:
            item_token = None  # "the bailout of AIG": AIG is the borrower, not a thing lent
    elif kind == "aid" and recipients:
        buyer = recipients[0]
    for actor in (*item_actors, buyer, seller):
        if actor and actor not in parties and (actor in (buyer, seller) or kind in ("merger", "acquisition", "purchase", "sale")):
            parties.append(actor)
    if not parties:
        return None
    if noun.lemma_.lower() == "contract" and any(
            _is_person(index, t) and name_gender((index.mention_by_token.get(t.i) or {}).get("text", "")) is not None
            for t in sentence_of(noun) if index.actor(t) in parties):
        # "Roy Keane has signed a new contract with Manchester United": a person's contract is
        # one of work, an agreement; no one supplies or buys goods
        kind, buyer, seller = "agreement", None, None
    status = _status_of(status_verb) if status_verb is not None else None
    governor = status_verb if status_verb is not None else receiver
    if governor is None and noun.dep_ == "attr" and noun.head.lemma_.lower() == "be" and any(
            c.dep_ == "expl" for c in noun.head.children):
        governor = noun.head  # "there would be a trade agreement": what "be" says of it, a deal to come
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in governor.children):
            status = "proposed"  # "there will be a trade agreement": one to come, not made
    mood = modality(governor) if governor is not None else "asserted"
    if mood == "hypothetical" and status_verb is not None and _reported_future(index, status_verb):
        status = "announced"  # "Iran said it would sign the deal with Russia": "will sign", reported
    elif mood == "hypothetical" and status in (None, "signed", "agreed"):
        status = "proposed"
    elif mood == "negated":
        status = "cancelled" if status else "denied"
    if mood == "asserted" and status in ("signed", "agreed", "completed") and status_verb is not None and any(
            c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in status_verb.children):
        status = "announced"  # "the two countries will sign an agreement": said, not done
    if any(c.dep_ == "amod" and c.lower_ in PLANNED_ADJECTIVES for c in noun.children):
        status = "proposed"  # "the $9.5 billion proposed acquisition of Boatmen's"
    if noun.lemma_.lower() == "bid" and status not in ("cancelled", "denied"):
        status = "proposed"  # a bid made is an offer; blocked, withdrawn or rejected, it is cancelled
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        status = "denied"  # "received no improper financial assistance from the lawyer"
    status = _attempted(noun, status_verb, status)
    start, end = phrase(noun, max_chars=200)
    arg1 = theme if theme is not None else item_token
    deal = _deal(kind, parties, buyer, seller, item_token, start, end, noun, status,
                 extent(noun), index.span_of(agent), index.span_of(arg1), mood)
    withs = {a for holder in (noun, status_verb) if holder is not None
             for _, obj in prep_objects(holder, {"with"}) for a in _named(index, obj)}
    if kind in AGENTIVE_KINDS and withs and set(parties) <= withs:
        # "the arrangements with Mills, Samuelson and Bentel": who made them is not said; the
        # names after "with" are all one side
        deal["_one_side"] = withs
    deal["_pronoun"] = _by_pronoun(index, agent) or _by_pronoun(index, arg1)
    _record_anaphors(deal, index, (agent, arg1))
    return deal


def _record_anaphors(deal: dict, index: MentionIndex, heads) -> None:
    """Keep, on the deal and its mention, the pronouns and descriptions its sides were read from."""
    found = _anaphors(index, heads)
    if found:
        deal["anaphors"] = found
        deal["mentions"][0]["anaphors"] = found


def _undone(trigger: Token) -> str | None:
    """"denied" when a deal is what someone denies, "cancelled" when what it was planned in is
    ended: the trigger's clause or phrase hangs, through a clause on a noun or an object, from
    "deny", "dismiss" or "refute" ("Jumbish denied a statement that the two sides had agreed to
    a ceasefire"), or from "terminate", "cancel", "scrap"... ("terminated a letter of intent to
    purchase Merrion", "scrapped plans to buy")."""
    current = trigger
    for _ in range(5):
        if current.dep_ not in ("xcomp", "acl", "relcl", "pobj", "prep", "dobj", "ccomp") or current.head.i == current.i:
            return None
        current = current.head
        if current.pos_ == "VERB" and current.lemma_.lower() in DENYING_HEADS:
            return "denied"
        if current.pos_ == "VERB" and STATUS_VERBS.get(current.lemma_.lower()) == "cancelled" and current.i != trigger.i:
            return "cancelled"
    return None


# Verbs that report what a company or a state announced: "said it would buy" is "will buy" told.
ANNOUNCING_REPORTS = {"say", "announce", "confirm", "state", "add", "tell", "disclose", "reveal"}


def _reported_future(index: MentionIndex, verb: Token) -> bool:
    """"Softbank said it would buy Kingston": "would" in what a company or a state said in the
    past is its "will" told in reported speech (an announced deal), not a condition; not with
    "if" or "unless", a negation, or a person's word ("Trump said he would buy", a wish)."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        return False
    if any(c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "unless")) for c in verb.children):
        return False
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
           for c in verb.children):
        return False
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in ANNOUNCING_REPORTS or clause.head.tag_ != "VBD":
        return False
    said = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(said) and all(s.lower_ in ("it", "they") or (index.actor(s) is not None and not _is_person(index, s))
                              for s in said)


def _attempted(trigger: Token, governor: Token | None, status: str | None) -> str | None:
    """"tried to buy", "a bid for", "talks on a deal": proposed; "failed to buy",
    "unsuccessfully tried": failed."""
    chain = [trigger]
    current = trigger
    for _ in range(3):
        if current.dep_ not in ("xcomp", "acl", "pobj", "prep", "dobj", "ccomp", "advcl", "conj") or current.head.i == current.i:
            break
        current = current.head
        chain.append(current)
    climbed = {t.lemma_.lower() for t in chain[1:]}
    if governor is not None:
        chain.append(governor)
    # the tagger's lemma of "hopes" is sometimes "hop": the word's own forms count too
    lemmas = {t.lemma_.lower() for t in chain[1:]} | {HOPE_FORMS.get(t.lower_, "") for t in chain[1:]}
    adverbs = {c.lower_ for t in chain for c in t.children if c.dep_ == "advmod"}
    modals = {c.lower_ for t in chain for c in t.children if c.dep_ == "aux"} & MODAL_AUXILIARIES
    if lemmas & FAIL_HEADS or adverbs & FAIL_ADVERBS:
        return "failed"
    undone = _undone(trigger)
    if undone and status not in ("denied", "failed", "cancelled"):
        return undone
    if any(c.dep_ == "mark" and c.lower_ in ("whether", "if") for t in chain for c in t.children):
        return "proposed"  # "deceiving him about whether he made a secret deal": asked, not said
    if (lemmas & ATTEMPT_HEADS or climbed & PROMISE_HEADS or modals) and status in (None, "completed", "signed", "agreed", "reported", "mentioned"):
        return "proposed"
    return status


def _from_verb(verb: Token, index: MentionIndex, amounts: list[dict]) -> dict | None:
    lemma = verb.lemma_.lower()
    particle = PARTICLE_VERBS.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return None
    if is_market_move(verb) or _sold_out(verb) or _trade_total(verb):
        return None
    kind = DEAL_VERBS.get(lemma) or TRANSFER_VERBS.get(lemma) or "agreement"
    agent, theme = verb_arguments(verb, THEME_PREPS.get(lemma, ()))
    if lemma == "take" and not (theme is not None and index.actor(theme) and not _is_place(index, theme)
                                and not _is_person(index, theme)
                                and not (agent is not None and (_is_person(index, agent) or getattr(
                                    index, "actor_types", {}).get(index.actor(agent)) == "person"))):
        # "UBS agreed to take over Credit Suisse"; not "took over the town", "took over as chief",
        # nor a person taking charge of a body ("Basanez took over the Mexican Embassy")
        return None
    if _reduced_passive(verb):
        agent, theme = agent_of(verb), agent  # "Wickman, acquired from the Yankees, earned": Wickman is acquired
    if (theme is not None and verb.dep_ in ("acl", "relcl") and theme.i == verb.head.i
            and any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children)):
        # "a statement that the two sides had agreed to a ceasefire": what the noun says, not its object
        theme = next((o for _, o in prep_objects(verb, set(THEME_PREPS.get(lemma, ())))), None)
    if agent is not None and _described_not_acting(verb, agent):
        agent = None  # "Investing in cryptocurrencies ... is highly risky": no one invests
    if (verb.dep_ == "xcomp" and not is_passive(verb)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        agent = next(iter(_subjects(verb)), agent)  # "asked Fox News to donate": Fox News donates
    if (theme is None and verb.dep_ == "xcomp" and is_passive(verb)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        theme = next(iter(_subjects(verb)), None)  # "LinkedIn agreed to be acquired by Microsoft": LinkedIn is bought
    given = [c for c in verb.children if c.dep_ == "dobj"] if is_passive(verb) and lemma in RECIPIENT_PASSIVES else []
    recipient = theme if given and theme is not None else None
    if recipient is not None:
        theme = given[0]  # "Russia was sold drones by Iran": Russia gets, the drones are sold
    if _sells_itself(verb, index):
        theme = agent  # "Twitter agreed to sell itself to Elon Musk": Twitter is sold
    agent = _who(index, verb, agent)
    agents = _agents(index, agent, kind == "aid") if agent is not None else []
    for other in (agent.conjuncts if agent is not None else ()):
        agents.extend(a for a in _agents(index, other, kind == "aid") if a not in agents)
    item_token = theme
    item_actors = (_named(index, item_token) or _owned(index, item_token)) if item_token is not None else []
    counterpart = []
    for prep, obj in _prep_objects_and_conjuncts(verb, {"from", "to", "with", "for"}):
        counterpart.extend((prep, a) for a in _named(index, obj))
    if recipient is not None:
        counterpart.extend(("to", a) for a in _named(index, recipient) if ("to", a) not in counterpart)
    if theme is not None and not item_actors:
        # "settled its dispute with Apple Corps": the other side hangs on the object.
        for prep, obj in prep_objects(theme, {"with"}):
            counterpart.extend((prep, a) for a in _named(index, obj))
    if theme is not None and kind in ("purchase", "acquisition", "order"):
        # "ordered 26 Rafale jets from Dassault Aviation": the parser hangs the seller on the goods
        for prep, obj in prep_objects(theme, {"from"}):
            counterpart.extend((prep, a) for a in _named(index, obj) if (prep, a) not in counterpart)
    if kind == "aid":  # "donated to Hillary Clinton's campaign": to her
        counterpart.extend(("to", a) for _, obj in prep_objects(verb, {"to", "for"})
                           if (a := _campaign_owner(index, obj)) and ("to", a) not in counterpart)
    datives = [c for c in verb.children if c.dep_ == "dative"]
    if _figurative(verb, lemma, item_token, item_actors, index):
        return None
    if (lemma in ("lend", "loan") and item_token is not None and item_token.pos_ == "NOUN"
            and not _is_money_token(item_token, amounts) and not any(c.dep_ == "nummod" for c in item_token.children)):
        return None  # money or counted things are lent; "lending advice to Mr. Trump" is a figure of speech
    if lemma in ("lend", "loan") and item_token is None and not direct_objects(verb) and not _money_in_sentence(verb, amounts):
        return None  # lending nothing said and no money in sight: "how much advice Mr. Ailes was lending to Mr. Trump"
    if lemma in WEAK_DEAL_VERBS and not _money_in_sentence(verb, amounts) and not (
            lemma == "settle" and any(p == "with" for p, _ in counterpart)) and not (
            # "to arrange the deal and settle on pricing": settling the terms of that deal
            lemma == "settle" and _beside_a_deal(verb)) and not (
            # "supplied Ukraine with tanks", "ordered 25 Boeing 787s": goods between actors
            lemma in ("supply", "order") and agents and item_token is not None and (
                (lemma == "supply" and item_actors and prep_objects(verb, {"with"}))
                or (item_token.pos_ in ("NOUN", "PROPN") and _maker(index, item_token)))):
        return None
    if lemma in GIVING_VERBS:
        given_money = any(_is_money_token(o, amounts) for o in direct_objects(verb)) or (
            theme is not None and _is_money_token(theme, amounts))
        if lemma in TRANSFER_VERBS:  # the money itself is handed over, not "access to $100 billion"
            given_money = any(o.ent_type_ == "MONEY" or o.lemma_.lower() in ("money", "cash", "fund")
                              for o in direct_objects(verb))
        if lemma in TRANSFER_VERBS and any(not _named(index, o) for _, o in prep_objects(verb, {"for"})):
            return None  # "gave Hillary Clinton $675,000 for three speeches": a fee, not a gift
        if lemma in MONEY_GIVING_VERBS and not (given_money and (
                any(p == "to" for p, _ in counterpart) or any(_named(index, d) for d in datives))):
            return None  # "contributed $1 million to the RGA" is a gift; "contributed an article to" is not
        if not (given_money or (theme is not None and theme.lemma_.lower() in DEAL_NOUNS)
                or (lemma != "grant" and (item_actors or any(p in ("to", "for") for p, _ in counterpart)))):
            return None
    buyer = seller = None
    if kind in ("purchase", "acquisition", "order"):
        buyer = next(iter(agents), None)
        seller = next((a for p, a in counterpart if p == "from"), None)
        if seller is None and item_token is not None and not item_actors and item_token.pos_ == "NOUN":
            seller = _maker(index, item_token)
        if seller == buyer:
            seller = None
    elif kind in ("sale", "supply"):
        seller = next(iter(agents), None)
        buyer = next((a for p, a in counterpart if p in ("to", "for")), None)
        if buyer is None and datives:
            buyer = next(iter(_named(index, datives[0])), None)
        if buyer is None and theme is not None:  # "sold planes worth $16bn to Qantas"
            buyer = next((a for t in theme.subtree if t.dep_ == "prep" and t.lower_ == "to" and t.head.i != verb.i
                          and not _in_clause(t, theme)  # not "tools, which it claims belong to the US"
                          for o in t.children if o.dep_ == "pobj" for a in _named(index, o)), None)
        if buyer is None and kind == "supply" and theme is not None and index.actor(theme):
            buyer = index.actor(theme)  # "Iran supplied Russia with ..."
            item_token = next((o for _, o in prep_objects(verb, {"with"})), None)
    elif kind == "loan":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        item_token = objects[0] if objects else item_token  # what is lent, not to whom
        lender = lemma != "borrow"
        side = next(iter(agents), None)
        other = next((a for p, a in counterpart if p in (("to", "for") if lender else ("from",))), None)
        if other is None and lender and datives:
            other = next(iter(_named(index, datives[0])), None)
        other = other or next((a for a in item_actors if a != side), None)
        seller, buyer = (side, other) if lender else (other, side)
    elif kind == "aid":
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        item_token = objects[0] if objects else item_token  # what is given, not to whom
        seller = next(iter(agents), None)
        funded = next((a for a in item_actors if a != seller), None) if lemma == "fund" else None
        if funded is not None:  # "funded the school for ...": the school is funded, "for" says what for
            counterpart = [(p, a) for p, a in counterpart if p != "for"]
        buyer = funded or next((a for p, a in counterpart if p in ("to", "for")), None)
        if buyer is None and datives:
            buyer = next(iter(_named(index, datives[0])), None)
        buyer = buyer or next((a for a in item_actors if a != seller), None)  # "the US funded the group"
        # "donated $2 million to a group supporting Carly Fiorina": the one the gift is for
        beneficiaries = [a for _, obj in prep_objects(verb, {"to", "for"}) if not index.actor(obj)
                         for clause in obj.children if clause.dep_ == "acl" and clause.lemma_.lower() in SUPPORTING_VERBS
                         for o in direct_objects(clause) for a in _named(index, o) if a != seller]
        counterpart.extend(("for", a) for a in beneficiaries)
    elif kind == "investment":
        # the investor buys into the company invested in ("invested $500 million in Uber")
        buyer = next(iter(agents), None)
        seller = next((a for _, obj in prep_objects(verb, {"in"}) if not _is_place(index, obj)
                       for a in _named(index, obj) if a != buyer), None)  # not a place ("in South Carolina")
    elif kind == "agreement" and lemma in ("license", "licence"):
        seller = next(iter(agents), None)
        buyer = next((a for p, a in counterpart if p in ("to", "for")), None)
    parties = list(agents)
    for actor in (buyer, seller, *(a for _, a in counterpart)):
        if actor and actor not in parties:
            parties.append(actor)
    if kind in ("acquisition", "purchase", "merger", "sale"):
        # the company bought or sold is a party; a person "sold" to voters is a figure of speech,
        # and a player "acquired from the Yankees" is traded between clubs, not a side
        if not (item_token is not None and _is_person(index, item_token) and (
                kind == "sale" or _has_first_name(index, item_token))):
            parties.extend(a for a in item_actors if a not in parties)
    if not parties or (not agents and not counterpart and buyer is None and seller is None):
        return None
    mood = modality(verb)
    status = {"hypothetical": "proposed", "negated": "denied", "reported": "reported"}.get(mood, "completed")
    if mood == "asserted" and any(c.dep_ == "aux" and c.lower_ in ("will", "shall") for c in verb.children):
        status = "announced"  # "Shell will buy BG Group": said, not done
    if mood == "asserted" and verb.dep_ == "ROOT" and verb.tag_ == "VB" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(c.dep_ == "nsubj" for c in verb.children):
        status = "announced"  # the headline's future: "Cisco to buy Splunk for $28 billion"
    if mood == "asserted" and verb.tag_ == "VBG" and (any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "’s", "'re", "’re") for c in verb.children)
            or (verb.dep_ == "ROOT" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children))):
        status = "announced"  # "Chris Hughes is selling The New Republic", "Pfizer buying Allergan": under way
    if lemma == "agree" and status == "completed":
        status = "agreed"
    if mood == "asserted" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STATUS_VERBS:
        status = STATUS_VERBS[verb.head.lemma_.lower()]  # "agreed to buy": agreed, not completed
    if _reported_future(index, verb):
        status = "announced"  # "Softbank said it would buy 80 percent of Kingston": "will buy", reported
    status = _attempted(verb, None, status)
    start, end = phrase(verb, max_chars=200)
    deal = _deal(kind, parties, buyer, seller, item_token, start, end, verb, status,
                 extent(verb), index.span_of(agent), index.span_of(theme), mood)
    if kind not in AGENTIVE_KINDS:
        deal["_one_side"] = set(agents)  # "Manafort and two partners ... to buy": one buying side
    elif not agents and counterpart:
        # "(the bank) settled a dispute with the Fed and the DFS": the names after "with" are
        # the other side; the side that settled is no actor, so the row has one side
        deal["_one_side"] = {a for _, a in counterpart}
    deal["_pronoun"] = _by_pronoun(index, agent) or _by_pronoun(index, theme)
    _record_anaphors(deal, index, (agent, theme))
    return deal


def _reduced_passive(verb: Token) -> bool:
    """A past participle with no auxiliary set off by a comma after its noun ("Bob Wickman,
    acquired from the New York Yankees on Friday, earned the win"): a passive said of the noun,
    which the parser may have made the verb's subject; the noun is what is traded."""
    doc = verb.doc
    return (verb.tag_ == "VBN" and verb.i > 0 and doc[verb.i - 1].text == ","
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
            and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children))


def _has_first_name(index: MentionIndex, token: Token) -> bool:
    """Whether a name is written as a person's, with a first name or a title ("Bob Wickman",
    "Mr. Reyes") or, in a sports report, as two capitalised words the tagger types a person (a
    player traded: "Denny Neagle"); not one word the tagger calls a person ("NeXT"), nor a
    company's two words elsewhere ("acquire Activision Blizzard", no first name)."""
    from factwire.extract.entity_rules import is_sports_report

    mention = index.mention_by_token.get(token.i)
    return mention is not None and (name_gender(mention["text"]) is not None or (
        len(mention["text"].split()) >= 2 and all(w[:1].isupper() for w in mention["text"].split())
        and is_sports_report(token.doc)))


def _from_payment(verb: Token, index: MentionIndex, amounts: list[dict]) -> dict | None:
    """"Disney paid $4 billion for Marvel", "Nestle paid $2bn for the frozen food business of
    Unilever": money paid for a company, or for a part or a stake of one, buys it (paying for
    work, a speech or a home is no purchase of a side: the thing paid for must be a company
    or a company's part)."""
    if not any(c.dep_ == "dobj" and _is_money_token(c, amounts) for c in verb.children):
        return None
    target = next((o for _, o in prep_objects(verb, {"for"})), None)
    if target is None or _is_person(index, target) or _is_place(index, target) or _is_product(index, target):
        return None
    if index.actor(target) is not None and not _is_organisation(index, target):
        return None  # "Qatar paid $263 million for Neymar": a player, whatever the tagger says
    bought = _named(index, target) or _owned(index, target)
    seller = _maker(index, target) if not bought and target.lemma_.lower() in SOLD_PARTS else None
    if not bought and seller is None:
        return None
    agent, _ = verb_arguments(verb)
    agent = _who(index, verb, agent)
    agents = _agents(index, agent) if agent is not None else []
    agents = [a for a in agents if a not in bought and a != seller]
    if not agents:
        return None
    mood = modality(verb)
    status = {"hypothetical": "proposed", "negated": "denied", "reported": "reported"}.get(mood, "completed")
    if _reported_future(index, verb):
        status = "announced"
    status = _attempted(verb, None, status)
    parties = list(dict.fromkeys([*agents, *bought, *([seller] if seller else [])]))
    start, end = phrase(verb, max_chars=200)
    deal = _deal("purchase", parties, agents[0], seller, target, start, end, verb, status,
                 extent(verb), index.span_of(agent), index.span_of(target), mood)
    deal["_one_side"] = set(agents)
    deal["_pronoun"] = _by_pronoun(index, agent)
    _record_anaphors(deal, index, (agent, target))
    return deal


def _is_organisation(index: MentionIndex, token: Token) -> bool:
    """Whether a name is a company or another organisation: by the alias table when it knows
    the name, else by the entity type."""
    mention = index.mention_by_token.get(token.i)
    entry = lookup_alias(mention["text"]) if mention else None
    return entry.type == "organization" if entry is not None else token.ent_type_ == "ORG"


def _in_clause(token: Token, phrase_head: Token) -> bool:
    """Whether a token hangs on a verb inside a phrase, below its head: in a clause of its own."""
    current = token.head
    while current.i != phrase_head.i and current.head.i != current.i:
        if current.pos_ in ("VERB", "AUX"):
            return True
        current = current.head
    return False


def _names_a_deal_noun(verb: Token) -> bool:
    """Whether what a verb hands over is named by a deal noun ("gave a $10 million grant",
    "provided $1 billion in aid", "sent aid"): that noun makes the row."""
    return any(t.lemma_.lower() in DEAL_NOUNS for c in verb.children
               if c.dep_ in ("dobj", "dative") or (c.dep_ == "prep" and c.lower_ in ("in", "with"))
               for t in c.subtree)


def _prep_objects_and_conjuncts(verb: Token, preps: set[str]) -> list[tuple[str, Token]]:
    """A verb's prepositional objects, with a preposition coordinated with one of them ("donate
    to Democrats, and to Clinton": the parser hangs the second "to" on the verb as a conjunct)."""
    found = prep_objects(verb, preps)
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]  # "continued to donate ..., and to"
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "conj" and child.pos_ == "ADP" and child.lower_ in preps:
            found.extend((child.lower_, o) for o in child.children if o.dep_ == "pobj")
    return found


def _beside_a_deal(verb: Token) -> bool:
    """Whether a verb is coordinated with one whose object is a deal noun: "to arrange the deal
    and settle on pricing structures" settles that deal's terms."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS
               for other in (*verb.conjuncts,) for c in other.children)


def _trade_total(verb: Token) -> bool:
    """"Mexico buys nearly $250 billion worth of stuff from the United States": a present of
    habit whose object is an amount ("$250 billion worth", "30% of its oil") is a trade flow,
    no deal ("Pfizer buys Allergan for $160bn" buys a company)."""
    if verb.tag_ not in ("VBZ", "VBP") or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() == "worth" or c.ent_type_ in ("MONEY", "QUANTITY", "PERCENT")
                                    or any(g.dep_ == "nummod" for g in c.children))
               for c in verb.children)


def _sold_out(verb: Token) -> bool:
    """"RTX 3070s sold out", "tickets are sold out": the stock is gone, no sale between sides
    (and "sold out" someone is a betrayal)."""
    return verb.lemma_.lower() == "sell" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children) or (
        verb.lemma_.lower() == "sell" and verb.i + 1 < len(verb.doc) and verb.doc[verb.i + 1].lower_ == "out"
        and verb.doc[verb.i + 1].dep_ in ("prt", "advmod", "prep") and not any(c.dep_ == "dobj" for c in verb.children))


def _described_not_acting(verb: Token, agent: Token) -> bool:
    """Whether an agent was borrowed from a clause that only describes it: a gerund or
    participle hung on "is risky", "was a mistake" is said of no one ("Investing in
    cryptocurrencies, DeFi and ICOs is highly risky": the parser makes "DeFi" the subject of
    "is", but no one named invests). The agent of a verb is the subject of a verb of doing."""
    if agent.head.i == verb.i:
        return False
    if not (verb.tag_ == "VBG" and verb.dep_ in ("advcl", "csubj", "conj", "xcomp")):
        return False
    holder = agent.head
    return holder.lemma_.lower() == "be" and any(c.dep_ in ("acomp", "attr") for c in holder.children)


def _agreed(verb: Token, index: MentionIndex) -> bool:
    """"agree" is a deal when sides agree on or to a thing, with someone or not ("the fifteen
    countries had agreed on a joint plan", "Russia agreed with Iran on prices"), not when
    someone agrees with a view or a person ("agreed with Apple's defence", "Manafort said he
    agreed with Mr. Cruz": shares his view) or that something is so."""
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") for c in verb.children):
        return False  # "agreed that ...", "agreed to buy" (the buying is the deal)
    withs = [o for p, o in prep_objects(verb, {"with"})]
    if withs and not any(index.actor(o) for o in withs):
        return False
    ons = [o for p, o in prep_objects(verb, {"on", "to"})]
    if any(o.lemma_.lower() in DEAL_NOUNS for o in ons):
        return False  # "agreed to a deal with Iran": the deal noun makes the row
    return any(o.pos_ == "NOUN" for o in ons)


def _by_pronoun(index: MentionIndex, agent: Token | None) -> bool:
    """Whether a deal's agent is a pronoun read as the last actor named before it (not one a
    reporting clause names), or a definite description ("the company") read as the actor it
    points back at: a guess a reader would check."""
    if agent is not None and agent.pos_ == "NOUN" and index.actor(agent) is None and _is_description(agent):
        return bool(_described(index, agent))
    return (agent is not None and agent.pos_ == "PRON" and not _pronoun_antecedent(index, agent)
            and bool(_last_named(index, agent)))


def _figurative(verb: Token, lemma: str, item: Token | None, item_actors: list[str], index: MentionIndex) -> bool:
    """Transaction verbs used for something else: an order given to someone ("ordered the
    election division to halt", "ordered the army"), a figure of speech ("lending credence",
    "sold themselves as reformers", "has not bought that argument", "buy time"), and taking a
    place ("acquired Crimea": an annexation)."""
    if lemma == "order" and (item_actors or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)):
        return True
    item_word = item.lemma_.lower() if item is not None else ""
    if item is not None and (item.lower_ in REFLEXIVES and not _sells_itself(verb, index) or item_word in FIGURATIVE_PURCHASES
                             or (lemma == "acquire" and item_word in ACQUIRED_FACULTIES)
                             or (lemma in ("lend", "loan") and item_word in FIGURATIVE_LOANS)):
        return True
    if any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children) and not _sells_itself(verb, index):
        return True
    return (DEAL_VERBS.get(lemma) == "acquisition" and item is not None and bool(item_actors)
            and _is_place(index, item))


def _sells_itself(verb: Token, index: MentionIndex) -> bool:
    """"Twitter agreed to sell itself to Elon Musk": a company selling itself to a named buyer is
    sold (not "sold themselves as reformers" nor "selling itself to voters", an image offered)."""
    return (verb.lemma_.lower() == "sell" and any(c.dep_ == "dobj" and c.lower_ == "itself" for c in verb.children)
            and not prep_objects(verb, {"as"}) and any(_named(index, o) for _, o in prep_objects(verb, {"to"})))


def _is_money_token(token: Token, amounts: list[dict]) -> bool:
    """Whether a phrase head is a money amount or money itself ("$1bn", "funds", "cash")."""
    if token.lemma_.lower() in ("money", "fund", "funds", "cash", "dollar", "aid", "assistance", "loan", "grant"):
        return True
    start, end = phrase(token, max_chars=200)
    return any(a["kind"] == "money" for a in starting_between(amounts, start, end))


def _deal(kind, parties, buyer, seller, item_token, start, end, trigger_token, status, trigger,
          arg0, arg1, mood) -> dict:
    item = None
    if item_token is not None:
        i_start, i_end = _item_phrase(item_token)
        item = text_of(trigger_token.doc)[i_start:i_end] or None
        words = [t for t in trigger_token.doc.char_span(i_start, i_end, alignment_mode="expand") or () if not t.is_punct]
        if words and all(t.ent_type_ == "MONEY" for t in words):
            item = None  # "will invest US$1 billion": the sum is the deal's value, not what is traded
    sentence = sentence_of(trigger_token)
    return {
        "kind": kind,
        "description": text_of(trigger_token.doc)[start:end],
        "parties": parties,
        "buyer": buyer,
        "seller": seller,
        "value": None,
        "item": item,
        "date": None,
        "status": status,
        "citation": None,
        # Each mention keeps its own trigger and arguments; the deal's are its first mention's.
        "mentions": [{"start": start, "end": end, "trigger": {"start": trigger[0], "end": trigger[1]},
                      "arg0": arg0, "arg1": arg1}],
        "trigger": {"start": trigger[0], "end": trigger[1]},
        "arg0": arg0,
        "arg1": arg1,
        "modality": mood,
        "sentence": sentence.text,
        "_sentence": (sentence.start_char, sentence.end_char),
    }


def _item_phrase(head: Token) -> tuple[int, int]:
    """Characters of what is traded: the phrase a head makes, less relative clauses, "by"
    agents and trailing commas ("Pixar", not "Pixar which was acquired by Disney")."""
    dropped = {t.i for c in head.children
               if c.dep_ in ("relcl", "acl", "advcl", "punct", "cc", "conj") and c.i > head.i
               or (c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ not in ("of", "in")))
               or (c.dep_ == "amod" and c.lower_ == "worth")
               for t in c.subtree}
    kept = {t.i for t in head.subtree} - dropped
    first = last = head.i
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    doc = head.doc
    while last > first and doc[last].is_punct:
        last -= 1
    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    if end - start > 120:
        start, end = head.idx, head.idx + len(head)
    return start, end


def tied_money(trigger: Token, money: list[dict]) -> dict | None:
    """The amount the grammar ties to a deal: the nearest money phrase whose head reaches the
    trigger through the dependency tree without crossing another transaction ("the takeover
    of AIG in an $85bn loan": the $85bn is the loan's) or a clause other than one that values
    the deal ("a deal valued at $5bn", "worth", "paid"). A number elsewhere in the sentence
    ("sales doubled against $565m of profit") is not the deal's value."""
    doc = trigger.doc
    best = None
    reaching = 0
    money = _without_restatements(doc, money)
    spans = [doc.char_span(a["start"], a["end"], alignment_mode="expand") for a in money]
    if any(span is not None and span.root.dep_ == "conj" and span.root.head.i == trigger.i for span in spans):
        return None  # "donating $2,700 to his campaign and $25,000 to Right to Rise": two gifts on one verb
    # "$1 billion in military aid", "$5bn of loans": the amount the deal noun measures.
    measured = trigger.head.head if trigger.dep_ == "pobj" and trigger.head.lower_ in ("in", "of") else None
    if measured is not None and measured.pos_ == "VERB":  # "sent $400 million in aid": the verb's amount
        measured = next((c for c in measured.children if c.dep_ == "dobj" and c.ent_type_ == "MONEY"), None)
    for amount in money:
        span = doc.char_span(amount["start"], amount["end"], alignment_mode="expand")
        if span is None:
            continue
        if amount.get("value_max") is None and (
                span.root.dep_ == "conj" or any(c.dep_ == "conj" for c in span.root.children)):
            # "$2,700 to his campaign and $25,000 to Right to Rise": whose is which? (not the
            # two ends of one range: "between $10 million and $25 million")
            continue
        if _per_unit(span):
            continue  # "$303.19 per tonne", "$196 a share": a price, not the deal's value
        if measured is not None and span.root.i == measured.i:
            return amount
        current, steps, ok = span.root, 0, False
        while steps < 8:
            if current.i == trigger.i:
                ok = True
                break
            head = current.head
            if head.i == current.i:
                break
            lemma = head.lemma_.lower()
            if head.i != trigger.i:
                if lemma in _TRIGGER_LEMMAS and lemma not in SAME_DEAL_NOUNS:
                    break
                if head.pos_ in ("VERB", "AUX") and lemma not in VALUE_VERBS:
                    break
            current, steps = head, steps + 1
        if ok:
            reaching += 1
            if best is None or steps < best[0]:
                best = (steps, amount)
    if best is None:
        return _paid_for(trigger, money)
    # two amounts the grammar ties to one trigger ("donating $2,700 to his campaign and $25,000
    # to Right to Rise"): which is this deal's is not said
    return best[1] if best and reaching == 1 else None


def _without_restatements(doc, money: list[dict]) -> list[dict]:
    """The amounts less those that restate the one before them in brackets, in another
    currency ("24.4 million euros ($26 million)"): one sum written twice, not two sums."""
    text = text_of(doc)
    kept = []
    for amount in sorted(money, key=lambda a: a["start"]):
        if kept and re.fullmatch(r"\s*\(\s*", text[kept[-1]["end"]:amount["start"]]):
            continue
        kept.append(amount)
    return kept


# Verbs of giving money whose purpose clause names what it bought: "paid $2.1 billion to
# acquire Fitbit", "spent $40 million to buy the land", "put up 43 million euros to acquire".
PAYING_VERBS = {"pay", "spend", "offer", "put", "shell", "fork", "bid"}


def _paid_for(trigger: Token, money: list[dict]) -> dict | None:
    """The sum a verb of paying gives for the deal its purpose clause names ("paid $2.1
    billion to acquire Fitbit"): the deal's value, when that verb has one sum and no other."""
    head = trigger.head
    if trigger.dep_ not in ("xcomp", "advcl") or head.lemma_.lower() not in PAYING_VERBS or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return None
    doc = trigger.doc
    paid = [a for a in money if (span := doc.char_span(a["start"], a["end"], alignment_mode="expand")) is not None
            and span.root.head.i == head.i and span.root.dep_ in ("dobj", "prt", "npadvmod")]
    return paid[0] if len(paid) == 1 else None


def _per_unit(span) -> bool:
    """Whether an amount is a price of one unit: "per", "a", "an" or "each" and a noun after it
    ("$303.19 per tonne", "$196 a share")."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    return len(after) == 2 and after[0].lower_ in ("per", "a", "an", "each") and after[1].pos_ == "NOUN" or (
        len(after) >= 1 and after[0].lower_ == "per")


def _attach_context(deal: dict, token: Token, amounts, dates, citations) -> None:
    s_start, s_end = deal["_sentence"]
    # a price paid per unit ("$229 a share") is no deal's value
    money = [a for a in starting_between(amounts, s_start, s_end)
             if a["kind"] == "money" and not (a.get("unit") or "").startswith("per ")]
    chosen = tied_money(token, money)
    if chosen is not None:
        deal["value"] = {"value": chosen["value"], "currency": chosen["currency"],
                         "approximate": chosen.get("approximate", False)}
    in_sentence = [d for d in starting_between(dates, s_start, s_end) if is_calendar_date(d)]
    ours = [d for d in in_sentence if date_is_of(token, d)]
    if ours:
        chosen = min(ours, key=lambda d: abs(d["start"] - token.idx))
        deal["date"] = {"value": chosen["value"], "precision": chosen["precision"]}
    cited = starting_between(citations, s_start, s_end)
    if cited:
        deal["citation"] = cited[0]["source"]
        if deal["status"] in (None, "completed", "asserted"):
            deal["status"] = deal["status"] or "reported"
    if deal["status"] is None:
        deal["status"] = "reported" if deal["citation"] else "mentioned"


# Verbs that make a deal public: their date is the deal's as news reports it.
ANNOUNCING_VERBS = {"announce", "confirm", "disclose", "reveal", "unveil"}


def date_is_of(trigger: Token, date: dict) -> bool:
    """Whether a date in the trigger's sentence is the deal's (or the event's): the verb the date hangs from is
    the trigger, or the verb the deal noun hangs from ("signed a deal in 2025"), or no verb at
    all; a date another verb governs is that verb's time ("In 1986 he bought Pixar, which was
    acquired by Disney in 2005": 1986 is the buying, not the acquisition)."""
    span = trigger.doc.char_span(date["start"], date["end"], alignment_mode="expand")
    if span is None:
        return True
    own = {trigger.i}
    # a participle that tells of the deal noun's making: "an agreement reached ... in 1991"
    own.update(c.i for c in trigger.children if c.dep_ == "acl" and c.tag_ == "VBN")
    current = trigger
    for _ in range(6):  # the verb a deal noun hangs from ("signed a deal in 2025")
        if current.pos_ in ("VERB", "AUX"):
            own.add(current.i)
            break
        if current.head.i == current.i:
            break
        current = current.head
    for _ in range(4):
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)
        if not (current.dep_ == "xcomp" or (current.dep_ in ("acl", "advcl") and infinitive)
                or (current.dep_ in ("advcl", "relcl") and any(c.lower_ == "when" for c in current.children))
                or (current.dep_ == "ccomp" and current.head.lemma_.lower() in ANNOUNCING_VERBS)):
            break
        # "agreed in May to buy", "signed a deal in March to buy", "reinforced in 2025 when they
        # signed", "announced on Monday it has settled" (made public that day)
        current = current.head
        while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
            own.add(current.i)
            current = current.head
        own.add(current.i)
    current = span.root
    for _ in range(8):
        if current.i in own:
            return True
        if current.pos_ in ("VERB", "AUX") and current.i not in {t.i for t in span}:
            return False
        if current.head.i == current.i:
            return True
        current = current.head
    return True


def _compatible(a: dict | None, b: dict | None, key: str) -> bool:
    if a is None or b is None:
        return True
    if key == "date":
        return a["value"].startswith(b["value"]) or b["value"].startswith(a["value"])
    return a["currency"] == b["currency"] and abs(a["value"] - b["value"]) <= 0.1 * max(a["value"], b["value"])


def _merge(deals: list[dict]) -> list[dict]:
    merged: list[dict] = []
    # Deals of one kind between the same parties, looked up by that key: an article with many
    # deals compares each only with its namesakes, not with every deal before it.
    by_key: dict[tuple, list[dict]] = {}
    for deal in deals:
        namesakes = by_key.setdefault((deal["kind"], frozenset(deal["parties"])), [])
        target = next((m for m in namesakes
                       if _compatible(m["date"], deal["date"], "date")
                       and _compatible(m["value"], deal["value"], "value")), None)
        if target is None:
            merged.append(deal)
            namesakes.append(deal)
            continue
        target["mentions"].extend(deal["mentions"])
        for key in ("buyer", "seller", "value", "item", "citation"):
            target[key] = target[key] or deal[key]
        if deal["date"] and (target["date"] is None or len(deal["date"]["value"]) > len(target["date"]["value"])):
            # The most precise report of the deal also names it best.
            target["date"] = deal["date"]
            target["description"] = deal["description"]
        if target["status"] in ("mentioned", "reported") and deal["status"] not in ("mentioned", "reported"):
            target["status"] = deal["status"]
    for deal in merged:
        deal.pop("_sentence", None)
        deal["signals"] = deal_signals(deal, deal.pop("_one_side", set()), deal.pop("_pronoun", False))
        deal["confidence"] = confidence(deal["signals"])
        first = deal["mentions"][0]
        key = f"{deal['kind']}|{'|'.join(sorted(deal['parties']))}|{first['start']}"
        deal["id"] = hashlib.sha1(key.encode()).hexdigest()[:12]
    return merged


# ---------------------------------------------------------------------------------------------
# Confidence: how likely a deal row is right (a transaction or agreement, with the right sides).
# A logistic model over the signals below, fitted on annotated news (`python -m
# factwire.training deals`: RAMS and MEANTIME, see factwire/training/deals.py); its weights are
# data (factwire/data/deal_confidence.json), so refitting changes no code.

SIGNALS = (
    "two parties",     # two or more distinct actors: a deal has two sides
    "both roles",      # the kind's roles filled (buyer and seller or the company bought, lender
                       # and borrower, giver and recipient)
    "value tied",      # the grammar ties an amount to the deal
    "planned",         # proposed, attempted or under talks
    "did not happen",  # denied, failed or cancelled: not a deal that was made
    "side from a pronoun",  # a side written "he", "it" or "its", read as the last actor named
    "agreement of one side",  # an agreement or merger with one side named: no one it was made with
)
# Signals that keep a row from display whatever the fit says (the fit leaves their rows out):
# a deal only planned, tried, asked for or in talks is not a deal made, whoever its sides.
NEVER_SHOWN = ("did not happen", "agreement of one side", "planned")
# Few rows are annotated (RAMS judges one event per window, MEANTIME six sentences per
# article): the model keeps to the signals that say what a deal is (two sides in their roles,
# a value, whether it happened), not how it was written (a verb or a noun), which 26 rows
# cannot weigh.


def deal_signals(deal: dict, one_side: set[str] = frozenset(), by_pronoun: bool = False) -> list[str]:
    """The signals of :data:`SIGNALS` a deal row shows, in that order. ``one_side``: actors
    coordinated as the subject of a purchase, sale or loan, who are one side, not two;
    ``by_pronoun``: the agent was a pronoun read as the last actor named before it."""
    kind = deal["kind"]
    on = {
        "two parties": len(set(deal["parties"])) >= 2 and any(p not in one_side for p in deal["parties"]),
        # the kind's roles filled: buyer and seller (lender and borrower, giver and recipient),
        # or a buyer and the company bought
        # or a buyer and the company bought; an agreement's roles are its two sides
        "both roles": (deal.get("buyer") is not None and (deal.get("seller") is not None or (
            kind in ("purchase", "acquisition", "sale")
            and any(p != deal["buyer"] and p not in one_side for p in deal["parties"]))))
        or (kind in ("agreement", "merger") and len(set(deal["parties"])) >= 2
            and any(p not in one_side for p in deal["parties"])),
        "value tied": deal.get("value") is not None,
        "planned": deal.get("status") == "proposed",
        "did not happen": deal.get("status") in ("denied", "failed", "cancelled"),
        "side from a pronoun": by_pronoun,
        "agreement of one side": kind in AGENTIVE_KINDS and not (
            len(set(deal["parties"])) >= 2 and any(p not in one_side for p in deal["parties"])),
    }
    return [name for name in SIGNALS if on[name]]


@lru_cache(maxsize=1)
def confidence_model() -> dict:
    """The fitted weights: ``{"bias": b, "weights": {signal: w}, ...}``."""
    with resources.files("factwire.data").joinpath("deal_confidence.json").open(encoding="utf-8") as handle:
        return json.load(handle)


def confidence(signals: list[str], model: dict | None = None) -> float:
    """The probability the row is right, from its signals: a deal that did not happen is not a
    deal ("refused to bail out Lehman"), and an agreement with one side named says not who it
    was made with ("the Fed entered into a $38 billion repurchase agreement"), and a deal only
    planned, tried, asked for, promised or in talks says not that it happened ("asked Fox News
    to give a $5 million donation", "central banks would be working together to provide
    reciprocal credit arrangements"), so none of them reaches the display threshold whatever
    the fit says."""
    model = model or confidence_model()
    z = model["bias"] + sum(model["weights"].get(name, 0.0) for name in signals)
    p = 1.0 / (1.0 + math.exp(-z))
    if never_shown(signals):
        p = min(p, 0.1)
    return round(p, 3)


def never_shown(signals: list[str]) -> bool:
    """Rows a rule keeps from display (and out of the fit): see :func:`confidence`."""
    return any(name in signals for name in NEVER_SHOWN)
