"""The declared schemas agree with the Parquet lake and the DuckDB tables; every SQL file runs."""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from factwire.warehouse.rows import period_start
from factwire.warehouse.schema import tables
from factwire.warehouse.store import SQL_DIR

from conftest import ROOT

VIEWS = sorted((SQL_DIR / "views").glob("*.sql"))
EXAMPLES = sorted((SQL_DIR / "examples").glob("*.sql"))


def test_duckdb_tables_match_their_declarations(sql):
    for name, declared in tables().items():
        rows = sql("SELECT column_name, data_type, is_nullable FROM information_schema.columns "
                   "WHERE table_name = ? ORDER BY ordinal_position", [name])
        assert [r[0] for r in rows] == declared.column_names, name
        assert [r[1] for r in rows] == [c.type.replace("TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE")
                                        for c in declared.columns], name
        assert [r[2] == "YES" for r in rows] == [c.nullable for c in declared.columns], name


def test_primary_keys_are_where_the_declarations_enforce_them(sql):
    found = {(r[0], tuple(r[1])) for r in sql(
        "SELECT table_name, constraint_column_names FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY' "
        "AND database_name = current_database() AND table_name <> 'schema_version'")}
    assert found == {(name, d.key) for name, d in tables().items() if d.enforce_key and name != "schema_version"}
    assert not tables()["actor_mentions"].enforce_key and tables()["articles"].enforce_key


def test_parquet_files_match_their_declarations(seed_warehouse):
    seen = set()
    for path in seed_warehouse.lake_dir.rglob("*.parquet"):
        name = path.relative_to(seed_warehouse.lake_dir).parts[0]
        assert pq.read_schema(path).remove_metadata() == tables()[name].arrow_schema, path
        seen.add(name)
    assert {"articles", "actors", "actor_mentions", "amounts", "dates", "quotes", "citations",
            "deals", "events"} <= seen


def test_keys_are_unique(sql):
    for name, declared in tables().items():
        key = ", ".join(declared.key)
        assert sql(f'SELECT {key}, count(*) FROM "{name}" GROUP BY ALL HAVING count(*) > 1') == [], name


def test_facts_point_at_loaded_articles_and_actors(sql):
    for name in ("actor_mentions", "amounts", "dates", "quotes", "citations", "deals", "events"):
        assert sql(f'SELECT count(*) FROM "{name}" f ANTI JOIN articles a USING (article_id)') == [(0,)], name
    for name, column in (("actor_mentions", "actor_id"), ("quotes", "speaker_actor_id"),
                         ("citations", "actor_id"), ("events", "subject_actor_id"),
                         ("events", "object_actor_id"), ("deals", "buyer_actor_id"), ("deals", "seller_actor_id")):
        orphans = sql(f'SELECT count(*) FROM "{name}" f WHERE f.{column} IS NOT NULL '
                      f"AND f.{column} NOT IN (SELECT actor_id FROM actors)")
        assert orphans == [(0,)], (name, column)


def test_fact_offsets_point_at_their_text(sql):
    for name, column in (("actor_mentions", "mention_text"), ("amounts", "amount_text"),
                         ("dates", "date_text"), ("quotes", "quote_text")):
        bad = sql(f'SELECT f.{column}, substr(a.text, f.start_char + 1, f.end_char - f.start_char) '
                  f'FROM "{name}" f JOIN articles a USING (article_id) '
                  f'WHERE substr(a.text, f.start_char + 1, f.end_char - f.start_char) <> f.{column}')
        assert bad == [], name


@pytest.mark.parametrize("view", VIEWS, ids=lambda p: p.stem)
def test_every_view_has_a_grain_comment_and_returns_rows(sql, view):
    lines = view.read_text(encoding="utf-8").splitlines()
    header = lines[: next(i for i, line in enumerate(lines) if not line.startswith("--"))]
    assert any(line.startswith("-- Grain: one row per") for line in header), "views state their grain"
    assert sql(f"SELECT count(*) FROM {view.stem}")[0][0] > 0


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_query_runs_and_returns_rows(sql, example):
    assert sql(example.read_text(encoding="utf-8"))


def test_deals_in_eur_converts_with_a_dated_rate(sql):
    # the seed deals shown are in euros; dollar deals are converted in tests/test_deals.py
    rows = sql("SELECT value, currency, value_eur, fx_rate_date, fx_source FROM fct_deals WHERE currency IS NOT NULL")
    assert rows, "the seeds hold valued deals"
    for value, _, value_eur, rate_date, source in rows:
        assert value_eur is not None and 0.5 * value < value_eur < 1.2 * value
        assert rate_date is not None and source


def test_every_declaration_names_a_grain_and_write_mode():
    for declared in tables().values():
        assert declared.grain.startswith("one row per")
        assert declared.write_mode in {"insert_new", "upsert", "append", "replace"}
    assert {p.stem for p in (ROOT / "schemas").glob("*.yaml")} == set(tables())


@pytest.mark.parametrize("value, expected", [
    ("2026-02-28", "2026-02-28"), ("2025-01", "2025-01-01"), ("2025", "2025-01-01"),
    ("2026-W09", "2026-02-23"), ("2025-Q3", "2025-07-01"), ("199", "1990-01-01"),
    ("2025-13", None), ("soon", None), (None, None),
])
def test_period_start(value, expected):
    result = period_start(value)
    assert (result.isoformat() if result else None) == expected


def test_the_lake_holds_exactly_the_warehouse(seed_warehouse, sql):
    """Read without factwire: pyarrow's dataset reader and DuckDB's hive partitioning."""
    import pyarrow.dataset as ds

    lake = seed_warehouse.lake_dir
    assert not (lake / "_batches").exists(), "staged batches are removed once loaded"
    for name, declared in tables().items():
        folder = lake / name
        dataset = ds.dataset(folder, format="parquet", partitioning="hive")
        rows = dataset.to_table(columns=declared.column_names).to_pylist()
        key = lambda r: tuple(str(r[k]) for k in declared.key)  # noqa: E731
        lake_keys = sorted(map(key, rows))
        columns = ", ".join(declared.key)
        table_keys = sorted(tuple(str(v) for v in r) for r in sql(f'SELECT {columns} FROM "{name}"'))
        assert lake_keys == table_keys, name
    months = sql("SELECT DISTINCT strftime(published_date, '%Y-%m') FROM articles")
    partitions = {p.name.removeprefix("published_month=") for p in (lake / "amounts").iterdir()}
    assert partitions <= {m[0] for m in months} and len(partitions) >= 5


def test_rates_are_taken_as_of_the_article_date_from_a_file_of_your_own(tmp_path, monkeypatch):
    from factwire.pipeline import run_pipeline
    from factwire.settings import Settings

    from conftest import SAMPLE

    rates = tmp_path / "rates.csv"
    rates.write_text("currency,rate_date,eur_per_unit,source\nEUR,2000-01-01,1.0,identity\n"
                     "USD,2007-01-01,0.75,test rates 2007\nUSD,2026-01-01,0.85,test rates 2026\n", encoding="utf-8")
    monkeypatch.setenv("FACTWIRE_FX_RATES", str(rates))
    article = tmp_path / "deal.txt"
    article.write_text(" date 2008-05-02 Acme buys Widget\n\nAcme Corp bought Widget Ltd for $100 million.",
                       encoding="utf-8")
    settings = Settings.in_folder(tmp_path / "w")
    run_pipeline([article, SAMPLE], settings)
    import duckdb

    con = duckdb.connect(str(settings.warehouse_path), read_only=True)
    usd = con.execute("SELECT value_eur, fx_rate_date::VARCHAR, fx_source FROM fct_amounts WHERE currency = 'USD'").fetchall()
    eur = con.execute("SELECT value_eur, fx_source FROM fct_amounts WHERE currency = 'EUR'").fetchall()
    con.close()
    assert usd == [(75_000_000.0, "2007-01-01", "test rates 2007")]
    assert eur == [(500_000_000.0, "identity")]


def test_a_partition_is_streamed_to_parquet_in_batches(tmp_path, monkeypatch):
    """A partition larger than one Arrow batch is written batch by batch into one file of the
    declared schema; a failure half-way leaves the old file whole and no partial file behind."""
    import duckdb

    from factwire.warehouse import lake

    declared = tables()["amounts"]
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute(declared.ddl())
    con.execute("INSERT INTO amounts SELECT 'a' || i, 'art', '1', 0, 1, 'count', i, NULL, NULL, NULL, "
                "false, NULL, '0.4.0', 'exact' FROM range(2500) t(i)")
    monkeypatch.setattr(lake, "EXPORT_BATCH_ROWS", 1000)
    target = tmp_path / "lake" / "amounts" / "data.parquet"
    query = f"SELECT {', '.join(declared.column_names)} FROM amounts ORDER BY value"
    lake._copy(con, query, [], target, declared)
    written = pq.ParquetFile(target)
    assert written.schema_arrow == declared.arrow_schema
    assert written.metadata.num_rows == 2500 and written.metadata.num_row_groups == 3

    def failing(*args, **kwargs):
        raise RuntimeError("the store went away")

    monkeypatch.setattr(pq.ParquetWriter, "write_table", failing)
    with pytest.raises(RuntimeError):
        lake._copy(con, query.replace("ORDER BY value", "WHERE value < 10"), [], target, declared)
    assert pq.ParquetFile(target).metadata.num_rows == 2500
    assert sorted(p.name for p in target.parent.iterdir()) == ["data.parquet"]


def test_staged_files_from_before_a_migration_load_with_the_new_columns_null(tmp_path):
    # A run of an older factwire staged a batch and stopped before its load; the next run, after
    # an upgrade whose migration added nullable columns, loads it all the same.
    from factwire.warehouse.store import Warehouse, _load_keyed

    warehouse = Warehouse(tmp_path / "warehouse.duckdb", tmp_path / "lake")
    old = tmp_path / "batch-old-events.parquet"
    with warehouse.connect_write() as con:
        con.execute("INSERT INTO events (event_id, article_id, event_type, event_text, start_char, end_char, "
                    "modality, extractor_version, place_actor_id, object_text, mention_count) "
                    "VALUES ('e1', 'a1', 'attack', 'a bomb exploded', 0, 15, 'asserted', '0.3.0', 'x', 'y', 2)")
        con.execute(f"COPY (SELECT * EXCLUDE (place_actor_id, object_text, mention_count) FROM events) "
                    f"TO '{old}' (FORMAT parquet)")
        con.execute("DELETE FROM events")
        assert _load_keyed(con, tables()["events"], [old]) == 1
        assert con.execute("SELECT event_id, place_actor_id, object_text, mention_count FROM events").fetchall() \
            == [("e1", None, None, None)]
        # A required column missing is an error that names it, and nothing is loaded.
        broken = tmp_path / "batch-broken-events.parquet"
        con.execute(f"COPY (SELECT * EXCLUDE (event_type) REPLACE ('e2' AS event_id) FROM events) "
                    f"TO '{broken}' (FORMAT parquet)")
        with pytest.raises(ValueError, match="staged events files lack the required column 'event_type'"):
            _load_keyed(con, tables()["events"], [broken])
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
