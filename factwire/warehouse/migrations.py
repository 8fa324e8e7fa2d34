"""Schema versions: a warehouse records its version; older ones are migrated forward.

Migrations are the ordered files ``schemas/migrations/NNNN_name.sql``; the latest number is the
version this code writes. A warehouse newer than the code is refused, never touched.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path

import duckdb

MIGRATIONS_DIR = Path(__file__).resolve().parents[2] / "schemas" / "migrations"
_NAME = re.compile(r"^(\d{4})_[\w-]+\.sql$")


class WarehouseVersionError(RuntimeError):
    """The warehouse cannot be used by this code (too new, or a migration failed)."""


def migrations() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS_DIR.glob("*.sql")):
        match = _NAME.match(path.name)
        if not match:
            raise WarehouseVersionError(f"{path.name}: migration files are named NNNN_name.sql")
        found.append((int(match.group(1)), path))
    numbers = [n for n, _ in found]
    if numbers != list(range(1, len(numbers) + 1)):
        raise WarehouseVersionError(f"migrations must be numbered 1, 2, 3... without gaps: {numbers}")
    return found


def latest_version() -> int:
    return len(migrations())


def current_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The warehouse's version; None for an empty file, 1 for tables without a version."""
    names = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if not names:
        return None
    if "schema_version" not in names:
        return 1
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return row[0] if row and row[0] is not None else 1


def set_version(con: duckdb.DuckDBPyConnection, version: int) -> None:
    con.execute("DELETE FROM schema_version")
    con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, datetime.now(timezone.utc)])


def migrate(con: duckdb.DuckDBPyConnection, path: Path, from_version: int | None) -> int | None:
    """Bring an existing warehouse to the latest version; returns the version it had."""
    latest = latest_version()
    if from_version is None or from_version == latest:
        return from_version
    if from_version > latest:
        raise WarehouseVersionError(
            f"{path} has schema version {from_version}, newer than this factwire understands ({latest}); "
            "upgrade factwire to use it")
    views = [r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    for number, migration in migrations()[from_version:]:
        con.execute("BEGIN TRANSACTION")
        try:
            for view in views:  # views are re-created from sql/views after migrating
                con.execute(f'DROP VIEW IF EXISTS "{view}"')
            views = []
            con.execute(migration.read_text(encoding="utf-8"))
            con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, "
                        "migrated_at TIMESTAMPTZ NOT NULL, PRIMARY KEY (version))")
            set_version(con, number)
            con.execute("COMMIT")
        except Exception as exc:
            con.execute("ROLLBACK")
            raise WarehouseVersionError(f"{path}: migration {migration.name} failed: {exc}") from exc
    return from_version
