"""The warehouse: a Parquet lake of each run's batches, loaded into one DuckDB file.

DuckDB lets one process write a file or many read it, never both. So runs write a private
working file (``warehouse.duckdb``) and, after each load, publish a consistent copy for readers
(``warehouse.snapshot.duckdb``) by an atomic rename. Dashboards and ``factwire query`` open the
snapshot read-only: a reader never blocks a run, a run never breaks a reader, and a reader sees
a run's facts all at once or not at all. Only one run writes at a time (a lock file).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import threading
import time
import warnings
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb
import pyarrow.parquet as pq

from factwire.articles import Article
from factwire.faults import checkpoint
from factwire.settings import get_settings
from factwire.warehouse import lake, migrations
from factwire.warehouse.rows import fact_key
from factwire.warehouse.schema import Table, tables

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"


def keyed_tables() -> list[str]:
    """Tables loaded from the lake by key (the run log and the shipped rates are written apart)."""
    return [name for name, t in tables().items() if t.write_mode in ("insert_new", "upsert")]


class WarehouseSchemaError(RuntimeError):
    """The warehouse file's tables do not match the declarations in schemas/."""


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse."""


@dataclass
class Warehouse:
    path: Path
    lake_dir: Path

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.lake_dir = Path(self.lake_dir)

    # -- connections -------------------------------------------------------------------------
    @property
    def snapshot_path(self) -> Path:
        """The published copy readers open (dashboards, `factwire query`)."""
        return self.path.with_name(self.path.stem + ".snapshot.duckdb")

    def connect_snapshot(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the published snapshot: what dashboards should do."""
        return open_snapshot(self.snapshot_path)

    def connect_read_only(self) -> duckdb.DuckDBPyConnection:
        """A read-only connection to the working file (for the run holding the writer lock)."""
        if not self.path.exists():
            raise FileNotFoundError(f"no warehouse at {self.path}: run `factwire run` first")
        return duckdb.connect(str(self.path), read_only=True)

    def publish(self, storage_version: str | None = None) -> None:
        """Write the snapshot from the working file, atomically (the caller holds the writer lock
        and has closed its connection, so the file is checkpointed and still).

        The snapshot is written in the DuckDB storage format ``storage_version`` names (default:
        the ``FACTWIRE_STORAGE_VERSION`` setting), because dashboards open it with the DuckDB
        their BI tool brings, often older than factwire's; "latest" copies the file as it is.
        Either way the new snapshot is written to a partial file and renamed over the old one,
        so a reader opens the previous snapshot or this one, whole."""
        storage_version = storage_version or get_settings().snapshot_storage_version
        partial = self.snapshot_path.with_name(self.snapshot_path.name + ".partial")
        _remove_database_file(partial)  # left by a publish that was stopped half-way
        try:
            if storage_version == "latest":
                shutil.copyfile(self.path, partial)
            else:
                _copy_database(self.path, partial, storage_version)
            with open(partial, "rb+") as handle:
                os.fsync(handle.fileno())
        except BaseException:
            _remove_database_file(partial)
            raise
        os.replace(partial, self.snapshot_path)

    @contextlib.contextmanager
    def writer_lock(self, wait_seconds: float = 0.0) -> Iterator[None]:
        """Exclusive right to write; a second writer waits up to ``wait_seconds``, then fails."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_name(self.path.name + ".lock")
        with open(lock_path, "a+") as handle:
            deadline = time.monotonic() + wait_seconds
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise WarehouseBusy(f"another factwire run is writing {self.path}; try again when it ends") from None
                    time.sleep(0.2)
            try:
                handle.seek(0)
                handle.truncate()
                handle.write(str(os.getpid()))
                handle.flush()
                lake.clear_staging(self.lake_dir)  # left by a run that stopped before its load
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    @contextlib.contextmanager
    def connect_write(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        con = self._open_working_file()
        try:
            self.ensure_schema(con)
            yield con
            con.execute("CHECKPOINT")
        finally:
            con.close()

    def _open_working_file(self) -> duckdb.DuckDBPyConnection:
        """The working file, read-write. A file a failed write left unreadable (a full disk can
        corrupt a DuckDB file) is set aside and rebuilt from the last published snapshot, which
        holds every committed run: nothing committed is lost."""
        try:
            return duckdb.connect(str(self.path))
        except duckdb.Error as exc:
            if not self.snapshot_path.exists() or "checksum" not in str(exc).lower() and "corrupt" not in str(exc).lower():
                raise
            damaged = self.path.with_name(self.path.name + ".damaged")
            os.replace(self.path, damaged)
            wal = self.path.with_name(self.path.name + ".wal")
            if wal.exists():
                os.replace(wal, damaged.with_name(damaged.name + ".wal"))
            shutil.copyfile(self.snapshot_path, self.path)
            warnings.warn(f"{self.path} could not be read ({exc}); it was moved to {damaged.name} and "
                          f"rebuilt from {self.snapshot_path.name}", RuntimeWarning, stacklevel=2)
            return duckdb.connect(str(self.path))

    def ensure_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        """Create a new warehouse at the latest version, migrate an older one, refuse a newer one;
        then check every table against its declaration and (re)create the views."""
        version = migrations.current_version(con)
        migrations.migrate(con, self.path, version)
        for declared in tables().values():
            con.execute(declared.ddl())
            found = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [declared.name]).fetchall()]
            if found != declared.column_names:
                raise WarehouseSchemaError(
                    f"{self.path}: table {declared.name} has columns {found}, but schemas/{declared.name}.yaml "
                    f"declares {declared.column_names}; rebuild the warehouse from its inputs")
        if version is None:
            migrations.set_version(con, migrations.latest_version())
        # Views may read each other: create them in passes until each one's inputs exist.
        pending = sorted((SQL_DIR / "views").glob("*.sql"))
        while pending:
            failed = []
            for view in pending:
                try:
                    con.execute(view.read_text(encoding="utf-8"))
                except duckdb.CatalogException:
                    failed.append(view)
            if len(failed) == len(pending):
                con.execute(failed[0].read_text(encoding="utf-8"))  # raises the real error
            pending = failed

    # -- reading -----------------------------------------------------------------------------
    def reader(self) -> "WarehouseReader":
        """Lookups a run makes while it plans (read-only; close before loading). A warehouse
        newer than this code is refused here, before anything is fetched or extracted."""
        if not self.path.exists():
            return WarehouseReader(None)
        try:
            con = self.connect_read_only()
        except duckdb.Error:
            if not self.snapshot_path.exists():
                raise
            con = open_snapshot(self.snapshot_path)  # the load will rebuild the working file from it
        version = migrations.current_version(con)
        if version is not None and version > migrations.latest_version():
            con.close()
            migrations.migrate(con, self.path, version)  # raises WarehouseVersionError
        return WarehouseReader(con)

    # -- writing -----------------------------------------------------------------------------
    def write_lake(self, rows_by_table: dict[str, list[dict]], batch_id: str, run_date: date) -> dict[str, Path]:
        """One Parquet file per table for a batch, under ``<lake>/_batches/<table>/run_date=<date>/``.

        The file name is the batch's content key, so writing the same batch again replaces the
        file instead of adding a copy; each file is written to a temporary name and renamed.
        """
        files: dict[str, Path] = {}
        for name, rows in rows_by_table.items():
            declared = tables()[name]
            rows = _unique(declared, rows)
            if not rows:
                continue
            folder = self.lake_dir / lake.STAGING / name / f"run_date={run_date.isoformat()}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"{batch_id}.parquet"  # "batch-<key>" or "records-<key>"
            partial = target.with_suffix(".parquet.partial")
            pq.write_table(declared.to_arrow(rows), partial, compression="zstd")
            checkpoint("parquet")
            os.replace(partial, target)
            files[name] = target
        return files

    def load(self, files_by_table: dict[str, list[Path]], run_row: dict,
             replace_articles: list[str] | None = None) -> dict[str, int]:
        """Load Parquet files into their tables and record the run, all in one transaction.

        Rows whose key is already loaded are skipped (an anti-join insert), so loading the same
        files twice changes nothing. ``replace_articles`` (a re-extraction) first removes those
        articles and every fact about them, in the same transaction. The caller holds
        ``writer_lock``.
        """
        inserted: dict[str, int] = {}
        with self.connect_write() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                self._load_seeds(con)
                if replace_articles:
                    for declared in tables().values():
                        if lake.article_grained(declared):
                            con.execute(f'DELETE FROM "{declared.name}" WHERE list_contains(?, article_id)',
                                        [replace_articles])
                for name in keyed_tables():
                    paths = [str(p) for p in files_by_table.get(name, [])]
                    if paths:
                        inserted[name] = _load_keyed(con, tables()[name], paths)
                actor_files = [str(p) for p in files_by_table.get("actors", [])]
                if actor_files:
                    _respell_actors(con, actor_files)
                checkpoint("load")
                run_row = {**run_row, "facts_loaded": sum(v for k, v in inserted.items() if k != "articles")}
                _insert_rows(con, tables()["runs"], [run_row])
                con.execute("COMMIT")
            except BaseException:
                _rollback(con)
                raise
            checkpoint("publish")
            self._export_pending(con)
        lake.clear_staging(self.lake_dir)
        self.publish()
        return inserted

    def _export_pending(self, con: duckdb.DuckDBPyConnection) -> None:
        """Bring the lake up to date with every committed run not yet exported."""
        pending = [r[0] for r in con.execute("SELECT run_id FROM runs WHERE NOT lake_exported").fetchall()]
        lake.export(con, self.lake_dir, pending)

    def record_run(self, run_row: dict) -> None:
        """Record a run that loaded nothing (a failure or an empty input)."""
        with self.connect_write() as con:
            _insert_rows(con, tables()["runs"], [run_row])
        self.publish()

    def _load_seeds(self, con: duckdb.DuckDBPyConnection) -> None:
        """Reload every ``replace`` table from its seed CSV (reference data shipped with factwire)."""
        for declared in tables().values():
            if declared.write_mode == "replace" and declared.seed:
                con.execute(f'DELETE FROM "{declared.name}"')
                _insert_arrow(con, declared, read_seed(declared))


def _copy_database(source: Path, target: Path, storage_version: str) -> None:
    """Copy every table and view of the DuckDB file ``source`` into a new file ``target``
    written in the storage format of DuckDB ``storage_version`` ("v1.1.0": files that DuckDB
    1.1.0 and newer can open). Both files are attached to a private in-memory database that is
    closed before returning, so nothing stays open on either."""
    con = duckdb.connect(config={"python_enable_replacements": False})
    try:
        con.execute("ATTACH ? AS working (READ_ONLY)", [str(source)])
        try:
            con.execute("ATTACH ? AS published (STORAGE_VERSION ?)", [str(target), storage_version])
        except duckdb.InvalidInputException as exc:
            raise ValueError(f"FACTWIRE_STORAGE_VERSION={storage_version!r} is not a DuckDB storage "
                             f"version: {exc}") from None
        con.execute("COPY FROM DATABASE working TO published")
        con.execute("CHECKPOINT published")  # everything in the file itself: only the file is renamed
        con.execute("DETACH published")
    finally:
        con.close()
    if target.with_name(target.name + ".wal").exists():
        raise RuntimeError(f"{target} still has a write-ahead log after its checkpoint; not publishing it")


def _remove_database_file(path: Path) -> None:
    """Remove a DuckDB file and its write-ahead log, if there."""
    for leftover in (path, path.with_name(path.name + ".wal")):
        leftover.unlink(missing_ok=True)


def read_seed(declared: Table):
    """A seed CSV as an Arrow table of the declared schema (FACTWIRE_FX_RATES overrides the rates)."""
    import pyarrow.csv as pacsv

    override = os.environ.get("FACTWIRE_FX_RATES") if declared.name == "fx_rates" else None
    path = Path(override) if override else Path(str(resources.files("factwire.data").joinpath(declared.seed)))
    schema = declared.arrow_schema
    data = pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
        column_types=schema, include_columns=declared.column_names))
    return data.cast(schema)


def open_snapshot(snapshot_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A fresh read-only connection to a published warehouse snapshot.

    The file is attached to a private in-memory database rather than opened with
    ``duckdb.connect(path)``: DuckDB shares one open database per path within a process, so
    while any other connection in the process still held it, a new one would keep reading the
    file a run has since replaced. Attaching opens the path anew, so each connection sees the
    latest published snapshot, whole. Python replacement scans are off: a missing view is an
    error, not a Python variable that happens to have its name.
    """
    snapshot_path = Path(snapshot_path)
    if not snapshot_path.exists():
        raise FileNotFoundError(f"no warehouse snapshot at {snapshot_path}: run `factwire run` first")
    con = duckdb.connect(config={"python_enable_replacements": False})
    try:
        con.execute("ATTACH ? AS warehouse (READ_ONLY)", [str(snapshot_path)])
        con.execute("USE warehouse")
    except BaseException:
        con.close()
        raise
    return con


class WarehouseReader:
    """Read-only lookups during planning: known URLs, near-duplicate texts, HTTP validators.

    Thread-safe (the fetcher asks from several threads); an absent warehouse knows nothing.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection | None):
        self._con = con
        self._lock = threading.Lock()
        self.validator_updates: dict[str, dict] = {}

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> "WarehouseReader":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _one(self, sql: str, params: list):
        if self._con is None:
            return None
        with self._lock:
            return self._con.execute(sql, params).fetchone()

    def article_for_url(self, url: str) -> str | None:
        row = self._one("SELECT article_id FROM article_urls WHERE url = ?", [url])
        return row[0] if row else None

    def knows_url(self, url: str) -> bool:
        return self.article_for_url(url) is not None

    def near_duplicate_of(self, fingerprint: int, max_distance: int) -> str | None:
        """An article whose SimHash is within ``max_distance`` bits of this one, if any."""
        row = self._one("SELECT article_id FROM articles WHERE bit_count(xor(simhash, ?::UBIGINT)) <= ? "
                        "ORDER BY bit_count(xor(simhash, ?::UBIGINT)), article_id LIMIT 1",
                        [fingerprint, max_distance, fingerprint])
        return row[0] if row else None

    def stored_articles(self, other_than_version: str | None = None,
                        article_ids: list[str] | None = None) -> list[Article]:
        """Articles as stored: all, those extracted by another version, or the given ones."""
        if self._con is None:
            return []
        where, params = "true", []
        if article_ids:
            where, params = "list_contains(?, article_id)", [article_ids]
        elif other_than_version:
            where, params = "extractor_version <> ?", [other_than_version]
        with self._lock:
            rows = self._con.execute(
                "SELECT text, source_uri, source_format, title, published_date, url, author, site, language, "
                f"cited_sources FROM articles WHERE {where} ORDER BY article_id", params).fetchall()
        return [Article(text=r[0], source_uri=r[1], source_format=r[2], title=r[3], published=r[4], url=r[5],
                        author=r[6], site=r[7], language=r[8], cited_sources=list(r[9] or [])) for r in rows]

    def known_article_ids(self, article_ids: list[str]) -> set[str]:
        if self._con is None or not article_ids:
            return set()
        with self._lock:
            rows = self._con.execute("SELECT article_id FROM articles WHERE list_contains(?, article_id)",
                                     [article_ids]).fetchall()
        return {r[0] for r in rows}

    # The fetcher's ValidatorStore protocol: read from the warehouse, write with the run's load.
    def get(self, url: str) -> dict | None:
        if url in self.validator_updates:
            return self.validator_updates[url]
        row = self._one("SELECT etag, last_modified FROM http_validators WHERE url = ?", [url])
        if not row:
            return None
        return {k: v for k, v in (("etag", row[0]), ("last_modified", row[1])) if v}

    def set(self, url: str, validators: dict) -> None:
        with self._lock:
            self.validator_updates[url] = dict(validators)


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back if a transaction is still open (a failed COMMIT has already ended it), without
    hiding the error that caused it."""
    try:
        con.execute("ROLLBACK")
    except duckdb.Error:
        pass


def _unique(declared: Table, rows: list[dict]) -> list[dict]:
    seen: set[tuple] = set()
    unique = []
    for row in rows:
        key = tuple(row[k] for k in declared.key)
        if key not in seen:
            seen.add(key)
            unique.append(row)
    return unique


def _load_keyed(con: duckdb.DuckDBPyConnection, declared: Table, paths: list[str]) -> int:
    """Insert rows whose key is new (an anti-join); ``upsert`` tables first drop the rows the
    files replace. A key met in several files is taken from the first file in name order (batch
    files, named ``batch-*``, come before a run's own records). Returns the rows inserted."""
    columns = ", ".join(f'"{c}"' for c in declared.column_names)
    keys = ", ".join(f'"{k}"' for k in declared.key)
    match = " AND ".join(f't."{k}" = src."{k}"' for k in declared.key)
    source = (f"(SELECT {columns} FROM read_parquet(?, union_by_name = true, filename = true, "
              f"file_row_number = true) QUALIFY row_number() OVER (PARTITION BY {keys} "
              f"ORDER BY filename, file_row_number) = 1)")
    if declared.write_mode == "upsert":
        con.execute(f'DELETE FROM "{declared.name}" AS t WHERE EXISTS (SELECT 1 FROM {source} AS src WHERE {match})',
                    [paths])
    sql = (f'INSERT INTO "{declared.name}" ({columns}) SELECT {columns} FROM {source} AS src '
           f'WHERE NOT EXISTS (SELECT 1 FROM "{declared.name}" AS t WHERE {match})')
    return con.execute(sql, [paths]).fetchone()[0]


# An actor id from a mention's spelling, as `factwire.extract.actors.actor_id` makes one:
# accents and case folded, runs of other characters to "-".
_MENTION_SLUG = "trim(regexp_replace(lower(strip_accents(m.mention_text)), '[^a-z0-9]+', '-', 'g'), '-')"


def _respell_actors(con: duckdb.DuckDBPyConnection, actor_files: list[str]) -> None:
    """Actors named from the text (not the alias table) take the spelling most of their mentions
    use, among the mentions that spell the name itself ("Nasdaq" over a first-seen "NASDAQ";
    "the Kremlin" is no spelling of Russia); a tie keeps the current name. Only the actors of
    this load's articles (its staged actor rows) are looked at, over all their mentions."""
    con.execute(f"""
        UPDATE actors SET name = preferred.spelling
        FROM (
            SELECT m.actor_id,
                   arg_max(m.mention_text, (m.n, m.mention_text = a.name, m.mention_text)) AS spelling
            FROM (SELECT m.actor_id, m.mention_text, count(*) AS n
                  FROM actor_mentions m
                  WHERE m.actor_id IN (SELECT actor_id FROM read_parquet(?, union_by_name = true))
                    AND {_MENTION_SLUG} = m.actor_id
                  GROUP BY ALL) m
            JOIN actors a ON a.actor_id = m.actor_id AND a.name_source = 'text'
            GROUP BY m.actor_id
        ) preferred
        WHERE actors.actor_id = preferred.actor_id AND actors.name <> preferred.spelling""", [actor_files])


def _insert_rows(con: duckdb.DuckDBPyConnection, declared: Table, rows: list[dict]) -> None:
    if rows:
        _insert_arrow(con, declared, declared.to_arrow(rows))


def _insert_arrow(con: duckdb.DuckDBPyConnection, declared: Table, arrow) -> None:
    columns = ", ".join(f'"{c}"' for c in declared.column_names)
    con.register("incoming_rows", arrow)
    try:
        con.execute(f'INSERT INTO "{declared.name}" ({columns}) SELECT {columns} FROM incoming_rows')
    finally:
        con.unregister("incoming_rows")


def batch_key(article_ids: list[str], version: str) -> str:
    return fact_key(version, *sorted(article_ids))


# Every table loaded by key, in declaration order (for callers that list what a run loads).
FACT_TABLES = tuple(keyed_tables())
