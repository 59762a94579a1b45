"""--help as a new user reads it: choices as choices, flags as flags, an example per command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from slaextract.cli import SummaryFormat, app

COMMANDS = [["extract"], ["check"], ["score"], ["presets"], ["schema"], ["patterns", "test"], ["patterns", "list"]]


def help_of(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], terminal_width=200, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_command_shows_an_example_and_no_bool_metavar(command):
    text = help_of(*command)
    assert f"Example: slaextract {' '.join(command)}" in text
    assert "<bool>" not in text


def test_formats_are_listed_as_choices():
    assert "json|text" in help_of("extract")
    assert "text|json|sarif|junit|github" in help_of("check")


def test_shell_completion_is_offered():
    assert "--install-completion" in help_of()


def test_extract_formats_are_the_renderers():
    from slaextract.render import FORMATS

    assert {f.value for f in SummaryFormat} == set(FORMATS)


def test_an_unknown_format_exits_2():
    result = CliRunner().invoke(app, ["extract", "x.pdf", "--format", "xml"])
    assert result.exit_code == 2
