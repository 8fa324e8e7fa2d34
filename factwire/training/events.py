"""The events step: what the event rules learn from annotated news, written to ``factwire/data/``.

Two pieces, each from its own data, so that what is reported is measured on data it was not
fitted on:

1. ``event_senses.json`` from RAMS dev (924 news windows, one annotated event each): the nouns
   that head (at least twice) a RAMS argument in a role only a person or a group fills (victim,
   attacker, detainee, passenger, participant, communicator...) make the *animate* lexicon: a verb such as
   "hit", "strike", "kill", "shoot" or "release" is an attack (or a release) only when its object
   is an actor or one of these nouns ("hit the soldiers", not "hit 16%"). The nouns heading
   artifact roles of transfers and transports make the *goods* lexicon ("supply weapons", not
   "give an interview"). Noun triggers (a noun lemma at least three times a trigger of a RAMS type that
   maps to one of ours) add to the hand-written nominal triggers.
2. ``event_confidence.json`` from WikiEvents dev: a logistic regression (L2, Newton steps, no
   randomness) of "this event row is right" on the row's features (:func:`features` in
   ``factwire.extract.events``: noun or verb trigger, actor stated, object named, modality,
   a verb whose sense the object decides, attack, told more than once, place named), the label
   being the WikiEvents scorer's (the row's trigger overlaps a gold trigger of a mapped KAIROS
   type). It is fitted on the documents of the fixed hash split's fitting half only
   (:func:`factwire.evaluation.wikievents.is_fit_document`); `factwire eval` reports the
   reliability on the other half, beside the fitted one. RAMS is not used for it: RAMS
   annotates one event per window, so an event of ours elsewhere in a window has no label.

Run: ``python -m factwire.training events`` (or ``python -m factwire.training.events``).
"""

from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"
SENSES_FILE = DATA / "event_senses.json"
CONFIDENCE_FILE = DATA / "event_confidence.json"

# RAMS roles only a person or a group of people fills (a giver, recipient or target may be a
# thing or an institution).
ANIMATE_ROLES = {"victim", "attacker", "detainee", "passenger", "participant", "communicator", "killer",
                 "injurer", "defendant", "employee", "jailer", "prosecutor", "candidate", "voter", "spy",
                 "surrenderer", "demonstrator", "deceased", "executioner"}
GOODS_ROLES = {"artifact"}
GOODS_TYPES = ("movement.transportartifact", "transaction.transferownership", "transaction.transaction",
               "manufacture.artifact")
# RAMS type prefixes whose noun triggers are triggers of our types.
RAMS_TO_OURS = {
    "conflict.attack": "attack",
    "contact.discussion": "meet",
    "contact.negotiate": "negotiate",
    "justice.arrestjaildetain": "arrest",
    "contact.threatencoerce": "threaten",
}
# A noun is animate (or goods) when RAMS has it heading such a role this many times: once lets
# annotation slips in ("system" as an attacker, "woman" as an artifact).
MIN_NOUN_COUNT = 2
# A noun is a trigger when RAMS has it as one this many times (twice lets instruments in: "bomb").
MIN_TRIGGER_COUNT = 3
# Noun heads too vague to tell a person or goods (quantities, pronoun-like nouns).
NOT_LEXICAL = {"one", "number", "hundred", "thousand", "million", "percent", "dozen", "following",
               "status", "effect", "nature", "glory", "appointment", "interview", "information",
               "datum", "boycott", "capability", "protection", "%"}


def learn_senses(rams_dir: Path) -> dict:
    from factwire.evaluation import rams
    from factwire.nlp import parse

    docs = rams.load_corpus(Path(rams_dir).resolve())
    animate: collections.Counter = collections.Counter()
    goods: collections.Counter = collections.Counter()
    triggers: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for doc, parsed in zip(docs, parse(d.text for d in docs)):
        for event in doc.events:
            span = parsed.char_span(*event.trigger, alignment_mode="expand")
            if span is None:
                continue
            prefix = ".".join(event.event_type.split(".")[:2])
            if prefix in RAMS_TO_OURS and span.root.pos_ == "NOUN":
                triggers[RAMS_TO_OURS[prefix]][span.root.lemma_.lower()] += 1
            for (start, end), role in event.arguments:
                argument = parsed.char_span(start, end, alignment_mode="expand")
                if argument is None or argument.root.pos_ != "NOUN":
                    continue
                lemma = argument.root.lemma_.lower()
                if lemma in NOT_LEXICAL:
                    continue
                if role in ANIMATE_ROLES:
                    animate[lemma] += 1
                elif role in GOODS_ROLES and prefix in GOODS_TYPES:
                    goods[lemma] += 1
    return {
        "source": "RAMS 1.0 dev (rams-dev), python -m factwire.training events",
        "animate_nouns": sorted(n for n, c in animate.items() if c >= MIN_NOUN_COUNT),
        "goods_nouns": sorted(n for n, c in goods.items() if c >= MIN_NOUN_COUNT and animate[n] < MIN_NOUN_COUNT),
        "noun_triggers": {kind: sorted(l for l, n in counts.items() if n >= MIN_TRIGGER_COUNT)
                          for kind, counts in sorted(triggers.items())},
    }


def labelled_events(wikievents_dir: Path) -> list[tuple[str, dict, int]]:
    """(document id, event, right or not) for every scored event row the extractor finds on
    WikiEvents dev (one per trigger and type), both halves of the split."""
    from factwire.evaluation import wikievents
    from factwire.evaluation.core import extract_texts

    docs = wikievents.load_corpus(Path(wikievents_dir).resolve())
    facts = extract_texts((doc.text, None) for doc in docs)
    found = []
    for doc, fact in zip(docs, facts):
        for event, right in wikievents.judged_events(doc, fact):
            found.append((doc.doc_id, event, int(right)))
    return found


def fit_confidence(labelled: list[tuple[str, dict, int]]) -> list[float]:
    """The weights, fitted on the fitting half of the documents only."""
    from factwire.evaluation.wikievents import fit_logistic, is_fit_document
    from factwire.extract.events import features

    fit = [(e, y) for d, e, y in labelled if is_fit_document(d)]
    return fit_logistic([features(e) for e, _ in fit], [y for _, y in fit])


def train(data_dir: Path) -> None:
    from factwire.extract import events

    data_dir = Path(data_dir)
    senses = learn_senses(data_dir / "rams-dev")
    SENSES_FILE.write_text(json.dumps(senses, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    # The events are found (and their features read) before the confidence is fitted: until
    # then the rows carry an even 0.5 (all weights zero), which nothing below reads.
    CONFIDENCE_FILE.write_text(json.dumps({"source": "unfitted (the events step is running)",
                                           "features": events.FEATURE_NAMES,
                                           "weights": [0.0] * len(events.FEATURE_NAMES)}) + "\n", encoding="utf-8")
    events.reload_learned()
    from factwire.evaluation.wikievents import is_fit_document

    labelled = labelled_events(data_dir / "wikievents-dev")
    weights = fit_confidence(labelled)
    fit = [y for d, _, y in labelled if is_fit_document(d)]
    CONFIDENCE_FILE.write_text(json.dumps({
        "source": "WikiEvents dev (wikievents-dev), the documents whose sha256 id is even; "
                  "python -m factwire.training events",
        "features": events.FEATURE_NAMES,
        "weights": weights,
        "events": len(fit),
        "right": sum(fit),
    }, indent=1) + "\n", encoding="utf-8")
    events.reload_learned()
    print(f"{len(senses['animate_nouns'])} animate nouns, {len(senses['goods_nouns'])} goods nouns; "
          f"confidence fitted on {len(fit)} event rows of the fitting half ({sum(fit)} right)")


if __name__ == "__main__":
    from factwire.evaluation.runner import default_data_dir

    train(Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir())
