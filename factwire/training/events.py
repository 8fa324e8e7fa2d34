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
2. ``event_confidence.json``: a logistic regression (L2, Newton steps, no randomness) of "this
   event row is right" on the row's features (:func:`features` in ``factwire.extract.events``:
   noun or verb trigger, actor stated, object named, modality, who the doer is, words or
   deeds, violence told, a doer from another clause...), fitted on two sets of labelled rows:
   the event rows of WikiEvents dev's fitting half (the label is the WikiEvents scorer's: the
   row's trigger overlaps a gold trigger of a mapped KAIROS type; the fixed hash split is
   :func:`factwire.evaluation.wikievents.is_fit_document`, and `factwire eval` reports the
   reliability on the other half, beside the fitted one), and the rows the team judged by
   reading their sentences (``factwire/training/events_judged.jsonl``: real news pages of
   trafilatura-eval-en, PolNeAR train articles and the seeds, never a development set a score
   is reported on). WikiEvents rarely shows the faults a reader strikes on other news (a
   place, a party or a product as the doer, words taken for deeds, a kind of event told as one
   event, a doer read from another clause): the judged rows do. Each judged row keeps its
   sentence, the trigger, the verdict with its reason, and the row's feature keys as the
   extractor gave them (``row``); ``python -m factwire.training.events --refresh-judged``
   extracts the named documents again and rewrites ``row`` after the extractor changed. RAMS is
   not used for it: RAMS annotates one event per window, so an event of ours elsewhere in a
   window has no label.

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
JUDGED_FILE = Path(__file__).resolve().parent / "events_judged.jsonl"
# The event keys :func:`factwire.extract.events.features` reads: what a judged row keeps.
ROW_KEYS = ("type", "lemma", "trigger_kind", "subject_actor_id", "object_actor_id", "object_text", "modality",
            "mentions", "place_actor_id", "generic_cue", "subject_type", "violence_told",
            "question", "date", "subject_borrowed", "subject_entity")
# The penalty of the fit: with a few hundred rows a weight moves from the base rate only where
# the rows clearly say so (the larger, the closer every row stays to the base rate).
L2 = 2.0

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


def judged_rows(path: Path = JUDGED_FILE) -> list[tuple[str, dict, int]]:
    """(document key, row, right or not) of every row the team judged."""
    with Path(path).open(encoding="utf-8") as handle:
        found = [json.loads(line) for line in handle if line.strip()]
    return [(f"{r['dataset']}/{r['document']}", r["row"], int(r["right"])) for r in found]


def _judged_documents(data_dir: Path, names: set[tuple[str, str]]) -> dict[tuple[str, str], tuple[str, object]]:
    """The text (and date) of each judged document, read as factwire reads it: a page's main
    text, a PolNeAR article's text, a seed article."""
    import gzip

    from factwire.sources.files import read_path
    from factwire.sources.html import article_from_html

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    found = {}
    for dataset, name in sorted(names):
        if dataset == "trafilatura-eval-en":
            path = data_dir / dataset / "html" / f"{name}.gz"
            article = article_from_html(gzip.decompress(path.read_bytes()), None, name)
        elif dataset == "polnear/train":
            found[(dataset, name)] = ((data_dir / "polnear" / "train" / "text" / name).read_text(encoding="utf-8"), None)
            continue
        elif dataset == "seeds":
            article = next(iter(read_path(seeds / name)))
        else:
            raise ValueError(f"judged row from an unknown set {dataset!r}")
        found[(dataset, name)] = (article.text, article.published)
    return found


def _sides(kind: str, subject: str | None, partner: str | None) -> tuple:
    """The two sides as a key: in their order, or either way round for an event done together
    (a judged "Heinz merged with Kraft" is the row made for "Kraft and Heinz merged")."""
    from factwire.event_kinds import SYMMETRIC_TYPES

    if kind in SYMMETRIC_TYPES:
        return tuple(sorted((subject or "", partner or "")))
    return (subject, partner)


def _judged_key(row: dict) -> tuple:
    return (" ".join(row["sentence"].split()), row["trigger"], row["type"], row["lemma"],
            *_sides(row["type"], row["subject_actor_id"], row["object_actor_id"]))


def refresh_judged(data_dir: Path, rows: list[dict] | None = None, path: Path = JUDGED_FILE) -> int:
    """Extract the judged rows' documents again and rewrite each row's feature keys (``row``),
    keeping the verdicts; a row the extractor no longer makes is dropped (and counted)."""
    from factwire.extract import extract_many
    from factwire.extract.events import FEATURE_NAMES, _learned

    if _learned()["confidence"].get("features") != FEATURE_NAMES:
        _write_unfitted()  # the feature list changed: `train` refits right after
    if rows is None:
        with Path(path).open(encoding="utf-8") as handle:
            rows = [json.loads(line) for line in handle if line.strip()]
    texts = _judged_documents(Path(data_dir), {(r["dataset"], r["document"]) for r in rows})
    events: dict[tuple, dict] = {}
    for (dataset, name), facts in zip(texts, extract_many((t, d, None) for t, d in texts.values())):
        text = texts[(dataset, name)][0]
        for event in facts["events"]:
            trigger = text[event["trigger"]["start"]:event["trigger"]["end"]]
            key = (dataset, name, " ".join(event["sentence"].split()), trigger, event["type"], event["lemma"],
                   *_sides(event["type"], event["subject_actor_id"], event["object_actor_id"]))
            events.setdefault(key, event)
    kept, matched = [], set()
    for row in rows:
        key = (row["dataset"], row["document"], *_judged_key(row))
        event = events.get(key)
        if event is None or key in matched:
            continue  # no longer made, or one row judged twice (the mirror rows of one signing)
        matched.add(key)
        row = {k: row[k] for k in ("dataset", "document", "sentence", "trigger", "type", "lemma",
                                   "subject_actor_id", "object_actor_id", "right", "why")}
        row["row"] = {k: event.get(k) for k in ROW_KEYS}
        row["subject_actor_id"], row["object_actor_id"] = event["subject_actor_id"], event["object_actor_id"]
        kept.append(row)
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in kept:
            handle.write(json.dumps(row, ensure_ascii=False, sort_keys=False) + "\n")
    return len(rows) - len(kept)


def fit_confidence(labelled: list[tuple[str, dict, int]], judged: list[tuple[str, dict, int]] = ()) -> list[float]:
    """The weights, fitted on the fitting half of WikiEvents' documents and the judged rows."""
    from factwire.evaluation.wikievents import fit_logistic, is_fit_document
    from factwire.extract.events import features

    fit = [(e, y) for d, e, y in labelled if is_fit_document(d)] + [(e, y) for _, e, y in judged]
    return fit_logistic([features(e) for e, _ in fit], [y for _, y in fit], l2=L2)


def cross_fitted(labelled: list[tuple[str, dict, int]], judged: list[tuple[str, dict, int]],
                 folds: int = 5) -> list[tuple[float, int]]:
    """(confidence, right) of each judged row from a model fitted without its document's fold
    (folds by a sha256 of the document key): how the confidence does on judged rows it never saw."""
    import hashlib

    from factwire.extract.events import confidence_of

    def fold(key: str) -> int:
        return int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % folds

    scored = []
    for k in range(folds):
        weights = fit_confidence(labelled, [r for r in judged if fold(r[0]) != k])
        scored.extend((confidence_of(e, weights), y) for d, e, y in judged if fold(d) == k)
    return scored


def _write_unfitted() -> None:
    """The events are found (and their features read) before the confidence is fitted: until
    then the rows carry an even 0.5 (all weights zero), which nothing reads. Also what lets
    the judged rows be extracted again after the feature list changed."""
    from factwire.extract import events

    CONFIDENCE_FILE.write_text(json.dumps({"source": "unfitted (the events step is running)",
                                           "features": events.FEATURE_NAMES,
                                           "weights": [0.0] * len(events.FEATURE_NAMES)}) + "\n", encoding="utf-8")
    events.reload_learned()


def train(data_dir: Path) -> None:
    from factwire.extract import events

    data_dir = Path(data_dir)
    senses = learn_senses(data_dir / "rams-dev")
    SENSES_FILE.write_text(json.dumps(senses, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    _write_unfitted()
    from factwire.evaluation.wikievents import is_fit_document

    from factwire.evaluation.wikievents import reliability_rows
    from factwire.settings import get_settings

    labelled = labelled_events(data_dir / "wikievents-dev")
    judged = judged_rows()
    weights = fit_confidence(labelled, judged)
    fit = [y for d, _, y in labelled if is_fit_document(d)]
    threshold = get_settings().display_confidence
    unseen = cross_fitted(labelled, judged)
    shown = [y for c, y in unseen if c >= threshold]
    CONFIDENCE_FILE.write_text(json.dumps({
        "source": "WikiEvents dev (wikievents-dev), the documents whose sha256 id is even, and the rows judged "
                  "by reading them (factwire/training/events_judged.jsonl); python -m factwire.training events",
        "features": events.FEATURE_NAMES,
        "weights": weights,
        "l2": L2,
        "events": len(fit),
        "right": sum(fit),
        "judged": len(judged),
        "judged_right": sum(y for *_, y in judged),
        "judged_cross_fitted": {
            "shown": len(shown), "right_shown": sum(shown), "display_confidence": threshold,
            "bins": [r.kind.replace("events confidence ", "").replace(" (held-out documents)", "")
                     + f": {r.items} rows, {r.score:.3f} right"
                     for r in reliability_rows(unseen, threshold)[1:]],
        },
    }, indent=1) + "\n", encoding="utf-8")
    events.reload_learned()
    print(f"{len(senses['animate_nouns'])} animate nouns, {len(senses['goods_nouns'])} goods nouns; "
          f"confidence fitted on {len(fit)} event rows of the fitting half ({sum(fit)} right) and {len(judged)} "
          f"judged rows ({sum(y for *_, y in judged)} right); judged rows cross-fitted: {sum(shown)} of "
          f"{len(shown)} shown right")


if __name__ == "__main__":
    from factwire.evaluation.runner import default_data_dir

    args = [a for a in sys.argv[1:] if a != "--refresh-judged"]
    data = Path(args[0]) if args else default_data_dir()
    if "--refresh-judged" in sys.argv:
        print(f"{refresh_judged(data)} judged rows no longer made by the extractor, dropped")
    train(data)
