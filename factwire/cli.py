"""The `factwire` command: run the pipeline, extract one article, query the warehouse, evaluate."""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from datetime import date
from pathlib import Path

from factwire.settings import get_settings

# Exit codes (BSD sysexits): what kind of problem stopped a command.
EX_DATAERR = 65      # bad input: SQL, a sources file, an article run would quarantine
EX_NOINPUT = 66      # a file, folder or warehouse that is not there
EX_UNAVAILABLE = 69  # a page that could not be fetched
EX_SOFTWARE = 70     # a bug: an error nobody planned for
EX_IOERR = 74        # the warehouse or lake cannot be read or written
EX_TEMPFAIL = 75     # another run holds the warehouse

# Set to see the traceback of an unexpected error instead of its one-line summary.
TRACEBACK_ENV = "FACTWIRE_TRACEBACK"


class CliError(Exception):
    """A problem the user can fix (a missing file, bad SQL): one line on stderr and an exit code,
    never a traceback."""

    def __init__(self, message: str, code: int = EX_DATAERR):
        super().__init__(message)
        self.code = code


def iso_date(value: str) -> date:
    """An argparse type: a YYYY-MM-DD date, with what is wrong when it is not one."""
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        reason = str(exc) if "month" in str(exc) or "day" in str(exc) else "expected YYYY-MM-DD"
        raise argparse.ArgumentTypeError(f"not a date: {value!r} ({reason})") from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factwire", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    run = commands.add_parser("run", help="run the pipeline: read articles, extract facts, load the warehouse",
                              description="Read articles from files and folders (default: seeds/), extract their "
                                          "facts, write them as Parquet and load them into the DuckDB warehouse. "
                                          "Articles already loaded are skipped, so a re-run changes nothing.")
    run.add_argument("paths", nargs="*",
                     help="files or folders of .txt, .html, .json, .jsonl articles, or http(s) URLs of pages "
                          "(default: seeds/, unless --sources is given)")
    run.add_argument("--sources", type=Path, metavar="FILE",
                     help="a sources file (YAML) listing feeds and pages to fetch; see README 'Sources'")
    run.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                     help="let fetching reach this host even if it resolves to a private or loopback address")
    _add_storage_args(run)
    run.add_argument("--batch-size", type=positive_int, default=200,
                     help="articles per extraction batch (default: 200)")
    run.add_argument("--dask-scheduler", metavar="ADDRESS",
                     help="extract the batches on this Dask cluster (tcp://host:8786) instead of local processes; "
                          "see README 'Scaling out'")
    run.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                     help="wait this long for another run to finish instead of failing at once")
    run.add_argument("--json", action="store_true", help="print the run summary as JSON")
    _add_progress_args(run)

    ext = commands.add_parser(
        "extract", help="print the facts of an article file as JSON, as `run` would store them",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read an article file as `factwire run` does and print the facts a run would store.\n\n"
                    "FILE is read by its suffix, like `run`'s inputs: .txt (the seed layout: a first line\n"
                    "' date YYYY-MM-DD Title', page furniture dropped, a closing 'Sources:' line as the\n"
                    "cited sources), .html, .json (an object or a list) and .jsonl; - reads plain text on\n"
                    "stdin. A file with one article prints one JSON object; a file with several (a JSON\n"
                    "list, JSON lines) prints one compact JSON object per article, one per line (JSON\n"
                    "lines). Each object holds the facts (actors, mentions, amounts, dates, quotes,\n"
                    "citations, deals, events) and under 'article' the text their offsets point into.\n"
                    "An input `run` would quarantine prints its reason on stderr and the exit code is 65.\n\n"
                    "With --jsonl, read JSON lines {\"text\": ..., \"published\": ..., \"sources\": [...]} on\n"
                    "stdin and write the facts of each as one line (the text is taken as given).")
    ext.add_argument("file", nargs="?", default="-",
                     help="an article file (.txt, .html, .json, .jsonl), or - for plain text on stdin")
    ext.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                     help="publication date to resolve dates against; overrides the date the file gives")
    ext.add_argument("--jsonl", action="store_true", help="read JSON lines on stdin, write JSON lines")

    query = commands.add_parser("query", help="run SQL against the warehouse (read-only)",
                                description="Run SQL against the warehouse's published snapshot and print the result "
                                            "(read-only, so it never blocks a run). --write opens the working file "
                                            "read-write instead, and waits for no run: it fails if one is loading.")
    query.add_argument("sql", nargs="?", help="the SQL to run")
    query.add_argument("--file", type=Path, help="read the SQL from a file instead (e.g. sql/examples/top_actors.sql)")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--write", action="store_true", help="open the warehouse read-write")
    query.add_argument("--warehouse", type=Path, help="DuckDB file (default: data/warehouse.duckdb)")

    again = commands.add_parser("reextract", help="recompute facts of stored articles with this extractor",
                                description="Extract the facts of stored articles again from their stored text (nothing "
                                            "is fetched) and replace their old facts in one transaction. By default only "
                                            "articles whose facts came from another extractor version.")
    again.add_argument("--all", action="store_true", help="every stored article, whatever its extractor version")
    again.add_argument("--article", action="append", default=[], metavar="ARTICLE_ID", help="only this article")
    _add_storage_args(again)
    again.add_argument("--batch-size", type=positive_int, default=200,
                       help="articles per extraction batch (default: 200)")
    _add_progress_args(again)

    check = commands.add_parser("check", help="check the warehouse's constraints and report violations",
                                description="Check unique keys, facts that point at articles and actors, money "
                                            "(not negative, ISO 4217 currency), date precision and evidence offsets, on "
                                            "the published snapshot. Exits 1 when any check finds violations.")
    check.add_argument("--warehouse", type=Path, help="DuckDB file (default: data/warehouse.duckdb)")
    check.add_argument("--json", action="store_true", help="print the results as JSON")

    page = commands.add_parser("page", help="print what the HTML cleaning step makes of one page, as JSON",
                               description="Clean one HTML page (a file or an http(s) URL) and print its title, "
                                           "published date, author, site, url, language and main text as JSON.")
    page.add_argument("target", help="an .html file or an http(s) URL")
    page.add_argument("--allow-host", action="append", default=[], metavar="HOST",
                      help="let fetching reach this host even if it resolves to a private or loopback address")

    evaluate = commands.add_parser("eval", help="score the extractor on the annotated evaluation data",
                                   description="Score the extractor against the development sets in ../shared/eval.")
    evaluate.add_argument("--data", help="evaluation data folder (default: ../shared/eval)")
    evaluate.add_argument("--only", nargs="+", help="score only these datasets")
    evaluate.add_argument("--json", help="also write the table as JSON to this file")

    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["eval"]:  # its options belong to the eval runner
        from factwire.evaluation.runner import main as eval_main

        return _guarded("eval", eval_main, argv[1:])
    args = parser.parse_args(argv)
    handlers = {"run": _run, "extract": _extract, "query": _query, "page": _page, "check": _check,
                "reextract": _reextract}
    return _guarded(args.command, handlers[args.command], args)


def _guarded(command: str, handler, args) -> int:
    """Run a command; whatever goes wrong is reported in a line or two on stderr with an exit
    code, never as a traceback (set FACTWIRE_TRACEBACK=1 to see one for an unexpected error)."""
    try:
        return handler(args)
    except CliError as exc:
        return _fail(command, str(exc), exc.code)
    except KeyboardInterrupt:
        return _fail(command, "interrupted", 130)
    except BrokenPipeError:  # `factwire query ... | head`: the reader has what it wanted
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except Exception as exc:  # noqa: BLE001 - reported below, by kind
        if os.environ.get(TRACEBACK_ENV):
            raise
        message, code = _describe(exc)
        return _fail(command, message, code)


def _fail(command: str, message: str, code: int) -> int:
    print(f"factwire {command}: {message}", file=sys.stderr)
    return code


def _describe(exc: Exception) -> tuple[str, int]:
    """A short message and an exit code for an error no command caught itself."""
    import duckdb

    from factwire.sources.sourcesfile import SourcesFileError
    from factwire.warehouse.migrations import WarehouseVersionError
    from factwire.warehouse.store import WarehouseBusy, WarehouseSchemaError

    if isinstance(exc, WarehouseBusy):
        return str(exc), EX_TEMPFAIL
    if isinstance(exc, (SourcesFileError, WarehouseSchemaError, WarehouseVersionError)):
        return brief(str(exc)), EX_DATAERR
    if isinstance(exc, FileNotFoundError):
        return (f"no such file or folder: {exc.filename}" if exc.filename else brief(str(exc))), EX_NOINPUT
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return where + (exc.strerror or brief(str(exc))), EX_IOERR
    if isinstance(exc, duckdb.Error):
        return brief(str(exc)), EX_IOERR if isinstance(exc, duckdb.IOException) else EX_DATAERR
    return (f"unexpected error, {type(exc).__name__}: {brief(str(exc))} "
            f"(a bug; {TRACEBACK_ENV}=1 shows where)"), EX_SOFTWARE


def brief(message: str, limit: int = 400) -> str:
    """An error message cut to its first paragraph (DuckDB adds the query with a caret under
    it), on at most two lines."""
    paragraph = message.strip().split("\n\n")[0]
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()][:2]
    text = "\n".join(lines) or message.strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _add_progress_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quiet", "-q", action="store_true",
                        help="no progress on stderr (errors are still reported)")
    parser.add_argument("--progress-interval", type=float, default=5.0, metavar="SECONDS",
                        help="when stderr is not a terminal, a progress line at most this often "
                             "(default: 5; 0: at every step); on a terminal a progress bar is shown")


def _progress(args, command: str):
    """What the user sees while a run works: nothing with --quiet, a bar on a terminal, else a
    plain line every few seconds (a log file or a pipe would fill with a bar's redraws)."""
    from factwire.progress import NO_PROGRESS, LogProgress

    if args.quiet:
        return NO_PROGRESS
    if sys.stderr.isatty():
        from factwire.cli_progress import BarProgress

        return BarProgress(sys.stderr)
    return LogProgress(lambda line: print(f"factwire {command}: {line}", file=sys.stderr, flush=True),
                       interval=args.progress_interval)


def _add_storage_args(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--warehouse", type=Path, help="DuckDB file (default: data/warehouse.duckdb)")
    parser.add_argument("--lake", type=_location, help="Parquet lake: a folder or s3://bucket/prefix (default: data/lake)")
    parser.add_argument("--staging", type=_location, metavar="LOCATION",
                        help="where batches are staged before the load: a folder or s3://bucket/prefix "
                             "(default: <lake>/_batches)")


def _location(value: str):
    from factwire.warehouse.storage import location

    try:
        return location(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _settings(args):
    import dataclasses

    settings = get_settings()
    if getattr(args, "warehouse", None):
        settings = dataclasses.replace(settings, warehouse_path=args.warehouse)
    if getattr(args, "lake", None):
        settings = dataclasses.replace(settings, lake_dir=args.lake)
    if getattr(args, "staging", None):
        settings = dataclasses.replace(settings, staging_dir=args.staging)
    return settings


def _run(args) -> int:
    import duckdb

    from factwire.cluster import ClusterError
    from factwire.pipeline import is_url, run_pipeline
    from factwire.sources.sourcesfile import load_sources
    from factwire.warehouse.lake import UnpublishedBatch
    from factwire.warehouse.migrations import WarehouseVersionError
    from factwire.warehouse.store import WarehouseSchemaError

    settings = _settings(args)
    paths = args.paths or ([] if args.sources else ["seeds"])
    # A path typed on the command line that is not there is a typo, not an input to quarantine.
    missing = [p for p in paths if not is_url(p) and not os.path.lexists(p)]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}; nothing was run", EX_NOINPUT)
    sources = load_sources(args.sources) if args.sources else None
    progress = _progress(args, "run")
    try:
        summary = run_pipeline(paths, settings, batch_size=args.batch_size, wait_seconds=args.wait,
                               sources=sources, fetch_config=_fetch_config(args), progress=progress,
                               dask_scheduler=args.dask_scheduler)
    except (ClusterError, UnpublishedBatch) as exc:
        raise CliError(f"the run failed and loaded nothing; the warehouse is as it was. {exc}", EX_UNAVAILABLE) from None
    except (OSError, duckdb.Error, WarehouseSchemaError, WarehouseVersionError) as exc:
        raise CliError(f"the run failed and loaded nothing; the warehouse is as it was. "
                       f"{_storage_problem(exc, settings)}", EX_IOERR) from None
    finally:
        progress.close()
    if args.json:
        print(json.dumps(summary.as_dict(), indent=2))
        return 0
    print(f"run {summary.run_id}: {summary.status}")
    print(f"  articles seen {summary.articles_seen}, new {summary.articles_new}, "
          f"already loaded {summary.articles_unchanged}, duplicate {summary.articles_duplicate}, "
          f"quarantined inputs {summary.inputs_quarantined}")
    if summary.pages_fetched or summary.fetch_failures or summary.articles_near_duplicate:
        print(f"  pages fetched {summary.pages_fetched}, near-duplicates {summary.articles_near_duplicate}, "
              f"fetch failures {summary.fetch_failures} (see the fetch_failures table)")
    print(f"  warehouse {settings.warehouse_path}, lake {settings.lake_dir}")
    from factwire.pipeline import warehouse_from

    con = _connect(warehouse_from(settings).snapshot_path, write=False)
    try:
        from factwire.warehouse.schema import tables

        counts = [(name, con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0],
                   summary.rows_inserted.get(name, 0)) for name in tables()]
    finally:
        con.close()
    print(format_table(["table", "rows", "added by this run"], counts))
    return 0


def _storage_problem(exc: Exception, settings) -> str:
    """Why the warehouse or lake could not be used, in a line."""
    import duckdb

    if isinstance(exc, duckdb.Error) or not isinstance(exc, OSError):
        return f"Cannot use the warehouse {settings.warehouse_path}: {brief(str(exc))}"
    where = exc.filename or f"{settings.warehouse_path} or {settings.lake_dir}"
    return f"Cannot write {where}: {exc.strerror or brief(str(exc))}"


def _reextract(args) -> int:
    import duckdb

    from factwire.extract import EXTRACTOR_VERSION
    from factwire.pipeline import reextract
    from factwire.warehouse.migrations import WarehouseVersionError
    from factwire.warehouse.store import WarehouseSchemaError

    settings = _settings(args)
    if not settings.warehouse_path.is_file():
        raise CliError(f"no warehouse at {settings.warehouse_path}; nothing to re-extract "
                       "(run `factwire run` first)", EX_NOINPUT)
    progress = _progress(args, "reextract")
    try:
        summary = reextract(settings, everything=args.all, article_ids=args.article or None,
                            batch_size=args.batch_size, progress=progress)
    except (OSError, duckdb.Error, WarehouseSchemaError, WarehouseVersionError) as exc:
        raise CliError(f"the re-extraction failed and replaced nothing; the warehouse is as it was. "
                       f"{_storage_problem(exc, settings)}", EX_IOERR) from None
    finally:
        progress.close()
    print(f"run {summary.run_id}: {summary.status}; {summary.articles_new} articles re-extracted with extractor "
          f"{EXTRACTOR_VERSION}, {summary.inputs_quarantined} failed (see the quarantine table)")
    return 0


def _check(args) -> int:
    import duckdb

    from factwire.pipeline import warehouse_from
    from factwire.warehouse.checks import run_checks

    con = _connect(warehouse_from(_settings(args)).snapshot_path, write=False)
    try:
        results = run_checks(con)
    except duckdb.Error as exc:
        raise CliError(f"the warehouse snapshot cannot be checked (made by another factwire version? "
                       f"`factwire run` updates it): {brief(str(exc))}", EX_DATAERR) from None
    finally:
        con.close()
    failed = [r for r in results if not r.passed]
    if args.json:
        print(json.dumps([{"check": r.name, "description": r.description, "violations": r.violations,
                           "examples": [list(map(str, e)) for e in r.examples]} for r in results], indent=2))
    else:
        print(format_table(["check", "violations", "what it checks"],
                           [(r.name, r.violations, r.description) for r in results], max_width=80))
        for result in failed:
            print(f"{result.name}: e.g. {result.examples}")
        print(f"{len(results) - len(failed)} of {len(results)} checks passed")
    return 1 if failed else 0


def _fetch_config(args):
    import dataclasses

    from factwire.pipeline import default_fetch_config

    config = default_fetch_config()
    if args.allow_host:
        config = dataclasses.replace(config, allow_hosts=config.allow_hosts | {h.lower() for h in args.allow_host})
    return config


def _page(args) -> int:
    from factwire.sources.html import page_json

    if args.target.startswith(("http://", "https://")):
        from factwire.sources.web import Fetcher, FetchError

        with Fetcher(_fetch_config(args)) as fetcher:
            result = fetcher.fetch(args.target, conditional=False)
        if isinstance(result, FetchError):
            raise CliError(f"{result.url}: {result.reason}: {result.detail}", EX_UNAVAILABLE)
        print(json.dumps(page_json(result.content, result.final_url), ensure_ascii=False, indent=2))
        return 0
    from factwire.sources.files import binary_kind

    path = _input_file(args.target)
    data = _read_bytes(path)
    kind = binary_kind(data)
    if kind:
        raise CliError(f"{path} holds {kind}, not an HTML page")
    print(json.dumps(page_json(data), ensure_ascii=False, indent=2))
    return 0


def _input_file(name: str | Path) -> Path:
    """A file named on the command line, which must be there and be a file."""
    path = Path(name)
    if not path.exists():
        raise CliError(f"no such file: {path}", EX_NOINPUT)
    if not path.is_file():
        raise CliError(f"not a file: {path}", EX_NOINPUT)
    return path


def _read_bytes(path: Path) -> bytes:
    try:
        return _input_file(path).read_bytes()
    except FileNotFoundError:
        raise CliError(f"no such file: {path}", EX_NOINPUT) from None
    except OSError as exc:
        raise CliError(f"cannot read {path}: {exc.strerror or exc}", EX_NOINPUT) from None


def _extract(args) -> int:
    from factwire.extract import extract_many

    if args.jsonl:
        items = []
        for number, line in enumerate(sys.stdin, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                published = date.fromisoformat(record["published"]) if record.get("published") else None
                items.append((record["text"], published, record.get("sources")))
            except (ValueError, KeyError, TypeError) as exc:
                raise CliError(f"line {number}: {exc}") from None
        for facts in extract_many(items):
            sys.stdout.write(json.dumps(facts, ensure_ascii=False) + "\n")
        return 0
    items = _article_inputs(args.file)
    several = len(items) > 1 or Path(args.file).suffix.lower() == ".jsonl"
    failed = 0
    for item in items:
        facts, problem = _article_facts(item, args.published)
        if problem:
            failed += 1
            print(f"factwire extract: {problem}", file=sys.stderr)
            continue
        if several:
            sys.stdout.write(json.dumps(facts, ensure_ascii=False) + "\n")
        else:
            print(json.dumps(facts, ensure_ascii=False, indent=2))
        sys.stdout.flush()
    return EX_DATAERR if failed else 0


def _article_inputs(name: str) -> list:
    """The articles (or `Rejected` inputs) a file holds, read by `factwire run`'s readers."""
    from factwire.sources.files import decode_text, read_path, read_text

    if name == "-":
        try:
            return [read_text(decode_text(sys.stdin.buffer.read()), "<stdin>")]
        except UnicodeDecodeError as exc:
            raise CliError(f"stdin is not UTF-8 text: {exc}") from None
    return list(read_path(_input_file(name)))


def _article_facts(item, published: date | None) -> tuple[dict | None, str | None]:
    """The facts a run would store for one input, or why it would store none: the quarantine
    reason of an input `run` rejects, or the error extraction met."""
    import dataclasses

    from factwire.articles import Rejected
    from factwire.extract import EXTRACTOR_VERSION, FACT_KINDS, extract
    from factwire.sources.html import english_or_unknown

    if isinstance(item, Rejected):
        return None, f"{item.source_uri}: {item.reason}: {item.detail}".rstrip(": ")
    article = dataclasses.replace(item, published=published) if published else item
    if not english_or_unknown(article.language):
        facts = {"extractor_version": EXTRACTOR_VERSION,
                 "published": article.published.isoformat() if article.published else None,
                 **{kind: [] for kind in FACT_KINDS},
                 "extraction_skipped": f"language {article.language}: extraction is English-only"}
    else:
        try:
            facts = extract(article.text, article.published, article.cited_sources)
        except Exception as exc:  # noqa: BLE001 - the run quarantines it with this reason
            reason = getattr(exc, "reason", "extraction_error")
            return None, f"{article.source_uri}: {reason}: {type(exc).__name__}: {brief(str(exc))}"
    facts["article"] = {"article_id": article.article_id, "source_uri": article.source_uri,
                        "title": article.title, "url": article.url, "language": article.language,
                        "text": article.text}
    return facts, None


def _connect(path: Path, write: bool):
    """A connection to a warehouse file (the snapshot, read-only, unless ``write``)."""
    import duckdb

    if not path.exists():
        raise CliError(f"no warehouse at {path}; run `factwire run` first", EX_NOINPUT)
    try:
        return duckdb.connect(str(path), read_only=not write)
    except duckdb.Error as exc:
        raise CliError(f"cannot open the warehouse {path}: {brief(str(exc))}", EX_IOERR) from None


def _query(args) -> int:
    settings = _settings(args)
    if bool(args.sql) == bool(args.file):
        print("factwire query: give the SQL or --file, not both", file=sys.stderr)
        return 2
    if args.file:
        try:
            sql = _read_bytes(args.file).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CliError(f"{args.file} is not UTF-8 text: {exc}") from None
    else:
        sql = args.sql
    from factwire.pipeline import warehouse_from

    warehouse = warehouse_from(settings)
    if args.write:
        with warehouse.writer_lock():
            return _run_query(_connect(warehouse.path, write=True), sql, args.format, after=warehouse.publish)
    return _run_query(_connect(warehouse.snapshot_path, write=False), sql, args.format)


def _run_query(con, sql: str, output: str, after=None) -> int:
    import duckdb

    try:
        cursor = con.execute(sql)
        if cursor.description is None:
            header, rows = [], []
        else:
            header = [d[0] for d in cursor.description]
            rows = cursor.fetchall()
    except duckdb.Error as exc:
        raise CliError(sql_problem(exc)) from None
    finally:
        con.close()
    if after is not None:
        after()
    if not header:
        return 0
    if output == "json":
        print(json.dumps([dict(zip(header, r)) for r in rows], default=str, ensure_ascii=False, indent=2))
    elif output == "csv":
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)
        sys.stdout.write(out.getvalue())
    else:
        print(format_table(header, rows))
    return 0


def sql_problem(exc: Exception) -> str:
    """DuckDB's message for bad SQL, in two lines at most: what is wrong ("Binder Error:
    Referenced column ... not found"), then where (its "LINE n: ..." excerpt) when it says."""
    message = str(exc).strip()
    first = brief(message)
    where = next((line.strip() for line in message.splitlines() if line.startswith("LINE ")), None)
    if "\n" in first or where is None:
        return first
    return f"{first}\n  {where if len(where) <= 120 else where[:119] + '…'}"


def format_table(header: list[str], rows: list[tuple], max_width: int = 60) -> str:
    """An aligned text table; long cells are cut to ``max_width`` characters."""
    def cell(value) -> str:
        if value is None:
            return ""
        if isinstance(value, float):
            text = f"{value:,.2f}" if abs(value) < 1e15 else f"{value:.3e}"
        elif isinstance(value, list):
            text = ", ".join(str(v) for v in value)
        else:
            text = str(value)
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    body = [[cell(v) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in body]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in body]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
