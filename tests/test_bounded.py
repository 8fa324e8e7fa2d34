"""Bounded work and storage per article: what spaCy is handed, the time budget, the facts and
evidence kept, and one article's failure staying that article's."""

from __future__ import annotations

import re
import shutil

import duckdb
import pytest
from hypothesis import given, settings as hypothesis_settings, strategies as st

import factwire.pipeline as pipeline
from factwire.budget import ExtractionTimeout, deadline
from factwire.extract import SNIPPET_CHARS, facts_from_doc, snippet
from factwire.nlp import MAX_PIECE_CHARS, MAX_RUN_CHARS, parse, split_pieces
from factwire.pipeline import run_pipeline
from factwire.settings import Settings
from factwire.sources.files import read_path
from factwire.warehouse.checks import run_checks

from conftest import SAMPLE, SEEDS
from hostile.corpus import MONEY_SENTENCE, RUN_ON

FACT_TABLES = {"actor_mentions": "start_char", "amounts": "start_char", "dates": "start_char",
               "quotes": "start_char", "citations": "start_char", "deals": "deal_id", "events": "start_char"}
# facts_from_doc's lists and the tables they are stored in
KIND_OF_TABLE = {"actor_mentions": "mentions", "amounts": "amounts", "dates": "dates", "quotes": "quotes",
                 "citations": "citations", "deals": "deals", "events": "events"}


# -- what spaCy is handed ---------------------------------------------------------------------

@hypothesis_settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["word ", "Word. ", "(", ")", "\u201c", "x" * 150, "\n", " ", ".", "U.S. ",
                                 "\u00e9", "\t"]), max_size=400))
def test_pieces_join_back_exactly_and_are_bounded(parts):
    text = "".join(parts)
    pieces = split_pieces(text)
    assert "".join(pieces) == text
    for piece in pieces:
        assert len(piece) <= MAX_PIECE_CHARS
        assert not re.search(r"\S{%d}" % (MAX_RUN_CHARS + 1), piece)


def test_ordinary_text_is_cut_only_at_line_breaks():
    paragraph = "Acme Corp said on Tuesday it would buy WidgetCo for $2 billion. " * 40  # 2,600 characters
    text = "A heading\n" + paragraph + "\n\n" + paragraph
    assert split_pieces(text) == ["A heading\n", paragraph + "\n\n", paragraph]


def test_a_long_paragraph_is_cut_after_a_sentence_and_a_storm_into_short_runs():
    sentence = "Moscow and Tehran signed deals worth $5 million with Beijing. "
    pieces = split_pieces(sentence * 200)
    assert len(pieces) > 1 and all(p.endswith(". ") for p in pieces[:-1])
    storm = "(" * 5000 + "Russia" + ")" * 5000
    assert [len(p) for p in split_pieces(storm)] == [MAX_RUN_CHARS] * 50 + [6]
    doc = next(parse([storm]))
    assert doc.text == storm  # offsets still point into the text as given


# -- the time budget --------------------------------------------------------------------------

def test_the_rules_stop_at_the_deadline():
    doc = next(parse([SAMPLE.read_text(encoding="utf-8")]))
    with deadline(0.0), pytest.raises(ExtractionTimeout):
        facts_from_doc(doc, None)
    assert facts_from_doc(doc, None)["amounts"]  # no deadline: the same doc extracts


def test_an_article_over_its_time_budget_is_quarantined_and_the_others_load(tmp_path, monkeypatch):
    """A 1.5 MB run-on text takes spaCy far more than 2 s anywhere; a seed article far less."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs)
    (inputs / "huge-run-on.txt").write_text((RUN_ON * (1_500_000 // len(RUN_ON)))[:1_500_000], encoding="utf-8")
    (inputs / "short.txt").write_text("Acme Corp bought WidgetCo for $2 billion on Tuesday, the companies said.",
                                      encoding="utf-8")
    monkeypatch.setenv("FACTWIRE_ARTICLE_TIMEOUT", "2")
    settings = Settings.in_folder(tmp_path / "w")
    summary = run_pipeline([inputs], settings)
    assert (summary.status, summary.articles_new, summary.inputs_quarantined) == ("succeeded", 2, 1)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        quarantined = con.execute("SELECT source_uri, reason, detail FROM quarantine").fetchall()
        loaded = sorted(r[0].rsplit("/", 1)[1] for r in con.execute("SELECT source_uri FROM articles").fetchall())
        assert [c.name for c in run_checks(con) if c.violations] == []
    finally:
        con.close()
    assert [(uri.rsplit("/", 1)[1], reason) for uri, reason, _ in quarantined] == [("huge-run-on.txt", "extraction_timeout")]
    assert "over the budget of 2 s" in quarantined[0][2]
    assert loaded == sorted([SAMPLE.name, "short.txt"])
    again = run_pipeline([inputs], settings)  # the same input: the same quarantine row, nothing new
    assert (again.articles_new, again.rows_inserted.get("quarantine", 0)) == (0, 0)


# -- bounded storage ------------------------------------------------------------------------------

def test_facts_per_article_are_capped_and_the_rest_counted(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "run-on.txt").write_text((RUN_ON * 400)[: 24_000], encoding="utf-8")
    (inputs / "money.txt").write_text(MONEY_SENTENCE * 150, encoding="utf-8")
    cap = 40
    uncapped = {}
    for path in sorted(inputs.iterdir()):
        article = next(read_path(path))
        facts = facts_from_doc(next(parse([article.text])), article.published, max_facts=-1)
        uncapped[article.article_id] = facts
    monkeypatch.setenv("FACTWIRE_MAX_FACTS_PER_ARTICLE", str(cap))
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([inputs], settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        dropped = dict(con.execute("SELECT article_id, facts_dropped FROM articles").fetchall())
        counts = {table: dict(con.execute(f'SELECT article_id, count(*) FROM "{table}" GROUP BY ALL').fetchall())
                  for table in FACT_TABLES}
    finally:
        con.close()
    assert set(dropped) == set(uncapped)
    for article_id, facts in uncapped.items():
        expected = sum(max(0, len(facts[kind]) - cap) for kind in
                       ("mentions", "amounts", "dates", "quotes", "citations", "deals", "events", "transactions"))
        assert expected > 0 and dropped[article_id] == expected
        for table, kind in KIND_OF_TABLE.items():
            assert counts[table].get(article_id, 0) == min(cap, len(facts[kind])), (table, article_id)


def test_evidence_is_a_bounded_snippet_holding_the_fact(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "run-on.txt").write_text((RUN_ON * 400)[: 24_000], encoding="utf-8")
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([inputs], settings)
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        for table, text_column in (("actor_mentions", "mention_text"), ("amounts", "amount_text"),
                                   ("events", "event_text")):
            longest, missing, rows = con.execute(
                f"SELECT max(length(sentence)), count(*) FILTER (WHERE NOT contains(sentence, {text_column})), "
                f'count(*) FROM "{table}"').fetchone()
            assert rows > 0 and longest == SNIPPET_CHARS and missing == 0, table
        longest_deal = con.execute("SELECT max(length(sentence)) FROM deals").fetchone()[0]
        assert longest_deal <= SNIPPET_CHARS
    finally:
        con.close()


def test_a_snippet_is_centred_on_its_fact_and_stays_in_its_sentence():
    text = "a" * 5000 + "FACT" + "b" * 5000
    cut = snippet(text, 0, len(text), 5000, 5004)
    assert len(cut) == SNIPPET_CHARS and "FACT" in cut and abs(cut.index("FACT") - SNIPPET_CHARS // 2) <= 4
    assert snippet(text, 0, len(text), 0, 4).startswith("aaaa") and len(snippet(text, 0, len(text), 0, 4)) == SNIPPET_CHARS
    assert snippet(text, 0, len(text), 9990, 9995).endswith("b") and len(snippet(text, 0, len(text), 9990, 9995)) == SNIPPET_CHARS
    assert snippet("short sentence", 0, 14, 0, 5) == "short sentence"


# -- one article's failure is that article's -------------------------------------------------

def test_an_article_whose_rows_fail_to_build_or_write_is_quarantined_alone(tmp_path, monkeypatch):
    inputs = tmp_path / "in"
    shutil.copytree(SEEDS, inputs)
    articles = sorted((a for p in sorted(inputs.glob("*.txt")) for a in read_path(p)), key=lambda a: a.article_id)
    cannot_build, cannot_write = articles[0].article_id, articles[1].article_id
    real = pipeline.fact_rows

    def fact_rows(article_id, facts, run_id):
        rows = real(article_id, facts, run_id)
        if article_id == cannot_build:
            raise KeyError("a fact without its span")
        if article_id == cannot_write:  # a value no INTEGER column holds: Parquet writing fails
            rows["amounts"][0]["start_char"] = 2 ** 40
        return rows

    monkeypatch.setattr(pipeline, "fact_rows", fact_rows)
    settings = Settings.in_folder(tmp_path / "w")
    summary = run_pipeline([inputs], settings)
    assert summary.status == "succeeded" and summary.articles_new == len(articles) - 2
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        quarantined = dict(con.execute("SELECT source_uri, reason FROM quarantine").fetchall())
        loaded = {r[0] for r in con.execute("SELECT article_id FROM articles").fetchall()}
        assert [c.name for c in run_checks(con) if c.violations] == []
    finally:
        con.close()
    by_id = {a.article_id: a.source_uri for a in articles}
    assert quarantined == {by_id[cannot_build]: "row_error", by_id[cannot_write]: "write_error"}
    assert loaded == set(by_id) - {cannot_build, cannot_write}


def test_a_run_failing_after_its_commit_is_recorded_once_and_finished_by_the_next(tmp_path, monkeypatch, caplog):
    """The duplicate-key error on recording a failure: the load committed the run's row, then a
    later step failed, and recording the failure tried to insert the same run again."""
    from factwire.warehouse.store import Warehouse

    settings = Settings.in_folder(tmp_path / "w")
    real_publish = Warehouse.publish
    calls = []

    def publish_fails_once(self, *args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise OSError("the snapshot could not be written")
        return real_publish(self, *args, **kwargs)

    monkeypatch.setattr(Warehouse, "publish", publish_fails_once)
    with pytest.raises(OSError, match="snapshot could not be written"):
        run_pipeline([SAMPLE], settings)
    assert "could not be recorded" not in caplog.text
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    try:
        runs = con.execute("SELECT status, articles_new FROM runs").fetchall()
    finally:
        con.close()
    assert runs == [("succeeded", 1)]  # the committed run, once; its facts are in
    again = run_pipeline([SAMPLE], settings)
    assert again.articles_new == 0 and settings.warehouse_path.with_name("warehouse.snapshot.duckdb").exists()
