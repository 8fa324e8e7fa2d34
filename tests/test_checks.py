"""`factwire check`: the seed warehouse passes every check; each kind of violation is caught."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from factwire.warehouse.checks import run_checks
from factwire.warehouse.schema import tables

FACTWIRE = str(Path(sys.executable).parent / "factwire")


def test_the_seed_warehouse_passes_every_check(seed_warehouse):
    con = seed_warehouse.connect_snapshot()
    results = run_checks(con)
    con.close()
    assert len(results) >= len(tables()) + 5
    assert [r.name for r in results if not r.passed] == []


@pytest.fixture
def corrupt(seed_warehouse, tmp_path):
    """A writable copy of the seed warehouse to break on purpose."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(seed_warehouse.snapshot_path, path)
    con = duckdb.connect(str(path))
    yield con, path
    con.close()


def _failed(con):
    return {r.name: r.violations for r in run_checks(con) if not r.passed}


@pytest.mark.parametrize("statement, check", [
    ("UPDATE amounts SET value = -5 WHERE amount_id = (SELECT min(amount_id) FROM amounts WHERE amount_kind = 'money')",
     "money_is_valid"),
    ("UPDATE amounts SET currency = 'XYZ' WHERE amount_id = (SELECT min(amount_id) FROM amounts WHERE amount_kind = 'money')",
     "money_is_valid"),
    ("UPDATE actor_mentions SET actor_id = 'nobody' WHERE mention_id = (SELECT min(mention_id) FROM actor_mentions)",
     "facts_reference_actors"),
    ("DELETE FROM articles WHERE article_id = (SELECT min(article_id) FROM articles)", "facts_reference_articles"),
    ("UPDATE dates SET date_precision = NULL WHERE date_id = (SELECT min(date_id) FROM dates WHERE date_value LIKE '____-__-__')",
     "dates_carry_precision"),
    ("UPDATE quotes SET end_char = 10 ** 6 WHERE quote_id = (SELECT min(quote_id) FROM quotes)", "offsets_within_text"),
])
def test_each_violation_is_reported(corrupt, statement, check):
    con, _ = corrupt
    assert _failed(con) == {}
    con.execute(statement)
    failed = _failed(con)
    assert set(failed) == {check} and failed[check] >= 1


def test_duplicate_keys_are_reported_where_no_constraint_stops_them(tmp_path):
    con = duckdb.connect(str(tmp_path / "loose.duckdb"))
    for declared in tables().values():  # the same tables without their primary keys
        con.execute(declared.ddl().replace(f",\n  PRIMARY KEY ({', '.join(declared.key)})", ""))
    con.execute("INSERT INTO currencies VALUES ('EUR', 'current'), ('EUR', 'current')")
    failed = _failed(con)
    con.close()
    assert failed == {"unique_key:currencies": 1}


def test_cli_check_exits_1_on_violations(corrupt, tmp_path):
    con, path = corrupt
    warehouse = tmp_path / "w.duckdb"  # the CLI reads <w>.snapshot.duckdb
    ok = subprocess.run([FACTWIRE, "check", "--warehouse", str(warehouse)], capture_output=True, text=True)
    assert ok.returncode != 0 and "run `factwire run` first" in ok.stderr
    con.execute("UPDATE deals SET value = -1 WHERE deal_id = (SELECT min(deal_id) FROM deals)")
    con.close()
    shutil.copyfile(path, tmp_path / "w.snapshot.duckdb")
    result = subprocess.run([FACTWIRE, "check", "--warehouse", str(warehouse)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "money_is_valid" in result.stdout and "checks passed" in result.stdout


def test_every_code_the_extractor_emits_is_in_the_iso_table():
    from factwire.extract.amounts import ISO_CODES
    from factwire.warehouse.store import read_seed

    codes = set(read_seed(tables()["currencies"]).column("code").to_pylist())
    assert ISO_CODES <= codes
