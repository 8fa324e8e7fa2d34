"""Unit tests of the eval scoring: span counts, accuracy, train/dev splits, the MEANTIME, GUM,
CoNLL, PolNeAR, RAMS and WikiEvents scorers on hand-made documents and predictions, the table,
the JSON and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factwire.evaluation import conll, gum, meantime, polnear, rams, runner, wikievents
from factwire.evaluation.core import (ScoreRow, SpanCounts, accuracy_row, sample_documents,
                                      side_by_side, split_label)

GOLD = [(0, 5, "ORG"), (10, 15, "PER"), (20, 30, "LOC"), (40, 45, "ORG")]


def test_span_counts_nothing_predicted_scores_zero():
    c = SpanCounts()
    c.add(GOLD, [], "overlap")
    assert (c.precision, c.recall, c.f1) == (0.0, 0.0, 0.0)
    assert c.gold_total == 4


def test_span_counts_perfect_prediction_scores_one():
    for mode in ("overlap", "strict"):
        c = SpanCounts()
        c.add(GOLD, list(GOLD), mode)
        assert (c.precision, c.recall, c.f1) == (1.0, 1.0, 1.0)


def test_span_counts_half_right():
    # Two gold spans found exactly, one predicted span of the wrong type, one spurious span.
    pred = [(0, 5, "ORG"), (10, 15, "PER"), (20, 30, "PER"), (50, 55, "ORG")]
    c = SpanCounts()
    c.add(GOLD, pred, "strict")
    assert (c.precision, c.recall, c.f1) == (0.5, 0.5, 0.5)


def test_span_counts_overlap_versus_strict():
    pred = [(1, 5, "ORG"), (10, 14, "PER")]  # both overlap, neither is exact
    overlap, strict = SpanCounts(), SpanCounts()
    overlap.add(GOLD, pred, "overlap")
    strict.add(GOLD, pred, "strict")
    assert (overlap.precision, overlap.recall) == (1.0, 0.5)
    assert overlap.f1 == pytest.approx(2 / 3)
    assert (strict.precision, strict.recall, strict.f1) == (0.0, 0.0, 0.0)


def test_span_counts_micro_average_over_documents():
    c = SpanCounts()
    c.add([(0, 1, "X")], [(0, 1, "X")], "strict")
    c.add([(0, 1, "X"), (2, 3, "X"), (4, 5, "X")], [], "strict")
    assert (c.precision, c.recall) == (1.0, 0.25)
    assert c.f1 == pytest.approx(0.4)


def test_accuracy_row_and_target():
    row = accuracy_row("d", "k", 3, 4, target=0.8)
    assert row.score == 0.75 and row.items == 4 and row.passed is False
    assert accuracy_row("d", "k", 0, 0).score == 0.0
    assert accuracy_row("d", "k", 4, 4, target=0.8).passed is True
    assert accuracy_row("d", "k", 4, 4).passed is None


# --- MEANTIME scorer on a hand-made document --------------------------------------------------

TEXT = "Apple buys Beats for $3 billion\nMay 28, 2014\nApple said on Wednesday it owns 5% of Beats."


def _span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return at, at + len(needle)


def _meantime_doc() -> meantime.MeantimeDoc:
    apple, beats = _span(TEXT, "Apple"), _span(TEXT, "Beats")
    apple2, beats2 = _span(TEXT, "Apple", 1), _span(TEXT, "Beats", 1)
    return meantime.MeantimeDoc(
        doc_id="1", text=TEXT, published=dt.date(2014, 5, 28),
        names=[(*apple, "ORG"), (*beats, "ORG"), (*apple2, "ORG"), (*beats2, "ORG")],
        values=[(*_span(TEXT, "$3 billion"), "MONEY"), (*_span(TEXT, "5%"), "PERCENT")],
        dates=[(*_span(TEXT, "May 28, 2014"), "2014-05-28"), (*_span(TEXT, "Wednesday"), "2014-05-28")],
        transactions=[meantime.GoldTransaction("buy", _span(TEXT, "buys"), (apple,), (beats,))],
    )


def _perfect_prediction(doc: meantime.MeantimeDoc) -> dict:
    actors = [{"id": "apple", "name": "Apple", "type": "organization", "country": None},
              {"id": "beats", "name": "Beats", "type": "organization", "country": None}]
    mentions = [{"actor_id": doc.text[s:e].lower(), "text": doc.text[s:e], "start": s, "end": e}
                for s, e, _ in doc.names]
    kinds = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity"}
    amounts = [{"text": doc.text[s:e], "start": s, "end": e, "kind": kinds[t]} for s, e, t in doc.values]
    dates = [{"text": doc.text[s:e], "start": s, "end": e, "value": v, "precision": "day"}
             for s, e, v in doc.dates]
    trig = _span(TEXT, "buys")
    events = [{"type": "acquisition", "subject_actor_id": "apple", "object_actor_id": "beats",
               "text": "buys", "start": trig[0], "end": trig[1]}]
    return {"actors": actors, "mentions": mentions, "amounts": amounts, "dates": dates,
            "quotes": [], "citations": [], "deals": [], "events": events}


EMPTY = {"actors": [], "mentions": [], "amounts": [], "dates": [], "quotes": [], "citations": [],
         "deals": [], "events": []}


def _scores(rows: list[ScoreRow]) -> dict[tuple[str, str], float]:
    return {(r.kind, r.metric): r.score for r in rows}


def test_meantime_perfect_prediction_scores_one():
    doc = _meantime_doc()
    scores = _scores(meantime.score_documents([doc], [_perfect_prediction(doc)]))
    for key in [("named PER/ORG/LOC mentions", "f1-overlap"), ("named PER/ORG/LOC mentions", "f1-strict"),
                ("MONEY spans", "f1-strict"), ("PERCENT spans", "f1-strict"), ("DATE spans", "f1-overlap"),
                ("DATE value", "accuracy"), ("transaction (trigger, Arg0, Arg1)", "f1-overlap")]:
        assert scores[key] == 1.0, key


def test_meantime_empty_prediction_scores_zero():
    rows = meantime.score_documents([_meantime_doc()], [EMPTY])
    assert all(r.score == 0.0 for r in rows)
    assert {r.kind: r.items for r in rows}["named PER/ORG/LOC mentions"] == 4


def test_meantime_half_right_prediction():
    doc = _meantime_doc()
    pred = _perfect_prediction(doc)
    pred["mentions"] = pred["mentions"][:2]  # two of the four names
    pred["dates"][1]["value"] = "2014-05-21"  # "Wednesday" resolved to the wrong week
    pred["events"][0]["object_actor_id"] = "apple"  # Arg1 wrong: no transaction match
    pred["amounts"].append({"text": "2014", "start": TEXT.index("2014"), "end": TEXT.index("2014") + 4,
                            "kind": "percent"})  # a spurious percent
    scores = _scores(meantime.score_documents([doc], [pred]))
    # names: precision 1, recall 1/2 -> F1 2/3
    assert scores[("named PER/ORG/LOC mentions", "f1-strict")] == pytest.approx(2 / 3)
    assert scores[("DATE value", "accuracy")] == 0.5
    assert scores[("DATE spans", "f1-strict")] == 1.0
    # percent: precision 1/2, recall 1 -> F1 2/3
    assert scores[("PERCENT spans", "f1-strict")] == pytest.approx(2 / 3)
    assert scores[("transaction (trigger, Arg0, Arg1)", "f1-overlap")] == 0.0


def test_meantime_ignores_pronouns_and_unscored_names():
    doc = _meantime_doc()
    doc.unscored_names = [_span(TEXT, "Wednesday")]  # pretend a product name is there
    pred = _perfect_prediction(doc)
    it = _span(TEXT, "it")
    wed = _span(TEXT, "Wednesday")
    pred["mentions"] += [{"actor_id": "apple", "text": "it", "start": it[0], "end": it[1]},
                         {"actor_id": "beats", "text": "Wednesday", "start": wed[0], "end": wed[1]}]
    assert _scores(meantime.score_documents([doc], [pred]))[
        ("named PER/ORG/LOC mentions", "f1-strict")] == 1.0


def test_meantime_transaction_from_deal_with_explicit_keys_and_coreference():
    doc = _meantime_doc()
    # Gold Arg0 is "it", which names Apple elsewhere; the deal points at the other "Apple".
    it, apple2 = _span(TEXT, "it"), _span(TEXT, "Apple", 1)
    doc.transactions = [meantime.GoldTransaction("buy", _span(TEXT, "buys"), (it, apple2), None)]
    trig = _span(TEXT, "buys")
    deal = {"id": "d1", "kind": "acquisition", "parties": [], "buyer": None, "seller": None,
            "item": None, "mentions": [{"start": 0, "end": 31}],
            "trigger_start": trig[0], "trigger_end": trig[1],
            "arg0_start": apple2[0], "arg0_end": apple2[1]}
    pred = dict(EMPTY, deals=[deal])
    assert meantime.match_transactions(doc.transactions, meantime.predicted_transactions(pred, TEXT)) == 1
    # The same keys nested, as the extractor writes them.
    nested = {"mentions": deal["mentions"], "trigger": {"start": trig[0], "end": trig[1]},
              "arg0": {"start": apple2[0], "end": apple2[1]}}
    assert meantime.match_transactions(
        doc.transactions, meantime.predicted_transactions(dict(EMPTY, deals=[nested]), TEXT)) == 1
    # A trigger that is no transaction word ("said") is not a transaction prediction.
    said = _span(TEXT, "said")
    other = dict(nested, trigger={"start": said[0], "end": said[1]})
    assert meantime.predicted_transactions(dict(EMPTY, events=[other]), TEXT) == []
    assert len(meantime.predicted_transactions(dict(EMPTY, events=[nested]), TEXT)) == 1
    # A wrong agent does not match.
    wrong = dict(nested, arg0={"start": 11, "end": 16})
    assert meantime.match_transactions(
        doc.transactions, meantime.predicted_transactions(dict(EMPTY, deals=[wrong]), TEXT)) == 0
    # The same deal without explicit keys: the trigger word is found inside its span.
    found = meantime.predicted_transactions(dict(EMPTY, deals=[{"mentions": [{"start": 0, "end": 31}]}]), TEXT)
    assert [p.trigger for p in found] == [trig]


def test_normalise_date_value():
    assert meantime.normalise_date_value(dt.date(2007, 1, 10)) == "2007-01-10"
    assert meantime.normalise_date_value("2007-01-10", "month") == "2007-01"
    assert meantime.normalise_date_value("2007-01-10", "year") == "2007"
    assert meantime.normalise_date_value("2008-Q3") == "2008-Q3"


def test_looks_named():
    assert meantime.looks_named("Apple Inc.")
    assert meantime.looks_named("the US Federal Reserve")
    assert meantime.looks_named("eBay")
    assert not meantime.looks_named("the company")
    assert not meantime.looks_named("It")
    assert meantime.looks_named("US") and not meantime.looks_named("us")
    assert not meantime.looks_named("The firm")


def test_detokenise_keeps_token_offsets():
    tokens = ["Apple", "'s", "shares", "rose", "5", "%", "(", "to", "$", "3", ")", ",", '"', "a",
              "record", '"', "."]
    text, offsets = meantime.detokenise(tokens)
    assert text == 'Apple\'s shares rose 5% (to $3), "a record".'
    assert [text[s:e] for s, e in offsets] == tokens


# --- GUM scorer -------------------------------------------------------------------------------

def test_gum_scores_perfect_empty_and_half():
    text = "Angela Merkel met Google in Berlin and Paris."
    names = [(0, 13, "person"), (18, 24, "organization"), (28, 34, "place"), (39, 44, "place")]
    doc = gum.GumDoc(doc_id="g", text=text, published=None, mentions=[
        gum.GumMention(s, e, t, named=True, identity=None) for s, e, t in names
    ] + [gum.GumMention(0, 44, "event", named=False, identity=None)])
    actors = [{"id": t, "name": t, "type": t} for t in ("person", "organization", "place")]

    def pred(spans):
        return dict(EMPTY, actors=actors, mentions=[
            {"actor_id": t, "text": text[s:e], "start": s, "end": e} for s, e, t in spans])

    perfect = _scores(gum.score_documents([doc], [pred(names)]))
    assert perfect[("named person/organization/place mentions", "f1-strict")] == 1.0
    empty = _scores(gum.score_documents([doc], [EMPTY]))
    assert set(empty.values()) == {0.0}
    # "Angela" found (overlap only), Google typed place: wrong; Berlin right; Paris missed.
    half = pred([(0, 6, "person"), (18, 24, "place"), (28, 34, "place")])
    scores = _scores(gum.score_documents([doc], [half]))
    assert scores[("named person/organization/place mentions", "f1-overlap")] == pytest.approx(
        2 * (2 / 3) * (2 / 4) / (2 / 3 + 2 / 4))
    assert scores[("named person/organization/place mentions", "f1-strict")] == pytest.approx(
        2 * (1 / 3) * (1 / 4) / (1 / 3 + 1 / 4))


def test_gum_names_are_also_scored_on_the_held_out_and_the_fitted_half():
    text = "Angela Merkel met Google."
    gold = [(0, 13, "person"), (18, 24, "organization")]
    ids = [f"doc{i}" for i in range(4)]
    fit = gum.fit_ids(ids)
    assert len(fit) == 2
    docs = [gum.GumDoc(doc_id=i, text=text, published=None, mentions=[
        gum.GumMention(s, e, t, named=True, identity=None) for s, e, t in gold]) for i in ids]
    actors = [{"id": t, "name": t, "type": t} for t in ("person", "organization")]
    # Every name found in the fitted documents, none in the held-out ones.
    preds = [dict(EMPTY, actors=actors, mentions=[
        {"actor_id": t, "text": text[s:e], "start": s, "end": e} for s, e, t in gold])
        if i in fit else EMPTY for i in ids]
    rows = gum.score_documents(docs, preds, "gum-other", by_half=True)
    scores = {(r.dataset, r.kind, r.metric): r for r in rows}
    whole = scores[("gum-other", gum.NAMES_KIND, "f1-overlap")]
    assert whole.recall == 0.5 and whole.target == 0.82
    assert scores[("gum-other/fit", gum.NAMES_KIND, "f1-overlap")].score == 1.0
    held_out = scores[("gum-other/held-out", gum.NAMES_KIND, "f1-overlap")]
    assert held_out.score == 0.0 and held_out.items == 4 and held_out.target is None
    assert scores[("gum-other/fit", "named person mentions", "f1-overlap")].items == 2
    # Without by_half, the rows are the whole set's alone.
    assert {r.dataset for r in gum.score_documents(docs, preds, "gum-other")} == {"gum-other"}


# --- MEANTIME deal sentences and the agent among the deal's parties ------------------------------

def _deal_doc() -> meantime.MeantimeDoc:
    # Four sentences: title, date line, a sale with its agent, a sentence with no transaction.
    text = "Apple buys Beats\nMay 28, 2014\nApple said it bought Beats. Shares rose."
    sentences = [(0, 16), (17, 29), (30, 57), (58, 70)]
    assert [text[s:e] for s, e in sentences] == ["Apple buys Beats", "May 28, 2014",
                                                 "Apple said it bought Beats.", "Shares rose."]
    buys, bought = _span(text, "buys"), _span(text, "bought")
    apple, apple2 = _span(text, "Apple"), _span(text, "Apple", 1)
    return meantime.MeantimeDoc(doc_id="d", text=text, published=None, sentences=sentences, transactions=[
        meantime.GoldTransaction("buy", buys, (apple,), None),
        meantime.GoldTransaction("buy", bought, (_span(text, "it"), apple2), None),
    ])


def _deal_rows(doc, deals, mentions) -> dict[tuple[str, str], ScoreRow]:
    pred = dict(EMPTY, deals=deals, mentions=mentions,
                actors=[{"id": "apple", "name": "Apple", "type": "organization"}])
    return {(r.kind, r.metric): r for r in meantime.score_documents([doc], [pred])}


def test_meantime_deal_sentences_and_agent():
    doc = _deal_doc()
    text = doc.text
    apple2 = _span(text, "Apple", 1)
    mention = {"actor_id": "apple", "text": "Apple", "start": apple2[0], "end": apple2[1]}
    bought = _span(text, "bought")
    rose = _span(text, "rose")
    # One deal on "bought" with Apple as buyer, one wrong deal on "rose" (a sentence with no
    # gold transaction): deal sentences precision 1/2, recall 1/2 (the title is missed); the
    # agent is found for "bought", not for "buys" (no deal there): 1/2.
    deals = [{"trigger": {"start": bought[0], "end": bought[1]}, "buyer": "apple", "parties": ["apple"],
              "mentions": []},
             {"mentions": [{"start": rose[0] - 7, "end": rose[1], "trigger": {"start": rose[0], "end": rose[1]}}],
              "parties": []}]
    rows = _deal_rows(doc, deals, [mention])
    precision, recall = rows[("deal sentences", "precision")], rows[("deal sentences", "recall")]
    assert (precision.score, precision.recall, precision.items) == (0.5, 0.5, 2)
    assert (recall.score, recall.precision) == (0.5, 0.5)
    agent = rows[("transaction agent (Arg0) found among the deal's parties", "recall")]
    assert (agent.score, agent.items) == (0.5, 2)
    # The same deal with its party named elsewhere than the agent: not found.
    elsewhere = dict(mention, start=_span(text, "Beats", 1)[0], end=_span(text, "Beats", 1)[1])
    rows = _deal_rows(doc, deals[:1], [elsewhere])
    assert rows[("transaction agent (Arg0) found among the deal's parties", "recall")].score == 0.0
    assert rows[("deal sentences", "precision")].score == 1.0


# --- train and dev splits ---------------------------------------------------------------------

def test_sample_documents_is_seeded_and_keeps_corpus_order():
    docs = list(range(100))
    first = sample_documents(docs, 10, "conll/train")
    assert first == sample_documents(docs, 10, "conll/train")  # same seed, same sample
    assert first == sorted(first) and len(set(first)) == 10
    assert first != sample_documents(docs, 10, "polnear/train")  # another seed, another sample
    assert sample_documents(docs, None, "x") == docs and sample_documents(docs, 500, "x") == docs


def test_side_by_side_puts_each_train_row_under_its_dev_row_without_target():
    dev = [ScoreRow("d/dev", "a", "f1-strict", 0.5, 10, target=0.8),
           ScoreRow("d/dev", "b", "recall", 0.4, 5, target=0.3)]
    train = [ScoreRow("d/train", "b", "recall", 0.9, 50, target=0.3),
             ScoreRow("d/train", "a", "f1-strict", 0.7, 100, target=0.8)]
    rows = side_by_side(dev, train)
    assert [(r.dataset, r.kind) for r in rows] == [("d/dev", "a"), ("d/train", "a"),
                                                  ("d/dev", "b"), ("d/train", "b")]
    assert [r.target for r in rows] == [0.8, None, 0.3, None]
    assert split_label("polnear", "dev", 84, 84) == "polnear/dev"
    assert split_label("polnear", "train", 200, 840) == "polnear/train 200/840"


# --- CoNLL-2003 -----------------------------------------------------------------------------

CONLL = """-DOCSTART- -X- -X- O

EU NNP B-NP B-ORG
rejects VBZ B-VP O
German JJ B-NP B-MISC
call NN I-NP O
by IN O O
Peter NNP B-NP B-PER
Blackburn NNP I-NP I-PER
. . O O

BRUSSELS NNP B-NP I-LOC
Paris NNP B-NP B-LOC
Rome NNP I-NP B-LOC
1996-08-22 CD I-NP O

-DOCSTART- -X- -X- O

University NNP B-NP B-ORG
of IN I-NP I-ORG
Sheffield NNP I-NP I-ORG
"""


def test_conll_parse_rebuilds_text_with_spaces_and_exact_offsets():
    first, second = conll.parse_conll(CONLL, "t")
    assert first.doc_id == "t-0001" and second.doc_id == "t-0002"
    assert first.text == "EU rejects German call by Peter Blackburn .\nBRUSSELS Paris Rome 1996-08-22"
    assert first.sentences == 2 and len(first.tokens) == 12
    assert [first.text[s:e] for s, e in first.tokens][:3] == ["EU", "rejects", "German"]
    # I-LOC after O opens an entity (as conlleval reads it); B-LOC after B-LOC is a new one.
    assert [(first.text[s:e], t) for s, e, t in first.entities] == [
        ("EU", "ORG"), ("German", "MISC"), ("Peter Blackburn", "PER"), ("BRUSSELS", "LOC"),
        ("Paris", "LOC"), ("Rome", "LOC")]
    assert [t for *_, t in first.names] == ["ORG", "PER", "LOC", "LOC", "LOC"]  # MISC not scored
    assert [(second.text[s:e], t) for s, e, t in second.entities] == [("University of Sheffield", "ORG")]


def _conll_prediction(doc, spans, kinds=None) -> dict:
    types = {"PER": "person", "ORG": "organization", "LOC": "country"}
    actors = [{"id": t, "name": t, "type": types[t]} for t in types]
    mentions = []
    for i, (s, e, t) in enumerate(spans):
        mention = {"actor_id": t, "text": doc.text[s:e], "start": s, "end": e}
        if kinds and kinds[i]:
            mention["kind"] = kinds[i]
        mentions.append(mention)
    return dict(EMPTY, actors=actors, mentions=mentions)


def test_conll_scores_exact_spans_flat_and_the_spacy_reference():
    first, second = conll.parse_conll(CONLL, "t")
    docs = [first, second]
    perfect = [_conll_prediction(d, d.names) for d in docs]
    rows = {(r.kind, r.metric): r for r in conll.score_documents(docs, perfect)}
    assert rows[(conll.KIND, "f1-strict")].score == 1.0 and rows[(conll.KIND, "f1-strict")].items == 6
    assert rows[(conll.KIND, "f1-strict")].target == 0.85
    assert (conll.SPACY_KIND, "f1-strict") not in rows  # no spaCy entities given: no reference row

    # "Sheffield" inside "University of Sheffield" is a nested name: CoNLL is flat, so it is
    # left out; "German" as a demonym is not a name; "Peter" alone is not the exact span.
    sheffield = second.text.index("Sheffield")
    german = first.text.index("German")
    peter = first.text.index("Peter")
    half = [_conll_prediction(first, [first.names[0], (peter, peter + 5, "PER"), *first.names[2:4],
                                      (german, german + 6, "LOC")], [None, None, None, None, "demonym"]),
            _conll_prediction(second, [*second.names, (sheffield, sheffield + 9, "LOC")], [None, "nested"])]
    spacy = [[(0, 2, "ORG"), (german, german + 6, "NORP"), (peter, peter + 15, "PERSON"),
              (first.text.index("Rome"), first.text.index("Rome") + 4, "GPE"), (4, 10, "DATE")],
             []]
    rows = {(r.kind, r.metric): r for r in conll.score_documents(docs, half, spacy, "c/dev")}
    strict = rows[(conll.KIND, "f1-strict")]
    # Predicted: EU, Peter, BRUSSELS, Paris, University of Sheffield; right: 4 of 5; gold found 4 of 6.
    assert (strict.precision, strict.recall) == (4 / 5, 4 / 6)
    assert rows[(conll.KIND, "f1-overlap")].recall == 5 / 6  # "Peter" overlaps "Peter Blackburn"
    assert rows[("PER entities", "f1-strict")].score == 0.0
    assert rows[("LOC entities", "f1-strict")].recall == 2 / 3
    reference = rows[(conll.SPACY_KIND, "f1-strict")]
    # spaCy: EU, Peter Blackburn, Rome right (NORP and DATE are not scored): 3 of 3, 3 of 6.
    assert (reference.precision, reference.recall) == (1.0, 0.5)
    assert strict.dataset == "c/dev"


# --- PolNeAR ----------------------------------------------------------------------------------

POLNEAR_TEXT = (
    "Clinton spoke in Ohio.\n"
    "\u201cWe will win this election,\u201d said Hillary Clinton.\n"
    "He called them \u201cdeplorables\u201d on Monday.\n"
    "\u201cThe numbers are clear and they favour us,\u201d he said.\n"
    "The economy grew, according to the Commerce Department.\n"
    "According to critics, the plan failed."
)


def _polnear_offsets(needle: str, nth: int = 0) -> tuple[int, int]:
    return _span(POLNEAR_TEXT, needle, nth)


def _polnear_ann() -> str:
    t = POLNEAR_TEXT
    lines = []

    def ent(tid, etype, *spans):
        frag = ";".join(f"{s} {e}" for s, e in spans)
        lines.append(f"{tid}\t{etype} {frag}\t" + " ".join(t[s:e] for s, e in spans))

    q1 = _polnear_offsets("\u201cWe will win this election,\u201d")
    ent("T1", "Content", q1)
    ent("T2", "Cue", _polnear_offsets("said"))
    ent("T3", "Source", _polnear_offsets("Hillary Clinton"))
    lines.append("E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3")
    # A partial quote: the content holds a quotation but is not in quotation marks.
    ent("T4", "Content", _polnear_offsets("them \u201cdeplorables\u201d"))
    ent("T5", "Cue", _polnear_offsets("called"))
    ent("T6", "Source", _polnear_offsets("He"))
    lines.append("E2\tAttribution:T5 Content:T4 Cue:T5 Source:T6")
    # A direct quote whose marks lie just outside the annotated span, with a pronoun source.
    q3 = _polnear_offsets("The numbers are clear and they favour us,")
    ent("T7", "Content", q3)
    ent("T8", "Cue", _polnear_offsets("said", 1))
    ent("T9", "Source", _polnear_offsets("he", 1))
    lines.append("E3\tAttribution:T8 Source:T9 Content:T7 Cue:T8")
    ent("T10", "Cue", _polnear_offsets("according to"))
    ent("T11", "Source", _polnear_offsets("the Commerce Department"))
    ent("T12", "Content", _polnear_offsets("The economy grew"))
    lines.append("E4\tAttribution:T10 Content:T12 Cue:T10 Source:T11")
    ent("T13", "Cue", _polnear_offsets("According to"))
    ent("T14", "Source", _polnear_offsets("critics"))
    ent("T15", "Content", _polnear_offsets("the plan failed"))
    lines.append("E5\tAttribution:T13 Content:T15 Cue:T13 Source:T14")
    lines.append("#1\tAnnotatorNotes T1\ta note")
    return "\n".join(lines) + "\n"


def test_polnear_gold_direct_quotes_sources_and_according_to():
    doc = polnear.parse_document("a", POLNEAR_TEXT, _polnear_ann())
    quotes = [(POLNEAR_TEXT[q.spans[0][0]:q.spans[-1][1]], q.named_source) for q in doc.quotes]
    assert quotes == [("\u201cWe will win this election,\u201d", True),
                      ("The numbers are clear and they favour us,", False)]
    assert [POLNEAR_TEXT[s:e] for spans in doc.partial_quotes for s, e in spans] == ["them \u201cdeplorables\u201d"]
    assert [POLNEAR_TEXT[s:e] for spans in doc.according_to for s, e in spans] == [
        "the Commerce Department", "critics"]


def test_polnear_named_source_test():
    text = "Trump spoke. Officials said so.\nLater, the Trump campaign and Gregory W. Meeks replied."
    named = lambda needle: polnear.is_named(text, (_span(text, needle),))
    assert named("Trump")  # begins a sentence, but is written capitalised inside one elsewhere
    assert not named("Officials")  # begins a sentence and nowhere else capitalised
    assert named("the Trump campaign") and named("Meeks")
    assert not polnear.is_named("He said it.", ((0, 2),))


def _polnear_prediction(quotes, citations=(), mentions=(), actors=()) -> dict:
    return dict(EMPTY, quotes=list(quotes), citations=list(citations), mentions=list(mentions),
                actors=list(actors))


def test_polnear_scores_quotes_speakers_and_citations():
    doc = polnear.parse_document("a", POLNEAR_TEXT, _polnear_ann())
    win = _polnear_offsets("We will win this election,")
    numbers = _polnear_offsets("The numbers are clear and they favour us,")
    clinton = _polnear_offsets("Hillary Clinton")
    first_clinton = _polnear_offsets("Clinton")
    deplorables = _polnear_offsets("deplorables")
    dept = _polnear_offsets("Commerce Department")
    actors = [{"id": "hc", "name": "Hillary Clinton", "type": "person"}]
    perfect = _polnear_prediction(
        [{"start": win[0], "end": win[1], "speaker_actor_id": "hc", "speaker_text": "Hillary Clinton"},
         {"start": numbers[0], "end": numbers[1], "speaker_actor_id": "hc", "speaker_text": "he"},
         {"start": deplorables[0], "end": deplorables[1], "speaker_actor_id": None, "speaker_text": None}],
        citations=[{"start": dept[0], "end": dept[1], "text": "Commerce Department"},
                   {"start": None, "end": None, "text": "Reuters"}],
        mentions=[{"actor_id": "hc", "text": "Clinton", "start": first_clinton[0], "end": first_clinton[1]},
                  {"actor_id": "hc", "text": "Hillary Clinton", "start": clinton[0], "end": clinton[1]}],
        actors=actors)
    rows = {r.kind: r for r in polnear.score_documents([doc], [perfect])}
    # The quote on the partial quote "deplorables" is left out on both sides.
    assert (rows[polnear.QUOTE_KIND].precision, rows[polnear.QUOTE_KIND].recall) == (1.0, 1.0)
    assert (rows[polnear.NAMED_SPEAKER_KIND].score, rows[polnear.NAMED_SPEAKER_KIND].items) == (1.0, 1)
    # "he" said the second quote: the speaker's text matches the gold pronoun.
    assert (rows[polnear.ALL_SPEAKER_KIND].score, rows[polnear.ALL_SPEAKER_KIND].items) == (1.0, 2)
    according = rows[polnear.ACCORDING_KIND]
    assert (according.score, according.items, according.precision) == (0.5, 2, 1.0)
    assert according.target == 0.85

    # Wrong speakers: the first quote to nobody, the second to an actor named elsewhere; a
    # spurious quote on "Ohio" text; the citation on "Clinton".
    wrong = _polnear_prediction(
        [{"start": win[0], "end": win[1], "speaker_actor_id": None, "speaker_text": None},
         {"start": numbers[0], "end": numbers[1], "speaker_actor_id": "bo", "speaker_text": "Obama"},
         {"start": 0, "end": 21, "speaker_actor_id": None, "speaker_text": None}],
        citations=[{"start": first_clinton[0], "end": first_clinton[1], "text": "Clinton"}],
        actors=[{"id": "bo", "name": "Barack Obama", "type": "person"}])
    rows = {r.kind: r for r in polnear.score_documents([doc], [wrong])}
    assert (rows[polnear.QUOTE_KIND].precision, rows[polnear.QUOTE_KIND].recall) == (2 / 3, 1.0)
    assert rows[polnear.NAMED_SPEAKER_KIND].score == 0.0 and rows[polnear.ALL_SPEAKER_KIND].score == 0.0
    assert rows[polnear.ACCORDING_KIND].score == 0.0 and rows[polnear.ACCORDING_KIND].precision is None


def test_polnear_speaker_name_matching():
    text = "Donald Trump said it. Hillary Clinton too."
    trump = (_span(text, "Donald Trump"),)
    quote = lambda speaker: {"speaker_actor_id": None, "speaker_text": speaker}
    assert polnear.speaker_matches(quote("Trump"), trump, text, EMPTY)
    assert not polnear.speaker_matches(quote("Bill Clinton"), (_span(text, "Hillary Clinton"),), text, EMPTY)
    assert not polnear.speaker_matches(quote(None), trump, text, EMPTY)
    # The actor's name counts when the text the speaker was found by does not match.
    pred = dict(EMPTY, actors=[{"id": "t", "name": "Donald Trump"}])
    assert polnear.speaker_matches({"speaker_actor_id": "t", "speaker_text": "the president"}, trump, text, pred)


# --- GUM dates --------------------------------------------------------------------------------

GUM_DATES = """# newdoc id = GUM_test_dates
# meta::dateCreated = 2015-09-12
# newpar
# sent_id = 1
1\tOn\ton\tADP\tIN\t_\t3\tcase\t_\t_
2\tSaturday\tSaturday\tPROPN\tNNP\t_\t5\tobl\t_\tXML=<date when:::"2015-09-12">
3\t,\t,\tPUNCT\t,\t_\t2\tpunct\t_\t_
4\tSeptember\tSeptember\tPROPN\tNNP\t_\t2\tappos\t_\tXML=</date>
5\tfell\tfall\tVERB\tVBD\t_\t0\troot\t_\t_
6\tin\tin\tADP\tIN\t_\t7\tcase\t_\t_
7\t2008\t2008\tNUM\tCD\t_\t5\tobl\t_\tXML=<date when:::"2008"></date>
8\tand\tand\tCCONJ\tCC\t_\t9\tcc\t_\t_
9\tMay\tMay\tPROPN\tNNP\t_\t7\tconj\t_\tXML=<date when:::"--05"></date>
10\tto\tto\tADP\tIN\t_\t11\tcase\t_\t_
11\t2010\t2010\tNUM\tCD\t_\t5\tobl\t_\tXML=<date from:::"2009" to:::"2010"></date>|SpaceAfter=No
12\t.\t.\tPUNCT\t.\t_\t5\tpunct\t_\t_

"""


def test_gum_date_values_from_the_xml_markup():
    doc = gum.parse_conllu(GUM_DATES)
    assert doc.published == dt.date(2015, 9, 12)
    # Yearless ("--05") and range (from/to) dates are not scored.
    assert [(doc.text[s:e], v) for s, e, v in doc.dates] == [("Saturday , September", "2015-09-12"),
                                                            ("2008", "2008")]
    right = {"start": doc.text.index("Saturday"), "end": doc.text.index("Saturday") + 8,
             "value": "2015-09-12", "precision": "day"}
    year = {"start": doc.text.index("2008"), "end": doc.text.index("2008") + 4,
            "value": "2008-01-01", "precision": "year"}
    for dates, expected in (([right, year], 1.0), ([right, dict(year, value="2009-01-01")], 0.5), ([], 0.0)):
        rows = {r.kind: r for r in gum.score_documents([doc], [dict(EMPTY, dates=dates)], "gum-other")}
        assert rows[gum.DATES_KIND].score == expected and rows[gum.DATES_KIND].items == 2
    rows = gum.score_documents([doc], [EMPTY], "gum-other")
    assert {(r.kind, r.target) for r in rows if r.target} == {(gum.NAMES_KIND, 0.82), (gum.DATES_KIND, 0.85)}
    assert {r.dataset for r in rows} == {"gum-other"}


# --- RAMS -------------------------------------------------------------------------------------

RAMS_EXAMPLE = {
    "doc_key": "nw_test",
    "sentences": [["Russia", "sold", "jets", "to", "Syria", "."],
                  ["The", "deal", "was", "n't", "cheap", "."]],
    "evt_triggers": [[1, 1, [["transaction.transferownership.n/a", 1.0]]]],
    "gold_evt_links": [[[1, 1], [0, 0], "evt139arg01giver"], [[1, 1], [4, 4], "evt139arg02recipient"],
                       [[1, 1], [2, 2], "evt139arg04artifact"]],
}


def test_rams_example_offsets_and_roles():
    doc = rams.parse_example(RAMS_EXAMPLE)
    assert doc.text == "Russia sold jets to Syria. The deal wasn't cheap."
    (event,) = doc.events
    assert doc.text[event.trigger[0]:event.trigger[1]] == "sold" and event.scored
    assert [(doc.text[s:e], role) for (s, e), role in event.arguments] == [
        ("Russia", "giver"), ("Syria", "recipient"), ("jets", "artifact")]
    assert [doc.text[s:e] for s, e in event.parties] == ["Russia", "Syria"]
    assert not rams.is_scored_type("transaction.transfermoney.embargosanction")
    assert not rams.is_scored_type("transaction.transfermoney.payforservice")
    assert not rams.is_scored_type("conflict.attack.n/a")


def test_rams_scores_deals_and_parties():
    doc = rams.parse_example(RAMS_EXAMPLE)
    attack = rams.parse_example(dict(RAMS_EXAMPLE, doc_key="b", evt_triggers=[
        [1, 1, [["conflict.attack.n/a", 1.0]]]], gold_evt_links=[]))
    t = doc.text
    sold, deal_word = _span(t, "sold"), _span(t, "deal")
    mentions = [{"actor_id": "ru", "start": 0, "end": 6}, {"actor_id": "fr", "start": 0, "end": 6},
                {"actor_id": "sy", "start": _span(t, "Syria")[0], "end": _span(t, "Syria")[1]}]
    deal = {"trigger": {"start": sold[0], "end": sold[1]}, "parties": ["ru"], "seller": "ru",
            "buyer": None, "mentions": [{"trigger": {"start": deal_word[0], "end": deal_word[1]}}]}
    other = {"trigger": {"start": 30, "end": 31}, "parties": ["sy"]}
    rows = {r.kind: r for r in rams.score_documents(
        [doc, attack], [dict(EMPTY, deals=[deal, other], mentions=mentions),
                        dict(EMPTY, deals=[deal], mentions=mentions)])}
    found, parties = rows[rams.FOUND_KIND], rows[rams.PARTIES_KIND]
    # One scored event, found. Deal triggers on annotated triggers: "sold" twice (the scored sale,
    # and the attack window's trigger): right 1 of 2; "deal" and the other deal touch none.
    assert (found.score, found.items, found.precision) == (1.0, 1, 0.5)
    # The giver Russia is a party, the recipient Syria is not (it is the other deal's): 1 of 2;
    # the one party is right.
    assert (parties.score, parties.items, parties.precision) == (0.5, 2, 1.0)
    assert (found.target, parties.target) == (0.60, 0.55)
    rows = rams.score_documents([doc], [EMPTY])
    assert [r.score for r in rows] == [0.0, 0.0, 0.0] and rows[0].precision is None  # found, parties, two named sides


# --- WikiEvents -------------------------------------------------------------------------------

WIKI_RECORD = {
    "doc_id": "w1",
    "sentences": [
        [[["Bomb", 0, 4], ["kills", 5, 10], ["two", 11, 14]], "Bomb kills two"],
        [[["Police", 15, 21], ["arrested", 22, 30], ["him", 31, 34], [".", 34, 35]], "Police arrested him."],
        [[["He", 38, 40], ["said", 41, 45], ["so", 46, 48]], "He said so"],
    ],
    "event_mentions": [
        {"event_type": "Life.Die.Unspecified", "trigger": {"start": 1, "end": 2}},
        {"event_type": "Justice.ArrestJailDetain.Unspecified", "trigger": {"start": 4, "end": 5}},
        {"event_type": "Contact.Contact.Broadcast", "trigger": {"start": 8, "end": 9}},
    ],
}


def test_wikievents_document_offsets_and_type_map():
    doc = wikievents.parse_document(WIKI_RECORD)
    # One character between the first two sentences (a space), three before the last (a break).
    assert doc.text == "Bomb kills two Police arrested him.\nHe said so"
    assert [doc.text[s:e] for s, e in doc.tokens][4:6] == ["arrested", "him"]
    assert [doc.text[e.trigger[0]:e.trigger[1]] for e in doc.events] == ["kills", "arrested", "said"]
    assert wikievents.ours_for("Conflict.Attack.DetonateExplode") == {"attack"}
    assert wikievents.ours_for("Contact.Contact.Meet") == {"meet"}
    assert wikievents.ours_for("Contact.Contact.Broadcast") == frozenset()


def test_wikievents_precision_and_recall():
    doc = wikievents.parse_document(WIKI_RECORD)
    t = doc.text

    def event(word, kind):
        s, e = _span(t, word)
        return {"type": kind, "trigger": {"start": s, "end": e}}
    # "kills" as an attack (right, twice for two subjects: counted once), "arrested" as a
    # meeting (wrong type), "said" as a warning (no mapped gold there), "so" as praise (a type
    # no KAIROS type maps to: not scored).
    pred = dict(EMPTY, events=[event("kills", "attack"), event("kills", "attack"),
                               event("arrested", "meet"), event("said", "warn"), event("so", "praise")])
    rows = {r.metric: r for r in wikievents.score_documents([doc], [pred])}
    assert (rows["precision"].score, rows["precision"].items) == (1 / 3, 2)
    assert (rows["recall"].score, rows["recall"].precision) == (0.5, 1 / 3)
    assert (rows["precision"].target, rows["recall"].target) == (0.75, 0.50)


# --- table, JSON, command line ----------------------------------------------------------------

ROWS = [
    ScoreRow("meantime-en", "MONEY spans", "f1-overlap", 0.5, 22, 0.25, 1.0, target=0.97),
    ScoreRow("gum-news", "named person mentions", "f1-overlap", 0.9, 349, 0.9, 0.9),
    ScoreRow("gum-news", "named mentions", "f1-overlap", 0.86, 870, 0.8, 0.93, target=0.85),
]


def test_format_table_is_aligned_and_marks_pass_and_fail():
    table = runner.format_table(ROWS)
    lines = table.splitlines()
    assert lines[0].split() == ["dataset", "kind", "metric", "precision", "recall", "score",
                                "items", "target", "result"]
    assert len(lines) == 2 + len(ROWS)
    assert lines[2].endswith("FAIL") and "0.500" in lines[2] and "0.970" in lines[2]
    assert lines[3].rstrip().endswith("349")  # no target: no result
    assert lines[4].endswith("pass")
    # Columns line up: every "metric" cell starts at the same position.
    at = lines[0].index("metric")
    assert all(line[at:at + 3] == "f1-" for line in lines[2:])


def test_to_json_round_trips():
    data = json.loads(json.dumps(runner.to_json(ROWS)))
    assert data["targets_met"] == 1 and data["targets_missed"] == 1
    assert data["rows"][0] == {"dataset": "meantime-en", "kind": "MONEY spans", "metric": "f1-overlap",
                               "precision": 0.25, "recall": 1.0, "score": 0.5, "items": 22,
                               "target": 0.97, "passed": False}
    assert data["rows"][1]["passed"] is None


def test_summary_counts_targets():
    assert runner.summary(ROWS).startswith("3 scores, targets met 1/2, missed: meantime-en MONEY spans")


def test_run_eval_missing_dataset_folder_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="gum-news"):
        runner.run_eval(tmp_path, ["gum-news"])
    with pytest.raises(ValueError, match="unknown"):
        runner.run_eval(tmp_path, ["no-such-set"])


def test_run_eval_skips_scorer_modules_not_written_yet(tmp_path, monkeypatch):
    monkeypatch.setitem(runner.SCORERS, "gum-news", ["factwire.evaluation.not_written_yet"])
    (tmp_path / "gum-news").mkdir()
    messages = []
    assert runner.run_eval(tmp_path, ["gum-news"], log=messages.append) == []
    assert "factwire.evaluation.not_written_yet" in messages[0]


def test_main_writes_json_and_strict_exit_code(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(runner, "run_eval", lambda data_dir, only: ROWS)
    out = tmp_path / "scores.json"
    assert runner.main(["--data", str(tmp_path), "--json", str(out)]) == 0
    assert json.loads(out.read_text())["targets_missed"] == 1
    printed = capsys.readouterr().out
    assert "targets met 1/2" in printed.splitlines()[-1]
    assert runner.main(["--data", str(tmp_path), "--strict"]) == 1


def test_train_docs_reaches_the_scorers_that_take_it(tmp_path, monkeypatch):
    import sys
    import types

    calls = []
    module = types.ModuleType("factwire.evaluation._split_probe")
    module.score = lambda dataset_dir, train_docs=7: calls.append(train_docs) or []
    monkeypatch.setitem(sys.modules, module.__name__, module)
    plain = types.ModuleType("factwire.evaluation._plain_probe")
    plain.score = lambda dataset_dir: calls.append("plain") or []
    monkeypatch.setitem(sys.modules, plain.__name__, plain)
    monkeypatch.setitem(runner.SCORERS, "gum-news", [module.__name__, plain.__name__])
    (tmp_path / "gum-news").mkdir()
    runner.run_eval(tmp_path, ["gum-news"])
    runner.run_eval(tmp_path, ["gum-news"], train_docs=None)
    runner.run_eval(tmp_path, ["gum-news"], train_docs=3)
    assert calls == [7, "plain", None, "plain", 3, "plain"]
    calls.clear()
    runner.main(["--data", str(tmp_path), "--only", "gum-news", "--train-docs", "all"])
    runner.main(["--data", str(tmp_path), "--only", "gum-news", "--train-docs", "5"])
    assert calls == [None, "plain", 5, "plain"]
    with pytest.raises(SystemExit):
        runner.main(["--data", str(tmp_path), "--train-docs", "0"])


def test_default_data_dir_is_beside_the_repository():
    repo = next(p for p in Path(runner.__file__).resolve().parents if (p / "pyproject.toml").is_file())
    assert runner.default_data_dir() == repo.parent / "shared" / "eval"
