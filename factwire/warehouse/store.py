"""The warehouse: a Parquet lake of each run's batches, loaded into one DuckDB file.

DuckDB lets one process write a file or many read it, never both. So runs write a private
working file (``warehouse.duckdb``) and, after each load, publish a consistent copy for readers
(``warehouse.snapshot.duckdb``) by an atomic rename. Dashboards and ``factwire query`` open the
snapshot read-only: a reader never blocks a run, a run never breaks a reader, and a reader sees
a run's facts all at once or not at all. Only one run writes at a time (a lock file).
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import os
import shutil
import tempfile
import threading
import time
import warnings
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Iterator

import duckdb

from factwire.articles import Article
from factwire.event_kinds import symmetric_event_macro
from factwire.faults import checkpoint
from factwire.settings import get_settings
from factwire.warehouse import lake, migrations, storage
from factwire.warehouse.rows import fact_key
from factwire.warehouse.schema import Table, tables
from factwire.warehouse.storage import Location

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
    """The DuckDB file (always local to the machine that loads), the Parquet lake and the staging
    location of batches not yet loaded; the lake and staging may be ``s3://bucket/prefix``
    (`factwire.warehouse.storage`), staging defaulting to ``<lake>/_batches``."""

    path: Path
    lake_dir: Location
    staging_dir: Location | None = None

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.lake_dir = storage.location(self.lake_dir)
        self.staging_dir = (storage.location(self.staging_dir) if self.staging_dir
                            else storage.join(self.lake_dir, lake.STAGING))

    def for_workers(self) -> "Warehouse":
        """This warehouse with local locations made absolute, for processes (Dask workers) that
        run in another working folder; they only write staged batches."""
        return dataclasses.replace(self, path=Path(os.path.abspath(self.path)),
                                   lake_dir=storage.absolute(self.lake_dir),
                                   staging_dir=storage.absolute(self.staging_dir))

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
        A working file made by this version of factwire is already in that format (see
        `_open_working_file`), and then the snapshot is a plain copy of it; an older working file
        is copied table by table into the format. Either way the new snapshot is written to a
        partial file and renamed over the old one, so a reader opens the previous snapshot or
        this one, whole."""
        storage_version = storage_version or get_settings().snapshot_storage_version
        partial = self.snapshot_path.with_name(self.snapshot_path.name + ".partial")
        _remove_database_file(partial)  # left by a publish that was stopped half-way
        try:
            wanted = None if storage_version == "latest" else _format_of_new_file(storage_version)
            if storage_version == "latest" or (wanted is not None and _file_format(self.path) == wanted):
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
                lake.clear_staging(self.staging_dir)  # left by a run that stopped before its load
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
        holds every committed run: nothing committed is lost.

        A new working file is made in the snapshot's storage format (FACTWIRE_STORAGE_VERSION),
        which DuckDB keeps for the file's life: publishing is then a file copy, not a rewrite of
        every table. An existing file keeps the format it was made in."""
        config = _working_file_config()
        try:
            return duckdb.connect(str(self.path), config=config)
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
            return duckdb.connect(str(self.path), config=config)

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
        # The one confidence threshold the marts show deals and events at (settings,
        # FACTWIRE_DISPLAY_CONFIDENCE), as a macro the views and ad-hoc SQL can call.
        threshold = float(get_settings().display_confidence)
        con.execute(f"CREATE OR REPLACE MACRO display_confidence() AS CAST({threshold!r} AS DOUBLE)")
        # Event types done together, whose reports the marts group on the unordered pair of actors.
        con.execute(symmetric_event_macro())
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
    def write_lake(self, rows_by_table: dict[str, list[dict]], batch_id: str, run_date: date) -> dict[str, Location]:
        """One Parquet file per table for a batch, under ``<staging>/<table>/run_date=<date>/``,
        then the batch's manifest, which publishes them (`lake.publish_batch`).

        The file name is the batch's content key, so writing the same batch again (a batch
        retried on another machine) replaces the files instead of adding copies; each file is
        written whole (`storage.write_parquet`). The staging location may be local or S3.
        """
        files: dict[str, Location] = {}
        sizes: dict[str, tuple[Location, int]] = {}
        for name, rows in rows_by_table.items():
            declared = tables()[name]
            rows = _unique(declared, rows)
            if not rows:
                continue
            # "batch-<key>" or "records-<key>"
            target = storage.join(self.staging_dir, name, f"run_date={run_date.isoformat()}", f"{batch_id}.parquet")
            size = storage.write_parquet(target, declared.to_arrow(rows))
            checkpoint("parquet")  # some files written, the batch not yet published
            files[name] = target
            sizes[name] = (target, size)
        lake.publish_batch(self.staging_dir, batch_id, sizes)
        return files

    def load(self, files_by_table: dict[str, list[Location]], run_row: dict,
             replace_articles: list[str] | None = None) -> dict[str, int]:
        """Load Parquet files into their tables and record the run, all in one transaction.

        Rows whose key is already loaded are skipped (an anti-join insert), so loading the same
        files twice changes nothing. ``replace_articles`` (a re-extraction) first removes those
        articles and every fact about them, in the same transaction. The caller holds
        ``writer_lock``. Only files their batch's manifest publishes are loaded (a batch written
        half-way is refused before anything changes); staged files in an S3 store reach DuckDB
        through Arrow.
        """
        inserted: dict[str, int] = {}
        files_by_table = lake.published_files(self.staging_dir, {
            table: [storage.location(p) for p in paths] for table, paths in files_by_table.items()})
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
                    paths = files_by_table.get(name, [])
                    if paths:
                        inserted[name] = _load_keyed(con, tables()[name], paths)
                actor_files = files_by_table.get("actors", [])
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
        lake.clear_staging(self.staging_dir)
        self.publish()
        return inserted

    def _export_pending(self, con: duckdb.DuckDBPyConnection) -> None:
        """Bring the lake up to date with every committed run not yet exported."""
        pending = [r[0] for r in con.execute("SELECT run_id FROM runs WHERE NOT lake_exported").fetchall()]
        lake.export(con, self.lake_dir, pending)

    def record_run(self, run_row: dict) -> None:
        """Record a run that loaded nothing (a failure or an empty input). A run whose load had
        already committed keeps the row it committed (its facts are in; only a later step, the
        lake export or the publish, failed, and the next run finishes that)."""
        with self.connect_write() as con:
            if not con.execute("SELECT count(*) FROM runs WHERE run_id = ?", [run_row["run_id"]]).fetchall()[0][0]:
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


def _working_file_config() -> dict[str, str]:
    storage_version = get_settings().snapshot_storage_version
    if storage_version == "latest":
        return {}
    if _format_of_new_file(storage_version) is None:
        raise ValueError(f"FACTWIRE_STORAGE_VERSION={storage_version!r} is not a DuckDB storage version")
    return {"storage_compatibility_version": storage_version}


def _file_format(path: Path) -> str | None:
    """The storage format DuckDB reports for the database file ``path`` ("v1.0.0+", "v2.0.0+"...)."""
    con = duckdb.connect(config={"python_enable_replacements": False})
    try:
        con.execute("ATTACH ? AS probed (READ_ONLY)", [str(path)])
        [(tags,)] = con.execute("SELECT tags FROM duckdb_databases() WHERE database_name = 'probed'").fetchall()
        return dict(tags or {}).get("storage_version")
    finally:
        con.close()


@functools.lru_cache(maxsize=8)
def _format_of_new_file(storage_version: str) -> str | None:
    """The storage format of a new file written for DuckDB ``storage_version``, as
    `_file_format` reports it (read from an empty file made for the purpose)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "probe.duckdb"
        try:
            duckdb.connect(str(path), config={"storage_compatibility_version": storage_version}).close()
        except duckdb.Error:
            return None  # not a storage version: the table-by-table copy says so
        return _file_format(path)


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


@contextlib.contextmanager
def _staged(con: duckdb.DuckDBPyConnection, declared: Table, paths: list[Location],
            columns: list[str] | None = None) -> Iterator[str]:
    """SQL for the rows of staged files (``columns``, default all, with ``filename`` and
    ``file_row_number`` to order several files' rows by), for one statement. Local files are
    read by DuckDB's read_parquet; files in an S3 store by pyarrow, as a dataset DuckDB scans
    over Arrow (so DuckDB needs no extension of its own for S3), registered for this statement
    alone since an Arrow reader is read once. Within one file keys are unique (`write_lake`)."""
    columns = columns or declared.column_names
    listed = ", ".join(f'"{c}"' for c in columns)
    if not storage.is_remote(paths[0]):
        files = "[" + ", ".join("'" + str(p).replace("'", "''") + "'" for p in paths) + "]"
        source = f"read_parquet({files}, union_by_name = true, filename = true, file_row_number = true)"
        listed = ", ".join(_column_or_null(con, declared, source, columns))
        yield f"(SELECT {listed}, filename, file_row_number FROM {source})"
        return
    name = f"staged_{declared.name}"
    with storage.errors(paths[0], "read staged batches from"):
        dataset = storage.parquet_dataset(paths, declared.arrow_schema)
        con.register(name, dataset.scanner(columns=[*columns, "__filename"]).to_reader())
    try:
        yield f'(SELECT {listed}, "__filename" AS filename, 0 AS file_row_number FROM {name})'
    finally:
        con.unregister(name)


def _column_or_null(con: duckdb.DuckDBPyConnection, declared: Table, source: str,
                    columns: list[str]) -> list[str]:
    """The select list for staged files: a nullable column the files lack (staged by an older
    factwire, before a migration added it, and left by a run that stopped before its load) is
    read as null; a required one they lack is an error that names it."""
    present = {row[0] for row in con.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()}
    by_name = {c.name: c for c in declared.columns}
    listed = []
    for name in columns:
        if name in present:
            listed.append(f'"{name}"')
        elif by_name[name].nullable:
            listed.append(f'CAST(NULL AS {by_name[name].type}) AS "{name}"')
        else:
            raise ValueError(f"staged {declared.name} files lack the required column {name!r}")
    return listed


def _load_keyed(con: duckdb.DuckDBPyConnection, declared: Table, paths: list[Location]) -> int:
    """Insert rows whose key is new (an anti-join); ``upsert`` tables first drop the rows the
    files replace. A key met in several files is taken from the first file in name order (batch
    files, named ``batch-*``, come before a run's own records). Returns the rows inserted."""
    columns = ", ".join(f'"{c}"' for c in declared.column_names)
    keys = ", ".join(f'"{k}"' for k in declared.key)
    match = " AND ".join(f't."{k}" = src."{k}"' for k in declared.key)

    def first_of_each_key(staged: str) -> str:
        return (f"(SELECT {columns} FROM {staged} QUALIFY row_number() OVER (PARTITION BY {keys} "
                f"ORDER BY filename, file_row_number) = 1)")

    if declared.write_mode == "upsert":
        with _staged(con, declared, paths) as staged:
            con.execute(f'DELETE FROM "{declared.name}" AS t WHERE EXISTS '
                        f'(SELECT 1 FROM {first_of_each_key(staged)} AS src WHERE {match})')
    with _staged(con, declared, paths) as staged:
        sql = (f'INSERT INTO "{declared.name}" ({columns}) SELECT {columns} FROM {first_of_each_key(staged)} AS src '
               f'WHERE NOT EXISTS (SELECT 1 FROM "{declared.name}" AS t WHERE {match})')
        return con.execute(sql).fetchone()[0]


# An actor id from a mention's spelling, as `factwire.extract.actors.actor_id` makes one:
# accents and case folded, runs of other characters to "-".
_MENTION_SLUG = "trim(regexp_replace(lower(strip_accents(m.mention_text)), '[^a-z0-9]+', '-', 'g'), '-')"


def _respell_actors(con: duckdb.DuckDBPyConnection, actor_files: list[Location]) -> None:
    """Actors named from the text (not the alias table) take the spelling most of their mentions
    use, among the mentions that spell the name itself ("Nasdaq" over a first-seen "NASDAQ";
    "the Kremlin" is no spelling of Russia); a tie keeps the current name. Only the actors of
    this load's articles (its staged actor rows) are looked at, over all their mentions."""
    with _staged(con, tables()["actors"], actor_files, ["actor_id"]) as staged:
        _respell_staged_actors(con, staged)


def _respell_staged_actors(con: duckdb.DuckDBPyConnection, staged: str) -> None:
    con.execute(f"""
        UPDATE actors SET name = preferred.spelling
        FROM (
            SELECT m.actor_id,
                   arg_max(m.mention_text, (m.n, m.mention_text = a.name, m.mention_text)) AS spelling
            FROM (SELECT m.actor_id, m.mention_text, count(*) AS n
                  FROM actor_mentions m
                  WHERE m.actor_id IN (SELECT actor_id FROM {staged})
                    AND {_MENTION_SLUG} = m.actor_id
                  GROUP BY ALL) m
            JOIN actors a ON a.actor_id = m.actor_id AND a.name_source = 'text'
            GROUP BY m.actor_id
        ) preferred
        WHERE actors.actor_id = preferred.actor_id AND actors.name <> preferred.spelling""")


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
