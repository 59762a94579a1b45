"""The command line. It owns exit codes and nothing else: 0 done, 1 policy findings, 2 could not do the job."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from . import __version__
from .batch.options import CLUSTER, FORCE, JOBS, OUT_DIR, RETRY_FAILED
from .cli_style import Command, Group
from .errors import SlaError

app = typer.Typer(
    cls=Group,
    name="slaextract",
    help="Extract service-level terms (support hours, response times, channels, availability, "
    "service credits) from contract PDFs, and check them against a policy.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
patterns_app = typer.Typer(cls=Group, help="Work with the rule files in patterns/.", no_args_is_help=True)
app.add_typer(patterns_app, name="patterns")


class SummaryFormat(StrEnum):
    """Formats of `extract` (render.FORMATS; tests/test_help.py checks they agree)."""

    json = "json"
    text = "text"


def fail(message: str) -> typer.Exit:
    """One line on stderr, exit 2: the tool could not do its job."""
    typer.echo(f"slaextract: {message}", err=True)
    return typer.Exit(2)


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"slaextract {__version__}")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """slaextract reads contracts (PDF, Word .docx, HTML, Markdown, text) and prints a JSON clause summary."""


@app.command(cls=Command)
def extract(
    files: Annotated[
        list[Path],
        typer.Argument(help="Contract files (PDF, .docx, .html, .md, .txt), folders or globs.", show_default=False),
    ],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="json, or text (a table that fits the terminal).")
    ] = SummaryFormat.json,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    timeout: Annotated[
        float | None,
        typer.Option(help="Seconds allowed per document (default: 60, plus 0.1 a page).", show_default=False),
    ] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse documents longer than this.")] = 10_000,
    jobs: Annotated[int | None, JOBS] = None,
    out_dir: Annotated[Path | None, OUT_DIR] = None,
    force: Annotated[bool, FORCE] = False,
    retry_failed: Annotated[bool, RETRY_FAILED] = False,
    cluster: Annotated[str | None, CLUSTER] = None,
    changes: Annotated[
        str, typer.Option(help="Tracked changes in a .docx: accept (read the text as revised) or reject.")
    ] = "accept",
    ocr: Annotated[
        str, typer.Option(help="OCR for scanned PDF pages: auto (pages without text), always or never.")
    ] = "auto",
) -> None:
    """Print the clause summary of a contract.

    One file gives one JSON document. Several files (or a folder) give JSON Lines, one line per
    file in input order; a file that cannot be read gives {"path": ..., "error": ...} on its line.
    Exit 0 when every file was read, 2 when any could not be, 130/143 when interrupted.

    Example: slaextract extract contract.pdf --format text
    """
    from .batch.commands import BatchOptions, extract_batch, redo_from  # noqa: PLC0415

    set_reader_options(changes, ocr)
    options = BatchOptions(password, timeout, max_pages, jobs, cluster, out_dir, redo_from(force, retry_failed))
    raise typer.Exit(extract_batch(files, output, SummaryFormat(fmt).value, options))


def set_reader_options(changes: str, ocr: str) -> None:
    """--changes and --ocr reach every reader (in this process or a worker) through the environment."""
    import os  # noqa: PLC0415

    from .readers import CHANGES, OCR_MODES  # noqa: PLC0415

    if changes not in CHANGES:
        raise fail(f"unknown --changes {changes!r}; choose accept or reject")
    if ocr not in OCR_MODES:
        raise fail(f"unknown --ocr {ocr!r}; choose auto, always or never")
    os.environ["SLAEXTRACT_CHANGES"], os.environ["SLAEXTRACT_OCR"] = changes, ocr


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of the clause summary (generated from the models).

    Example: slaextract schema > clause-summary.schema.json
    """
    import json  # noqa: PLC0415

    from .model import ClauseSummary  # noqa: PLC0415

    typer.echo(json.dumps(ClauseSummary.model_json_schema(), indent=2, ensure_ascii=False))


class ScoreFormat(StrEnum):
    text = "text"
    json = "json"


@app.command(cls=Command)
def score(
    gold_dir: Annotated[
        Path, typer.Argument(help="Folder of NAME.gold.json files, each beside NAME.pdf/.txt/.md.", show_default=False)
    ],
    fmt: Annotated[ScoreFormat, typer.Option("--format", "-f", help="text (tables, then every miss) or json.")] = (
        ScoreFormat.text
    ),
    fail_under: Annotated[
        float | None, typer.Option("--fail-under", help="Exit 1 when the overall F1 is below this.", show_default=False)
    ] = None,
    timeout: Annotated[
        float | None,
        typer.Option(help="Seconds allowed per document (default: 60, plus 0.1 a page).", show_default=False),
    ] = None,
) -> None:
    """Score summaries against your own annotated contracts: per field, per language, every miss.

    Exit 0 when scored, 1 when the F1 is under --fail-under, 2 when a gold file or contract could not be read.

    Example: slaextract score my-contracts/ --fail-under 0.9
    """
    from .cli_score import run_score  # noqa: PLC0415

    raise typer.Exit(run_score(gold_dir, fmt.value, fail_under, timeout))


@patterns_app.command("test", cls=Command)
def patterns_test(
    folder: Annotated[Path | None, typer.Argument(help="A patterns folder (default: the built-in rules).")] = None,
) -> None:
    """Run every rule's match / no_match examples; exit 1 if any fails.

    Example: slaextract patterns test my-patterns/
    """
    from .selftest import run_examples  # noqa: PLC0415

    try:
        failures, total = run_examples(folder)
    except SlaError as exc:
        raise fail(str(exc)) from None
    for f in failures:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(1 if failures else 0)


@patterns_app.command("list", cls=Command)
def patterns_list() -> None:
    """List every rule: id, role and file.

    Example: slaextract patterns list | grep response
    """
    from .rules import default_rules  # noqa: PLC0415

    for rule in default_rules().rules:
        typer.echo(f"{rule.id}\t{rule.role}\t{Path(rule.source).parent.name}/{Path(rule.source).name}")


def _register_check() -> None:
    try:
        from .cli_check import register  # noqa: PLC0415
    except ImportError:  # pragma: no cover - the check commands ship with the package
        return
    register(app)


_register_check()


def _register_views() -> None:
    # `diff`, `compare` and `report`: their logic lives in slaextract.views (issue 16)
    from .cli_views import register  # noqa: PLC0415

    register(app)


_register_views()


def _register_batch() -> None:
    from .batch.table_command import register  # noqa: PLC0415 - a small module; the work is imported on use

    register(app)


_register_batch()


def main() -> None:
    try:
        app()
    except SlaError as exc:  # anything that escaped a command: still one line, exit 2
        typer.echo(f"slaextract: {exc}", err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        typer.echo(f"slaextract: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(2)
