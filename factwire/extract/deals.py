"""Deals and agreements: kind, parties, buyer and seller, value, item, date, status, citation.

Triggers are deal nouns ("agreement", "deal", "contract") and transaction verbs ("buy", "sell",
"acquire"); the dependency parse gives the parties. Mentions of one deal in an article (same
kind, same parties, compatible date and value) are merged into one deal with several mentions.
"""

from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Token

from factwire.extract.syntax import (MentionIndex, conjuncts, direct_objects, modality, phrase,
                                     prep_objects, subjects)

DEAL_NOUNS = {
    "agreement": "agreement", "deal": "agreement", "pact": "agreement", "treaty": "agreement",
    "accord": "agreement", "memorandum": "agreement", "mou": "agreement", "contract": "supply",
    "merger": "merger", "acquisition": "acquisition", "takeover": "acquisition", "purchase": "purchase",
    "sale": "sale", "order": "order", "loan": "loan", "investment": "investment", "stake": "investment",
    "buyout": "acquisition", "bailout": "loan", "settlement": "agreement", "partnership": "agreement",
}
DEAL_VERBS = {
    "buy": "purchase", "purchase": "purchase", "acquire": "acquisition", "sell": "sale",
    "order": "order", "lend": "loan", "loan": "loan", "invest": "investment", "merge": "merger",
    "supply": "supply", "borrow": "loan", "settle": "agreement",
}
# Verbs that need a money value or a deal noun nearby to be a deal rather than an event.
WEAK_DEAL_VERBS = {"supply", "order", "settle"}
STATUS_VERBS = {
    "sign": "signed", "ink": "signed", "seal": "signed", "conclude": "signed", "finalise": "signed",
    "finalize": "signed", "complete": "completed", "close": "completed", "agree": "agreed",
    "reach": "agreed", "strike": "agreed", "approve": "agreed", "announce": "announced",
    "propose": "proposed", "negotiate": "proposed", "discuss": "proposed", "plan": "proposed",
    "consider": "proposed", "seek": "proposed", "offer": "proposed", "cancel": "cancelled",
    "scrap": "cancelled", "terminate": "cancelled", "abandon": "cancelled", "block": "cancelled",
}
PARTY_PREPS = {"between", "with", "among"}


def find_deals(doc: Doc, index: MentionIndex, amounts: list[dict], dates: list[dict],
               citations: list[dict]) -> list[dict]:
    found: list[dict] = []
    handled: set[int] = set()
    for token in doc:
        if token.i in handled:
            continue
        lemma = token.lemma_.lower()
        if token.pos_ in ("NOUN", "PROPN") and lemma in DEAL_NOUNS and token.dep_ != "compound":
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


def _from_noun(noun: Token, index: MentionIndex, handled: set[int]) -> dict | None:
    kind = DEAL_NOUNS[noun.lemma_.lower()]
    governor = noun.head if noun.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj") else None
    if governor is not None and governor.dep_ == "prep":
        governor = governor.head
    parties: list[str] = []
    buyer = seller = None
    item_token = None
    # "a deal ... to purchase X": the purpose clause gives the kind, the item and the roles.
    for child in noun.subtree:
        if (child.pos_ == "VERB" and child.lemma_.lower() in DEAL_VERBS
                and child.dep_ in ("acl", "relcl", "advcl", "xcomp")):
            kind = DEAL_VERBS[child.lemma_.lower()]
            handled.add(child.i)
            objects = direct_objects(child)
            if objects:
                item_token = objects[0]
            break
    status_verb = governor if governor is not None and governor.pos_ in ("VERB", "AUX") else None
    if status_verb is not None:
        for subject in subjects(status_verb):
            parties.extend(a for a in index.actors_of_phrase(subject, include_modifiers=False) if a not in parties)
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
    elif kind == "sale":
        seller = parties[0] if parties else None
    for actor in item_actors:
        if actor not in parties and actor in (buyer, seller):
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
    trigger = (noun.idx, noun.idx + len(noun))
    return _deal(kind, parties, buyer, seller, item_token, start, end, noun, status, trigger, index)


def _from_verb(verb: Token, index: MentionIndex, amounts: list[dict]) -> dict | None:
    kind = DEAL_VERBS[verb.lemma_.lower()]
    agents = []
    for subject in subjects(verb):
        agents.extend(a for a in index.actors_of_phrase(subject, include_modifiers=False) if a not in agents)
    objects = direct_objects(verb)
    item_token = objects[0] if objects else None
    item_actors = index.actors_of_phrase(item_token) if item_token is not None else []
    counterpart = []
    for prep, obj in prep_objects(verb, {"from", "to", "with", "for"}):
        counterpart.extend((prep, a) for a in index.actors_of_phrase(obj))
    if not agents:
        return None
    sentence = verb.sent
    has_value = any(a["kind"] == "money" and sentence.start_char <= a["start"] < sentence.end_char for a in amounts)
    if verb.lemma_.lower() in WEAK_DEAL_VERBS and not has_value:
        return None
    buyer = seller = None
    parties = list(agents)
    if kind in ("purchase", "acquisition", "order"):
        buyer = agents[0]
        seller = next((a for p, a in counterpart if p == "from"), None) or next(iter(item_actors), None)
        if kind == "acquisition" and item_actors:
            seller = item_actors[0]
    elif kind in ("sale", "supply"):
        seller = agents[0]
        buyer = next((a for p, a in counterpart if p in ("to", "for")), None)
        if buyer is None and objects and index.actor(objects[0]):
            buyer = index.actor(objects[0])  # "Iran supplied Russia with ..."
    for actor in (buyer, seller, *(a for _, a in counterpart)):
        if actor and actor not in parties:
            parties.append(actor)
    mood = modality(verb)
    status = {"hypothetical": "proposed", "negated": "denied", "reported": "reported"}.get(mood, "completed")
    start, end = phrase(verb, max_chars=200)
    trigger = (verb.idx, verb.idx + len(verb))
    return _deal(kind, parties, buyer, seller, item_token, start, end, verb, status, trigger, index)


def _deal(kind, parties, buyer, seller, item_token, start, end, trigger_token, status, trigger, index) -> dict:
    item = None
    if item_token is not None:
        i_start, i_end = phrase(item_token, max_chars=120)
        item = trigger_token.doc.text[i_start:i_end]
    sentence = trigger_token.sent
    arg0 = index.mention_span(next(iter(t for t in sentence if index.actor(t) == (buyer or seller or parties[0])), trigger_token)) if parties else None
    return {
        "kind": kind,
        "description": trigger_token.doc.text[start:end],
        "parties": parties,
        "buyer": buyer,
        "seller": seller,
        "value": None,
        "item": item,
        "date": None,
        "status": status,
        "citation": None,
        "mentions": [{"start": start, "end": end}],
        "trigger": {"start": trigger[0], "end": trigger[1]},
        "arg0": {"start": arg0[0], "end": arg0[1]} if arg0 else None,
        "arg1": ({"start": item_token.idx, "end": item_token.idx + len(item_token)} if item_token is not None else None),
        "sentence": sentence.text,
        "_sentence": (sentence.start_char, sentence.end_char),
    }


def _attach_context(deal: dict, token: Token, amounts, dates, citations) -> None:
    s_start, s_end = deal["_sentence"]
    d_start, d_end = deal["mentions"][0]["start"], deal["mentions"][0]["end"]
    money = [a for a in amounts if a["kind"] == "money" and s_start <= a["start"] < s_end]
    inside = [a for a in money if d_start <= a["start"] < d_end] or money
    if inside:
        chosen = min(inside, key=lambda a: abs(a["start"] - token.idx))
        deal["value"] = {"value": chosen["value"], "currency": chosen["currency"],
                         "approximate": chosen.get("approximate", False)}
    in_sentence = [d for d in dates if s_start <= d["start"] < s_end and d.get("value")]
    if in_sentence:
        chosen = min(in_sentence, key=lambda d: abs(d["start"] - token.idx))
        deal["date"] = {"value": chosen["value"], "precision": chosen["precision"]}
    cited = [c for c in citations if c.get("start") is not None and s_start <= c["start"] < s_end]
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
    for deal in deals:
        target = next((m for m in merged if m["kind"] == deal["kind"]
                       and set(m["parties"]) == set(deal["parties"])
                       and _compatible(m["date"], deal["date"], "date")
                       and _compatible(m["value"], deal["value"], "value")), None)
        if target is None:
            merged.append(deal)
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
