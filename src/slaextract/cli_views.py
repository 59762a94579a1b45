"""`slaextract diff`, `compare` and `report`, added to the main typer app by `register(app)`.

The logic lives in slaextract.views; this module reads the inputs, picks the format and owns
the exit codes: 0 done, 1 (diff --fail-on worse) a change is worse, 2 could not do the job.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from .batch.options import JOBS
from .cli_check import choose_policy, fail, fail_with
from .errors import SlaError

if TYPE_CHECKING:  # pydantic models: `slaextract --help` does not import them
    from .model import ClauseSummary
    from .policy import Policy

PolicyOption = Annotated[Path | None, typer.Option("--policy", help="Policy YAML file.")]
PresetOption = Annotated[str | None, typer.Option("--preset", help="A built-in policy (see `slaextract presets`).")]
OutputOption = Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")]
PasswordOption = Annotated[str | None, typer.Option("--password", help="Password of encrypted PDFs.")]
TimeoutOption = Annotated[float, typer.Option(help="Seconds allowed per document.")]


def optional_policy(policy: Path | None, preset: str | None) -> Policy | None:
    return None if policy is None and preset is None else choose_policy(policy, preset)


def summaries(files: list[Path], password: str | None, timeout: float, jobs: int | None = 1) -> list[ClauseSummary]:
    """Each file in a bounded worker (up to `jobs` at once), as `extract` reads it, in input order;
    the first failure stops the command."""
    from .batch import run_documents  # noqa: PLC0415 - the PDF stack loads on use

    out = []
    with closing(run_documents(files, password=password, timeout=timeout, jobs=jobs)) as outcomes:
        for outcome in outcomes:
            if isinstance(outcome.result, SlaError):
                exc = outcome.result
                raise fail_with(exc if exc.path else SlaError(exc.message, str(outcome.path))) from None
            out.append(outcome.result)
    return out


def emit(text: str, output: Path | None) -> None:
    from .cli_check import write_report  # noqa: PLC0415 - one writer for every report

    write_report(text, output)


def check_format(fmt: str, known: dict) -> None:
    if fmt not in known:
        raise fail(f"slaextract: unknown --format {fmt!r}; choose {', '.join(known)}")


def diff_command(
    old: Annotated[Path, typer.Argument(help="The earlier version (PDF, .txt, .md).", show_default=False)],
    new: Annotated[Path, typer.Argument(help="The later version.", show_default=False)],
    policy: PolicyOption = None,
    preset: PresetOption = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json, markdown or github.")] = "text",
    fail_on: Annotated[str | None, typer.Option("--fail-on", help="'worse': exit 1 when any change is worse.")] = None,
    output: OutputOption = None,
    password: PasswordOption = None,
    timeout: TimeoutOption = 60.0,
) -> None:
    """What changed in the service-level terms between two versions, and is it better or worse."""
    from .views.diff import diff_summaries  # noqa: PLC0415 - keeps `slaextract --help` fast
    from .views.diff_render import DIFF_FORMATS, render_text  # noqa: PLC0415
    from .views.textout import terminal_width  # noqa: PLC0415

    check_format(fmt, DIFF_FORMATS)
    if fail_on not in (None, "worse"):
        raise fail("slaextract: --fail-on takes 'worse'")
    chosen = optional_policy(policy, preset)
    before, after = summaries([old, new], password, timeout)
    diff = diff_summaries(before, after, chosen)
    text = render_text(diff, terminal_width()) if fmt == "text" else DIFF_FORMATS[fmt](diff)
    emit(text, output)
    raise typer.Exit(1 if fail_on == "worse" and diff.worse else 0)


def compare_command(
    files: Annotated[
        list[Path], typer.Argument(help="Two or more contracts (or folders, globs) side by side.", show_default=False)
    ],
    policy: PolicyOption = None,
    preset: PresetOption = None,
    fmt: Annotated[str, typer.Option("--format", help="text, markdown, html, csv or json.")] = "text",
    output: OutputOption = None,
    password: PasswordOption = None,
    timeout: TimeoutOption = 60.0,
    jobs: Annotated[int | None, JOBS] = None,
) -> None:
    """Contracts side by side: one row per term, one column per contract (and the policy's verdict)."""
    from .batch import expand_inputs  # noqa: PLC0415
    from .views.compare import COMPARE_FORMATS, build_comparison, render_text  # noqa: PLC0415
    from .views.textout import terminal_width  # noqa: PLC0415

    check_format(fmt, COMPARE_FORMATS)
    files = expand_inputs(files)
    if len(files) < 2:
        raise fail("slaextract: compare needs two contracts or more")
    chosen = optional_policy(policy, preset)
    table = build_comparison(summaries(files, password, timeout, jobs), chosen)
    emit(render_text(table, terminal_width()) if fmt == "text" else COMPARE_FORMATS[fmt](table), output)
    raise typer.Exit(0)


def report_command(
    file: Annotated[Path, typer.Argument(help="The contract (PDF, .txt, .md).", show_default=False)],
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write.")],
    policy: PolicyOption = None,
    preset: PresetOption = None,
    password: PasswordOption = None,
    max_pages: Annotated[int, typer.Option("--max-pages", help="Refuse documents longer than this.")] = 2000,
) -> None:
    """One self-contained HTML page: each term on its page, the policy's verdict, and what is missing.

    Every term is a card with its quote and a crop of the page with the evidence box drawn; a click
    shows the whole page. For a required term that was not found, the report lists where the tool
    looked (the sections and pages that mention it). Opens offline: nothing is loaded from elsewhere.
    """
    from .views.report import build_report  # noqa: PLC0415

    chosen = optional_policy(policy, preset)
    try:
        html = build_report(file, chosen, password=password, max_pages=max_pages)
    except SlaError as exc:
        raise fail_with(exc if exc.path else SlaError(exc.message, str(file))) from None
    emit(html, output)
    raise typer.Exit(0)


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_command)
    app.command("compare")(compare_command)
    app.command("report")(report_command)
