"""`slaextract check` and `slaextract presets`, added to the main typer app by `register(app)`.

Exit codes, as ruff's: 0 no failing findings; 1 findings at or above --fail-on; 2 the tool
could not do its job (unreadable input, invalid policy). A file that cannot be read does not
stop the others: each is still checked and reported, and the run exits 2.
"""

from __future__ import annotations

import json
import sys
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .batch.options import CLUSTER, JOBS
from .errors import SlaError

if TYPE_CHECKING:
    from .policy import Policy
    from .report import CheckResult

# The policy, report and model modules (pydantic) are imported by the commands that use them, not
# here: `slaextract --help` should not pay for them. tests/test_cli_check.py checks these names
# against report.FORMATS.
REPORT_FORMATS = ("text", "json", "sarif", "junit", "github")

if TYPE_CHECKING:
    from .batch.scheduler import Outcome

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

OutputFormat = Enum("OutputFormat", {name: name for name in REPORT_FORMATS}, type=str)  # type: ignore[misc]


class FailOn(StrEnum):
    error = "error"
    warning = "warning"


def fail(message: str) -> typer.Exit:
    """Print one line to stderr and give the exit to raise: always 2, never click's 1."""
    typer.echo(message, err=True)
    return typer.Exit(EXIT_ERROR)


def fail_with(exc: SlaError) -> typer.Exit:
    # An error about a file starts with the file (and line), as compilers print it; others name the tool.
    return fail(str(exc) if exc.path else f"slaextract: {exc}")


def print_schema() -> None:
    from .policy import policy_schema  # noqa: PLC0415

    typer.echo(json.dumps(policy_schema(), indent=2, ensure_ascii=False))


def choose_policy(policy: Path | None, preset: str | None) -> Policy:
    from .policy import load_policy, load_preset  # noqa: PLC0415

    if (policy is None) == (preset is None):
        raise fail("slaextract: give exactly one of --policy FILE or --preset NAME (see `slaextract presets`)")
    try:
        return load_policy(policy) if policy is not None else load_preset(preset or "")
    except SlaError as exc:
        raise fail_with(exc) from None


def check_outcome(outcome: Outcome, policy: Policy) -> CheckResult:
    from .model import ClauseSummary  # noqa: PLC0415 - --help and presets load none of this
    from .policy import check  # noqa: PLC0415
    from .report import CheckResult  # noqa: PLC0415

    result = outcome.result
    if isinstance(result, ClauseSummary):
        return CheckResult(str(outcome.path), verdict=check(result, policy))
    if isinstance(result, SlaError):
        return CheckResult(str(outcome.path), error=result.message)
    return CheckResult(str(outcome.path), error=f"internal error: {type(result).__name__}: {result}")


def write_report(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise fail(f"{output}: cannot write report ({exc.strerror})") from None


def exit_code(results: list[CheckResult], fail_on: FailOn, exit_zero: bool) -> int:
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    if exit_zero:
        return EXIT_OK
    failing = any(not result.verdict.passed_at(fail_on.value) for result in results if result.verdict)
    return EXIT_FINDINGS if failing else EXIT_OK


def check_command(
    files: Annotated[
        list[Path] | None, typer.Argument(help="Contracts, folders or glob patterns to check.", show_default=False)
    ] = None,
    policy: Annotated[Path | None, typer.Option("--policy", help="Policy YAML file.")] = None,
    preset: Annotated[
        str | None, typer.Option("--preset", help="A built-in policy (see `slaextract presets`).")
    ] = None,
    fmt: Annotated[OutputFormat, typer.Option("--format", help="Report format.")] = OutputFormat["text"],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the report here, not stdout.")] = None,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that exits 1.")] = FailOn.error,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even with findings (2 still means 2).")
    ] = False,
    password: Annotated[str | None, typer.Option("--password", help="Password of encrypted PDFs.")] = None,
    timeout: Annotated[
        float | None,
        typer.Option(help="Seconds allowed per document (default: 60, plus 0.1 a page).", show_default=False),
    ] = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse documents longer than this.")] = 10_000,
    schema: Annotated[bool, typer.Option("--policy-schema", help="Print the policy JSON Schema and exit.")] = False,
    jobs: Annotated[int | None, JOBS] = None,
    cluster: Annotated[str | None, CLUSTER] = None,
) -> None:
    """Check contracts against a policy; exit 0 (pass), 1 (failing findings) or 2 (could not check).

    Example: slaextract check contract.pdf --preset strict-enterprise
    """
    if schema:
        print_schema()
        return
    if not files:
        raise fail("slaextract: no files to check: slaextract check FILE... --preset NAME")
    chosen = choose_policy(policy, preset)
    from .batch.commands import BatchOptions, each_document  # noqa: PLC0415 - the PDF stack loads on use

    results: list[CheckResult] = []
    options = BatchOptions(password, timeout, max_pages, jobs, cluster)
    stop = each_document(files, options, lambda outcome: results.append(check_outcome(outcome, chosen)))
    for result in results:
        if result.error is not None:
            typer.echo(f"{result.path}: {result.error}", err=True)
    from .report import FORMATS, Report  # noqa: PLC0415

    color = output is None and fmt.value == "text" and sys.stdout.isatty()
    report = Report(results, fail_on=fail_on.value, color=color)
    write_report(FORMATS[fmt.value](report), output)
    raise typer.Exit(stop.exit_code if stop else exit_code(results, fail_on, exit_zero))


def presets_command(
    name: Annotated[str | None, typer.Argument(help="Print this preset as policy YAML.", show_default=False)] = None,
    schema: Annotated[bool, typer.Option("--schema", help="Print the policy JSON Schema and exit.")] = False,
) -> None:
    """List the built-in policies, or print one as YAML to start your own from.

    Example: slaextract presets strict-enterprise > policy.yaml
    """
    from .policy import list_presets, preset_text  # noqa: PLC0415

    if schema:
        print_schema()
        return
    try:
        if name is not None:
            sys.stdout.write(preset_text(name))
            return
        infos = list_presets()
    except SlaError as exc:
        raise fail_with(exc) from None
    width = max(len(info.name) for info in infos)
    for info in infos:
        typer.echo(f"{info.name.ljust(width)}  {info.description}")


def register(app: typer.Typer) -> None:
    """Add `check` and `presets` to the main app."""
    from .cli_style import Command  # noqa: PLC0415

    app.command("check", cls=Command)(check_command)
    app.command("presets", cls=Command)(presets_command)
