"""Unit tests of the eval scoring: span counts, accuracy, the MEANTIME and GUM scorers on
hand-made documents and predictions, the table, the JSON and the command line."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factwire.evaluation import gum, meantime, runner
from factwire.evaluation.core import ScoreRow, SpanCounts, accuracy_row

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


def test_default_data_dir_is_beside_the_repository():
    repo = next(p for p in Path(runner.__file__).resolve().parents if (p / "pyproject.toml").is_file())
    assert runner.default_data_dir() == repo.parent / "shared" / "eval"
