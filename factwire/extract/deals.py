"""Deals and agreements: kind, parties, buyer and seller, value, item, date, status, citation.

Triggers are deal nouns ("agreement", "deal", "sale of X to Y", "X's acquisition of Y") and
transaction verbs ("buy", "sell", "acquire", "license", "bail out"). The dependency parse gives
each trigger its agent (PropBank Arg0) and theme (Arg1) heads, which need not be actors ("the
company", "shares"), and the parties, which are actors. A trigger makes a deal only when it has
at least one actor party. Mentions of one deal in an article (same kind, same parties,
compatible date and value) are merged into one deal with several mentions.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Token

from factwire.extract.syntax import (MentionIndex, text_of, starting_between, agent_of, argument_head, direct_objects, extent,
                                     is_calendar_date, is_market_move, lower_lemmas, modality, phrase, prep_objects,
                                     sentence_of, subjects, token_texts, verb_arguments)

DEAL_NOUNS = {
    "agreement": "agreement", "deal": "agreement", "pact": "agreement", "treaty": "agreement",
    "accord": "agreement", "memorandum": "agreement", "mou": "agreement", "contract": "supply",
    "merger": "merger", "acquisition": "acquisition", "takeover": "acquisition", "purchase": "purchase",
    "sale": "sale", "order": "order", "loan": "loan", "investment": "investment", "stake": "investment",
    "buyout": "acquisition", "bailout": "loan", "settlement": "agreement", "partnership": "agreement",
    "arrangement": "agreement", "licence": "agreement", "license": "agreement",
}
# Nouns that are deals only with their particle: "the $700 billion bail out of the sector".
PARTICLE_NOUNS = {("bail", "out"): "loan", ("buy", "out"): "acquisition", ("buy", "back"): "purchase"}
DEAL_VERBS = {
    "buy": "purchase", "purchase": "purchase", "acquire": "acquisition", "sell": "sale",
    "order": "order", "lend": "loan", "loan": "loan", "invest": "investment", "merge": "merger",
    "supply": "supply", "borrow": "loan", "settle": "agreement", "license": "agreement",
    "licence": "agreement", "bail": "loan",
}
# Verbs that need a money value (or, for "settle", a counterpart) to be a deal rather than an event.
WEAK_DEAL_VERBS = {"supply", "order", "settle"}
# Nouns that need a money value in their sentence: "under orders of the government" is a command.
WEAK_DEAL_NOUNS = {"order"}
# Verbs that are deals only with their particle ("bail out"; "bail" alone is a court matter).
PARTICLE_VERBS = {"bail": "out"}
# A theme in a prepositional phrase when the verb has no object: "settle on a price".
THEME_PREPS = {"settle": ("on",), "invest": ("in",), "merge": ("with",), "agree": ("on", "to")}
STATUS_VERBS = {
    "sign": "signed", "ink": "signed", "seal": "signed", "conclude": "signed", "finalise": "signed",
    "finalize": "signed", "complete": "completed", "close": "completed", "agree": "agreed",
    "reach": "agreed", "strike": "agreed", "approve": "agreed", "announce": "announced",
    "propose": "proposed", "negotiate": "proposed", "discuss": "proposed", "plan": "proposed",
    "consider": "proposed", "seek": "proposed", "offer": "proposed", "cancel": "cancelled",
    "scrap": "cancelled", "terminate": "cancelled", "abandon": "cancelled", "block": "cancelled",
}
# Light verbs whose subject makes the deal the noun names: "Apple made a purchase of ...".
LIGHT_VERBS = {"make", "enter", "secure", "clinch", "land", "win", "have", "do", "pursue", "launch",
               "receive", "get", "obtain", "grant", "give", "provide", "extend", "renew"}
PARTY_PREPS = {"between", "with", "among"}
AGENTIVE_KINDS = {"agreement", "merger"}  # "an agreement between A and B": A and B agree
# A token can be a trigger only with one of these lemmas, or as the first word of a particle noun.
_TRIGGER_LEMMAS = frozenset({*DEAL_NOUNS, *DEAL_VERBS, "agree"})
_PARTICLE_NOUN_HEADS = frozenset(word for word, _ in PARTICLE_NOUNS)


def _candidate_triggers(doc: Doc) -> list[Token]:
    """Tokens that may be deal or transaction triggers, in order: every other token fails the
    lemma and particle tests of `find_deals` and `find_transactions` anyway (``lower_`` is the
    text in lower case). Looked for once per doc, from the lemma strings, not Token objects."""
    found = doc.user_data.get("factwire.deal_candidates")
    if found is None:
        texts = token_texts(doc)
        found = doc.user_data["factwire.deal_candidates"] = [
            i for i, lemma in enumerate(lower_lemmas(doc))
            if lemma in _TRIGGER_LEMMAS or texts[i].lower() in _PARTICLE_NOUN_HEADS]
    return [doc[i] for i in found]


def find_deals(doc: Doc, index: MentionIndex, amounts: list[dict], dates: list[dict],
               citations: list[dict]) -> list[dict]:
    found: list[dict] = []
    handled: set[int] = set()
    for token in _candidate_triggers(doc):
        if token.i in handled:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and (
                lemma in DEAL_NOUNS or _particle_noun(token)):
            if lemma in WEAK_DEAL_NOUNS and not _money_in_sentence(token, amounts):
                continue
            deal = _from_noun(token, index, handled)
        elif token.pos_ == "VERB" and lemma in DEAL_VERBS:
            deal = _from_verb(token, index, amounts)
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
                lemma in DEAL_NOUNS or _particle_noun(token)):
            agent, theme, governor = noun_arguments(token)
            kind = DEAL_NOUNS.get(lemma) or _particle_noun(token)
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
    if agent is None and governor is not None and noun.dep_ != "nsubj":
        agent, _ = verb_arguments(governor)  # "Iran signed a deal", "a deal was signed by Iran"
        agent = None if agent == noun else agent
    kind = DEAL_NOUNS.get(noun.lemma_.lower()) or _particle_noun(noun)
    if agent is None and kind in AGENTIVE_KINDS:
        agent = next((o for p, o in prep_objects(noun, {"between", "among"})), None)
    return agent, argument_head(theme) if theme is not None else None, governor


def _status_verb(noun: Token) -> Token | None:
    """The verb that signs, reaches, makes or cancels the deal a noun names."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("into", "to", "on"):
        head = head.head  # "entered into an agreement", "agreed to a deal"
    elif noun.dep_ not in ("dobj", "nsubjpass", "nsubj"):
        return None
    if head.pos_ not in ("VERB", "AUX"):
        return None
    lemma = head.lemma_.lower()
    if noun.dep_ == "nsubj" and lemma not in STATUS_VERBS:
        return None
    return head if lemma in STATUS_VERBS or lemma in LIGHT_VERBS else None


def _from_noun(noun: Token, index: MentionIndex, handled: set[int]) -> dict | None:
    kind = DEAL_NOUNS.get(noun.lemma_.lower()) or _particle_noun(noun)
    agent, theme, status_verb = noun_arguments(noun)
    parties: list[str] = []
    buyer = seller = None
    item_token = theme
    # "a deal ... to purchase X": the purpose clause gives the kind, the item and the roles.
    for child in noun.subtree:
        if (child.pos_ == "VERB" and child.lemma_.lower() in DEAL_VERBS
                and child.dep_ in ("acl", "relcl", "advcl", "xcomp")):
            kind = DEAL_VERBS[child.lemma_.lower()]
            handled.add(child.i)
            objects = direct_objects(child)
            if objects:
                item_token = argument_head(objects[0])
            break
    if status_verb is not None:
        for subject in subjects(status_verb):
            if subject == noun:
                continue
            parties.extend(a for a in index.actors_of_agent(subject) if a not in parties)
    if agent is not None:
        parties.extend(a for a in index.actors_of_agent(agent) if a not in parties)
    for _, obj in prep_objects(noun, PARTY_PREPS):
        parties.extend(a for a in index.actors_of_phrase(obj) if a not in parties)
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            actor = index.actor(child)
            if actor and actor not in parties:
                parties.append(actor)
    item_actors = index.actors_of_phrase(item_token) if item_token is not None else []
    if kind in ("purchase", "acquisition", "order"):
        buyer = parties[0] if parties else None
        seller = next((a for a in item_actors if a != buyer), None)
        if kind == "acquisition" and seller is None and agent is not None:
            buyer = next(iter(index.actors_of_agent(agent)), buyer)
    elif kind == "sale":
        seller = parties[0] if parties else None
        buyer = next((a for _, obj in prep_objects(noun, {"to"}) for a in index.actors_of_phrase(obj)), None)
    elif kind == "loan" and parties:
        seller = parties[0]  # the lender
        buyer = next((a for a in item_actors if a != seller), None)
    for actor in (*item_actors, buyer):
        if actor and actor not in parties and (actor in (buyer, seller) or kind == "merger"):
            parties.append(actor)
    if not parties:
        return None
    status = STATUS_VERBS.get(status_verb.lemma_.lower()) if status_verb is not None else None
    mood = modality(status_verb) if status_verb is not None else "asserted"
    if mood == "hypothetical" and status in (None, "signed", "agreed"):
        status = "proposed"
    elif mood == "negated":
        status = "cancelled" if status else "denied"
    start, end = phrase(noun, max_chars=200)
    arg1 = theme if theme is not None else item_token
    return _deal(kind, parties, buyer, seller, item_token, start, end, noun, status,
                 extent(noun), index.span_of(agent), index.span_of(arg1), mood)


def _from_verb(verb: Token, index: MentionIndex, amounts: list[dict]) -> dict | None:
    lemma = verb.lemma_.lower()
    particle = PARTICLE_VERBS.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return None
    if is_market_move(verb):
        return None
    kind = DEAL_VERBS[lemma]
    agent, theme = verb_arguments(verb, THEME_PREPS.get(lemma, ()))
    agents = index.actors_of_agent(agent) if agent is not None else []
    for other in (agent.conjuncts if agent is not None else ()):
        agents.extend(a for a in index.actors_of_agent(other) if a not in agents)
    item_token = theme
    item_actors = index.actors_of_phrase(item_token) if item_token is not None else []
    counterpart = []
    for prep, obj in prep_objects(verb, {"from", "to", "with", "for"}):
        counterpart.extend((prep, a) for a in index.actors_of_phrase(obj))
    if theme is not None and not item_actors:
        # "settled its dispute with Apple Corps": the other side hangs on the object.
        for prep, obj in prep_objects(theme, {"with"}):
            counterpart.extend((prep, a) for a in index.actors_of_phrase(obj))
    if lemma in WEAK_DEAL_VERBS and not _money_in_sentence(verb, amounts) and not (
            lemma == "settle" and any(p == "with" for p, _ in counterpart)):
        return None
    buyer = seller = None
    if kind in ("purchase", "acquisition", "order"):
        buyer = next(iter(agents), None)
        seller = next((a for p, a in counterpart if p == "from"), None) or next(
            (a for a in item_actors if a != buyer), None)
        if kind == "acquisition" and item_actors:
            seller = next((a for a in item_actors if a != buyer), seller)
    elif kind in ("sale", "supply"):
        seller = next(iter(agents), None)
        buyer = next((a for p, a in counterpart if p in ("to", "for")), None)
        if buyer is None and item_token is not None and item_token.dep_ == "dative" and index.actor(item_token):
            buyer = index.actor(item_token)
        if buyer is None and kind == "supply" and theme is not None and index.actor(theme):
            buyer = index.actor(theme)  # "Iran supplied Russia with ..."
    elif kind == "loan":
        lender = lemma != "borrow"
        side = next(iter(agents), None)
        other = next((a for p, a in counterpart if p in (("to", "for") if lender else ("from",))), None)
        other = other or next((a for a in item_actors if a != side), None)
        seller, buyer = (side, other) if lender else (other, side)
    elif kind == "agreement" and lemma in ("license", "licence"):
        seller = next(iter(agents), None)
        buyer = next((a for p, a in counterpart if p in ("to", "for")), None)
    parties = list(agents)
    for actor in (buyer, seller, *(a for _, a in counterpart)):
        if actor and actor not in parties:
            parties.append(actor)
    if not parties or (not agents and not counterpart and buyer is None and seller is None):
        return None
    mood = modality(verb)
    status = {"hypothetical": "proposed", "negated": "denied", "reported": "reported"}.get(mood, "completed")
    if mood == "asserted" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in STATUS_VERBS:
        status = STATUS_VERBS[verb.head.lemma_.lower()]  # "agreed to buy": agreed, not completed
    start, end = phrase(verb, max_chars=200)
    return _deal(kind, parties, buyer, seller, item_token, start, end, verb, status,
                 extent(verb), index.span_of(agent), index.span_of(theme), mood)


def _deal(kind, parties, buyer, seller, item_token, start, end, trigger_token, status, trigger,
          arg0, arg1, mood) -> dict:
    item = None
    if item_token is not None:
        i_start, i_end = phrase(item_token, max_chars=120)
        item = text_of(trigger_token.doc)[i_start:i_end]
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


def _attach_context(deal: dict, token: Token, amounts, dates, citations) -> None:
    s_start, s_end = deal["_sentence"]
    d_start, d_end = deal["mentions"][0]["start"], deal["mentions"][0]["end"]
    money = [a for a in starting_between(amounts, s_start, s_end) if a["kind"] == "money"]
    inside = [a for a in money if d_start <= a["start"] < d_end] or money
    if inside:
        chosen = min(inside, key=lambda a: abs(a["start"] - token.idx))
        deal["value"] = {"value": chosen["value"], "currency": chosen["currency"],
                         "approximate": chosen.get("approximate", False)}
    in_sentence = [d for d in starting_between(dates, s_start, s_end) if is_calendar_date(d)]
    if in_sentence:
        chosen = min(in_sentence, key=lambda d: abs(d["start"] - token.idx))
        deal["date"] = {"value": chosen["value"], "precision": chosen["precision"]}
    cited = starting_between(citations, s_start, s_end)
    if cited:
        deal["citation"] = cited[0]["source"]
        if deal["status"] in (None, "completed", "asserted"):
            deal["status"] = deal["status"] or "reported"
    if deal["status"] is None:
        deal["status"] = "reported" if deal["citation"] else "mentioned"


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
        first = deal["mentions"][0]
        key = f"{deal['kind']}|{'|'.join(sorted(deal['parties']))}|{first['start']}"
        deal["id"] = hashlib.sha1(key.encode()).hexdigest()[:12]
    return merged
