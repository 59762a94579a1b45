"""The command line: every command's options, and every exit code.

    0  done (check: no finding at or above --fail-on)
    1  the job was done and found something the user asked to fail on (check, diff --fail-on
       worse, score --fail-under, patterns test)
    2  the tool could not do its job: one line on stderr, never a traceback
    130 / 143  interrupted by SIGINT / SIGTERM (finished results are kept)

What a command does between its options and its exit code lives in slaextract.commands, which
raises an SlaError when it cannot do its job and never exits; `fail` below is the one place that
turns such an error into a line and exit 2. Heavy modules (pydantic, spaCy, PDFium) are imported
inside the commands, so that `--help` stays fast.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import __version__
from .budgets import MAX_PAGES
from .cli_options import (
    FORCE,
    OUT_DIR,
    RETRY_FAILED,
    CheckFormat,
    Cluster,
    Command,
    CompareFormat,
    DiffFormat,
    FailOn,
    Group,
    Jobs,
    MaxPages,
    Output,
    Password,
    PolicyFile,
    Preset,
    ScoreFormat,
    SummaryFormat,
    TableFormat,
    Timeout,
)
from .errors import SlaError

if TYPE_CHECKING:
    from .batch.session import BatchOptions
    from .report.check.base import CheckResult

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

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


def fail(problem: SlaError | str) -> typer.Exit:
    """One line on stderr and exit 2. An error about a file starts with the file (and line), as
    compilers print it; any other names the tool."""
    if isinstance(problem, SlaError) and problem.path:
        typer.echo(str(problem), err=True)
    else:
        typer.echo(f"slaextract: {problem}", err=True)
    return typer.Exit(EXIT_ERROR)


def command(group: typer.Typer = app, name: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a command whose SlaErrors become `fail` (one line, exit 2) wherever they are raised."""

    def register(function: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(function)  # typer reads the options from the wrapped signature
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except SlaError as exc:
                raise fail(exc) from None

        group.command(name, cls=Command)(run)
        return function

    return register


def version_callback(value: bool) -> None:
    if value:
        typer.echo(f"slaextract {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=version_callback, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """slaextract reads contracts (PDF, Word .docx, HTML, Markdown, text) and prints a JSON clause summary."""


def batch_options(password, timeout, max_pages, jobs, cluster, out_dir=None, force=False, retry=False) -> BatchOptions:
    from .batch.session import BatchOptions, redo_from  # noqa: PLC0415 - the batch machinery loads on use

    return BatchOptions(password, timeout, max_pages, jobs, cluster, out_dir, redo_from(force, retry))


@command()
def extract(
    files: Annotated[
        list[Path],
        typer.Argument(help="Contract files (PDF, .docx, .html, .md, .txt), folders or globs.", show_default=False),
    ],
    output: Output = None,
    fmt: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="json, or text (a table that fits the terminal).")
    ] = SummaryFormat.json,
    password: Annotated[str | None, typer.Option(help="Password of an encrypted PDF.")] = None,
    timeout: Timeout = None,
    max_pages: MaxPages = MAX_PAGES,
    jobs: Jobs = None,
    out_dir: Annotated[Path | None, OUT_DIR] = None,
    force: Annotated[bool, FORCE] = False,
    retry_failed: Annotated[bool, RETRY_FAILED] = False,
    cluster: Cluster = None,
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
    from .commands.extract import extract as run  # noqa: PLC0415
    from .commands.extract import set_reader_options  # noqa: PLC0415

    set_reader_options(changes, ocr)
    options = batch_options(password, timeout, max_pages, jobs, cluster, out_dir, force, retry_failed)
    end = run(files, output, fmt.value, options)
    raise typer.Exit(end.stop.exit_code if end.stop else EXIT_ERROR if end.failed else EXIT_OK)


@command()
def check(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Contracts, folders or glob patterns to check.", show_default=False)
    ] = None,
    policy: PolicyFile = None,
    preset: Preset = None,
    fmt: Annotated[CheckFormat, typer.Option("--format", help="Report format.")] = CheckFormat.text,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that exits 1.")] = FailOn.error,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means 2).")
    ] = False,
    password: Password = None,
    timeout: Timeout = None,
    max_pages: MaxPages = MAX_PAGES,
    schema: Annotated[bool, typer.Option("--policy-schema", help="Print the policy JSON Schema and exit.")] = False,
    jobs: Jobs = None,
    cluster: Cluster = None,
) -> None:
    """Check contracts against a policy; exit 0 (pass), 1 (failing findings) or 2 (could not check).

    A file that cannot be read does not stop the others: each is still checked and reported, and
    the run exits 2.

    Example: slaextract check contract.pdf --preset strict-enterprise
    """
    from .commands import check as checking  # noqa: PLC0415
    from .commands import write_output  # noqa: PLC0415
    from .commands.check import policy_schema_text  # noqa: PLC0415

    if schema:
        typer.echo(policy_schema_text())
        return
    if not files:
        raise fail("no files to check: slaextract check FILE... --preset NAME")
    chosen = checking.choose_policy(policy, preset)
    options = batch_options(password, timeout, max_pages, jobs, cluster)
    results, stop = checking.check_documents(files, chosen, options)
    for result in results:
        if result.error is not None:
            typer.echo(f"{result.path}: {result.error}", err=True)
    color = output is None and fmt.value == "text" and sys.stdout.isatty()
    write_output(checking.render_check(results, fmt.value, fail_on.value, color), output)
    raise typer.Exit(stop.exit_code if stop else check_exit(results, fail_on.value, exit_zero))


def check_exit(results: list[CheckResult], fail_on: str, exit_zero: bool) -> int:
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = any(not result.verdict.passed_at(fail_on) for result in results if result.verdict)  # type: ignore[arg-type]
    return EXIT_FINDINGS if failing else EXIT_OK


@command()
def presets(
    name: Annotated[str | None, typer.Argument(help="Print this preset as policy YAML.", show_default=False)] = None,
    schema: Annotated[bool, typer.Option("--schema", help="Print the policy JSON Schema and exit.")] = False,
) -> None:
    """List the built-in policies, or print one as YAML to start your own from.

    Example: slaextract presets strict-enterprise > policy.yaml
    """
    from .commands.check import policy_schema_text, presets_listing  # noqa: PLC0415
    from .policy import preset_text  # noqa: PLC0415

    if schema:
        typer.echo(policy_schema_text())
        return
    sys.stdout.write(preset_text(name) if name is not None else presets_listing())


@command()
def diff(
    old: Annotated[Path, typer.Argument(help="The earlier version (PDF, .txt, .md).", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later version.", show_default=False)],
    policy: PolicyFile = None,
    preset: Preset = None,
    fmt: Annotated[DiffFormat, typer.Option("--format", help="How to print the changes.")] = DiffFormat.text,
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="'worse': exit 1 when any change is worse.")] = None,
    output: Output = None,
    password: Password = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per document.")] = 60.0,
) -> None:
    """What changed in the service-level terms between two versions, and is it better or worse.

    Example: slaextract diff draft-1.pdf draft-2.pdf --fail-on worse
    """
    from .commands import write_output  # noqa: PLC0415
    from .commands.check import optional_policy  # noqa: PLC0415
    from .commands.views import diff_files  # noqa: PLC0415
    from .report import render  # noqa: PLC0415

    if fail_on not in (None, "worse"):
        raise fail("--fail-on takes 'worse'")
    changes = diff_files(old, new, optional_policy(policy, preset), password, timeout)
    write_output(render("diff", fmt.value, changes), output)
    raise typer.Exit(EXIT_FINDINGS if fail_on == "worse" and changes.worse else EXIT_OK)


@command()
def compare(
    files: Annotated[
        list[Path], typer.Argument(help="Two or more contracts (or folders, globs) side by side.", show_default=False)
    ],
    policy: PolicyFile = None,
    preset: Preset = None,
    fmt: Annotated[CompareFormat, typer.Option("--format", help="How to print the table.")] = CompareFormat.text,
    output: Output = None,
    password: Password = None,
    timeout: Annotated[float, typer.Option(help="Seconds allowed per document.")] = 60.0,
    jobs: Jobs = None,
) -> None:
    """Contracts side by side: one row per term, one column per contract (and the policy's verdict).

    Example: slaextract compare vendor-a.pdf vendor-b.pdf --preset strict-enterprise
    """
    from .commands import write_output  # noqa: PLC0415
    from .commands.check import optional_policy  # noqa: PLC0415
    from .commands.views import compare_files  # noqa: PLC0415
    from .report import render  # noqa: PLC0415

    table = compare_files(files, optional_policy(policy, preset), password, timeout, jobs)
    write_output(render("compare", fmt.value, table), output)
    raise typer.Exit(EXIT_OK)


@command()
def report(
    file: Annotated[Path, typer.Argument(help="The contract (PDF, .txt, .md).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    policy: PolicyFile = None,
    preset: Preset = None,
    password: Password = None,
    max_pages: MaxPages = 2000,
) -> None:
    """One self-contained HTML page: each term on its page, the policy's verdict, and what is missing.

    Every term is a card with its quote and a crop of the page with the evidence box drawn; a click
    shows the whole page. For a required term that was not found, the report lists where the tool
    looked (the sections and pages that mention it). Opens offline: nothing is loaded from elsewhere.

    Example: slaextract report contract.pdf --preset strict-enterprise -o report.html
    """
    from .commands import write_output  # noqa: PLC0415
    from .commands.check import optional_policy  # noqa: PLC0415
    from .commands.views import report_page  # noqa: PLC0415

    write_output(report_page(file, optional_policy(policy, preset), password, max_pages), output)
    raise typer.Exit(EXIT_OK)


@command()
def table(
    source: Annotated[
        Path,
        typer.Argument(help="A folder written by --out-dir, or a JSON Lines file from extract.", show_default=False),
    ],
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="csv, parquet or xlsx.")] = TableFormat.csv,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write here (parquet and xlsx need it).")
    ] = None,
) -> None:
    """One row per term (file, field, rank, kind, minutes, percent, channel, scope, page, quote).

    Example: slaextract table results/ --format parquet -o terms.parquet
    """
    from .commands.table import write_table  # noqa: PLC0415

    write_table(source, fmt.value, output)


@command()
def schema() -> None:
    """Print the JSON Schema of the clause summary (generated from the models).

    Example: slaextract schema > clause-summary.schema.json
    """
    from .model import ClauseSummary  # noqa: PLC0415

    typer.echo(json.dumps(ClauseSummary.model_json_schema(), indent=2, ensure_ascii=False))


@command()
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
    timeout: Timeout = None,
) -> None:
    """Score summaries against your own annotated contracts: per field, per language, every miss.

    Exit 0 when scored, 1 when the F1 is under --fail-under, 2 when a gold file or contract could not be read.

    Example: slaextract score my-contracts/ --fail-under 0.9
    """
    from .commands.score import score_gold  # noqa: PLC0415

    tally, problems = score_gold(gold_dir, timeout)
    for line in problems:
        typer.echo(f"slaextract: {line}", err=True)
    typer.echo(
        json.dumps(tally.as_json(), indent=2, ensure_ascii=False, default=str)
        if fmt.value == "json"
        else tally.report()
    )
    if problems:
        raise typer.Exit(EXIT_ERROR)
    raise typer.Exit(EXIT_FINDINGS if fail_under is not None and tally.overall_f1() < fail_under else EXIT_OK)


@command(patterns_app, "test")
def patterns_test(
    folder: Annotated[Path | None, typer.Argument(help="A patterns folder (default: the built-in rules).")] = None,
) -> None:
    """Run every rule's match / no_match examples; exit 1 if any fails.

    Example: slaextract patterns test my-patterns/
    """
    from .selftest import run_examples  # noqa: PLC0415

    failures, total = run_examples(folder)
    for f in failures:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{total - len(failures)} passed, {len(failures)} failed")
    raise typer.Exit(EXIT_FINDINGS if failures else EXIT_OK)


@command(patterns_app, "list")
def patterns_list() -> None:
    """List every rule: id, role and file.

    Example: slaextract patterns list | grep response
    """
    from .rules import default_rules  # noqa: PLC0415

    for rule in default_rules().rules:
        typer.echo(f"{rule.id}\t{rule.role}\t{Path(rule.source).parent.name}/{Path(rule.source).name}")


def main() -> None:
    try:
        app()
    except SlaError as exc:  # anything that escaped a command: still one line, exit 2
        fail(exc)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        typer.echo(f"slaextract: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
