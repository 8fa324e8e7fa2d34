"""The MEANTIME and GUM parsers on real files of the shared eval data (../shared/eval)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from factwire.evaluation import gum, meantime
from factwire.evaluation.runner import default_data_dir

EVAL = default_data_dir()
MEANTIME_DIR = EVAL / "meantime-en"
CISCO = MEANTIME_DIR / "intra-doc_annotation" / "corpus_apple" / "58383_Cisco_sues_Apple.xml"
AIG = (MEANTIME_DIR / "intra-doc_annotation" / "corpus_stock"
       / "113219_Stock_markets_worldwide_fall_dramatically.xml")
CRANE = EVAL / "gum-news" / "GUM_news_crane.conllu"


@pytest.fixture(scope="module", autouse=True)
def eval_data_present():
    # The shared eval data is part of the workspace; its absence is a failure, not a skip.
    for path in (CISCO, AIG, CRANE):
        assert path.is_file(), f"eval data missing: {path}"


def _texts(doc, spans):
    return [doc.text[s:e] for s, e, *_ in spans]


def test_meantime_cisco_article():
    doc = meantime.parse_document(CISCO)
    assert doc.doc_id == "58383"
    assert doc.published == dt.date(2007, 1, 12)
    assert doc.text.startswith("Cisco sues Apple for iPhone trademark\nJanuary 12, 2007\nThe iPhone")
    assert doc.text.endswith("so that the latter would stop selling the device.")
    assert "(which was resented on Wednesday for the first time) - Apple Inc. -" in doc.text
    # Only sentences 0-5: the article goes on, the text stops after the fourth body sentence.
    assert len(doc.text) == 620
    names = sorted(set(doc.names))
    assert len(names) == 7
    assert [(doc.text[s:e], t) for s, e, t in names] == [
        ("Cisco", "ORG"), ("Apple", "ORG"), ("Apple Inc.", "ORG"), ("San Jose", "LOC"),
        ("Cisco", "ORG"), ("Cisco", "ORG"), ("Apple Inc.", "ORG")]
    assert "iPhone" in _texts(doc, doc.unscored_names)  # a PRO name, scored on neither side
    assert doc.values == []
    assert sorted((doc.text[s:e], v) for s, e, v in doc.dates) == [
        ("January 12, 2007", "2007-01-12"), ("Wednesday", "2007-01-10")]
    assert [(doc.text[t.trigger[0]:t.trigger[1]], t.lemma) for t in doc.transactions] == [
        ("sells", "sell"), ("selling", "sell")]
    selling = doc.transactions[1]
    assert selling.arg0 is None
    assert doc.text[selling.arg1[0][0]:selling.arg1[0][1]] == "device"
    assert "iPhone" in _texts(doc, selling.arg1)  # "the device" is the iPhone


def test_meantime_values_names_and_bailout():
    doc = meantime.parse_document(AIG)
    assert doc.published == dt.date(2008, 9, 17)
    assert [(doc.text[s:e], t) for s, e, t in doc.values] == [
        ("2.36%", "PERCENT"), ("118.40 points", "QUANTITY"), ("5000 mark", "QUANTITY"),
        ("4907.20", "QUANTITY"), ("2.62%", "PERCENT")]
    assert sorted(_texts(doc, doc.names)) == ["AIG", "US Federal Reserve", "United States"]
    assert _texts(doc, doc.other_timexes) == ["16:08 UTC"]
    (bailout,) = doc.transactions
    assert doc.text[bailout.trigger[0]:bailout.trigger[1]] == "bailout"
    assert _texts(doc, bailout.arg0) == ["US Federal Reserve"]
    assert _texts(doc, bailout.arg1) == ["AIG"]


def test_meantime_corpus_totals():
    docs = meantime.load_corpus(MEANTIME_DIR)
    assert len(docs) == 60 and all(d.published for d in docs)
    count = lambda spans, t: sum(1 for d in docs for s in getattr(d, spans) if s[2] == t)
    assert count("values", "MONEY") == 22
    assert count("values", "PERCENT") == 49
    assert count("values", "QUANTITY") == 121
    assert sum(len(d.dates) for d in docs) == 218
    assert sum(len(d.transactions) for d in docs) == 22
    assert meantime.load_corpus(MEANTIME_DIR) is docs  # parsed once per process


def test_meantime_gold_scores_itself_perfectly():
    """Predictions built from the gold score 1.0; nothing predicted scores 0."""
    docs = meantime.load_corpus(MEANTIME_DIR)
    type_of = {"PER": "person", "ORG": "organization", "LOC": "place"}
    kind_of = {"MONEY": "money", "PERCENT": "percent", "QUANTITY": "quantity"}
    preds = []
    for d in docs:
        actors = [{"id": t, "name": t, "type": type_of[t]} for t in type_of]
        mentions = [{"actor_id": t, "text": d.text[s:e], "start": s, "end": e} for s, e, t in d.names]
        events, deals = [], []
        for i, g in enumerate(d.transactions):
            ev = {"type": "deal", "start": g.trigger[0], "end": g.trigger[1], "text": ""}
            for role in ("arg0", "arg1"):
                if getattr(g, role):
                    ev[f"{role}_start"], ev[f"{role}_end"] = getattr(g, role)[0]
            events.append(ev)
            # A deal on the same trigger whose party is named where the gold agent is (an actor
            # of no scored type, so the names are not changed).
            deals.append({"trigger": {"start": g.trigger[0], "end": g.trigger[1]},
                          "parties": [f"agent{i}"], "mentions": []})
            actors.append({"id": f"agent{i}", "name": "", "type": None})
            for s, e in (g.arg0 or ())[:1]:
                mentions.append({"actor_id": f"agent{i}", "text": d.text[s:e], "start": s, "end": e})
        preds.append({
            "actors": actors, "mentions": mentions, "deals": deals, "events": events,
            "amounts": [{"start": s, "end": e, "kind": kind_of[t]} for s, e, t in d.values],
            "dates": [{"start": s, "end": e, "value": v} for s, e, v in d.dates],
        })
    for row in meantime.score_documents(docs, preds):
        assert row.score == 1.0, row
    empty = {"actors": [], "mentions": [], "amounts": [], "dates": [], "deals": [], "events": []}
    for row in meantime.score_documents(docs, [empty] * len(docs)):
        assert row.score == 0.0 and row.items > 0, row


def test_gum_crane_article():
    doc = gum.parse_conllu(CRANE.read_text(encoding="utf-8"))
    assert doc.doc_id == "GUM_news_crane"
    assert doc.published == dt.date(2015, 9, 12)
    assert doc.title == "At least 107 killed in Mecca crane collapse"
    assert doc.text.startswith("At least 107 killed in Mecca crane collapse\nSaturday, September 12, 2015\n")
    # Every sentence's own text line is reproduced verbatim in the rebuilt text.
    for line in CRANE.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            assert line.removeprefix("# text = ") in doc.text
    assert len(doc.mentions) == 78
    names = [(doc.text[s:e], t) for s, e, t in doc.names]
    assert len(names) == 16
    assert ("Mecca's Grand Mosque", "place") in names
    assert ("Mecca", "place") in names and ("Mecca's", "place") not in names  # "'s" trimmed
    assert ("General Suleiman al-Amr", "person") in names  # the name after his title
    assert ("Civil Defense Authority", "organization") in names
    assert ("pilgrims", "person") not in names  # not a name
    mosque = [m for m in doc.mentions if m.identity == "Masjid_al-Haram"]
    assert [m.named for m in mosque].count(True) == 2 and len(mosque) == 7  # "the mosque" too


def test_gum_corpus_totals():
    docs = gum.load_corpus(EVAL / "gum-news")
    assert len(docs) == 18 and all(d.published for d in docs)
    by_type = {t: sum(1 for d in docs for g in d.names if g[2] == t) for t in gum.SCORED_TYPES}
    assert by_type == {"person": 349, "organization": 285, "place": 236}


def test_gum_gold_scores_itself_perfectly():
    docs = gum.load_corpus(EVAL / "gum-news")
    actors = [{"id": t, "name": t, "type": t} for t in gum.SCORED_TYPES]
    preds = [{"actors": actors, "mentions": [
        {"actor_id": t, "text": d.text[s:e], "start": s, "end": e} for s, e, t in d.names],
        "dates": [{"start": s, "end": e, "value": v} for s, e, v in d.dates]}
        for d in docs]
    for row in gum.score_documents(docs, preds):
        if row.kind == gum.DATES_KIND:
            assert row.score == 1.0 and row.items == 129, row
            continue
        # One gold name, the newspaper "the i", reads as a common word to our name test.
        missed = 1 if row.kind in ("named person/organization/place mentions",
                                   "named organization mentions") else 0
        assert row.precision == 1.0 and round(row.recall * row.items) == row.items - missed, row
    for row in gum.score_documents(docs, [{"actors": [], "mentions": []}] * len(docs)):
        assert row.score == 0.0 and row.items > 0, row
