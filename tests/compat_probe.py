"""What a DuckDB client sees in a warehouse file, as JSON on stdout; run by any Python that has
`duckdb` (the project's, or an old release's environment from `old_duckdb`), so the answers of
different DuckDB versions can be compared. Standard library and duckdb only (sqlalchemy and
duckdb-engine for `sqlalchemy`).

    python compat_probe.py dump PATH           every table and view, rows included
    python compat_probe.py sql-views PATH DIR  the views of DIR/*.sql made anew over PATH's tables
    python compat_probe.py sqlalchemy URL DIR  SQLAlchemy's inspector and the queries DIR/*.sql
"""

from __future__ import annotations

import datetime
import decimal
import json
import sys
import uuid
from pathlib import Path

import duckdb


def plain(value):
    """A value as JSON, the same for every DuckDB version (floats to 12 significant digits:
    a sum's last bits may depend on the order DuckDB adds in)."""
    if isinstance(value, float):
        return f"{value:.12g}"
    if isinstance(value, (decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime, datetime.timedelta)):
        return str(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def rows_of(cursor) -> dict:
    columns = [d[0] for d in cursor.description]
    rows = sorted(json.dumps(plain(list(r)), sort_keys=True, ensure_ascii=False) for r in cursor.fetchall())
    return {"columns": columns, "rows": rows}


def dump(path: str) -> dict:
    """Every table and view of the file, opened read-only as a dashboard opens it."""
    con = duckdb.connect(path, read_only=True)
    objects = con.execute("SELECT table_name, table_type FROM information_schema.tables "
                          "WHERE table_schema = 'main' AND table_catalog = current_database() "
                          "ORDER BY table_name").fetchall()
    found = {}
    for name, kind in objects:
        found[name] = {"kind": "view" if kind == "VIEW" else "table",
                       **rows_of(con.execute(f'SELECT * FROM "{name}"'))}
    con.close()
    return found


def sql_views(path: str, views_dir: str) -> dict:
    """The views' SQL files run as written, over a copy of the file's tables: the SQL text
    itself must be understood by this DuckDB, not only the views the snapshot stores."""
    con = duckdb.connect()
    con.execute("ATTACH '{}' AS snapshot (READ_ONLY)".format(path.replace("'", "''")))
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                        "WHERE table_catalog = 'snapshot' AND table_type = 'BASE TABLE'").fetchall()]
    for name in tables:
        con.execute(f'CREATE TABLE memory.main."{name}" AS SELECT * FROM snapshot.main."{name}"')
    # the views call the snapshot's macros (display_confidence(), symmetric_event(t)): made anew from their definitions
    for name, parameters, definition in con.execute(
            "SELECT function_name, parameters, macro_definition FROM duckdb_functions() "
            "WHERE database_name = 'snapshot' AND function_type = 'macro' AND NOT internal").fetchall():
        con.execute(f"CREATE MACRO {name}({', '.join(parameters)}) AS {definition}")
    con.execute("DETACH snapshot")
    pending = sorted(Path(views_dir).glob("*.sql"))
    while pending:  # views read each other: make them in passes, as the warehouse does
        failed = [view for view in pending if not _try(con, view.read_text(encoding="utf-8"))]
        if len(failed) == len(pending):
            con.execute(failed[0].read_text(encoding="utf-8"))  # raises the real error
        pending = failed
    return {view.stem: rows_of(con.execute(f'SELECT * FROM "{view.stem}"'))
            for view in sorted(Path(views_dir).glob("*.sql"))}


def _try(con, sql: str) -> bool:
    try:
        con.execute(sql)
        return True
    except duckdb.CatalogException:
        return False


def sqlalchemy(url: str, queries_dir: str) -> dict:
    """What a SQLAlchemy-based BI tool (Superset) sees: the inspector's tables and views, the
    answers to the queries, and whether a write is refused."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    inspector = sa.inspect(engine)
    found = {"sqlalchemy": sa.__version__, "tables": sorted(inspector.get_table_names()),
             "views": sorted(inspector.get_view_names()), "queries": {}}
    try:
        found["columns"] = {name: [c["name"] for c in inspector.get_columns(name)] for name in found["views"]}
    except Exception as exc:  # reported, for the test to judge (see test_compat)
        found["columns_error"] = str(exc)
    with engine.connect() as conn:
        for query in sorted(Path(queries_dir).glob("*.sql")):
            result = conn.execute(sa.text(query.read_text(encoding="utf-8")))
            columns = list(result.keys())
            found["queries"][query.stem] = {
                "columns": columns,
                "rows": [json.dumps(plain(list(r)), ensure_ascii=False) for r in result.fetchall()]}
        try:
            conn.execute(sa.text("CREATE TABLE probe_write (a INTEGER)"))
            found["write"] = "accepted"
        except Exception as exc:  # the refusal is the expected answer; its text is reported
            found["write"] = f"refused: {exc}"
    engine.dispose()
    return found


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    answer = {"dump": dump, "sql-views": sql_views, "sqlalchemy": sqlalchemy}[command](*args)
    json.dump({"duckdb": duckdb.__version__, "answer": answer}, sys.stdout, ensure_ascii=False)
