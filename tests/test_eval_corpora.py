"""The parsers of every eval corpus on real files of the shared eval data (../shared/eval):
offsets, gold spans and totals. MEANTIME and gum-news must be there; a dataset folder added
later (CoNLL++, PolNeAR, gum-other, RAMS, WikiEvents) skips its tests when it is absent."""

from __future__ import annotations

import datetime as dt

import pytest

import json

from factwire.evaluation import conll, gum, meantime, polnear, rams, wikievents
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


def needs(folder: str):
    return pytest.mark.skipif(not (EVAL / folder).is_dir(), reason=f"{folder} not in {EVAL}")


def test_meantime_sentence_spans():
    doc = meantime.parse_document(CISCO)
    assert len(doc.sentences) == 6
    assert doc.text[slice(*doc.sentences[0])] == "Cisco sues Apple for iPhone trademark"
    assert doc.text[slice(*doc.sentences[1])] == "January 12, 2007"
    assert doc.text[slice(*doc.sentences[-1])].endswith("so that the latter would stop selling the device.")
    # Sentences tile the text: the title and date line end at line breaks, the body at spaces.
    assert [doc.text[e] for _, e in doc.sentences[:-1]] == ["\n", "\n", " ", " ", " "]


# --- CoNLL++ ----------------------------------------------------------------------------------

CONLL_DIR = EVAL / "conll2003-conllpp"


def _conll_lines(split: str) -> list[list[str]]:
    return [line.split() for line in (CONLL_DIR / conll.SPLIT_FILES[split]).read_text(
        encoding="utf-8").splitlines() if line.strip() and not line.startswith("-DOCSTART-")]


@needs("conll2003-conllpp")
def test_conll_first_dev_document():
    doc = conll.load_split(CONLL_DIR, "dev")[0]
    assert doc.text.startswith("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY .\n"
                               "LONDON 1996-08-30\nWest Indian all-rounder Phil Simmons took four for 38")
    assert [(doc.text[s:e], t) for s, e, t in doc.entities[:6]] == [
        ("LEICESTERSHIRE", "ORG"), ("LONDON", "LOC"), ("West Indian", "MISC"), ("Phil Simmons", "PER"),
        ("Leicestershire", "ORG"), ("Somerset", "ORG")]


@needs("conll2003-conllpp")
@pytest.mark.parametrize("split, documents, sentences", [("dev", 216, 3250), ("train", 946, 14041)])
def test_conll_every_token_at_its_offsets(split, documents, sentences):
    docs = conll.load_split(CONLL_DIR, split)
    assert len(docs) == documents and sum(d.sentences for d in docs) == sentences
    lines = _conll_lines(split)
    tokens = [(d, s, e) for d in docs for s, e in d.tokens]
    assert [d.text[s:e] for d, s, e in tokens] == [cols[0] for cols in lines]
    # Entities rebuilt from the IOB2 tags: as many as B- tags (CoNLL++ is clean IOB2).
    assert sum(len(d.entities) for d in docs) == sum(1 for cols in lines if cols[-1].startswith("B-"))


@needs("conll2003-conllpp")
def test_conll_dev_entity_totals():
    docs = conll.load_split(CONLL_DIR, "dev")
    count = lambda t: sum(1 for d in docs for e in d.entities if e[2] == t)
    assert (count("PER"), count("ORG"), count("LOC"), count("MISC")) == (1842, 1341, 1837, 922)


# --- PolNeAR ----------------------------------------------------------------------------------

POLNEAR_DIR = EVAL / "polnear"
CADDELL = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr"


@needs("polnear")
def test_polnear_caddell_article():
    docs = {d.doc_id: d for d in polnear.load_split(POLNEAR_DIR, "dev")}
    doc = docs[CADDELL]
    assert doc.published == dt.date(2016, 9, 15)
    text = lambda spans: " ".join(doc.text[s:e] for s, e in spans)
    quotes = [text(q.spans) for q in doc.quotes]
    assert quotes[0].startswith("\u201cOne of the things I am surprised about")
    assert quotes[0].endswith("Morning Consult and Rasmussen had very similar numbers.\u201d")
    # The headline's content has single marks only: not a direct quote in double marks.
    assert not any(q.startswith("Democrat Voters Worried") for q in quotes)
    assert [[text(s) for s in q.sources] for q in doc.quotes[:3]] == [["Caddell"]] * 3
    assert all(q.named_source for q in doc.quotes[:3])


@needs("polnear")
def test_polnear_offsets_match_the_annotation_text_column():
    import re

    line_re = re.compile(r"^T\d+\t[\w-]+ ([\d; ]+)\t(.*)$")
    checked = 0
    for ann in sorted((POLNEAR_DIR / "dev" / "attributions").glob("*.ann")):
        article = (POLNEAR_DIR / "dev" / "text" / (ann.stem.rsplit("_", 1)[0] + ".txt")).read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            m = line_re.match(line)
            if m:
                spans = [tuple(int(x) for x in frag.split()) for frag in m.group(1).split(";")]
                # A span across a line break continues its text column on the next line.
                assert " ".join(article[s:e] for s, e in spans).split("\n")[0] == m.group(2)
                checked += 1
    assert checked > 9000


@needs("polnear")
def test_polnear_split_totals():
    dev, train = polnear.load_split(POLNEAR_DIR, "dev"), polnear.load_split(POLNEAR_DIR, "train")
    assert (len(dev), len(train)) == (84, 840)  # one annotator's file per article
    assert sum(len(d.quotes) for d in dev) == 377
    assert sum(len(d.according_to) for d in dev) == 37
    assert all(d.published for d in dev)


# --- gum-other and GUM dates ------------------------------------------------------------------

@needs("gum-news")
def test_gum_crane_dates():
    doc = gum.parse_conllu(CRANE.read_text(encoding="utf-8"))
    dates = [(doc.text[s:e], v) for s, e, v in doc.dates]
    assert dates[0] == ("Saturday, September 12, 2015", "2015-09-12")
    assert ("yesterday", "2015-09-11") in dates and ("2008", "2008") in dates
    assert sum(len(d.dates) for d in gum.load_corpus(EVAL / "gum-news")) == 129


@needs("gum-other")
def test_gum_other_corpus():
    docs = gum.load_corpus(EVAL / "gum-other")
    assert len(docs) == 145 and all(d.published for d in docs)
    genres = {d.doc_id.split("_")[1] for d in docs}
    assert genres == {"academic", "bio", "court", "interview", "letter", "speech", "textbook", "voyage", "whow"}
    assert sum(len(d.names) for d in docs) == 5274
    assert sum(len(d.dates) for d in docs) == 856
    for d in docs:  # every sentence's own text is in the rebuilt text
        source = (EVAL / "gum-other" / f"{d.doc_id}.conllu").read_text(encoding="utf-8")
        for line in source.splitlines():
            if line.startswith("# text = "):
                assert line.removeprefix("# text = ") in d.text, d.doc_id


# --- RAMS -------------------------------------------------------------------------------------

RAMS_FILE = EVAL / "rams-dev" / "dev.jsonlines"


@needs("rams-dev")
def test_rams_tokens_and_events_at_their_offsets():
    docs = rams.load_corpus(EVAL / "rams-dev")
    examples = [json.loads(line) for line in RAMS_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(docs) == len(examples) == 924
    for doc, example in zip(docs, examples):
        tokens = [t for sentence in example["sentences"] for t in sentence]
        # Detokenising glues some tokens ("was" "n't"): compared without spaces.
        for (first, last, _), event in zip(example["evt_triggers"], doc.events):
            assert doc.text[event.trigger[0]:event.trigger[1]].replace(" ", "") == "".join(tokens[first:last + 1])
        for (_, (a_first, a_last), _), (span, _) in zip(example["gold_evt_links"], doc.events[0].arguments):
            assert doc.text[span[0]:span[1]].replace(" ", "") == "".join(tokens[a_first:a_last + 1])
    scored = [e for d in docs for e in d.events if e.scored]
    assert len(scored) == 103 and sum(len(e.parties) for e in scored) == 224
    first = next(d for d in docs if any(e.scored for e in d.events))
    event = first.events[0]
    assert first.text[event.trigger[0]:event.trigger[1]] == "bought"
    assert [(first.text[s:e], r) for (s, e), r in event.arguments] == [
        ("commodities trader", "giver"), ("appointment", "artifact")]


# --- WikiEvents -------------------------------------------------------------------------------

@needs("wikievents-dev")
def test_wikievents_documents():
    docs = wikievents.load_corpus(EVAL / "wikievents-dev")
    assert len(docs) == 20 and sum(len(d.events) for d in docs) == 345
    assert sum(1 for d in docs for e in d.events if wikievents.ours_for(e.event_type)) == 227
    doc = docs[0]
    assert doc.doc_id == "road_ied_8"
    assert doc.text.startswith("Roadside IED kills Russian major general in Syria The desert south")
    assert [doc.text[s:e] for s, e in (e.trigger for e in doc.events[:3])] == ["kills", "killed", "reported"]
    records = [json.loads(line) for line in (EVAL / "wikievents-dev" / "dev.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    for d, record in zip(docs, records):  # parse_document also checks each token against its sentence
        assert [d.text[s:e] for s, e in d.tokens] == record["tokens"]
