"""Re-extraction: stored articles get the current extractor's facts, old ones are replaced."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

from factwire.extract import EXTRACTOR_VERSION
from factwire.pipeline import reextract, run_pipeline
from factwire.settings import Settings

from conftest import SEEDS

FACTWIRE = str(Path(sys.executable).parent / "factwire")
FACT_TABLES = ["actor_mentions", "amounts", "dates", "quotes", "citations", "deals", "events"]


def _counts(path):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in FACT_TABLES + ["articles"]}
    finally:
        con.close()


def _pretend_an_older_extractor(path, article_count):
    """Facts as an older extractor left them: other version, one fact too many, one missing."""
    con = duckdb.connect(str(path))
    con.execute("UPDATE articles SET extractor_version = '0.0.1' WHERE article_id IN "
                "(SELECT article_id FROM articles ORDER BY article_id LIMIT ?)", [article_count])
    old = con.execute("SELECT article_id FROM articles WHERE extractor_version = '0.0.1'").fetchall()
    con.execute("INSERT INTO amounts SELECT 'stale' || amount_id, article_id, amount_text, start_char, end_char, "
                "amount_kind, value + 1, value_max, currency, unit, approximate, sentence, '0.0.1', value_kind "
                "FROM amounts WHERE article_id = ? LIMIT 1", [old[0][0]])
    con.execute("DELETE FROM actor_mentions WHERE mention_id = (SELECT min(mention_id) FROM actor_mentions "
                "WHERE article_id = ?)", [old[0][0]])
    con.close()
    return [r[0] for r in old]


def test_reextract_replaces_the_facts_of_older_articles_only(tmp_path):
    settings = Settings.in_folder(tmp_path)
    run_pipeline([SEEDS], settings)
    fresh = _counts(settings.warehouse_path)
    old_ids = _pretend_an_older_extractor(settings.warehouse_path, 3)
    assert _counts(settings.warehouse_path) != fresh
    summary = reextract(settings)
    assert (summary.status, summary.articles_new) == ("succeeded", 3)
    assert _counts(settings.warehouse_path) == fresh
    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    versions = con.execute("SELECT DISTINCT extractor_version FROM articles").fetchall()
    stale = con.execute("SELECT count(*) FROM amounts WHERE amount_id LIKE 'stale%'").fetchone()[0]
    rerun = con.execute("SELECT run_id FROM articles WHERE list_contains(?, article_id)", [old_ids]).fetchall()
    con.close()
    assert versions == [(EXTRACTOR_VERSION,)] and stale == 0
    assert {r[0] for r in rerun} == {summary.run_id}
    assert reextract(settings).articles_new == 0  # nothing left to do


def test_cli_reextract_all(tmp_path):
    store = ["--warehouse", str(tmp_path / "w.duckdb"), "--lake", str(tmp_path / "lake")]
    assert subprocess.run([FACTWIRE, "run", str(SEEDS), *store], capture_output=True).returncode == 0
    before = _counts(tmp_path / "w.duckdb")
    result = subprocess.run([FACTWIRE, "reextract", "--all", *store], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert f"{before['articles']} articles re-extracted" in result.stdout
    assert _counts(tmp_path / "w.duckdb") == before
