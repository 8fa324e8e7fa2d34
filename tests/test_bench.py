"""The benchmark's corpus builder and report maths, on tiny sizes (no timings are asserted: speed
targets are met by `make bench`, never in a test)."""

from __future__ import annotations

import json
import os
import random
import sys
from datetime import date

import pytest

from conftest import EVAL_DATA, ROOT

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # bench/ sits beside the library, not inside it

from bench import corpus  # noqa: E402
from bench.run import TARGETS, format_report, ratios, stage_shares, tree_rss, verdicts  # noqa: E402

from factwire import stages  # noqa: E402


def _sources(count: int = 6) -> list[corpus.SourceText]:
    kinds = ["meantime", "gum", "web"]
    return [corpus.SourceText(f"{kinds[n % 3]}:doc{n}", f"Title {n}",
                              tuple(f"Sentence {i} of source {n} says that shares rose by {i} percent today."
                                    for i in range(30)))
            for n in range(count)]


def test_articles_are_deterministic_distinct_and_within_the_size_bounds():
    first = corpus.build_articles(_sources(), 40, seed=7)
    assert first == corpus.build_articles(_sources(), 40, seed=7)
    assert first != corpus.build_articles(_sources(), 40, seed=8)
    assert len({a["text"] for a in first}) == 40
    for article in first:
        size = len(article["text"].encode("utf-8"))
        assert corpus.MIN_BYTES <= size <= corpus.MAX_BYTES
        assert article["title"].startswith("Title ")
        assert corpus.FIRST_DATE <= date.fromisoformat(article["published"]) <= corpus.LAST_DATE
        assert article["url"].startswith("https://")


def test_an_article_mixes_sources_and_never_takes_two_paragraphs_running_from_one():
    sources = _sources()
    owner = {s: src.name for src in sources for s in src.sentences}
    article = corpus.assemble_article(random.Random(1), sources, corpus.source_weights(sources), 0)
    paragraph_sources = []
    for paragraph in article["text"].split("\n\n"):
        first_sentence = paragraph.split(" today.")[0] + " today."
        paragraph_sources.append(owner[first_sentence])
    assert len(set(paragraph_sources)) > 1
    assert all(a != b for a, b in zip(paragraph_sources, paragraph_sources[1:]))


def test_sources_are_drawn_in_the_stated_shares():
    sources = _sources(9)
    weights = corpus.source_weights(sources)
    by_kind = {kind: sum(w for s, w in zip(sources, weights) if s.name.startswith(kind + ":"))
               for kind in corpus.SHARES}
    assert by_kind == pytest.approx(corpus.SHARES)


def test_sentences_are_split_after_full_stops_but_not_after_abbreviations():
    assert corpus.split_sentences('Mr. Smith met Apple Inc. in the U.S. on Jan. 5. He left. "Why?" she asked.') == [
        "Mr. Smith met Apple Inc. in the U.S. on Jan. 5.", "He left.", '"Why?" she asked.']


@pytest.mark.parametrize("sentence, usable", [
    ("Apple shares rose 4.5% to $120.30 on Tuesday, the company said.", True),
    ("Share this article", False),                      # no full stop: furniture
    ("pip install flask==2.0 && python app.py {}.", False),  # code
    ("Too short.", False),
])
def test_usable_sentences_are_prose(sentence, usable):
    assert corpus.usable_sentence(sentence) is usable


@pytest.mark.skipif(not (EVAL_DATA / "meantime-en").is_dir(), reason="../shared/eval is not present")
def test_the_corpus_is_built_once_from_the_real_texts(tmp_path):
    manifest = corpus.ensure_corpus(tmp_path, EVAL_DATA, full=12, subset=4, web_limit=3)
    paths = corpus.CorpusPaths(tmp_path, 12, 4)
    full = [json.loads(line) for f in sorted(paths.full.glob("*.jsonl")) for line in f.read_text().splitlines()]
    subset = [json.loads(line) for f in sorted(paths.subset.glob("*.jsonl")) for line in f.read_text().splitlines()]
    assert len(full) == manifest["articles"] == 12 and subset == full[:4]
    assert set(manifest["sources_by_corpus"]) == {"meantime", "gum", "web"}
    assert all(count > 0 for count in manifest["sources_by_corpus"].values())
    assert manifest["bytes_min"] >= corpus.MIN_BYTES and manifest["bytes_max"] <= corpus.MAX_BYTES

    written = {f: f.stat().st_mtime_ns for f in paths.full.glob("*.jsonl")}
    assert corpus.ensure_corpus(tmp_path, EVAL_DATA, full=12, subset=4, web_limit=3) == manifest
    assert {f: f.stat().st_mtime_ns for f in paths.full.glob("*.jsonl")} == written  # cached, not rebuilt

    again = corpus.ensure_corpus(tmp_path, EVAL_DATA, full=12, subset=4, web_limit=3, seed=corpus.SEED + 1)
    assert again["fingerprint"]["seed"] == corpus.SEED + 1 and again["text_sha256"] != manifest["text_sha256"]


def _measurements() -> dict:
    gb = 10**9
    return {
        "corpus": {"articles": 10_000, "bytes_mean": 3100},
        "machine": {"cpus": 2, "processes": 2, "load_before": "0.1 0.1 0.1"},
        "floor": {"seconds": 400.0, "articles": 10_000},
        "end_to_end": {"seconds": 500.0, "articles": 10_000, "peak_rss_bytes": 1.2 * gb,
                       "stages": {"read": 4.0, "nlp": 800.0, "rules": 150.0, "extract": 960.0, "load": 20.0}},
        "rerun": {"seconds": 5.0, "articles": 10_000},
        "library": {"seconds": 100.0, "articles": 2_000, "peak_rss_bytes": 1.1 * gb},
        "flow": {"seconds": 110.0, "articles": 2_000},
        "load": {"seconds": 20.0, "input_rows": 1_000_000, "fact_rows_inserted": 900_000,
                 "parts": {"keyed inserts": 15.0, "lake export": 4.0, "publish snapshot": 1.0}},
        "plain_read": {"seconds": 8.0, "input_rows": 1_000_000},
    }


def test_ratios_are_the_ones_the_targets_are_stated_in():
    values = ratios(_measurements())
    assert set(values) == set(TARGETS)
    assert values["end_to_end_over_floor"] == pytest.approx(0.8)   # 20/s against 25/s
    assert values["articles_per_second"] == pytest.approx(20.0)
    assert values["rerun_over_first"] == pytest.approx(0.01)
    assert values["flow_over_library"] == pytest.approx(1.1)
    assert values["load_over_plain"] == pytest.approx(0.4)         # 8 s of plain reading against 20 s
    assert values["peak_rss_full_over_subset"] == pytest.approx(1.2 / 1.1)
    assert values["peak_rss_full_gb"] == pytest.approx(1.2)


def test_verdicts_respect_each_bound_and_its_direction():
    passed = verdicts(ratios(_measurements()))
    assert passed == {"end_to_end_over_floor": True, "articles_per_second": True, "rerun_over_first": True,
                      "flow_over_library": True, "load_over_plain": False, "peak_rss_full_over_subset": True,
                      "peak_rss_full_gb": True}
    assert verdicts({"peak_rss_full_gb": 2.0, "rerun_over_first": 0.0201}) == {
        "peak_rss_full_gb": False, "rerun_over_first": False}


def test_stage_shares_replace_extract_by_what_is_left_of_it_and_sum_to_one():
    shares = stage_shares({"nlp": 80.0, "rules": 10.0, "extract": 95.0, "load": 5.0})
    assert shares == pytest.approx({"nlp": 0.8, "rules": 0.1, "rows": 0.05, "load": 0.05})
    assert stage_shares({}) == {}


def test_the_report_shows_every_ratio_and_verdict():
    m = _measurements()
    values = ratios(m)
    text = format_report(m, values, verdicts(values))
    for name in TARGETS:
        assert name in text
    assert "FAIL" in text and "rows" in text and "lake export" in text


def test_tree_rss_counts_this_process():
    assert tree_rss(os.getpid()) > 10 * 2**20


def test_stage_timer_is_off_by_default_and_adds_up_when_on(monkeypatch):
    monkeypatch.setattr(stages, "_enabled", False)
    monkeypatch.setattr(stages, "_seconds", {})
    with stages.stage("nlp"):
        pass
    assert stages.totals() == {}
    stages.enable()
    with stages.stage("nlp"):
        pass
    stages.merge({"nlp": 1.0, "rules": 2.0})
    taken = stages.take()
    assert taken["nlp"] > 1.0 and taken["rules"] == 2.0
    assert stages.totals() == {}
