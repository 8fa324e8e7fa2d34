"""Every `factwire` command answers bad input with a line or two on stderr naming the problem and
a non-zero exit code, never a Python traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factwire.cli import main

from conftest import ROOT, SAMPLE

FACTWIRE = str(Path(sys.executable).parent / "factwire")


def cli(capsys, *args: str) -> tuple[int, str, str]:
    """Run ``factwire.cli.main`` as the command does: its exit code, stdout and stderr."""
    try:
        code = main([str(a) for a in args])
    except SystemExit as exc:  # argparse's own errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def assert_clear_error(code, err: str, *expected: str, max_lines: int = 2) -> None:
    assert code not in (0, None), err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= max_lines, err
    for text in expected:
        assert text in err, (text, err)


@pytest.fixture
def store(seed_warehouse):
    return ["--warehouse", str(seed_warehouse.path)]


@pytest.mark.parametrize("sql, expected", [
    ("SELECT no_such_column FROM articles", ['Referenced column "no_such_column" not found']),
    ("SELEC count(*) FROM articles", ["syntax error at or near \"SELEC\"", "LINE 1: SELEC count(*)"]),
    ("SELECT * FROM no_such_table", ["Table with name no_such_table does not exist"]),
    ("DELETE FROM articles", ["read-only"]),
])
def test_query_prints_duckdbs_message(capsys, store, sql, expected):
    code, out, err = cli(capsys, "query", sql, *store)
    assert_clear_error(code, err, "factwire query: ", *expected)
    assert code == 65 and out == ""


def test_query_with_a_missing_sql_file_or_snapshot(capsys, store, tmp_path):
    code, _, err = cli(capsys, "query", "--file", tmp_path / "absent.sql", *store)
    assert_clear_error(code, err, f"no such file: {tmp_path / 'absent.sql'}")
    assert code == 66
    code, _, err = cli(capsys, "query", "SELECT 1", "--warehouse", tmp_path / "none.duckdb")
    assert_clear_error(code, err, "no warehouse at", "run `factwire run` first")
    assert not (tmp_path / "none.duckdb").exists() and not (tmp_path / "none.snapshot.duckdb").exists()


def _corrupt_warehouse(folder: Path) -> Path:
    """A warehouse (working file and snapshot) that holds bytes DuckDB cannot read."""
    folder.mkdir()
    junk = bytes(range(256)) * 64
    for name in ("warehouse.duckdb", "warehouse.snapshot.duckdb"):
        (folder / name).write_bytes(junk)
    return folder / "warehouse.duckdb"


@pytest.mark.parametrize("command", [
    ["query", "SELECT 1"], ["query", "--write", "SELECT 1"], ["check"],
    ["run", str(SAMPLE)], ["reextract", "--all"],
])
def test_a_corrupt_warehouse_file_is_named(capsys, tmp_path, command):
    warehouse = _corrupt_warehouse(tmp_path / "w")
    before = warehouse.read_bytes()
    args = [*command, "--warehouse", warehouse]
    if command[0] in ("run", "reextract"):
        args += ["--lake", tmp_path / "lake"]
    code, _, err = cli(capsys, *args)
    assert_clear_error(code, err, f"factwire {command[0]}: ", "not a valid DuckDB database file", str(tmp_path / "w"))
    assert code == 74
    assert warehouse.read_bytes() == before  # left as it was


def test_commands_on_a_warehouse_that_is_not_there(capsys, tmp_path):
    missing = tmp_path / "none.duckdb"
    code, _, err = cli(capsys, "check", "--warehouse", missing)
    assert_clear_error(code, err, "no warehouse at", "run `factwire run` first")
    code, _, err = cli(capsys, "reextract", "--warehouse", missing, "--lake", tmp_path / "lake")
    assert_clear_error(code, err, f"no warehouse at {missing}", "nothing to re-extract")
    assert code == 66 and list(tmp_path.iterdir()) == []  # no empty warehouse made on the way


def test_run_with_a_path_that_is_not_there_runs_nothing(capsys, tmp_path):
    code, _, err = cli(capsys, "run", SAMPLE, tmp_path / "typo", "--warehouse", tmp_path / "w.duckdb",
                       "--lake", tmp_path / "lake")
    assert_clear_error(code, err, f"no such file or folder: {tmp_path / 'typo'}", "nothing was run")
    assert code == 66 and not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("content, expected", [
    ("feeds: [\n  - url: 3", "not valid YAML"),
    ("feeds:\n  - nourl: https://example.org/rss\n", "unknown key 'nourl'"),
    (None, "cannot read"),
])
def test_run_with_a_bad_sources_file(capsys, tmp_path, content, expected):
    sources = tmp_path / "sources.yaml"
    if content is not None:
        sources.write_text(content, encoding="utf-8")
    code, _, err = cli(capsys, "run", "--sources", sources, "--warehouse", tmp_path / "w.duckdb",
                       "--lake", tmp_path / "lake")
    assert_clear_error(code, err, str(sources), expected, max_lines=3)  # YAML says where, on its own line
    assert code == 65 and not (tmp_path / "w.duckdb").exists()


@pytest.mark.parametrize("args, expected", [
    (["extract", SAMPLE, "--published", "2024-13-45"], "not a date: '2024-13-45' (month must be in 1..12)"),
    (["extract", SAMPLE, "--published", "12/03/2026"], "not a date: '12/03/2026'"),
    (["run", "--batch-size", "0"], "must be 1 or more"),
])
def test_bad_option_values_are_argparse_errors(capsys, args, expected):
    code, out, err = cli(capsys, *args)
    assert code == 2 and expected in err and "Traceback" not in err and out == ""


def test_extract_and_page_with_missing_or_unusable_files(capsys, tmp_path):
    code, _, err = cli(capsys, "extract", tmp_path / "absent.txt")
    assert_clear_error(code, err, f"no such file: {tmp_path / 'absent.txt'}")
    code, _, err = cli(capsys, "extract", tmp_path)
    assert_clear_error(code, err, f"not a file: {tmp_path}")
    code, _, err = cli(capsys, "page", tmp_path / "absent.html")
    assert_clear_error(code, err, "no such file")
    (tmp_path / "scan.html").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    code, _, err = cli(capsys, "page", tmp_path / "scan.html")
    assert_clear_error(code, err, "a PDF document, not an HTML page")


def test_eval_without_its_data(capsys, tmp_path):
    code, _, err = cli(capsys, "eval", "--data", tmp_path / "absent")
    assert_clear_error(code, err, "factwire eval: dataset folder(s) missing under")


def test_the_real_command_prints_no_traceback(seed_warehouse, tmp_path):
    """The same through the installed `factwire` script, as a user meets it."""
    cases = [
        (["query", "SELECT nope FROM articles", "--warehouse", str(seed_warehouse.path)], 65,
         'Binder Error: Referenced column "nope" not found'),
        (["query", "SELECT 1", "--warehouse", str(_corrupt_warehouse(tmp_path / "w"))], 74,
         "not a valid DuckDB database file"),
        (["extract", str(tmp_path / "absent.txt")], 66, "no such file"),
    ]
    for args, code, expected in cases:
        result = subprocess.run([FACTWIRE, *args], capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert result.returncode == code, result.stderr
        assert expected in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) <= 2, result.stderr
