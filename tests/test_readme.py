"""The README's commands are the ones the Makefile and CI run."""

from __future__ import annotations

import re

from conftest import ROOT


def test_readme_opens_with_the_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in first_block.splitlines() if line.strip()]
    assert commands == ["make run", "make test"]


def test_makefile_defines_what_the_readme_shows():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("run", "test", "eval"):
        assert re.search(rf"^{target}:", makefile, re.M), target
    assert ".venv" in makefile and "pip install" in makefile


def test_ci_runs_make_test_and_nothing_else():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines()
                if line.strip() and not line.startswith("#") and not line.startswith("set ")
                and not line.startswith("cd ")]
    assert commands == ["make test"]


def test_readme_sql_examples_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in re.findall(r"sql/examples/[\w.]+\.sql", readme):
        assert (ROOT / path).exists(), path
