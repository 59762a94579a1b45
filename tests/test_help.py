"""--help as a new user reads it: choices as choices, flags as flags, an example per command."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from slaextract.cli import CheckFormat, SummaryFormat, app

COMMANDS = [
    ["extract"],
    ["check"],
    ["score"],
    ["presets"],
    ["schema"],
    ["patterns", "test"],
    ["patterns", "list"],
    ["diff"],
    ["compare"],
    ["report"],
    ["table"],
]


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


def test_format_choices_are_the_report_registrys():
    from slaextract.report import format_names

    assert [f.value for f in SummaryFormat] == list(format_names("summary")) == ["json", "text"]
    assert [f.value for f in CheckFormat] == list(format_names("check"))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["extract", "x.pdf", "--format", "xml"], "slaextract extract: Invalid value for '--format'"),
        (["extract"], "slaextract extract: Missing argument"),
        (["check", "--bogus"], "slaextract check: No such option: --bogus"),
        (["compare", "a.pdf", "b.pdf", "--format", "pdf"], "slaextract compare: Invalid value for '--format'"),
        (["nosuch"], "slaextract: No such command 'nosuch'"),
    ],
)
def test_a_usage_error_is_one_line_and_exit_2(args, said):
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [result.stderr.strip()]
    assert result.stderr.startswith(said) and result.stderr.rstrip().endswith("see --help")


def test_no_arguments_still_show_the_help():
    result = CliRunner().invoke(app, [])
    assert "Usage" in result.output and "extract" in result.output
