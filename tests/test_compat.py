"""Any dashboard can open the warehouse: the published snapshot read by older DuckDB releases,
each in an environment of its own (tests/old_duckdb.py), by SQLAlchemy with duckdb-engine as
Superset connects, and by the DuckDB CLI, with the connection strings the README shows.

What DuckDB 2.0 reads from the working file is the reference: every table and view must read
the same from the snapshot in every other client.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

import old_duckdb
from conftest import ROOT
from factwire.warehouse.schema import tables
from factwire.warehouse.store import Warehouse, open_snapshot

PROBE = str(Path(__file__).with_name("compat_probe.py"))
VIEWS = ROOT / "sql" / "views"
EXAMPLES = ROOT / "sql" / "examples"
OLDEST = "duckdb-1.1.3"
# The path the README's connection strings show, replaced by the test's snapshot.
README_PATH = "/srv/factwire/data/warehouse.snapshot.duckdb"


def probe(python: str | Path, *args: str) -> dict:
    result = subprocess.run([str(python), PROBE, *map(str, args)], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def readme_connection(prefix: str) -> str:
    """The README's connection string (in backticks) that starts with ``prefix``."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = re.findall(r"`([^`\n]*" + re.escape(README_PATH) + r"[^`\n]*)`", readme)
    found = [s for s in shown if s.startswith(prefix)]
    assert len(found) == 1, f"the README shows {len(found)} connection strings starting {prefix!r}"
    return found[0]


@pytest.fixture(scope="module")
def reference(seed_warehouse) -> dict:
    """Every table and view as DuckDB 2.0 reads them from the working file."""
    found = probe(sys.executable, "dump", seed_warehouse.path)
    assert found["duckdb"].startswith("2.")
    return found["answer"]


@pytest.mark.parametrize("environment", list(old_duckdb.ENVIRONMENTS))
def test_old_duckdb_reads_every_table_and_view_of_the_snapshot(environment, seed_warehouse, reference):
    python = old_duckdb.python(environment)
    found = probe(python, "dump", seed_warehouse.snapshot_path)
    assert found["duckdb"] == environment.removeprefix("duckdb-")
    seen = found["answer"]
    assert {n for n, o in seen.items() if o["kind"] == "table"} == set(tables())
    assert {n for n, o in seen.items() if o["kind"] == "view"} == {p.stem for p in VIEWS.glob("*.sql")}
    assert sum(len(o["rows"]) for o in seen.values() if o["kind"] == "table") > 500  # the seeds' facts are there
    for name in sorted(reference):
        assert seen[name] == reference[name], f"{name} reads differently in DuckDB {found['duckdb']}"


def test_the_views_sql_runs_as_written_in_the_oldest_supported_duckdb(seed_warehouse, reference):
    found = probe(old_duckdb.python(OLDEST), "sql-views", seed_warehouse.snapshot_path, VIEWS)
    assert sorted(found["answer"]) == sorted(p.stem for p in VIEWS.glob("*.sql"))
    for name, view in found["answer"].items():
        expected = reference[name]
        assert view == {"columns": expected["columns"], "rows": expected["rows"]}, name


def example_answers(snapshot: Path) -> dict[str, list]:
    """The example queries as factwire itself answers them (DuckDB 2.0, `open_snapshot`)."""
    from compat_probe import plain

    con = open_snapshot(snapshot)
    try:
        return {q.stem: sorted(json.dumps(plain(list(r)), ensure_ascii=False)
                               for r in con.execute(q.read_text(encoding="utf-8")).fetchall())
                for q in sorted(EXAMPLES.glob("*.sql"))}
    finally:
        con.close()


@pytest.mark.parametrize("environment", ["project", *old_duckdb.ENVIRONMENTS])
def test_sqlalchemy_with_duckdb_engine_reads_the_snapshot_read_only(environment, seed_warehouse, reference):
    python = sys.executable if environment == "project" else old_duckdb.python(environment)
    url = readme_connection("duckdb:///").replace(README_PATH, str(seed_warehouse.snapshot_path.resolve()))
    found = probe(python, "sqlalchemy", url, EXAMPLES)["answer"]
    assert found["tables"] == sorted(tables())
    assert found["views"] == sorted(p.stem for p in VIEWS.glob("*.sql"))
    if "columns_error" in found:
        # duckdb-engine 0.17 under SQLAlchemy 2.1 cannot list columns on DuckDB 2.0 (SQLAlchemy's
        # column query joins pg_catalog.pg_collation on a column DuckDB's stand-in lacks); the
        # older SQLAlchemy of the BI tools' environments must list them
        assert environment == "project" and "pg_collation" in found["columns_error"], found["columns_error"]
    else:
        assert found["columns"] == {name: reference[name]["columns"] for name in found["views"]}
    expected = example_answers(seed_warehouse.snapshot_path)
    assert sorted(found["queries"]) == sorted(expected)
    assert any(found["queries"][q]["rows"] for q in expected)
    for name, rows in expected.items():
        assert sorted(found["queries"][name]["rows"]) == rows, name
    assert found["write"].startswith("refused") and "read-only" in found["write"], found["write"]


def text_columns(snapshot: Path, query: str) -> list[str]:
    """The example query's VARCHAR columns and their values row by row, as DuckDB 2.0 answers."""
    con = open_snapshot(snapshot)
    try:
        result = con.execute(query)
        names = [d[0] for d in result.description if str(d[1]) == "VARCHAR"]
        positions = [i for i, d in enumerate(result.description) if str(d[1]) == "VARCHAR"]
        return sorted(json.dumps({n: row[i] for n, i in zip(names, positions)}, sort_keys=True, ensure_ascii=False)
                      for row in result.fetchall())
    finally:
        con.close()


def test_the_duckdb_cli_opens_the_snapshot_read_only(seed_warehouse):
    command = readme_connection("duckdb ").split()
    assert command[:2] == ["duckdb", "-readonly"] and command[-1] == README_PATH
    environment = "duckdb-1.5.5"
    cli = [str(old_duckdb.cli(environment)), *command[1:-1], str(seed_warehouse.snapshot_path)]
    version = subprocess.run([cli[0], "--version"], capture_output=True, text=True, check=True).stdout
    assert version.startswith("v1.5.5")
    answered = 0
    for query in sorted(EXAMPLES.glob("*.sql")):
        sql = query.read_text(encoding="utf-8")
        expected = text_columns(seed_warehouse.snapshot_path, sql)
        result = subprocess.run([*cli, "-json", "-c", sql], capture_output=True, text=True, timeout=120)
        assert result.returncode == 0, result.stderr
        rows = json.loads(result.stdout) if result.stdout.strip() else []
        names = json.loads(expected[0]).keys() if expected else []
        # JSON output carries no dates or decimals as such: the text columns are compared
        assert sorted(json.dumps({n: row[n] for n in names}, sort_keys=True, ensure_ascii=False)
                      for row in rows) == expected, query.stem
        answered += len(rows)
    assert answered > 0
    write = subprocess.run([*cli, "-c", "CREATE TABLE probe_write (a INTEGER)"], capture_output=True, text=True)
    assert write.returncode != 0 and "read-only" in write.stdout + write.stderr


def copy_of_working_file(seed_warehouse, folder: Path) -> Warehouse:
    folder.mkdir()
    shutil.copyfile(seed_warehouse.path, folder / "warehouse.duckdb")
    return Warehouse(folder / "warehouse.duckdb", folder / "lake")


def opens_in(environment: str, path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(old_duckdb.python(environment)), "-c",
                           "import duckdb, sys; duckdb.connect(sys.argv[1], read_only=True).execute("
                           "'SELECT count(*) FROM fct_deals').fetchall()", str(path)],
                          capture_output=True, text=True, timeout=120)


def test_the_storage_version_setting_decides_who_can_open_the_snapshot(seed_warehouse, tmp_path, monkeypatch):
    warehouse = copy_of_working_file(seed_warehouse, tmp_path / "w")
    warehouse.publish()  # the default: the working file was made in that format, so it is copied as it is
    assert warehouse.snapshot_path.read_bytes() == warehouse.path.read_bytes()
    assert opens_in(OLDEST, warehouse.snapshot_path).returncode == 0
    monkeypatch.setenv("FACTWIRE_STORAGE_VERSION", "v1.5.0")
    warehouse.publish()
    assert opens_in("duckdb-1.5.5", warehouse.snapshot_path).returncode == 0
    assert opens_in(OLDEST, warehouse.snapshot_path).returncode != 0


def test_a_working_file_in_a_newer_format_is_rewritten_for_the_snapshot(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTWIRE_STORAGE_VERSION", "latest")
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", tmp_path / "lake")
    with warehouse.connect_write() as con:  # a working file made in DuckDB 2.0's own format
        con.execute("INSERT INTO actors (actor_id, name, actor_type, first_run_id) "
                    "VALUES ('iran', 'Iran', 'country', 'a-run')")
    warehouse.publish()  # "latest": the working file as it is
    assert warehouse.snapshot_path.read_bytes() == warehouse.path.read_bytes()
    refused = opens_in("duckdb-1.5.5", warehouse.snapshot_path)
    assert refused.returncode != 0 and "version" in refused.stderr, refused.stderr[-2000:]
    monkeypatch.delenv("FACTWIRE_STORAGE_VERSION")
    warehouse.publish()  # the default: table by table into DuckDB 1.1's format
    assert warehouse.snapshot_path.read_bytes() != warehouse.path.read_bytes()
    assert opens_in(OLDEST, warehouse.snapshot_path).returncode == 0
    with warehouse.connect_write() as con:  # the working file keeps the format it was made in
        assert con.execute("SELECT count(*) FROM actors").fetchone()[0] == 1
    refused = opens_in("duckdb-1.5.5", warehouse.path)
    assert refused.returncode != 0 and "version" in refused.stderr, refused.stderr[-2000:]


def test_an_unknown_storage_version_setting_is_refused_before_any_file_is_made(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTWIRE_STORAGE_VERSION", "v9.9")
    warehouse = Warehouse(tmp_path / "warehouse.duckdb", tmp_path / "lake")
    with pytest.raises(ValueError, match="FACTWIRE_STORAGE_VERSION='v9.9' is not a DuckDB storage version"):
        with warehouse.connect_write():
            pass
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_storage_version_fails_loudly_and_keeps_the_snapshot(seed_warehouse, tmp_path):
    warehouse = copy_of_working_file(seed_warehouse, tmp_path / "w")
    warehouse.publish()
    before = warehouse.snapshot_path.read_bytes()
    with pytest.raises(ValueError, match="FACTWIRE_STORAGE_VERSION='v9.9' is not a DuckDB storage version"):
        warehouse.publish("v9.9")
    assert warehouse.snapshot_path.read_bytes() == before
    assert sorted(p.name for p in warehouse.path.parent.iterdir()) == ["warehouse.duckdb", "warehouse.snapshot.duckdb"]


def test_publish_replaces_what_a_stopped_publish_left_and_holds_nothing_open(seed_warehouse, tmp_path):
    warehouse = copy_of_working_file(seed_warehouse, tmp_path / "w")
    partial = warehouse.snapshot_path.with_name(warehouse.snapshot_path.name + ".partial")
    partial.write_bytes(b"half a database")
    partial.with_name(partial.name + ".wal").write_bytes(b"half a log")
    warehouse.publish()
    assert sorted(p.name for p in warehouse.path.parent.iterdir()) == ["warehouse.duckdb", "warehouse.snapshot.duckdb"]
    # Neither file is held: another process can write the working file at once...
    subprocess.run([sys.executable, "-c", "import duckdb, sys; duckdb.connect(sys.argv[1]).execute("
                    "'CREATE TABLE written_after_publish (a INTEGER)').close()", str(warehouse.path)],
                   check=True, timeout=120)
    # ...and a fresh publish carries the change to the snapshot.
    warehouse.publish()
    con = open_snapshot(warehouse.snapshot_path)
    try:
        assert con.execute("SELECT count(*) FROM information_schema.tables "
                           "WHERE table_name = 'written_after_publish'").fetchone()[0] == 1
    finally:
        con.close()


def test_a_sqlalchemy_engine_without_a_pool_sees_each_new_snapshot(seed_warehouse, tmp_path):
    import sqlalchemy as sa
    from sqlalchemy.pool import NullPool

    warehouse = copy_of_working_file(seed_warehouse, tmp_path / "w")
    warehouse.publish()
    url = readme_connection("duckdb:///").replace(README_PATH, str(warehouse.snapshot_path.resolve()))
    engine = sa.create_engine(url, poolclass=NullPool)
    count = sa.text("SELECT count(*) FROM fct_runs")

    def runs() -> int:
        with engine.connect() as conn:
            return conn.execute(count).scalar()

    before = runs()
    con = duckdb.connect(str(warehouse.path))  # a second run, as far as the runs table goes
    con.execute("INSERT INTO runs SELECT * REPLACE ('a-later-run' AS run_id) FROM runs LIMIT 1")
    con.close()
    assert runs() == before  # not published yet
    warehouse.publish()
    assert runs() == before + 1
    engine.dispose()
