"""Events between actors: who did what to whom, when, and how surely the text says so.

A verb from the event lexicon with an actor as subject makes an event; its object actor comes
from the direct object, a preposition ("against Iran", "to Ukraine") or a purpose clause
("send troops to support Iran"). Coordinated subjects ("the United States and Israel") make one
event each. The date is the resolved date in the same sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from factwire.extract.syntax import (MentionIndex, text_of, starting_between, direct_objects, extent, is_calendar_date, is_market_move,
                                     lower_lemmas, modality, prep_objects, sentence_of, subjects, verb_arguments)

EVENT_VERBS = {
    "attack": "attack", "strike": "attack", "bomb": "attack", "shell": "attack", "invade": "attack",
    "kill": "attack", "target": "attack", "hit": "attack", "raid": "attack", "shoot": "attack",
    "supply": "supply", "provide": "supply", "deliver": "supply", "give": "supply", "ship": "supply",
    "transfer": "supply", "export": "supply", "equip": "supply", "arm": "supply",
    "send": "deploy", "deploy": "deploy", "dispatch": "deploy", "station": "deploy",
    "support": "support", "help": "support", "assist": "support", "aid": "support", "back": "support",
    "meet": "meet", "visit": "meet", "host": "meet", "congratulate": "congratulate",
    "praise": "praise", "thank": "praise", "threaten": "threaten", "sanction": "sanction",
    "ban": "sanction", "accuse": "accuse", "blame": "accuse", "condemn": "condemn",
    "criticise": "condemn", "criticize": "condemn", "request": "request", "ask": "request",
    "cooperate": "cooperate", "negotiate": "negotiate", "share": "share", "sign": "sign",
    "recognise": "recognise", "recognize": "recognise", "expel": "expel", "arrest": "arrest",
    "sue": "sue", "warn": "warn", "launch": "launch", "release": "release", "capture": "capture",
    "appoint": "appoint", "elect": "appoint", "choose": "appoint",
    # Transactions: the deal rules make deals of these; as events they keep every mention apart.
    "buy": "purchase", "purchase": "purchase", "acquire": "acquisition", "sell": "sale",
    "license": "license", "licence": "license", "invest": "investment", "merge": "merger",
    "lend": "loan", "borrow": "loan", "bail": "bailout", "agree": "agree", "settle": "settle",
}
# Verbs that are events only with their particle ("bail out").
PARTICLE_VERBS = {"bail": "out"}
# A theme in a prepositional phrase when the verb has no object: "agreed on a plan".
THEME_PREPS = {"agree": ("on", "to"), "settle": ("on",), "invest": ("in",), "merge": ("with",)}
# "launch a campaign against X": the event type comes from what was launched.
ATTACK_NOUNS = {"campaign", "strike", "attack", "offensive", "war", "operation", "invasion",
                "raid", "assault", "bombing", "airstrike", "strikes"}
OBJECT_PREPS = {"against", "to", "on", "at", "into", "with", "from", "for", "in"}


def find_events(doc: Doc, index: MentionIndex, dates: list[dict]) -> list[dict]:
    events: list[dict] = []
    # Only tokens with an event lemma can fire: look at the lemmas before making Token objects.
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemma not in EVENT_VERBS:
            continue
        verb = doc[i]
        if verb.pos_ not in ("VERB",) or verb.lemma_.lower() not in EVENT_VERBS:
            continue
        lemma = verb.lemma_.lower()
        particle = PARTICLE_VERBS.get(lemma)
        if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
            continue
        if is_market_move(verb):
            continue
        event_type = EVENT_VERBS[lemma]
        subject_actors: list[str] = []
        for subject in subjects(verb):
            subject_actors.extend(a for a in index.actors_of_agent(subject) if a not in subject_actors)
        if verb.dep_ == "auxpass" or any(c.dep_ == "auxpass" for c in verb.children):
            agents = [o for p, o in prep_objects(verb, {"by"})]
            passive_objects = subject_actors
            subject_actors = [a for agent in agents for a in index.actors_of_phrase(agent, include_modifiers=False)]
        else:
            passive_objects = []
        if not subject_actors:
            continue
        objects = direct_objects(verb)
        if event_type == "launch":
            launched = [o for o in objects if o.lemma_.lower() in ATTACK_NOUNS]
            if not launched:
                continue
            event_type = "attack"
        object_actor = _object_actor(verb, objects, index, subject_actors) or next(iter(passive_objects), None)
        date = _date_in_sentence(verb, dates)
        mood = modality(verb)
        start, end = _clause_span(verb)
        arg0, arg1 = verb_arguments(verb, THEME_PREPS.get(lemma, ()))
        trigger_start, trigger_end = extent(verb)
        for subject_actor in subject_actors:
            if subject_actor == object_actor:
                continue
            events.append({
                "type": event_type,
                "subject_actor_id": subject_actor,
                "object_actor_id": object_actor,
                "text": text_of(doc)[start:end],
                "start": start,
                "end": end,
                "trigger": {"start": trigger_start, "end": trigger_end},
                "arg0": index.span_of(arg0),
                "arg1": index.span_of(arg1),
                "lemma": lemma,
                "date": date,
                "modality": mood,
                "sentence": sentence_of(verb).text,
            })
    return events


def _object_actor(verb: Token, objects: list[Token], index: MentionIndex, subject_actors) -> str | None:
    def first_new(tokens):
        for token in tokens:
            for actor in index.actors_of_phrase(token, include_modifiers=False):
                if actor not in subject_actors:
                    return actor
        return None

    found = first_new(objects)
    if found:
        return found
    holders = [verb, *objects]
    for holder in holders:
        found = first_new(o for _, o in prep_objects(holder, OBJECT_PREPS))
        if found:
            return found
    # "send troops to support Iran": the purpose clause names the target.
    for child in verb.children:
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            found = first_new(direct_objects(child))
            if found:
                return found
    return None


def _date_in_sentence(verb: Token, dates: list[dict]) -> dict | None:
    sentence = sentence_of(verb)
    candidates = [d for d in starting_between(dates, sentence.start_char, sentence.end_char) if is_calendar_date(d)]
    if not candidates:
        return None
    chosen = min(candidates, key=lambda d: abs(d["start"] - verb.idx))
    return {"value": chosen["value"], "precision": chosen["precision"]}


def _clause_span(verb: Token) -> tuple[int, int]:
    """The verb's clause, trimmed to its own sentence and to a readable length."""
    tokens = [verb.left_edge, verb.right_edge]
    start = max(tokens[0].idx, sentence_of(verb).start_char)
    end = min(tokens[1].idx + len(tokens[1]), sentence_of(verb).end_char)
    if end - start > 240:
        start, end = max(start, verb.idx - 120), min(end, verb.idx + 120)
    return start, end
