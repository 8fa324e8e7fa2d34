"""Table declarations read from `schemas/*.yaml`: the one source of columns, types and keys.

The Parquet writer (Arrow schemas), the DuckDB DDL and the tests all derive from these.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import yaml

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
WRITE_MODES = {"insert_new", "upsert", "append", "replace"}

_ARROW_TYPES = {
    "VARCHAR": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "UBIGINT": pa.uint64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "DATE": pa.date32(),
    "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    nullable: bool = True
    description: str = ""

    @property
    def arrow_type(self) -> pa.DataType:
        if self.type.endswith("[]"):
            return pa.list_(_ARROW_TYPES[self.type[:-2]])
        return _ARROW_TYPES[self.type]


@dataclass(frozen=True)
class Table:
    name: str
    description: str
    grain: str
    key: tuple[str, ...]
    write_mode: str
    columns: tuple[Column, ...]
    seed: str | None = None  # a CSV in factwire/data/ that a ``replace`` table is loaded from
    # A PRIMARY KEY in DuckDB: an index kept in memory and checked on every insert. Tables
    # looked up by key keep it; the big fact tables do not (``enforce_key: false``): their
    # keys stay unique by the keyed load and are verified by `factwire check`.
    enforce_key: bool = True

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def arrow_schema(self) -> pa.Schema:
        return pa.schema([pa.field(c.name, c.arrow_type, nullable=c.nullable) for c in self.columns])

    def ddl(self) -> str:
        columns = [f'"{c.name}" {c.type}{"" if c.nullable else " NOT NULL"}' for c in self.columns]
        if self.enforce_key:
            columns.append(f"PRIMARY KEY ({', '.join(self.key)})")
        return f'CREATE TABLE IF NOT EXISTS "{self.name}" (\n  ' + ",\n  ".join(columns) + "\n)"

    def to_arrow(self, rows: list[dict]) -> pa.Table:
        """Rows as an Arrow table of exactly this schema (unknown keys are an error)."""
        names = set(self.column_names)
        for row in rows:
            extra = set(row) - names
            if extra:
                raise ValueError(f"{self.name}: unknown columns {sorted(extra)}")
        return pa.Table.from_pylist(rows, schema=self.arrow_schema)


def _load(path: Path) -> Table:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    columns = tuple(Column(c["name"], c["type"], c.get("nullable", True), c.get("description", ""))
                    for c in spec["columns"])
    table = Table(spec["name"], spec.get("description", ""), spec["grain"], tuple(spec["key"]),
                  spec["write_mode"], columns, spec.get("seed"), spec.get("enforce_key", True))
    if table.name != path.stem:
        raise ValueError(f"{path.name}: name {table.name!r} does not match the file name")
    if table.write_mode not in WRITE_MODES:
        raise ValueError(f"{path.name}: write_mode must be one of {sorted(WRITE_MODES)}")
    missing = [k for k in table.key if k not in table.column_names]
    if missing:
        raise ValueError(f"{path.name}: key columns {missing} are not declared")
    if not isinstance(table.enforce_key, bool):
        raise ValueError(f"{path.name}: enforce_key must be true or false")
    for column in columns:
        column.arrow_type  # raises KeyError on an unknown type
    return table


@functools.lru_cache(maxsize=1)
def tables() -> dict[str, Table]:
    """Every declared table by name."""
    return {path.stem: _load(path) for path in sorted(SCHEMA_DIR.glob("*.yaml"))}


def table(name: str) -> Table:
    return tables()[name]
