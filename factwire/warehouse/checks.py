"""Constraint checks on a warehouse: unique keys (from the declarations) and the rules in
`sql/checks/*.sql`, each a query returning one row per violation."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from factwire.warehouse.schema import tables

CHECKS_DIR = Path(__file__).resolve().parents[2] / "sql" / "checks"


@dataclass
class CheckResult:
    name: str
    description: str
    violations: int
    examples: list[tuple] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.violations == 0


def run_checks(con: duckdb.DuckDBPyConnection, examples: int = 5) -> list[CheckResult]:
    results = []
    for declared in tables().values():
        key = ", ".join(f'"{k}"' for k in declared.key)
        rows = con.execute(f'SELECT {key}, count(*) AS copies FROM "{declared.name}" '
                           f"GROUP BY ALL HAVING count(*) > 1").fetchall()
        results.append(CheckResult(f"unique_key:{declared.name}", f"{declared.name} keys ({key}) are unique",
                                   len(rows), rows[:examples]))
    for path in sorted(CHECKS_DIR.glob("*.sql")):
        sql = path.read_text(encoding="utf-8")
        description = next((line[2:].strip() for line in sql.splitlines() if line.startswith("--")), path.stem)
        count = con.execute(f"SELECT count(*) FROM ({sql.rstrip().rstrip(';')})").fetchone()[0]
        sample = con.execute(f"SELECT * FROM ({sql.rstrip().rstrip(';')}) LIMIT {int(examples)}").fetchall()
        results.append(CheckResult(path.stem, description, count, sample))
    return results
