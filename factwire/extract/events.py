"""Events between actors: who did what to whom, when, how surely the text says so, and how
likely the row is right.

An event has a type from the closed list :data:`EVENT_TYPES` (each with its meaning). A word
triggers it by its sense, not its spelling:

* a verb of the lexicon (:data:`EVENT_VERBS`) whose object fits the sense: "hit", "strike",
  "shoot" or "kill" are attacks only on a person, a group, an actor or a place of the kind
  attacks are on ("hit the base", not "hit 16%"); "hit" or "target" X "with sanctions" is a
  sanction, "targeted 13 officials" alone is neither;
  "send" and "deploy" are deployments only of troops, ships or aircraft; "give", "provide",
  "deliver" are supplies only of goods (weapons, aid, fuel...); "ask" is a request only for
  something or for someone to act ("asked Iran to stop", not "asked if"); "launch" is an attack
  only of an attack ("launched an offensive");
* a noun of :data:`NOUN_TRIGGERS` ("the Taliban attack on the base", "Russia's invasion of
  Ukraine", "talks between Iran and the US") whose agent is an actor named by a possessive, a
  "by" phrase, an organisation or demonym modifier, or the subject of the verb that carries it
  ("ETA carried out the bombing"). A place name before the noun is where, not who ("the Paris
  attacks").

Wording that tells no particular event makes none, whatever the verb: an order ("go shoot every
German you find"), a rule or a habit ("when they attack police officers", "has traditionally
ordered"), the writer's or the reader's own story ("he killed me", "asks you to"), a statistic
("95% of murders"); a level reached ("hit 14 degrees") or a blow in play ("hit in the face") is no
attack, and only people are released ("Git was initially released" is a product).

Subject and object follow the syntax: in a passive ("X was attacked by Y", "X, shot by police")
the "by" phrase is the subject and the grammatical subject the object; coordinated subjects
make one event each. The subject is an actor, or null when the text does not say who did it:
attacks, arrests and releases are events a reader wants without their doer ("a bomb exploded
in the market, killing 12", "three people were arrested"; :func:`_unstated` says when), never
with a made-up one. Where (``place_actor_id``), whom as worded (``object_text``: "12 people")
and every mention of one event in the article (``mentions``: "an explosion ... the blast")
come with it. The date is the resolved date in the same sentence; modality as the deal rules.

Which nouns are animate, which are goods and some noun triggers are learned from RAMS
(``factwire/data/event_senses.json``, `python -m factwire.training events`); the confidence is
a logistic regression over :func:`features` fitted on one fixed half of WikiEvents dev's
documents and on rows the team judged by reading them (``factwire/training/events_judged.jsonl``;
``factwire/data/event_confidence.json``); `factwire eval` reports it on the other half.
Both files are required: a missing one is an error, not a quiet fallback.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Token

from factwire.event_kinds import SYMMETRIC_TYPES as _SYMMETRIC_TYPES
from factwire.extract.deals import ACQUIRED_FACULTIES, FIGURATIVE_PURCHASES, date_is_of, hyphen_sides
from factwire.extract.syntax import (MentionIndex, text_of, starting_between, direct_objects, extent, is_calendar_date, is_market_move,
                                     is_passive, agent_of, lower_lemmas, modality, prep_objects, sentence_of, subjects, verb_arguments,
                                     MODAL_HYPOTHETICAL, NEGATING_HEADS)

# The closed list of event types, each with its meaning.
EVENT_TYPES: dict[str, str] = {
    "attack": "an actor uses violence against a person, group, place or thing (strike, bombing, shooting, killing, invasion)",
    "supply": "an actor gives or delivers goods (weapons, aid, equipment, fuel) to another",
    "deploy": "an actor sends or stations troops, forces, ships or aircraft",
    "support": "an actor backs, helps or assists another actor",
    "meet": "actors meet, visit one another or hold talks",
    "travel": "an actor travels or moves to a place (flies to, arrives in, crosses into)",
    "congratulate": "an actor congratulates another",
    "praise": "an actor praises or thanks another",
    "threaten": "an actor threatens another with harm",
    "warn": "an actor warns another of a danger or of consequences",
    "sanction": "an actor imposes sanctions or a ban on another",
    "accuse": "an actor accuses or blames another of wrongdoing",
    "condemn": "an actor condemns or criticises another",
    "request": "an actor asks another to act or for something (not a question)",
    "cooperate": "actors work together",
    "negotiate": "actors negotiate",
    "share": "an actor shares something with another",
    "sign": "an actor signs an agreement, a treaty, a contract or a law",
    "recognise": "an actor formally recognises another (a state, a government)",
    "expel": "an actor expels another (diplomats, members)",
    "arrest": "an actor arrests, detains or jails a person",
    "sue": "an actor takes another to court",
    "release": "an actor frees a person (a prisoner, a hostage)",
    "capture": "an actor captures a person or takes a place by force",
    "appoint": "an actor appoints or elects a person to a position",
    "purchase": "an actor buys something",
    "acquisition": "an actor acquires something (a company, a stake, goods)",
    "sale": "an actor sells something",
    "license": "an actor licenses something to another",
    "investment": "an actor invests in something",
    "merger": "two companies merge",
    "loan": "an actor lends or borrows money",
    "bailout": "an actor bails another out",
    "agree": "actors reach or accept an agreement",
    "settle": "actors settle a dispute or a case",
}

EVENT_VERBS = {
    "attack": "attack", "strike": "attack", "bomb": "attack", "shell": "attack", "invade": "attack",
    "kill": "attack", "hit": "attack", "target": "sanction", "raid": "attack", "shoot": "attack",
    "bombard": "attack", "assault": "attack", "massacre": "attack", "murder": "attack",
    "supply": "supply", "provide": "supply", "deliver": "supply", "give": "supply", "ship": "supply",
    "transfer": "supply", "export": "supply", "equip": "supply", "arm": "supply",
    "send": "deploy", "deploy": "deploy", "dispatch": "deploy", "station": "deploy",
    "support": "support", "help": "support", "assist": "support", "aid": "support", "back": "support",
    "meet": "meet", "visit": "meet", "host": "meet", "congratulate": "congratulate",
    "praise": "praise", "thank": "praise", "threaten": "threaten", "sanction": "sanction",
    "ban": "sanction", "accuse": "accuse", "blame": "accuse", "condemn": "condemn",
    "criticise": "condemn", "criticize": "condemn", "request": "request", "ask": "request",
    "urge": "request", "demand": "request", "instruct": "request", "order": "request", "beg": "request",
    "implore": "request", "call": "request",
    # "pressured Randolph to run": asking hard, not threatening harm
    "pressure": "request", "coerce": "threaten", "oblige": "threaten", "intimidate": "threaten",
    "blackmail": "threaten",
    "travel": "travel", "fly": "travel", "arrive": "travel", "cross": "travel", "drive": "travel",
    "move": "travel", "head": "travel", "return": "travel", "walk": "travel", "sail": "travel",
    "cooperate": "cooperate", "negotiate": "negotiate", "share": "share", "sign": "sign",
    "recognise": "recognise", "recognize": "recognise", "expel": "expel", "arrest": "arrest",
    "detain": "arrest", "jail": "arrest", "imprison": "arrest",
    "sue": "sue", "warn": "warn", "charge": "accuse", "indict": "accuse", "launch": "launch", "release": "release", "free": "release",
    "capture": "capture", "seize": "capture", "appoint": "appoint", "elect": "appoint",
    # Transactions: the deal rules make deals of these; as events they keep every mention apart.
    "buy": "purchase", "purchase": "purchase", "acquire": "acquisition", "sell": "sale",
    "license": "license", "licence": "license", "invest": "investment", "merge": "merger",
    "lend": "loan", "borrow": "loan", "bail": "bailout", "agree": "agree", "settle": "settle",
    # Explosions: attacks only of an explosive ("a bomb exploded", "detonated a device", "bombs
    # had gone off"), not of a boiler or a market.
    "explode": "attack", "detonate": "attack", "blow": "attack", "go": "attack", "stab": "attack",
    "behead": "attack", "fire": "attack", "open": "attack",
    # a call between leaders: "Biden spoke with Xi by phone" (not "spoke with reporters")
    "speak": "meet", "talk": "meet",
    # "named Murkomen as interior minister": an appointment to a post named
    "name": "appoint",
}
assert set(EVENT_VERBS.values()) - {"launch"} <= set(EVENT_TYPES)
# Nouns that name an event themselves; RAMS adds its noun triggers (event_senses.json).
NOUN_TRIGGERS = {
    "attack": "attack", "airstrike": "attack", "strike": "attack", "bombing": "attack", "shelling": "attack",
    "raid": "attack", "assault": "attack", "invasion": "attack", "offensive": "attack", "shooting": "attack",
    "massacre": "attack", "killing": "attack", "ambush": "attack", "explosion": "attack", "blast": "attack",
    "assassination": "attack", "slaying": "attack", "murder": "attack", "gunfire": "attack", "stabbing": "attack",
    "arrest": "arrest", "detention": "arrest",
    "meeting": "meet", "talk": "meet", "summit": "meet", "visit": "meet",
    "sanction": "sanction", "ultimatum": "threaten", "warning": "warn", "crackdown": "attack",
}
# Verbs that are events only with their particle ("bail out"); verbs that are not the event
# with a particle ("back down", "send out", "give up").
PARTICLE_VERBS = {"bail": "out", "blow": "up", "go": "off"}
NOT_WITH_PARTICLE = {"back", "send", "give", "hit", "help", "ship", "strike", "take", "sell", "free", "shoot",
                     "sign", "call"}
# A theme in a prepositional phrase when the verb has no object: "agreed on a plan".
THEME_PREPS = {"agree": ("on", "to"), "settle": ("on",), "invest": ("in",), "merge": ("with",)}
# "launch a campaign against X": the event type comes from what was launched.
ATTACK_NOUNS = {"strike", "attack", "offensive", "war", "invasion",
                "raid", "assault", "bombing", "airstrike", "strikes", "incursion", "bombardment"}
# "a military campaign", "an air operation": a campaign or operation is an attack only so.
MILITARY_MODIFIERS = {"military", "air", "bombing", "ground", "naval", "armed", "aerial", "missile", "drone",
                      "offensive", "combat"}
# Prepositions whose object is who the event is done to or with; "in" and "from" name where
# from or where, except for the types below ("invested in Tesla", "bought S-400s from Russia").
OBJECT_PREPS = {"against", "to", "on", "at", "into", "with", "for"}
MORE_OBJECT_PREPS = {"investment": {"in"}, "deploy": {"in"}, "purchase": {"from"}, "acquisition": {"from"},
                     "loan": {"from"}, "request": {"from"}, "supply": {"from"}}

# Verbs that are attacks only on an animate or attackable object ("hit 16%" is not).
OBJECT_SENSE_ATTACK = {"hit", "strike", "shoot", "kill", "murder", "raid"}
# What attacks are on besides people and actors: places and things of war.
TARGET_NOUNS = {"base", "city", "town", "village", "hospital", "school", "convoy", "camp", "building", "market",
                "mosque", "church", "embassy", "ship", "vessel", "plane", "aircraft", "tanker", "position",
                "facility", "infrastructure", "checkpoint", "headquarters", "compound", "station", "port",
                "airport", "bridge", "plant", "refinery", "target", "outpost", "stronghold", "area", "home",
                "house", "office", "car", "vehicle", "bus", "train", "military", "army", "force", "troop"}
# "hit/target X with sanctions": a sanction.
SANCTION_NOUNS = {"sanction", "tariff", "penalty", "fine", "ban", "embargo", "restriction", "measure", "duty"}
# What flies and is shot down.
AIRCRAFT = {"plane", "aircraft", "airplane", "aeroplane", "jet", "warplane", "airliner", "fighter", "bomber", "drone",
            "helicopter", "chopper", "missile", "rocket", "balloon", "satellite", "uav"}
# Arms a state hands to another: sent "to" a state they are supplied, not deployed (a state
# deploys its troops, ships and aircraft, with their crews).
SUPPLIED_ARMS = {"tank", "missile", "drone", "weapon", "arm", "ammunition", "munition", "shell", "rifle", "artillery",
                 "howitzer", "rocket", "launcher", "system", "equipment", "vehicle", "grenade", "mine", "interceptor"}
# What is deployed.
TROOP_NOUNS = {"troop", "force", "soldier", "ship", "warship", "aircraft", "jet", "fighter", "unit", "personnel",
               "marine", "police", "peacekeeper", "battalion", "brigade", "carrier", "missile", "military",
               "army", "navy", "reinforcement", "bomber", "drone", "submarine", "destroyer", "tank", "contingent",
               "squadron", "fleet", "mission", "team", "adviser", "advisor", "officer", "agent", "mercenary"}
# What is supplied besides what RAMS learned.
GOODS_NOUNS = {"weapon", "arm", "missile", "ammunition", "aid", "equipment", "fuel", "oil", "gas", "food",
               "vaccine", "tank", "jet", "drone", "system", "rocket", "munition", "shell", "rifle", "gun",
               "artillery", "aircraft", "helicopter", "supply", "medicine", "electricity", "grain", "water",
               "assistance", "hardware", "vehicle", "component", "technology", "loan", "fund", "funding"}
# Animate nouns besides what RAMS learned.
PEOPLE_NOUNS = {"people", "person", "civilian", "soldier", "troop", "officer", "police", "protester", "commander",
                "general", "colonel", "captain", "major", "guardsman", "policeman", "bystander", "pedestrian",
                "customer", "tourist", "passenger", "victim", "wife", "husband", "boy", "girl", "mother", "father",
                "demonstrator", "worker", "member", "official", "man", "woman", "child", "student", "leader",
                "militant", "fighter", "rebel", "insurgent", "journalist", "prisoner", "hostage", "suspect",
                "diplomat", "citizen", "resident", "villager", "refugee", "migrant", "family", "group",
                "government", "minister", "president", "force", "army", "military", "delegation", "team",
                "national", "detainee", "captive", "dissident", "activist", "sailor", "crew", "crewman", "fisherman"}
# Things one meets or hosts that are meetings: "host talks".
MEETING_NOUNS = {"talk", "meeting", "summit", "conference", "delegation", "visit", "negotiation", "leader"}
# What is signed.
SIGNED_NOUNS = {"deal", "agreement", "treaty", "contract", "accord", "pact", "law", "bill", "order", "decree",
                "memorandum", "declaration", "charter", "convention", "protocol", "letter", "petition",
                "partnership", "ceasefire", "truce", "executive", "legislation", "sanction", "statement"}
AGREEMENT_NOUNS = SIGNED_NOUNS | {"plan", "term", "proposal", "settlement", "framework", "package", "swap",
                                  "exchange", "merger", "sale", "purchase", "acquisition", "price", "cut", "release",
                                  "withdrawal", "resolution", "compromise", "arrangement", "budget"}
MONEY_NOUNS = {"money", "fund", "cash", "capital", "loan", "credit", "dollar", "euro", "pound", "yen", "yuan",
               "billion", "million", "trillion", "sum", "amount", "$", "€", "£"}
# Verbs carrying an event noun whose subject is the noun's agent.
SUPPORT_VERBS = {"carry", "mastermind", "orchestrate", "impose", "announce", "slap", "levy", "issue", "launch", "conduct", "stage", "mount", "claim", "order", "hold", "have", "commit",
                 "perpetrate", "execute", "make", "begin", "start", "continue", "step", "plan", "organize",
                 "organise", "lead", "attend", "host",
                 # what keeps an event going is done by its doer: "escalated her attacks on Sanders"
                 "escalate", "intensify", "renew", "resume", "sharpen", "redouble", "ramp"}
# Verbs an event noun as subject takes to say it took place: "the attack happened".
HAPPEN_VERBS = {"happen", "occur", "take", "come", "go", "unfold", "begin", "start"}
# Places a motion verb goes to: a travel has a destination ("flew back to Belfast").
DESTINATION_PREPS = {"to", "into", "in", "at", "toward", "towards", "for"}
PLACE_NOUNS = {"city", "town", "village", "capital", "country", "region", "area", "border", "scene", "base",
               "camp", "airport", "port", "embassy", "headquarters", "front", "territory", "province",
               "state", "island", "hospital", "shop", "motel", "hotel", "station", "home", "office"}
# Nouns for what a state acts through: a demonym before them names the state.
STATE_NOUNS = {"government", "force", "troop", "army", "military", "official", "diplomat", "jet", "warplane",
               "navy", "police", "authority", "president", "leader", "minister", "delegation", "soldier",
               "administration", "regime", "ministry", "embassy", "envoy", "negotiator", "aircraft", "ship",
               "warship", "missile", "drone", "artillery", "unit", "intelligence", "agency", "court", "prosecutor",
               "plant", "facility", "base", "position", "infrastructure", "city", "territory", "border", "state"}
# (not "company", "firm" or "bank": "the Ukrainian companies filed suit" are companies, not Ukraine)
# Types whose object is who or what it is done to, and which need one to be that event.
NEEDS_ANIMATE_OBJECT = {"accuse", "condemn", "arrest", "release", "expel", "sue", "appoint", "praise",
                        "congratulate"}
# Types done together (factwire.event_kinds): coordinated subjects with no object did it with one
# another, and the marts group reports on the unordered pair.
SYMMETRIC_TYPES = _SYMMETRIC_TYPES
# Verbs that want or promise an event noun rather than report it.
WANTING_VERBS = {"seek", "want", "plan", "propose", "pledge", "promise", "threaten", "consider", "urge", "demand",
                 "push", "call", "vow", "weigh", "prepare", "intend", "hope"}
REPORTED_NOUN_MODS = {"alleged", "suspected", "reported"}
HYPOTHETICAL_NOUN_MODS = {"planned", "possible", "potential", "proposed", "future", "threatened"}
NEGATED_NOUN_MODS = {"foiled", "thwarted", "failed", "averted"}

# Events a reader wants even when the text does not say who did them ("a bomb exploded in the
# market, killing 12", "three people were arrested"): their subject is null, never made up.
UNSTATED_ACTOR_TYPES = {"attack", "arrest", "release"}
# Nouns naming one violent act, an event with no agent named ("the explosion injured 13"); a
# state of conflict (a war, a battle) or a word of many senses (a strike, a raid) is not.
VIOLENT_ACT_NOUNS = {"attack", "bombing", "shooting", "explosion", "blast", "assassination", "killing", "slaying",
                     "massacre", "ambush", "airstrike", "gunfire", "stabbing", "murder", "shelling"}
# Nouns whose possessive is who it was done to, not who did it ("his arrest", "Khashoggi's killing").
PATIENT_POSSESSIVE_NOUNS = {"arrest", "detention", "assassination", "killing", "slaying", "murder", "release",
                            "stabbing"}
# Explosives: what explodes, is detonated or goes off in an attack.
EXPLOSIVE_NOUNS = {"bomb", "device", "explosive", "ied", "mine", "grenade", "shell", "rocket", "missile", "mortar",
                   "vest", "charge", "landmine", "dynamite", "tnt", "bomber", "drone", "car-bomb"}
EXPLOSION_VERBS = {"explode", "detonate", "blow", "go"}
# How many sentences before an explosion with no doer may tell it was a weapon's.
EXPLOSION_CONTEXT_SENTENCES = 6
# Works where explosions are mostly accidents: an explosion there is an attack only when a weapon
# or an attack is told, not for its dead alone.
WORKS_NOUNS = {"refinery", "plant", "factory", "reactor", "pipeline", "mill", "rig", "smelter", "works", "foundry",
               "boiler", "furnace", "laboratory", "lab", "warehouse", "silo"}
# People who use weapons: with them as the unnamed subject a killing is an attack.
ARMED_PEOPLE = {"gunman", "militant", "attacker", "bomber", "insurgent", "terrorist", "fighter", "soldier", "troop",
                "rebel", "assailant", "jihadist", "extremist", "sniper", "police", "policeman", "officer", "force",
                "army", "militia", "guard", "assassin", "killer", "shooter", "man", "men", "suspect", "mob",
                "he", "she", "they", "who"}
# What makes a group or a person armed: "the militant group", "armed men".
ARMED_MODIFIERS = {"militant", "armed", "terrorist", "jihadist", "extremist", "separatist", "rebel", "insurgent",
                   "paramilitary", "islamist", "suicide"}
# Verbs that are attacks with no actor named only as physical violence (not "hit", "strike",
# "target", which also read as words, money or luck).
UNSTATED_ATTACK_VERBS = {"kill", "shoot", "murder", "massacre", "bomb", "shell", "bombard", "stab", "behead",
                         "attack", "assault", "explode", "detonate", "blow", "go"}
# What kills without an attacker: an accident, nature, an illness.
NOT_VIOLENCE = {"accident", "crash", "collision", "storm", "flood", "flooding", "earthquake", "quake", "fire",
                "blaze", "landslide", "avalanche", "disease", "virus", "illness", "cancer", "stroke", "overdose",
                "lightning", "heatwave", "hurricane", "tornado", "typhoon", "cyclone", "tsunami", "drought",
                "famine", "outbreak", "pandemic", "epidemic", "covid", "wave", "stampede", "fall", "tree",
                "train", "bus", "boat", "plane", "vehicle", "wreck", "mudslide", "eruption", "heat", "cold",
                "accidental", "accidentally",
                # an attack of illness: "heart attacks", "a panic attack"
                "heart", "panic", "asthma", "anxiety", "allergic", "migraine", "seizure", "gout"}
# What vehicles and buildings do in an accident: a death in a clause of these is no attack.
ACCIDENT_VERBS = {"collide", "crash", "capsize", "derail", "overturn", "plunge", "skid", "sink", "drown", "collapse"}
# Bodies a state sanctions besides actors and people: "sanctioned Russian banks".
SANCTIONED_BODIES = {"bank", "company", "firm", "entity", "business", "organisation", "organization", "network",
                     "vessel", "ship", "tanker", "airline", "exporter", "refinery", "oligarch", "individual"}
# Nouns in "-ist" that name no person.
NOT_PEOPLE_IST = {"playlist", "checklist", "shortlist", "waitlist", "blacklist", "whitelist", "wishlist", "booklist"}
# What one is charged with that is no crime: "charged with the task of".
DUTY_NOUNS = {"task", "duty", "responsibility", "job", "mission", "role", "care", "oversight", "management",
              "running", "supervision", "implementation", "organisation", "organization", "electricity", "energy"}
# What is done to a patient: "treated and released" is a discharge from hospital.
PATIENT_VERBS = {"treat", "examine", "discharge", "hospitalise", "hospitalize", "admit", "evaluate", "check"}
# Formal charges: told without who brought them ("she was charged with treason"), as arrests are.
CHARGE_VERBS = {"charge", "indict"}
# Where a person is held or let go from that is no arrest or release ("detained in hospital").
NOT_CUSTODY = {"hospital", "clinic", "school", "work", "traffic"}
# Fire that is gunfire: "mortar fire", "sniper fire".
WEAPON_FIRE = {"mortar", "gun", "sniper", "artillery", "rocket", "machine", "enemy", "tank", "automatic", "small"}

DATA = Path(__file__).resolve().parent.parent / "data"


class LearnedFileMissing(FileNotFoundError):
    """A file the training step writes is missing: events cannot be read as they were measured."""


def _read_learned(name: str) -> dict:
    path = DATA / name
    if not path.is_file():
        raise LearnedFileMissing(f"{path} is missing: the event senses and confidence are learned files; "
                                 "run `python -m factwire.training events` (part of `make train`) to write them")
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _learned() -> dict:
    """What the step `python -m factwire.training events` learned. A missing file is an error,
    not a quiet fallback: events found without the learned senses, or rows without a
    calibrated confidence, would not be what the README measured."""
    learned = _read_learned("event_senses.json")
    learned["confidence"] = _read_learned("event_confidence.json")
    learned["animate"] = PEOPLE_NOUNS | set(learned.get("animate_nouns", ()))
    learned["goods"] = GOODS_NOUNS | set(learned.get("goods_nouns", ()))
    nouns = dict(NOUN_TRIGGERS)
    for kind, lemmas in learned.get("noun_triggers", {}).items():
        for lemma in lemmas:
            nouns.setdefault(lemma, kind)
    learned["noun_triggers"] = nouns
    return learned


def reload_learned() -> None:
    """Read the learned files again (after the training step rewrote them)."""
    _learned.cache_clear()


# --------------------------------------------------------------------------------------------
# Confidence

# Few features for the rows that judge them (WikiEvents dev's fitting half and the team's
# judged rows, factwire/training/events_judged.jsonl): every feature more is a parameter fitted
# on them. The later ones are the faults a reader strikes: a place, a party or a product as the
# doer, words taken for deeds, a kind of event for one event, a doer read from another clause.
FEATURE_NAMES = ["bias", "noun trigger", "actor stated", "object named", "not asserted",
                 "sense checked by the object", "attack", "told more than once", "place named",
                 "object an actor", "generic or habitual wording", "subject a place",
                 "a type of words (ask, warn, accuse...)",
                 "a type of trade (buy, sell, lend...)", "attack with no violence in its sentence",
                 "attack by a person", "question or condition in the sentence",
                 "date stated", "doer borrowed from another clause", "doer stated but not by a name",
                 "generic wording with violence told"]
AMBIGUOUS_VERBS = {"hit", "strike", "shoot", "kill", "murder", "raid", "send", "give", "provide", "deliver",
                   "ask", "back", "host", "launch", "release", "help", "target", "sign", "meet", "free",
                   "call", "order", "move", "cross", "drive", "head", "return", "walk", "fire", "open", "speak",
                   "talk", "name"}
WORD_TYPES = {"request", "warn", "threaten", "condemn", "accuse", "praise", "congratulate"}
TRADE_TYPES = {"purchase", "sale", "acquisition", "merger", "loan", "investment", "license", "bailout"}


def features(event: dict) -> list[float]:
    """The numbers the confidence is computed from, named by :data:`FEATURE_NAMES`; all read
    from the event's own keys so that a scorer can refit them (and a judged row, which keeps
    only these keys, can be scored again)."""
    attack = event["type"] == "attack"
    return [
        1.0,
        float(event.get("trigger_kind") == "noun"),
        float(event.get("subject_actor_id") is not None),
        float(event.get("object_actor_id") is not None or event.get("object_text") is not None),
        float(event.get("modality") != "asserted"),
        float(event.get("lemma") in AMBIGUOUS_VERBS),
        float(attack),
        float(len(event.get("mentions") or ()) > 1),
        float(event.get("place_actor_id") is not None),
        float(event.get("object_actor_id") is not None),
        float(bool(event.get("generic_cue"))),
        float(event.get("subject_type") == "place"),
        float(event["type"] in WORD_TYPES),
        float(event["type"] in TRADE_TYPES),
        float(attack and not event.get("violence_told")),
        float(attack and event.get("subject_type") == "person"),
        float(bool(event.get("question"))),
        float(event.get("date") is not None),
        float(bool(event.get("subject_borrowed")) and event.get("subject_actor_id") is not None),
        float(event.get("subject_actor_id") is not None and not event.get("subject_entity")),
        # "mass shootings", "terrorist attacks and beheadings": violence worded as a kind (a bare
        # plural, a simple present) is most often a kind of attack argued about, in news on
        # politics, not one attack; a cue of its own beside the generic wording of other types
        float(bool(event.get("generic_cue")) and bool(event.get("violence_told"))),
    ]


def _generic_cue(trigger: Token) -> bool:
    """Wording that often tells a kind of event or a habit rather than one event: a verb in
    the simple present with no auxiliary ("Avigilon sells these capabilities", "LNER do not
    ask operators"), or a bare noun ("killings", "murder") with no determiner, number,
    possessive, name, place or date (:func:`_names_a_class`). Not a rule (headlines and first mentions are written so too): a feature the
    confidence weighs."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger.tag_ in ("VBP", "VBZ") and not any(c.dep_ in ("aux", "auxpass") for c in trigger.children)
    # a bare noun with no name, place or date of its own ("mass shootings are becoming an
    # everyday occurrence", "to sell murder"); not "Israeli airstrikes", "bombings in Baghdad"
    return _names_a_class(trigger, None)


def confidence_of(event: dict, weights: list[float] | None = None) -> float:
    """The calibrated probability that the event row is right."""
    if weights is None:
        fitted = _learned()["confidence"]
        if fitted.get("features") != FEATURE_NAMES:
            raise ValueError(f"{DATA / 'event_confidence.json'} was fitted on features {fitted.get('features')}, "
                             f"not {FEATURE_NAMES}: run `python -m factwire.training events`")
        weights = fitted["weights"]
    z = sum(w * x for w, x in zip(weights, features(event)))
    return round(1.0 / (1.0 + math.exp(-z)), 4)


# --------------------------------------------------------------------------------------------
# Senses


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _is_animate(token: Token, index: MentionIndex) -> bool:
    """A person, a group or an actor: "the soldiers", "13 Venezuelan officials", "Iran"."""
    if index.actors_of_phrase(token, include_modifiers=False) or token.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    if token.pos_ == "PRON" and token.lower_ in ("him", "her", "them", "us", "me", "he", "she", "they", "we", "who", "whom"):
        return True
    if any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children):
        return True  # "the alleged killer, Cherif Chekatt"
    return (_lemma(token) in _learned()["animate"] or token.lower_ in _learned()["animate"]
            or _lemma(token) in ARMED_PEOPLE and token.pos_ == "NOUN"
            # "-ist" names a person by what they do or hold to: "leftists", "activists", "separatists"
            or token.pos_ == "NOUN" and _lemma(token).endswith("ist") and len(_lemma(token)) > 5
            and _lemma(token) not in NOT_PEOPLE_IST)


def _is_attackable(token: Token, index: MentionIndex) -> bool:
    return (_is_animate(token, index) or token.ent_type_ in ("GPE", "LOC", "FAC")
            or _lemma(token) in TARGET_NOUNS)


def _attackable_itself(token: Token, index: MentionIndex) -> bool:
    """As :func:`_is_attackable`, the object's head judged alone: "hit solo homers and Frankie
    Rodriguez allowed six hits" (a misparse joining the next clause's subject to the object)
    hits homers, not Rodriguez."""
    if token.pos_ != "NOUN" or index.actor(token) or not any(c.dep_ == "conj" for c in token.children):
        return _is_attackable(token, index)
    return (token.ent_type_ in ("PERSON", "NORP", "ORG", "GPE", "LOC", "FAC") or _lemma(token) in TARGET_NOUNS
            or _lemma(token) in _learned()["animate"] or _lemma(token) in ARMED_PEOPLE
            or _lemma(token).endswith("ist") and len(_lemma(token)) > 5 and _lemma(token) not in NOT_PEOPLE_IST)


def _theme(token: Token) -> Token:
    """Past quantity heads: "13 more Venezuelan officials" is about officials, "dozens of people"
    about people."""
    for _ in range(3):
        objects = [o for p, o in prep_objects(token, {"of"})]
        if (token.pos_ == "NUM" or _lemma(token) in ("dozen", "hundred", "thousand", "number", "score", "group")) and objects:
            token = objects[0]
        else:
            break
    return token


# Verbs of taking part in an event: one person agreeing to do so consents, no sides agree.
TAKING_PART_VERBS = {"run", "race", "play", "compete", "appear", "attend", "participate", "stand", "box", "fight",
                     "perform", "sing", "speak", "testify", "serve", "coach", "join", "return", "stay"}

# What a side reaches in a contest: one "helps" a team "to" it in a sports report.
CONTEST_RESULTS = {"win", "victory", "triumph", "draw", "tie", "title", "championship", "crown", "pennant", "lead",
                   "point", "place", "finish", "record", "medal", "trophy", "cup", "series", "sweep", "success"}

# Nouns for one contest between sides in sport: "meet" in their clause is to play one another.
MATCH_NOUNS = {"final", "semifinal", "semi-final", "quarterfinal", "quarter-final", "round", "match", "matchup",
               "game", "tie", "leg", "playoff", "play-off", "fixture", "derby", "rematch", "bout"}


def _a_contest(verb: Token) -> bool:
    """Whether a "meet" clause meets in a contest or as its players ("meet Sampdoria in the second
    round", "with the return match at Old Trafford", "will meet on Friday after winning
    matches"): not a time told by one ("met before the game"), nor a round of talks."""
    for t in verb.subtree:
        if not (t.pos_ in ("NOUN", "PROPN") and (t.lower_.rstrip("s") in MATCH_NOUNS or _lemma(t) in MATCH_NOUNS)):
            continue
        if _lemma(t) == "round" and any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children):
            continue
        if t.dep_ == "pobj" and t.head.lower_ in ("in", "with") or t.dep_ == "dobj" and t.head.i != verb.i:
            return True
    return False


def _with_objects(verb: Token) -> list[Token]:
    return [o for p, o in prep_objects(verb, {"with"})]


def _sense(verb: Token, lemma: str, kind: str, themes: list[Token], index: MentionIndex) -> str | None:
    """The event type the verb has in this clause, or None when it is not an event of ours."""
    if lemma == "hit" and any(c.dep_ in ("prt", "advmod") and c.lower_ in ("out", "back") for c in verb.children):
        # "hit out at Biden", "hit back at critics", "hit Snowden back by accusing him": words
        # against someone.
        back = any(c.lower_ == "back" for c in verb.children if c.dep_ in ("prt", "advmod"))
        targets = [o for _, o in prep_objects(verb, {"at"})] + (themes if back else [])
        if not any(_is_animate(o, index) for o in targets):
            return None
        if any(_lemma(o) in VIOLENCE_WORDS or NOUN_TRIGGERS.get(_lemma(o)) == "attack" for o in _with_objects(verb)):
            return "attack"  # "Israel hit back at Hamas with airstrikes": blows, not words
        return "condemn"
    if lemma == "shoot" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        # "Turkey shot down a Russian warplane": an aircraft brought down is attacked
        return kind if themes and (_lemma(_theme(themes[0])) in AIRCRAFT or index.actor(themes[0])) else None
    if any(c.dep_ == "prt" for c in verb.children) and lemma in NOT_WITH_PARTICLE:
        return None
    themes = [_theme(t) for t in themes]
    if lemma in ("hit", "strike") and _is_physical_contact(verb):
        return None  # "hit in the face by Al Horford", "inadvertently struck": a blow in play, no event between actors
    if lemma in ("hit", "target", "strike", "slap") and any(_lemma(o) in SANCTION_NOUNS for o in _with_objects(verb)):
        return "sanction"
    if lemma in ("hit", "target", "slam", "blast", "attack") and any(
            _lemma(o) in MESSAGE_NOUNS | WORDS_NOUNS for o in _with_objects(verb)):
        # "hitting Clinton with ads", "targeted him with criticism": words against someone
        return "condemn" if themes and _is_animate(_theme(themes[0]), index) else None
    if lemma == "target":
        return None  # "targeted 13 officials": by what, the clause must say ("with sanctions")
    if lemma in EXPLOSION_VERBS:
        return kind if _explosive_event(verb, lemma, themes, index) else None
    if lemma in OBJECT_SENSE_ATTACK:
        if themes and lemma in ("hit", "strike") and _is_a_figure(themes[0]):
            return None  # "Gwangju hitting 14 degrees", "bonds hit 16%", "hit a record high": a level reached
        # "496 had been killed", "killing 13": a count killed or shot is of people.
        counted = lemma in ("kill", "murder", "shoot") and themes and themes[0].pos_ == "NUM"
        return kind if themes and (counted or all(_attackable_itself(t, index) for t in themes[:1])) else None
    if lemma == "launch" and any(_lemma(t) in WORDS_OF_CRITICISM for t in themes) and _by_a_person(subjects(verb), index):
        targets = [o for t in [verb, *themes] for _, o in prep_objects(t, {"on", "against"})]
        if targets and all(_is_a_person(o, index) for o in targets):
            return "condemn"  # "Trump launched a pre-emptive attack against Obama": words
        if targets and all(_lemma(o) in GOVERNING_BODIES for o in targets) and not (
                {t.lemma_.lower() for t in sentence_of(verb)} & VIOLENCE_WORDS):
            # "Arafat launched his strongest attack on the right-wing government": a person's
            # attack on a government, with no weapon or death told, is made in words
            return "condemn"
        if any(not _is_attackable(o, index) and o.ent_type_ not in ("GPE", "LOC", "FAC", "DATE", "TIME")
               for t in [verb, *themes] for _, o in prep_objects(t, {"over"})):
            # "launched his strongest attack yet on the government over its handling of the
            # crisis": an attack over a matter is argued, not fought
            return "condemn" if targets and any(_is_animate(o, index) or index.actor(o) for o in targets) else None
    if lemma in ("fire", "open"):
        if lemma == "fire" and _fired_words(verb, themes, index):
            # "Rubio fired back at Christie", "Jeb Bush fired at Trump": a retort, not shots
            targets = [o for _, o in prep_objects(verb, {"at", "on"})]
            return "condemn" if any(_is_animate(t, index) for t in targets) else None
        return "attack" if _fired_at(verb, lemma, themes, index) else None
    if lemma in ("speak", "talk"):
        return kind if _a_call(verb, index) else None
    if lemma == "name":
        # "Ruto named Murkomen as interior minister", "named him chief executive"; not "a man
        # named Smith", "named after his father", "named in the lawsuit"
        post = prep_objects(verb, {"as", "to"}) or [c for c in verb.children if c.dep_ in ("oprd", "xcomp")]
        return kind if (themes and verb.dep_ not in ("acl", "relcl") and not is_passive(verb) and post
                        and _is_a_person(themes[0], index)) else None
    if lemma == "launch":
        return "attack" if any(_lemma(t) in ATTACK_NOUNS or _lemma(t) in ("campaign", "operation") and any(
            _lemma(c) in MILITARY_MODIFIERS for c in t.children if c.dep_ in ("amod", "compound")) for t in themes) else None
    if kind == "deploy" and themes and _lemma(_theme(themes[0])) in SUPPLIED_ARMS and any(
            getattr(index, "actor_types", {}).get(index.actor(o)) in ("country", "organization")
            for _, o in prep_objects(verb, {"to"})):
        return "supply"  # "sent 14 Leopard tanks to Ukraine", "sent drones to Russia": arms handed to a state
    if kind == "deploy":
        return kind if themes and _lemma(themes[0]) in TROOP_NOUNS else None
    if kind == "release":
        return kind if _frees_a_person(verb, themes, index) else None
    if kind == "supply":
        if lemma in ("equip", "arm"):
            return kind if themes and _is_animate(themes[0], index) else None
        goods = themes + [_theme(o) for o in _with_objects(verb)]  # "provided Iraq with arms"
        return kind if any(_lemma(g) in _learned()["goods"] for g in goods) else None
    if kind == "support":
        if lemma == "help" and any(_lemma(o) in CONTEST_RESULTS for _, o in prep_objects(verb, {"to"})):
            return None  # "helping the Padres to their third straight win": a player's part in a result
        # "backed Bob's account", "supports Clinton's plan": a thing of someone's is no actor backed
        return kind if themes and _is_animate(themes[0], index) and not _a_thing_of_someone(themes[0], index) else None
    if kind == "meet":
        if lemma == "meet" and _a_contest(verb):
            return None  # "Juventus meet United in Turin", "will meet in the quarter-finals": they play each other
        partners = themes + [o for p, o in prep_objects(verb, {"with"})]
        if lemma == "host":
            # "host Putin", "host talks"; not "host the only Senate race"
            return kind if themes and (index.actor(themes[0]) or _lemma(themes[0]) in MEETING_NOUNS) else None
        if lemma == "visit" and themes and (_is_a_place(themes[0], index) or _named_as_a_site(themes[0])):
            # "visited Richmond", "visiting Iowa", "visited the National Law Enforcement Officers
            # Memorial": a journey to a place, not a meeting
            return "travel"
        if lemma == "visit":
            return kind if themes and (_is_animate(themes[0], index) or themes[0].ent_type_ in ("GPE", "LOC")) else None
        if not partners:
            # "the leaders met": a plural or coordinated subject meets one another.
            subject = next(iter(subjects(verb)), None)
            return kind if subject is not None and (subject.conjuncts or subject.tag_ in ("NNS", "NNPS")) else None
        return kind if _is_animate(partners[0], index) else None
    if kind == "threaten" and lemma == "threaten" and not themes and not _with_objects(verb) and not any(
            c.dep_ in ("xcomp", "ccomp") for c in verb.children):
        return None  # "threatening in the final 200 metres": no one threatened, nothing threatened
    if kind == "request":
        if not themes and not any(c.dep_ in ("xcomp", "prep", "dative") for c in verb.children) and any(
                c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
            return None  # "'Compare him to Hillary,' Gorka urged": a quote said, no one asked is named
        if any(c.dep_ == "advmod" and c.lower_ == "rhetorically" for c in verb.children):
            return None  # "Sanders asked rhetorically": a question put for effect, nothing asked of anyone
        if any(_lemma(o) == "anonymity" for _, o in prep_objects(verb, {"for"})) or any(
                _lemma(t) == "anonymity" for t in themes):
            return None  # a source "asking for anonymity to speak freely": how a story was sourced
        if lemma == "call":
            # "called on Muslims to take up arms", "called for a ceasefire"; not "called him a liar".
            after = [(p, o) for p, o in prep_objects(verb, {"on", "for", "upon"}) if o.i > verb.i]
            # "what the Times called a rough week for Trump", "called him a liar for it": a name
            # given (an object, or "what" before the verb), not a call for anything
            naming = any(c.dep_ in ("dobj", "oprd", "attr", "ccomp") for c in verb.children)
            return kind if any(p == "for" and not naming or _is_animate(o, index) and p != "for"
                               for p, o in after) else None
        if lemma == "order" and not (themes or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children)):
            return None
        if lemma == "order" and not any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) and _counted_goods(themes[0], index):
            return None  # "Lufthansa ordered 20 Airbus jets": a purchase order (a deal), not a command
        if lemma == "ask":
            # "asked Iran to stop", "asked for help"; not a question ("asked if", "asked.").
            asks_to = any(c.dep_ in ("xcomp", "oprd") and c.pos_ in ("VERB", "AUX") for c in verb.children)
            asks_for = bool(prep_objects(verb, {"for"}))
            return kind if asks_to or asks_for else None
        return kind if themes or any(c.dep_ in ("xcomp", "ccomp") for c in verb.children) else None
    if lemma == "ban":
        # "banned Russian banks", "ban Muslims from entering", "banned imports of Russian oil": a
        # ban on someone or on their trade; "ban all abortions", "ban assault weapons" is a rule
        # on a practice or a thing, no sanction on anyone
        return kind if themes and (index.actor(themes[0]) or _is_animate(themes[0], index)
                                   or themes[0].ent_type_ in ("GPE", "ORG", "NORP")
                                   or _lemma(themes[0]) in SANCTIONED_BODIES | TRADE_NOUNS) else None
    if lemma in ("recognise", "recognize") and themes and themes[0].ent_type_ == "PERSON" and not prep_objects(verb, {"as"}):
        return None  # "intended the audience to recognize Trump": knowing someone, not recognising a state
    if kind == "praise" and themes and _lemma(themes[0]) in ("god", "goodness", "heaven", "lord", "heavens"):
        return None  # "Thank God": an exclamation
    if lemma in ("recognise", "recognize", "sanction"):
        # "recognised Kosovo", not "recognises four types of violence"; "sanctioned 13
        # officials", not "London sanctioned Gomm's efforts" (approved them): the object's own
        # head is an actor or people, not a thing of theirs
        return kind if themes and (index.actor(themes[0]) or themes[0].ent_type_ in ("PERSON", "NORP", "ORG", "GPE")
                                   or _lemma(themes[0]) in _learned()["animate"]
                                   or lemma == "sanction" and _lemma(themes[0]) in SANCTIONED_BODIES) else None
    if lemma == "charge":
        # "charged with treason", "charged him with murder"; not "charged with the task of",
        # "charged $50", "charged the phone"
        crimes = [o for p, o in prep_objects(verb, {"with"}) if o.pos_ == "NOUN" and _lemma(o) not in DUTY_NOUNS]
        return kind if crimes and themes and _is_animate(themes[0], index) else None
    if lemma == "blame" and any(_is_animate(o, index) and not _is_a_medium(o)
                                for holder in [verb, *themes] for _, o in prep_objects(holder, {"on"})):
        return kind  # "blamed the crisis on Obama": whom the blame is put on
    if kind in NEEDS_ANIMATE_OBJECT:
        return kind if themes and _is_animate(themes[0], index) else None
    if kind == "sale" and themes and _is_animate(themes[0], index) and any(c.dep_ == "prep" and c.lower_ == "on" for c in verb.children):
        return None  # "sold him on supporting Sanders": persuaded, nothing sold
    if kind == "sale" and not themes and not is_passive(verb):
        return None  # "the album sold exceptionally well": the thing sold is the subject, no seller
    if kind == "sale" and any(_lemma(o) in ELECTORATE_NOUNS for _, o in prep_objects(verb, {"to"})):
        return None  # "the vision Democrats are selling to voters": a case made, nothing sold
    if kind in ("purchase", "sale") and themes and _lemma(themes[0]) in FIGURATIVE_PURCHASES:
        return None  # "Republicans never bought the idea", "sold the story": believed or told, not traded
    if kind == "acquisition" and themes and _lemma(themes[0]) in ACQUIRED_FACULTIES:
        return None  # "to acquire skills", "acquired a taste for": learned or gained, not bought

    if kind == "sign":
        return kind if (themes and _lemma(themes[0]) in SIGNED_NOUNS) or prep_objects(verb, {"with"}) else None
    if kind == "settle":
        # "settled the lawsuit", "settled with the SEC"; not "settling scores", "settled down"
        if themes and not any(_lemma(t) in DISPUTE_NOUNS for t in themes):
            return None
        return kind if themes or prep_objects(verb, {"with", "on"}) else None
    if kind == "travel":
        # "In London, Jones walked off the set": "in" says where one moved, not where to (but
        # where one arrived: "arrived in Orlando")
        preps = DESTINATION_PREPS if lemma == "arrive" else DESTINATION_PREPS - {"in"}
        goals = [o for holder in [verb, *(c for c in verb.children if c.dep_ in ("advmod", "prt"))]
                 for p, o in prep_objects(holder, preps)]  # "flew back to Belfast"
        if lemma == "cross":
            goals += themes
        elif lemma in ("head", "walk", "drive", "return") and themes and not themes[0].pos_ == "PRON":
            return None  # "Americans head the bank", "drove the car", "returned the favour": not a journey
        if lemma == "move" and not any(c.dep_ == "prt" and c.lower_ in ("in", "into") for c in verb.children) and not goals:
            return None
        if lemma == "move" and themes:
            return None  # "moving it to Mexico", "moved troops to the border": something else moved, not a journey
        return kind if any(_a_destination(g, index) for g in goals) else None  # "moved closer to the Democratic nomination": no place
    if kind == "agree":
        # "agreed to buy", "agreed on a ceasefire", "agreed a deal"; not "agree with Trump" (an
        # opinion) nor "agreed to an interview".
        if any(c.dep_ == "xcomp" and c.pos_ == "VERB" and _lemma(c) in SPEAKING_VERBS for c in verb.children):
            return None  # "agreed to talk on the condition that...", "agreed to participate": a consent, no agreement between sides
        if any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
            takes_part = any(c.dep_ == "xcomp" and _lemma(c) in TAKING_PART_VERBS for c in verb.children)
            alone = [s for s in subjects(verb) if not s.conjuncts]
            if takes_part and alone and _by_a_person(alone, index) and not prep_objects(verb, {"with"}):
                return None  # "Christie has agreed to run in Berlin": one person's consent to take part
            return kind
        terms = themes + [o for p, o in prep_objects(verb, {"on", "to", "upon"})]
        return kind if any(_lemma(t) in AGREEMENT_NOUNS for t in terms) else None
    if kind == "loan":
        # "borrowing money", "lent $2 billion to Greece"; not "lending legitimacy".
        money = themes + [_theme(t) for t in themes]
        return kind if not themes or any(t.ent_type_ == "MONEY" or _lemma(t) in MONEY_NOUNS for t in money) else None
    if kind == "investment" and not themes and not prep_objects(verb, {"in", "into"}):
        return None  # "the camp is investing for a long contest": no money put into anything named
    if kind == "investment":
        # "invested $1 billion in carbon removal"; not "invested a ton of resources in South
        # Carolina" or "invested time": effort spent on a cause is no investment.
        spent = themes + [_theme(t) for t in themes] + [o for t in themes for _, o in prep_objects(t, {"of"})]
        if any(_lemma(t) in EFFORT_NOUNS for t in spent):
            return None
    if kind == "share":
        # "share intelligence with Kyiv"; not "share a high-five".
        return kind if any(_is_animate(o, index) for p, o in prep_objects(verb, {"with"})) else None
    if kind == "capture":
        # "Russia captured Crimea", "rebels captured two soldiers"; not "Cruz has captured Iowa"
        # or "captured the primary": a person taking a place or a contest wins a vote
        if themes and (_lemma(themes[0]) in CONTEST_NOUNS or _by_a_person(subjects(verb), index)
                       and themes[0].ent_type_ != "PERSON" and _lemma(themes[0]) not in _learned()["animate"]):
            return None
        return kind if themes and _is_attackable(themes[0], index) else None
    return kind


# Verbs of talking or taking part: what one agrees to do with them is a consent, no agreement.
SPEAKING_VERBS = {"talk", "speak", "comment", "answer", "appear", "participate", "chat", "respond", "debate",
                  "testify", "sit", "attend", "interview", "explain"}


def _a_topic(token: Token) -> bool:
    """A noun that is what a record, a debate or a stand is about ("her record on guns", "the
    fight over guns"): a subject of talk, not a weapon in the scene."""
    return (token.dep_ == "pobj" and token.head.lower_ in ("on", "about", "over")
            and token.head.head.pos_ == "NOUN" and token.head.head.lemma_.lower() not in TARGET_NOUNS)


def _a_thing_of_someone(token: Token, index: MentionIndex) -> bool:
    """A common noun that names no person, group or actor by its own head ("Bob's account",
    "Clinton's plan"), even where its possessive names one."""
    return (token.pos_ == "NOUN" and not index.actor(token)
            and token.ent_type_ not in ("PERSON", "NORP", "ORG", "GPE")
            and _lemma(token) not in _learned()["animate"] and _lemma(token) not in ARMED_PEOPLE
            and _lemma(token) not in BODIES_AND_BIDS and not (_lemma(token).endswith("ist") and len(_lemma(token)) > 5))


# Bodies that act for someone, and a candidate's bid, which stands for the candidate: backing
# them backs an actor ("supported the Ukrainian administration", "a PAC supporting Rubio's campaign").
BODIES_AND_BIDS = {"administration", "regime", "ministry", "agency", "authority", "court", "embassy", "navy", "police",
                   "unit", "campaign", "candidacy", "bid", "nomination", "reelection", "re-election", "presidency"}


def _is_a_place(token: Token, index: MentionIndex) -> bool:
    """A place named as one: a country, a city, a region, a building, or a noun for a place."""
    actor = index.actor(token)
    return (token.ent_type_ in ("GPE", "LOC", "FAC") and not _is_a_person(token, index)
            or bool(actor) and getattr(index, "actor_types", {}).get(actor) in ("place", "country")
            or token.pos_ == "NOUN" and _lemma(token) in PLACE_NOUNS)


def _a_destination(token: Token, index: MentionIndex) -> bool:
    """Where a journey goes: a place named or a noun for one ("flew to Berlin", "returned to the
    office"), an actor only when it is a place ("return to the PGA Tour" is to a competition),
    and not office without a determiner ("returned to public office": a post held)."""
    actor = index.actor(token)
    if actor and index.actor_types.get(actor) in ("place", "country"):
        return True  # "Kyiv", whatever the tagger took it for
    if actor and index.actor_types.get(actor) is not None:
        return False
    if _lemma(token) == "office" and not any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    return (token.ent_type_ in ("GPE", "LOC", "FAC") or _lemma(token) in PLACE_NOUNS
            or bool(actor) and token.ent_type_ not in ("PERSON", "ORG", "NORP"))


def _of_patient(noun: Token) -> bool:
    """Whether an event noun names whom it was done to with "of" ("NATO's detention of the
    Serbs"): then its possessive is who did it, as in "Russia's invasion of Ukraine", not the
    one held or killed ("his arrest", "Khashoggi's killing")."""
    return any(p == "of" for p, _ in prep_objects(noun, {"of"}))


# Figures a verb of hitting reaches: "hit 14 degrees", "hit 16%", "hit a record high".
FIGURE_ENTITIES = {"QUANTITY", "PERCENT", "MONEY", "CARDINAL", "ORDINAL"}
LEVEL_NOUNS = {"record", "high", "low", "level", "peak", "mark", "milestone", "threshold", "degree", "point",
               "percent", "%", "ceiling", "bottom", "trough", "plateau", "note", "jackpot", "target"}
# A blow in play: a body part hit, or a hit by accident ("hit in the face", "inadvertently struck").
BODY_PARTS = {"face", "head", "eye", "nose", "mouth", "jaw", "chest", "leg", "arm", "hand", "knee", "shoulder",
              "neck", "stomach", "groin", "foot", "ankle", "elbow", "ear", "chin", "cheek", "rib", "throat", "helmet"}
ACCIDENT_ADVERBS = {"inadvertently", "accidentally", "unintentionally", "mistakenly", "unknowingly", "unwittingly"}
# Where a person is held: "released from prison" frees a person whatever the object's type says.
CUSTODY_NOUNS = {"prison", "jail", "custody", "detention", "captivity", "gaol", "jail", "camp", "cell", "arrest"}
# How a product, a record or a report is released, not a prisoner: "initially released".
PUBLICATION_ADVERBS = {"initially", "originally", "first", "officially", "publicly", "commercially", "digitally",
                       "theatrically", "worldwide", "globally", "online", "exclusively"}
# Names of gatherings: what is hosted or attended, never a participant ("hosted the Berlin Conference").
GATHERING_NOUNS = {"conference", "congress", "summit", "forum", "games", "olympics", "festival", "convention",
                   "session", "assembly", "meeting", "talk", "dialogue", "ceremony", "gala", "show", "fair",
                   "expo", "exhibition", "tournament", "championship", "cup", "event", "party", "dinner", "debate"}


def _is_a_figure(token: Token) -> bool:
    """A number, a measure or a level ("14 degrees", "16%", "a record high"), not a count of
    people ("13 people" is animate)."""
    if _lemma(token) in _learned()["animate"] or token.ent_type_ in ("PERSON", "NORP", "GPE", "ORG"):
        return False
    return (token.ent_type_ in FIGURE_ENTITIES or token.pos_ == "NUM" or _lemma(token) in LEVEL_NOUNS
            or token.lower_ in LEVEL_NOUNS)


def _is_a_mere_thing(token: Token, index: MentionIndex) -> bool:
    """A thing no violence is done to: not an actor, a person, a place or a target of war, nor
    a date ("a war on toxic food", "the war on drugs"; not "an attack on 13 September")."""
    if token.pos_ not in ("NOUN", "PROPN") or token.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "ORG", "PERSON", "DATE", "TIME"):
        return False
    return not (index.actor(token) or _lemma(token) in _learned()["animate"] or _lemma(token) in TARGET_NOUNS
                or _lemma(token) in ARMED_PEOPLE or _lemma(token) in PLACE_NOUNS)


def _is_physical_contact(verb: Token) -> bool:
    """A hit on a body part ("hit in the face", "struck on the head") or by accident
    ("inadvertently hit"): a blow in a game or a mishap, not an event between actors."""
    if any(c.dep_ == "advmod" and c.lower_ in ACCIDENT_ADVERBS for c in verb.children):
        return True
    if prep_objects(verb, {"with"}):
        return False  # "hit in the head with a stone": a weapon makes it an assault
    return any(_lemma(o) in BODY_PARTS for _, o in prep_objects(verb, {"in", "on", "to"}))


# What one wins in a vote or a game: "captured the nomination".
CONTEST_NOUNS = {"primary", "caucus", "nomination", "vote", "seat", "election", "title", "championship", "race",
                 "majority", "imagination", "attention", "market", "share", "heart", "mood", "spirit", "delegate",
                 "endorsement", "support", "lead", "state", "district", "county", "crown", "prize", "award",
                 "senate", "house", "chamber", "legislature", "presidency", "governorship", "mayoralty", "congress"}
# What is settled between parties: a dispute, a case, a claim ("settled the lawsuit").
DISPUTE_NOUNS = {"dispute", "case", "lawsuit", "suit", "claim", "charge", "allegation", "matter", "difference",
                 "litigation", "complaint", "action", "conflict", "row", "feud", "strike", "debt", "issue",
                 "disagreement", "quarrel", "grievance", "accusation", "investigation", "probe", "proceeding",
                 "arbitration", "fight", "battle", "war"}
# A state's trade, which a ban on it sanctions: "banned imports of Russian oil".
TRADE_NOUNS = {"import", "export", "flight", "shipment", "sale", "transaction", "trade", "investment", "entry",
               "purchase", "transfer", "visit", "travel"}
# What one "invests" in a cause when no money is meant: time, effort, resources, hope.
EFFORT_NOUNS = {"time", "effort", "energy", "resource", "hope", "emotion", "heart", "faith", "trust", "attention",
                "credibility", "soul", "sweat"}
# What a crime is named by when the act itself is charged, not told: "conspiracy to coerce".
CRIME_NAME_NOUNS = {"conspiracy", "attempt", "intent", "solicitation", "incitement"}

# Whom a thing is released to when it is published: "to the public", "to the press".
AUDIENCE_NOUNS = {"public", "press", "media", "reporter", "journalist", "news", "court", "committee", "congress"}


def _names_a_charged_crime(verb: Token) -> bool:
    """A verb naming the crime in a charge: "charged with conspiracy to coerce", "pleaded guilty
    to attempting to murder" (an attempt told for itself, "an attempt to kill the president",
    stays an event)."""
    head = verb.head
    while head.dep_ == "conj" and head.head is not head:
        head = head.head  # "to coerce and entice"
    if verb.dep_ == "conj":
        verb, head = head, head.head
    if _lemma(head) not in CRIME_NAME_NOUNS or head is verb:
        return False
    ancestors = list(head.ancestors)[:3]
    return any(_lemma(a) in CHARGE_VERBS | CHARGE_WORDS | {"plead", "guilty", "convict", "sentence"} for a in ancestors)


def _frees_a_person(verb: Token, themes: list[Token], index: MentionIndex) -> bool:
    """"released the hostages", "freed Navalny", "was released from prison": a person or a
    group freed. A film, an album, software, a report or figures are released too ("Git was
    initially released", "released his new EP", "NOAA released its Winter Outlook"): only a
    person, a people, a noun for people or a personal pronoun is freed."""
    if any(_lemma(o) in CUSTODY_NOUNS for _, o in prep_objects(verb, {"from", "on"})):
        return True  # "released from custody", "freed on bail"
    if any(c.dep_ == "advmod" and c.lower_ in PUBLICATION_ADVERBS for c in verb.children):
        return False
    if any(_lemma(o) in AUDIENCE_NOUNS for _, o in prep_objects(verb, {"to"})):
        return False  # "releasing them to the public", "released to the press": published, not freed
    if any(c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX") and any(a.lower_ == "to" for a in c.children)
           for c in verb.children) and not any(_is_animate(t, index) for t in subjects(verb)):
        # "wins that free her to present herself as the victor": a thing leaving someone able to
        # act lets no one out ("the rebels freed two journalists to return home" do)
        return False
    if not themes:
        return False
    held = themes[0]
    if held.lower_ in ("them", "it"):
        # "has not yet released them" (the statistics): a pronoun has its antecedent's sense
        antecedent = _antecedent(held)
        if antecedent is not None and not _is_animate(antecedent, index):
            return False
    if held.ent_type_ in ("PRODUCT", "WORK_OF_ART", "ORG", "MONEY", "PERCENT", "EVENT", "LAW", "FAC", "GPE") \
            or _lemma(held) in _learned()["goods"]:
        return False
    return (held.ent_type_ in ("PERSON", "NORP") or _lemma(held) in _learned()["animate"]
            or held.pos_ == "PRON" and held.lower_ in ("him", "her", "them", "who", "whom", "he", "she", "they"))


def _antecedent(pronoun: Token) -> Token | None:
    """The noun a third-person pronoun most likely stands for: the nearest noun before it, in
    its sentence or the one before, that agrees in number ("them": a plural noun; "it": a
    singular common noun) and is not inside the pronoun's own clause's verb phrase."""
    sentence = pronoun.sent
    start = pronoun.doc[sentence.start - 1].sent.start if sentence.start > 0 else sentence.start
    plural = pronoun.lower_ == "them"
    for token in reversed(pronoun.doc[start:pronoun.i]):
        if token.pos_ not in ("NOUN", "PROPN") or token.dep_ == "compound":
            continue
        if plural and token.tag_ in ("NNS", "NNPS") or not plural and token.tag_ == "NN":
            return token
    return None


def _names_a_gathering(token: Token) -> bool:
    """"the Berlin Conference", "the G20 summit", "the Olympics": a gathering, not a participant."""
    return token.ent_type_ == "EVENT" or _lemma(token) in GATHERING_NOUNS or token.lower_ in GATHERING_NOUNS


# Clauses that tell no particular event: a generic "when they attack police officers", a
# habitual "where the leaders meet", an order "go shoot every German".
GENERIC_MARKS = {"when", "whenever", "once", "wherever", "where", "every", "each"}
# Heads of an infinitive that say someone would, not did: "willing to back a Democrat".
READINESS_HEADS = {"willing", "ready", "able", "prepared", "eager", "keen", "likely", "unlikely", "happy",
                   "reluctant", "unwilling", "loath", "free", "set", "scheduled", "slated", "due", "expected",
                   "poised", "supposed", "bound"}
# Verbs whose infinitive says what is asked or wanted of someone, not what was done ("called on
# him to quit", "urged Iran to release them", "trying to get the delegation to pressure her").
ASKING_HEADS = {"ask", "urge", "order", "tell", "call", "persuade", "convince", "encourage", "invite", "instruct",
                "beg", "implore", "press", "pressure", "push", "request", "require", "demand", "get", "try",
                "attempt", "want", "wish", "need", "seek", "hope", "plan", "promise", "pledge", "vow", "threaten",
                "intend", "aim", "offer", "expect", "advise", "challenge", "dare", "warn", "plot", "conspire",
                "scheme", "agree", "prepare",
                # "allow Republicans to support Trump": what one is let do, not what one did
                "allow", "permit", "let", "enable", "authorize", "authorise", "empower"}
# Verbs of holding a view: what their clause says is someone's belief, not a fact told.
BELIEF_HEADS = {"think", "believe", "suspect", "feel", "assume", "fear", "worry", "guess", "imagine", "suppose",
                "speculate", "theorize", "theorise", "contend", "maintain", "figure", "reckon", "doubt"}
# Nouns for an act tried: what their infinitive says was done in part ("an attempt to kill").
ATTEMPT_NOUNS = {"attempt", "bid", "try", "attack", "assault", "plot"}
# Verbs of saying or judging whose gerund object is an idea talked about, not an act of their
# subject's ("support deploying ground forces", "did not mention requesting a donation").
IDEA_HEADS = {"support", "oppose", "favor", "favour", "suggest", "propose", "recommend", "advocate", "endorse",
              "reject", "mention", "discuss", "float", "consider", "debate", "urge", "back", "resist", "rule"}
# First and second person: the writer's or the reader's own story ("he killed me"), no actor.
SPEAKER_PRONOUNS = {"i", "me", "myself", "we", "us", "ourselves", "you", "yourself", "yourselves"}


def _is_imperative(verb: Token) -> bool:
    """An order to the reader ("Go shoot every German you find"): a bare verb heading its
    sentence with no subject, or a verb hanging on one without a subject of its own."""
    current = verb
    for _ in range(3):
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in current.children):
            return False
        if current.dep_ == "ROOT":
            break
        if current.dep_ not in ("conj", "advcl", "xcomp") or current.tag_ != "VB":
            return False
        current = current.head
    if current.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in current.children):
        return False
    if current.dep_ != "ROOT":
        # a quoted order inside a sentence: "by saying “go shoot every German you find”"
        before = current.doc[current.i - 1] if current.i > 0 else None
        return before is not None and before.is_quote
    first = next((t for t in current.sent if not t.is_punct and t.lower_ not in ("please", "just", "now", "so", "then", "and")), None)
    return first is not None and first.i >= current.i - 0 and first == current


def _is_exhortation(verb: Token) -> bool:
    """"Let's nominate and elect a Republican president": a call to the listeners, no act told."""
    current = verb
    for _ in range(3):
        if _lemma(current) == "let" and any(c.lower_ in ("'s", "’s", "us") for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "ccomp", "conj") or current.head is current:
            return False
        current = current.head
    return False


def _opens_a_quoted_order(verb: Token) -> bool:
    """A bare verb with no subject right after an opening quote, past a "go" or "come"
    ("saying “go shoot every German you find”"): an order quoted, not an act told."""
    if verb.tag_ != "VB" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in verb.children):
        return False
    i = verb.i - 1
    while i >= 0 and verb.doc[i].lower_ in ("go", "come", "and", "just", "please"):
        i -= 1
    return i >= 0 and verb.doc[i].is_quote and (i == 0 or not verb.doc[i - 1].is_alpha or verb.doc[i - 1].is_punct
                                                 or verb.doc[i - 1].pos_ in ("ADP", "SCONJ", "VERB"))


# Adverbs of habit: "has traditionally ordered a reduction", "usually attack at night".
HABITUAL_ADVERBS = {"usually", "traditionally", "typically", "generally", "routinely", "regularly", "normally",
                    "habitually", "customarily", "often", "frequently", "always", "commonly", "sometimes"}


# Adjectives of intent or capacity whose "on"/"of" gerund says what someone means or is able to
# do, not what they did: "terrorists bent on attacking the United States", "capable of striking".
INTENT_HEADS = READINESS_HEADS | {"bent", "hellbent", "intent", "determined", "keen", "capable", "focused", "set"}
# Auxiliaries that, put before their subject in a clause that asks nothing, make it a condition
# contrary to fact: "had Clinton congratulated him", "were Iran to attack", "should talks fail".
INVERTED_CONDITION_AUX = {"had", "were", "should"}


def _is_inverted_condition(verb: Token) -> bool:
    """"It would have been cool had Hillary Clinton congratulated him": an auxiliary before
    the subject of a subordinate clause is a condition, told as not (or not yet) having happened."""
    if verb.dep_ not in ("advcl", "ccomp", "conj") and "?" in sentence_of(verb).text:
        return False
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(c.dep_ in ("aux", "auxpass") and c.lower_ in INVERTED_CONDITION_AUX
                                       and c.i < subject.i for c in verb.children)


# Verbs whose "that" clause in the bare form says what is wanted: "requested that Lazar be released".
MANDATIVE_HEADS = {"request", "demand", "ask", "urge", "insist", "require", "recommend", "propose", "suggest",
                   "order", "direct", "move"}
# Subjects that deny the act: "neither Ryan nor anyone has ever asked", "nobody attacked".
NO_ONE = {"nobody", "none", "neither", "noone", "no-one"}


def _modality(verb: Token, subject_tokens: list[Token]) -> str:
    """The verb's modality as :func:`modality` reads it, but a clause beside a verb of denial
    or refusal, or a clause of time or reason on one, does not take its negation ("Netanyahu
    rejects the remarks but will meet with him", "when Hurt asked Norton, it declined", "denies
    any wrongdoing and points out that Sanders signed"); a subject that names no one negates
    ("neither Ryan nor anyone has asked"); a bare verb in a "that" clause of asking is wanted,
    not done ("requested that Lazar be released")."""
    mood = modality(verb)
    if any(c.lower_ in NO_ONE or any(g.lower_ in ("neither", "no") and g.dep_ in ("preconj", "det") for g in c.children)
           for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        return "negated"
    if mood == "negated" and not any(c.dep_ == "neg" or c.lower_ in ("not", "n't", "never", "no") and c.dep_ in ("neg", "advmod", "det")
                                     for c in verb.children):
        chain = [verb]
        while chain[-1].dep_ in ("xcomp", "conj", "ccomp", "advcl", "relcl", "acl") and chain[-1].head is not chain[-1] \
                and len(chain) < 3:
            chain.append(chain[-1].head)
        for below, token in zip(chain, chain[1:]):
            if token.lemma_ in NEGATING_HEADS:
                if below.dep_ in ("conj", "advcl"):
                    hypothetical = any(c.dep_ == "aux" and c.lower_ in MODAL_HYPOTHETICAL or c.dep_ == "mark" and c.lower_ in ("if", "unless")
                                       for t in chain[:chain.index(below) + 1] for c in t.children)
                    mood = "hypothetical" if hypothetical else "asserted"
                break
    if verb.dep_ == "ccomp" and _lemma(verb.head) in MANDATIVE_HEADS and verb.tag_ in ("VB", "VBN") and not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if verb.tag_ == "VB" and not auxiliaries or auxiliaries and all(a.tag_ == "VB" for a in auxiliaries):
            return "hypothetical"
    return mood


# Words of holding back: what they govern was not done ("avoided criticizing Comey", "his
# hesitancy to condemn Duke", "to avoid condemning refugees", "rather than arresting them").
AVOIDING_HEADS = {"avoid", "hesitate", "hesitancy", "hesitation", "reluctance", "reluctant", "refrain", "forgo",
                  "forego", "shy", "neglect", "omit", "loath", "unwilling", "unwillingness", "escape", "evade"}


def _avoided(verb: Token) -> bool:
    """A gerund or an infinitive whose head is a word of holding back, or that follows "rather
    than" or "instead of": an act not done."""
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ in ("than", "of") and any(
            t.lower_ in ("rather", "instead") for t in (head.doc[head.i - 1:head.i] if head.i > 0 else [])):
        return True
    if verb.dep_ in ("xcomp", "dobj", "acl", "ccomp", "pcomp") and (_lemma(head) in AVOIDING_HEADS or head.lower_ in AVOIDING_HEADS):
        return True
    if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" and _lemma(c) in AVOIDING_HEADS for c in head.children):
        return True  # "blamed his hesitancy to condemn Farage", the infinitive parsed onto the verb
    return verb.dep_ == "pcomp" and head.pos_ == "ADP" and _lemma(head.head) in AVOIDING_HEADS


def _unrealised(verb: Token, mood: str) -> str:
    """The modality of what an infinitive or a gerund says, where the clause above makes it
    something asked, wanted, believed or talked about rather than done: "called to ban
    Muslims", "a proposal to ban Muslims", "a chance to back Trump", "probable cause to make an
    arrest" (an infinitive on a noun says what may be, not what was), "no plans to meet"
    (negated), "did not mention requesting a donation" (a gerund takes its head's negation),
    "he thought that Yellen is keeping rates low to help Obama" (a view, reported)."""
    first = verb
    while (first.dep_ == "conj" and first.head is not first and first.head.pos_ in ("VERB", "AUX")
           and first.tag_ == "VB" and not any(c.dep_ in ("aux", "nsubj", "nsubjpass") for c in first.children)):
        first = first.head
    if first is not verb and any(c.dep_ == "aux" and c.lower_ == "to" for c in first.children):
        verb = first  # "a desire to try, convict and shoot Clinton": the infinitives share their "to"
    head = verb.head
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ == "acl" and infinitive and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
        return "negated"  # "has no plans to meet with Sanders"
    if mood in ("negated", "hypothetical"):
        return mood
    if _is_inverted_condition(verb):
        return "hypothetical"
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and head.lower_ in ("on", "of") and (
            _lemma(head.head) in INTENT_HEADS or head.head.lower_ in INTENT_HEADS):
        return "hypothetical"  # "bent on attacking the United States": an aim, not a deed
    if verb.dep_ in ("xcomp", "ccomp") and infinitive and head.pos_ in ("VERB", "AUX") and _lemma(head) in ASKING_HEADS:
        return "hypothetical"
    if verb.dep_ in ("acl", "relcl") and infinitive and head.pos_ in ("NOUN", "PROPN") and _lemma(head) not in ATTEMPT_NOUNS:
        return "hypothetical"  # (an attempt is an act: "an attempt to kill the president")
    if _avoided(verb):
        return "negated"
    if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and (head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT"):
        if modality(head) == "negated":
            return "negated"
        if _lemma(head) in IDEA_HEADS | ASKING_HEADS:
            return "hypothetical"
    current = verb
    for _ in range(4):
        if current.dep_ not in ("ccomp", "xcomp", "advcl", "conj", "acl", "relcl") or current.head is current:
            break
        current = current.head
        if _lemma(current) in BELIEF_HEADS and current.pos_ in ("VERB", "AUX"):
            return "reported"  # "he thought that Yellen is keeping rates low": a view
    return mood


def _an_idea_not_a_deed(verb: Token) -> bool:
    """"Republicans support deploying ground forces", "suggested boycotting Apple": a gerund
    object of a verb of saying or judging is a course of action talked about; its doer is not
    the one who talks about it."""
    return (verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "dobj", "ccomp") and verb.head.pos_ in ("VERB", "AUX")
            and _lemma(verb.head) in IDEA_HEADS - {"consider"}
            and not any(c.dep_ in ("nsubj", "poss") for c in verb.children))


def _is_generic(verb: Token) -> bool:
    """A clause in the simple present under "when", "whenever" or "where" says what happens
    as a rule, not what happened ("When they attack police officers", "where the Belfast IRA
    leaders meet", "when a British citizen is arrested abroad")."""
    if any(c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS for c in verb.children):
        return True  # "California ISO has traditionally ordered a reduction": a habit, no one event
    if any(_lemma(o) == "time" and o.tag_ == "NNS" for _, o in prep_objects(verb, {"at"})):
        return True  # "at times David Axelrod would meet with Ailes": now and then, no one event
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # the simple present, active or passive ("when a British citizen is arrested abroad")
    present = (verb.tag_ in ("VBP", "VBZ") and not auxiliaries
               or verb.tag_ == "VBN" and len(auxiliaries) == 1 and auxiliaries[0].dep_ == "auxpass"
               and auxiliaries[0].tag_ in ("VBP", "VBZ"))
    if not present:
        return False
    if verb.dep_ not in ("advcl", "relcl", "ccomp", "conj"):
        return False
    first = verb.head if verb.dep_ == "conj" and verb.head.tag_ in ("VBP", "VBZ") else verb
    # the mark may hang on any verb of the coordination ("where the leaders meet and plan")
    return any(c.dep_ in ("advmod", "mark", "det", "npadvmod") and c.lower_ in GENERIC_MARKS
               for clause in [first, *first.conjuncts] for c in clause.children)


def _said_of_speaker(themes: list[Token]) -> bool:
    """Done to the writer or the reader ("he killed me", "admit to murdering me", "shot us"):
    a story told in the first or second person names no actor it was done to."""
    return bool(themes) and (themes[0].lower_ in SPEAKER_PRONOUNS or any(
        c.dep_ == "poss" and c.lower_ in ("my", "your", "our") for c in themes[0].children))  # "your uncle gets killed"


def _counted_in_a_statistic(noun: Token) -> bool:
    """"95% of murders", "half of all attacks", "the number of killings": a bare event noun under a
    share or a count is a class of events in a statistic, not one event."""
    if any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("all",) for c in noun.children):
        return False
    # "95% of murders and murder victims": through a compound's head and up a coordination
    phrase = noun.head if noun.dep_ == "compound" else noun
    for _ in range(4):
        if phrase.dep_ != "conj":
            break
        phrase = phrase.head
    if phrase.dep_ != "pobj" or phrase.head.lower_ != "of":
        return False
    whole = phrase.head.head
    return (whole.ent_type_ in ("PERCENT", "CARDINAL") or whole.pos_ == "NUM" or whole.lower_ in ("%", "percent")
            or _lemma(whole) in ("share", "proportion", "majority", "half", "third", "quarter", "rate", "number",
                                 "most", "many", "fraction", "percentage", "minority", "some", "none", "few", "count"))


# --------------------------------------------------------------------------------------------
# Finding events


def find_events(doc: Doc, index: MentionIndex, dates: list[dict],
                actor_types: dict[str, str] | None = None) -> list[dict]:
    """Every event of the article, one row per event however often it is told. ``actor_types``
    (actor id -> person, organization, country, place, group) lets the confidence weigh who the
    doer is: a city or a product "accusing" someone is seldom right."""
    events: list[dict] = []
    nouns = _learned()["noun_triggers"]
    # who each actor is (a person, an organisation...), for the rules that tell words from deeds
    # by who does them: the tagger reads "Trump" as an organisation in some sentences
    index.actor_types = actor_types or {}
    # Only tokens with an event lemma can fire: look at the lemmas before making Token objects.
    for i, lemma in enumerate(lower_lemmas(doc)):
        if lemma in EVENT_VERBS:
            token = doc[i]
            if token.pos_ == "VERB" and _lemma(token) in EVENT_VERBS:
                events.extend(_verb_events(token, index, dates))
                continue
        if lemma in nouns:
            token = doc[i]
            if token.pos_ == "NOUN" and not _is_supported_elsewhere(token) and not _names_something_else(token):
                events.extend(_noun_events(token, nouns[_lemma(token)], index, dates))
    events = _group_mentions(events)
    for event in events:
        event["subject_type"] = (actor_types or {}).get(event["subject_actor_id"])
        event["confidence"] = confidence_of(event)
    return events


# Heads an event noun modifies that are still about that event ("the bombing suspect").
EVENT_PARTICIPANT_HEADS = {"suspect", "victim", "survivor", "site", "scene", "investigation", "probe", "trial",
                           "plot", "anniversary", "aftermath", "toll", "case", "attempt", "incident", "outrage",
                           "spree", "campaign", "wave", "series"}


def _names_something_else(noun: Token) -> bool:
    """An event noun that modifies another noun names a kind of thing, not an event: an
    "arrest warrant", an "attack helicopter", a "blast wall"."""
    if noun.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in noun.children) and any(
            c.dep_ == "conj" and c.tag_ == "NNS" and any(g.dep_ == "compound" for g in c.children) for c in noun.children):
        return True  # "arrest and accident reports": both modify "reports"
    return noun.dep_ == "compound" and _lemma(noun.head) not in EVENT_PARTICIPANT_HEADS


def _group_mentions(events: list[dict]) -> list[dict]:
    """One event for each event the article tells, however often it names it: a later definite
    noun with no actor of its own ("... the blast ... the explosion") is a mention of the event
    named before (the last one of that type, when its date does not differ; "an attack" is a
    new one), and so is a verb whose subject or whose "in" phrase is the event noun ("the
    explosion killed 12", "12 were killed in the explosion", "a bomb exploded, killing 12")."""
    kept: list[dict] = []
    told_by_another: list[tuple[int, dict]] = []
    for event in sorted(events, key=lambda e: (e["trigger"]["start"], e["type"])):
        via, definite = event.pop("via", None), event.pop("definite", False)
        if via is not None:
            told_by_another.append((via, event))
            continue
        target = None
        if definite:
            target = next((k for k in reversed(kept) if k["type"] == event["type"]), None)
            if target is not None and event["date"] and target["date"] and event["date"] != target["date"]:
                target = None
        if target is None:
            kept.append(event)
        else:
            _add_mention(target, event)
    for via, event in told_by_another:
        # the killing is the explosion's, unless it names a victim the event has not ("the
        # attacks on Iran killed its leader" stays a row of its own)
        target = next((k for k in kept if any(m["start"] == via for m in k["mentions"]) and k["type"] == event["type"]
                       and event["subject_actor_id"] in (None, k["subject_actor_id"])
                       and event["object_actor_id"] in (None, k["object_actor_id"])
                       and (event["object_actor_id"] is None or k["object_actor_id"] is not None
                            or k["subject_actor_id"] is None and k.get("object_text") is None)), None)
        if target is None:
            kept.append(event)
        else:
            _add_mention(target, event)
    return sorted(kept, key=lambda e: (e["trigger"]["start"], e["type"]))


def _add_mention(target: dict, event: dict) -> None:
    """Another mention of ``target``: what it adds (whom, where, when) fills what was missing."""
    target["mentions"] = sorted([*target["mentions"], event["trigger"]], key=lambda m: m["start"])
    for key in ("object_actor_id", "object_text", "place_actor_id", "date"):
        if target.get(key) is None and event.get(key) is not None and (
                key != "object_text" or target.get("object_actor_id") is None):
            target[key] = event[key]


def _verb_events(verb: Token, index: MentionIndex, dates: list[dict]) -> list[dict]:
    lemma = _lemma(verb)
    if verb.text[:1].isupper() and not verb.is_sent_start and verb.i > 0 and verb.nbor(-1).is_alpha:
        return []  # a capitalised verb inside a sentence is a heading's word ("... Calls for calm")
    particle = PARTICLE_VERBS.get(lemma)
    if particle and not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return []
    if is_market_move(verb):
        return []
    kind = EVENT_VERBS[lemma]
    # "the six service members killed", "the 49 people killed at Pulse": a participle on a noun
    # is a passive, even when the tagger reads it as a past tense
    reduced = verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("nsubj", "dobj") for c in verb.children)
    # "was arrested and charged": a participle coordinated with a passive shares its auxiliary
    shared = (verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head)
              and not any(c.dep_ in ("nsubj", "aux", "dobj") for c in verb.children))
    # "Asked by Stephanopoulos to respond, Carson said": a participle with a "by" phrase is a
    # passive whose doer is that phrase, not the subject of the clause it hangs on
    participle = (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl", "ccomp") and agent_of(verb) is not None
                  and not any(c.dep_ in ("aux", "nsubj") for c in verb.children))
    # "Bob Wickman, acquired from the Yankees on Friday, earned the win": a participle set off by
    # a comma after its noun, with no auxiliary and no object, is a passive the parser took for
    # the clause's verb; its "subject" is what was acquired
    set_off = (verb.tag_ == "VBN" and verb.i > 0 and verb.doc[verb.i - 1].text == ","
               and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
               and any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children))
    if set_off:
        agent = agent_of(verb)
        subject_tokens = [agent] if agent is not None else []
        themes = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    elif _is_reduced_passive(verb) and agent_of(verb) is None and not participle:
        # "when asked by no one named": the doer is unsaid; only events that stand without
        # one are kept, with the subject of the clause above as whom
        subject_tokens, themes = [], subjects(verb.head)
    elif is_passive(verb) or reduced or shared or participle:
        # "Camp Bastion was attacked by the Taliban", "Chekatt, shot dead by police".
        agent = agent_of(verb)
        subject_tokens = [agent] if agent is not None else []
        themes = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not themes and verb.dep_ == "conj" and is_passive(verb.head):
            themes = [c for c in verb.head.children if c.dep_ == "nsubjpass"]  # "was arrested and charged"
        if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN", "NUM") and (
                not themes or themes[0].lower_ in ("which", "that", "who", "whom")):
            themes = [verb.head]  # "Pixar, which was acquired by Disney"
        if participle and not themes and verb.dep_ == "advcl":
            themes = subjects(verb.head)  # "Asked by Stephanopoulos ..., Carson said": Carson was asked
    else:
        subject_tokens = subjects(verb)
        themes = direct_objects(verb)
        own = any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        if not own and verb.dep_ in ("advcl", "conj") and is_passive(verb.head):
            # "the building was shattered by an explosion, killing 168": the explosion killed,
            # not the building: a clause hanging on a passive borrows its agent.
            agent = agent_of(verb.head)
            subject_tokens = [agent] if agent is not None and verb.dep_ == "advcl" else subject_tokens
            if verb.dep_ == "advcl" and agent is None:
                subject_tokens = []
        controller = _controller(verb)
        if not own and controller is None and _on_a_noun_judged(verb):
            subject_tokens = []  # "Mercury opposed congressional efforts to pressure Ukraine": not Mercury's
        holder_noun = None if own or controller is not None else _infinitive_on_object(verb)
        if holder_noun is not None:
            # "Khan decried Trump's calls to ban Muslims": the calls' holder would ban, not Khan;
            # with no holder, one taking a stand on the noun does not do it either (but "made a
            # promise to visit", "took steps to block": the subject does)
            holder = [c for c in holder_noun.children if c.dep_ == "poss"]
            if holder and holder[0].pos_ == "PRON":
                pass  # "Trump renewed his calls to ban": his own, the clause's subject
            elif holder or _lemma(verb.head) in STANCE_HEADS:
                subject_tokens = holder
        if not own and controller is None and verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "pcomp"):
            # "unease about Mr. Clinton returning to the White House", "with Sanders leading":
            # a name right before a gerund is its subject
            before = verb.doc[verb.i - 1] if verb.i > 0 else None
            if before is not None and before.dep_ == "pobj" and before.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
                    and before.head.lower_ not in ("to", "from", "by") and index.actor(before):
                # (not "a letter to Lynch asking the Justice Department": the letter asks)
                subject_tokens = [before]
        if not own and controller is not None:
            subject_tokens = [controller]
        elif not own and _asked_of_someone_unsaid(verb):
            subject_tokens = []  # "when asked to condemn the Klan": who was asked, unsaid here
    if themes and themes[0].lower_ in INTENSIFIER_OBJECTS:
        # "bomb the hell out of Islamic State terrorists": the target is what follows "out of"
        themes = [o for p, o in prep_objects(verb, {"of"})] or [
            o for c in verb.children if c.dep_ in ("prep", "prt") and c.lower_ == "out" for p, o in prep_objects(c, {"of"})]
    if lemma in ("seize", "capture") and themes and _lemma(themes[0]) == "control":
        # "the Taliban seized control of Kabul": what they took control of is what was taken
        themes = [o for _, o in prep_objects(themes[0], {"of", "over"})] or themes
    kind = _sense(verb, lemma, kind, themes, index)
    if kind == "attack" and lemma in ("open", "fire"):
        # "opened fire on Palestinian protesters", "fired rockets at Israel": what the fire was
        # opened on, or the shots fired at, is what was attacked
        themes = [o for t in (verb, *themes) for p, o in prep_objects(t, {"at", "on", "upon", "into"})] or themes
    if kind is not None and _names_a_charged_crime(verb):
        return []  # "charged with conspiracy to coerce and entice": the crime charged, no act told
    # "attacked him with a bottle": a thing in hand, not words, makes it violence
    armed = any(o.pos_ == "NOUN" and not any(_lemma(t) in MESSAGE_NOUNS | WORDS_NOUNS | WORDS_OF_CRITICISM for t in o.subtree)
                for o in _with_objects(verb))  # not "with a barrage of insults"
    if kind == "attack" and lemma in VERBAL_ATTACKS and themes and _is_animate(themes[0], index) and any(
            p.dep_ == "prep" and p.lower_ == "for" and any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in p.children)
            for p in verb.children):
        kind = "condemn"  # "Algeria attacked Britain for allowing Islamist groups to meet": blamed for a doing
    if kind == "attack" and lemma in VERBAL_ATTACKS and _by_a_person(subject_tokens, index) and themes and not armed and not any(
            _is_attackable(t, index) and not _is_animate(t, index)
            or t.ent_type_ in ("GPE", "ORG", "NORP") and not _is_a_person(t, index) for t in themes):
        # "Trump attacked Machado in tweets": a person attacking a person with words criticises;
        # attacking "changes states made in voting laws" criticises no one
        kind = "condemn" if _is_animate(themes[0], index) else None
    if kind == "attack" and lemma in VERBAL_ATTACKS and themes and (
            prep_objects(verb, {"as"}) or any(_lemma(t) in MESSAGE_NOUNS for t in subject_tokens)
            or verb.dep_ == "acl" and _lemma(verb.head) in MESSAGE_NOUNS
            or verb.dep_ == "advcl" and verb.tag_ == "VBG" and any(
                c.dep_ == "dobj" and _lemma(c) in MESSAGE_NOUNS for c in verb.head.children)):
        # "attack Obama as a job killer": a name called; "an ad hitting Strickland", "ran an ad
        # last August hitting Strickland": words put out
        kind = "condemn" if _is_animate(themes[0], index) else None
    if kind == "attack" and lemma in VERBAL_ATTACKS and not themes and _by_a_person(subject_tokens, index) and not (
            {t.lemma_.lower() for t in sentence_of(verb) if t.i != verb.i} & VIOLENCE_WORDS):
        kind = None  # "How hard will Clinton attack?": a person attacking no one named, with no violence told
    if kind is None:
        return []
    if verb.tag_ == "VBG" and (verb.dep_ in ("csubj", "nsubj", "acomp", "amod")
                               or verb.i == verb.sent.start and _lemma(verb.head) == "be"
                               or any(c.dep_ == "aux" and _lemma(c) in ("seem", "look", "sound", "appear", "feel")
                                      for c in verb.children)):
        return []  # "Investing in cryptocurrencies is risky", "might seem intimidating": no act told
    if kind in ("purchase", "sale") and verb.dep_ == "xcomp" and _lemma(verb.head) in ASPECTUAL_HEADS:
        return []  # "Apple began selling other media", "continues to buy Russian oil": a line of business, no one deal
    if kind in ("purchase", "sale") and verb.tag_ in ("VBZ", "VBP") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children) and themes and all(
            t.pos_ == "NOUN" and not any(c.dep_ in ("det", "nummod", "poss") for c in t.children) for t in themes[:1]):
        return []  # "manufactures golf clubs and sells ski equipment": the simple present with goods of a kind is a trade plied
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and (_is_imperative(verb.head) or _opens_a_quoted_order(verb.head)):
        return []  # "stop killing black people", chanted: an order's gerund tells no event
    if _is_imperative(verb) or _opens_a_quoted_order(verb) or _is_generic(verb) or _said_of_speaker(themes) \
            or _an_idea_not_a_deed(verb) or _is_exhortation(verb):
        return []  # an order, a rule, or the writer's own story: no event between actors told
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and (index.mention_by_token.get(verb.head.i) or {}).get("kind") == "demonym":
        return []  # "Muslims traveling to the United States": a class of people, not an event
    if any(_lemma(t) in ("percent", "%", "per") for t in subject_tokens):
        return []  # "1 percent support Jill Stein": a poll's share, not an actor's act
    subject_actors: list[str | None] = []
    via = None
    if kind == "support":
        # "Trump's behavior will help them", "praise from Putin helps the U.S.": a thing that
        # helps is no backer, whoever it belongs to; "Indiana supported Bush", "the Inland Empire
        # supports Trump": a state, a city or a region backs no one, its voters do
        types = getattr(index, "actor_types", {})
        subject_tokens = [t for t in subject_tokens if not (
            t.pos_ == "NOUN" and not _is_animate(t, index) and _lemma(t) not in MESSAGE_NOUNS | STATE_NOUNS
            or index.actor(t) and types.get(index.actor(t)) == "place")]
    for subject in subject_tokens:
        if _lemma(subject) in _learned()["noun_triggers"] or _lemma(subject) in ("explosion", "blast", "bomb"):
            # "the Paris attacks killed 130": the attack's own agent, not its place.
            found = _noun_agents(subject, index)
            if _lemma(subject) in _learned()["noun_triggers"]:
                via = subject.idx  # "the explosion killed 12": one event, told twice
        else:
            found = _agents(subject, index)
        subject_actors.extend(a for a in found if a not in subject_actors)
    if subject_actors and not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in verb.children):
        # "Bloomberg pegged him at $2.9 billion, which Trump called a disgrace, blaming Michael
        # R. Bloomberg": a doer read from another clause who is also whom the verb names is the
        # wrong one (no one blames or backs themselves so)
        named = {index.actor(t) for t in themes} - {None}
        if named & set(subject_actors):
            return []
    if not subject_actors:
        if not _unstated(verb, lemma, kind, subject_tokens, themes, index):
            return []
        subject_actors = [None]  # "a bomb exploded", "three people were arrested": who, the text does not say
        if via is None and verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ == "VERB":
            via = verb.head.idx  # "a bomb exploded, killing 12": what the explosion did
        if via is None:
            # "12 people were killed in the explosion": the explosion's doing
            via = next((o.idx for p, o in prep_objects(verb, {"in", "during"})
                        if _lemma(o) in _learned()["noun_triggers"]), None)
    if kind == "travel":
        # Where to, not how: "flew back to Belfast in an RAF plane".
        goals = [o for holder in [verb, *(c for c in verb.children if c.dep_ in ("advmod", "prt"))]
                 for p, o in prep_objects(holder, DESTINATION_PREPS - {"in"} if lemma != "arrive" else {"in", "at"})]
        # a demonym before a plural is no destination: "visited mainly Moslem countries" names
        # none ("flew to the Chinese capital" is to China)
        object_actor = next((a for g in [*goals, *themes] for a in index.actors_of_phrase(g, include_modifiers=False)
                             if a not in subject_actors and (g.tag_ not in ("NNS", "NNPS") or not any(
                                 t.i in index.mention_by_token and index.by_token[t.i] == a
                                 and index.mention_by_token[t.i].get("kind") == "demonym" for t in g.subtree))), None)
    elif kind == "meet" and themes and _names_a_gathering(_theme(themes[0])):
        # "Bismarck hosted the Berlin Conference": the gathering is what, not whom
        object_actor = _object_actor(verb, [], index, subject_actors, kind)
    else:
        object_actor = _object_actor(verb, themes, index, subject_actors, kind)
    mood = _unrealised(verb, _modality(verb, subject_tokens))
    if mood == "asserted" and verb.dep_ == "xcomp" and (_lemma(verb.head) in READINESS_HEADS or verb.head.lower_ in READINESS_HEADS):
        mood = "hypothetical"  # "Republicans willing to back a Democrat", "is scheduled to meet": would, not did
    if mood == "asserted" and any(c.dep_ == "advcl" and c.i < verb.i and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                                          for m in c.children)
                                  for c in verb.children):
        mood = "hypothetical"  # "If I leave this unchecked, the Gestapo will arrest them": what follows a condition
    if kind == "attack" and subject_actors == [None] and mood in ("hypothetical", "negated"):
        return []  # "could be attacked", "to prevent attacks": an event not told, by no one named
    arg0, arg1 = verb_arguments(verb, THEME_PREPS.get(lemma, ()))
    made = _make(verb, kind, lemma, "verb", subject_actors, object_actor, mood, index, dates,
                 arg0, arg1, place=_place([verb], index, subject_actors, object_actor),
                 object_text=None if object_actor else _object_text([_theme(t) for t in themes]))
    for event in made:
        event["via"] = via
    return made


def _is_explosive(token: Token) -> bool:
    """A bomb, a device, explosives, "a car bomb", "a suicide vest"."""
    return _lemma(token) in EXPLOSIVE_NOUNS or token.lower_ in EXPLOSIVE_NOUNS or any(
        c.dep_ == "compound" and _lemma(c) in ("bomb", "explosive") for c in token.children)


def _explosive_event(verb: Token, lemma: str, themes: list[Token], index: MentionIndex) -> bool:
    """"A bomb exploded", "detonated a device", "some 21 bombs had gone off", "blew up a bus",
    "blew himself up"; not a boiler, a market or a temper. A pronoun ("it exploded") is an
    explosive when the sentence or the one before names one."""
    actives = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or subjects(verb)
    things = [_theme(t) for t in [*themes, *actives]]
    if any(_is_explosive(t) for t in things):
        return True
    if lemma == "blow" and themes and (themes[0].lower_.endswith("self") or themes[0].lower_.endswith("selves")
                                       or _is_attackable(_theme(themes[0]), index) and not themes[0].pos_ == "PRON"):
        return True
    if any(t.lower_ in ("it", "they", "which", "that") for t in actives) or any(t.lower_ in ("it", "them") for t in themes):
        sentence = sentence_of(verb)
        start = sentence_of(verb.doc[sentence.start - 1]).start if sentence.start > 0 else sentence.start
        return any(_is_explosive(t) for t in verb.doc[start:verb.i] if t.pos_ == "NOUN")
    return False


# Words of an attack that are also words of criticism, and what says which.
WORDS_OF_CRITICISM = {"attack", "assault"}
# Bodies that govern or contend for government, which a person attacks in words.
GOVERNING_BODIES = {"government", "administration", "cabinet", "opposition", "party", "leadership", "parliament",
                    "congress", "establishment", "coalition", "policy", "policies", "ministry", "minister",
                    "president", "premier", "chancellor", "leader", "critic", "rival", "media", "press"}
# Names of things, not of anyone or anywhere: a law, a work, a product, an event, a language.
THING_ENTITIES = {"LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE"}
VERBAL_MODIFIERS = {"political", "verbal", "personal", "rhetorical", "harsh", "scathing", "sharp", "blistering",
                    "fierce", "withering", "partisan", "double-barreled", "negative", "ad", "campaign", "public", "racist",
                    "sexist", "vicious", "unprecedented", "written", "cyber", "online"}
# What a battle or a war is fought over or in when no one is hurt: "the nomination battle".
NONVIOLENT_CONTESTS = CONTEST_NOUNS | VERBAL_MODIFIERS | {
    "court", "legal", "budget", "political", "culture", "trade", "price", "bidding", "custody", "turf", "rating",
    "tariff", "currency", "patent", "proxy", "word", "bid", "talent", "streaming", "console", "format", "ad", "court",
    "legislative", "congressional", "judicial", "regulatory", "procedural", "uphill", "public", "media", "pr", "tax"}
VIOLENT_MODIFIERS = {"terror", "terrorist", "suicide", "bomb", "truck", "van", "knife", "gun", "armed", "deadly",
                     "militant", "rocket", "missile", "chemical", "air", "military", "mortar", "grenade", "arson",
                     "acid", "machete", "car", "drone", "insurgent", "jihadist", "extremist", "violent", "bloody",
                     "murderous", "fatal", "lethal", "mass", "gas", "nerve", "shooting", "stabbing", "sniper",
                     "artillery", "tank", "naval", "ground", "cross-border", "massive", "coordinated", "brutal"}
# Words of politics and speech around an "attack": one made in words ("in this presidential race").
VERBAL_CONTEXT = {"race", "campaign", "election", "debate", "ad", "advert", "tweet", "speech", "rhetoric",
                  "criticism", "column", "editorial", "op-ed", "interview", "podcast", "primary", "poll", "candidate",
                  "rival", "opponent", "voter", "nomination", "seat", "senate", "politician", "establishment",
                  "outsider", "strategy", "message", "pundit", "nominee", "delegate", "convention", "vote",
                  "insult", "press", "conference", "grass-roots", "surge", "party"}
# Words in the sentence that make an attack physical: a weapon, a wound, a death.
VIOLENCE_WORDS = EXPLOSIVE_NOUNS | {"kill", "injure", "wound", "dead", "death", "die", "casualty", "victim", "gun",
                                    "gunman", "shoot", "knife", "stab", "explode", "blast", "explosion", "bombing",
                                    "terror", "terrorist", "militant", "weapon", "fire", "hostage", "attacker",
                                    "assailant", "soldier", "troop", "army", "police", "injured", "wounded"}


def _violence_is_plain(trigger: Token, lemma: str, targets: list[Token], index: MentionIndex) -> bool:
    """With no attacker named, an "attack" or "assault" is violence only when something says
    so: a weapon or a killer's word before it ("a terror attack", "knife attack"), a target
    that is a place or a thing ("the attack on the consulate"), or a weapon, wound or death in
    its sentence ("the attack killed 12"). "A harsh attack on Ben Carson", "attacks on the
    project's journalists", "Carson, attacking critics" are words. An explosion or a blast is
    an attack only beside an explosive or a sign of attack in the article before it ("the
    explosion at the Chernobyl reactor" is an accident)."""
    mods = {_lemma(c) for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")} | {
        c.lower_ for c in trigger.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & VERBAL_MODIFIERS:
        return False
    sentence = sentence_of(trigger)
    words = {t.lemma_.lower() for t in sentence if t.i != trigger.i}
    if lemma in ("explosion", "blast", "explode", "blow"):
        # A weapon or an attack told anywhere before makes the article's blasts a weapon's; a word
        # of harm tells of this blast only near it (its sentence and the few before): "the dead
        # of night" far above in a long article tells nothing of "the blasts" a telescope records.
        first = sentence
        for _ in range(EXPLOSION_CONTEXT_SENTENCES):
            if first.start == 0:
                break
            first = sentence_of(trigger.doc[first.start - 1])
        near = trigger.doc[first.start:sentence.end]
        before = trigger.doc[:sentence.end]
        harm = {"kill", "injure", "wound", "dead", "casualty", "victim", "injured", "wounded"}
        if any(_lemma(o) in WORKS_NOUNS for _, o in prep_objects(trigger, {"at", "in", "on"})):
            # "an explosion at Repsol's refinery, which killed four workers": deaths at a works
            # are an accident's unless a weapon or an attack is told
            harm = set()
        weapon = EXPLOSIVE_NOUNS | {"terror", "terrorist", "attack", "bombing", "suspect", "detonate", "attacker",
                                    "militant", "jihadist"}
        return bool(words & harm) or any(t.lemma_.lower() in harm for t in near if t.i != trigger.i) or any(
            t.lemma_.lower() in weapon for t in before if t.i != trigger.i)
    if trigger.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "these", "those")
                                      or c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in trigger.children):
        # "the attack", "Saturday's attack": one told before, violent if what came before says so.
        words |= {t.lemma_.lower() for t in trigger.doc[:sentence.start]}
    if lemma not in WORDS_OF_CRITICISM:
        return True
    own = {t.lemma_.lower() for t in sentence if t.i != trigger.i}
    if own & VERBAL_CONTEXT and not own & VIOLENCE_WORDS and not mods & VIOLENT_MODIFIERS:
        return False  # "the sustained attack that is just getting started in this presidential race"
    if mods & VIOLENT_MODIFIERS:
        return True
    if any(not _is_animate(t, index) and _is_attackable(t, index) for t in targets):
        return True
    return bool(words & VIOLENCE_WORDS)


# What a crime is named under when it is charged, not told: "charges of murder", "charged with murder".
CHARGE_WORDS = {"charge", "count", "conviction", "accusation", "indictment", "convict", "accuse", "suspicion",
                "guilty", "allegation", "indict"}
BULLETS = {"*", "•", "·", "–", "-"}


def _names_a_kind(noun: Token) -> bool:
    """"These types of attacks", "attacks like Paris": a kind of event, not one; "charges of
    murder", "charged with murder": the crime a charge names (the event, if told, is told
    elsewhere); "* 2016 Bagram Airfield bombing": a list's item names an event, as a link in
    a "See also" list does, without telling it."""
    head = noun.head.head if noun.dep_ == "pobj" else None
    if head is not None and (_lemma(head) in ("type", "kind", "sort", "form") or _lemma(head) in CHARGE_WORDS):
        return True
    i = noun.i - 1
    while i >= max(0, noun.i - 5) and noun.doc[i].pos_ in ("PROPN", "NUM", "ADJ", "DET", "NOUN", "PART"):
        i -= 1  # back over the item's words: "* 2016 Bagram Airfield bombing"
    if i >= 0 and noun.doc[i].text in BULLETS - {"-", "–"} and noun.dep_ not in ("nsubj", "nsubjpass") and not any(
            c.pos_ in ("VERB", "AUX") for c in noun.children):
        return True
    text = noun.doc.text
    line_start = text.rfind("\n", 0, noun.idx) + 1
    line_end = text.find("\n", noun.idx)
    line_end = len(text) if line_end < 0 else line_end
    if text[line_start:line_end].lstrip()[:1] in BULLETS and not any(
            t.pos_ in ("VERB", "AUX") for t in noun.doc.char_span(line_start, line_end, alignment_mode="expand") or ()):
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("like", "such") for c in noun.children)


def _weapon_fire(token: Token) -> bool:
    return _lemma(token) in ("fire", "gunfire") and (_lemma(token) == "gunfire" or any(
        _lemma(c) in WEAPON_FIRE for c in token.children if c.dep_ in ("compound", "amod", "nmod")))


def _unstated(verb: Token, lemma: str, kind: str, subject_tokens: list[Token], themes: list[Token],
              index: MentionIndex) -> bool:
    """Whether the event stands with no actor named: an attack told by its victims or its
    weapon ("a major general was killed", "an IED killed...", "gunmen shot two men"), not a death
    by accident, nature or illness; an arrest or a release told by who was held ("three people
    were arrested", "police detained 12"), not a patient kept in hospital."""
    if kind not in UNSTATED_ACTOR_TYPES and not (kind == "accuse" and lemma in CHARGE_VERBS):
        return False
    subject_tokens = [t for t in subject_tokens if t.ent_type_ not in ("DATE", "TIME")]  # "by the end of 1972"
    places = [o for p, o in prep_objects(verb, {"in", "by", "from", "after", "during", "at", "on"})]
    if kind in ("arrest", "release", "accuse"):
        if any(_lemma(o) in NOT_CUSTODY for o in places) or kind == "release" and (
                _lemma(verb.head) in PATIENT_VERBS or any(_lemma(c) in PATIENT_VERBS for c in verb.children if c.dep_ == "conj")):
            return False
        # Who was held is a person ("three people", "Navalny", "she", "thousands"), not a product
        # released; one arrests only people, but one releases films and reports too.
        held = [_theme(t) for t in themes[:1]]
        if not held or held[0].ent_type_ in ("PRODUCT", "WORK_OF_ART", "ORG", "MONEY", "PERCENT") \
                or _lemma(held[0]) in _learned()["goods"]:
            return False
        person = (held[0].ent_type_ in ("PERSON", "NORP") or _lemma(held[0]) in _learned()["animate"]
                  or held[0].pos_ == "PRON" and held[0].lower_ not in ("it", "this", "that", "which"))
        if kind == "release" and not person:
            return False
        return all(_is_animate(t, index) or t.pos_ == "PRON" for t in subject_tokens)
    if lemma not in UNSTATED_ATTACK_VERBS:
        return False
    if not _violence_is_plain(verb, lemma, [_theme(t) for t in themes], index):
        return False
    if any((_lemma(t) in NOT_VIOLENCE or any(_lemma(c) in NOT_VIOLENCE for c in t.children if c.dep_ in ("amod", "compound")))
           and not _weapon_fire(t) for t in [*subject_tokens, *places]):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in NOT_VIOLENCE for c in verb.children):
        return False  # "the device detonated accidentally"
    # "20 people were killed when two trucks collided": an accident told by its cause, wherever
    # the clause hangs ("11 killed and 60 others injured when lightning struck"); not "when a
    # vehicle touched off an IED"
    if any(c.dep_ == "advcl" and (_lemma(c) in ACCIDENT_VERBS or any(
            s.dep_ == "nsubj" and _lemma(s) in NOT_VIOLENCE for s in c.children))
           and not any(_lemma(t) in EXPLOSIVE_NOUNS for t in c.subtree)
           for c in (*verb.subtree, *(t for v in verb.conjuncts for t in v.subtree))):
        return False
    for subject in subject_tokens:
        if subject.lower_ in ("which", "that", "who") and verb.dep_ == "relcl":
            subject = verb.head  # "the attack, which killed three people"
        if _lemma(subject) in ("explosion", "blast") and not _violence_is_plain(subject, _lemma(subject), [], index):
            return False  # "an explosion at a chemical plant killed 12": an accident's dead, as the noun alone
        if (_is_explosive(subject) or _lemma(subject) in VIOLENT_ACT_NOUNS or _lemma(subject) in ARMED_PEOPLE
                or subject.lower_ in ARMED_PEOPLE or _weapon_fire(subject) or any(
                    _lemma(c) in ARMED_MODIFIERS for c in subject.children if c.dep_ in ("amod", "compound"))):
            continue  # "gunmen", "a suicide bomber", "the militant group", "mortar fire"
        if subject.lower_ in ("it", "they") and (lemma in EXPLOSION_VERBS or _lemma(verb.head) in EXPLOSION_VERBS):
            continue  # "it exploded, killing two soldiers"
        return False
    return True


def _place(tokens: list[Token], index: MentionIndex, taken: list, object_actor: str | None) -> str | None:
    """Where: a place that is an actor after "in", "at" or "near" on the trigger or its clause
    ("killed in Syria", "the attack in Lyon"), or before an event noun ("the Paris attacks")."""
    for token in tokens:
        if token is None:
            continue
        candidates = [o for p, o in prep_objects(token, {"in", "at", "near", "outside"})]
        candidates += [o for c in candidates for p, o in prep_objects(c, {"in", "at", "near", "outside"})]  # "in the market in Kabul"
        if token.pos_ == "NOUN":
            candidates += [c for c in token.children if c.dep_ in ("compound", "nmod", "amod")]
        for candidate in candidates:
            for head in [candidate, *candidate.conjuncts]:
                actor = index.actor(head)
                if actor and head.ent_type_ in ("GPE", "LOC", "FAC") and actor not in taken and actor != object_actor:
                    return actor
    return None


def _object_text(themes: list[Token]) -> str | None:
    """Whom or what, as the text words it, when no actor is named ("13 people", "a bakery")."""
    for theme in themes:
        if theme.pos_ in ("NOUN", "PROPN", "NUM") and theme.lower_ not in ("which", "that", "who") \
                and theme.ent_type_ not in ("DATE", "TIME"):  # "an attack on 13 September": when, not whom
            start = theme.left_edge.idx
            end = theme.idx + len(theme)
            text = theme.doc.text[start:end]
            return text if len(text) <= 80 else theme.text
    return None


# Verbs of beginning, going on or ending: with a verb of trade they tell a practice, not one sale.
ASPECTUAL_HEADS = {"begin", "start", "continue", "keep", "stop", "cease", "resume", "quit"}
# Verbs whose clause's subject is their object: "called on Trump to stop attacking Machado",
# "urged Republicans to join", "asked Iran to release".
OBJECT_CONTROL = {"ask", "urge", "order", "tell", "call", "persuade", "convince", "force", "allow", "help", "encourage",
                  "invite", "instruct", "beg", "press", "pressure", "push", "warn", "request", "require",
                  # "the 50 Obama authorized to assist rebels", "drove Armenians to demand a referendum"
                  "authorize", "authorise", "permit", "enable", "empower", "drive", "prompt", "inspire", "cause",
                  "lead", "commission", "hire", "recruit", "send", "deploy", "train", "pay", "implore",
                  # "the FBI recorded him instructing a witness": the one seen or heard does it
                  "see", "hear", "watch", "record", "film", "catch", "show", "spot", "observe", "photograph", "notice"}
# Attack verbs that are also verbs of criticism.
VERBAL_ATTACKS = {"attack", "assault", "hit", "target", "blast", "slam"}


# Verbs of taking a stand on something: who takes it is not who would do what it is about.
STANCE_HEADS = {"oppose", "support", "back", "reject", "resist", "fight", "block", "welcome", "praise", "criticize",
                "criticise", "condemn", "denounce", "applaud", "slam", "decry", "question", "challenge", "protest",
                "dismiss", "mock", "ridicule", "endorse", "favor", "favour", "stop", "thwart", "obstruct", "derail"}


def _infinitive_on_object(verb: Token) -> Token | None:
    """The noun an infinitive belongs to when the parser hung it on the verb instead: "decried
    Trump's calls to ban Muslims", "opposed efforts to pressure Ukraine" (the infinitive follows
    the verb's object at once, and the verb is not one of asking someone to act, where the
    object is who acts: "urged Trump to resign")."""
    if verb.dep_ != "xcomp" or _lemma(verb.head) in OBJECT_CONTROL:
        return None
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if to is None:
        return None
    for noun in verb.head.children:
        if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.right_edge.i + 1 == to.i and _lemma(noun) in INFINITIVE_NOUNS:
            return noun
    return None


# Nouns that take an infinitive of what is to be done ("calls to ban", "a plan to sell"), not
# one of purpose ("used his speech to call for"): the infinitive after them is theirs.
INFINITIVE_NOUNS = {"call", "plan", "promise", "effort", "attempt", "bid", "pledge", "proposal", "vow", "threat",
                    "push", "move", "decision", "demand", "order", "request", "appeal", "offer", "refusal",
                    "failure", "right", "authority", "power", "permission", "chance", "opportunity", "desire",
                    "willingness", "ability", "intention", "commitment", "determination", "hesitancy",
                    "reluctance", "readiness", "campaign", "drive", "scheme", "idea", "suggestion", "urge"}


def _on_a_noun_judged(verb: Token) -> bool:
    """An infinitive on a noun with no holder of its own ("efforts to pressure Ukraine", "a
    plan to ban Muslims"), the noun the object of a verb of taking a stand ("Mercury opposed
    congressional efforts to pressure Ukraine"): the one taking the stand does not do it."""
    if verb.dep_ != "acl" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "dobj" or any(c.dep_ == "poss" for c in noun.children):
        return False
    return _lemma(noun.head) in STANCE_HEADS


def _controller(verb: Token) -> Token | None:
    """Who does what an infinitive or gerund clause says, when the verb above it asks, orders or
    urges someone: that someone ("called on Trump to stop attacking" - Trump attacks)."""
    if verb.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
            and verb.head.dep_ == "dobj":
        # "gave President Obama authority to negotiate them", "granted Iran the right to enrich":
        # the one given the power to act is who would act
        dative = next((c for c in verb.head.head.children if c.dep_ == "dative"), None)
        if dative is not None:
            return dative
    current = verb
    for _ in range(2):
        if current.dep_ != "xcomp" or current.head is current:
            return None
        parent = current.head
        if _lemma(parent) in OBJECT_CONTROL:
            if _lemma(parent) == "call":
                # "called on Trump to stop": asked; "called Sanders to congratulate him": phoned,
                # and the caller does what follows
                objects = [o for p, o in prep_objects(parent, {"on", "upon"})]
                return objects[0] if objects else None
            if _is_reduced_passive(parent) or is_passive(parent):
                # "was asked to condemn the Klan": the one asked is the passive's subject
                return next((c for c in parent.children if c.dep_ == "nsubjpass"), None)
            objects = [c for c in parent.children if c.dep_ in ("dobj", "dative")]
            objects = objects or [o for p, o in prep_objects(parent, {"on", "upon"})]
            return objects[0] if objects else None
        current = parent  # "called on Trump to stop attacking": through "stop"
    return None


# Subordinators after which a bare participle is a passive clause cut short: "when asked".
REDUCED_CLAUSE_MARKS = {"when", "if", "once", "as", "unless", "until", "while", "though", "although", "after",
                        "before", "whenever"}


def _is_reduced_passive(verb: Token) -> bool:
    """"when asked to condemn the Klan", "if elected": a past participle with no auxiliary and
    no subject after a subordinator is a passive whose doer is unsaid (and whose subject is the
    clause's it hangs on); the subject of the clause above did not do it."""
    return (verb.tag_ == "VBN" and verb.dep_ in ("advcl", "conj")
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children)
            and any(c.dep_ in ("mark", "advmod") and c.lower_ in REDUCED_CLAUSE_MARKS for c in verb.children))


def _asked_of_someone_unsaid(verb: Token) -> bool:
    """"when asked to condemn the Klan": what an infinitive under a passive verb of asking says
    is done by the one asked; with that one unsaid, the subject of the clause above is no doer."""
    current = verb
    for _ in range(2):
        if current.dep_ != "xcomp" or current.head is current:
            return False
        parent = current.head
        if _lemma(parent) in OBJECT_CONTROL and (_is_reduced_passive(parent) or is_passive(parent)):
            return not any(c.dep_ == "nsubjpass" for c in parent.children)
        current = parent
    return False


def _by_a_person(subjects_: list[Token], index: MentionIndex) -> bool:
    """The subject names a person (or a person's words: "a Donald Trump tweet"): a name that
    is not a state, an organisation or a people ("Trump", not "Russia", "Hamas", "Russians")."""
    for subject in subjects_:
        armed = subject.pos_ == "NOUN" and _lemma(subject) in ARMED_PEOPLE | TROOP_NOUNS
        # "Assad's army attacked the rebels": a person's armed men are no person's words
        named = [subject, *(c for c in subject.children if c.dep_ in ("compound", "poss") and not armed)]
        for token in named:
            if token.ent_type_ == "PERSON" or token.dep_ == "poss" and token.lower_ in ("his", "her"):
                return True  # "her attacks on Sanders": a he or a she is a person
            if (token.pos_ == "PROPN" and index.actor(token) and token.ent_type_ not in ("GPE", "ORG", "NORP", "LOC", "FAC")
                    and (index.mention_by_token.get(token.i) or {}).get("kind") != "demonym"):
                return True
            if index.actor(token) and getattr(index, "actor_types", {}).get(index.actor(token)) == "person" and (
                    index.mention_by_token.get(token.i) or {}).get("kind") != "demonym":
                return True  # the article's person, whatever the tagger read in this sentence
    return False


def _is_supported_elsewhere(noun: Token) -> bool:
    """"launched an attack": the verb rule makes the event already."""
    return noun.dep_ == "dobj" and _lemma(noun.head) == "launch"


# A state of conflict, named by where it is fought: a modifier before it is the place.
CONFLICT_NOUNS = {"war", "civil war", "conflict"}


def _noun_agents(noun: Token, index: MentionIndex) -> list[str]:
    """Who carries out the event a noun names: "Russia's invasion", "the attack by the Taliban",
    "a Taliban attack", "Russian strikes"; a place name before the noun is where ("the Paris
    attacks"), not who."""
    found: list[str] = []
    # "Syria's civil war": a war within a country has no one side; its possessive is where
    civil = _lemma(noun) in CONFLICT_NOUNS and any(c.dep_ == "amod" and c.lower_ == "civil" for c in noun.children)
    for child in noun.children:
        if child.dep_ == "poss" and (_lemma(noun) not in PATIENT_POSSESSIVE_NOUNS or _of_patient(noun)) and not civil:
            if child.pos_ == "NOUN" and not index.actor(child):
                # "the Jewish leaders' meeting", "US officials' visit": whom the people act for,
                # by the rules for people nouns (a faith before them names nobody)
                found.extend(_agents(child, index))
            else:
                found.extend(index.actors_of_phrase(child, include_modifiers=False))
        elif child.dep_ in ("compound", "amod", "nmod") and _a_faith(child):
            continue  # "the Islamic invasion of Europe": a faith is no one who invades
        elif child.dep_ in ("compound", "amod", "nmod") and _lemma(noun) not in CONFLICT_NOUNS:
            # A demonym ("Russian strikes") or an organisation ("a Taliban attack", "IS attacks")
            # is who; a place or a person there is where or whom ("the Manchester bombing",
            # "the Khashoggi killing"): not taken. Before a war it is where the war is fought
            # ("the Syrian war", "the Yemeni wars"), not who fights it.
            mention = index.mention_by_token.get(child.i) or {}
            if mention and index.actor(noun) == index.actor(child):
                continue  # "San Bernardino Shooting" read as one name: the event's name, not its doer
            if mention and child.ent_type_ == "ORG" and _is_a_venue(child):
                continue  # "the Cafetería Rolando bombing", "the Rolando attack": the place bombed
            if mention.get("kind") == "demonym" or mention and child.ent_type_ == "ORG":
                found.extend(index.actors_of_phrase(child, include_modifiers=False))
    agent = agent_of(noun)
    # "attacks carried out by ETA": the agent of the participle on the noun.
    for child in noun.children:
        if agent is None and child.dep_ in ("acl", "relcl") and _lemma(child) in SUPPORT_VERBS:
            agent = agent_of(child)
    # "the attack was carried out by ETA", "is believed to have been carried out by ETA".
    carrier = noun.head
    if agent is None and noun.dep_ in ("nsubjpass", "nsubj") and carrier.pos_ in ("VERB", "AUX"):
        for verb in [carrier, *(c for c in carrier.children if c.dep_ == "xcomp")]:
            if _lemma(verb) in SUPPORT_VERBS or verb.dep_ == "xcomp":
                agent = agent or agent_of(verb)
    if agent is not None:
        found.extend(_agents(agent, index))
    # "the IRA claimed responsibility for the bombings".
    if not found and noun.dep_ == "pobj" and noun.head.lower_ == "for" and _lemma(noun.head.head) == "responsibility":
        holder = noun.head.head.head
        if holder.pos_ == "VERB":
            for subject in subjects(holder):
                found.extend(_agents(subject, index))
    return list(dict.fromkeys(found))


# Words for a place people go to: a name written with one names the place ("the Rolando cafe").
VENUE_WORDS = {"cafe", "café", "cafeteria", "cafetería", "restaurant", "bar", "pub", "hotel", "club", "nightclub",
               "disco", "cinema", "theatre", "theater", "stadium", "arena", "market", "mall", "station", "airport",
               "school", "university", "church", "mosque", "synagogue", "temple", "hospital", "embassy", "consulate",
               "tower", "marathon", "concert", "shop", "store", "supermarket", "bakery", "hall", "museum", "park"}


def _is_a_venue(token: Token) -> bool:
    """An organisation's name that is a venue's: the name holds a venue word ("Cafetería
    Rolando") or the article writes it with one ("the Rolando cafe"). Before an attack noun it
    says where ("the Rolando bombing"), as a place name does, not who."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    words = [t for t in (ent if ent is not None else [token])]
    if any(t.lower_ in VENUE_WORDS for t in words):
        return True
    names = {" ".join(t.text for t in words).lower(), token.lower_}
    text = token.doc.text.lower()
    return any(f"{name} {venue}" in text or f"{venue} {name}" in text for name in names for venue in VENUE_WORDS)


# People named by where they live or work, who do not act for the place: "Chicago residents".
INHABITANT_NOUNS = {"resident", "citizen", "inhabitant", "villager", "local", "native", "voter", "taxpayer",
                    "homeowner", "tenant", "commuter", "parent", "family", "student", "teacher", "worker", "farmer",
                    "fan", "shopper", "consumer", "driver", "patient", "teenager", "youth", "man", "woman", "child",
                    "kid", "landlord", "business", "retiree", "immigrant", "refugee", "motorist"}
# Those a case is made to: "selling gun control to voters" persuades them.
ELECTORATE_NOUNS = {"voter", "electorate", "constituent", "delegate", "caucusgoer", "superdelegate", "audience",
                    "reader", "viewer", "listener", "jury", "juror"}
# Words a site's own name ends in: one visits it, one does not meet it.
SITE_WORDS = {"memorial", "monument", "cemetery", "zoo", "gallery", "library", "square", "shrine", "cathedral",
              "mausoleum", "plant", "factory", "base", "camp", "port", "harbor", "harbour", "site", "centre", "center"}


def _named_as_a_site(token: Token) -> bool:
    """A name that says it is a site ("the National Law Enforcement Officers Memorial", "Arlington
    National Cemetery", "the Kennedy Space Center", "the Louvre Museum") by its last word: the
    tagger may call it an organisation, but one visits it as a place."""
    ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
    last = ent[-1] if ent is not None else token
    return token.pos_ == "PROPN" and (last.lower_ in SITE_WORDS or last.lower_ in VENUE_WORDS)


# Prepositions that date one event by another: "before the attacks", "since the invasion".
TIME_PREPS = {"before", "after", "since", "until", "till", "following", "amid", "despite", "ahead", "prior"}
# Modifiers that make an event noun a kind or a count of events to come: "future attacks".
CLASS_MODIFIERS = {"future", "more", "further", "such", "any", "possible", "potential", "many", "most", "frequent",
                   "common", "typical", "routine", "occasional", "everyday", "random", "fewer", "less"}


def _names_a_class(noun: Token, index: MentionIndex | None) -> bool:
    """An event noun with no doer, no determiner, no number, no name and no place or date that
    tells events as a kind, not one event: "mass shootings are becoming an everyday occurrence",
    "guns used in crimes and killings", "to sell murder", "to prevent future attacks". A bare
    plural that did something ("airstrikes killed 12") or one named by where or when ("the San
    Bernardino shooting", "bombings in Baghdad", "Saturday's attacks") is not."""
    children = list(noun.children)
    if any(c.dep_ == "det" and c.lower_ in ("every", "each") for c in children):
        return True  # "attend every local meeting": meetings of a kind
    if any(c.dep_ in ("det", "poss", "nummod") and c.lower_ not in ("all", "any", "such", "no") for c in children):
        return False
    mods = {_lemma(c) for c in children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & CLASS_MODIFIERS:
        return True
    if any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or c.ent_type_) for c in children):
        return False  # "San Bernardino Shooting", "Sept. 11 attacks"
    if noun.tag_ not in ("NNS", "NN") or noun.dep_ in ("nsubj", "nsubjpass") and noun.head.tag_ in ("VBD", "VBN"):
        return False
    if noun.tag_ == "NN" and noun.dep_ in ("nsubj", "nsubjpass", "ROOT", "appos"):
        return False  # a heading or a told subject: "Bombing kills 12"
    if noun.dep_ == "dobj" and noun.head.tag_ in ("VBD", "VBN") and any(
            s.ent_type_ or s.pos_ == "PROPN" for s in subjects(noun.head)):
        return False  # "The United States imposed sanctions on...": a named doer's past act is one event
    for _, obj in prep_objects(noun, {"in", "at", "on", "near", "against", "of", "by", "outside"}):
        # "sanctions on Russia's largest banks": a name the object is owned by names it too
        named = [obj, *(c for c in obj.children if c.dep_ in ("poss", "compound"))]
        if any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME", "NORP", "ORG", "PERSON")
               or index is not None and index.actor(t) for t in named):
            return False
    return True


# Words of fear or risk: an event noun they govern is one feared, not one told ("concerned
# about an ambush", "vulnerable to attack", "the risk of arrest").
WORRY_HEADS = {"concerned", "worried", "afraid", "fearful", "nervous", "anxious", "scared", "wary", "vulnerable",
               "fear", "concern", "worry", "risk", "threat", "danger", "prospect", "possibility", "likelihood",
               "susceptible", "exposed", "prone"}


def _feared(noun: Token) -> bool:
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in ("about", "of", "to") and (
        _lemma(head.head) in WORRY_HEADS or head.head.lower_ in WORRY_HEADS)


# Verbs that undo a planned event ("cancelled the visit") or move it later ("postponed talks").
CANCELLING_VERBS = {"cancel", "scrap", "abandon", "scuttle", "axe", "ax", "drop", "nix"}
DEFERRING_VERBS = {"postpone", "delay", "defer", "reschedule", "adjourn"}


def _counted_goods(token: Token, index: MentionIndex) -> bool:
    """Things ordered by number, by value or by product name ("20 Airbus A320 jets", "$5 billion
    of aircraft", "more Boeing 787s"): what one orders from a seller. An order of an act ("ordered
    an inquiry", "ordered the attack") has no count, and people ordered somewhere ("ordered
    10,000 troops to the border") are sent, not bought."""
    token = _theme(token)
    if _is_animate(token, index):
        return False
    if token.ent_type_ in ("PRODUCT", "MONEY", "CARDINAL", "QUANTITY"):
        return True
    return any(c.dep_ == "nummod" or c.ent_type_ in ("PRODUCT", "MONEY") for c in token.children)


# What is fired at a target: "fired rockets at northern Israel"; not "fired its chief executive".
PROJECTILES = {"rocket", "missile", "shell", "mortar", "bullet", "shot", "round", "grenade", "salvo", "volley",
               "torpedo", "artillery", "gun", "weapon", "rifle", "projectile", "barrage", "drone", "munition"}
# Weapons of crowd control, which news tells apart from an attack.
CROWD_CONTROL = {"tear", "rubber", "water", "pepper", "plastic", "stun", "warning"}


def _fired_words(verb: Token, themes: list[Token], index: MentionIndex) -> bool:
    """Firing with nothing fired, "back" at someone or by a person named: words ("fired back at
    Trump", "Jeb Bush fired at Trump"); shots need a weapon fired or armed men firing."""
    if any(_lemma(_theme(t)) in PROJECTILES for t in themes):
        return False
    if any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in verb.children):
        return True
    return _by_a_person(subjects(verb), index)


def _fired_at(verb: Token, lemma: str, themes: list[Token], index: MentionIndex) -> bool:
    """Shots fired at a named or attackable target: "Hezbollah fired rockets at northern Israel",
    "gunmen opened fire on a bus", "troops fired on the crowd". Not a dismissal ("fired its
    chief executive"), a test into the sea, or tear gas and rubber bullets (crowd control)."""
    if lemma == "open" and not any(_lemma(t) == "fire" for t in themes):
        return False
    fired = [_theme(t) for t in themes if _lemma(t) != "fire"]
    if lemma == "fire" and fired and not any(_lemma(t) in PROJECTILES for t in fired):
        return False
    if any(c.lower_ in CROWD_CONTROL or _lemma(c) in CROWD_CONTROL for t in fired for c in t.children):
        return False
    targets = [o for h in (verb, *themes) for _, o in prep_objects(h, {"at", "on", "upon", "into", "toward", "towards"})]
    return any(t.ent_type_ not in ("LOC", "DATE", "TIME") and (index.actor(t) or _attackable_itself(t, index))
               for t in targets)


CALL_WORDS = {"phone", "telephone", "call", "videoconference", "video", "videolink", "hotline"}


def _a_call(verb: Token, index: MentionIndex) -> bool:
    """Speaking "with" an actor by phone or in a call ("Biden spoke with Xi by phone", "Macron
    talked with Putin by telephone"): talks between the two. Speaking with anyone else, or
    with no call said, is speech ("spoke with reporters")."""
    partners = [o for _, o in prep_objects(verb, {"with", "to"}) if index.actor(o)]
    if not partners or any(_is_a_medium(o) for o in partners):
        return False
    return any(_lemma(t) in CALL_WORDS or t.lower_ in CALL_WORDS for t in verb.subtree)


def _called_off(verb: Token) -> str | None:
    """The modality a verb of calling off gives the event it takes: cancelled, it did not
    happen ("negated"); postponed, it is still to come ("hypothetical"). "Call off" and "put
    off" are the phrasal forms."""
    lemma = _lemma(verb)
    particle = any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    if lemma in CANCELLING_VERBS or lemma == "call" and particle:
        return "negated"
    if lemma in DEFERRING_VERBS or lemma == "put" and particle:
        return "hypothetical"
    return None


def _noun_events(noun: Token, kind: str, index: MentionIndex, dates: list[dict]) -> list[dict]:
    if _counted_in_a_statistic(noun):
        return []
    if _lemma(noun) == "visit" and any(_is_a_place(o, index) for _, o in prep_objects(noun, {"to"})):
        kind = "travel"  # "Trump's visit to Des Moines": a journey to a place, not a meeting
    subject_actors = _noun_agents(noun, index)
    if kind in SYMMETRIC_TYPES:
        subject_actors = list(dict.fromkeys([*hyphen_sides(index, noun), *subject_actors]))
    carrier = noun.head if noun.dep_ in ("dobj", "pobj", "nsubjpass") and noun.head.pos_ in ("VERB", "ADP") else None
    if carrier is not None and carrier.pos_ == "ADP":
        # "did not heed warnings before the 9/11 attacks": an event that dates another is told
        # for itself, not as part of what the verb says (or denies)
        carrier = carrier.head if carrier.head.pos_ == "VERB" and carrier.lower_ not in TIME_PREPS else None
    if not subject_actors and carrier is not None and _lemma(carrier) in SUPPORT_VERBS and noun.dep_ == "dobj":
        # "ETA carried out the bombing", "Iran held talks with ...".
        for subject in subjects(carrier):
            subject_actors.extend(a for a in _agents(subject, index) if a not in subject_actors)
    stated = bool(subject_actors)
    if not stated:
        if not (kind in UNSTATED_ACTOR_TYPES and (_lemma(noun) in VIOLENT_ACT_NOUNS or kind == "arrest")
                and not any(_lemma(c) in NOT_VIOLENCE or c.lower_ in NOT_VIOLENCE
                            for c in noun.children if c.dep_ in ("amod", "compound"))
                and not _names_a_kind(noun)
                and (kind != "attack" or _violence_is_plain(noun, _lemma(noun), [o for _, o in prep_objects(noun, {"on", "against"})], index))):
            return []
        subject_actors = [None]  # "the explosion injured 13": who set it off, the text does not say
    if kind == "attack" and _lemma(noun) in ("war", "crackdown", "battle", "fight") and any(
            _is_a_mere_thing(_theme(o), index) for _, o in prep_objects(noun, {"on", "against"})):
        return []  # "Jamie's war on toxic US food", "the war on drugs": a campaign against a thing, no violence
    if _lemma(noun) == "killing" and carrier is not None and _lemma(carrier) == "make" and any(
            c.dep_ == "det" and c.lower_ == "a" for c in noun.children):
        return []  # "makes a killing on mortgage-backed securities": a profit
    if kind == "attack" and _lemma(noun) in ("battle", "war", "fight") and prep_objects(noun, {"about"}):
        return []  # "a battle about competence versus incompetence": a contest of ideas
    if kind == "attack" and _lemma(noun) in ("battle", "war", "fight") and (
            {_lemma(c) for c in noun.children if c.dep_ in ("amod", "compound", "nmod")} & NONVIOLENT_CONTESTS
            or _by_a_person([noun], index)):
        return []  # "the GOP nomination battle", "Supreme Court battles", "Cruz's battle with Trump"
    if kind == "attack" and stated and {_lemma(c) for c in noun.children if c.dep_ in ("amod", "compound")} & VERBAL_MODIFIERS:
        # "his verbal assault on the nominee", "a Super PAC ad attack": words
        if not any(_is_animate(_theme(o), index) for _, o in prep_objects(noun, {"on", "against"})):
            return []
        kind = "condemn"
    if kind == "attack" and stated and _lemma(noun) in WORDS_OF_CRITICISM and not (
            {t.lemma_.lower() for t in sentence_of(noun) if t.i != noun.i and not _a_topic(t)} & VIOLENCE_WORDS
            or {_lemma(c) for c in noun.children if c.dep_ in ("amod", "compound")} & VIOLENT_MODIFIERS):
        targets = [_theme(o) for _, o in prep_objects(noun, {"on", "against"})]
        if targets and not any(_is_attackable(t, index) and t.ent_type_ not in THING_ENTITIES for t in targets):
            return []  # "Obama's attack on the Second Amendment", "attacks on her record": words on a thing
        if targets and _by_a_person([noun], index) and not any(
                t.ent_type_ in ("GPE", "NORP", "LOC", "FAC") or not _is_animate(t, index) for t in targets):
            kind = "condemn"  # "Clinton's attacks on Trump": a person attacking a person in words criticises
        if not targets and _by_a_person([noun], index):
            return []  # "Rubio's biggest attack", "Trump's attacks": a person's words, on no one named
    if kind == "attack" and any(c.dep_ in ("compound", "amod") and (_lemma(c) in ("test", "trial") or c.lower_ == "controlled")
                                for c in noun.children):
        return []  # "the country's lone test blast in 1974", "a controlled explosion": no one attacked
    if kind == "meet" and _lemma(noun) == "talk" and noun.tag_ != "NNS":
        return []  # "talk" in the singular is speech, "talks" are a meeting
    if kind == "attack" and _lemma(noun) == "strike" and not (stated and any(
            c.dep_ in ("compound", "amod") and _lemma(c) in ("air", "missile", "drone", "military") for c in noun.children)
            or prep_objects(noun, {"on", "against"})):
        return []  # a strike of workers is a stoppage, not an attack
    preps = {"meet": {"with", "between", "among"}, "arrest": {"of"}, "travel": {"to"}}.get(kind, {"on", "against", "of"})
    if kind == "meet" and _lemma(noun) == "visit":
        preps = preps | {"to"}  # "Putin's visit to Merkel": whom one visits
    object_actor = None
    patients = [c for c in noun.children if c.dep_ == "poss"] if _lemma(noun) in PATIENT_POSSESSIVE_NOUNS and not _of_patient(noun) else []
    # "celebrated the attacks on Twitter": the medium one speaks on is not whom the event was on
    objects = worded = [*patients, *(o for p, o in prep_objects(noun, preps) if not (p == "on" and _is_a_medium(o)))]
    if kind == "attack":
        objects = [o for o in objects if not _names_people_of(_theme(o), index)]  # "the killing of the Americans"
    for obj in objects:
        object_actor = next((a for a in _who(obj, index) if a not in subject_actors), None)
        if object_actor:
            break
    if carrier is not None and _lemma(carrier) in SUPPORT_VERBS and object_actor is None:
        for _, obj in prep_objects(carrier, {"with", "against", "on"}):
            object_actor = next((a for a in _who(obj, index) if a not in subject_actors), None)
            if object_actor:
                break
    if kind == "meet" and _lemma(noun) in ("interview", "debate", "dialogue") and object_actor is None:
        return []  # "Princess Diana's landmark interview", "the Democratic debate": with whom, unsaid
    if kind == "meet" and _lemma(noun) == "visit" and object_actor is None and len(subject_actors) < 2:
        if not prep_objects(noun, {"to"}):
            return []  # "the French premier's visit was planned": a journey whose host and place are unsaid
        kind = "travel"  # "Clinton's visit to Atlantic City": a journey to a place the actors do not hold
    # "his alleged kidnapping and murder": a modifier of the first of coordinated nouns is all of theirs
    modified = [noun, noun.head] if noun.dep_ == "conj" and noun.head.pos_ == "NOUN" else [noun]
    mods = {f(c) for n in modified for c in n.children if c.dep_ == "amod" for f in (_lemma, lambda t: t.lower_)}
    if _feared(noun):
        mood = "hypothetical"
    elif mods & NEGATED_NOUN_MODS or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        # "a foiled attack"; "there were no arrests"
        mood = "negated"
    elif mods & HYPOTHETICAL_NOUN_MODS:
        mood = "hypothetical"
    elif mods & REPORTED_NOUN_MODS:
        mood = "reported"
    elif carrier is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN" and noun.head.head.dep_ in (
            "nsubj", "nsubjpass", "dobj") and noun.head.head.head.pos_ in ("VERB", "AUX"):
        mood = modality(noun.head.head.head)  # "the next round of arrests may include...": the verb of the phrase
    elif carrier is None and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") and (
            _lemma(noun.head) in SUPPORT_VERBS | HAPPEN_VERBS or any(
                c.dep_ == "xcomp" and _lemma(c) in SUPPORT_VERBS | HAPPEN_VERBS for c in noun.head.children)) \
            and modality(noun.head) == "hypothetical":
        # "the assassination of Trump might have to be carried out", "a strike could happen":
        # an event said of with a modal is only thought of
        mood = "hypothetical"
    elif carrier is not None and carrier.pos_ == "VERB":
        mood = _unrealised(carrier, modality(carrier))  # "probable cause to make an arrest"
        if mood == "asserted" and noun.dep_ != "nsubjpass" and (
                _lemma(carrier) in WANTING_VERBS or carrier.dep_ == "xcomp" and _lemma(carrier.head) in WANTING_VERBS):
            # "will seek new sanctions", "pledged to impose sanctions"; not "carried out his attack,
            # [and] Trump was calling for change": a verb the carrier's clause hangs on otherwise,
            # nor "the attack was planned", which tells how it came about
            mood = "hypothetical"
    else:
        mood = "asserted"
    called_off = _called_off(carrier) if carrier is not None and noun.dep_ in ("dobj", "nsubjpass") else None
    if called_off and mood == "asserted":
        mood = called_off  # "the visit was cancelled" (not made), "talks were postponed" (still to come)
    if kind == "attack" and subject_actors == [None] and mood in ("hypothetical", "negated"):
        return []  # "a planned attack", "a foiled bombing" by no one named: no event told
    made = _make(noun, kind, _lemma(noun), "noun", subject_actors, object_actor, mood, index, dates,
                 None, None, place=_place([noun, carrier], index, subject_actors, object_actor),
                 object_text=None if object_actor else _object_text(
                     [_theme(o) for o in worded if o.pos_ != "PRON" or o.lower_ in ("him", "her", "them")]))
    # "the blast", "this attack", "Saturday's attack", "last year's deadly blast": one told before;
    # "Macron called the explosion an attack", "the bombing was an attack": the one named, described.
    definite = noun.dep_ in ("attr", "oprd") or any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                                                    or c.dep_ == "poss" and c.ent_type_ in ("DATE", "TIME") for c in noun.children)
    for event in made:
        event["definite"] = definite and not stated and object_actor is None
    return made


def _make(trigger: Token, kind: str, lemma: str, trigger_kind: str, subject_actors: list[str | None],
          object_actor: str | None, mood: str, index: MentionIndex, dates: list[dict],
          arg0: Token | None, arg1: Token | None, place: str | None = None,
          object_text: str | None = None) -> list[dict]:
    doc = trigger.doc
    date = _date_in_sentence(trigger, dates)
    start, end = _clause_span(trigger)
    trigger_start, trigger_end = extent(trigger)
    cues = _cues(trigger, kind, arg0)
    made = []
    named = list(dict.fromkeys(a for a in subject_actors if a is not None))
    pairs = []
    for subject_actor in subject_actors:
        if subject_actor is not None and subject_actor == object_actor:
            continue
        if object_actor is None and kind in SYMMETRIC_TYPES and len(subject_actors) > 1:
            # "Moscow and Tehran signed an agreement": they did it with one another, one event
            # for each pair (in the sentence's order), not one for each side.
            if subject_actor is None:
                pairs.append((None, next(a for a in subject_actors if a is not None)) if named else (None, None))
            else:
                pairs.extend((subject_actor, other) for other in named[named.index(subject_actor) + 1:])
        else:
            pairs.append((subject_actor, object_actor))
    for subject_actor, partner in dict.fromkeys(pairs):
        made.append({
            "type": kind,
            "subject_actor_id": subject_actor,
            "object_actor_id": partner,
            "text": text_of(doc)[start:end],
            "start": start,
            "end": end,
            "trigger": {"start": trigger_start, "end": trigger_end},
            "trigger_kind": trigger_kind,
            "arg0": index.span_of(arg0),
            "arg1": index.span_of(arg1),
            "lemma": lemma,
            "date": date,
            "modality": mood,
            "sentence": sentence_of(trigger).text,
            "place_actor_id": place,
            "object_text": object_text,
            "mentions": [{"start": trigger_start, "end": trigger_end}],
            "generic_cue": _generic_cue(trigger),
            **cues,
        })
    return made


def _cues(trigger: Token, kind: str, arg0: Token | None) -> dict:
    """What the confidence reads off the sentence besides the row itself: whether an attack's
    sentence tells any violence (a weapon, a death, a wound) besides the trigger ("whether the
    blasts vary in energy" tells none), whether the sentence asks or supposes ("whether", "if",
    a question mark), whether the verb's doer is read from another clause, and whether the
    doer's words are a name (an entity) or not ("he", "the committee")."""
    sentence = sentence_of(trigger)
    return {
        "violence_told": kind == "attack" and any(
            t.i != trigger.i and (_lemma(t) in VIOLENCE_WORDS or _lemma(t) in VIOLENT_MODIFIERS) for t in sentence),
        "question": "?" in sentence.text or any(t.lower_ in ("whether", "if") for t in sentence),
        # a verb with no subject of its own ("accusing him", "to ban all Muslims", "and also
        # accused ISIS"): its doer is read from another clause, where a wrong one creeps in
        "subject_borrowed": trigger.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") for c in trigger.children),
        "subject_entity": arg0.ent_type_ if arg0 is not None else None,
    }


def _who(token: Token, index: MentionIndex) -> list[str]:
    """Actors a noun phrase names as who or whom: its head's (and its conjuncts'), else a
    possessive or organisation before it ("Iran's facilities", "Hezbollah positions"), or a
    demonym before a noun for what a state acts through ("Russian troops", "Iranian officials",
    "Russian strikes"; "American cable hosts" are not the United States); a place before it is
    where ("the Kabul hotel")."""
    found: list[str] = []
    for head in [token, *token.conjuncts]:
        # "Rep. Adam Schiff, the top Democrat": the name; an apposition only names a head that
        # has none ("the company, Apple").
        own = index.actor(head)
        # "the first American to carry out", "the Republican isn't making a visit": a singular
        # demonym or party name with a determiner is one person too
        one = ("a", "an", "one", "another") if head.tag_ in ("NNS", "NNPS") else ("a", "an", "one", "another", "the")
        if own and any(c.dep_ == "det" and c.lower_ in one or c.dep_ == "nummod" for c in head.children) and (
                head.ent_type_ == "NORP" or (index.mention_by_token.get(head.i) or {}).get("kind") == "demonym"):
            own = None  # "a Republican appointed by Bush", "an American", "two Americans": members, not the party or the state
        named = [own] if own else [index.actor(c) for c in head.children if c.dep_ == "appos"]
        found.extend(a for a in named if a and a not in found)
    if found:
        return found
    if _lemma(token) in RELATION_NOUNS:
        return []  # "Sanders's allies", "Rubio's supporters", "Sanders voters": not Sanders, not Rubio
    state = _lemma(token) in STATE_NOUNS or _lemma(token) in _learned()["noun_triggers"]
    if token.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in token.children):
        state = False  # "a Muslim American soldier": one person of the country, not the state
    if any(c.dep_ == "amod" and c.lower_ in ("former", "ex", "retired", "exiled") for c in token.children):
        state = False  # "former Mexican presidents", "exiled Iranian officials": no longer the state's voice
    for child in token.children:
        demonym = (index.mention_by_token.get(child.i) or {}).get("kind") == "demonym"
        if child.dep_ == "poss" and _lemma(token) in AGAINST_NOUNS:
            continue
        if child.dep_ == "poss" and child.pos_ == "NOUN":
            # "the British farmers' leader" is the farmers' (whom a demonym before them does not make
            # the state); "the Russian government's spokesman" is the government's, so Russia's
            found.extend(a for a in _who(child, index) if a not in found)
        elif demonym and child.dep_ in ("amod", "compound") and _a_faith(child):
            # "bombings by Moslem militants": a faith before the armed men is who they are, not a
            # body that acts through them as a state or a party does
            continue
        elif child.dep_ == "poss" or child.dep_ in ("compound", "amod", "nmod") and (
                demonym and state or child.ent_type_ == "ORG"):
            found.extend(a for a in index.actors_of_phrase(child, include_modifiers=False) if a not in found)
    return found


# What someone says or puts out, which acts for them: "the Rove ad hits Clinton".
MESSAGE_NOUNS = {"ad", "advert", "advertisement", "tweet", "statement", "letter", "speech", "video", "memo", "post",
                 "article", "essay", "piece", "book", "documentary", "mailer", "flyer", "billboard", "podcast",
                 "column", "op-ed", "editorial", "campaign", "commercial", "spot", "report", "release", "message"}
# Objects of an idiom that only strengthen the verb: "bomb the hell out of".
INTENSIFIER_OBJECTS = {"hell", "heck", "crap", "shit", "daylights", "stuffing", "snot", "bejesus", "dickens"}
# Words one hits someone with: "hit Clinton with attacks".
WORDS_NOUNS = {"criticism", "attack", "accusation", "charge", "question", "insult", "barb", "jab", "broadside",
               "complaint", "claim", "allegation", "remark", "comment", "word", "rhetoric", "message"}
# People named by how they stand to someone: "supporters of Sanders" are not Sanders.
RELATION_NOUNS = {"supporter", "fan", "follower", "critic", "opponent", "rival", "voter", "backer", "admirer",
                  "enemy", "detractor", "foe", "friend", "ally", "loyalist", "donor", "challenger", "accuser",
                  "victim", "biographer", "lawyer", "attorney", "counsel", "opponent", "defender", "sympathizer", "sympathiser"}
# Those against a state or a ruler: "Serbia's opposition", "Syria's rebels" are not Serbia or Syria
# (while "Taliban insurgents" are the Taliban's).
AGAINST_NOUNS = {"opposition", "rebel", "dissident", "protester", "protestor", "insurgent"}
DATELINE_DASHES = {"—", "–", "-", "--", "("}


def _is_dateline(token: Token) -> bool:
    """A dateline: a place name in capitals opening a sentence, set off by a dash or a bracket
    ("TALLAHASSEE — ...", "WASHINGTON (Reuters) -"): where the story was filed, never a doer."""
    start = token.sent.start
    words = [t for t in token.doc[start:token.i + 1]]
    if not words or not all(t.is_upper or t.is_punct and t.text in (",", ".") for t in words if not t.is_space):
        return False
    if not any(t.is_alpha and len(t) > 1 for t in words):
        return False
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return after is not None and after.text in DATELINE_DASHES


# Words for faiths and their branches: one before a noun for people says what they believe.
FAITH_WORDS = {"muslim", "moslem", "islamic", "christian", "jewish", "jew", "hindu", "sikh", "buddhist", "catholic",
               "protestant", "shia", "shiite", "shi'ite", "sunni", "evangelical", "mormon", "orthodox", "coptic",
               # creeds drawn from a faith: "the Islamist massacre", "jihadist attacks"
               "islamist", "jihadist", "jihadi", "salafist", "salafi"}


def _a_faith(token: Token) -> bool:
    """A faith's word ("Moslem militants", "Sunni gunmen"): no actor that acts through its
    believers, as a state acts through its troops."""
    return token.lower_.rstrip("s") in FAITH_WORDS or token.lower_ in FAITH_WORDS


def _agents(token: Token, index: MentionIndex) -> list[str]:
    """Actors acting through a noun phrase: as :func:`_who`; on a noun for people ("US
    officials", "Kabul police") a place before it is whose, when no organisation or demonym
    says it ("the Belfast IRA leaders" are the IRA's); else the group they come from ("the
    fifteen countries from the Eurogroup", "executives of Apple")."""
    if any(c.dep_ == "det" and c.lower_ in ("every", "each", "any", "many", "most", "some", "no", "few")
           for c in token.children) and (token.ent_type_ == "NORP" or (index.mention_by_token.get(token.i) or {}).get("kind") == "demonym"):
        return []  # "letting every American invest": people of a kind, not their state
    if _is_dateline(token):
        # "TALLAHASSEE — Democratic U.S. Rep. Gwen Graham on Friday pummeled Trump": the
        # dateline is where the story was filed; the name set beside it is the doer
        return [a for c in token.children if c.dep_ == "appos" for a in _who(c, index)]
    found = _who(token, index)
    if not found and token.pos_ == "NOUN" and any(_lemma(t) in RELATION_NOUNS for t in (token, *token.conjuncts)):
        # "supporters of Sen. Bernie Sanders", "critics of Trump": not Sanders, not Trump; nor "a
        # top official and critic of President Samper", whose "of" the two nouns share
        return []
    if not found and token.pos_ == "NOUN" and _is_animate(token, index) and (
            token.tag_ == "NNS" or _lemma(token) in STATE_NOUNS or _lemma(token) in ("police", "leadership")
            or _lemma(token) in MESSAGE_NOUNS):
        # "US officials", "Kabul police" act for their place, "the Rove ad" for its maker; "the
        # New York businessman" does not
        found = [a for a in (index.actor(c) for c in token.children if c.dep_ == "compound" and not _a_faith(c)
                             and not (_lemma(token) in INHABITANT_NOUNS and _is_a_place(c, index)))
                 if a]  # not "Moslem militants", nor "Chicago residents": who live there do not act for it
    if not found and token.pos_ == "NOUN":
        for _, obj in prep_objects(token, {"of", "from", "at"}):
            # "the co-founder of Google, Sergey Brin": the person named, not the company.
            named = [a for a in (index.actor(c) for c in obj.children if c.dep_ == "appos") if a]
            found.extend(a for a in (named or _who(obj, index)) if a not in found)
    return list(dict.fromkeys(found))


# Where words are said or shown: "said on Twitter", "told on CNN".
MEDIA_NOUNS = {"twitter", "facebook", "instagram", "youtube", "tiktok", "television", "tv", "radio", "air", "show",
               "program", "programme", "podcast", "broadcast", "cnn", "msnbc", "fox", "abc", "nbc", "cbs", "pbs", "npr",
               "bbc", "network", "channel", "website", "blog", "social", "media", "truth", "x", "reddit", "air"}


def _is_a_medium(token: Token) -> bool:
    """A platform, a channel or a programme one speaks on ("on Twitter", "on Fox News", "on
    his radio show")."""
    words = {token.lower_, _lemma(token)} | {c.lower_ for c in token.children if c.dep_ == "compound"}
    return bool(words & MEDIA_NOUNS)


def _is_a_person(token: Token, index: MentionIndex) -> bool:
    """A person: tagged so, or an actor the article knows as a person (the tagger reads
    "Christie" as an organisation in some sentences)."""
    actor = index.actor(token)
    return token.ent_type_ == "PERSON" or bool(actor) and getattr(index, "actor_types", {}).get(actor) == "person"


def _names_people_of(token: Token, index: MentionIndex) -> bool:
    """A demonym heading a phrase ("the Americans", "1.5 million Armenians"): people of a
    state, not the state itself, when violence is done to them."""
    return (index.mention_by_token.get(token.i) or {}).get("kind") == "demonym" or (
        token.ent_type_ == "NORP" and token.tag_ in ("NNPS", "NNS"))


def _object_actor(verb: Token, objects: list[Token], index: MentionIndex, subject_actors, kind: str = "") -> str | None:
    def first_new(tokens):
        for token in tokens:
            for actor in _who(token, index):
                if actor not in subject_actors:
                    return actor
        return None

    # "killed 1.5 million Armenians", "demand wealthy Americans pay": people, not the state
    objects = [o for o in objects if not (_names_people_of(_theme(o), index) and (
        kind == "attack" or _theme(o).tag_ in ("NNPS", "NNS")))]
    if kind == "appoint":
        # one appoints or elects a person: "elect a Republican president" names no party elected
        return next((a for o in objects for n in [o, *(c for c in o.children if c.dep_ == "appos")]
                     for a in [index.actor(n)] if a and a not in subject_actors
                     and n.ent_type_ not in ("NORP", "ORG", "GPE")), None)  # "his vice president, Gerald Ford"
    # "sent 14 Leopard tanks to Ukraine", "deployed Russian troops": a name on what is sent or
    # supplied says whose or what make it is, not who gets it ("supplied Ukraine with tanks" does)
    named = [o for o in objects if index.actor(_theme(o))] if kind in ("deploy", "supply") else objects
    found = first_new(named) or first_new(_theme(o) for o in named)
    if found:
        return found
    if kind == "attack" and any(_is_animate(_theme(o), index) for o in objects):
        return None  # "the 49 people killed at Pulse": the victims are named; the club is where
    holders = [verb, *objects]
    preps = OBJECT_PREPS | MORE_OBJECT_PREPS.get(kind, set())
    if kind in ("purchase", "sale", "acquisition"):
        preps = preps - {"on", "at", "into", "with"}  # "bought a battery on Amazon": where, not from whom
    if kind == "meet":
        preps = preps - {"at"}  # "meeting with him in July at Trump Tower": where, not with whom
    for holder in holders:
        # "blamed Obama on Twitter", "called on CNN for a ceasefire": the medium one speaks on is
        # not whom the words are about
        # "called on Venezuelans to think critically": a people's plural is its people, not its state
        found = first_new(o for p, o in prep_objects(holder, preps) if not (p in ("on", "in") and _is_a_medium(o))
                          and not (_names_people_of(_theme(o), index) and _theme(o).tag_ in ("NNPS", "NNS")))
        if found:
            return found
    # "send troops to support Iran": the purpose clause names the target (of a deployment or
    # a supply; "called on X to call out Russia" asks X, not Russia).
    for child in (verb.children if kind in ("deploy", "supply", "support") else ()):
        if child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB":
            found = first_new(direct_objects(child))
            if found:
                return found
    return None


def _date_in_sentence(verb: Token, dates: list[dict]) -> dict | None:
    """The calendar date of the trigger's sentence that the grammar gives the event, as for deals:
    a date another verb governs is that verb's time ("In 1986 he bought Pixar, which was acquired
    by Disney in 2005": the acquisition is 2005's)."""
    sentence = sentence_of(verb)
    candidates = [d for d in starting_between(dates, sentence.start_char, sentence.end_char)
                  if is_calendar_date(d) and date_is_of(verb, d)]
    if not candidates:
        return None
    chosen = min(candidates, key=lambda d: abs(d["start"] - verb.idx))
    return {"value": chosen["value"], "precision": chosen["precision"]}


def _clause_span(verb: Token) -> tuple[int, int]:
    """The trigger's clause (or noun phrase), trimmed to its own sentence and to a readable length."""
    head = verb
    if verb.pos_ == "NOUN" and verb.head.pos_ == "VERB" and verb.dep_ in ("dobj", "nsubj", "nsubjpass"):
        head = verb.head
    tokens = [head.left_edge, head.right_edge]
    start = max(tokens[0].idx, sentence_of(verb).start_char)
    end = min(tokens[1].idx + len(tokens[1]), sentence_of(verb).end_char)
    if end - start > 240:
        start, end = max(start, verb.idx - 120), min(end, verb.idx + 120)
    return start, end
