"""`slaextract --version` and `--help` import only what they print (start-up cost)."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = {"pydantic", "spacy", "pypdfium2", "pdfplumber", "regex", "yaml"}

PROBE = """
import sys
sys.argv = ["slaextract", *sys.argv[1:]]
from slaextract.launch import main
try:
    main()
except SystemExit:
    pass
print(" ".join(sorted(sys.modules)), file=sys.stderr)  # a package's parents are in it too
"""


def loaded(*args: str) -> tuple[str, set[str]]:
    run = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, check=True)
    return run.stdout, set(run.stderr.split())


def test_version_imports_neither_typer_nor_any_stage():
    out, modules = loaded("--version")
    assert out.startswith("slaextract ")
    assert not modules & (HEAVY | {"typer", "rich", "click"})


@pytest.mark.parametrize("args", [("--help",), ("extract", "--help"), ("check", "--help")])
def test_help_imports_no_stage_of_the_tool(args):
    out, modules = loaded(*args)
    assert "Usage" in out
    assert not modules & (HEAVY - {"pydantic"})  # typer itself may touch pydantic for a command's options
    if args == ("--help",):
        assert "pydantic" not in modules


def test_the_format_registry_imports_no_renderer_until_one_renders():
    _, modules = loaded("--help")
    assert "slaextract.report" in modules
    assert not {m for m in modules if m.startswith("slaextract.report.")}
